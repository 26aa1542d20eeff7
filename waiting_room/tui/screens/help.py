"""Every key, grouped by what it is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.tui.keys import KEY_GROUPS


def help_content() -> Content:
    rows: list[Content] = []
    for group, keys in KEY_GROUPS:
        rows.append(Content.styled(group, "bold $accent"))
        for key, what in keys:
            rows.append(Content.assemble((f"  {key:<12}", "bold"), what))
        rows.append(Content(""))
    rows.append(Content.styled("Forms: ctrl+s or enter on the last field saves; escape cancels.", "$text-muted"))
    return Content("\n").join(rows)


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static("Keys", classes="dialog-title")
            yield Static(help_content())
            yield Static("escape closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
