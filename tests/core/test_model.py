"""The core model: the contract's waiting clock, dict round trips, validation messages."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room.core.model import (
    Application,
    Event,
    InvalidData,
    Kind,
    Size,
    Status,
    application_from_dict,
    application_to_dict,
)
from waiting_room.core.waiting import days_waited, stage_of, waiting_since, Stage

D = date(2026, 11, 2)  # a Monday
TODAY = date(2026, 11, 20)


def d(n: int) -> date:
    return D + timedelta(days=n)


def app(*events: tuple[int, str], status: str = "waiting") -> Application:
    return Application(
        id="a1",
        company="Acme",
        role="Analyst",
        events=tuple(Event(d(n), Kind(k)) for n, k in events),
        status=Status(status),
    )


# --- the waiting clock, as the contract defines it --------------------------------

CLOCK_CASES = [
    # (events as (day offset, kind), status, waiting_since offset or None, days_waited)
    pytest.param([], "waiting", None, None, id="no events"),
    pytest.param([(0, "applied")], "waiting", 0, 18, id="applied starts it"),
    pytest.param([(0, "phone_screen")], "waiting", 0, 18, id="phone screen starts it"),
    pytest.param([(0, "interview")], "waiting", 0, 18, id="interview starts it"),
    pytest.param([(0, "assessment")], "waiting", 0, 18, id="assessment starts it"),
    pytest.param([(0, "heard_back")], "waiting", 0, 18, id="heard back starts it"),
    pytest.param([(0, "applied"), (5, "interview")], "waiting", 5, 13, id="interview resets applied"),
    pytest.param([(0, "interview"), (9, "heard_back")], "waiting", 9, 9, id="news resets it"),
    pytest.param([(0, "interview"), (1, "thank_you_sent")], "waiting", 0, 18, id="thank-you does not reset"),
    pytest.param([(0, "interview"), (10, "follow_up_sent")], "waiting", 0, 18, id="follow-up does not reset"),
    pytest.param(
        [(0, "interview"), (6, "references_requested")], "waiting", 0, 18, id="references requested does not reset"
    ),
    pytest.param(
        [(0, "interview"), (7, "references_contacted")], "waiting", 0, 18, id="references contacted does not reset"
    ),
    pytest.param([(3, "thank_you_sent"), (4, "follow_up_sent")], "waiting", None, None, id="only own actions"),
    pytest.param([(8, "interview"), (0, "applied")], "waiting", 8, 10, id="logged out of order"),
    pytest.param([(0, "interview")], "offer", 0, None, id="offer: no days"),
    pytest.param([(0, "interview")], "rejected", 0, None, id="rejected: no days"),
    pytest.param([(0, "interview")], "withdrawn", 0, None, id="withdrawn: no days"),
    pytest.param([(0, "interview")], "closed", 0, None, id="closed: no days"),
    pytest.param([(18, "interview")], "waiting", 18, 0, id="interview today: 0 days"),
]


@pytest.mark.parametrize(("events", "status", "since", "days"), CLOCK_CASES)
def test_waiting_clock_per_contract(events, status, since, days):
    a = app(*events, status=status)
    assert waiting_since(a) == (None if since is None else d(since))
    assert days_waited(a, TODAY) == days


def test_days_waited_counts_whole_calendar_days_across_month_and_year():
    a = app((0, "interview"))
    assert days_waited(a, date(2026, 12, 2)) == 30
    assert days_waited(a, date(2027, 1, 1)) == 60


def test_closing_event_closes_the_application_and_stops_the_clock():
    a = app((0, "interview"))
    for kind, status in (("offer", Status.OFFER), ("rejection", Status.REJECTED), ("withdrew", Status.WITHDRAWN)):
        closed = a.with_event(Event(d(5), Kind(kind)))
        assert closed.status is status
        assert days_waited(closed, TODAY) is None


@pytest.mark.parametrize(
    ("kinds", "stage"),
    [
        ((), Stage.APPLIED),
        (("applied",), Stage.APPLIED),
        (("phone_screen",), Stage.SCREENED),
        (("interview",), Stage.INTERVIEWED),
        (("interview", "interview"), Stage.LATER_ROUNDS),
        (("interview", "references_requested"), Stage.REFERENCES),
    ],
)
def test_stage_of(kinds, stage):
    assert stage_of(app(*((i, k) for i, k in enumerate(kinds)))) is stage


# --- hypothesis: the clock's properties ---------------------------------------------

ALL_KINDS = [k.value for k in Kind]
OWN_KINDS = ["thank_you_sent", "follow_up_sent", "references_requested", "references_contacted"]

events_st = st.lists(
    st.tuples(st.integers(min_value=-400, max_value=400), st.sampled_from(ALL_KINDS)), max_size=12
)


@given(events=events_st, data=st.data())
def test_order_of_events_never_matters(events, data):
    shuffled = data.draw(st.permutations(events))
    a, b = app(*events), app(*shuffled)
    assert waiting_since(a) == waiting_since(b)
    assert days_waited(a, TODAY) == days_waited(b, TODAY)
    assert stage_of(a) == stage_of(b)


@given(
    events=events_st,
    own=st.lists(st.tuples(st.integers(-400, 800), st.sampled_from(OWN_KINDS)), min_size=1, max_size=8),
)
def test_own_actions_and_reference_news_never_move_the_clock(events, own):
    before = app(*events)
    after = app(*events, *own)
    assert waiting_since(after) == waiting_since(before)
    assert days_waited(after, TODAY) == days_waited(before, TODAY)


@given(events=events_st)
def test_days_waited_is_never_negative_and_null_unless_waiting(events):
    a = app(*events)
    days = days_waited(a, TODAY)
    assert days is None or days >= 0
    for status in ("offer", "rejected", "withdrawn", "closed"):
        assert days_waited(replace(a, status=Status(status)), TODAY) is None


# --- dict round trip -----------------------------------------------------------------

FULL = {
    "id": "a1b2c3",
    "company": "Acme Analytics",
    "role": "Data Analyst",
    "company_size": "large",
    "status": "waiting",
    "link": "https://example.com/jobs/1",
    "contacts": [
        {"name": "Dana Ruiz", "title": "Hiring manager", "email": "dana@example.com", "pronouns": "she/her"}
    ],
    "expected_reply_by": "2026-11-07",
    "notes": "free text",
    "events": [
        {"date": "2026-11-02", "kind": "interview", "note": "Onsite", "room": {"floor": 4}},
        {"date": "2026-11-03", "kind": "thank_you_sent"},
    ],
    "ticked": {"follow-up-1": "2026-11-10"},
    "own_tasks": [{"id": "t1", "title": "Update CV", "due": "2026-11-21", "colour": "green"}, {"id": "t2", "title": "Walk"}],
    "salary_band": [60000, 70000],
    "recruiter": {"agency": "X", "fee": None},
}


def test_round_trip_keeps_every_field_and_unknown_keys_at_every_level():
    a = application_from_dict(FULL)
    assert a.company_size is Size.LARGE
    assert a.extra == {"salary_band": [60000, 70000], "recruiter": {"agency": "X", "fee": None}}
    assert a.events[0].extra == {"room": {"floor": 4}}
    assert a.contacts[0].extra == {"pronouns": "she/her"}
    assert a.own_tasks[0].extra == {"colour": "green"}
    assert application_to_dict(a) == FULL
    assert application_from_dict(application_to_dict(a)) == a


def test_minimal_dict_gets_defaults():
    a = application_from_dict({"company": "Acme", "role": "Analyst", "events": []})
    assert (a.id, a.status, a.company_size, a.events) == ("", Status.WAITING, None, ())


def _err(data) -> str:
    with pytest.raises(InvalidData) as info:
        application_from_dict(data, "applications[0]")
    return str(info.value)


BASE = {"company": "Acme", "role": "Analyst", "events": []}


@pytest.mark.parametrize(
    ("change", "field", "value"),
    [
        ({"company": ""}, "applications[0].company", None),
        ({"company": 42}, "applications[0].company", "42"),
        ({"role": "  "}, "applications[0].role", None),
        ({"status": "ghosted"}, "applications[0].status", "'ghosted'"),
        ({"company_size": "huge"}, "applications[0].company_size", "'huge'"),
        ({"expected_reply_by": "2026-02-30"}, "applications[0].expected_reply_by", "'2026-02-30'"),
        ({"expected_reply_by": "next week"}, "applications[0].expected_reply_by", "'next week'"),
        ({"events": [{"date": "2026-13-01", "kind": "interview"}]}, "applications[0].events[0].date", "'2026-13-01'"),
        ({"events": [{"date": "2026-11-01", "kind": "coffee"}]}, "applications[0].events[0].kind", "'coffee'"),
        ({"events": [{"kind": "interview"}]}, "applications[0].events[0].date", None),
        ({"events": [{"date": "2026-11-01"}]}, "applications[0].events[0].kind", None),
        ({"events": "interview"}, "applications[0].events", "'interview'"),
        ({"id": "has space"}, "applications[0].id", "'has space'"),
        ({"contacts": [{"name": 7}]}, "applications[0].contacts[0].name", "7"),
        ({"notes": "a\x00b"}, "applications[0].notes", None),
    ],
)
def test_validation_errors_name_field_and_value(change, field, value):
    message = _err({**BASE, **change})
    assert message.startswith(field + ":"), message
    if value is not None:
        assert value in message
    assert "\n" not in message


@pytest.mark.parametrize("missing", ["company", "role", "events"])
def test_required_keys(missing):
    data = {k: v for k, v in BASE.items() if k != missing}
    assert _err(data) == f"applications[0].{missing}: is required"


def test_not_an_object():
    assert "expected an object" in _err(["Acme"])


def test_lone_surrogates_are_refused_as_text():
    # Such text cannot be written as UTF-8; it must be refused at the door, naming the field.
    message = _err({**BASE, "notes": "bad \ud800 text"})
    assert message.startswith("applications[0].notes:")


# --- hypothesis: dict -> app -> dict -> app is a fixed point ----------------------------

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-(10**9), 10**9), st.text(max_size=8))
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)
text_st = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
iso_date = st.dates(date(1990, 1, 1), date(2040, 12, 31)).map(date.isoformat)


def _extras(reserved: set[str]):
    return st.dictionaries(st.text(min_size=1, max_size=6).filter(lambda k: k not in reserved), json_value, max_size=3)


event_dict = st.builds(
    lambda day, kind, note, extra: {**extra, "date": day, "kind": kind, **({"note": note} if note else {})},
    iso_date,
    st.sampled_from(ALL_KINDS),
    text_st,
    _extras({"date", "kind", "note"}),
)
contact_dict = st.builds(
    lambda name, title, extra: {**extra, "name": name, "title": title},
    text_st,
    text_st,
    _extras({"name", "title", "email"}),
)
app_dict = st.builds(
    lambda company, role, events, size, status, contacts, reply, notes, extra: {
        **extra,
        "company": company,
        "role": role,
        "events": events,
        **({"company_size": size} if size else {}),
        **({"status": status} if status else {}),
        "contacts": contacts,
        **({"expected_reply_by": reply} if reply else {}),
        "notes": notes,
    },
    text_st.filter(str.strip),
    text_st.filter(str.strip),
    st.lists(event_dict, max_size=4),
    st.sampled_from([None, *[s.value for s in Size]]),
    st.sampled_from([None, *[s.value for s in Status]]),
    st.lists(contact_dict, max_size=2),
    st.one_of(st.none(), iso_date),
    text_st,
    _extras(
        {"id", "company", "role", "company_size", "status", "link", "contacts", "expected_reply_by",
         "notes", "events", "ticked", "own_tasks"}
    ),
)


@settings(max_examples=150)
@given(data=app_dict)
def test_round_trip_is_a_fixed_point(data):
    first = application_from_dict(data)
    out = application_to_dict(first)
    second = application_from_dict(out)
    assert second == first
    assert application_to_dict(second) == out
    # and the dict survives JSON, as it does in the database and in export
    assert application_from_dict(json.loads(json.dumps(out))) == first


def test_status_puts_a_wait_that_started_today_before_one_with_no_clock():
    from datetime import date

    from waiting_room.core.model import Application, Event, Kind
    from waiting_room.core.summary import waiting_apps

    today = date(2026, 11, 20)
    no_clock = Application(id="a", company="A", role="r")
    started = Application(id="z", company="Z", role="r", events=(Event(today, Kind.INTERVIEW),))
    assert [a.id for a in waiting_apps([no_clock, started], today)] == ["z", "a"]
