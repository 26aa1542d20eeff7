"""Working days (Monday to Friday). Public holidays are not known to the app."""

from __future__ import annotations

from datetime import date, timedelta

#: The years the app handles: wide enough for any job search, narrow enough that
#: date arithmetic (a wait, a follow-up 60 days on) can never overflow the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2199


_DAY = timedelta(days=1)
_WEEK = timedelta(days=7)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def add_business_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (before it when negative)."""
    if days == 0:
        return start
    step = _DAY if days > 0 else -_DAY
    # The working days after a weekend day are those after the Friday before it
    # (before it: those before the Monday after), and five of them make a week.
    current = start
    while current.weekday() >= 5:
        current -= step
    weeks, remaining = divmod(abs(days), 5)
    current += _WEEK * weeks if days > 0 else -_WEEK * weeks
    while remaining:
        current += step
        if current.weekday() < 5:
            remaining -= 1
    return current


def on_or_after_business_day(day: date) -> date:
    while day.weekday() >= 5:
        day += _DAY
    return day


def on_or_before_business_day(day: date) -> date:
    while day.weekday() >= 5:
        day -= _DAY
    return day


def business_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
    if end < start:
        return -business_days_between(end, start)
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if is_business_day(day):
            count += 1
    return count
