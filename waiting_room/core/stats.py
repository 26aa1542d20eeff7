"""How the search is going, in numbers: pure functions over applications.

Counts by status, a funnel, applications per week, and per company the
median wait and the median time the company took to answer after a meeting.
Nothing here reads the clock: ``today`` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import Iterable, Sequence

from waiting_room.core.model import Application, Kind, Status
from waiting_room.core.waiting import days_waited

#: Meetings that start a response clock, and the answers that stop it.
MEETING_KINDS = frozenset({Kind.PHONE_SCREEN, Kind.INTERVIEW})
ANSWER_KINDS = frozenset({Kind.HEARD_BACK, Kind.OFFER, Kind.REJECTION})

FUNNEL_STEPS: tuple[str, ...] = ("applied", "screened", "interviewed", "offer")

_SCREENED = frozenset({Kind.PHONE_SCREEN, Kind.ASSESSMENT})
_INTERVIEWED = frozenset({Kind.INTERVIEW, Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED})


def counts_by_status(apps: Iterable[Application]) -> dict[Status, int]:
    """How many applications have each status (every status present, zero or not)."""
    counts = {status: 0 for status in Status}
    for app in apps:
        counts[app.status] += 1
    return counts


def furthest_step(app: Application) -> int:
    """0 applied, 1 screened, 2 interviewed, 3 offer: how far this one got.

    Steps are cumulative: an interview counts as having passed the screen,
    even when no phone screen was logged.
    """
    kinds = {e.kind for e in app.events}
    if Kind.OFFER in kinds or app.status is Status.OFFER:
        return 3
    if kinds & _INTERVIEWED:
        return 2
    if kinds & _SCREENED:
        return 1
    return 0


def funnel(apps: Iterable[Application]) -> tuple[tuple[str, int], ...]:
    """(step, how many reached it) for applied -> screened -> interviewed -> offer."""
    steps = [furthest_step(app) for app in apps]
    return tuple((name, sum(1 for s in steps if s >= i)) for i, name in enumerate(FUNNEL_STEPS))


def response_times(app: Application) -> list[int]:
    """Days from each phone screen or interview to the company's next answer.

    An answer is a heard_back, an offer or a rejection on or after the meeting's
    day. Meetings still without an answer give no figure (they are waits, not
    response times). Two meetings answered by the same reply each count.
    """
    events = app.events_by_date()
    out: list[int] = []
    for i, event in enumerate(events):
        if event.kind not in MEETING_KINDS:
            continue
        answer = next((e for e in events[i + 1:] if e.kind in ANSWER_KINDS), None)
        if answer is not None:
            out.append((answer.date - event.date).days)
    return out


def first_seen(app: Application) -> date | None:
    """When the application started: its applied event, else its earliest event."""
    events = app.events_by_date()
    applied = [e.date for e in events if e.kind is Kind.APPLIED]
    if applied:
        return applied[0]
    return events[0].date if events else None


def _median(values: Sequence[float]) -> float | None:
    return float(median(values)) if values else None


@dataclass(frozen=True, slots=True)
class CompanyStats:
    company: str
    applications: int
    waiting: int
    #: median days waited by the applications still waiting (None when none are)
    median_wait: float | None
    #: median days from a meeting to the company's next answer (None when never answered)
    median_response: float | None


def by_company(apps: Iterable[Application], today: date) -> list[CompanyStats]:
    """One row per company (grouped case-insensitively), longest median wait first."""
    groups: dict[str, list[Application]] = {}
    for app in apps:
        groups.setdefault(" ".join(app.company.split()).casefold(), []).append(app)
    rows = []
    for members in groups.values():
        waits = [d for a in members if (d := days_waited(a, today)) is not None]
        answers = [t for a in members for t in response_times(a)]
        rows.append(CompanyStats(
            company=members[0].company,
            applications=len(members),
            waiting=sum(1 for a in members if a.is_waiting),
            median_wait=_median(waits),
            median_response=_median(answers),
        ))
    rows.sort(key=lambda r: (r.median_wait is None, -(r.median_wait or 0), r.company.casefold()))
    return rows


def overall_medians(apps: Sequence[Application], today: date) -> tuple[float | None, float | None]:
    """(median wait of everything waiting, median response time over every answered meeting)."""
    waits = [d for a in apps if (d := days_waited(a, today)) is not None]
    answers = [t for a in apps for t in response_times(a)]
    return _median(waits), _median(answers)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def per_week(apps: Iterable[Application], today: date, weeks: int = 12) -> list[tuple[date, int]]:
    """(Monday, applications started that week) for the last ``weeks`` weeks, this one last.

    An application counts in the week of :func:`first_seen`; ones older than the
    window, dated in the future or without any event are left out.
    """
    this_week = week_start(today)
    starts = [this_week - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    counts = dict.fromkeys(starts, 0)
    for app in apps:
        seen = first_seen(app)
        if seen is None or seen > today:
            continue
        monday = week_start(seen)
        if monday in counts:
            counts[monday] += 1
    return [(monday, counts[monday]) for monday in starts]
