"""Dates as people type them: "today", "yesterday", "3 days ago", "last mon", ISO."""

from __future__ import annotations

import re
from datetime import date, timedelta

from waiting_room.core.model import InvalidData, check_year, parse_date

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_AGO_RE = re.compile(r"(\d{1,4}|a|an|one|two|three|four|five|six|seven)\s+(day|week)s?\s+ago")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _weekday(word: str) -> int | None:
    word = word[:3]
    return _WEEKDAYS.index(word) if word in _WEEKDAYS else None


def parse_human_date(text: str, today: date, where: str = "date") -> date:
    """A date from what a person typed; InvalidData naming ``where`` otherwise.

    Weekday names mean the most recent such day before today ("mon", "last monday").
    """
    try:
        return check_year(_parse_human_date(text, today, where), where)
    except OverflowError:  # "9999 weeks ago" near the start of the calendar
        raise InvalidData(f"{where}: {text.strip()!r} is too far from today") from None


def _parse_human_date(text: str, today: date, where: str) -> date:
    words = " ".join(text.strip().lower().split())
    if not words:
        raise InvalidData(f"{where}: is empty")
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    if words == "tomorrow":
        return today + timedelta(days=1)
    match = _AGO_RE.fullmatch(words)
    if match:
        count = _WORDS.get(match.group(1)) or int(match.group(1))
        return today - timedelta(days=count * (7 if match.group(2) == "week" else 1))
    parts = words.split(" ")
    if len(parts) <= 2 and (len(parts) == 1 or parts[0] == "last"):
        day = _weekday(parts[-1])
        if day is not None and parts[-1] in (_WEEKDAYS[day], _full(day)):
            back = (today.weekday() - day) % 7 or 7
            return today - timedelta(days=back)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        return parse_date(words, where)
    raise InvalidData(
        f"{where}: {text.strip()!r} is not a date I know "
        "(try 2026-11-02, today, yesterday, 3 days ago or last mon)"
    )


def _full(day: int) -> str:
    return ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[day]
