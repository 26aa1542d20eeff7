"""The public holidays people name in notes, for the US, the UK and Canada.

"After Thanksgiving", "over Christmas", "the bank holiday": each name gives the
days it covers in a given year. Fixed dates where a holiday has one, the rule
(the fourth Thursday of November) where it moves, and Easter by the Gregorian
computus. Standard library only; pure functions of the year.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["HOLIDAY_NAMES", "holiday", "next_bank_holiday"]

_DAY = timedelta(days=1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n`` = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - _DAY
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _victoria_day(year: int) -> date:
    """The Monday on or before 24 May."""
    may24 = date(year, 5, 24)
    return may24 - timedelta(days=may24.weekday())


def _span(first: date, last: date | None = None) -> tuple[date, date]:
    return first, last or first


#: name (as people write it, lower case) -> the days it covers in a year.
_RULES = {
    "christmas": lambda y: _span(date(y, 12, 25)),
    "xmas": lambda y: _span(date(y, 12, 25)),
    "christmas eve": lambda y: _span(date(y, 12, 24)),
    "christmas break": lambda y: _span(date(y, 12, 24), date(y + 1, 1, 1)),
    "boxing day": lambda y: _span(date(y, 12, 26)),
    "new year": lambda y: _span(date(y, 1, 1)),
    "new years": lambda y: _span(date(y, 1, 1)),
    "new year's": lambda y: _span(date(y, 1, 1)),
    "new year's day": lambda y: _span(date(y, 1, 1)),
    "new years day": lambda y: _span(date(y, 1, 1)),
    "new year's eve": lambda y: _span(date(y, 12, 31)),
    "new years eve": lambda y: _span(date(y, 12, 31)),
    "the holidays": lambda y: _span(date(y, 12, 24), date(y + 1, 1, 1)),
    "the holiday season": lambda y: _span(date(y, 12, 20), date(y + 1, 1, 3)),
    "the festive season": lambda y: _span(date(y, 12, 20), date(y + 1, 1, 3)),
    "thanksgiving": lambda y: _span(_nth_weekday(y, 11, 3, 4)),  # the US one
    "american thanksgiving": lambda y: _span(_nth_weekday(y, 11, 3, 4)),
    "canadian thanksgiving": lambda y: _span(_nth_weekday(y, 10, 0, 2)),
    "easter": lambda y: _span(easter(y) - 2 * _DAY, easter(y) + _DAY),
    "good friday": lambda y: _span(easter(y) - 2 * _DAY),
    "easter monday": lambda y: _span(easter(y) + _DAY),
    "labor day": lambda y: _span(_nth_weekday(y, 9, 0, 1)),
    "labour day": lambda y: _span(_nth_weekday(y, 9, 0, 1)),
    "memorial day": lambda y: _span(_nth_weekday(y, 5, 0, -1)),
    "independence day": lambda y: _span(date(y, 7, 4)),
    "the fourth of july": lambda y: _span(date(y, 7, 4)),
    "the 4th of july": lambda y: _span(date(y, 7, 4)),
    "canada day": lambda y: _span(date(y, 7, 1)),
    "victoria day": lambda y: _span(_victoria_day(y)),
    "remembrance day": lambda y: _span(date(y, 11, 11)),
    "veterans day": lambda y: _span(date(y, 11, 11)),
    "mlk day": lambda y: _span(_nth_weekday(y, 1, 0, 3)),
    "martin luther king day": lambda y: _span(_nth_weekday(y, 1, 0, 3)),
    "presidents day": lambda y: _span(_nth_weekday(y, 2, 0, 3)),
    "presidents' day": lambda y: _span(_nth_weekday(y, 2, 0, 3)),
    "family day": lambda y: _span(_nth_weekday(y, 2, 0, 3)),
    "halloween": lambda y: _span(date(y, 10, 31)),
}

#: Every holiday name the reader knows, longest first (for a regex alternation).
HOLIDAY_NAMES: tuple[str, ...] = tuple(sorted([*_RULES, "bank holiday"], key=len, reverse=True))


def _uk_bank_holidays(year: int) -> list[date]:
    """England and Wales (the substitute days of weekend Christmases left out)."""
    return sorted([
        date(year, 1, 1), easter(year) - 2 * _DAY, easter(year) + _DAY,
        _nth_weekday(year, 5, 0, 1), _nth_weekday(year, 5, 0, -1), _nth_weekday(year, 8, 0, -1),
        date(year, 12, 25), date(year, 12, 26),
    ])


def next_bank_holiday(after: date) -> date:
    """The first UK bank holiday on or after ``after``."""
    for year in (after.year, after.year + 1):
        for day in _uk_bank_holidays(year):
            if day >= after:
                return day
    raise AssertionError("unreachable: every year has bank holidays")


def holiday(name: str, year: int) -> tuple[date, date]:
    """The first and last day ``name`` covers in ``year`` (a KeyError for a name it does not know)."""
    return _RULES[name](year)
