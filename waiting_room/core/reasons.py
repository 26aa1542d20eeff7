"""Why is it quiet? The ten delay reasons, and an explainable estimate of each.

The model is naive Bayes in log-odds form, small enough to read in one sitting:

1. **Prior** from the stage the process reached (``waiting.stage_of``, with
   reference events left out: they are evidence below) times a factor for the
   company's size. Priors alone explain nothing, so they give no ``because``.
2. **Structural evidence**, each a likelihood ratio with a plain-words line:
   references requested or contacted, follow-ups that got no reply, the date
   they promised having passed, a very long wait, many interview rounds, and
   the season (year-end holidays, August).
3. **What the person wrote**: every event note and the application's notes,
   read by :mod:`waiting_room.core.reader`. Notes on ``heard_back`` events are
   what the company said, so they count a little more. For each reason the
   newest word wins: a later note that says the opposite (she is back; the
   freeze was lifted) overrides earlier ones. Several notes pointing the same
   way add up with diminishing returns (the strongest in full, the rest at half
   strength), so repeating a fact does not make it certain.
4. Normalise. Nothing is rounded here; the faces round for display.

Every number is listed, with its source or the reason for it, in docs/model.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from types import MappingProxyType
from typing import Mapping, NamedTuple

from waiting_room.core._calibration import TEMPERATURE
from waiting_room.core.workdays import add_business_days, business_days_between
from waiting_room.core.model import CLOCK_KINDS, Application, Kind, Size
from waiting_room.core.waiting import Stage, reply_date, short_date as _short, stage_from

# The note reader (waiting_room.core.reader) is imported when the first note is
# read, not with this module: a face can draw before it needs a reason.

__all__ = [
    "REASON_IDS", "ReasonInfo", "REASONS", "ReasonScore", "rank_reasons", "has_evidence",
    "no_evidence_sentence",
    "STAGE_PRIORS", "SIZE_FACTORS",
]

REASON_IDS: tuple[str, ...] = (
    "hr_gatekeeping",
    "key_person_away",
    "priority_project",
    "key_person_left",
    "reorganization",
    "role_rethought",
    "sign_offs",
    "scheduling",
    "other_candidates",
    "checks_in_progress",
)


@dataclass(frozen=True, slots=True)
class ReasonInfo:
    id: str
    title: str
    happening: str  # what is probably going on, one or two sentences
    you_can: str  # one thing the person can do


REASONS: Mapping[str, ReasonInfo] = MappingProxyType({
    info.id: info
    for info in (
        ReasonInfo(
            "hr_gatekeeping",
            "HR handles all contact",
            "The people you met may have been asked to leave every message to HR, "
            "often so nothing they say is mistaken for an offer. Their silence is a "
            "rule, not a verdict on you.",
            "Send any follow-up to your HR or recruiting contact, and keep it short.",
        ),
        ReasonInfo(
            "key_person_away",
            "Someone key is away",
            "A person the decision depends on is probably off sick, on leave or "
            "travelling. Companies often prefer to wait for them rather than decide "
            "without them.",
            "Let a week pass after they are due back, then check in once.",
        ),
        ReasonInfo(
            "priority_project",
            "Hiring slipped behind urgent work",
            "Someone important to the hire was likely pulled onto something urgent, "
            "and hiring moved to the back burner for a while. It usually comes back "
            "once the rush is over.",
            "A brief, friendly note saying you are still interested keeps you in mind.",
        ),
        ReasonInfo(
            "key_person_left",
            "A key person moved on",
            "Someone central to the hire may have left or changed roles, and the "
            "company wants to fill that gap before it carries on.",
            "Ask HR who your contact is now, and introduce yourself to them.",
        ),
        ReasonInfo(
            "reorganization",
            "The team is being reorganized",
            "The department or the company may be in the middle of a restructure, a "
            "merger or a freeze, and hiring waits until the new shape is settled.",
            "Keep other applications moving; this can take a while to clear.",
        ),
        ReasonInfo(
            "role_rethought",
            "The job is being rethought",
            "They may be reshaping the role: a new level or title, a different scope, "
            "or two jobs instead of one. Sometimes that happens because a candidate "
            "showed them what they really need.",
            "Say you are open to talking about how the role might look.",
        ),
        ReasonInfo(
            "sign_offs",
            "Waiting on approvals",
            "People who never met you may need to approve the next step or the "
            "offer: a director, finance, a committee. Each signature adds days.",
            "Be patient a little longer, and ask if they need anything from you.",
        ),
        ReasonInfo(
            "scheduling",
            "Finding time on calendars",
            "The next round needs several busy people in the same hour, and that can "
            "take weeks to line up.",
            "Send a few times that suit you, and say you can be flexible.",
        ),
        ReasonInfo(
            "other_candidates",
            "They are still talking to others",
            "They may be finishing interviews or weighing a few people against each "
            "other. That says nothing bad about you; someone always goes first.",
            "Keep applying elsewhere; it is the best way to wait.",
        ),
        ReasonInfo(
            "checks_in_progress",
            "Checks are running",
            "References, a background check or other checks are probably under way. "
            "These often depend on people outside the company replying.",
            "Give your references a quick heads-up that a call may come.",
        ),
    )
})


class ReasonScore(NamedTuple):
    """One reason's share of the probability and the evidence that moved it."""

    id: str
    probability: float
    because: tuple[str, ...]


