"""Dates people write in notes, read against the day of the note."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room.core.reader.dates import find_dates
from waiting_room.core.reader.holidays import easter, holiday, next_bank_holiday

FRI = date(2026, 12, 4)  # a Friday in December
TUE = date(2026, 11, 10)  # a Tuesday in November
NYE = date(2026, 12, 30)  # a Wednesday, at the turn of the year
JAN = date(2027, 1, 4)  # a Monday, just after it
D = date.fromisoformat

#: (note, the day it was written, the phrase found, its first and last day, its relation)
TABLE = [
    # weekdays
    ("back on Monday", FRI, "Monday", "2026-12-07", "2026-12-07", "until"),
    ("she's in on Tuesday", FRI, "Tuesday", "2026-12-08", "2026-12-08", ""),
    ("next Tue", FRI, "next Tue", "2026-12-08", "2026-12-08", ""),
    ("they'll call by Fri", FRI, "Fri", "2026-12-11", "2026-12-11", "by"),
    ("this Friday", FRI, "this Friday", "2026-12-04", "2026-12-04", ""),
    ("I called last Friday", FRI, "last Friday", "2026-11-27", "2026-11-27", ""),
    ("last thurs", TUE, "last thurs", "2026-11-05", "2026-11-05", ""),
    ("out till Wednesday", NYE, "Wednesday", "2027-01-06", "2027-01-06", "until"),
    ("hear back tomorrow", FRI, "tomorrow", "2026-12-05", "2026-12-05", ""),
    ("she is off today", TUE, "today", "2026-11-10", "2026-11-10", ""),
    # a day of the month
    ("on PTO until the 15th", FRI, "the 15th", "2026-12-15", "2026-12-15", "until"),
    ("back on the 3rd", FRI, "the 3rd", "2027-01-03", "2027-01-03", "until"),
    ("decision by the 31st", TUE, "the 31st", "2026-12-31", "2026-12-31", "by"),
    ("until 20th", NYE, "20th", "2027-01-20", "2027-01-20", "until"),
    ("no news since the 2nd", FRI, "the 2nd", "2026-12-02", "2026-12-02", "since"),
    ("the 4th", FRI, "the 4th", "2026-12-04", "2026-12-04", ""),
    # month and day, both orders, the year around New Year
    ("Nov 3", TUE, "Nov 3", "2026-11-03", "2026-11-03", ""),
    ("3 Nov", TUE, "3 Nov", "2026-11-03", "2026-11-03", ""),
    ("November 23rd", TUE, "November 23rd", "2026-11-23", "2026-11-23", ""),
    ("the 3rd of November", TUE, "the 3rd of November", "2026-11-03", "2026-11-03", ""),
    ("Jan 5", FRI, "Jan 5", "2027-01-05", "2027-01-05", ""),
    ("back Jan 6th", NYE, "Jan 6th", "2027-01-06", "2027-01-06", "until"),
    ("they said Dec 20", JAN, "Dec 20", "2026-12-20", "2026-12-20", ""),
    ("sent it on 28 Dec", JAN, "28 Dec", "2026-12-28", "2026-12-28", ""),
    ("by 1 February 2027", FRI, "1 February 2027", "2027-02-01", "2027-02-01", "by"),
    ("Sept. 9", TUE, "Sept. 9", "2026-09-09", "2026-09-09", ""),  # (two months back: said of the past)
    ("Sept. 9", date(2026, 3, 1), "Sept. 9", "2026-09-09", "2026-09-09", ""),
    ("on Wed 16 Dec", FRI, "Wed 16 Dec", "2026-12-16", "2026-12-16", ""),
    ("they'll get back to me by Friday", TUE, "Friday", "2026-11-13", "2026-11-13", "by"),
    ("2026-12-20", FRI, "2026-12-20", "2026-12-20", "2026-12-20", ""),
    ("2026/12/20", FRI, "2026/12/20", "2026-12-20", "2026-12-20", ""),
    # months and parts of them
    ("early January", FRI, "early January", "2027-01-01", "2027-01-10", ""),
    ("mid-January", FRI, "mid-January", "2027-01-11", "2027-01-20", ""),
    ("late Feb", FRI, "late Feb", "2027-02-21", "2027-02-28", ""),
    ("by the end of January", FRI, "the end of January", "2027-01-25", "2027-01-31", "by"),
    ("the first week of January", FRI, "the first week of January", "2027-01-01", "2027-01-07", ""),
    ("start of december", TUE, "start of december", "2026-12-01", "2026-12-10", ""),
    ("in March", FRI, "in March", "2027-03-01", "2027-03-31", ""),
    ("not until April", FRI, "until April", "2027-04-01", "2027-04-30", "until"),
    ("after May", FRI, "after May", "2027-05-01", "2027-05-31", "after"),
    # spans from the note's day
    ("in 2-3 weeks", FRI, "in 2-3 weeks", "2026-12-18", "2026-12-25", "by"),
    ("in two weeks", TUE, "in two weeks", "2026-11-24", "2026-11-24", "by"),
    ("within ten days", FRI, "within ten days", "2026-12-05", "2026-12-14", "by"),
    ("in a couple of weeks", FRI, "in a couple of weeks", "2026-12-18", "2026-12-18", "by"),
    ("in a few days", FRI, "in a few days", "2026-12-07", "2026-12-07", "by"),
    ("in a week or two", FRI, "in a week or two", "2026-12-11", "2026-12-18", "by"),
    ("a week or two", FRI, "a week or two", "2026-12-11", "2026-12-18", "by"),
    ("approval takes about ten days", FRI, "about ten days", "2026-12-14", "2026-12-14", "by"),
    ("in 5 business days", FRI, "in 5 business days", "2026-12-11", "2026-12-11", "by"),
    ("3-4 working days", FRI, "3-4 working days", "2026-12-09", "2026-12-10", "by"),
    ("10 days from now", FRI, "10 days from now", "2026-12-14", "2026-12-14", ""),
    ("next week", FRI, "next week", "2026-12-07", "2026-12-11", ""),
    ("this week", TUE, "this week", "2026-11-10", "2026-11-13", ""),
    ("next month", NYE, "next month", "2027-01-01", "2027-01-31", ""),
    ("end of next week", FRI, "end of next week", "2026-12-10", "2026-12-11", ""),
    ("by the end of the week", TUE, "the end of the week", "2026-11-12", "2026-11-13", "by"),
    ("by end of month", TUE, "end of month", "2026-11-24", "2026-11-30", "by"),
    ("the week after next", FRI, "the week after next", "2026-12-14", "2026-12-18", ""),
    ("until the 15th and they'll decide the week after", FRI, "the week after", "2026-12-21", "2026-12-25", ""),
    # holidays of the US, the UK and Canada
    ("after Thanksgiving", TUE, "Thanksgiving", "2026-11-26", "2026-11-26", "after"),
    ("after Canadian Thanksgiving", date(2026, 9, 20), "Canadian Thanksgiving", "2026-10-12", "2026-10-12", "after"),
    ("over Christmas", FRI, "Christmas", "2026-12-25", "2026-12-25", "over"),
    ("over xmas", FRI, "xmas", "2026-12-25", "2026-12-25", "over"),
    ("after boxing day", FRI, "boxing day", "2026-12-26", "2026-12-26", "after"),
    ("after the New Year", FRI, "New Year", "2027-01-01", "2027-01-01", "after"),
    ("they close for the holidays", FRI, "the holidays", "2026-12-24", "2027-01-01", ""),
    ("back after Easter", date(2027, 3, 1), "Easter", "2027-03-26", "2027-03-29", "after"),
    ("after the bank holiday", date(2026, 8, 20), "bank holiday", "2026-08-31", "2026-08-31", "after"),
    ("after Labor Day", date(2026, 8, 20), "Labor Day", "2026-09-07", "2026-09-07", "after"),
    ("before Memorial Day weekend", date(2026, 5, 1), "Memorial Day weekend", "2026-05-25", "2026-05-25", "before"),
    ("after Canada Day", date(2026, 6, 20), "Canada Day", "2026-07-01", "2026-07-01", "after"),
    ("after the 4th of July", date(2026, 6, 20), "the 4th of July", "2026-07-04", "2026-07-04", "after"),
    ("since Christmas", JAN, "Christmas", "2026-12-25", "2026-12-25", "since"),
]


@pytest.mark.parametrize(("note", "written", "phrase", "first", "last", "relation"), TABLE,
                         ids=[f"{row[0][:30]}@{row[1]}" for row in TABLE])
def test_a_date_in_a_note(note, written, phrase, first, last, relation):
    found = find_dates(note, written)
    assert found, f"no date found in {note!r}"
    when = found[-1]
    assert (when.text, when.first, when.last, when.relation) == (phrase, D(first), D(last), relation)
    assert note[when.start:when.end] == when.text


def test_the_table_is_big():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("note", [
    "I had my 3rd interview", "the 2nd round went well", "they may call", "she said she'd march it over",
    "I was their 1st choice", "at 3:30", "a 10 minute call", "offer of 50k", "",
])
def test_words_that_are_no_date(note):
    assert find_dates(note, FRI) == ()


def test_a_span_keeps_its_place_in_a_long_note():
    note = "Spoke to Jo. The HM is on PTO until the 15th, back on Wed 16 Dec. Decision after that."
    found = find_dates(note, FRI)
    assert [w.text for w in found] == ["the 15th", "Wed 16 Dec"]
    assert all(note[w.start:w.end] == w.text for w in found)


def test_holidays_by_the_rule():
    assert easter(2026) == date(2026, 4, 5) and easter(2027) == date(2027, 3, 28)
    assert holiday("thanksgiving", 2027) == (date(2027, 11, 25),) * 2
    assert holiday("victoria day", 2026) == (date(2026, 5, 18),) * 2
    assert next_bank_holiday(date(2026, 5, 5)) == date(2026, 5, 25)


_WORDS = st.sampled_from([
    "until", "the", "15th", "back", "on", "Monday", "next", "week", "after", "Thanksgiving", "in",
    "2-3", "weeks", "Jan", "5", "31st", "of", "February", "end", "month", "early", "March", "by",
    "holidays", "tomorrow", "2026-02-30", "a", "few", "days", "or", "two", "9999-12-31", "0001-01-01",
])
_ANCHORS = st.dates(min_value=date(1901, 1, 1), max_value=date(2198, 12, 31))
_FUTURE = ("until", "by", "after")


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12).map(" ".join) | st.text(max_size=80), _ANCHORS)
def test_reading_dates_never_raises_and_keeps_spans(text, anchor):
    for when in find_dates(text, anchor):
        assert text[when.start:when.end] == when.text
        assert when.first <= when.last


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["until", "by", "after", "back on", "within"]),
       st.sampled_from(["the 15th", "Monday", "next week", "Jan 5", "3 Nov", "in 2-3 weeks", "Christmas",
                        "early March", "the end of the month", "ten days", "tomorrow", "the 31st"]),
       _ANCHORS)
def test_a_date_to_come_is_never_before_the_note(relation, phrase, anchor):
    for when in find_dates(f"{relation} {phrase}", anchor):
        if when.relation in _FUTURE and not when.text[0].isdigit():
            assert when.last >= anchor - timedelta(days=120)  # (a month-day may be recent past)
            if not any(m in phrase for m in ("Jan", "Nov", "March", "Christmas")):
                assert when.last >= anchor


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["back on Monday", "in 2-3 weeks", "next week", "within ten days", "end of next week",
                        "tomorrow", "last Friday", "a week or two", "the week after next"]),
       st.dates(min_value=date(1901, 1, 1), max_value=date(2198, 1, 1)))
def test_a_relative_phrase_moves_with_the_day_of_the_note_alone(note, anchor):
    # (what is read depends on the note and the day it was written, never on today)
    week = timedelta(days=7)
    now = find_dates(note, anchor)
    later = find_dates(note, anchor + week)
    assert [(w.first + week, w.last + week) for w in now] == [(w.first, w.last) for w in later]
