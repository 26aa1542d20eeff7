"""The clock: --today / WAITING_ROOM_TODAY pin the date; business days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room import clock


def test_pinned_date_wins_over_environment(monkeypatch):
    monkeypatch.setenv("WAITING_ROOM_TODAY", "2026-11-20")
    assert clock.today() == date(2026, 11, 20)
    clock.pin(date(2027, 1, 5))
    assert clock.today() == date(2027, 1, 5)
    clock.pin(None)
    assert clock.today() == date(2026, 11, 20)


def test_without_pin_or_environment_it_is_the_real_date():
    assert clock.today() == date.today()


@pytest.mark.parametrize("text", ["2026-11-20", "2024-02-29"])
def test_parse_today_accepts_iso(text):
    assert clock.parse_today(text) == date.fromisoformat(text)


@pytest.mark.parametrize(
    "text", ["", "tomorrow", "2026-13-01", "2026-02-30", "20261120", "2026-11-2", "2026-W47-5", "2026-11-20T00"]
)
def test_parse_today_refuses_anything_else(text):
    with pytest.raises(clock.BadToday) as info:
        clock.parse_today(text)
    assert "--today" in str(info.value) and repr(text) in str(info.value)


def test_bad_environment_date_names_the_variable(monkeypatch):
    monkeypatch.setenv("WAITING_ROOM_TODAY", "someday")
    with pytest.raises(clock.BadToday) as info:
        clock.today()
    assert "WAITING_ROOM_TODAY" in str(info.value) and "'someday'" in str(info.value)


FRI = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (FRI, 1, date(2026, 11, 23)),  # Friday + 1 working day = Monday
        (FRI, 5, date(2026, 11, 27)),
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # from a Saturday
        (date(2026, 11, 23), -1, FRI),
        (FRI, 0, FRI),
    ],
)
def test_add_business_days(start, days, end):
    assert clock.add_business_days(start, days) == end


@given(st.dates(date(2000, 1, 1), date(2050, 1, 1)), st.integers(0, 400))
def test_business_days_between_counts_weekdays(start, span):
    end = start + timedelta(days=span)
    expected = sum(1 for i in range(1, span + 1) if (start + timedelta(days=i)).weekday() < 5)
    assert clock.business_days_between(start, end) == expected
    assert clock.business_days_between(end, start) == -expected


@given(st.dates(date(2000, 1, 1), date(2050, 1, 1)), st.integers(0, 60))
def test_add_then_count_business_days(start, days):
    end = clock.add_business_days(start, days)
    assert clock.business_days_between(start, end) == days
    assert days == 0 or clock.is_business_day(end)


@given(st.dates(date(2000, 1, 1), date(2050, 1, 1)), st.integers(-60, 60))
def test_adding_business_days_is_stepping_over_weekends_one_day_at_a_time(start, days):
    step = timedelta(days=1 if days >= 0 else -1)
    expected, remaining = start, abs(days)
    while remaining:
        expected += step
        remaining -= expected.weekday() < 5
    assert clock.add_business_days(start, days) == expected