# --- priors (judgement, see docs/model.md) -------------------------------------------

#: Relative weight of each reason at each stage, in REASON_IDS order.
STAGE_PRIORS: Mapping[Stage, tuple[float, ...]] = MappingProxyType({
    #               hr  away prio left reorg role sign sched other checks
    Stage.APPLIED:      (14, 8, 8, 3, 5, 6, 4, 12, 38, 2),
    Stage.SCREENED:     (12, 9, 9, 4, 5, 6, 5, 18, 30, 2),
    Stage.INTERVIEWED:  (11, 11, 10, 5, 6, 7, 14, 12, 21, 3),
    Stage.LATER_ROUNDS: (10, 11, 9, 5, 6, 7, 20, 10, 18, 4),
    # only reached through reference events, which are evidence in their own
    # right; kept for callers who look priors up by stage
    Stage.REFERENCES:   (8, 9, 7, 4, 5, 5, 24, 4, 12, 22),
})

#: The priors are judgement, and on real notes a person's own words are better
#: evidence than any stage average: the log prior is damped so that one strong
#: cue (8x) outweighs the widest gap between two reasons' priors at any stage
#: and company size (checked by a property test).
PRIOR_EXPONENT = 0.4

#: Company size multiplies the prior (judgement).
SIZE_FACTORS: Mapping[Size, Mapping[str, float]] = MappingProxyType({
    Size.SMALL: {"hr_gatekeeping": 0.6, "sign_offs": 0.7, "key_person_away": 1.5,
                 "priority_project": 1.4, "key_person_left": 1.2, "reorganization": 0.9},
    Size.MEDIUM: {},
    Size.LARGE: {"hr_gatekeeping": 1.4, "sign_offs": 1.3, "reorganization": 1.15,
                 "key_person_away": 0.9, "priority_project": 0.9},
    Size.ENTERPRISE: {"hr_gatekeeping": 1.6, "sign_offs": 1.5, "reorganization": 1.25,
                      "key_person_away": 0.85, "priority_project": 0.85, "scheduling": 1.1},
})

# --- evidence weights (likelihood ratios) ------------------------------------------

HEARD_BACK_EXPONENT = 1.25  # what the company said counts a bit more than a guess
OLDER_MENTION_SHARE = 0.5  # further notes on a reason add half their log-weight
MAX_NOTE_LOG = math.log(60.0)  # notes can make a reason at most 60x likelier
#: Notes fade with age: full strength for a week, then the log-weight shrinks
#: linearly to a floor (what was true a month ago may not be true now).
NOTE_FRESH_DAYS = 7
NOTE_FADE_DAYS = 60  # from full strength to nothing, were there no floor
NOTE_FADE_FLOOR = 0.35

