"""Dates and spans a note names, resolved against the day the note was written.

People write down what they were told: "on PTO until the 15th", "they'll decide
after Thanksgiving", "should hear by end of next week", "back Monday", "in 2-3
weeks", "early January". :func:`find_dates` finds each such phrase and says
which days it means, read from the day of the event that carries the note (never
from today, so what a note says does not change as days pass):

* weekdays ("Monday", "next Tue", "last Fri"), "today", "tomorrow";
* a day of the month ("the 15th"), a month and day in either order ("Nov 3",
  "3rd of November", "2026-11-03"), a month or part of one ("early January",
  "the end of the month", "in March");
* spans from the note's day ("in 2-3 weeks", "within ten days", "next week",
  "end of next week", "the week after");
* the common public holidays of the US, the UK and Canada (:mod:`.holidays`).

A year is inferred as people mean it around New Year: "Jan 5" written on 20
December is next year's. Each phrase keeps its span in the note, like the cues,
and the word before it that says how it is meant (``relation``: "until" for
"until", "till", "through", "back"; "by", "before", "after", "from", "since",
"over"; or "" for a bare date). Standard library only; deterministic.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from waiting_room.core.reader.holidays import HOLIDAY_NAMES, holiday, next_bank_holiday

__all__ = ["When", "find_dates", "may_name_a_date", "sentence_around"]

_DAY = timedelta(days=1)


def monthrange(year: int, month: int) -> tuple[int, int]:
    """(weekday of the 1st, days in the month), as ``calendar.monthrange`` (not
    imported: it pulls in locale, and this module loads on the way to a first screen)."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1) if (year, month) != (9999, 12) else None
    return first.weekday(), 31 if following is None else (following - first).days


class When(NamedTuple):
    """One date phrase in a note: its span, the days it means, how it is meant."""

    start: int
    end: int
    text: str
    first: date  # the first day the phrase means
    last: date  # the last (the same day for a single date)
    relation: str  # "until", "by", "before", "after", "from", "since", "over" or ""

    @property
    def is_span(self) -> bool:
        return self.first != self.last


_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2,
    "a few": 3, "few": 3, "several": 4,
}
_RELATION_WORDS = {
    "until": "until", "till": "until", "til": "until", "through": "until", "thru": "until",
    "back": "until", "return": "until", "returns": "until", "returning": "until",
    "by": "by", "within": "by", "before": "before", "after": "after", "from": "from",
    "starting": "from", "since": "since", "over": "over", "during": "over",
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}

_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(n) for n in _NUMBERS), key=len, reverse=True)) + r")"
_UNIT = r"(?:business\s+days?|working\s+days?|days?|weeks?|months?)"
_HOLIDAY = r"(?:" + "|".join(re.escape(n) for n in HOLIDAY_NAMES) + r")"
_NOT_A_DAY = (  # "the 3rd round" is no date
    r"(?!\s+(?:round|interview|time|candidate|place|choice|floor|stage|year|grade|party|person|"
    r"reference|attempt|call|one|week|day|month|quarter|option|shift|level|step|email|follow|try|"
    r"person|hire|applicant|finalist|panel)s?\b)"
)

