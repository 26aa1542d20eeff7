"""The follow-up plan: etiquette over business days, named dates, ticks and ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room.core.model import Application, Event, Kind, OwnTask, Status, check_id
from waiting_room.core.plan import (
    DEFAULT_CALM_TASKS,
    Task,
    next_tasks,
    plan_summary,
    plan_tasks,
    rest_until,
)

# November 2026: Mon 2, Fri 6, Sat 7, Sun 8, Mon 9 ... Mon 16, Mon 23, Mon 30.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, d) for d in range(2, 9))


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def app_with(*events: tuple[date, Kind], **fields) -> Application:
    return Application(
        id="a1",
        company="Acme Analytics",
        role="Data Analyst",
        events=tuple(Event(when, kind) for when, kind in events),
        **fields,
    )


def by_kind(tasks: tuple[Task, ...], kind: str) -> list[Task]:
    return [t for t in tasks if t.kind == kind]


def first_follow_up(app: Application) -> Task:
    return by_kind(plan_tasks(app, app.events[0].date), "follow_up")[0]


# --- the thank-you note -----------------------------------------------------------


@pytest.mark.parametrize("kind", [Kind.INTERVIEW, Kind.PHONE_SCREEN])
def test_thank_you_is_due_within_a_day_of_meeting(kind):
    tasks = plan_tasks(app_with((FRI, kind)), FRI)
    (thanks,) = by_kind(tasks, "thank_you")
    assert thanks.id == "thank-you-2026-11-06"
    assert thanks.due == SAT  # within 24 hours, weekend or not
    assert thanks.logs is Kind.THANK_YOU_SENT
    assert not thanks.done


def test_no_thank_you_after_only_applying():
    assert by_kind(plan_tasks(app_with((MON, Kind.APPLIED)), MON), "thank_you") == []


def test_a_logged_thank_you_marks_it_done():
    app = app_with((MON, Kind.INTERVIEW), (TUE, Kind.THANK_YOU_SENT))
    (thanks,) = by_kind(plan_tasks(app, WED), "thank_you")
    assert thanks.done
    assert thanks not in next_tasks(app, WED)


def test_a_thank_you_before_the_latest_interview_does_not_count_for_it():
    app = app_with((MON, Kind.INTERVIEW), (TUE, Kind.THANK_YOU_SENT), (d(10), Kind.INTERVIEW))
    (thanks,) = by_kind(plan_tasks(app, d(10)), "thank_you")
    assert thanks.id == "thank-you-2026-11-10" and not thanks.done


def test_a_ticked_thank_you_is_done():
    app = app_with((MON, Kind.INTERVIEW), ticked={"thank-you-2026-11-02": TUE})
    assert by_kind(plan_tasks(app, WED), "thank_you")[0].done


@pytest.mark.parametrize("later", [Kind.FOLLOW_UP_SENT, Kind.HEARD_BACK])
def test_an_unsent_thank_you_is_dropped_once_the_moment_has_passed(later):
    app = app_with((MON, Kind.INTERVIEW), (d(12), later))
    assert by_kind(plan_tasks(app, d(12)), "thank_you") == []


# --- the first follow-up: business days and weekends ------------------------------


@pytest.mark.parametrize(
    ("interview", "due", "latest"),
    [
        (MON, d(9), "Mon 16 Nov"),
        (WED, d(11), "Wed 18 Nov"),
        (FRI, d(13), "Fri 20 Nov"),
        (SAT, d(13), "Fri 20 Nov"),  # latest falls on a Saturday: the Friday before
        (SUN, d(13), "Fri 20 Nov"),
        (d(27), d(4, 12), "Fri 11 Dec"),  # across a month end
    ],
)
def test_first_follow_up_window_without_a_named_date(interview, due, latest):
    task = first_follow_up(app_with((interview, Kind.INTERVIEW)))
    assert task.due == due
    assert task.due.weekday() < 5
    assert latest in task.detail
    assert task.id == f"follow-up-1-{interview.isoformat()}"
    assert task.logs is Kind.FOLLOW_UP_SENT


@pytest.mark.parametrize(
    ("promised", "due", "also"),
    [
        (WED, THU, "Fri 6 Nov"),
        (FRI, d(9), "Tue 10 Nov"),  # one to two business days: over the weekend
        (SAT, d(9), "Tue 10 Nov"),
        (d(30), d(1, 12), "Wed 2 Dec"),  # far out: their date wins over two weeks
        (MON, TUE, "Wed 4 Nov"),  # the same day as the interview
    ],
)
def test_first_follow_up_after_a_named_date(promised, due, also):
    task = first_follow_up(app_with((MON, Kind.INTERVIEW), expected_reply_by=promised))
    assert task.due == due
    assert also in task.detail


def test_a_named_date_from_before_the_wait_is_ignored():
    app = app_with((MON, Kind.INTERVIEW), expected_reply_by=d(30, 10))
    assert first_follow_up(app).due == d(9)


def test_named_date_in_the_future_means_rest_until_after_it():
    app = app_with((MON, Kind.INTERVIEW), (TUE, Kind.THANK_YOU_SENT), expected_reply_by=d(13))
    assert rest_until(app, WED) == d(16)
    assert "Mon 16 Nov" in plan_summary(app, WED)


def test_named_date_in_the_past_means_a_follow_up_is_fair_now():
    app = app_with((MON, Kind.INTERVIEW), (TUE, Kind.THANK_YOU_SENT), expected_reply_by=FRI)
    assert rest_until(app, d(20)) is None
    assert next_tasks(app, d(20))[0].kind == "follow_up"
    assert "follow-up is fair now" in plan_summary(app, d(20))


# --- later steps -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_sent", "second_due"),
    [(THU, d(12)), (d(12), d(19)), (d(14), d(23)), (d(15), d(23))],  # weekend sends roll to Monday
)
def test_second_follow_up_is_a_week_or_more_after_the_first(first_sent, second_due):
    app = app_with((MON, Kind.INTERVIEW), (first_sent, Kind.FOLLOW_UP_SENT))
    tasks = by_kind(plan_tasks(app, first_sent), "follow_up")
    assert [t.done for t in tasks] == [True, False]
    assert tasks[1].due == second_due
    assert tasks[1].id == "follow-up-2-2026-11-02"


def test_the_whole_sequence_then_let_it_rest():
    app = app_with(
        (MON, Kind.INTERVIEW),
        (TUE, Kind.THANK_YOU_SENT),
        (d(10), Kind.FOLLOW_UP_SENT),
        (d(17), Kind.FOLLOW_UP_SENT),
    )
    check = by_kind(plan_tasks(app, d(18)), "check_in")[0]
    assert check.due == d(1, 12) and not check.done
    assert rest_until(app, d(18)) == d(1, 12)
    assert "last gentle check-in is fair" in plan_summary(app, d(1, 12))

    app = app.with_event(Event(d(2, 12), Kind.FOLLOW_UP_SENT))
    tasks = plan_tasks(app, d(3, 12))
    assert [t.kind for t in tasks] == ["thank_you", "follow_up", "follow_up", "check_in", "let_rest"]
    assert all(t.done for t in tasks[:-1])
    rest = tasks[-1]
    assert rest.due == d(16, 12) and rest.logs is None and not rest.done
    assert "close it quietly" in rest.detail
    assert rest_until(app, d(3, 12)) is None  # nothing more to send
    assert "let this one rest" in plan_summary(app, d(3, 12))
    assert "closing this one quietly" in plan_summary(app, d(20, 12))
    assert app.status is Status.WAITING  # nothing closes by itself


def test_ticked_follow_ups_count_as_sent_on_the_day_they_were_ticked():
    app = app_with(
        (MON, Kind.INTERVIEW),
        ticked={"thank-you-2026-11-02": TUE, "follow-up-1-2026-11-02": d(11)},
    )
    second = by_kind(plan_tasks(app, d(11)), "follow_up")[1]
    assert second.due == d(18)


def test_heard_back_restarts_the_follow_up_count():
    app = app_with(
        (MON, Kind.INTERVIEW),
        (TUE, Kind.THANK_YOU_SENT),
        (d(10), Kind.FOLLOW_UP_SENT),
        (d(17), Kind.FOLLOW_UP_SENT),
        (d(18), Kind.HEARD_BACK),
    )
    follow_ups = by_kind(plan_tasks(app, d(18)), "follow_up")
    assert [(t.id, t.done) for t in follow_ups] == [("follow-up-1-2026-11-18", False)]
    assert follow_ups[0].due == d(25)


def test_a_follow_up_on_the_day_they_wrote_back_counts_only_if_logged_after_it():
    before = app_with((MON, Kind.INTERVIEW), (d(10), Kind.FOLLOW_UP_SENT), (d(10), Kind.HEARD_BACK))
    after = app_with((MON, Kind.INTERVIEW), (d(10), Kind.HEARD_BACK), (d(10), Kind.FOLLOW_UP_SENT))
    assert not by_kind(plan_tasks(before, d(10)), "follow_up")[0].done
    assert by_kind(plan_tasks(after, d(10)), "follow_up")[0].done


# --- rest periods and summaries -------------------------------------------------------------


@pytest.mark.parametrize("today", [MON, TUE])
def test_no_rest_while_a_thank_you_is_due(today):
    app = app_with((MON, Kind.INTERVIEW))
    assert rest_until(app, today) is None
    assert "thank-you note" in plan_summary(app, today)


@pytest.mark.parametrize(
    ("today", "rest"),
    [(TUE, d(9)), (SUN, d(9)), (d(8), d(9)), (d(9), None), (d(20), None)],
)
def test_rest_until_the_first_follow_up(today, rest):
    app = app_with((MON, Kind.INTERVIEW), (TUE, Kind.THANK_YOU_SENT))
    assert rest_until(app, today) == rest
    summary = plan_summary(app, today)
    if rest:
        assert summary.startswith("No need to contact them until Mon 9 Nov")
    else:
        assert "follow-up is fair now" in summary


def test_a_late_thank_you_is_still_suggested_kindly():
    app = app_with((MON, Kind.INTERVIEW))
    assert "a little late" in plan_summary(app, d(7))


def test_closed_and_empty_applications():
    closed = app_with((MON, Kind.INTERVIEW), status=Status.REJECTED, own_tasks=(OwnTask("x1", "Rest"),))
    assert [t.kind for t in plan_tasks(closed, TUE)] == ["own"]
    assert "closed" in plan_summary(closed, TUE)
    assert rest_until(closed, TUE) is None
    empty = app_with()
    assert plan_tasks(empty, TUE) == ()
    assert "Log when" in plan_summary(empty, TUE)


# --- own tasks and ordering ---------------------------------------------------------------------


def test_own_tasks_join_the_plan_and_keep_their_ticks():
    app = app_with(
        (MON, Kind.INTERVIEW),
        own_tasks=(OwnTask("read-up", "Read their annual report", THU), OwnTask("gym", "Go to the gym")),
        ticked={"gym": TUE},
    )
    tasks = plan_tasks(app, TUE)
    own = by_kind(tasks, "own")
    assert [(t.id, t.due, t.done, t.logs) for t in own] == [
        ("read-up", THU, False, None),
        ("gym", None, True, None),
    ]
    assert [t.id for t in next_tasks(app, TUE)] == [
        "thank-you-2026-11-02",
        "read-up",
        "follow-up-1-2026-11-02",
    ]


def test_undated_tasks_come_last():
    app = app_with((MON, Kind.INTERVIEW), own_tasks=(OwnTask("someday", "Someday"),))
    assert next_tasks(app, TUE)[-1].id == "someday"


def test_calm_list_defaults():
    assert len(DEFAULT_CALM_TASKS) >= 4
    joined = " ".join(DEFAULT_CALM_TASKS).lower()
    for idea in ("application", "network", "walk", "breathing"):
        assert idea in joined


# --- properties -------------------------------------------------------------------------------------

_KINDS = [
    Kind.APPLIED, Kind.PHONE_SCREEN, Kind.INTERVIEW, Kind.ASSESSMENT, Kind.THANK_YOU_SENT,
    Kind.FOLLOW_UP_SENT, Kind.HEARD_BACK, Kind.REFERENCES_REQUESTED,
]

_apps = st.builds(
    lambda evs, reply_by: Application(
        id="p",
        company="C",
        role="R",
        events=tuple(Event(MON + timedelta(days=o), k) for o, k in evs),
        expected_reply_by=None if reply_by is None else MON + timedelta(days=reply_by),
    ),
    st.lists(st.tuples(st.integers(0, 60), st.sampled_from(_KINDS)), max_size=10),
    st.one_of(st.none(), st.integers(-10, 90)),
)
_days = st.integers(0, 200).map(lambda n: MON + timedelta(days=n))


def _causes(app: Application) -> set[date]:
    return {e.date for e in app.events}


@given(_apps, _days)
def test_no_task_is_due_before_the_event_that_causes_it(app, today):
    for task in plan_tasks(app, today):
        assert task.since in _causes(app) | {t for t in app.ticked.values()}
        assert task.due > task.since


@given(_apps, _days, st.integers(0, 100))
def test_task_ids_are_stable_and_valid_whatever_the_day(app, today, more):
    first = {t.id: t for t in plan_tasks(app, today)}
    later = plan_tasks(app, today + timedelta(days=more))
    for task in later:
        # tasks only ever leave the plan as days pass (their words keep today's tense)
        assert first[task.id]._replace(detail="") == task._replace(detail="")
    assert len(first) == len(plan_tasks(app, today))  # ids are unique
    for task_id in first:
        assert check_id(task_id) == task_id  # storable as a tick


def test_a_thank_you_never_sent_retires_when_the_first_follow_up_is_due():
    app = app_with((MON, Kind.INTERVIEW))
    assert by_kind(plan_tasks(app, d(8)), "thank_you")
    assert by_kind(plan_tasks(app, d(9)), "thank_you") == []
    assert "follow-up is fair now" in plan_summary(app, d(9))


@given(_apps, _days, st.integers(1, 6))
def test_never_more_than_two_follow_ups_and_one_check_in(app, today, extra):
    for n in range(extra):
        app = app.with_event(Event(MON + timedelta(days=61 + 7 * n), Kind.FOLLOW_UP_SENT))
        tasks = plan_tasks(app, today)
        assert len(by_kind(tasks, "follow_up")) <= 2
        assert len(by_kind(tasks, "check_in")) <= 1
        assert len(by_kind(tasks, "let_rest")) <= 1
        open_contact = [t for t in tasks if t.kind in ("follow_up", "check_in") and not t.done]
        assert len(open_contact) <= 1


@given(_apps, _days)
def test_contact_steps_are_spaced_as_etiquette_asks(app, today):
    steps = [t for t in plan_tasks(app, today) if t.kind in ("follow_up", "check_in", "let_rest")]
    for before, after in zip(steps, steps[1:]):
        assert before.done  # the next step appears only once the one before is done
        assert after.since >= before.since
        assert (after.due - after.since).days >= 7


@given(_apps, _days)
def test_logging_a_follow_up_keeps_existing_ids(app, today):
    before = [t.id for t in plan_tasks(app, today) if t.kind != "thank_you"]
    sent_on = max([e.date for e in app.events], default=MON) + timedelta(days=1)
    after = [t.id for t in plan_tasks(app.with_event(Event(sent_on, Kind.FOLLOW_UP_SENT)), today)]
    assert set(before) <= set(after)


@given(_apps, _days)
def test_ticking_any_task_marks_it_done(app, today):
    for task in plan_tasks(app, today):
        ticked = replace(app, ticked={**app.ticked, task.id: today})
        assert next(t for t in plan_tasks(ticked, today) if t.id == task.id).done


@given(_apps, _days)
def test_next_tasks_are_open_and_soonest_first(app, today):
    tasks = next_tasks(app, today)
    assert all(not t.done for t in tasks)
    dues = [t.due for t in tasks if t.due is not None]
    assert dues == sorted(dues)
    rest = rest_until(app, today)
    assert rest is None or rest > today
