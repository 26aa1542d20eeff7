"""Forms for adding and editing an application and for logging an event.

``ctrl+s`` (or enter on the last field) saves, ``escape`` cancels; enter on
any other field moves on. Problems show under the field, in words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay  # Select's list; Textual does not export it

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.core.dates import future_hint, parse_human_date, parse_past_date, past_hint
from waiting_room.core.model import (
    KIND_LABELS,
    SIZE_LABELS,
    Application,
    Contact,
    Event,
    InvalidData,
    Kind,
    Size,
    Status,
)
from waiting_room.core.text import clean
from waiting_room.tui.safe import line
from waiting_room.tui.widgets.focus import FollowsFocus, TypeAheadInput
from waiting_room.tui.words import STATUS_WORDS



class Field(Vertical):
    """A label, an input and a quiet line for problems."""

    DEFAULT_CSS = """
    Field { height: auto; margin: 0 0 1 0; }
    Field > Horizontal { height: auto; }
    Field Label.field-label { color: $text-muted; width: 21; }
    Field Input, Field Select { width: 1fr; }
    Field Input { background: $boost; }
    Field > Label.field-error { color: $error; width: 1fr; height: auto; display: none; padding: 0 0 0 21; }
    Field.-invalid > Label.field-error { display: block; }
    Field.-invalid Input { background: $error 15%; }
    """

    def __init__(self, label: str, widget: Input | Select, name: str) -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.widget = widget

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label")
            yield self.widget
        yield Label("", classes="field-error")

    def show_error(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", Label).update(line(message or ""))


class FormScreen(DismissOnce, ModalScreen[Any]):
    """Shared keys and layout of every form."""

    BINDINGS = [
        # Not a priority binding: it must take its turn behind the letters typed before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]
    TITLE_TEXT = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: the fields showing an error, and how to check each again as it is typed
        self.rechecks: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Static(self.TITLE_TEXT, classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield from self.fields()
            with Horizontal(classes="buttons"):
                yield from self.buttons()
            yield Static("ctrl+s save · escape cancel · enter next field", classes="dialog-hint")

    def fields(self) -> ComposeResult:
        return iter(())

    def buttons(self) -> ComposeResult:
        yield Button("Save", variant="primary", id="save", compact=True)
        yield Button("Cancel", id="cancel", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = [w for w in self.query("Input, Select") if w.display]
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError

    def value(self, name: str) -> str:
        """What the field holds; the stored text itself when the person left it as shown."""
        field = self.query_one(f"#in-{name}", Input)
        if isinstance(field, FormInput) and field.original is not None and field.value == field.shown:
            return field.original
        return field.value

    def error(self, name: str, message: str | None) -> None:
        self.query_one(f"#field-{name}", Field).show_error(message)

    def focus_first(self, selector: str) -> None:
        """Focus a field, when there is one: a form can be mounted with the app
        already closing (type-ahead "qe"), and then it has none."""
        found = self.query(selector)
        if found:
            self.set_focus(found.first())

    def check_date(self, name: str, *, required: bool = False, ahead: bool = False) -> tuple[bool, date | None]:
        """A date field: ``ahead`` for dates to come (a promised reply, a due date),
        otherwise a day something happened, which cannot be in the future."""
        hint = future_hint(self.app.today) if ahead else past_hint(self.app.today)
        text = self.value(name).strip()
        if not text:
            if required:
                self.error(name, "Please give a date: " + hint)
                return False, None
            self.error(name, None)
            return True, None
        try:
            if ahead:
                day = parse_human_date(text, self.app.today, "date", ahead=True)
            else:
                day = parse_past_date(text, self.app.today, "date")
        except InvalidData as error:
            if "future" in str(error):
                self.error(name, "That is still to come; log it once it has happened.")
            else:
                self.error(name, f"I could not read that date. Try {hint}.")
            self.rechecks[name] = lambda: self.check_date(name, required=required, ahead=ahead)
            return False, None
        self.error(name, None)
        return True, day

    def check_text(self, name: str, label: str) -> str | None:
        text = self.value(name).strip()
        self.error(name, None if text else f"{label} is needed.")
        if not text:
            self.rechecks[name] = lambda: self.check_text(name, label)
        return text or None


    def on_input_changed(self, event: Input.Changed) -> None:
        # A field's error goes as soon as its text is right (and says what is
        # wrong now, while it is not).
        name = (event.input.id or "").removeprefix("in-")
        check = self.rechecks.get(name)
        if check is not None:
            result = check()
            if (result[0] if isinstance(result, tuple) else result is not None):
                del self.rechecks[name]


class FormInput(TypeAheadInput):
    """A form's text field. Its keys act in the order typed (see TypeAheadInput):
    Tab and enter move on at once, so the letters typed behind them land in the
    next field, and ctrl+s saves what was typed before it, and nothing after.
    """

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        # Stored text is shown with control characters made visible (never sent to
        # the terminal); if the person leaves it alone, the stored text is kept as is.
        self.shown = clean(value, single_line=True)
        self.original = value if self.shown != value else None
        # Focus puts the cursor at the end; selecting all would make the first key
        # typed erase what is there, which is how an edit loses a company name.
        super().__init__(value=self.shown, select_on_focus=False, **kwargs)


class ChoiceList(FollowsFocus, SelectOverlay):
    """The open list of a FormSelect. It takes focus, closes and chooses at once,
    where Select would wait a message or two, so keys typed ahead of opening,
    closing or choosing land where they were meant to: in the list, back on the
    Select, or in the next field.
    """

    bindings_at_once = True

    async def _on_key(self, event: events.Key) -> None:
        # Every key stops here. Its Select passes on the keys that reach it once the
        # list has focus, so a key bubbling up from the list would be passed straight
        # back. Nothing is lost: the key's bindings (the list's, the form's) have all
        # had their turn already (bindings_at_once).
        event.stop()
        await super()._on_key(event)

    def focus(self, scroll_visible: bool = True) -> ChoiceList:
        # Select opens the list with focus(), which Textual defers a turn.
        self.screen.set_focus(self, scroll_visible=scroll_visible)
        return self

    @property
    def owner(self) -> FormSelect:
        """The FormSelect this list belongs to (SelectOverlay.select moves the highlight)."""
        return self.parent  # type: ignore[return-value]

    def action_dismiss(self) -> None:
        self.owner.close()

    def action_select(self) -> None:
        # enter, or a click on an option
        index = self.highlighted
        if index is not None and not self.get_option_at_index(index).disabled:
            self.owner.choose(index)


class FormSelect(FollowsFocus, Select):
    """A Select that follows focus like FormInput: Tab moves on at once, so the
    keys queued behind it reach the next field. Letters typed while it is closed
    do what Select does with them (nothing, in Textual 8); once it is open they
    search the list. A choice moves on, as enter does in a text field.
    """

    bindings_at_once = True

    def compose(self) -> ComposeResult:
        # Select's own compose, with the list swapped for a ChoiceList.
        current, _ = super().compose()
        yield current
        yield ChoiceList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def close(self) -> None:
        """Close the list and take focus back, at once."""
        self.expanded = False
        self.screen.set_focus(self)

    def choose(self, index: int) -> None:
        """Take the list's option ``index`` and move on to the next field.

        Moving on is done here, not on Select.Changed: a value set at mount or by
        code is not a choice (the log form would open past its kind list)."""
        self.value = self._options[index][1]
        self.close()
        self.screen.focus_next()


def _input(name: str, value: str = "", placeholder: str = "", max_length: int = 0) -> Input:
    return FormInput(value=value, placeholder=placeholder, id=f"in-{name}", max_length=max_length, compact=True)


class ApplicationForm(FormScreen):
    """Add (``current`` is None) or edit an application."""

    def __init__(self, current: Application | None, today: date) -> None:
        super().__init__()
        self.current = current
        self.today = today
        self.TITLE_TEXT = "Add an application" if current is None else "Edit this application"

    def buttons(self) -> ComposeResult:
        yield from super().buttons()
        if self.current is not None:
            yield Button("Delete…", variant="error", id="delete", compact=True)

    def fields(self) -> ComposeResult:
        cur = self.current
        contact = cur.contacts[0] if cur and cur.contacts else Contact("")
        yield Field("Company", _input("company", cur.company if cur else "", "e.g. Acme Analytics", 200), "company")
        yield Field("Role", _input("role", cur.role if cur else "", "e.g. Data Analyst", 200), "role")
        if cur is None:
            yield Field("Interviewed on", _input("interviewed", "", "leave empty if not yet; " + past_hint(self.app.today)), "interviewed")
        sizes = [(label, size.value) for size, label in SIZE_LABELS.items()]
        yield Field("Company size", FormSelect(sizes, value=cur.company_size.value if cur and cur.company_size else Select.NULL,
                                               prompt="I don't know", id="in-size", compact=True), "size")
        if cur is not None:
            statuses = [(STATUS_WORDS[s], s.value) for s in Status]
            yield Field("Status", FormSelect(statuses, value=cur.status.value, allow_blank=False, id="in-status", compact=True), "status")
        reply = cur.expected_reply_by.isoformat() if cur and cur.expected_reply_by else ""
        yield Field("Reply promised by", _input("reply", reply, future_hint(self.app.today)), "reply")
        yield Field("Contact's name", _input("contact", contact.name, "e.g. Dana Ruiz", 200), "contact")
        yield Field("Contact's title", _input("contact-title", contact.title, "e.g. Hiring manager", 200), "contact-title")
        yield Field("Contact's email", _input("contact-email", contact.email, "", 320), "contact-email")
        yield Field("Posting link", _input("link", cur.link if cur else "", "https://…", 2000), "link")
        yield Field("Notes", _input("notes", cur.notes if cur else "", "anything worth remembering", 10000), "notes")

    def on_mount(self) -> None:
        self.focus_first("#in-company")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "delete":
            from waiting_room.tui.screens.confirm import ConfirmScreen

            name = self.current.company if self.current else ""

            def answer(yes: bool | None) -> None:
                if yes:
                    self.dismiss({"delete": True})

            self.app.push_screen(ConfirmScreen(f"Delete {name} and everything logged for it? This cannot be undone.",
                                               yes="Delete", no="Keep it", danger=True), answer)
            return
        super().on_button_pressed(event)

    def action_save(self) -> None:
        company = self.check_text("company", "A company name")
        role = self.check_text("role", "A role")
        ok_reply, reply = self.check_date("reply", ahead=True)
        ok_interview, interviewed = (True, None)
        if self.current is None:
            ok_interview, interviewed = self.check_date("interviewed")
        if not (company and role and ok_reply and ok_interview):
            self.notify("A few fields need a look.", severity="warning", markup=False, timeout=3)
            return
        size_value = self.query_one("#in-size", Select).value
        size = Size(size_value) if isinstance(size_value, str) else None
        name = self.value("contact").strip()
        contacts: tuple[Contact, ...] = ()
        if name:
            contacts = (Contact(name, self.value("contact-title").strip(), self.value("contact-email").strip()),)
        fields: dict[str, Any] = {
            "company": company, "role": role, "company_size": size, "expected_reply_by": reply,
            "link": self.value("link").strip(), "notes": self.value("notes").strip(),
        }
        if self.current is None:
            events = (Event(interviewed, Kind.INTERVIEW),) if interviewed else ()
            self.dismiss({"application": Application(id="", events=events, contacts=contacts, **fields)})
            return
        others = self.current.contacts[1:]
        fields["contacts"] = (*contacts, *others) if name or not self.current.contacts else others
        status = self.query_one("#in-status", Select).value
        fields["status"] = Status(status)
        # Only what the person changed: the rest may have been saved meanwhile by
        # another window or the CLI, and must not be written back as it was.
        self.dismiss({"fields": {k: v for k, v in fields.items() if self.touched(k)}, "opened": self.current})

    #: the widgets each stored field is shown in
    WIDGETS = {
        "company": ("company",), "role": ("role",), "company_size": ("size",), "status": ("status",),
        "expected_reply_by": ("reply",), "link": ("link",), "notes": ("notes",),
        "contacts": ("contact", "contact-title", "contact-email"),
    }

    def touched(self, name: str) -> bool:
        """True when the person changed what a field's widgets showed when the form opened."""
        cur = self.current
        for widget_id in self.WIDGETS[name]:
            widget = self.query_one(f"#in-{widget_id}")
            if isinstance(widget, FormInput):
                if widget.value != widget.shown:
                    return True
            elif isinstance(widget, Select):
                opened: object = Select.NULL
                if widget_id == "status" and cur is not None:
                    opened = cur.status.value
                elif widget_id == "size" and cur is not None and cur.company_size:
                    opened = cur.company_size.value
                if widget.value != opened:
                    return True
        return False


