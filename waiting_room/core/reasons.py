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
   read by :mod:`waiting_room.core.cues`. Notes on ``heard_back`` events are
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
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping, NamedTuple

from waiting_room.core.workdays import business_days_between
from waiting_room.core.model import Application, Kind, Size
from waiting_room.core.waiting import Stage, days_waited, interview_rounds, stage_from, waiting_since

if TYPE_CHECKING:
    from waiting_room.core.cues import Cue

# The note reader (waiting_room.core.cues) is imported when the first note is
# read, not with this module: a face can draw before it needs a reason.

__all__ = [
    "REASON_IDS", "ReasonInfo", "REASONS", "ReasonScore", "rank_reasons",
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


class _Mention(NamedTuple):
    day: int  # date ordinal of the note
    position: int  # where in the note
    negated: bool
    log_weight: float
    line: str


def _note_mentions(
    text: str, day: date, label: str, exponent: float
) -> dict[str, list[_Mention]]:
    """Cues of one note, per reason; within a note the last word on a reason wins."""
    out: dict[str, list[_Mention]] = {}
    from waiting_room.core.cues import read_note

    cues: tuple[Cue, ...] = read_note(text)
    for cue in cues:
        suffix = " (counts against)" if cue.negated else ""
        out.setdefault(cue.reason, []).append(
            _Mention(
                day.toordinal(), cue.start, cue.negated,
                math.log(cue.weight) * exponent,
                f'{label}note: "{_quote(cue.text)}"{suffix}',
            )
        )
    for reason, mentions in out.items():
        last = max(mentions, key=lambda m: (m.position, m.negated))
        out[reason] = [m for m in mentions if m.negated == last.negated]
    return out


def _combine(logs: list[float]) -> float:
    """Strongest in full, the rest at half strength; independent of order."""
    if not logs:
        return 0.0
    ordered = sorted(logs, key=abs, reverse=True)
    return math.fsum([ordered[0], *(OLDER_MENTION_SHARE * x for x in ordered[1:])])


def _note_evidence(mentions: list[_Mention]) -> tuple[float, list[_Mention]]:
    """Log-weight for one reason from all its mentions, and the mentions that count.

    The newest date with a mention sets which way the notes point; older
    mentions pointing the other way are superseded. When the newest date holds
    both ways (two notes the same day), everything counts.
    """
    newest = max(m.day for m in mentions)
    ways = {m.negated for m in mentions if m.day == newest}
    if len(ways) == 1:
        (way,) = ways
        kept = [m for m in mentions if m.negated == way]
    else:
        kept = list(mentions)
    positive = _combine([m.log_weight for m in kept if not m.negated])
    negative = _combine([m.log_weight for m in kept if m.negated])
    total = min(MAX_NOTE_LOG, positive) + max(-MAX_NOTE_LOG, negative)
    return total, kept


def _add(
    evidence: dict[str, list[tuple[float, str]]], factors: Mapping[str, float], line: str,
    power: float = 1.0,
) -> None:
    for reason, ratio in factors.items():
        evidence.setdefault(reason, []).append((math.log(ratio) * power, line))


def _overlap_days(lo: date, hi: date, start: date, end: date) -> int:
    first, last = max(lo, start), min(hi, end)
    return max(0, (last - first).days + 1)


def _structural(app: Application, today: date) -> dict[str, list[tuple[float, str]]]:
    """The facts of the application that move reasons (only reasons they move)."""
    evidence: dict[str, list[tuple[float, str]]] = {}
    contacted: list[date] = []
    requested: list[date] = []
    sent: list[date] = []
    rounds = 0
    for event in app.events:
        kind = event.kind
        if kind is Kind.FOLLOW_UP_SENT:
            sent.append(event.date)
        elif kind is Kind.INTERVIEW:
            rounds += 1
        elif kind is Kind.REFERENCES_CONTACTED:
            contacted.append(event.date)
        elif kind is Kind.REFERENCES_REQUESTED:
            requested.append(event.date)

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
    since = waiting_since(app)
    follow_ups = sorted(d for d in sent if (since is None or d >= since) and d <= today)
    if len(follow_ups) == 1:
        _add(evidence, FOLLOW_UP_ONE,
             f"your follow-up of {follow_ups[0].isoformat()} has had no reply")
    elif follow_ups:
        _add(evidence, FOLLOW_UP_MANY,
             f"{len(follow_ups)} follow-ups since {follow_ups[0].isoformat()} have had no reply")

    # the date they gave
    promised = app.expected_reply_by
    # A date from before the latest news belongs to an earlier stage, as in norm_for.
    if promised is not None and (since is None or promised >= since) and today > promised:
        if business_days_between(promised, today) >= PAST_PROMISED_GRACE_BUSINESS_DAYS:
            power = 1.5 if (today - promised).days > PAST_PROMISED_LONG_DAYS else 1.0
            _add(evidence, PAST_PROMISED,
                 f"past the date they gave ({promised.isoformat()})", power)

    # a very long wait
    waited = days_waited(app, today)
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
    start = max(start, today - timedelta(days=SEASON_LOOKBACK_DAYS))
    year_end = 0
    august = 0
    for year in range(start.year - 1, today.year + 1):
        year_end += _overlap_days(start, today, date(year, 12, 20), date(year + 1, 1, 3))
        august += _overlap_days(start, today, date(year, 8, 1), date(year, 8, 31))
    if year_end:
        _add(evidence, YEAR_END, "the wait runs over the year-end holidays")
    if august >= AUGUST_MIN_DAYS:
        _add(evidence, AUGUST, "the wait runs through August, when many people are away")
    return evidence


_REFERENCE_KINDS = frozenset({Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED})
_LOG_PRIORS: dict[tuple[Stage, Size | None], tuple[float, ...]] = {}


def _log_prior(app: Application) -> tuple[float, ...]:
    """Log prior of every reason, from the stage and the company's size.

    The stage leaves references out: reference checks enter as evidence, and
    the stage before them sets the mix of the other reasons.
    """
    kinds = {e.kind for e in app.events} - _REFERENCE_KINDS
    key = (stage_from(kinds, interview_rounds(app)), app.company_size)
    logs = _LOG_PRIORS.get(key)
    if logs is None:
        weights = list(STAGE_PRIORS[key[0]])
        if app.company_size is not None:
            for reason, factor in SIZE_FACTORS[app.company_size].items():
                weights[_INDEX[reason]] *= factor
        logs = _LOG_PRIORS[key] = tuple(math.log(w) for w in weights)
    return logs


def _freshness(age_days: int) -> float:
    if age_days <= NOTE_FRESH_DAYS:
        return 1.0
    return max(NOTE_FADE_FLOOR, 1.0 - (age_days - NOTE_FRESH_DAYS) / NOTE_FADE_DAYS)


def _note_sources(app: Application, today: date) -> tuple[tuple[str, date, str, float], ...]:
    """(text, day, label, exponent) of every note that can speak, as of ``today``."""
    sources: list[tuple[str, date, str, float]] = []
    for event in app.events:
        if event.note.strip():
            exponent = HEARD_BACK_EXPONENT if event.kind is Kind.HEARD_BACK else 1.0
            exponent *= _freshness((today - event.date).days)
            sources.append((event.note, event.date, f"{event.date.isoformat()} ", exponent))
    if app.notes.strip():
        # the application's own notes are kept up to date: they speak for today
        latest = max((e.date for e in app.events), default=today)
        day = max(today, latest)
        sources.append((app.notes, day, "", _freshness((today - day).days)))
    return tuple(sources)


@lru_cache(maxsize=4096)
def _note_scores(
    sources: tuple[tuple[str, date, str, float], ...],
) -> dict[str, tuple[float, tuple[str, ...]]]:
    """What the notes say, per reason: (log-weight, the lines that show it).

    Cached by the notes themselves, so re-ranking an application whose notes
    did not change (another day, a new event) reads and weighs nothing again.
    Callers must not change what it returns.
    """
    per_reason: dict[str, list[_Mention]] = {}
    for text, day, label, exponent in sources:
        for reason, mentions in _note_mentions(text, day, label, exponent).items():
            per_reason.setdefault(reason, []).extend(mentions)
    out: dict[str, tuple[float, tuple[str, ...]]] = {}
    for rid, mentions in per_reason.items():
        total, kept = _note_evidence(mentions)
        lines: list[str] = []
        for m in sorted(kept, key=lambda m: (-m.day, m.position, m.line)):
            if m.line not in lines:
                lines.append(m.line)
        out[rid] = (total, tuple(lines))
    return out


def clear_caches() -> None:
    """Forget every note read and weighed (benchmarks measure a first reading)."""
    from waiting_room.core.cues import read_note

    _note_scores.cache_clear()
    read_note.cache_clear()


def rank_reasons(app: Application, today: date) -> tuple[ReasonScore, ...]:
    """All ten reasons, most likely first; probabilities sum to 1.

    Ties keep :data:`REASON_IDS` order. ``because`` lists the evidence that
    moved each reason, newest note first, then the facts of the application;
    it is empty when only the stage and company size speak.
    """
    scores = list(_log_prior(app))
    structural = _structural(app, today)
    notes = _note_scores(_note_sources(app, today))

    explanations: list[tuple[str, ...]] = [()] * len(REASON_IDS)
    for i, rid in enumerate(REASON_IDS):
        noted = notes.get(rid)
        facts = structural.get(rid)
        if noted is None and not facts:
            continue  # only the prior speaks
        terms = [scores[i]]
        lines: list[str] = []
        if noted is not None:
            terms.append(noted[0])
            lines.extend(noted[1])
        for log_ratio, line in facts or ():
            terms.append(log_ratio)
            lines.append(line)
        scores[i] = math.fsum(terms)
        explanations[i] = tuple(lines)

    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = math.fsum(exps)
    # Rank by the probabilities as reported: two scores a rounding error apart
    # can divide to the same probability, and then the catalogue order decides.
    probabilities = [e / total for e in exps]
    # (sorted() keeps equal keys in their order, reversed or not)
    ranked = sorted(range(len(REASON_IDS)), key=probabilities.__getitem__, reverse=True)
    return tuple([ReasonScore(REASON_IDS[i], probabilities[i], explanations[i]) for i in ranked])


def top_reason(app: Application, today: date) -> ReasonScore:
    """The most likely reason (for the one-line views)."""
    return rank_reasons(app, today)[0]

