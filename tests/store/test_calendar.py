"""ICS export: parsed back with icalendar, and checked line by line against RFC 5545."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waiting_room.core.model import Application, Event, Kind, Status
from waiting_room.store.calendar import escape_text, fold, to_ics

icalendar = pytest.importorskip("icalendar")

MON = date(2026, 11, 2)
TODAY = date(2026, 11, 4)


def app(app_id: str, company: str = "Acme Analytics", role: str = "Data Analyst", **fields) -> Application:
    fields.setdefault("events", (Event(MON, Kind.INTERVIEW), Event(MON, Kind.THANK_YOU_SENT)))
    return Application(id=app_id, company=company, role=role, **fields)


def parse(text: str):
    return icalendar.Calendar.from_ical(text)


def vevents(text: str) -> list:
    return list(parse(text).walk("VEVENT"))


def check_structure(text: str) -> None:
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # never a split character
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"


def test_reminders_and_named_dates_parse_back():
    apps = [
        app("a1"),
        app("b2", "Globex", "Engineer", expected_reply_by=date(2026, 11, 13)),
        app("c3", "Closed Co", "Clerk", status=Status.REJECTED, expected_reply_by=date(2026, 11, 6)),
    ]
    text = to_ics(apps, TODAY)
    check_structure(text)
    cal = parse(text)
    assert str(cal["VERSION"]) == "2.0"
    assert "Waiting Room" in str(cal["PRODID"])
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        "follow-up-1-2026-11-02.a1@waiting-room",
        "follow-up-1-2026-11-02.b2@waiting-room",
        "reply-by.b2@waiting-room",
    }
    first = events["follow-up-1-2026-11-02.a1@waiting-room"]
    assert first.decoded("DTSTART") == date(2026, 11, 9)  # five business days on
    assert first.decoded("DTEND") == date(2026, 11, 10)
    assert str(first["SUMMARY"]) == "Send a polite follow-up: Data Analyst at Acme Analytics"
    assert first.decoded("DTSTAMP") == datetime(2026, 11, 4, tzinfo=timezone.utc)
    assert list(first.walk("VALARM"))
    named = events["reply-by.b2@waiting-room"]
    assert named.decoded("DTSTART") == date(2026, 11, 13)
    assert "Globex" in str(named["SUMMARY"])
    # Their date moves the follow-up to one business day after it: Mon 16 Nov.
    assert events["follow-up-1-2026-11-02.b2@waiting-room"].decoded("DTSTART") == date(2026, 11, 16)


def test_done_tasks_and_thank_yous_are_not_reminders():
    sent = app(
        "a1",
        events=(
            Event(MON, Kind.INTERVIEW),
            Event(date(2026, 11, 10), Kind.FOLLOW_UP_SENT),
        ),
    )
    uids = [str(e["UID"]) for e in vevents(to_ics([sent], TODAY))]
    assert uids == ["follow-up-2-2026-11-02.a1@waiting-room"]


def test_empty_calendar_is_still_valid():
    text = to_ics([], TODAY)
    check_structure(text)
    assert vevents(text) == []
    assert text == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Waiting Room//Waiting Room//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Waiting Room\r\nEND:VCALENDAR\r\n"


def test_deterministic_under_a_pinned_date_and_stamp_respected():
    apps = [app("a1"), app("b2", expected_reply_by=date(2026, 11, 20))]
    assert to_ics(apps, TODAY) == to_ics(apps, TODAY)
    stamped = to_ics(apps, TODAY, stamp=datetime(2026, 11, 4, 15, 30, tzinfo=timezone(timedelta(hours=2))))
    assert "DTSTAMP:20261104T133000Z\r\n" in stamped
    naive = to_ics(apps, TODAY, stamp=datetime(2026, 11, 4, 8, 0))
    assert "DTSTAMP:20261104T080000Z\r\n" in naive


def test_awkward_text_is_escaped_folded_and_read_back_exactly():
    company = "Ünïcode; Commas, Back\\slash & Co — " + "日本語" * 20
    role = "Data Analyst, Senior; Remote"
    text = to_ics([app("a1", company, role, expected_reply_by=date(2026, 11, 6))], TODAY)
    check_structure(text)
    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in vevents(text)}
    assert summaries["reply-by.a1@waiting-room"] == f"{company} hoped to reply by today: {role}"
    assert summaries["follow-up-1-2026-11-02.a1@waiting-room"].endswith(f"{role} at {company}")


def test_control_characters_never_reach_the_file():
    text = to_ics([app("a1", "Evil\x1b[2J\x07 Co\r\nX-INJECTED:1", "Role\nBEGIN:VEVENT")], TODAY)
    check_structure(text)
    assert "\x1b" not in text and "\x07" not in text
    assert "\r\nX-INJECTED" not in text
    assert text.count("\r\nBEGIN:VEVENT") == len(vevents(text)) == 1
    (event,) = vevents(text)
    assert "\n" not in str(event["SUMMARY"])


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("a;b,c\\d", "a\\;b\\,c\\\\d"),
        ("line one\nline two", "line one\\nline two"),
        ("crlf\r\nend", "crlf\\nend"),
        ("tab\there", "tab here"),
    ],
)
def test_escape_text(value, escaped):
    assert escape_text(value) == escaped


def test_escape_text_on_one_line():
    assert escape_text("Acme\nCorp\r\nLtd", single_line=True) == "Acme Corp Ltd"


@given(st.text(max_size=400))
def test_fold_keeps_every_octet_and_never_splits_a_character(value):
    line = "DESCRIPTION:" + value.replace("\r", "").replace("\n", "")
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates cannot be in a file at all
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5, unique=True),
       st.integers(0, 60))
def test_uids_are_unique_and_stable(ids, later):
    apps = [
        app(i, events=(Event(MON, Kind.INTERVIEW),), expected_reply_by=MON + timedelta(days=3))
        for i in ids
    ]
    uids = [str(e["UID"]) for e in vevents(to_ics(apps, TODAY))]
    assert len(uids) == len(set(uids)) == 2 * len(ids)
    again = [str(e["UID"]) for e in vevents(to_ics(apps, TODAY + timedelta(days=later)))]
    assert again == uids
