"""What people see, pinned: the demo data on 2026-11-20, compared cell for cell.

Regenerate after a deliberate UI change with ``pytest tests/tui --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

import pytest

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, make_app, size):
    assert snap_compare(make_app(demo=True), terminal_size=SIZES[size])


def test_application_view(snap_compare, make_app):
    assert snap_compare(make_app(demo=True), press=["j", "j", "enter"], terminal_size=(100, 40))


def test_application_view_narrow(snap_compare, make_app):
    assert snap_compare(make_app(demo=True), press=["enter"], terminal_size=(80, 24))


def test_add_form(snap_compare, make_app):
    assert snap_compare(make_app(demo=True), press=["a", "ctrl+s"], terminal_size=(80, 24))


def test_help(snap_compare, make_app):
    assert snap_compare(make_app(demo=True), press=["question_mark"], terminal_size=(100, 34))


def test_filtered(snap_compare, make_app):
    assert snap_compare(make_app(demo=True), press=["slash", *"clear", "enter"], terminal_size=(80, 24))
