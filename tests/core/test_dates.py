"""Dates as people type them."""

from __future__ import annotations

from datetime import date

import pytest

from waiting_room.core.dates import parse_human_date
from waiting_room.core.model import InvalidData

FRI = date(2026, 11, 20)  # a Friday
MON = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("today", FRI, FRI),
        ("  Today ", FRI, FRI),
        ("yesterday", FRI, date(2026, 11, 19)),
        ("3 days ago", FRI, date(2026, 11, 17)),
        ("1 day ago", FRI, date(2026, 11, 19)),
        ("three days ago", FRI, date(2026, 11, 17)),
        ("a week ago", FRI, date(2026, 11, 13)),
        ("2 weeks ago", FRI, date(2026, 11, 6)),
        ("40 days ago", date(2026, 1, 10), date(2025, 12, 1)),
        ("last mon", FRI, date(2026, 11, 16)),
        ("last monday", FRI, date(2026, 11, 16)),
        ("mon", FRI, date(2026, 11, 16)),
        ("Monday", FRI, date(2026, 11, 16)),
        ("thu", FRI, date(2026, 11, 19)),
        ("fri", FRI, date(2026, 11, 13)),  # the most recent Friday before today
        ("mon", MON, date(2026, 11, 16)),
        ("sun", MON, date(2026, 11, 22)),
        ("2026-11-02", FRI, date(2026, 11, 2)),
        ("2024-02-29", FRI, date(2024, 2, 29)),
    ],
)
def test_parse_human_date(text, today, expected):
    assert parse_human_date(text, today) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "soon", "last", "last week", "mond", "2026-13-01", "2026-02-30",
     "2026/11/02", "02-11-2026", "3 days", "-3 days ago", "２０２６-１１-０２", "2026-11-02x"],
)
def test_garbage_is_invalid_data_naming_the_field(text):
    with pytest.raises(InvalidData) as info:
        parse_human_date(text, FRI, "--interviewed")
    message = str(info.value)
    assert message.startswith("--interviewed:")
    assert "\n" not in message
    if text.strip():
        assert repr(text.strip()) in message or repr(text.strip().lower()) in message


# Thursday 26 November 2026: looking back and looking ahead.
THU = date(2026, 11, 26)


@pytest.mark.parametrize("text, ahead, expected", [
    ("fri", False, date(2026, 11, 20)),
    ("fri", True, date(2026, 11, 27)),
    ("thu", True, date(2026, 12, 3)),      # today's weekday ahead is next week's
    ("next fri", False, date(2026, 11, 27)),
    ("last fri", True, date(2026, 11, 20)),
    ("in 5 days", True, date(2026, 12, 1)),
    ("in 2 weeks", False, date(2026, 12, 10)),
    ("tomorrow", True, date(2026, 11, 27)),
])
def test_weekdays_point_the_way_the_question_does(text, ahead, expected):
    assert parse_human_date(text, THU, ahead=ahead) == expected


def test_a_day_something_happened_cannot_be_in_the_future():
    from waiting_room.core.dates import parse_past_date

    assert parse_past_date("yesterday", THU) == date(2026, 11, 25)
    with pytest.raises(InvalidData, match="future"):
        parse_past_date("tomorrow", THU, "--interviewed")