REFERENCES_CONTACTED = {"checks_in_progress": 7.0, "sign_offs": 1.5, "other_candidates": 0.8}
REFERENCES_CONTACTED_STALE = {"checks_in_progress": 2.5, "sign_offs": 1.6}
REFERENCES_REQUESTED = {"checks_in_progress": 5.0, "sign_offs": 1.3, "other_candidates": 0.85}
REFERENCES_REQUESTED_STALE = {"checks_in_progress": 2.0, "sign_offs": 1.4}
REFERENCES_FRESH_DAYS = 10  # checks take days, not weeks (Glassdoor 2015: 3.1-3.4 days)

FOLLOW_UP_ONE = {"hr_gatekeeping": 1.5, "key_person_away": 1.2}
FOLLOW_UP_MANY = {"hr_gatekeeping": 2.0, "key_person_away": 1.3}

PAST_PROMISED = {
    "key_person_away": 1.6, "priority_project": 1.6, "key_person_left": 1.4,
    "reorganization": 1.4, "role_rethought": 1.4, "sign_offs": 1.3, "other_candidates": 1.2,
}
PAST_PROMISED_GRACE_BUSINESS_DAYS = 2  # Indeed: follow up 1-2 business days after it
PAST_PROMISED_LONG_DAYS = 14  # two weeks past the date: the factors count 1.5x (in log)

LONG_WAIT_DAYS = 42  # Robert Half 2018: 31% waited more than six weeks
VERY_LONG_WAIT_DAYS = 60  # ... and 22% more than two months: factors count 1.5x
EXTREME_WAIT_DAYS = 90  # three months and more: factors count 2x (judgement)
LONG_WAIT = {
    "reorganization": 1.6, "role_rethought": 1.5, "key_person_left": 1.5,
    "priority_project": 1.5, "scheduling": 0.8, "checks_in_progress": 0.8,
}

MANY_ROUNDS = 3
MANY_ROUNDS_FACTORS = {"sign_offs": 1.3, "scheduling": 1.2}

YEAR_END = {"key_person_away": 1.8, "scheduling": 1.3}  # 20 Dec - 3 Jan
AUGUST = {"key_person_away": 1.5, "scheduling": 1.2}  # at least 7 August days
AUGUST_MIN_DAYS = 7
SEASON_LOOKBACK_DAYS = 60  # only the recent part of a wait says anything about now


# --- the engine ----------------------------------------------------------------------

_INDEX = {rid: i for i, rid in enumerate(REASON_IDS)}
_FRAGMENT_MAX = 90


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _FRAGMENT_MAX:
        text = text[: _FRAGMENT_MAX - 1].rstrip() + "\u2026"
    return text.replace('"', "'")


class _Said(NamedTuple):
    """What one note says on one reason, whatever the day: a note's reading."""

    reason: str
    position: int  # where in the note
    negated: bool
    log_weight: float  # before the note's age and source are weighed in
    quote: str  # '"fragment"', and ' (counts against)' when negated
    learned: bool = False  # from the learned layer (it adds to the rules' cues)


class _Mention(NamedTuple):
    """The shape of a mention: _note_scores makes them as plain tuples (thousands
    per ranking of every application), so they are read by position."""

    day: int  # date ordinal of the note
    position: int  # where in the note
    negated: bool
    log_weight: float
    line: str
    learned: bool


_DAY, _POSITION, _NEGATED, _LOG_WEIGHT, _LINE, _LEARNED = range(6)


