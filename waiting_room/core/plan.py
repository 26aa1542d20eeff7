"""The follow-up plan and the stay-busy tasks.

The plan follows common etiquette (sources and judgements in docs/model.md):

- a thank-you note within a day of the latest interview or phone screen,
  until one is logged (or the first follow-up's day comes, or they write back);
- if the company named a date, a follow-up one to two business days after it;
  otherwise the first follow-up no earlier than five business days and no later
  than about two weeks after the wait began;
- a second follow-up at least a week after the first;
- after two unanswered, one last gentle check-in two weeks later, then "let it
  rest" (closing quietly is suggested, never done).

Contact steps appear one at a time: the next only once the one before is done
(logged as an event, or ticked). A ``heard_back`` starts the wait again, and the
follow-up count with it. Task ids carry the date of the event that caused them,
so ticks persist and a new wait gets fresh tasks.

Pure: ``today`` is an argument; business days are Monday to Friday (holidays
are not known).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from waiting_room.core.workdays import (
    add_business_days,
    on_or_after_business_day,
    on_or_before_business_day,
)
from waiting_room.core.model import Application, Event, Kind
from waiting_room.core.waiting import clock_event, short_date

#: The global calm list: what to do while waiting, editable by the person.
DEFAULT_CALM_TASKS: tuple[str, ...] = (
    "Send one more application somewhere else",
    "Reach out to one person in your network",
    "Take a walk, phone left at home",
    "Take a two-minute breathing break",
    "Learn one small thing for your next interview",
    "Tidy one corner of your CV or portfolio",
    "Do something kind for yourself today",
)

#: Business days after the wait began before a first follow-up is polite.
FIRST_FOLLOW_UP_MIN_BUSINESS_DAYS = 5
#: Calendar days after the wait began by which a first follow-up is due at the latest.
FIRST_FOLLOW_UP_MAX_DAYS = 14
#: Business days after a named date: the follow-up window (Indeed: one to two).
AFTER_NAMED_DATE_BUSINESS_DAYS = (1, 2)
#: Calendar days between the first and the second follow-up.
SECOND_FOLLOW_UP_GAP_DAYS = 7
#: Calendar days between the second follow-up and the last check-in.
CHECK_IN_GAP_DAYS = 14
#: Calendar days after the check-in when closing quietly may be suggested.
LET_REST_AFTER_DAYS = 14

#: Events after which a thank-you note is customary.
THANKS_FOR = frozenset({Kind.INTERVIEW, Kind.PHONE_SCREEN})

#: Events after which an unsent thank-you is no longer suggested.
_MOVED_ON = frozenset({Kind.FOLLOW_UP_SENT, Kind.HEARD_BACK})

#: Kinds of plan task that mean contacting the company.
CONTACT_KINDS = frozenset({"thank_you", "follow_up", "check_in"})


class Task(NamedTuple):
    """One step of the plan, or one of the person's own tasks."""

    id: str
    title: str
    due: date | None
    detail: str = ""
    kind: str = "own"
    #: the event kind to offer to log when the task is ticked
    logs: Kind | None = None
    done: bool = False
    #: the date of the event that caused the task (None for the person's own)
    since: date | None = None


# --- business days (Monday to Friday) -----------------------------------------


# --- the plan -----------------------------------------------------------------


def _sorted(app: Application) -> list[Event]:
    return list(app.events_by_date())


def _last_index(events: list[Event], kinds: frozenset[Kind]) -> int | None:
    found = None
    for i, event in enumerate(events):
        if event.kind in kinds:
            found = i
    return found


def _thank_you(app: Application, events: list[Event], today: date, cutoff: date | None) -> Task | None:
    index = _last_index(events, THANKS_FOR)
    if index is None:
        return None
    met = events[index]
    task_id = f"thank-you-{met.date.isoformat()}"
    logged = any(e.kind is Kind.THANK_YOU_SENT and e.date >= met.date for e in events)
    done = logged or task_id in app.ticked
    if not done and any(e.kind in _MOVED_ON for e in events[index + 1 :]):
        return None  # a follow-up went out or they wrote back: the moment has passed
    if not done and cutoff is not None and today >= cutoff:
        return None  # the first follow-up's day has come; it carries the thanks now
    what = "interview" if met.kind is Kind.INTERVIEW else "phone screen"
    return Task(
        id=task_id,
        title="Send a thank-you note",
        due=met.date + timedelta(days=1),
        detail=(
            f"A few warm lines within a day of the {what} on {short_date(met.date)}: "
            "thanks for their time, and one thing you enjoyed talking about."
        ),
        kind="thank_you",
        logs=Kind.THANK_YOU_SENT,
        done=done,
        since=met.date,
    )


