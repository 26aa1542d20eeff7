"""Themes: Textual's own, plus a calm one and one that uses the terminal's palette."""

from __future__ import annotations

import os

from textual.app import App
from textual.theme import Theme

CALM = Theme(
    name="waiting-room",
    primary="#7FA7C9",
    secondary="#9DB7A5",
    accent="#D9B26F",
    foreground="#E4E2DC",
    background="#1E2227",
    surface="#262B31",
    panel="#2E343B",
    success="#8FB996",
    warning="#D9B26F",
    error="#D98B7E",
    dark=True,
)


def register_themes(app: App) -> None:
    app.register_theme(CALM)
    if os.environ.get("WAITING_ROOM_ANSI"):
        app.theme = "ansi-dark"
    else:
        app.theme = "waiting-room"