def _read_note(text: str) -> tuple[_Said, ...]:
    """Read one note; within a note the last word on a reason wins.

    A pasted email is read without its greeting, signature and quoted thread
    (:mod:`waiting_room.core.reader.pasted`). The learned layer's words add to
    the rules' cues; where they only repeat a cue's words, or are slight, they
    are not quoted, and where the rules read a denial of a reason, they say
    nothing of it.
    """
    from waiting_room.core.reader import read_learned, read_note_uncached
    from waiting_room.core.reader.learned import SHOWN_LOG
    from waiting_room.core.reader.pasted import message_span

    start, end = message_span(text)
    body = text[start:end]
    per_reason: dict[str, list[_Said]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    cues = read_note_uncached(body)
    for cue in cues:
        suffix = " (counts against)" if cue.negated else ""
        per_reason.setdefault(cue.reason, []).append(
            _Said(cue.reason, start + cue.start, cue.negated, math.log(cue.weight),
                  f'"{_quote(cue.text)}"{suffix}')
        )
        if not cue.negated:
            spans.setdefault(cue.reason, []).append((cue.start, cue.end))
    said: list[_Said] = []
    denied: set[str] = set()
    for mentions in per_reason.values():
        last = max(mentions, key=lambda m: (m.position, m.negated))
        said += [m for m in mentions if m.negated == last.negated]
        if last.negated:
            denied.add(last.reason)
    learned = [m for m in read_learned(body, cues) if m.reason not in denied]
    # (denied: the rules read a denial here, "she is back from leave")
    strongest = max([m.log_weight for m in learned], default=0.0)
    for m in learned:
        covered = any(a <= m.start and m.end <= b for a, b in spans.get(m.reason, ()))
        # Shown only where the words single a reason out: common words spread
        # over several reasons are no finding to explain.
        quiet = covered or m.log_weight < max(SHOWN_LOG, strongest / 2)
        said.append(_Said(m.reason, start + m.start, False, m.log_weight, "" if quiet else m.quote, True))
    return tuple(said)


# --- readings, kept ------------------------------------------------------------
#
# Reading a note is the costly part of ranking (about 25 us a note), and what a
# note says does not depend on the day. So readings are kept by the note's text
# for the life of the process, and a face may hand over readings kept from an
# earlier process (``use_kept_readings``) and take them back to keep
# (``readings_to_keep``); the store keeps them in a private file beside the
# database (waiting_room.store.readings). A kept reading is plain JSON data:
# [reason, position, negated, log_weight, quote, learned] per thing the note says.

_READINGS: dict[str, tuple[_Said, ...]] = {}
_READINGS_MAX = 65536
_KEPT: dict[str, list] = {}
_READ_HERE = 0  # notes read (not handed over) since the last hand-over


def _kept_reading(raw: object) -> tuple[_Said, ...] | None:
    """A kept reading checked (a plain tuple per thing said), or None when it is not one."""
    if type(raw) is not list:
        return None
    said = []
    for item in raw:
        if type(item) is not list or len(item) != 6:
            return None
        reason, position, negated, log_weight, quote, learned = item
        if not (type(reason) is str and reason in _INDEX and type(position) is int
                and type(negated) is bool and type(quote) is str and type(learned) is bool
                and type(log_weight) is float and -_LOG_LIMIT < log_weight < _LOG_LIMIT):
            return None
        said.append((reason, position, negated, log_weight, quote, learned))
    return tuple(said)  # type: ignore[return-value]


_LOG_LIMIT = 1e6  # far beyond any cue's log-weight; keeps out inf and nan (nan fails both sides)


def _reading(text: str) -> tuple[_Said, ...]:
    said = _READINGS.get(text)
    if said is None:
        global _READ_HERE
        if _KEPT:
            said = _kept_reading(_KEPT.get(text))
        if said is None:
            said = _read_note(text)
            _READ_HERE += 1
        if len(_READINGS) >= _READINGS_MAX:
            _READINGS.clear()
        _READINGS[text] = said
    return said


def use_kept_readings(kept: Mapping[str, object]) -> None:
    """Readings kept by an earlier process (note text -> kept reading).

    They are checked as they are used; one that is not a reading is read again.
    """
    global _READ_HERE
    _KEPT.clear()
    _KEPT.update(kept)
    _READ_HERE = 0


def readings_to_keep(texts: list[str]) -> dict[str, list] | None:
    """The readings of ``texts`` as plain data, or None if nothing changed.

    Only readings already made or handed over are included: keeping them must
    not read anything. Nothing changed when no note was read here and every
    handed-over reading is still wanted (so a file of them need not be written).
    """
    if _READ_HERE == 0 and _KEPT and _KEPT.keys() == set(texts):
        return None  # (every wanted reading was handed over: none is new)
    out: dict[str, list] = {}
    for text in texts:
        said = _READINGS.get(text)
        if said is not None:
            out[text] = [list(s) for s in said]
        elif text in _KEPT:
            out[text] = _KEPT[text]  # type: ignore[assignment]
    if _READ_HERE == 0 and out.keys() == _KEPT.keys():
        return None
    return out


def _combine(logs: list[float]) -> float:
    """Strongest in full, the rest at half strength; independent of order."""
    if not logs:
        return 0.0
    ordered = sorted(logs, key=abs, reverse=True)
    return math.fsum([ordered[0], *(OLDER_MENTION_SHARE * x for x in ordered[1:])])


def _note_evidence(mentions: list[tuple]) -> tuple[float, list[tuple]]:
    """Log-weight for one reason from all its mentions, and the mentions that count.

    The newest date with a mention sets which way the notes point; older
    mentions pointing the other way are superseded. When the newest date holds
    both ways (two notes the same day), everything counts. (Mentions are
    :class:`_Mention`-shaped plain tuples.)
    """
    ruled = [m for m in mentions if not m[_LEARNED]]
    learned = [m for m in mentions if m[_LEARNED]]
    kept: list[tuple] = []
    positive = negative = 0.0
    if ruled:
        newest = max([m[_DAY] for m in ruled])
        ways = {m[_NEGATED] for m in ruled if m[_DAY] == newest}
        if len(ways) == 1:
            (way,) = ways
            kept = [m for m in ruled if m[_NEGATED] == way]
            if way:  # a newer note says it is over: what older notes hinted at is too
                learned = [m for m in learned if m[_DAY] >= newest]
        else:
            kept = list(ruled)
        positive = _combine([m[_LOG_WEIGHT] for m in kept if not m[_NEGATED]])
        negative = _combine([m[_LOG_WEIGHT] for m in kept if m[_NEGATED]])
    # Within a note, the learned layer adds to the rules (it was fitted so);
    # across notes, its readings combine like the rules' do.
    positive += _combine([m[_LOG_WEIGHT] for m in learned])
    total = min(MAX_NOTE_LOG, positive) + max(-MAX_NOTE_LOG, negative)
    return total, kept + learned


def _add(
    evidence: dict[str, list[tuple[float, str]]], factors: Mapping[str, float], line: str,
    power: float = 1.0,
) -> None:
    for reason, ratio in factors.items():
        evidence.setdefault(reason, []).append((math.log(ratio) * power, line))


def _overlap_days(lo: date, hi: date, start: date, end: date) -> int:
    first, last = max(lo, start), min(hi, end)
    return max(0, (last - first).days + 1)


class _Events(NamedTuple):
    """What ranking needs from an application's events, gathered in one pass."""

    kinds: set[Kind]
    rounds: int  # interview rounds
    since: date | None  # the wait's start (waiting.waiting_since)
    contacted: list[date]  # references contacted
    requested: list[date]  # references requested
    sent: list[date]  # follow-ups sent
    #: (text, day, dated, exponent, ended) of every note that can speak, as of
    #: today. ``dated`` notes are shown with their day (an event's note); the
    #: application's own notes are not. ``ended``: (reason, day) for what the note
    #: said would last until a day that is now past ("on leave until the 15th").
    sources: tuple[tuple[str, date, bool, float, tuple[tuple[str, date], ...]], ...]


def _events(app: Application, today: date) -> _Events:
    kinds: set[Kind] = set()
    contacted: list[date] = []
    requested: list[date] = []
    sent: list[date] = []
    sources: list[tuple[str, date, bool, float, tuple[tuple[str, date], ...]]] = []
    rounds = 0
    since: date | None = None
    latest: date | None = None
    for event in app.events:
        kind = event.kind
        day = event.date
        kinds.add(kind)
        if latest is None or day > latest:
            latest = day
        if kind in CLOCK_KINDS and (since is None or day >= since):
            since = day
        if kind is Kind.FOLLOW_UP_SENT:
            sent.append(day)
        elif kind is Kind.INTERVIEW:
            rounds += 1
        elif kind is Kind.REFERENCES_CONTACTED:
            contacted.append(day)
        elif kind is Kind.REFERENCES_REQUESTED:
            requested.append(day)
        note = event.note
        if note and not note.isspace():  # (not blank: note.strip() without the copy)
            exponent = HEARD_BACK_EXPONENT if kind is Kind.HEARD_BACK else 1.0
            age = (today - day).days
            if age > NOTE_FRESH_DAYS:
                exponent *= _freshness(age)
            ended = _ended(note, day, today) if day < today else ()
            sources.append((note, day, True, exponent, ended))
    if app.notes and not app.notes.isspace():
        # the application's own notes are kept up to date: they speak for today
        day = today if latest is None or latest < today else latest
        sources.append((app.notes, day, False, _freshness((today - day).days), ()))
    return _Events(kinds, rounds, since, contacted, requested, sent, tuple(sources))


#: After the day a note said something would last until ("on PTO until the
#: 15th"), what it says counts this share of its weight (in log): the person is
#: likely back, though perhaps not caught up.
ENDED_SHARE = 0.25
ENDED_GRACE_BUSINESS_DAYS = 1  # a day to be back at the desk


_UNTIL_WORDS = re.compile(r"(?i)\b(?:until|till|til|through|thru|back|return\w*)\b")


@lru_cache(maxsize=4096)
def _until(text: str, day: date) -> tuple[tuple[str, date], ...]:
    """(reason, end) for each cue of the rules that a date in its sentence bounds:
    "the hiring manager is on PTO until the 15th" -> (key_person_away, 15th)."""
    if _UNTIL_WORDS.search(text) is None:  # (most notes: no date reader needed)
        return ()
    from waiting_room.core.reader.dates import find_dates, may_name_a_date, sentence_around

    if not may_name_a_date(text):
        return ()
    out: list[tuple[str, date]] = []
    for when in find_dates(text, day):
        if when.relation != "until":
            continue
        sentence_start, _ = sentence_around(text, when.start, when.end)
        for reason, position, negated, _, _, learned in _reading(text):
            if learned or negated or not sentence_start <= position < when.start:
                continue
            if all(r != reason for r, _ in out):
                out.append((reason, when.last))
    return tuple(out)


def _ended(text: str, day: date, today: date) -> tuple[tuple[str, date], ...]:
    bounded = _until(text, day)
    if not bounded:
        return ()
    return tuple((reason, end) for reason, end in bounded
                 if today > add_business_days(end, ENDED_GRACE_BUSINESS_DAYS))


@lru_cache(maxsize=1024)
def _season(start: date, today: date) -> tuple[int, int]:
    """Days of the wait (from ``start``, looking back at most a season) that fall
    in the year-end holidays and in August. (Many waits share their dates.)"""
    start = max(start, today - timedelta(days=SEASON_LOOKBACK_DAYS))
    year_end = 0
    august = 0
    for year in range(start.year - 1, today.year + 1):
        year_end += _overlap_days(start, today, date(year, 12, 20), date(year + 1, 1, 3))
        august += _overlap_days(start, today, date(year, 8, 1), date(year, 8, 31))
    return year_end, august


def _structural(app: Application, facts: _Events, today: date) -> dict[str, list[tuple[float, str]]]:
    """The facts of the application that move reasons (only reasons they move)."""
    evidence: dict[str, list[tuple[float, str]]] = {}
    contacted, requested, rounds, since = facts.contacted, facts.requested, facts.rounds, facts.since

    # references
    if contacted:
        when = max(contacted)
        fresh = (today - when).days <= REFERENCES_FRESH_DAYS
        _add(evidence, REFERENCES_CONTACTED if fresh else REFERENCES_CONTACTED_STALE,
             f"references were contacted on {when.isoformat()}")
    elif requested:
        when = max(requested)
        fresh = (today - when).days <= REFERENCES_FRESH_DAYS
        _add(evidence, REFERENCES_REQUESTED if fresh else REFERENCES_REQUESTED_STALE,
             f"references were requested on {when.isoformat()}")

    # follow-ups since the last news
    follow_ups = sorted(d for d in facts.sent if (since is None or d >= since) and d <= today)
    if len(follow_ups) == 1:
        _add(evidence, FOLLOW_UP_ONE,
             f"your follow-up of {follow_ups[0].isoformat()} has had no reply")
    elif follow_ups:
        _add(evidence, FOLLOW_UP_MANY,
             f"{len(follow_ups)} follow-ups since {follow_ups[0].isoformat()} have had no reply")

    # the date they gave
    promised, told = reply_date(app)
    # A date from before the latest news belongs to an earlier stage, as in norm_for.
    if promised is not None and (since is None or promised >= since) and today > promised:
        if business_days_between(promised, today) >= PAST_PROMISED_GRACE_BUSINESS_DAYS:
            power = 1.5 if (today - promised).days > PAST_PROMISED_LONG_DAYS else 1.0
            # (a date read from a note says which words named it)
            source = f', "{told.phrase}" in your note of {told.note_day.isoformat()}' if told else ""
            _add(evidence, PAST_PROMISED,
                 f"past the date they gave ({promised.isoformat()}{source})", power)

    # a very long wait
    # (waiting.days_waited, from the start found above)
    waited = max(0, (today - since).days) if since is not None and app.is_waiting else None
    if waited is not None and waited > LONG_WAIT_DAYS:
        power = 1.0
        if waited > VERY_LONG_WAIT_DAYS:
            power = 2.0 if waited > EXTREME_WAIT_DAYS else 1.5
        _add(evidence, LONG_WAIT, f"no news for {waited} days", power)

    # many rounds
    if rounds >= MANY_ROUNDS:
        _add(evidence, MANY_ROUNDS_FACTORS, f"{rounds} interview rounds so far")

    # the season
    start = since if since is not None and since <= today else today
    year_end, august = _season(start, today)
    if year_end:
        _add(evidence, YEAR_END, "the wait runs over the year-end holidays")
    if august >= AUGUST_MIN_DAYS:
        _add(evidence, AUGUST, "the wait runs through August, when many people are away")
    return evidence


_REFERENCE_KINDS = frozenset({Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED})
_LOG_PRIORS: dict[tuple[Stage, Size | None], tuple[float, ...]] = {}


def _log_prior(app: Application, facts: _Events) -> tuple[float, ...]:
    """Log prior of every reason, from the stage and the company's size.

    The stage leaves references out: reference checks enter as evidence, and
    the stage before them sets the mix of the other reasons.
    """
    key = (stage_from(facts.kinds - _REFERENCE_KINDS, facts.rounds), app.company_size)
    logs = _LOG_PRIORS.get(key)
    if logs is None:
        weights = list(STAGE_PRIORS[key[0]])
        if app.company_size is not None:
            for reason, factor in SIZE_FACTORS[app.company_size].items():
                weights[_INDEX[reason]] *= factor
        logs = _LOG_PRIORS[key] = tuple(PRIOR_EXPONENT * math.log(w) for w in weights)
    return logs


def _freshness(age_days: int) -> float:
    if age_days <= NOTE_FRESH_DAYS:
        return 1.0
    return max(NOTE_FADE_FLOOR, 1.0 - (age_days - NOTE_FRESH_DAYS) / NOTE_FADE_DAYS)


@lru_cache(maxsize=4096)
def _note_scores(
    sources: tuple[tuple[str, date, bool, float, tuple[tuple[str, date], ...]], ...],
) -> dict[str, tuple[float, tuple[str, ...]]]:
    """What the notes say, per reason: (log-weight, the lines that show it).

    Cached by the notes themselves, so re-ranking an application whose notes
    did not change (another day, a new event) reads and weighs nothing again.
    Callers must not change what it returns.
    """
    per_reason: dict[str, list[tuple]] = {}
    for text, day, dated, exponent, ended in sources:
        said = _reading(text)
        if not said:
            continue
        ordinal = day.toordinal()
        label = f"{day.isoformat()} note: " if dated else "note: "
        over = dict(ended)
        for reason, position, negated, log_weight, quote, learned in said:
            # (a learned reading with no quote only repeats a cue's words: no line of its own)
            line = label + quote if quote else ""
            weight = log_weight * exponent
            end = over.get(reason)
            if end is not None and not negated:
                weight *= ENDED_SHARE
                if line:
                    line += f" (until {_short(end)}, which has passed)"
            mention = (ordinal, position, negated, weight, line, learned)
            found = per_reason.get(reason)
            if found is None:
                per_reason[reason] = [mention]
            else:
                found.append(mention)
    out: dict[str, tuple[float, tuple[str, ...]]] = {}
    for rid, mentions in per_reason.items():
        if len(mentions) == 1:  # the usual case (see _note_evidence)
            _, _, negated, log_weight, line, _ = mentions[0]
            total = max(-MAX_NOTE_LOG, log_weight) if negated else min(MAX_NOTE_LOG, log_weight)
            out[rid] = (total, (line,) if line else ())
            continue
        total, kept = _note_evidence(mentions)
        lines: list[str] = []
        for m in sorted(kept, key=_newest_first):
            if m[_LINE] and m[_LINE] not in lines:
                lines.append(m[_LINE])
        out[rid] = (total, tuple(lines))
    return out


def _newest_first(m: tuple) -> tuple[int, int, str]:
    return (-m[_DAY], m[_POSITION], m[_LINE])


def clear_caches() -> None:
    """Forget every note read, weighed or handed over (benchmarks measure a first reading)."""
    global _READ_HERE
    _note_scores.cache_clear()
    _READINGS.clear()
    _KEPT.clear()
    _READ_HERE = 0


def rank_reasons(app: Application, today: date) -> tuple[ReasonScore, ...]:
    """All ten reasons, most likely first; probabilities sum to 1.

    Equal probabilities go by how far the evidence moved each, then by
    :data:`REASON_IDS` order. ``because`` lists the evidence that
    moved each reason, newest note first, then the facts of the application;
    it is empty when only the stage and company size speak.
    """
    events = _events(app, today)
    prior = _log_prior(app, events)
    scores = list(prior)
    structural = _structural(app, events, today)
    notes = _note_scores(events.sources)

    explanations: list[tuple[str, ...]] = [()] * len(REASON_IDS)
    # Only reasons with evidence move; the rest keep their prior and explain nothing.
    for rid in notes.keys() | structural.keys() if structural else notes:
        i = _INDEX[rid]
        noted = notes.get(rid)
        facts = structural.get(rid)
        if facts is None:
            scores[i] += noted[0]  # type: ignore[index]  (two terms: as exact as fsum)
            explanations[i] = noted[1]  # type: ignore[index]
            continue
        terms = [scores[i]]
        lines: list[str] = []
        if noted is not None:
            terms.append(noted[0])
            lines.extend(noted[1])
        for log_ratio, line in facts:
            terms.append(log_ratio)
            lines.append(line)
        scores[i] = math.fsum(terms)
        explanations[i] = tuple(lines)

    top = max(scores)
    exps = [_exp((s - top) / TEMPERATURE) for s in scores]
    total = math.fsum(exps)
    # Rank by the probabilities as reported; where two are equal, the one the
    # evidence moved more goes first, and only then the catalogue order.
    probabilities = [e / total for e in exps]
    moved = [scores[i] - prior[i] for i in _POSITIONS]
    # (sorted() keeps equal keys in their order, reversed or not)
    ranked = sorted(_POSITIONS, key=lambda i: (probabilities[i], moved[i]), reverse=True)
    return tuple([_new(ReasonScore, (REASON_IDS[i], probabilities[i], explanations[i]))
                  for i in ranked])


_exp = math.exp
_POSITIONS = range(len(REASON_IDS))
_new = tuple.__new__  # a named tuple without its Python-level __new__ (many per application)


def top_reason(app: Application, today: date) -> ReasonScore:
    """The most likely reason (for the one-line views)."""
    return rank_reasons(app, today)[0]


def has_evidence(reasons: tuple[ReasonScore, ...]) -> bool:
    """Whether any reason shows evidence (a line from a note or a fact logged);
    else the stage and the company's size rank them, which is what is common,
    not a finding. (Learned readings too slight to show are not evidence here.)"""
    return any(score.because for score in reasons)


def no_evidence_sentence(app: Application) -> str:
    """Said instead of a finding when nothing points anywhere (see :func:`has_evidence`)."""
    from waiting_room.core.waiting import STAGE_LABELS, stage_of

    noted = bool(app.notes.strip()) or any(e.note.strip() for e in app.events)
    lead = "Your notes don't point to a reason yet." if noted else "Nothing noted yet that points to a reason."
    return f"{lead} Here is what is common {STAGE_LABELS[stage_of(app)]}:"
