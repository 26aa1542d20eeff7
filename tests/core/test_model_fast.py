"""The fast reading path gives exactly what the checked path gives, or defers to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room.core import model

TEXT = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["", " ", "a\x00b", "\ud800", "Acme"]),
                 st.integers(), st.lists(st.text(max_size=3), max_size=2))
DATES = st.one_of(st.sampled_from(["2026-11-02", "2028-02-29", "2026-02-30", "9999-12-31", "1899-12-31",
                                   "2026-1-2", "", "20261102"]), TEXT)
KINDS = st.one_of(st.sampled_from([k.value for k in model.Kind] + ["Interview", "party"]), TEXT)
IDS = st.one_of(st.sampled_from(["a1b2c3", "x", "-bad", "ok.id_2", "a" * 65]), TEXT)


GOOD_EVENT = {"date": "2026-11-02", "kind": "interview", "note": "panel"}
BASE = {"id": "a1b2c3", "company": "Acme", "role": "Analyst", "events": [GOOD_EVENT]}


def events():
    """Mostly valid events with a field or two changed or dropped."""
    changes = st.fixed_dictionaries({}, optional={"date": DATES, "kind": KINDS, "note": TEXT, "extra": TEXT})
    drops = st.sets(st.sampled_from(["date", "kind", "note"]), max_size=1)
    return st.builds(lambda c, d: {k: v for k, v in {**GOOD_EVENT, **c}.items() if k not in d}, changes, drops)


def applications():
    fields = {
        "id": IDS, "company": TEXT, "role": TEXT,
        "company_size": st.one_of(st.sampled_from(["small", "huge", ""]), TEXT),
        "status": st.one_of(st.sampled_from(["waiting", "offer", "nope", ""]), TEXT),
        "link": TEXT, "notes": TEXT, "expected_reply_by": DATES,
        "events": st.one_of(st.lists(st.one_of(events(), TEXT), max_size=3), TEXT),
        "contacts": st.one_of(st.lists(st.dictionaries(st.sampled_from(["name", "title", "email", "x"]), TEXT,
                                                       max_size=3), max_size=2), TEXT),
        "ticked": st.one_of(st.dictionaries(IDS.filter(lambda v: isinstance(v, str)), DATES, max_size=2), TEXT),
        "own_tasks": st.one_of(st.just([]), st.just([{"id": "own-1", "title": "t"}]), TEXT),
        "unknown": TEXT,
    }
    # A valid record with some fields changed or dropped: both paths get exercised.
    changes = st.fixed_dictionaries({}, optional=fields)
    drops = st.sets(st.sampled_from(["id", "company", "role", "events"]), max_size=1)
    return st.builds(lambda c, d: {k: v for k, v in {**BASE, **c}.items() if k not in d}, changes, drops)


def _checked(data):
    try:
        return model._application_checked(data, "application")
    except model.InvalidData:
        return "invalid"


@settings(max_examples=400, deadline=None)
@given(applications())
def test_fast_path_agrees_with_the_checked_path(data):
    try:
        fast = model._application_fast(data)
    except model._Doubt:
        return  # the checked path decides
    assert fast == _checked(data)


@settings(max_examples=200, deadline=None)
@given(applications())
def test_application_from_dict_is_the_checked_path(data):
    try:
        got = model.application_from_dict(data)
    except model.InvalidData:
        got = "invalid"
    assert got == _checked(data)


def test_a_plain_valid_record_takes_the_fast_path():
    record = {"id": "a1b2c3", "company": "Acme", "role": "Analyst", "status": "waiting",
              "contacts": [{"name": "Dana"}], "ticked": {"follow-up-1": "2026-11-10"},
              "events": [{"date": "2026-11-02", "kind": "interview", "note": "panel"}], "x": 1}
    assert model._application_fast(record) == model._application_checked(record, "application")


@settings(max_examples=400, deadline=None)
@given(applications())
def test_checking_without_building_has_the_fast_paths_doubts(data):
    try:
        built = model._application_fast(data)
    except model._Doubt:
        built = None
    try:
        checked = model._application_ok(data)
    except model._Doubt:
        checked = None
    assert (built is None) == (checked is None)
    if built is not None:
        assert checked == built.id


@settings(max_examples=200, deadline=None)
@given(applications())
def test_check_application_refuses_exactly_what_reading_refuses(data):
    try:
        got = model.check_application(data)
    except model.InvalidData as error:
        got = ("invalid", str(error))
    try:
        want = model.application_from_dict(data).id
    except model.InvalidData as error:
        want = ("invalid", str(error))
    assert got == want