#: The kinds offered first when logging, in the order people most often need them.
LOG_KINDS = (
    Kind.INTERVIEW, Kind.HEARD_BACK, Kind.THANK_YOU_SENT, Kind.FOLLOW_UP_SENT, Kind.PHONE_SCREEN,
    Kind.ASSESSMENT, Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED, Kind.APPLIED,
    Kind.OFFER, Kind.REJECTION, Kind.WITHDREW,
)


class EventForm(FormScreen):
    def __init__(self, current: Application, today: date, kind: Kind | None = None) -> None:
        super().__init__()
        self.current = current
        self.today = today
        self.kind = kind
        self.TITLE_TEXT = f"Log an event for {current.company}"

    def compose(self) -> ComposeResult:
        yield from super().compose()

    def on_mount(self) -> None:
        for title in self.query(".dialog-title").results(Static):
            title.update(line(f"Log an event · {self.current.company} · {self.current.role}"))
        self.focus_first("#in-kind")

    def fields(self) -> ComposeResult:
        kinds = [(KIND_LABELS[k], k.value) for k in LOG_KINDS]
        yield Field("What happened", FormSelect(kinds, value=(self.kind or Kind.HEARD_BACK).value,
                                                allow_blank=False, id="in-kind", compact=True), "kind")
        yield Field("When", _input("date", "today", past_hint(self.app.today)), "date")
        yield Field("Note", _input("note", "", "what they said, who, anything (optional)", 10000), "note")

    def action_save(self) -> None:
        ok, day = self.check_date("date", required=True)
        if not ok or day is None:
            return
        kind = Kind(self.query_one("#in-kind", Select).value)
        self.dismiss(Event(day, kind, self.value("note").strip()))


class OwnTaskForm(FormScreen):
    """A stay-busy task of the person's own, for one application."""

    TITLE_TEXT = "Add a task of your own"

    def fields(self) -> ComposeResult:
        yield Field("What", _input("title", "", "e.g. Look up the team on LinkedIn", 200), "title")
        yield Field("By when (optional)", _input("due", "", future_hint(self.app.today)), "due")

    def on_mount(self) -> None:
        self.focus_first("#in-title")

    def action_save(self) -> None:
        title = self.check_text("title", "A few words")
        ok, due = self.check_date("due", ahead=True)
        if title and ok:
            self.dismiss({"title": title, "due": due})


class TextForm(FormScreen):
    """One line of text, e.g. an item of the calm list."""

    def __init__(self, title: str, label: str, placeholder: str, *, value: str = "") -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.label = label
        self.placeholder = placeholder
        self.initial = value

    def fields(self) -> ComposeResult:
        yield Field(self.label, _input("text", self.initial, self.placeholder, 200), "text")

    def on_mount(self) -> None:
        self.focus_first("#in-text")

    def action_save(self) -> None:
        text = self.check_text("text", "A few words")
        if text:
            self.dismiss(text)
