"""What the screens do to the data, in one place: each is a small transaction.

Edits are applied to a fresh read of the application inside the transaction,
so a change another session made meanwhile (an event, a tick) is never lost.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from waiting_room.core.model import CLOSING_KINDS, KIND_LABELS, Application, Event, Kind
from waiting_room.core.plan import Task

if TYPE_CHECKING:
    from waiting_room.tui.app import WaitingRoomApp


def add_application(app: WaitingRoomApp, then: Callable[[str], None] | None = None) -> None:
    from waiting_room.tui.screens.forms import ApplicationForm

    def save(result: dict[str, Any] | None) -> None:
        if not result:
            return
        application = result["application"]
        done = "Added. The clock is running." if application.events else "Added. Log a date with l to start the clock."
        new = app.write(lambda tx: tx.add(application), done=done)
        if new is not None and then is not None:
            then(new.id)

    app.push_screen(ApplicationForm(None, app.today), save)


def edit_application(app: WaitingRoomApp, app_id: str) -> None:
    from waiting_room.tui.screens.forms import ApplicationForm

    current = app.app_by_id(app_id)
    if current is None:
        return

    def save(result: dict[str, Any] | None) -> None:
        if not result:
            return
        if result.get("delete"):
            neighbour = _neighbour(app, app_id)
            if app.write(lambda tx: tx.delete(app_id) or True, done=f"Deleted {current.company}."):
                _select_on_dashboard(app, neighbour)
            return
        save_edit(app, app_id, result.get("opened") or current, result["fields"])

    app.push_screen(ApplicationForm(current, app.today), save)


#: What each field of an application is called when a conflict is asked about.
FIELD_WORDS = {
    "company": "Company", "role": "Role", "company_size": "Company size", "status": "Status",
    "expected_reply_by": "Reply promised by", "link": "Posting link", "notes": "Notes",
    "contacts": "Contact",
}


def merge_edit(opened: Application, fresh: Application, changed: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields changed both in the form and underneath, differently: name -> (mine, theirs).

    ``opened`` is the application as the form showed it, ``fresh`` as stored now,
    ``changed`` only the fields the person changed."""
    conflicts = {}
    for name, mine in changed.items():
        theirs = getattr(fresh, name)
        if theirs != getattr(opened, name) and theirs != mine:
            conflicts[name] = (mine, theirs)
    return conflicts


def save_edit(app: WaitingRoomApp, app_id: str, opened: Application, changed: dict[str, Any],
              *, kept: tuple[str, ...] = ()) -> None:
    """Save an edit: only the fields the person changed, on a fresh read of the
    application inside the transaction, so what another window or the CLI saved
    meanwhile stays. A field changed there too is asked about before anything
    is written; ``kept`` names the fields whose other version the person chose."""
    conflicts: dict[str, tuple[Any, Any]] = {}

    def change(tx) -> bool:
        fresh = tx.find(app_id)
        conflicts.update(merge_edit(opened, fresh, changed))
        if conflicts:
            return False  # nothing written: the person chooses first
        if changed:
            tx.put(replace(fresh, **changed))
        return True

    saved = app.write(change)
    if saved is None:
        return  # the problem was shown
    if saved:
        if kept:
            words = ", ".join(FIELD_WORDS[k].lower() for k in kept)
            app.notify(f"Saved. The {words} from the other window stayed.", markup=False)
        else:
            app.notify("Saved." if changed else "Nothing to save: the other window's version stayed.",
                       markup=False)
        return
    from waiting_room.tui.screens.confirm import EditConflictScreen

    stored = app.app_by_id(app_id)
    lines = [f"{FIELD_WORDS[k]}: yours {_shown(mine)} · theirs {_shown(theirs)}"
             for k, (mine, theirs) in conflicts.items()]

    def chosen(choice: str | None) -> None:
        if choice == "mine":
            # What they saved is now what the form is measured against.
            seen = replace(opened, **{k: theirs for k, (_, theirs) in conflicts.items()})
            save_edit(app, app_id, seen, changed, kept=kept)
        else:
            rest = {k: v for k, v in changed.items() if k not in conflicts}
            save_edit(app, app_id, opened, rest, kept=(*kept, *conflicts))

    app.push_screen(EditConflictScreen(stored.company if stored else opened.company, lines), chosen)


