"""Working days (Monday to Friday). Public holidays are not known to the app."""

from __future__ import annotations

from datetime import date, timedelta

#: The years the app handles: wide enough for any job search, narrow enough that
#: date arithmetic (a wait, a follow-up 60 days on) can never overflow the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2199


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def add_business_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (before it when negative)."""
    current = start
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current):
            remaining -= 1
    return current


def on_or_after_business_day(day: date) -> date:
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def on_or_before_business_day(day: date) -> date:
    while not is_business_day(day):
        day -= timedelta(days=1)
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
