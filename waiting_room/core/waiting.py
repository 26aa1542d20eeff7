"""The waiting clock: since when, how long, and what stage the wait is at."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from waiting_room.core.model import CLOCK_KINDS, Application, Event, Kind


def clock_event(app: Application) -> Event | None:
    """The latest event that started the wait (the contract's clock kinds)."""
    latest: Event | None = None
    for event in app.events:
        if event.kind in CLOCK_KINDS and (latest is None or event.date >= latest.date):
            latest = event
    return latest


def waiting_since(app: Application) -> date | None:
    """Date of the latest applied/phone_screen/interview/assessment/heard_back event."""
    event = clock_event(app)
    return None if event is None else event.date


def days_waited(app: Application, today: date) -> int | None:
    """Whole calendar days since :func:`waiting_since`; ``None`` unless still waiting.

    A clock date in the future (a typo, or an interview logged ahead) counts as 0.
    """
    if not app.is_waiting:
        return None
    since = waiting_since(app)
    if since is None:
        return None
    return max(0, (today - since).days)


class Stage(StrEnum):
    """How far the process has gone, from the events logged."""

    APPLIED = "applied"
    SCREENED = "screened"  # phone screen done
    INTERVIEWED = "interviewed"  # one interview round
    LATER_ROUNDS = "later_rounds"  # two or more interview rounds, or an assessment after one
    REFERENCES = "references"  # references asked for or being called


STAGE_LABELS = {
    Stage.APPLIED: "after applying",
    Stage.SCREENED: "after a phone screen",
    Stage.INTERVIEWED: "after an interview",
    Stage.LATER_ROUNDS: "after later rounds",
    Stage.REFERENCES: "at the reference stage",
}


def interview_rounds(app: Application) -> int:
    return sum(1 for e in app.events if e.kind is Kind.INTERVIEW)


def stage_of(app: Application) -> Stage:
    """The furthest stage the events show, whatever order they were logged in."""
    kinds = {e.kind for e in app.events}
    if kinds & {Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED}:
        return Stage.REFERENCES
    rounds = interview_rounds(app)
    if rounds >= 2 or (rounds == 1 and Kind.ASSESSMENT in kinds):
        return Stage.LATER_ROUNDS
    if rounds == 1:
        return Stage.INTERVIEWED
    if Kind.PHONE_SCREEN in kinds or Kind.ASSESSMENT in kinds:
        return Stage.SCREENED
    return Stage.APPLIED
