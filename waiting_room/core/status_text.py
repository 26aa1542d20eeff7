"""Fitting the lines of ``status`` to a terminal's width. Imports nothing heavy:
``status`` renders cached parts with this alone."""

from __future__ import annotations

from typing import Any


def render(parts: dict[str, Any], width: int) -> list[str]:
    rows = [_choose(choices, width) for choices in parts["rows"]]
    return [*parts["lines"], *rows, *parts["tail"]]


def _choose(choices: list[str], width: int) -> str:
    for candidate in choices:
        if len(candidate) <= width:
            return candidate
    last = choices[-1]
    return last[: max(1, width - 1)] + "…"
