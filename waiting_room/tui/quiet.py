"""Letting the quiet ones rest (being built)."""

from __future__ import annotations


def rest_quiet(app) -> None:
    app.notify("Coming soon.", markup=False)
