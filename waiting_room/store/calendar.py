"""ICS export of the follow-up reminders and the dates companies named.

A small RFC 5545 writer, no dependency: CRLF line ends, content lines folded at
75 octets without splitting a UTF-8 character, TEXT values escaped, a stable
UID per application and task (re-importing updates the event instead of
adding a copy), and a DTSTAMP that is derived from ``today`` unless given, so
the output is byte-for-byte reproducible under a pinned date.

Each event is all-day (``DTSTART;VALUE=DATE`` to the next day) and carries a
display alarm at 09:00 on the day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable

from waiting_room.core.model import Application
from waiting_room.core.plan import plan_tasks
from waiting_room.core.text import clean

PRODID = "-//Waiting Room//Waiting Room//EN"
UID_DOMAIN = "waiting-room"
#: Plan task kinds that become calendar reminders.
REMINDER_KINDS = frozenset({"follow_up", "check_in"})
ALARM_TRIGGER = "PT9H"  # 09:00 on the day of an all-day event

_MAX_OCTETS = 75


def escape_text(value: str, *, single_line: bool = False) -> str:
    """An RFC 5545 TEXT value: controls made visible, then \\ ; , and newlines escaped.

    With ``single_line`` (summaries) line breaks become spaces instead.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if single_line:
        value = " ".join(value.split("\n"))
    lines = [clean(line, single_line=True) for line in value.split("\n")]
    value = "\n".join(lines)
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded into CRLF-joined pieces of at most 75 octets.

    Continuation lines begin with a space, which counts toward their 75. A
    multi-octet UTF-8 character is never split.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = _MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, _MAX_OCTETS - 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _stamp(today: date, stamp: datetime | None) -> str:
    if stamp is None:
        moment = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    elif stamp.tzinfo is None:
        moment = stamp.replace(tzinfo=timezone.utc)
    else:
        moment = stamp.astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _uid_part(value: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in value) or "x"


def _event(uid: str, day: date, stamp: str, summary: str, description: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary, single_line=True)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER;RELATED=START:{ALARM_TRIGGER}",
        f"DESCRIPTION:{escape_text(summary, single_line=True)}",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_events(apps: Iterable[Application], today: date, stamp: str) -> list[list[str]]:
    events: list[list[str]] = []
    for app in apps:
        if not app.is_waiting:
            continue
        where = f"{app.role} at {app.company}"
        app_part = _uid_part(app.id)
        for task in plan_tasks(app, today):
            if task.done or task.due is None or task.kind not in REMINDER_KINDS:
                continue
            events.append(
                _event(
                    f"{_uid_part(task.id)}.{app_part}@{UID_DOMAIN}",
                    task.due,
                    stamp,
                    f"{task.title}: {where}",
                    task.detail,
                )
            )
        if app.expected_reply_by is not None:
            events.append(
                _event(
                    f"reply-by.{app_part}@{UID_DOMAIN}",
                    app.expected_reply_by,
                    stamp,
                    f"{app.company} hoped to reply by today: {app.role}",
                    "The date they named. Dates like this often slip; "
                    "a polite follow-up is fair a business day or two after it.",
                )
            )
    return events


def to_ics(apps: Iterable[Application], today: date, *, stamp: datetime | None = None) -> str:
    """A VCALENDAR of open follow-up and check-in reminders and the dates companies named."""
    stamp_text = _stamp(today, stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Waiting Room",
    ]
    for event in calendar_events(apps, today, stamp_text):
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
