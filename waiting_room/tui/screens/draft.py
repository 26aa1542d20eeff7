"""Drafting a message (being built)."""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import Static


class DraftScreen(ModalScreen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self, app_id: str) -> None:
        super().__init__()
        self.app_id = app_id

    def compose(self):
        yield Static("Drafts are on their way.", classes="dialog")
