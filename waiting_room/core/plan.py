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
from waiting_room.core.model import CLOCK_KINDS, Application, Kind, Status
from waiting_room.core.waiting import Told, clock_event, promise_words, reply_date, short_date

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


# --- the plan -----------------------------------------------------------------
# The plan is made for every application at every reading (``status --json``, the
# calendar, a face's counts), so it is built in two passes over the events in their
# given order, without sorting them: "after the anchor in date order" is "a later
# date, or the same date and later in the given order" (the sort is stable). The
# texts and ids that depend on one date only are kept per date: waits begin on few
# distinct days. Tasks are built positionally (``tuple.__new__``), skipping the
# NamedTuple's Python-level ``__new__``; they are the same ``Task`` values.

_task = tuple.__new__
# Meetings start the clock: pass one below looks for them among the clock events.
assert THANKS_FOR <= CLOCK_KINDS
_FOLLOW_UP_SENT = Kind.FOLLOW_UP_SENT
_THANK_YOU_SENT = Kind.THANK_YOU_SENT
_INTERVIEW = Kind.INTERVIEW
_WAITING = Status.WAITING
_ONE_DAY = timedelta(days=1)
_SECOND_GAP = timedelta(days=SECOND_FOLLOW_UP_GAP_DAYS)
_CHECK_IN_GAP = timedelta(days=CHECK_IN_GAP_DAYS)
_LET_REST_AFTER = timedelta(days=LET_REST_AFTER_DAYS)
_FIRST_MAX = timedelta(days=FIRST_FOLLOW_UP_MAX_DAYS)

_SECOND_TITLE = "Send a second follow-up"
_SECOND_DETAIL = "Only if the first got no answer: a week or more on, one friendly line is fair."
_CHECK_TITLE = "Send one last gentle check-in"
_CHECK_DETAIL = (
    "Two notes have gone unanswered. One final, friendly check-in, and then "
    "you can stop carrying this one."
)

#: Entries per cache before it starts again (dates repeat; the bound keeps memory small).
_CACHE_LIMIT = 4096
#: wait start -> (ids of the four contact steps, first follow-up's due and detail)
_by_start: dict[date, tuple[str, str, str, str, date, str, date, str]] = {}
#: named date -> (first follow-up's due, detail)
_by_promise: dict[tuple[date, Told | None, bool], tuple[date, str]] = {}
#: [phone screen, interview] -> meeting date -> (thank-you id, due, detail)
_by_meeting: tuple[dict[date, tuple[str, date, str]], dict[date, tuple[str, date, str]]] = ({}, {})


def _start_facts(start: date) -> tuple[str, str, str, str, date, str, date, str]:
    """Ids, the first follow-up's day and words (while its window is ahead or open),
    the window's last day, and the words once that has gone by."""
    stamp = start.isoformat()
    due = add_business_days(start, FIRST_FOLLOW_UP_MIN_BUSINESS_DAYS)
    latest = max(due, on_or_before_business_day(start + _FIRST_MAX))
    detail = (
        f"Any weekday from {short_date(due)} to {short_date(latest)} suits: "
        "one short note saying you are still interested."
    )
    late = "The usual window for it has passed; one short note saying you are still interested is fair now."
    facts = (f"follow-up-1-{stamp}", f"follow-up-2-{stamp}", f"check-in-{stamp}",
             f"let-rest-{stamp}", due, detail, latest, late)
    if len(_by_start) >= _CACHE_LIMIT:
        _by_start.clear()
    _by_start[start] = facts
    return facts


def _promise_facts(promised: date, told: Told | None, passed: bool) -> tuple[date, str]:
    """The first follow-up after a date they named, in the tense of today:
    ``passed`` once the window for that note has gone by."""
    low, high = AFTER_NAMED_DATE_BUSINESS_DAYS
    due = add_business_days(promised, low)
    latest = add_business_days(promised, high)
    if passed:
        detail = f"{promise_words(promised, told)}; that has passed. One short, friendly note now is fair."
    else:
        detail = (
            f"{promise_words(promised, told)}. If nothing has come by then, "
            f"a short note on {short_date(due)} or {short_date(latest)} is fair."
        )
    if len(_by_promise) >= _CACHE_LIMIT:
        _by_promise.clear()
    _by_promise[(promised, told, passed)] = facts = (due, detail)
    return facts


def _meeting_facts(met: date, interview: bool) -> tuple[str, date, str]:
    what = "interview" if interview else "phone screen"
    facts = (
        f"thank-you-{met.isoformat()}",
        met + _ONE_DAY,
        (
            f"A few warm lines within a day of the {what} on {short_date(met)}: "
            "thanks for their time, and one thing you enjoyed talking about."
        ),
    )
    cache = _by_meeting[interview]
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[met] = facts
    return facts


def _done_on(step: int, sent: list[date], tick: date | None, start: date) -> date | None:
    """When contact step ``step`` was done: the follow-up logged for it, else the
    day its task was ticked (a tick from before the wait began counts from its start)."""
    if len(sent) > step:
        return sent[step]
    return None if tick is None else max(tick, start)


def _own(app: Application) -> list[Task]:
    ticked = app.ticked
    return [
        _task(Task, (own.id, own.title, own.due, "", "own", None, own.id in ticked, None))
        for own in app.own_tasks
    ]


