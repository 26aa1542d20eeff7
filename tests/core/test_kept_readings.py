"""Readings kept from an earlier run rank exactly as reading the notes afresh."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given

from waiting_room.core import reasons
from waiting_room.core.model import Application, Event, Kind
from waiting_room.core.reasons import clear_caches, rank_reasons, readings_to_keep, use_kept_readings

from test_reasons import FAST, applications, todays

TODAY = date(2026, 11, 20)
ON_LEAVE = "The hiring manager is on leave until the 30th; finance still has to sign off."


@pytest.fixture(autouse=True)
def _forget():
    clear_caches()
    yield
    clear_caches()


def _notes(app: Application) -> list[str]:
    return [e.note for e in app.events if e.note.strip()] + ([app.notes] if app.notes.strip() else [])


def _kept_after_a_run(app: Application, today: date) -> dict:
    """What a run that ranked ``app`` keeps, as the file would hold it."""
    rank_reasons(app, today)
    kept = readings_to_keep(_notes(app))
    return json.loads(json.dumps(kept if kept is not None else {}))


APP = Application(
    "a1", "Acme", "Analyst",
    events=(Event(date(2026, 11, 2), Kind.INTERVIEW, ON_LEAVE),
            Event(date(2026, 11, 9), Kind.HEARD_BACK, "They are still interviewing two others.")),
    notes="Maybe a reorg? Not sure.",
)


@FAST
@given(applications(), todays)
def test_kept_readings_rank_as_a_fresh_reading(app: Application, today: date) -> None:
    clear_caches()
    fresh = rank_reasons(app, today)
    kept = _kept_after_a_run(app, today)
    clear_caches()  # a new process
    use_kept_readings(kept)
    real = reasons._read_note
    reasons._read_note = lambda text: pytest.fail(f"read again: {text!r}")  # type: ignore[assignment]
    try:
        assert rank_reasons(app, today) == fresh
    finally:
        reasons._read_note = real  # type: ignore[assignment]


def test_a_fresh_run_with_kept_readings_reads_no_note(notes_read) -> None:
    fresh = rank_reasons(APP, TODAY)
    kept = _kept_after_a_run(APP, TODAY)
    clear_caches()
    notes_read.clear()  # count from here: what a new process would read
    read = notes_read
    use_kept_readings(kept)
    assert rank_reasons(APP, TODAY) == fresh
    assert read == []


GOOD = ["key_person_away", 4, False, 1.6, '"on leave"', False]


@pytest.mark.parametrize(
    "bad",
    [
        "not a list",
        [["key_person_away", 4, False, 1.6, '"x"']],  # five fields (the format before the learned layer)
        [["key_person_away", 4, False, 1.6, '"x"', False, "extra"]],
        [["not_a_reason", 4, False, 1.6, '"x"', False]],
        [[["key_person_away"], 4, False, 1.6, '"x"', False]],  # a reason that cannot be looked up
        [["key_person_away", "4", False, 1.6, '"x"', False]],
        [["key_person_away", 4, 0, 1.6, '"x"', False]],
        [["key_person_away", 4, False, 2, '"x"', False]],
        [["key_person_away", 4, False, float("nan"), '"x"', False]],
        [["key_person_away", 4, False, float("inf"), '"x"', False]],
        [["key_person_away", 4, False, 1e300, '"x"', False]],
        [["key_person_away", 4, False, 1.6, 7, False]],
        [["key_person_away", 4, False, 1.6, '"x"', 1]],  # learned must be a bool
        [GOOD, "not an item"],
    ],
    ids=lambda bad: repr(bad)[:40],
)
def test_a_kept_reading_that_is_not_one_is_read_again(notes_read, bad) -> None:
    fresh = rank_reasons(APP, TODAY)
    kept = _kept_after_a_run(APP, TODAY)
    kept[ON_LEAVE] = bad
    clear_caches()
    notes_read.clear()  # count from here: what a new process would read
    read = notes_read
    use_kept_readings(kept)
    assert rank_reasons(APP, TODAY) == fresh
    assert read == [ON_LEAVE]


def test_only_wanted_readings_are_kept_and_an_unchanged_set_is_not_kept_again(notes_read) -> None:
    kept = _kept_after_a_run(APP, TODAY)
    assert set(kept) == set(_notes(APP))
    clear_caches()
    use_kept_readings(kept)
    notes_read.clear()  # count from here: what a new process would read
    read = notes_read
    # Nothing read and every kept reading still wanted: nothing to write.
    assert readings_to_keep(_notes(APP)) is None
    # A note that is gone (edited or deleted) leaves; keeping reads nothing.
    fewer = readings_to_keep(_notes(APP)[1:])
    assert fewer is not None and set(fewer) == set(_notes(APP)[1:])
    assert read == []
    # A note read here is new: it is kept.
    rank_reasons(Application("b", "B", "R", notes="Recruiter on vacation"), TODAY)
    more = readings_to_keep([*_notes(APP), "Recruiter on vacation"])
    assert more is not None and "Recruiter on vacation" in more
