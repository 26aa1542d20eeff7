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
    ["", "   ", "soon", "last", "mond", "2026-13-01", "2026-02-30", "2026/13/02",
     "02-11-2026", "3 days", "-3 days ago", "２０２６-１１-０２", "2026-11-02x", "the 32nd", "31/31/2026"],
)
def test_garbage_is_invalid_data_naming_the_field(text, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.delenv("WAITING_ROOM_DATE_ORDER", raising=False)
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


@pytest.mark.parametrize("text, ahead, expected", [
    ("3 Nov", False, date(2026, 11, 3)),
    ("Nov 3", False, date(2026, 11, 3)),
    ("Dec 1", True, date(2026, 12, 1)),
    ("Dec 20", False, date(2025, 12, 20)),  # a day that has been: last December's
    ("the 15th", True, date(2026, 12, 15)),
    ("the 15th", False, date(2026, 11, 15)),
    ("next week", True, date(2026, 12, 4)),  # by the end of it
    ("last week", False, date(2026, 11, 16)),
    ("in 2 weeks", True, date(2026, 12, 10)),
    ("2026/11/03", False, date(2026, 11, 3)),
    ("Thu 26 Nov", False, date(2026, 11, 26)),  # as the app itself shows a date
    ("25/11/2026", False, date(2026, 11, 25)),  # only one reading is a date
    ("11/25/2026", False, date(2026, 11, 25)),
])
def test_dates_as_people_say_them(text, ahead, expected):
    assert parse_human_date(text, THU, "date", ahead=ahead) == expected


@pytest.mark.parametrize("env, expected", [
    ({"WAITING_ROOM_DATE_ORDER": "dmy"}, date(2026, 3, 11)),
    ({"WAITING_ROOM_DATE_ORDER": "mdy"}, date(2026, 11, 3)),
    ({"LC_TIME": "en_GB.UTF-8"}, date(2026, 3, 11)),
    ({"LANG": "en_US.UTF-8"}, date(2026, 11, 3)),
    ({"LC_ALL": "de_DE.UTF-8"}, date(2026, 3, 11)),
])
def test_numeric_dates_follow_the_locale_or_the_setting(env, expected, monkeypatch):
    for name in ("WAITING_ROOM_DATE_ORDER", "LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert parse_human_date("11/03/2026", THU, "--expect", ahead=True) == expected


def test_a_numeric_date_of_unknown_order_is_refused_in_one_line(monkeypatch):
    for name in ("WAITING_ROOM_DATE_ORDER", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    with pytest.raises(InvalidData) as info:
        parse_human_date("11/03/2026", THU, "--expect", ahead=True)
    message = str(info.value)
    assert message.startswith("--expect: '11/03/2026' could be 11 Mar or 3 Nov;") and "\n" not in message


def test_hints_name_days_around_today_not_fixed_ones():
    from waiting_room.core.dates import future_hint, past_hint

    assert past_hint(THU).endswith("17 Nov") and future_hint(THU).endswith("6 Dec")
    assert past_hint(date(2027, 5, 20)).endswith("11 May")
