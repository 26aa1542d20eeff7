"""Dates as people type them: "today", "yesterday", "3 days ago", "last mon", "next fri",
"in 5 days", ISO.

Which way a bare weekday points depends on the question: "when was the
interview?" looks back ("mon" is the Monday just gone), "when did they say
they would reply?" looks ahead ("fri" is the coming Friday).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from waiting_room.core.model import InvalidData, check_year, parse_date

PAST_HINT = "today, yesterday, 3 days ago, last mon or 2026-11-02"
FUTURE_HINT = "fri, next fri, tomorrow, in 5 days or 2026-11-30"

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COUNT = r"(\d{1,4}|a|an|one|two|three|four|five|six|seven)"
_AGO_RE = re.compile(_COUNT + r"\s+(day|week)s?\s+ago")
_IN_RE = re.compile(r"in\s+" + _COUNT + r"\s+(day|week)s?")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _weekday(word: str) -> int | None:
    for day, (short, full) in enumerate(zip(_WEEKDAYS, _FULL)):
        if word in (short, full):
            return day
    return None


def _count(match: re.Match[str]) -> int:
    count = _WORDS.get(match.group(1)) or int(match.group(1))
    return count * (7 if match.group(2) == "week" else 1)


def parse_human_date(text: str, today: date, where: str = "date", *, ahead: bool = False) -> date:
    """A date from what a person typed; InvalidData naming ``where`` otherwise.

    With ``ahead`` a bare weekday is the next such day after today; without it,
    the most recent one before today. "last" and "next" say so outright.
    """
    try:
        return check_year(_parse_human_date(text, today, where, ahead), where)
    except OverflowError:  # "9999 weeks ago" near the start of the calendar
        raise InvalidData(f"{where}: {text.strip()!r} is too far from today") from None


def parse_past_date(text: str, today: date, where: str = "date") -> date:
    """A day something happened: not after today."""
    day = parse_human_date(text, today, where)
    if day > today:
        raise InvalidData(f"{where}: {day.isoformat()} is in the future; log things once they have happened")
    return day


def _parse_human_date(text: str, today: date, where: str, ahead: bool) -> date:
    words = " ".join(text.strip().lower().split())
    if not words:
        raise InvalidData(f"{where}: is empty")
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    if words == "tomorrow":
        return today + timedelta(days=1)
    if match := _AGO_RE.fullmatch(words):
        return today - timedelta(days=_count(match))
    if match := _IN_RE.fullmatch(words):
        return today + timedelta(days=_count(match))
    parts = words.split(" ")
    if len(parts) <= 2 and (len(parts) == 1 or parts[0] in ("last", "next", "this")):
        day = _weekday(parts[-1])
        if day is not None:
            forward = parts[0] == "next" or (ahead and parts[0] != "last")
            if forward:
                return today + timedelta(days=(day - today.weekday()) % 7 or 7)
            return today - timedelta(days=(today.weekday() - day) % 7 or 7)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        return parse_date(words, where)
    hint = FUTURE_HINT if ahead else PAST_HINT
    raise InvalidData(f"{where}: {text.strip()!r} is not a date I know (try {hint})")
