"""The floor for the TUI: a bare Textual app showing the same names in an OptionList.

Run: ``python benchmarks/bare_app.py DB`` (j moves down, as in Waiting Room; q quits).
It reads the file with json and shows "company · role" for every application.
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList


class Names(OptionList):
    BINDINGS = [Binding("j", "cursor_down", "Next"), Binding("k", "cursor_up", "Previous")]


class BareApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with open(self.path, "rb") as handle:
            doc = json.load(handle)
        names = [f"{r['company']} · {r['role']}" for r in doc["applications"].values()]
        yield Names(*names)


def first_name(path: str) -> str:
    with open(path, "rb") as handle:
        doc = json.load(handle)
    return next(iter(doc["applications"].values()))["company"]


if __name__ == "__main__":
    BareApp(sys.argv[1]).run()
