"""Message drafts: short, warm, professional, ready to copy.

Each draft is filled with what the application knows: company, role, the date
of the last interview or phone screen, the contact's first name. Where a fact
is missing the sentence is written around it, so no draft ever carries a
placeholder to fill in. User text is passed through the one sanitizer and
kept to one line, so a stray control character or newline in a company name
cannot reach a mail client or a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from waiting_room.core.model import Application, Contact, Event, Kind
from waiting_room.core.plan import next_tasks
from waiting_room.core.waiting import reply_date
from waiting_room.core.text import clean


class DraftKind(StrEnum):
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"  # the final, gentle check-in
    WITHDRAWAL = "withdrawal"
    ACCEPT_NEXT_ROUND = "accept_next_round"


DRAFT_LABELS: dict[DraftKind, str] = {
    DraftKind.THANK_YOU: "Thank-you note",
    DraftKind.FOLLOW_UP: "Polite follow-up",
    DraftKind.CHECK_IN: "Final check-in",
    DraftKind.WITHDRAWAL: "Withdraw",
    DraftKind.ACCEPT_NEXT_ROUND: "Accept the next round",
}

#: The event that "Mark as sent" logs for each draft.
DRAFT_LOGS: dict[DraftKind, Kind | None] = {
    DraftKind.THANK_YOU: Kind.THANK_YOU_SENT,
    DraftKind.FOLLOW_UP: Kind.FOLLOW_UP_SENT,
    DraftKind.CHECK_IN: Kind.FOLLOW_UP_SENT,
    DraftKind.WITHDRAWAL: Kind.WITHDREW,
    DraftKind.ACCEPT_NEXT_ROUND: None,
}


@dataclass(frozen=True, slots=True)
class Draft:
    kind: DraftKind
    subject: str
    body: str
    logs: Kind | None

    @property
    def text(self) -> str:
        """Subject and body together, for the clipboard or a file."""
        return f"Subject: {self.subject}\n\n{self.body}"


_HONORIFICS = {"mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "dame"}


def _one_line(text: str) -> str:
    return " ".join(clean(text, single_line=True).split())


def _contact(app: Application) -> Contact | None:
    return next((c for c in app.contacts if _one_line(c.name)), None)


def greeting(app: Application) -> str:
    """ "Dear Dana," with the first contact's first name, or "Dear Dr Ruiz,"; else "Hello,". """
    contact = _contact(app)
    if contact is None:
        return "Hello,"
    words = _one_line(contact.name).split()
    if len(words) >= 2 and words[0].rstrip(".").lower() in _HONORIFICS:
        return f"Dear {words[0]} {words[-1]},"
    return f"Dear {words[0]},"


def long_date(day: date) -> str:
    """"Monday 2 November" (locale-free)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def _last_meeting(app: Application) -> Event | None:
    met = [e for e in app.events_by_date() if e.kind in (Kind.INTERVIEW, Kind.PHONE_SCREEN)]
    return met[-1] if met else None


def _meeting_words(app: Application) -> tuple[str, str, str]:
    """(verb, noun, when): ("meet with", "my interview", " on Monday 2 November")."""
    met = _last_meeting(app)
    if met is None:
        return "speak with", "my application", ""
    when = f" on {long_date(met.date)}"
    if met.kind is Kind.INTERVIEW:
        return "meet with", "my interview", when
    return "speak with", "our call", when


def _sign_off(sender: str) -> str:
    name = _one_line(sender)
    return "Best regards," + (f"\n{name}" if name else "")


def draft(kind: DraftKind, app: Application, today: date, sender: str = "") -> Draft:
    """One ready-to-copy message of ``kind`` for ``app``."""
    kind = DraftKind(kind)
    company = _one_line(app.company)
    role = _one_line(app.role)
    hello = greeting(app)
    verb, meeting, when = _meeting_words(app)
    promised, _ = reply_date(app)
    close = _sign_off(sender)

    if kind is DraftKind.THANK_YOU:
        subject = f"Thank you: {role}"
        body = (
            f"{hello}\n\n"
            f"Thank you for taking the time to {verb} me{when} about the {role} role. I enjoyed learning "
            f"more about the team and the work at {company}, and our conversation made "
            "me even keener to contribute.\n\n"
            "If there is anything more I can send to help with your decision, I would be "
            "glad to.\n\n"
            f"{close}"
        )
    elif kind is DraftKind.FOLLOW_UP:
        subject = f"Following up: {role}"
        if promised is not None and promised < today:
            timing = (
                f"You mentioned you hoped to decide by {long_date(promised)}, so I thought "
                "I would check in. "
            )
        else:
            timing = ""
        body = (
            f"{hello}\n\n"
            f"I hope your week is going well. I am writing to follow up on {meeting}{when} "
            f"for the {role} role at {company}. {timing}I am still very interested in the "
            "position and would be grateful for any news on the timeline when you have a "
            "moment.\n\n"
            "Thank you again for your time.\n\n"
            f"{close}"
        )
    elif kind is DraftKind.CHECK_IN:
        subject = f"Checking in: {role}"
        body = (
            f"{hello}\n\n"
            f"I wanted to check in one last time about the {role} role at {company}, "
            f"following {meeting}{when}. I know decisions like this take time and a lot "
            "happens on your side. I remain interested, and if the role has moved on, I "
            "would be grateful to know so I can plan ahead.\n\n"
            "Thank you for considering me, and my best wishes to you and the team.\n\n"
            f"{close}"
        )
    elif kind is DraftKind.WITHDRAWAL:
        subject = f"Withdrawing my application: {role}"
        body = (
            f"{hello}\n\n"
            f"Thank you for considering me for the {role} role at {company}, and for the "
            "time you and the team have given me. After careful thought, I would like to "
            "withdraw my application.\n\n"
            "I enjoyed learning about your work and hope our paths cross again.\n\n"
            f"{close}"
        )
    else:
        subject = f"Next round: {role}"
        body = (
            f"{hello}\n\n"
            f"Thank you for inviting me to the next stage for the {role} role at {company}. "
            "I would be glad to take part. Please let me know which times suit the team, "
            "and I will do my best to fit around them.\n\n"
            "I look forward to speaking again.\n\n"
            f"{close}"
        )
    return Draft(kind, subject, body, DRAFT_LOGS[kind])


_INVITE_WORDS = ("next round", "second interview", "final interview", "invite", "invited", "next stage")


def suggested_step(app: Application, today: date) -> tuple[DraftKind, date | None]:
    """The draft for the plan's next message, and the day it is due (``None``: no
    day set). The plan decides (``plan.next_tasks``, as the card, the full view,
    ``status`` and the calendar do); a due day after today means the fitting move
    today is to wait."""
    events = app.events_by_date()
    if events and events[-1].kind is Kind.HEARD_BACK:
        note = events[-1].note.lower()
        if any(word in note for word in _INVITE_WORDS):
            return DraftKind.ACCEPT_NEXT_ROUND, None
    for task in next_tasks(app, today):
        if task.kind == "thank_you":
            return DraftKind.THANK_YOU, task.due
        if task.kind == "check_in":
            return DraftKind.CHECK_IN, task.due
        if task.kind == "follow_up":
            return DraftKind.FOLLOW_UP, task.due
    plan_done = any(e.kind is Kind.FOLLOW_UP_SENT for e in events)
    return (DraftKind.CHECK_IN if plan_done else DraftKind.FOLLOW_UP), None


def suggested_draft(app: Application, today: date) -> DraftKind:
    """The draft that fits this moment in the plan; the person can switch."""
    return suggested_step(app, today)[0]
