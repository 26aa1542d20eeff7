"""Dates as people type them: "today", "yesterday", "3 days ago", "last mon", "next fri",
"in 5 days", "3 Nov", "Nov 3", "the 15th", "next week", "in 2 weeks", ISO with - or /,
and numeric dates ("11/03/2026") in the order of the person's locale.

Which way a bare weekday points depends on the question: "when was the
interview?" looks back ("mon" is the Monday just gone), "when did they say
they would reply?" looks ahead ("fri" is the coming Friday).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from waiting_room.core.model import InvalidData, check_year, parse_date
from waiting_room.core.waiting import _MONTH_ABBR  # (the app's one set of month names)

PAST_HINT = "today, yesterday, 3 days ago, last mon or 2 Nov"
FUTURE_HINT = "fri, next fri, tomorrow, in 5 days or 30 Nov"


def past_hint(today: date) -> str:
    """Examples for a day that has been, around ``today`` (never a fixed date)."""
    return f"today, yesterday, 3 days ago, last mon or {_day_month(today - timedelta(days=9))}"


def future_hint(today: date) -> str:
    """Examples for a day to come, around ``today``."""
    return f"fri, next fri, in 5 days, next week or {_day_month(today + timedelta(days=10))}"


def _day_month(day: date) -> str:
    return f"{day.day} {_MONTH_ABBR[day.month - 1]}"



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
    if match := _YMD_SLASH_RE.fullmatch(words):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise InvalidData(f"{where}: {text.strip()!r} is not a real date") from None
    if match := _NUMERIC_RE.fullmatch(words):
        return _numeric(match, text.strip(), today, where)
    day = _from_words(words, today, ahead)
    if day is not None:
        return day
    hint = future_hint(today) if ahead else past_hint(today)
    raise InvalidData(f"{where}: {text.strip()!r} is not a date I know (try {hint})")


_YMD_SLASH_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_NUMERIC_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?")
#: Locales (language or language_TERRITORY) whose numeric dates put the month first.
_MONTH_FIRST = frozenset({"en_US", "en_PH", "en_AS", "en_GU", "en_PR", "en_UM", "en_VI", "es_US"})
#: Languages whose numeric dates put the day first, whatever the territory (English aside).
_DAY_FIRST_LANGUAGES = frozenset(
    "fr de es it pt nl da nb nn no fi is pl cs sk sl hr sr bs ru uk be bg ro el tr he ar id ms vi th ga cy eu ca gl et lv lt".split()
)


def date_order() -> str | None:
    """"dmy", "mdy", or None when unknown: ``WAITING_ROOM_DATE_ORDER`` if set,
    else the locale of dates (``LC_ALL``, ``LC_TIME``, ``LANG``)."""
    import os

    chosen = os.environ.get("WAITING_ROOM_DATE_ORDER", "").strip().lower()
    if chosen in ("dmy", "mdy"):
        return chosen
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "")
        if value:
            break
    tag = value.split(".")[0].split("@")[0]
    if not tag or tag in ("C", "POSIX"):
        return None
    if tag in _MONTH_FIRST:
        return "mdy"
    language = tag.split("_")[0]
    if language in _DAY_FIRST_LANGUAGES or (language == "en" and tag not in ("en_CA",)):
        return "dmy"
    return None


def _numeric(match: re.Match[str], shown: str, today: date, where: str) -> date:
    a, b = int(match[1]), int(match[2])
    year_text = match[3]
    year = today.year if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    readings = {}
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        try:
            readings[order] = check_year(date(year, month, day), where)
        except ValueError:
            continue
    if not readings:
        raise InvalidData(f"{where}: {shown!r} is not a date")
    if len(readings) == 1 or readings["dmy"] == readings["mdy"]:
        return next(iter(readings.values()))
    order = date_order()
    if order is None:
        first, second = readings["dmy"], readings["mdy"]
        raise InvalidData(
            f"{where}: {shown!r} could be {first.day} {_MONTH_ABBR[first.month - 1]} or "
            f"{second.day} {_MONTH_ABBR[second.month - 1]}; write the month as a word "
            f"({_day_month(first)}) or the date as {first.isoformat()} (or set WAITING_ROOM_DATE_ORDER to dmy or mdy)"
        )
    return readings[order]


def _from_words(words: str, today: date, ahead: bool) -> date | None:
    """What the note reader reads in ``words`` as one date phrase ("3 Nov", "the
    15th", "next week"), pointed the way the question looks."""
    from waiting_room.core.reader.dates import find_dates

    found = find_dates(words, today)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(words):
        return None
    when = found[0]
    day = when.last if ahead else when.first
    if not ahead and day > today and not re.search(r"\d{4}", words):
        # a day that has been: "the 15th" is last month's, "Dec 20" last year's
        if re.fullmatch(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)", words):
            month_start = today.replace(day=1)
            for _ in range(13):
                try:
                    candidate = month_start.replace(day=day.day)
                except ValueError:
                    candidate = None
                if candidate is not None and candidate <= today:
                    return candidate
                month_start = (month_start - timedelta(days=1)).replace(day=1)
        else:
            try:
                earlier = day.replace(year=day.year - 1)
            except ValueError:
                earlier = None
            if earlier is not None and earlier <= today and when.first == when.last:
                return earlier
    return day