def _contact_steps(app: Application, events: list[Event]) -> list[Task]:
    """Follow-up 1, follow-up 2, the last check-in, then let it rest: done ones and the next."""
    anchor = clock_event(app)
    if anchor is None:
        return []
    # the last event equal to the anchor (it is among them: found from the end)
    index = next(i for i in range(len(events) - 1, -1, -1) if events[i] is anchor or events[i] == anchor)
    start = anchor.date
    stamp = start.isoformat()
    sent = [e.date for e in events[index + 1 :] if e.kind is Kind.FOLLOW_UP_SENT]
    promised = app.expected_reply_by if app.expected_reply_by and app.expected_reply_by >= start else None

    tasks: list[Task] = []

    def done_on(step: int, task_id: str) -> date | None:
        if len(sent) > step:
            return sent[step]
        ticked = app.ticked.get(task_id)
        return None if ticked is None else max(ticked, start)

    # First follow-up.
    first_id = f"follow-up-1-{stamp}"
    if promised is not None:
        low, high = AFTER_NAMED_DATE_BUSINESS_DAYS
        due = add_business_days(promised, low)
        latest = add_business_days(promised, high)
        detail = (
            f"They hoped to reply by {short_date(promised)}. If nothing has come by then, "
            f"a short note on {short_date(due)} or {short_date(latest)} is fair."
        )
    else:
        due = add_business_days(start, FIRST_FOLLOW_UP_MIN_BUSINESS_DAYS)
        latest = max(due, on_or_before_business_day(start + timedelta(days=FIRST_FOLLOW_UP_MAX_DAYS)))
        detail = (
            f"Any weekday from {short_date(due)} to {short_date(latest)} suits: "
            "one short note saying you are still interested."
        )
    first_done = done_on(0, first_id)
    tasks.append(
        Task(first_id, "Send a polite follow-up", due, detail, "follow_up",
             Kind.FOLLOW_UP_SENT, first_done is not None, start)
    )
    if first_done is None:
        return tasks

    # Second follow-up, at least a week after the first.
    second_id = f"follow-up-2-{stamp}"
    due = on_or_after_business_day(first_done + timedelta(days=SECOND_FOLLOW_UP_GAP_DAYS))
    second_done = done_on(1, second_id)
    tasks.append(
        Task(second_id, "Send a second follow-up", due,
             "Only if the first got no answer: a week or more on, one friendly line is fair.",
             "follow_up", Kind.FOLLOW_UP_SENT, second_done is not None, first_done)
    )
    if second_done is None:
        return tasks

    # One last gentle check-in.
    check_id = f"check-in-{stamp}"
    due = on_or_after_business_day(second_done + timedelta(days=CHECK_IN_GAP_DAYS))
    check_done = done_on(2, check_id)
    tasks.append(
        Task(check_id, "Send one last gentle check-in", due,
             "Two notes have gone unanswered. One final, friendly check-in, and then "
             "you can stop carrying this one.",
             "check_in", Kind.FOLLOW_UP_SENT, check_done is not None, second_done)
    )
    if check_done is None:
        return tasks

    # Let it rest.
    rest_id = f"let-rest-{stamp}"
    due = check_done + timedelta(days=LET_REST_AFTER_DAYS)
    tasks.append(
        Task(rest_id, "Let it rest", due,
             f"You have done all that etiquette asks. If nothing arrives by {short_date(due)}, "
             "you could close it quietly; nothing here closes by itself.",
             "let_rest", None, rest_id in app.ticked, check_done)
    )
    return tasks


def plan_tasks(app: Application, today: date) -> tuple[Task, ...]:
    """The plan's tasks (done and open) and then the person's own tasks.

    Closed applications keep only the person's own tasks. The plan depends on
    the events, the named date and the ticks; ``today`` only retires a thank-you
    never sent once the first follow-up's day has come (that note carries the
    thanks). So tasks only ever leave the plan as days pass, with the same ids.
    """
    tasks: list[Task] = []
    if app.is_waiting:
        events = _sorted(app)
        steps = _contact_steps(app, events)
        thanks = _thank_you(app, events, today, steps[0].due if steps else None)
        if thanks is not None:
            tasks.append(thanks)
        tasks.extend(steps)
    tasks.extend(
        Task(own.id, own.title, own.due, "", "own", None, own.id in app.ticked)
        for own in app.own_tasks
    )
    return tuple(tasks)


def next_tasks(app: Application, today: date) -> tuple[Task, ...]:
    """Open tasks, soonest due first; tasks with no date last, in their given order."""
    open_tasks = [t for t in plan_tasks(app, today) if not t.done]
    return tuple(sorted(open_tasks, key=lambda t: (t.due is None, t.due or date.min)))


def _next_contact(app: Application, today: date) -> Task | None:
    return next(
        (t for t in next_tasks(app, today) if t.kind in CONTACT_KINDS and t.due is not None), None
    )


def rest_until(app: Application, today: date) -> date | None:
    """The next day contacting them is appropriate, when today is before it.

    ``None`` when contact is fair now (a thank-you or follow-up is due) or when
    there is nothing more to send.
    """
    task = _next_contact(app, today)
    if task is None or task.due is None or task.due <= today:
        return None
    if task.kind == "thank_you":
        return None  # a thank-you is fair straight away
    return task.due


def plan_summary(app: Application, today: date) -> str:
    """One calm sentence: what to do now, or until when to rest.

    While resting it already names the day ("No need to contact them until
    Mon 9 Nov; ..."), so a face need not add :func:`rest_until` beside it.
    """
    if not app.is_waiting:
        return "Nothing to send here; this one is closed."
    if clock_event(app) is None:
        return "Log when you applied or interviewed, and a plan will appear here."
    task = _next_contact(app, today)
    if task is not None and task.kind == "thank_you":
        if task.due is not None and today > task.due + timedelta(days=2):
            return "A short thank-you note is still worth sending, even a little late."
        return "Send a short thank-you note; after that there is nothing to do but wait."
    if task is not None and task.due is not None:
        if task.due > today:
            return f"No need to contact them until {short_date(task.due)}; keep busy with other things meanwhile."
        if task.kind == "check_in":
            return "One last gentle check-in is fair now; after that, let this one rest."
        if task.id.startswith("follow-up-2"):
            return "A second short follow-up is fair now, if the first got no answer."
        return "A polite follow-up is fair now; one short note is enough."
    rest = next((t for t in plan_tasks(app, today) if t.kind == "let_rest"), None)
    if rest is not None and rest.due is not None and today >= rest.due:
        return "You have done your part; closing this one quietly is fine whenever you like."
    return "You have done all that etiquette asks; let this one rest and keep looking elsewhere."
