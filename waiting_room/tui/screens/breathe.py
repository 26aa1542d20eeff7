"""A breathing break (being built)."""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import Static


class BreatheScreen(ModalScreen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self) -> None:
        super().__init__()

    def compose(self):
        yield Static("Breathing is on its way.", classes="dialog")
