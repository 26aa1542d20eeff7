"""Every key, grouped by purpose: the help screen and the README read from here."""

from __future__ import annotations

KEY_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Moving around", (
        ("j / down", "next application"),
        ("k / up", "previous application"),
        ("enter", "open the selected application in full"),
        ("pgup / pgdn", "scroll the full view"),
        ("escape", "go back, close a dialog, clear the filter"),
        ("/", "filter applications by text"),
        ("h", "show or hide closed applications"),
    )),
    ("Keeping track", (
        ("a", "add an application"),
        ("e", "edit the selected application (delete is in there too)"),
        ("l", "log an event: an interview, a reply, a follow-up you sent"),
        ("space", "tick or untick the selected stay-busy task"),
        ("t", "add a task of your own (in an application)"),
        ("r", "let the quiet ones rest: close long-silent applications in one step"),
        ("u", "undo the last rest"),
    )),
    ("Messages", (
        ("d", "draft a message: thank-you, follow-up, check-in, withdrawal, next round"),
        ("1-5 / ←→", "in a draft: switch to another kind of message"),
        ("tab", "in a draft: edit the text (escape stops editing)"),
        ("c / ctrl+y", "copy the open draft to the clipboard (works over SSH)"),
        ("m", "in a draft: mark it as sent, which logs it"),
        ("ctrl+s", "save a form, or save a draft to a file"),
    )),
    ("Looking after yourself", (
        ("m", "meanwhile: your own calm list, ticked day by day"),
        ("b", "a guided breathing break (space pauses, t switches the rhythm)"),
        ("s", "stats: how your search is going"),
    )),
    ("Everything else", (
        ("?", "this help"),
        ("ctrl+p", "command palette: every action, and jump to an application"),
        ("q", "quit"),
    )),
)