def _shown(value: Any, width: int = 40) -> str:
    """A field's value in a few words, for the conflict question."""
    from datetime import date
    from enum import Enum

    from waiting_room.core.model import SIZE_LABELS, Contact, Size, Status
    from waiting_room.tui.words import STATUS_WORDS

    if value is None or value == "" or value == ():
        return "(empty)"
    if isinstance(value, Status):
        text = STATUS_WORDS.get(value, value.value)
    elif isinstance(value, Size):
        text = SIZE_LABELS.get(value, value.value)
    elif isinstance(value, Enum):
        text = str(value.value)
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, tuple) and all(isinstance(c, Contact) for c in value):
        text = ", ".join(c.name for c in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def log_event(app: WaitingRoomApp, app_id: str, kind: Kind | None = None) -> None:
    from waiting_room.tui.screens.forms import EventForm

    current = app.app_by_id(app_id)
    if current is None:
        return

    def save(event: Event | None) -> None:
        if event is not None:
            record(app, app_id, event)

    app.push_screen(EventForm(current, app.today, kind), save)


def record(app: WaitingRoomApp, app_id: str, event: Event) -> None:
    """Log ``event``; a closing event gets a kind word and one next step."""
    updated = app.write(lambda tx: tx.log(app_id, event))
    if updated is None:
        return
    if event.kind in CLOSING_KINDS:
        from waiting_room.tui.screens.ending import EndingScreen

        app.push_screen(EndingScreen(updated, event.kind))
    else:
        app.notify(f"Logged: {KIND_LABELS[event.kind].lower()}.", markup=False)


def toggle_task(app: WaitingRoomApp, app_id: str, task: Task) -> None:
    """Tick or untick a task; ticking a contact task offers to log what was sent."""
    today = app.today
    current = app.app_by_id(app_id)
    if task.done and current is not None and task.id not in current.ticked:
        # Done because the event itself was logged (a thank-you sent): nothing to untick.
        app.notify(f"Already done: {task.title}, as your timeline shows.", markup=False, timeout=3)
        return

    def change(tx) -> Application:
        fresh = tx.find(app_id)
        ticked = dict(fresh.ticked)
        if task.id in ticked:
            del ticked[task.id]
        else:
            ticked[task.id] = today
        fresh = replace(fresh, ticked=ticked)
        tx.put(fresh)
        return fresh

    updated = app.write(change)
    if updated is None:
        return
    now_done = task.id in updated.ticked
    if not now_done:
        app.notify(f"Unticked: {task.title}", markup=False, timeout=3)
        return
    if task.due is not None and task.due > today and task.kind != "own":  # (an own task's day is a deadline)
        from waiting_room.tui.words import day_label

        app.notify(f"Ticked ahead of its day ({day_label(task.due)}): {task.title}. Space again unticks it.",
                   markup=False, timeout=4)
        if task.logs is None:
            return
    elif task.logs is None:
        app.notify(f"Done: {task.title}. Nicely handled.", markup=False, timeout=3)
        return
    from waiting_room.tui.screens.confirm import ConfirmScreen

    label = KIND_LABELS[task.logs].lower()

    def answer(yes: bool | None) -> None:
        if yes:
            record(app, app_id, Event(today, task.logs))

    app.push_screen(
        ConfirmScreen(f"Ticked. Shall I also log \"{label}\" for today, so the plan moves on?",
                      yes="Log it", no="Just tick"),
        answer,
    )


def open_draft(app: WaitingRoomApp, app_id: str) -> None:
    from waiting_room.tui.screens.draft import DraftScreen

    if app.app_by_id(app_id) is not None:
        app.push_screen(DraftScreen(app_id))


def add_own_task(app: WaitingRoomApp, app_id: str) -> None:
    from waiting_room.core.model import OwnTask, new_id
    from waiting_room.tui.screens.forms import OwnTaskForm

    def save(result: dict[str, Any] | None) -> None:
        if not result:
            return

        def change(tx) -> None:
            fresh = tx.find(app_id)
            task = OwnTask(f"own-{new_id(t.id for t in fresh.own_tasks)}", result["title"], result["due"])
            tx.put(replace(fresh, own_tasks=(*fresh.own_tasks, task)))

        app.write(change, done="Added to your list.")

    app.push_screen(OwnTaskForm(), save)


def _neighbour(app: WaitingRoomApp, app_id: str) -> str | None:
    """The application listed after ``app_id`` on the dashboard (or before it, at the end)."""
    from waiting_room.tui.screens.dashboard import Dashboard

    dashboard = app.screen_stack[0]
    if not isinstance(dashboard, Dashboard):
        return None
    ids = [a.id for a in dashboard.visible()]
    if app_id not in ids or len(ids) < 2:
        return None
    index = ids.index(app_id)
    return ids[index + 1] if index + 1 < len(ids) else ids[index - 1]


def _select_on_dashboard(app: WaitingRoomApp, app_id: str | None) -> None:
    from waiting_room.tui.screens.dashboard import Dashboard

    dashboard = app.screen_stack[0]
    if app_id is not None and isinstance(dashboard, Dashboard):
        dashboard.select(app_id)
