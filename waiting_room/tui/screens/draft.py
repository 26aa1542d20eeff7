"""A message, drafted: pick the kind, edit it, copy it, save it, mark it as sent.

Focus starts on the row of kinds, so the one-letter keys (c, m, 1-5, left and
right) work at once. In the text they type letters, as they should; tab or
escape leaves the text, and ctrl+y copies and ctrl+s saves from anywhere.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, Tab, Tabs, TextArea

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.core.drafts import DRAFT_LABELS, DraftKind, draft, suggested_step
from waiting_room.core.model import CLOSING_KINDS, KIND_LABELS, Event, Kind
from waiting_room.core.waiting import short_date
from waiting_room.store import files
from waiting_room.store.errors import StoreError
from waiting_room.tui.safe import line
from waiting_room.tui.widgets.focus import TypeAheadInput, TypeAheadTextArea
from waiting_room.tui.widgets.footer import KeyFooter

#: Short names for the row of kinds (the long ones do not fit at 80 columns).
TAB_LABELS: dict[DraftKind, str] = {
    DraftKind.THANK_YOU: "Thank you",
    DraftKind.FOLLOW_UP: "Follow-up",
    DraftKind.CHECK_IN: "Last check-in",
    DraftKind.WITHDRAWAL: "Withdraw",
    DraftKind.ACCEPT_NEXT_ROUND: "Next round",
}
KINDS: tuple[DraftKind, ...] = tuple(TAB_LABELS)

COPIED = ("Copied to the clipboard. If nothing arrived, your terminal may not pass it on "
          "(in tmux: set -g set-clipboard on); ctrl+s saves it to a file instead.")

HINT_OUTSIDE = "1-5 or ←/→ switch the message · tab to edit the text · esc back"
HINT_EDITING = "Editing: keys type here · ctrl+y copy · ctrl+s save · esc stops editing"


def slug(text: str) -> str:
    """A file-name-safe version of ``text``: lowercase letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40].strip("-")


def default_path(company: str, kind: DraftKind) -> str:
    name = f"{slug(company) or 'draft'}-{kind.value.replace('_', '-')}.txt"
    return f"~/waiting-room-drafts/{name}"


def save_text(where: str, text: str) -> Path:
    """Write ``text`` to ``where`` (``~`` expanded), privately (0600), as ``export -o`` writes.

    Raises OSError, or StoreError for a place the store refuses (a folder, a socket,
    someone else's file or link)."""
    path = Path(where).expanduser()
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; please name a file")
    files.write_named(path, text.encode("utf-8"))
    return path


