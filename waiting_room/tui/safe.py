"""The one way user text becomes something a widget renders.

User text is data: never markup, never terminal control. ``Content.styled``
takes the string literally (no markup parsing) and ``clean`` has already
replaced every control character with a visible stand-in.
"""

from __future__ import annotations

from textual.content import Content

from waiting_room.core.text import clean


def safe(text: str, style: str = "", *, single_line: bool = False) -> Content:
    """User text as literal, styled content."""
    return Content.styled(clean(text, single_line=single_line), style)


def line(text: str, style: str = "") -> Content:
    """User text on one line (newlines and tabs become spaces)."""
    return safe(text, style, single_line=True)
