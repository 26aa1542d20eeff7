"""A yes-or-no question; ``y``/``n`` answer it, ``escape`` means no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.tui.safe import safe


class ConfirmScreen(DismissOnce, ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No", danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(safe(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="error" if self.danger else "primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#no" if self.danger else "#yes"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class EditConflictScreen(DismissOnce, ModalScreen[str]):
    """A field the person changed was also changed elsewhere while the form was
    open: keep yours or take the other window's. ``m`` keeps mine, ``t`` (or
    ``escape``) takes theirs, which is what is stored already."""

    BINDINGS = [
        Binding("m", "answer('mine')", "Keep mine"),
        Binding("t", "answer('theirs')", "Take theirs"),
        Binding("escape", "answer('theirs')", "Take theirs"),
    ]

    def __init__(self, company: str, lines: list[str]) -> None:
        super().__init__()
        self.company = company
        self.lines = lines

    def compose(self) -> ComposeResult:
        text = "\n".join([f"While you were editing {self.company}, another window saved a change to the same "
                          + ("field." if len(self.lines) == 1 else "fields."), "", *self.lines, "",
                          "Which should stay?"])
        with Vertical(classes="dialog confirm"):
            yield Static(safe(text), classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Keep mine (m)", variant="primary", id="mine")
                yield Button("Take theirs (t)", id="theirs")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#mine"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "theirs")

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice)
