"""Every key, grouped by what it is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from waiting_room.tui.keys import KEY_GROUPS
from waiting_room.tui.screens.once import DismissOnce


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    DEFAULT_CSS = """
    HelpScreen .help-row { height: auto; }
    HelpScreen .help-key { width: 14; padding: 0 0 0 2; text-style: bold; }
    HelpScreen .help-what { width: 1fr; }
    HelpScreen .help-group { margin: 1 0 0 0; text-style: bold; color: $accent; }
    """

    def compose(self) -> ComposeResult:
        # One row per key, so a long description wraps under itself, not under the key.
        with VerticalScroll(classes="dialog help"):
            yield Static("Keys", classes="dialog-title")
            for group, keys in KEY_GROUPS:
                yield Static(group, classes="help-group")
                for key, what in keys:
                    with Horizontal(classes="help-row"):
                        yield Static(key, classes="help-key")
                        yield Static(what, classes="help-what")
            yield Static("Forms: ctrl+s or enter on the last field saves; escape cancels.", classes="dialog-hint")
            yield Static("escape closes", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
