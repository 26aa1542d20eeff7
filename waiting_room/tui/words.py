"""Small phrases the screens share: dates, waits, verdicts, statuses."""

from __future__ import annotations

from datetime import date

from waiting_room.core.model import Status

VERDICT_WORDS = {
    "within_normal": "within the usual time",
    "longer_than_usual": "longer than usual",
    "very_long": "a long wait",
}

VERDICT_STYLE = {
    "within_normal": "$success",
    "longer_than_usual": "$warning",
    "very_long": "$warning",  # a long wait is a fact to know, not an alarm
}

STATUS_WORDS = {
    Status.WAITING: "waiting",
    Status.OFFER: "offer",
    Status.REJECTED: "closed: not this time",
    Status.WITHDRAWN: "closed: you withdrew",
    Status.CLOSED: "closed",
}


def day_label(day: date) -> str:
    """``Tue 24 Nov`` (the year only when it is not this one)."""
    return f"{day:%a} {day.day} {day:%b}"


def when(day: date | None, today: date, *, deadline: bool = False) -> str:
    """When a task is due, for today. A step of the plan is due *from* a day
    (not before it); a ``deadline`` (an own task's "by when") is due *by* it,
    and overdue once past."""
    if day is None:
        return "any time"
    delta = (day - today).days
    if deadline:
        if delta < 0:
            return f"overdue since {day_label(day)}"
        if delta == 0:
            return "by today"
        return "by tomorrow" if delta == 1 else f"by {day_label(day)}"
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta < 0:
        return f"from {day_label(day)}"
    return day_label(day)


def days_words(days: int | None) -> str:
    if days is None:
        return "no date yet"
    if days == 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"