def plan_tasks(app: Application, today: date) -> tuple[Task, ...]:
    """The plan's tasks (done and open) and then the person's own tasks.

    Closed applications keep only the person's own tasks. The plan depends on
    the events, the named date (``waiting.reply_date``: the stored one or one a
    note names) and the ticks; ``today`` only retires a thank-you never sent
    once the first follow-up's day has come (that note carries the thanks), and
    puts the words about a named date in the past tense once its window has
    gone by. So tasks only ever leave the plan as days pass, with the same ids.
    """
    if app.status is not _WAITING or not app.events:
        return tuple(_own(app)) if app.own_tasks else ()
    events = app.events

    # Pass one: the anchor (the latest event that started the wait, the last of its
    # day in the given order, as ``clock_event`` finds it) and the latest meeting.
    start = met = None
    anchor_at = met_at = -1
    met_kind = None
    for i, event in enumerate(events):
        kind = event.kind
        if kind in CLOCK_KINDS:
            day = event.date
            if start is None or day >= start:
                start = day
                anchor_at = i
            if kind in THANKS_FOR and (met is None or day >= met):
                met = day
                met_at = i
                met_kind = kind
    if start is None:  # no clock event: no meeting either (meetings start the clock)
        return tuple(_own(app)) if app.own_tasks else ()

    # Pass two: follow-ups sent after the anchor; a thank-you logged on or after the
    # meeting; a follow-up or news after the meeting.
    sent: list[date] = []
    logged = moved_on = False
    for i, event in enumerate(events):
        kind = event.kind
        day = event.date
        if kind is _FOLLOW_UP_SENT and (day > start or (day == start and i > anchor_at)):
            sent.append(day)
        if met is not None:
            if kind is _THANK_YOU_SENT and day >= met:
                logged = True
            if kind in _MOVED_ON and (day > met or (day == met and i > met_at)):
                moved_on = True
    if len(sent) > 1:
        sent.sort()

    ticked = app.ticked
    facts = _by_start.get(start) or _start_facts(start)
    reply_by, told = reply_date(app)
    if reply_by and reply_by >= start:
        passed = today > add_business_days(reply_by, AFTER_NAMED_DATE_BUSINESS_DAYS[1])
        due, detail = _by_promise.get((reply_by, told, passed)) or _promise_facts(reply_by, told, passed)
    else:
        due, detail = facts[4], facts[7] if today > facts[6] else facts[5]

    tasks: list[Task] = []

    # The thank-you note (before the contact steps).
    if met is not None:
        interview = met_kind is _INTERVIEW
        thanks_id, thanks_due, thanks_detail = (
            _by_meeting[interview].get(met) or _meeting_facts(met, interview)
        )
        done = logged or thanks_id in ticked
        # Not done: gone once a follow-up went out or they wrote back, or once the
        # first follow-up's day has come (it carries the thanks now).
        if done or not (moved_on or today >= due):
            tasks.append(_task(Task, (thanks_id, "Send a thank-you note", thanks_due, thanks_detail,
                                      "thank_you", _THANK_YOU_SENT, done, met)))

    # First follow-up.
    first_done = _done_on(0, sent, ticked.get(facts[0]), start)
    tasks.append(_task(Task, (facts[0], "Send a polite follow-up", due, detail, "follow_up",
                              _FOLLOW_UP_SENT, first_done is not None, start)))
    if first_done is not None:
        # Second follow-up, at least a week after the first.
        due = on_or_after_business_day(first_done + _SECOND_GAP)
        second_done = _done_on(1, sent, ticked.get(facts[1]), start)
        tasks.append(_task(Task, (facts[1], _SECOND_TITLE, due, _SECOND_DETAIL, "follow_up",
                                  _FOLLOW_UP_SENT, second_done is not None, first_done)))
        if second_done is not None:
            # One last gentle check-in.
            due = on_or_after_business_day(second_done + _CHECK_IN_GAP)
            check_done = _done_on(2, sent, ticked.get(facts[2]), start)
            tasks.append(_task(Task, (facts[2], _CHECK_TITLE, due, _CHECK_DETAIL, "check_in",
                                      _FOLLOW_UP_SENT, check_done is not None, second_done)))
            if check_done is not None:
                # Let it rest.
                rest_id = facts[3]
                due = check_done + _LET_REST_AFTER
                if today > due:
                    words = (f"You have done all that etiquette asks, and {short_date(due)} has passed: "
                             "you could close it quietly; nothing here closes by itself.")
                else:
                    words = (f"You have done all that etiquette asks. If nothing arrives by {short_date(due)}, "
                             "you could close it quietly; nothing here closes by itself.")
                tasks.append(_task(Task, (rest_id, "Let it rest", due, words, "let_rest", None,
                                          rest_id in ticked, check_done)))

    if app.own_tasks:
        tasks.extend(_own(app))
    return tuple(tasks)


def next_tasks(app: Application, today: date) -> tuple[Task, ...]:
    """Open tasks, soonest due first; tasks with no date last, in their given order."""
    open_tasks = [t for t in plan_tasks(app, today) if not t.done]
    if len(open_tasks) < 2:
        return tuple(open_tasks)
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