_PATTERN_TEXT = (
    r"(?<![a-z0-9])(?:"
    r"(?P<iso>(?P<iso_y>\d{4})[-/](?P<iso_m>\d{1,2})[-/](?P<iso_d>\d{1,2}))"
    r"|(?P<part_month>(?P<pm_part>early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of"
    r"|(?:the\s+)?(?:first|second|third|last)\s+week\s+of)[\s-]+(?P<pm_month>" + _MONTH + r"))"
    r"|(?P<part_unit>(?P<pu_part>(?:the\s+)?(?:end|start|beginning|middle)\s+of|early|late|mid)[\s-]+"
    r"(?:the\s+)?(?P<pu_which>next|this|following|coming)?\s*(?P<pu_unit>week|month|year))"
    r"|(?P<week_after>the\s+(?P<wa_unit>week|day)\s+after(?:\s+(?P<wa_next>next|that))?"
    r"(?!\s+(?:the\s+|my\s+|our\s+|their\s+|\d|" + _HOLIDAY + r"|" + _MONTH + r"\b|" + _WEEKDAY + r"\b)))"
    r"|(?P<md>(?:" + _WEEKDAY + r",?\s+)?(?P<md_m>" + _MONTH + r")\.?\s+(?:the\s+)?(?P<md_d>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s+(?P<md_y>\d{4}))?)"
    r"|(?P<dm>(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<dm_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>" + _MONTH + r")\b"
    r"(?:,?\s+(?P<dm_y>\d{4}))?)"
    r"|(?P<span>(?:in|within|in\s+the\s+next|over\s+the\s+next|another|in\s+another|in\s+about|about|around)"
    r"\s+(?P<sp_n1>" + _NUM + r")(?:\s*(?:-|to|or|\u2013)\s*(?P<sp_n2>" + _NUM + r"))?\s+(?P<sp_unit>" + _UNIT + r")"
    r"(?:\s+or\s+(?P<sp_n3>" + _NUM + r"))?)"
    r"|(?P<span2>(?P<s2_n1>" + _NUM + r")(?:\s*(?:-|to|\u2013)\s*(?P<s2_n2>" + _NUM + r")\s+(?P<s2_unit>" + _UNIT + r")"
    r"|\s+(?P<s2_unit2>" + _UNIT + r")\s+or\s+(?P<s2_n3>" + _NUM + r")))"
    r"|(?P<from_now>(?P<fn_n>" + _NUM + r")\s+(?P<fn_unit>" + _UNIT + r")\s+(?:from\s+now|from\s+today|later|time))"
    r"|(?P<rel_unit>(?P<ru_which>next|this|the\s+following|following|the\s+coming|coming|last)\s+(?P<ru_unit>week|month))"
    r"|(?P<holiday>(?P<hol_name>" + _HOLIDAY + r")(?:\s+weekend)?)"
    r"|(?P<weekday>(?:(?P<wd_which>next|this\s+coming|this|coming|last)\s+)?(?P<wd>" + _WEEKDAY + r"))"
    r"|(?P<near>today|tonight|tomorrow|tmrw|yesterday)"
    r"|(?P<ord>(?:the\s+)?(?P<ord_d>\d{1,2})(?:st|nd|rd|th)" + _NOT_A_DAY + r")"
    r"|(?P<month>(?P<mo_prep>in|by|until|till|after|before|over|during|from|since)\s+(?P<mo_m>" + _MONTH + r"))"
    r")(?![a-z0-9])"
)
_PATTERN: re.Pattern[str] | None = None  # compiled on first use (about 10 ms)
_RELATION_BEFORE = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(_RELATION_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:on|in|at|to|the|around|about))?\s+$"
)
_REPLY_BEFORE_BACK = re.compile(r"(?:hear|heard|hearing|get|got|getting|call|called|write|wrote|reply|circle|come|ring)\s+$")
#: A quick test: a note without any of these names no date (most notes).
_MAYBE = re.compile(
    r"\d|" + _MONTH + r"|" + _WEEKDAY + r"|today|tomorrow|tonight|tmrw|yesterday|week|month|christmas|xmas"
    r"|thanksgiving|easter|holiday|new year|day|eve\b|halloween",
)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``start:end`` (cut at . ! ? and line ends)."""
    begin = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    return begin, min(ends, default=len(text))


def may_name_a_date(text: str) -> bool:
    """Whether ``text`` might name a date at all (cheap; no false negatives)."""
    return _MAYBE.search(text.lower()) is not None


def _number(word: str) -> int:
    word = " ".join(word.split())
    return int(word) if word.isdigit() else _NUMBERS[word]


def _add_working_days(start: date, days: int) -> date:
    from waiting_room.core.workdays import add_business_days

    return add_business_days(start, days)


def _month_day(year: int, month: int, day: int) -> date | None:
    if not 1 <= day <= monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _infer_year(month: int, day: int, anchor: date) -> date | None:
    """The ``month``/``day`` a note written on ``anchor`` means: the first one from
    four months before it on (so "Jan 5" in December is next January's)."""
    earliest = anchor - timedelta(days=120)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        found = _month_day(year, month, day)
        if found is not None and found >= earliest:
            return found
    return None


def _month_year(month: int, anchor: date) -> int:
    """The year of a month named alone: this one, or next year's once it is past."""
    return anchor.year if month >= anchor.month else anchor.year + 1


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _friday(monday: date) -> date:
    return monday + timedelta(days=4)


def _end_of_month(day: date) -> date:
    return date(day.year, day.month, monthrange(day.year, day.month)[1])


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _part_of_month(part: str, year: int, month: int) -> tuple[date, date]:
    last = monthrange(year, month)[1]
    words = part.replace("the ", "")
    if words.startswith("early") or words.startswith(("start", "beginning", "first week")):
        lo, hi = 1, 7 if "week" in words else 10
    elif words.startswith("mid") or words.startswith("middle"):
        lo, hi = 11, 20
    elif words.startswith("second week"):
        lo, hi = 8, 14
    elif words.startswith("third week"):
        lo, hi = 15, 21
    elif words.startswith("last week"):
        lo, hi = last - 6, last
    elif words.startswith("end"):
        lo, hi = last - 6, last
    else:  # late
        lo, hi = 21, last
    return date(year, month, lo), date(year, month, hi)


def _resolve(m: re.Match[str], anchor: date, previous: When | None) -> tuple[date, date] | None:
    g = m.group
    if g("iso"):
        try:
            day = date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        except ValueError:
            return None
        return day, day
    if g("part_month"):
        month = _MONTHS[g("pm_month")]
        return _part_of_month(" ".join(g("pm_part").split()), _month_year(month, anchor), month)
    if g("part_unit"):
        part = " ".join(g("pu_part").split()).replace("the ", "")
        which, unit = g("pu_which"), g("pu_unit")
        if unit == "week":
            monday = _week_start(anchor)
            if which in ("next", "following") or (anchor.weekday() >= 5 and which != "this"):
                monday += timedelta(days=7)
            if part.startswith(("end", "late")):
                return _friday(monday) - timedelta(days=1), _friday(monday)
            if part.startswith(("start", "beginning", "early")):
                return monday, monday + timedelta(days=1)
            return monday + timedelta(days=2), monday + timedelta(days=2)
        if unit == "month":
            first = anchor.replace(day=1)
            if which in ("next", "following"):
                first = _next_month(first)
            return _part_of_month(part if part != "mid" else "mid", first.year, first.month)
        year = anchor.year + (which in ("next", "following"))
        if part.startswith(("end", "late")):
            return date(year, 12, 1), date(year, 12, 31)
        if part.startswith(("start", "beginning", "early")):
            return date(year, 1, 1), date(year, 2, 28)
        return date(year, 6, 1), date(year, 7, 31)
    if g("week_after"):
        if g("wa_next") == "next":
            base = _week_start(anchor) + timedelta(days=14)
            return base, _friday(base)
        base_day = previous.last if previous is not None else anchor
        if g("wa_unit") == "day":
            return base_day + _DAY, base_day + _DAY
        monday = _week_start(base_day) + timedelta(days=7)
        return monday, _friday(monday)
    if g("md") or g("dm"):
        month = _MONTHS[g("md_m") or g("dm_m")]
        day_of_month = int(g("md_d") or g("dm_d"))
        year = g("md_y") or g("dm_y")
        if year:
            found = _month_day(int(year), month, day_of_month)
        else:
            found = _infer_year(month, day_of_month, anchor)
        return None if found is None else (found, found)
    if g("span"):
        low = _number(g("sp_n1"))
        high = _number(g("sp_n2") or g("sp_n3") or g("sp_n1"))
        if g("sp_n3") and not g("sp_n2"):  # "a week or two"
            high = max(high, low)
        low, high = min(low, high), max(low, high)
        unit = " ".join(g("sp_unit").split())
        within = g("span").startswith("within") or "next" in g("span").split()[:3]
        if unit.startswith(("business", "working")):
            first = _add_working_days(anchor, low)
            last = _add_working_days(anchor, high)
        else:
            per = _UNIT_DAYS[unit.rstrip("s")]
            first = anchor + timedelta(days=low * per)
            last = anchor + timedelta(days=high * per)
        return (anchor + _DAY if within else first), last
    if g("span2"):
        low = _number(g("s2_n1"))
        high = _number(g("s2_n2") or g("s2_n3"))
        low, high = min(low, high), max(low, high)
        unit = " ".join((g("s2_unit") or g("s2_unit2")).split())
        if unit.startswith(("business", "working")):
            return _add_working_days(anchor, low), _add_working_days(anchor, high)
        per = _UNIT_DAYS[unit.rstrip("s")]
        return anchor + timedelta(days=low * per), anchor + timedelta(days=high * per)
    if g("from_now"):
        n = _number(g("fn_n"))
        unit = " ".join(g("fn_unit").split())
        if unit.startswith(("business", "working")):
            day = _add_working_days(anchor, n)
        else:
            day = anchor + timedelta(days=n * _UNIT_DAYS[unit.rstrip("s")])
        return day, day
    if g("rel_unit"):
        which = " ".join(g("ru_which").split()).replace("the ", "")
        if g("ru_unit") == "week":
            monday = _week_start(anchor)
            if which == "last":
                monday -= timedelta(days=7)
            elif which in ("next", "following") or (which == "coming" and anchor.weekday() >= 4):
                monday += timedelta(days=7)
            first = max(monday, anchor) if which == "this" else monday
            return first, _friday(monday)
        first = anchor.replace(day=1)
        if which == "last":
            first = (first - _DAY).replace(day=1)
        elif which in ("next", "following", "coming"):
            first = _next_month(first)
        return first, _end_of_month(first)
    if g("holiday"):
        name = " ".join(g("hol_name").split())
        if name == "bank holiday":
            day = next_bank_holiday(anchor - timedelta(days=3))
            return day, day
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            first, last = holiday(name, year)
            if last >= anchor - timedelta(days=14):
                return first, last
        return None
    if g("weekday"):
        target = _WEEKDAYS[g("wd")]
        which = " ".join((g("wd_which") or "").split())
        if which == "last":
            back = (anchor.weekday() - target) % 7 or 7
            day = anchor - timedelta(days=back)
        else:
            day = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
            if which == "this" and target == anchor.weekday():
                day = anchor
        return day, day
    if g("near"):
        word = g("near")
        offset = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[word]
        day = anchor + timedelta(days=offset)
        return day, day
    if g("ord"):
        day_of_month = int(g("ord_d"))
        if not 1 <= day_of_month <= 31:
            return None
        month_start = anchor.replace(day=1)
        looking_back = _relation(m) == "since"
        for _ in range(13):
            found = _month_day(month_start.year, month_start.month, day_of_month)
            if found is not None and (found <= anchor if looking_back else found >= anchor):
                return found, found
            if looking_back:
                month_start = (month_start - _DAY).replace(day=1)
            else:
                month_start = _next_month(month_start)
        return None
    if g("month"):
        month = _MONTHS[g("mo_m")]
        year = _month_year(month, anchor)
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    return None


def _relation(m: re.Match[str]) -> str:
    if m.group("month"):
        return _RELATION_WORDS.get(m.group("mo_prep"), "")
    if m.group("span") or m.group("span2"):
        return "by"
    found = _RELATION_BEFORE.search(m.string, max(0, m.start() - 24), m.start())
    if not found:
        return ""
    word = found.group(1)
    if word == "back" and _REPLY_BEFORE_BACK.search(m.string, max(0, found.start() - 12), found.start()):
        return ""  # "hear back tomorrow" is a reply, not someone returning
    return _RELATION_WORDS[word]


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower to two characters ("İ")
        lowered = "".join([c if len(c.lower()) != 1 else c.lower() for c in text])
    return lowered.replace("\u2019", "'").replace("\u2018", "'")


@lru_cache(maxsize=4096)
def find_dates(text: str, anchor: date) -> tuple[When, ...]:
    """Every date phrase in ``text``, read as written on ``anchor``, in reading order."""
    if not may_name_a_date(text):
        return ()
    global _PATTERN
    if _PATTERN is None:
        _PATTERN = re.compile(_PATTERN_TEXT)
    lowered = _lowered(text)
    found: list[When] = []
    for m in _PATTERN.finditer(lowered):
        try:
            days = _resolve(m, anchor, found[-1] if found else None)
        except (ValueError, OverflowError):  # a date past the calendar's ends
            days = None
        if days is None:
            continue
        start, end = m.span()
        found.append(When(start, end, text[start:end], days[0], days[1], _relation(m)))
    return tuple(found)
