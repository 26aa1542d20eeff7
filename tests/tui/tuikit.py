"""Helpers for reading what the TUI shows."""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 20)


def card_ids(app) -> list[str]:
    from waiting_room.tui.widgets.cards import ApplicationList

    listing = app.screen.query_one(ApplicationList)
    return [o.id for o in listing.options if o.id]


def screen_text(app) -> str:
    """What the screen shows, as plain text: the same cells a terminal would get."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
