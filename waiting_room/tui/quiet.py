"""Letting the quiet ones rest: close long-silent applications in one step, and undo it.

Nothing closes without the person seeing the list and saying yes. What was
changed is remembered (per app) so one undo restores every status in one
transaction; an application changed elsewhere meanwhile is left as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, Tab, Tabs

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.core.model import Application, Status
from waiting_room.tui.safe import line

if TYPE_CHECKING:
    from waiting_room.tui.app import WaitingRoomApp

CHOICES = (30, 45, 60, 90)
DEFAULT_DAYS = 60

#: app -> {application id: status before it was rested}, for undo
_LAST_REST: WeakKeyDictionary = WeakKeyDictionary()


def quiet_ones(app: WaitingRoomApp, days: int) -> list[tuple[Application, int]]:
    """Waiting applications silent for more than ``days``, longest silence first."""
    found = []
    for application in app.state.apps:
        waited = app.state.derived(application).days
        if application.is_waiting and waited is not None and waited > days:
            found.append((application, waited))
    found.sort(key=lambda pair: (-pair[1], pair[0].company.casefold()))
    return found


def _plural(n: int) -> str:
    return f"{n} application" + ("" if n == 1 else "s")


class RestQuietScreen(DismissOnce, ModalScreen[list[str] | None]):
    """Pick the silence, see the list, say yes. Returns the ids to rest."""

    DEFAULT_CSS = """
    RestQuietScreen #quiet {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 2;
        background: $surface;
        border: round $primary;
    }
    RestQuietScreen #quiet-title { text-style: bold; color: $accent; margin: 1 0 0 0; }
    RestQuietScreen #quiet-list { height: auto; max-height: 12; margin: 1 0 0 0; }
    RestQuietScreen #quiet-buttons { height: auto; margin: 1 0 0 0; }
    RestQuietScreen #quiet-buttons Button { margin: 0 2 0 0; }
    RestQuietScreen #quiet-hint { color: $text-muted; margin: 0 0 1 0; }
    """

    BINDINGS = [
        Binding("y", "rest", "Rest them"),
        Binding("n,escape", "cancel", "Not now"),
        *(Binding(str(i + 1), f"days({d})", f"{d} days", show=False) for i, d in enumerate(CHOICES)),
    ]

    def __init__(self, days: int = DEFAULT_DAYS) -> None:
        super().__init__()
        self.days = days

    def compose(self) -> ComposeResult:
        with Vertical(id="quiet"):
            yield Static("Let the quiet ones rest", id="quiet-title")
            yield Static(
                "Close the applications that have heard nothing for more than this many days. "
                "They move out of sight (h shows them), and you can undo it straight after.",
                classes="muted",
            )
            yield Tabs(*(Tab(f"{i + 1}  {d} days", id=f"d{d}") for i, d in enumerate(CHOICES)),
                       active=f"d{self.days}", id="quiet-days")
            with VerticalScroll(id="quiet-list", can_focus=False):
                yield Static(id="quiet-items")
            with Horizontal(id="quiet-buttons"):
                yield Button("Rest them (y)", variant="primary", id="quiet-yes", compact=True)
                yield Button("Not now (n)", id="quiet-no", compact=True)
            yield Static("1-4 or ←/→ choose the days · y rest them · n or escape keep everything",
                         id="quiet-hint")

    def on_mount(self) -> None:
        self.show()
        self.set_focus(self.query_one(Tabs))

    @property
    def chosen(self) -> list[tuple[Application, int]]:
        return quiet_ones(self.app, self.days)

    def show(self) -> None:
        chosen = self.chosen
        items = self.query_one("#quiet-items", Static)
        button = self.query_one("#quiet-yes", Button)
        if not chosen:
            items.update(Content.styled(
                f"Nothing has been quiet for more than {self.days} days. Everything can stay as it is.",
                "italic"))
            button.disabled = True
            return
        rows = [Content.styled(f"{_plural(len(chosen))} would rest:", "bold")]
        rows += [Content.assemble(("  ", ""), line(a.company, "bold"), ("  ·  ", "dim"), line(a.role),
                                 ("  ·  ", "dim"), (f"{days} days", "$text-muted"))
                for a, days in chosen]
        items.update(Content("\n").join(rows))
        button.disabled = False

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab is not None and event.tab.id:
            self.days = int(event.tab.id[1:])
            self.show()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "quiet-yes":
            self.action_rest()
        else:
            self.action_cancel()

    def action_days(self, days: int) -> None:
        self.query_one(Tabs).active = f"d{days}"

    def action_rest(self) -> None:
        chosen = self.chosen
        if chosen:
            self.dismiss([a.id for a, _ in chosen])
        else:
            self.notify(f"Nothing has been quiet for more than {self.days} days: nothing to rest.",
                        markup=False, timeout=3)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RestedScreen(DismissOnce, ModalScreen[bool]):
    """Done; offers the undo. Returns True when the person asks to undo."""

    DEFAULT_CSS = """
    RestedScreen #rested {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        background: $surface; border: round $primary;
    }
    RestedScreen #rested-buttons { height: auto; margin: 1 0 0 0; }
    RestedScreen #rested-buttons Button { margin: 0 2 0 0; }
    """

    BINDINGS = [
        Binding("u", "answer(True)", "Undo"),
        Binding("escape,enter", "answer(False)", "Keep it so"),
    ]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="rested"):
            yield Static(Content.assemble((f"Rested {_plural(self.count)}.", "bold")))
            them = "It is" if self.count == 1 else "They are"
            yield Static(f"{them} closed now; h on the dashboard shows or hides closed ones. "
                         "If a reply comes after all, log it and carry on.", classes="muted")
            with Horizontal(id="rested-buttons"):
                yield Button("Keep it so (enter)", variant="primary", id="rested-keep", compact=True)
                yield Button("Undo (u)", id="rested-undo", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#rested-keep"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "rested-undo")

    def action_answer(self, undo: bool) -> None:
        self.dismiss(undo)


def rest(app: WaitingRoomApp, ids: list[str]) -> int:
    """Close ``ids`` (those still waiting) in one transaction; remember them for undo."""

    def change(tx) -> dict[str, Status]:
        before: dict[str, Status] = {}
        known = {a.id: a for a in tx.applications()}
        for app_id in ids:
            fresh = known.get(app_id)  # deleted meanwhile: nothing to rest
            if fresh is not None and fresh.status is Status.WAITING:
                before[app_id] = fresh.status
                tx.put(replace(fresh, status=Status.CLOSED))
        return before

    before = app.write(change)
    if not before:
        return 0
    _LAST_REST[app] = before
    return len(before)


def undo_rest(app: WaitingRoomApp) -> int:
    """Put back the statuses the last rest changed, in one transaction. Returns how many.

    An application someone changed since (reopened, deleted) is left alone.
    """
    before = _LAST_REST.pop(app, None)
    if not before:
        app.notify("Nothing to undo.", markup=False, timeout=3)
        return 0

    def change(tx) -> int:
        restored = 0
        known = {a.id: a for a in tx.applications()}
        for app_id, status in before.items():
            fresh = known.get(app_id)
            if fresh is not None and fresh.status is Status.CLOSED:
                tx.put(replace(fresh, status=status))
                restored += 1
        return restored

    restored = app.write(change)
    if restored is None:
        _LAST_REST[app] = before  # not saved: the undo is still there to try again
        return 0
    app.notify(f"Undone: {_plural(restored)} back in the waiting room.", markup=False)
    return restored


def rest_quiet(app: WaitingRoomApp) -> None:
    """Ask which long-silent applications to close, close them, and offer the undo."""

    def confirmed(ids: list[str] | None) -> None:
        if not ids:
            return
        count = rest(app, ids)
        if not count:
            return

        def after(undo: bool | None) -> None:
            if undo:
                undo_rest(app)
            else:
                app.notify(f"Rested {_plural(count)}. h shows closed ones.", markup=False, timeout=4)

        app.push_screen(RestedScreen(count), after)

    app.push_screen(RestQuietScreen(), confirmed)
