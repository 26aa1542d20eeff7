"""The rule reader: the lexicon's patterns run over a note, then decoys,
overlaps, negation and hedges turn the matches into cues."""

from __future__ import annotations

from dataclasses import dataclass

from waiting_room.core.reader.cue import REASON_ORDER as _REASON_ORDER, Cue
from waiting_room.core.reader.lexicon import AWAY, CLASSES, FAIR, LEFT, OTHER, PRIO, SCHED
from waiting_room.core.reader.negation import (
    _ANTICIPATED, _CONDITIONS, _FUTURE, _FIRST_PERSON, _HARD_STOPS, _HEDGE_PAIRS, _HEDGES, _NEG_WINDOW, _NEGATORS, _OLD_NEWS,
    _OLD_NEWS_PAIRS, _OTHER_SUBJECT, _SOFT_STOPS, _clause_bounds, _negators, _post_negated,
)
from waiting_room.core.reader.patterns import _ALWAYS, _CODE, _COMPILED, _INDEX, _REGEX, _UNKNOWN, _regex
from waiting_room.core.reader.tokens import _tokens

#: A denied cue counts against its reason with weight ``w ** -0.5``: a denial
#: rules out one instance of a reason that was plausible enough to mention.
NEGATED_EXPONENT = -0.5
HEDGE_EXPONENT = 0.75  # "maybe", "might", "I think": the person's guess
OLD_NEWS_EXPONENT = 0.5  # "originally", "a month ago", "at first"
#: A round cancelled or moved is what a person away does to a calendar: where the
#: note names someone away, the calendar cues count as its effect, at this
#: exponent ("the interviewer is down with a fever, so today's interview is
#: cancelled" is about someone away; a meeting that ran over is the calendar's own).
EFFECT_EXPONENT = 0.5
_CAUSES_OF_CALENDARS = frozenset({AWAY})

#: Reasons about other people: a sentence about the writer does not count.
_ABOUT_OTHERS = frozenset({AWAY, LEFT, PRIO, OTHER})
#: Words that name someone other than the writer: people, and every role the lexicon knows.
_OTHERS = _OTHER_SUBJECT | {
    form for phrase in CLASSES["ROLE"] for word in phrase.lstrip("=").split() if word not in ("of", "to")
    for form in (word, word + "s")
}


#: Words of a writer's standing in a field of candidates: "I'm one of two
#: finalists" is about the others too.
_STANDING = frozenset(
    {"finalist", "finalists", "candidate", "candidates", "choice", "backup", "shortlist", "shortlisted",
     "runner", "applicants", "contenders", "pick", "fallback"}
)


def _about_the_writer(norms: list[str], first: int, last: int) -> bool:
    """Whether the person nearest before a cue, in its sentence, is the writer
    ("I was travelling myself"), not someone else ("I was told a decision-maker
    is on vacation"): a cue about others does not count for the writer's own doings."""
    if not _OTHERS.isdisjoint(norms[first : last + 1]) or not _STANDING.isdisjoint(norms[first : last + 1]):
        return False
    start, _ = _clause_bounds(norms, first, _HARD_STOPS)
    for k in range(first - 1, start - 1, -1):
        word = norms[k]
        if word in _OTHERS:
            return False
        if word in _FIRST_PERSON:
            return True
    return False


@dataclass(slots=True)
class _Match:
    reason: str
    weight: float
    first: int  # token index
    last: int  # token index, inclusive
    flips: bool
    polarity: int
    negslot: bool = False


def _read(text: str) -> tuple[Cue, ...]:
    norms, spans = _tokens(text)
    if not norms:
        return ()
    code = _CODE.get
    coded = "".join([code(word, _UNKNOWN) for word in norms])
    vocab = set(coded)  # a set: isdisjoint and intersection walk the smaller side
    candidates: set[int] = set(_ALWAYS)  # patterns without an anchor word are always tried
    index = _INDEX
    for char in vocab:
        if char in index:
            candidates.update(index[char])
    if not candidates:
        return ()
    matches: list[_Match] = []
    decoys: list[tuple[int, int]] = []
    for n in sorted(candidates):
        comp = _COMPILED[n]
        for words in comp.required:
            if words.isdisjoint(vocab):
                break
        else:
            match = (_REGEX[n] or _regex(n)).match
            entry = comp.entry
            first = vocab if comp.first is None else comp.first.intersection(vocab)
            for char in first:
                i = coded.find(char)
                while i >= 0:
                    m = match(coded, i)
                    if m is not None and m.end() > i:
                        last = m.end() - 1
                        if not entry.reasons:
                            decoys.append((i, last))
                        for reason, weight in entry.reasons:
                            matches.append(
                                _Match(reason, weight, i, last, entry.flips, entry.polarity, entry.negslot)
                            )
                    i = coded.find(char, i + 1)
    if not matches:
        return ()
    return _finish(text, spans, norms, matches, decoys)