class SavePathScreen(DismissOnce, ModalScreen[str | None]):
    """Where to save the draft; enter or ctrl+s saves, escape cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),  # not priority: it takes its turn behind the letters before it
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save the draft to a file", classes="dialog-title")
            yield Label("File (only you can read it; an existing file of that name is replaced)",
                        classes="muted")
            yield TypeAheadInput(self.suggested, id="save-path")  # keys in turn, however fast
            yield Static("enter or ctrl+s save · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        value = self.query_one(Input).value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DraftScreen(DismissOnce, ModalScreen[None]):
    DEFAULT_CSS = """
    DraftScreen #draft {
        width: 96;
        max-width: 100%;
        height: 100%;
        max-height: 40;
        padding: 0 1;
        background: $surface;
        border: round $primary;
    }
    DraftScreen #draft-title { text-style: bold; color: $accent; height: 1; }
    DraftScreen #draft-kinds { width: 1fr; }
    DraftScreen #draft-about { height: auto; color: $text-muted; }
    DraftScreen #draft-text { height: 1fr; min-height: 5; }
    DraftScreen #draft-hint { height: auto; color: $text-muted; }
    DraftScreen #draft-buttons { height: auto; margin: 1 0 0 0; }
    DraftScreen #draft-buttons Button { margin: 0 2 0 0; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="draft-back"),
        Binding("c", "copy", "Copy", id="draft-copy"),
        Binding("ctrl+y", "copy_anywhere", "Copy anywhere", priority=True, id="draft-copy-anywhere"),
        Binding("ctrl+s", "save", "Save to file", priority=True, id="draft-save"),
        Binding("m", "mark_sent", "Mark as sent", id="draft-mark-sent"),
        Binding("left", "step(-1)", "Previous kind", show=False),
        Binding("right", "step(1)", "Next kind", show=False),
        *(Binding(str(i + 1), f"kind({i})", TAB_LABELS[k], show=False) for i, k in enumerate(KINDS)),
    ]

    def __init__(self, app_id: str, kind: DraftKind | None = None) -> None:
        super().__init__()
        self.app_id = app_id
        self.initial = kind
        self.kind: DraftKind = kind or DraftKind.FOLLOW_UP
        self.suggested: DraftKind | None = None
        self.suggested_due: date | None = None  # the day the plan's message is due
        #: the event "Mark as sent" logs for the kind on show
        self.logs: Kind | None = None
        #: the draft as written for the kind on show, to tell whether it was edited
        self.fresh_text = ""
        #: what the person has typed, per kind, so switching back keeps it
        self.edited: dict[DraftKind, str] = {}

    # building -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        application = self.app.app_by_id(self.app_id)
        if application is not None:
            self.suggested, self.suggested_due = suggested_step(application, self.app.today)
            self.kind = self.initial or self.suggested
        with Vertical(id="draft"):
            title = [("A message for ", "")]
            if application is not None:
                title += [line(application.company, "bold"), ("  ·  ", "dim"), line(application.role)]
            yield Static(Content.assemble(*title), id="draft-title")
            yield Tabs(
                *(Tab(f"{i + 1} {TAB_LABELS[k]}", id=k.value) for i, k in enumerate(KINDS)),
                active=self.kind.value,
                id="draft-kinds",
            )
            yield Static(id="draft-about")
            yield TypeAheadTextArea(id="draft-text", soft_wrap=True, tab_behavior="focus")
            with Horizontal(id="draft-buttons"):
                yield Button("Copy (c)", id="b-copy", compact=True, variant="primary")
                yield Button("Save to file (ctrl+s)", id="b-save", compact=True)
                yield Button("Mark as sent (m)", id="b-sent", compact=True)
            yield Static(HINT_OUTSIDE, id="draft-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False  # a steady cursor: calmer, and screenshots stay the same
        self.show_kind(self.kind)
        self.set_focus(self.query_one(Tabs))

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#draft-text", TextArea)

    def show_kind(self, kind: DraftKind) -> None:
        """Fill the text with ``kind``'s draft (or what was typed into it before)."""
        application = self.app.app_by_id(self.app_id)
        if application is None:
            return
        if self.fresh_text and self.text_area.text != self.fresh_text:
            self.edited[self.kind] = self.text_area.text
        self.kind = kind
        fresh = draft(kind, application, self.app.today)
        self.fresh_text = fresh.text
        self.logs = fresh.logs
        self.text_area.load_text(self.edited.get(kind, fresh.text))
        self.text_area.move_cursor((0, 0))
        about: list = []
        if kind is self.suggested:
            due = self.suggested_due
            if due is not None and due > self.app.today:
                # the plan says wait: say so, and offer the message for then
                about.append((f"No message is due before {short_date(due)}; here is the "
                              f"{DRAFT_LABELS[kind].lower()} for then. ", "italic"))
            else:
                about.append(("The one that fits this moment. ", "italic"))
        if fresh.logs is None:
            about.append("Nothing to log when you send this one; log the new date with l once it is set.")
        else:
            about.append(f"Mark as sent logs \"{KIND_LABELS[fresh.logs].lower()}\" for today.")
        self.query_one("#draft-about", Static).update(Content.assemble(*about))
        self.query_one("#b-sent", Button).disabled = fresh.logs is None
        self.refresh_bindings()

    # focus and hints --------------------------------------------------------------
    def on_descendant_focus(self) -> None:
        self.query_one("#draft-hint", Static).update(HINT_EDITING if self.editing else HINT_OUTSIDE)
        self.refresh_bindings()

    @property
    def editing(self) -> bool:
        # Bindings are checked (check_action) before the screen has composed, too.
        focused = self.focused
        return focused is not None and focused.id == "draft-text"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy", "save", "mark_sent", "step", "kind") and not self.is_mounted:
            return False  # a key typed ahead of the screen: nothing to act on yet
        if action in ("copy", "mark_sent", "step", "kind") and self.editing:
            return False  # hidden from the footer: in the text these keys type
        if action == "mark_sent" and self.logs is None:
            return None  # shown, dimmed: nothing to log for this kind
        return True

    # events -----------------------------------------------------------------------
    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab is not None and event.tab.id and event.tab.id != self.kind.value:
            self.show_kind(DraftKind(event.tab.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"b-copy": self.action_copy, "b-save": self.action_save, "b-sent": self.action_mark_sent}[
            event.button.id or "b-copy"
        ]()

    # actions ----------------------------------------------------------------------
    def action_back(self) -> None:
        if self.editing:
            self.set_focus(self.query_one(Tabs))  # first escape leaves the text; the next one closes
            return
        if not self.has_unkept_edits():
            self.dismiss(None)
            return
        from waiting_room.tui.screens.confirm import ConfirmScreen

        def answer(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Close the draft? Your changes to it are not kept here "
                          "(c copies them, ctrl+s saves them to a file).", yes="Close it", no="Stay"),
            answer,
        )

    def has_unkept_edits(self) -> bool:
        """Typed changes that were neither copied nor saved since."""
        if self.kept_text == self.text_area.text and not self.edited:
            return False
        changed = bool(self.edited) or self.text_area.text != self.fresh_text
        return changed and self.text_area.text != self.kept_text

    def action_step(self, step: int) -> None:
        index = (KINDS.index(self.kind) + step) % len(KINDS)
        self.action_kind(index)

    def action_kind(self, index: int) -> None:
        if 0 <= index < len(KINDS):
            self.query_one(Tabs).active = KINDS[index].value  # TabActivated fills the text

    def action_copy_anywhere(self) -> None:
        self.action_copy()

    kept_text = ""  # the text last copied or saved

    def action_copy(self) -> None:
        self.kept_text = self.text_area.text
        self.app.copy_to_clipboard(self.text_area.text)
        self.notify(COPIED, markup=False, timeout=6)

    def action_save(self) -> None:
        application = self.app.app_by_id(self.app_id)
        company = application.company if application is not None else ""
        text = self.text_area.text

        def write(where: str | None) -> None:
            if not where:
                return
            try:
                path = save_text(where, text if text.endswith("\n") else text + "\n")
            except (OSError, StoreError) as error:
                reason = str(error) if isinstance(error, StoreError) else error.strerror or str(error)
                self.notify(f"Could not save to {where}: {reason}", title="Not saved",
                            severity="error", markup=False, timeout=8)
                return
            shown = where if where.startswith("~") else str(path)
            self.kept_text = self.text_area.text
            self.notify(f"Saved to {shown}. Only you can read it.", markup=False)

        self.app.push_screen(SavePathScreen(default_path(company, self.kind)), write)

    def action_mark_sent(self) -> None:
        application = self.app.app_by_id(self.app_id)
        if application is None:
            return
        kind = self.logs
        if kind is None:
            self.notify("Nothing to log for this one; when the next round is set, log it with l.",
                        markup=False)
            return
        from waiting_room.tui import actions

        event = Event(self.app.today, kind)
        if kind not in CLOSING_KINDS:
            self.dismiss(None)
            actions.record(self.app, self.app_id, event)
            return
        from waiting_room.tui.screens.confirm import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)
                actions.record(self.app, self.app_id, event)

        self.app.push_screen(
            ConfirmScreen("Log that you withdrew today? This closes the application; "
                          "it stays in your history.", yes="Log it", no="Not yet"),
            answer,
        )
