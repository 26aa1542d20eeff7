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


#: What a terminal sends along with the keys a burst names (the rest send no character).
_KEY_CHARACTERS = {"tab": "\t", "enter": "\r", "space": " ", "escape": "\x1b"}


def type_ahead(app, *keys: str) -> None:
    """Queue keys as one burst, the way SSH type-ahead delivers them: every key is
    waiting before the first is handled (``pilot.press`` waits between keys).

    Each key is one character ("D", " ", "-") or a key's name ("tab", "down").
    """
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key if key.isalnum() else _character_to_key(key), key))
        else:
            app.post_message(events.Key(key, _KEY_CHARACTERS.get(key)))