def _finish(
    text: str, spans: list[tuple[int, int]], norms: list[str],
    matches: list[_Match], decoys: list[tuple[int, int]],
) -> tuple[Cue, ...]:
    """Decoys, overlaps, negation, hedges: the found matches become cues."""
    if not matches:
        return ()

    def inside(a: _Match, lo: int, hi: int) -> bool:
        return lo <= a.first and a.last <= hi and (a.last - a.first) < (hi - lo)

    kept: list[_Match] = []
    for a in matches:
        if any(lo <= a.last and a.first <= hi for lo, hi in decoys):
            continue
        if a.last - a.first <= 1 and any(
            b.reason != a.reason and inside(a, b.first, b.last) for b in matches
        ):
            continue
        kept.append(a)

    # Same reason, overlapping spans: one cue (the widest, then the strongest).
    kept.sort(key=lambda a: (a.reason, a.first, -(a.last - a.first), -a.weight))
    merged: list[_Match] = []
    for a in kept:
        prev = merged[-1] if merged and merged[-1].reason == a.reason else None
        if prev is not None and a.first <= prev.last:
            if a.polarity == prev.polarity:
                prev.weight = max(prev.weight, a.weight)
                prev.last = max(prev.last, a.last)
            elif a.polarity < 0:
                # "back from leave" overrides the "leave" it overlaps
                merged[-1] = _Match(a.reason, a.weight, prev.first, max(a.last, prev.last),
                                    a.flips, a.polarity, a.negslot)
            continue
        merged.append(a)

    # What the note holds at all decides which of the checks below can matter.
    words = set(norms)
    has_negator = not _NEGATORS.isdisjoint(words)
    post_negation = ("more" in words or "longer" in words) and ("any" in words or "no" in words)
    first_person = not _FIRST_PERSON.isdisjoint(words)
    hedged = not _HEDGES.isdisjoint(words) or any(x in words and y in words for x, y in _HEDGE_PAIRS)
    old_news = not _OLD_NEWS.isdisjoint(words) or any(
        x in words and y in words for x, y in _OLD_NEWS_PAIRS
    )
    consumed: set[int] = set()
    negators: list[tuple[int, bool]] = []
    if has_negator:
        consumed = {i for a in merged if not a.negslot for i in range(a.first, a.last + 1)}
        negators = _negators(norms, consumed)

    cues: list[Cue] = []
    for a in merged:
        if first_person and a.reason in _ABOUT_OTHERS:
            if _about_the_writer(norms, a.first, a.last):
                continue
        negated = a.polarity < 0
        if negated:
            # "until the freeze is over", "once the offer is approved": an end
            # still to come says the step is under way, not done
            cs, _ = _clause_bounds(norms, a.first, _SOFT_STOPS)
            if not _ANTICIPATED.isdisjoint(norms[max(cs, a.first - 4) : a.first]) or not _FUTURE.isdisjoint(
                norms[a.first : a.last + 1]
            ):
                negated = False
        neg_start = a.first
        if a.flips and (has_negator or post_negation):
            denied = False
            for i, pending in _negators(norms, consumed) if a.negslot and has_negator else negators:
                inside_slot = a.negslot and a.first <= i <= a.last
                if inside_slot or (
                    i < a.first and a.first - i <= _NEG_WINDOW and not any(
                        norms[k] in _SOFT_STOPS or norms[k] in _CONDITIONS for k in range(i + 1, a.first)
                    )
                ):
                    if not pending or a.polarity < 0:
                        denied = True
                        neg_start = min(i, neg_start)
            own_negator = has_negator and not a.negslot and any(
                norms[k] in _NEGATORS for k in range(a.first, a.last + 1)
            )
            if not denied and not own_negator and post_negation and _post_negated(norms, a.last):
                denied = True
            if denied:
                # a denied cue counts against; a denied reversal ("she is not
                # back yet") supports again
                negated = not negated
        weight = a.weight
        if negated:
            weight = weight**NEGATED_EXPONENT
        elif hedged or old_news:
            exponent = 1.0
            if hedged:
                hs, he = _clause_bounds(norms, a.first, _HARD_STOPS)
                sentence = norms[hs : he + 1]
                if _HEDGES & set(sentence) or _HEDGE_PAIRS & set(zip(sentence, sentence[1:])):
                    exponent *= HEDGE_EXPONENT
            if old_news:
                ss, se = _clause_bounds(norms, a.first, _SOFT_STOPS)
                clause = norms[ss : se + 1]
                if _OLD_NEWS & set(clause) or _OLD_NEWS_PAIRS & set(zip(clause, clause[1:])):
                    exponent *= OLD_NEWS_EXPONENT
            weight = weight**exponent
        start = spans[neg_start][0]
        end = spans[a.last][1]
        cues.append(Cue(a.reason, weight, start, end, text[start:end], negated))
    if any(c.reason in _CAUSES_OF_CALENDARS and not c.negated and c.weight > FAIR for c in cues):
        cues = [c._replace(weight=c.weight**EFFECT_EXPONENT) if c.reason == SCHED and not c.negated else c
                for c in cues]
    cues.sort(key=lambda c: (c.start, c.end, _REASON_ORDER[c.reason]))
    return tuple(cues)


#: Long notes are read a piece at a time, cut at sentence ends: every rule of the
#: reader (decoys, negation, hedges) works inside a clause, and the overlap checks
#: in _finish grow with the square of the matches, so a pasted megabyte read
#: whole would take minutes.
_PIECE = 2000


def read_pieces(text: str) -> tuple[Cue, ...]:
    if len(text) <= 2 * _PIECE:
        return _read(text)
    cues: list[Cue] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        if end < len(text):
            cut = max(text.rfind(mark, start, end) for mark in (". ", "! ", "? ", "; ", "\n"))
            if cut > start:
                end = cut + 1
        cues += (c._replace(start=c.start + start, end=c.end + start) for c in _read(text[start:end]))
        start = end
    return tuple(cues)
