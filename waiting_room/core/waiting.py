"""The waiting clock: since when, how long, and what stage the wait is at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from waiting_room.core.workdays import add_business_days
from waiting_room.core.model import CLOCK_KINDS, Application, Event, Kind, Size, Status


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
    return stage_from({e.kind for e in app.events}, interview_rounds(app))


def stage_from(kinds: set[Kind] | frozenset[Kind], rounds: int) -> Stage:
    """:func:`stage_of` from the kinds of event logged and the interview rounds."""
    if Kind.REFERENCES_REQUESTED in kinds or Kind.REFERENCES_CONTACTED in kinds:
        return Stage.REFERENCES
    if rounds >= 2 or (rounds == 1 and Kind.ASSESSMENT in kinds):
        return Stage.LATER_ROUNDS
    if rounds == 1:
        return Stage.INTERVIEWED
    if Kind.PHONE_SCREEN in kinds or Kind.ASSESSMENT in kinds:
        return Stage.SCREENED
    return Stage.APPLIED


# --- is this wait normal? ----------------------------------------------------
#
# Every figure below is explained, with its source or the reason for the
# judgement, in docs/model.md ("Is my wait normal?"). Keep the two in step.


class Verdict(StrEnum):
    WITHIN_NORMAL = "within_normal"
    LONGER_THAN_USUAL = "longer_than_usual"
    VERY_LONG = "very_long"


@dataclass(frozen=True, slots=True)
class Norm:
    """How long employers usually take to answer at one stage, in calendar days.

    ``typical_days``: a usual reply time. ``usual_max_days``: the end of the usual
    range (after it the wait is longer than usual). ``long_days``: after it the
    wait is very long. ``promised`` is the date the company named, when it counts.
    """

    stage: Stage
    typical_days: int
    usual_max_days: int
    long_days: int
    promised: date | None = None
    told: Told | None = None  # when ``promised`` comes from a note

    def verdict(self, days: int) -> Verdict:
        if days <= self.usual_max_days:
            return Verdict.WITHIN_NORMAL
        if days <= self.long_days:
            return Verdict.LONGER_THAN_USUAL
        return Verdict.VERY_LONG


#: stage -> (typical, end of the usual range, the long mark), in days.
BASE_NORMS: dict[Stage, tuple[int, int, int]] = {
    Stage.APPLIED: (10, 24, 42),
    Stage.SCREENED: (8, 14, 30),
    Stage.INTERVIEWED: (24, 30, 60),
    Stage.LATER_ROUNDS: (7, 21, 42),
    Stage.REFERENCES: (5, 14, 30),
}

#: Bigger organisations tend to be slower; a modest, judged stretch of the norm.
SIZE_FACTORS: dict[Size | None, float] = {
    Size.SMALL: 0.9,
    Size.MEDIUM: 1.0,
    Size.LARGE: 1.1,
    Size.ENTERPRISE: 1.25,
    None: 1.0,
}

#: Business days of grace after a date the company named (Indeed: follow up one
#: to two business days after it).
PROMISE_GRACE_BUSINESS_DAYS = 2

#: Where the end of the usual range sits on the gauge (0..1).
GAUGE_USUAL_MARK = 0.6


class Told(NamedTuple):
    """A reply date the company named, as a note has it ("they'll decide the week after")."""

    day: date  # by when a reply is due, as they put it
    note_day: date  # the day of the note that says so
    phrase: str  # the words that name the date
    decide: bool  # "decide"/"decision" (else: a reply, news, a call)


#: Words that say a date is about their answer ("they'll decide by Friday").
_REPLY_WORDS = re.compile(
    r"\b(decid\w*|decision\w*|hear\w*|let (?:me|you|us) know|get back|back to (?:me|you|us)|"
    r"(?<!auto )(?<!auto-)repl\w*|respond\w*|answer\w*|update\w*|in touch|call (?:me|you|back)|contact (?:me|you)|offer\w*|"
    r"news|outcome|result\w*|confirm\w*|next steps?|announc\w*|choos\w*|pick\w*)"
)
#: Words that make a span from the note's day ("Recruiter said 4-5 days") an estimate of the reply.
_ESTIMATE_WORDS = re.compile(r"\b(said|says|told|tells|expect\w*|should|estimat\w*|reckon\w*|take|takes)\b")
#: "They won't decide until the 15th": only a denial makes an "until" date a reply date.
_NOT_BEFORE = re.compile(r"\b(not|won't|wont|can't|cannot|no|never)\b|n't\b")
_SPAN_START = re.compile(r"(?:in|within|about|around|another|over|\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|a couple|couple|several)")
#: Cheap, before the date reader is imported: can the note name a date at all?
_DATE_WORDS = re.compile(
    r"\d|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|\bweeks?\b|\bmonths?\b|\bdays\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|tomorrow|christmas|xmas|thanksgiving|"
    r"easter|holiday|new year|\bday\b"
)
#: After "they'll decide after Thanksgiving": the reply is due this many days later.
AFTER_DATE_DAYS = 7


@lru_cache(maxsize=4096)
def _told_in(note: str, day: date) -> Told | None:
    lowered = note.lower()
    if _DATE_WORDS.search(lowered) is None or (
        _REPLY_WORDS.search(lowered) is None and _ESTIMATE_WORDS.search(lowered) is None
    ):
        return None
    from waiting_room.core.reader.dates import find_dates, sentence_around

    best: Told | None = None
    for when in find_dates(note, day):
        if when.relation == "since" or when.last < day:
            continue
        # the date must share a sentence with words about their answer
        begin, finish = sentence_around(note, when.start, when.end)
        sentence = lowered[begin:finish]
        about_reply = _REPLY_WORDS.search(sentence) is not None
        if when.relation == "until" and not (about_reply and _NOT_BEFORE.search(sentence)):
            continue  # ("on leave until the 24th" bounds an absence, not a reply)
        if not about_reply and not (
            _SPAN_START.match(when.text.lower()) and _ESTIMATE_WORDS.search(sentence)
        ):
            continue
        if when.relation == "after":
            due = when.last + timedelta(days=AFTER_DATE_DAYS)
        elif when.relation == "before":
            due = max(day, when.first - timedelta(days=1))
        else:
            due = when.last
        if best is None or due > best.day:
            best = Told(due, day, when.text, "decid" in sentence or "decision" in sentence)
    return best


def told_reply(app: Application) -> Told | None:
    """The latest reply date a note of the running wait names, if any.

    Read from the notes of the events since the wait began, newest first, each
    against its own day (:mod:`waiting_room.core.reader.dates`).
    """
    since = waiting_since(app)
    if since is None:
        return None
    for event in sorted(app.events, key=lambda e: e.date, reverse=True):
        if event.date < since:
            break
        if event.note:
            told = _told_in(event.note, event.date)
            if told is not None:
                return told
    return None


def reply_date(app: Application) -> tuple[date | None, Told | None]:
    """The date a reply is due by their own word: the stored one, or a later one
    a note names (``Told``, when it is the note's). One function decides, so the
    clock, the plan, the reasons and the drafts agree."""
    stored = app.expected_reply_by
    told = told_reply(app)
    if told is not None and (stored is None or told.day > stored):
        return told.day, told
    return stored, None


def norm_for(app: Application) -> Norm:
    """The norm for the stage this application is at, its size and any named date.

    A date the company named (``expected_reply_by``, on or after the start of
    the wait) stretches the usual range to that date plus two business days:
    their own word is the best figure there is. It never shortens the norm.
    """
    stage = stage_of(app)
    typical, usual_max, long = BASE_NORMS[stage]
    factor = SIZE_FACTORS.get(app.company_size, 1.0)
    typical = round(typical * factor)
    usual_max = round(usual_max * factor)
    long = round(long * factor)
    promised: date | None = None
    since = waiting_since(app)
    reply_by, told = reply_date(app)
    if since is not None and reply_by is not None and reply_by >= since:
        promised = reply_by
        grace_end = (add_business_days(reply_by, PROMISE_GRACE_BUSINESS_DAYS) - since).days
        if grace_end > usual_max:
            long += grace_end - usual_max
            usual_max = grace_end
        typical = max(typical, (reply_by - since).days)
    return Norm(stage, typical, usual_max, long, promised, told if promised is not None else None)


def wait_verdict(app: Application, today: date) -> Verdict | None:
    """Within normal, longer than usual or very long; ``None`` without a running wait.

    The norm does not depend on ``today``, so the verdict never gets calmer as
    days pass.
    """
    days = days_waited(app, today)
    if days is None:
        return None
    return norm_for(app).verdict(days)


def gauge(app: Application, today: date) -> float | None:
    """Where today falls in the usual range, 0..1, for a small gauge.

    0 is the start of the wait, :data:`GAUGE_USUAL_MARK` the end of the usual
    range, 1 the long mark and beyond. Piecewise linear, never decreasing.
    """
    days = days_waited(app, today)
    if days is None:
        return None
    norm = norm_for(app)
    if days <= norm.usual_max_days:
        return GAUGE_USUAL_MARK * days / max(1, norm.usual_max_days)
    span = max(1, norm.long_days - norm.usual_max_days)
    return min(1.0, GAUGE_USUAL_MARK + (1 - GAUGE_USUAL_MARK) * (days - norm.usual_max_days) / span)


def wait_in_words(days: int) -> str:
    """A duration in plain words: "5 days", "2 weeks and 4 days", "2 months and 9 days"."""
    import humanize  # lazily: start-up speed matters

    days = max(0, days)
    if 7 <= days <= 60:
        weeks, rest = divmod(days, 7)
        text = f"{weeks} week{'s' if weeks != 1 else ''}"
        return text if not rest else f"{text} and {rest} day{'s' if rest != 1 else ''}"
    return humanize.precisedelta(timedelta(days=days), minimum_unit="days")


def short_date(day: date) -> str:
    """"Tue 25 Nov" (no leading zero, locale-free)."""
    return f"{_WEEKDAY_ABBR[day.weekday()]} {day.day} {_MONTH_ABBR[day.month - 1]}"


_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_CLOSED_SENTENCES = {
    Status.OFFER: "This one ended with an offer; no more waiting here.",
    Status.REJECTED: "This one is closed; no more waiting here.",
    Status.WITHDRAWN: "You withdrew from this one; no more waiting here.",
    Status.CLOSED: "This one is closed and resting; no more waiting here.",
}


def promise_words(promised: date, told: Told | None) -> str:
    """Their word on a reply date: what they hoped, or what a note says they said."""
    if told is None:
        return f"They hoped to reply by {short_date(promised)}"
    if told.decide:
        return f"They said they'd decide by {short_date(promised)}"
    return f"They said you'd hear by {short_date(promised)}"


def verdict_sentence(app: Application, today: date) -> str:
    """The wait in plain words: the usual range at this stage and where today is."""
    days = days_waited(app, today)
    if days is None:
        if not app.is_waiting:
            return _CLOSED_SENTENCES[app.status]
        return "Log when you applied or interviewed, and the wait will be measured from there."
    norm = norm_for(app)
    verdict = norm.verdict(days)
    day = "today is the first day" if days == 0 else f"today is day {days}"
    if norm.promised is not None:
        named = promise_words(norm.promised, norm.told)
        if today <= norm.promised:
            return f"{named}; {day}, so there is time yet."
        head = f"{named}, and that date has passed; {day}."
        if verdict is Verdict.WITHIN_NORMAL:
            return f"{head} Dates like that often slip; this is still within the usual range."
    else:
        label = STAGE_LABELS[norm.stage]
        head = (
            f"{label[0].upper()}{label[1:]}, a reply commonly takes up to about "
            f"{norm.usual_max_days} days; {day}."
        )
        if verdict is Verdict.WITHIN_NORMAL:
            return head
    if verdict is Verdict.LONGER_THAN_USUAL:
        return (
            f"{head} That is longer than usual, and still common: "
            "slow replies often come from busy calendars inside the company."
        )
    return (
        f"{head} That is a long silence. One gentle check-in is fair; "
        "after that it is fine to let it rest and put your energy elsewhere."
    )
