"""A kind word when an application ends, and one thing to do next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.core.model import Application, Kind
from waiting_room.tui.safe import line

ENDINGS = {
    Kind.OFFER: (
        "An offer. Well done: the waiting paid off.",
        "Take a day before you answer if you need it, and ask for the offer in writing.",
    ),
    Kind.REJECTION: (
        "Not this time. That stings, and it is allowed to.",
        "When you are ready, note one thing that went well in the interview; it travels with you to the next one.",
    ),
    Kind.WITHDREW: (
        "You chose to step away. Knowing what you don't want is progress too.",
        "A short, friendly withdrawal note keeps the door open; press d on it if you have not sent one.",
    ),
}


class EndingScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,space", "close", "Close")]

    def __init__(self, app_: Application, kind: Kind) -> None:
        super().__init__()
        self.application = app_
        self.kind = kind

    def compose(self) -> ComposeResult:
        headline, suggestion = ENDINGS[self.kind]
        with Vertical(classes="dialog ending"):
            yield Static(Content.assemble(line(self.application.company, "bold"), ("  ·  ", "dim"),
                                          line(self.application.role)), classes="dialog-title")
            yield Static(headline, classes="headline")
            yield Static(Content.assemble(("Next: ", "$text-muted"), suggestion))
            yield Static("It is closed now; h on the dashboard shows or hides closed ones. Press enter to go on.",
                         classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
