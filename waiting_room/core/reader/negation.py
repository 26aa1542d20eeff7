"""Negation (NegEx-style), hedges, old news, and who a sentence is about.

A negator (``not``, ``n't``, ``no``, ``never``, ``no longer``, ``without``...)
negates a cue that starts within six words after it in the same clause;
clauses end at punctuation and at ``but``, ``however``, ``and``, ``now``...
Pseudo-negations (``not sure``, ``haven't heard``, ``no idea``) negate nothing.
A negation that is still pending (``not yet``, ``still hasn't``) is not a
denial: "hasn't signed off yet" supports sign-offs.
"""

from __future__ import annotations

from waiting_room.core.reader.tokens import _HARD, _SOFT

_NEGATORS = frozenset({"not", "no", "never", "without", "nobody", "none", "neither", "nor"})
#: After a negator, these make it a pseudo-negation that denies nothing.
_PSEUDO_NEXT = frozenset(
    """sure certain idea clue doubt matter problem problems worries worry know knowing
    heard hear news word update updates reply replies response responses answer feedback
    only just until till later surprise wonder rush pressure big longer_than clear
    getting mention mentioned told said say knows knew tell says inform informed notify
    notified warn warned""".split()
)
_SKIP_BETWEEN = frozenset({"yet", "been", "have", "had", "even", "really", "any", "a", "an", "the"})
_TERMINATORS = frozenset(
    """but however although though whereas because since and so now which who except while
    instead apparently anyway""".split()
) | {_SOFT}
_NEG_WINDOW = 6
#: A negator before one of these negates the main verb, not what follows it:
#: "they can't make offers until the freeze ends" is a freeze in force.
_CONDITIONS = frozenset({"until", "till", "unless", "before", "pending", "while", "once"})
#: Before a phrase that says a step is over, these make the end one still to come.
_ANTICIPATED = frozenset({"until", "till", "unless", "before", "once", "when", "if"})
#: Inside a phrase that says a step is over, these make it a hope or a plan:
#: "my drug screen will be clean", "it should come back fine".
_FUTURE = frozenset({"will", "would", "should", "hope", "hopefully", "expect", "expected", "going"})
_HEDGES = frozenset(
    """maybe might perhaps possibly probably guess suspect wonder wondering rumor rumour
    rumors rumours assume assuming presumably likely""".split()
)
_HEDGE_PAIRS = frozenset(
    {("not", "sure"), ("i", "think"), ("i", "believe"), ("i", "feel"), ("not", "certain"),
     ("i", "bet"), ("i", "imagine"), ("my", "guess"), ("no", "idea"), ("i", "hope")}
)
_OLD_NEWS = frozenset({"originally", "initially", "ago", "previously", "formerly", "earlier"})
_OLD_NEWS_PAIRS = frozenset({("at", "first"), ("used", "to"), ("back", "then"), ("last", "month"), ("last", "year")})
_FIRST_PERSON = frozenset({"i", "myself"})
_OTHER_SUBJECT = frozenset(
    """she he they her his their them someone everyone team manager recruiter boss director
    lead head interviewer hr company vp ceo cto cfo founder owner panel supervisor contact
    executive president partner department dept""".split()
)


def _clause_bounds(norms: list[str], i: int, stops: frozenset[str]) -> tuple[int, int]:
    start = i
    while start > 0 and norms[start - 1] not in stops:
        start -= 1
    end = i
    while end < len(norms) - 1 and norms[end + 1] not in stops:
        end += 1
    return start, end


_HARD_STOPS = frozenset({_HARD})
_SOFT_STOPS = _TERMINATORS | {_HARD}


def _negators(norms: list[str], consumed: set[int]) -> list[tuple[int, bool]]:
    """(token index, pending) for every real negator; pending = "not yet"/"still not"."""
    found: list[tuple[int, bool]] = []
    n = len(norms)
    i = 0
    while i < n:
        word = norms[i]
        is_neg = word in _NEGATORS or (word == "no" and i + 1 < n and norms[i + 1] == "longer")
        if not is_neg or i in consumed:
            i += 1
            continue
        j = i + 1
        if word == "no" and j < n and norms[j] in ("longer", "more", "one"):
            j += 1  # ("no one knows how long the freeze lasts": the freeze is real)
        while j < n and norms[j] in _SKIP_BETWEEN:
            j += 1
        if j < n and norms[j] in _PSEUDO_NEXT:
            i += 1
            continue
        cs, ce = _clause_bounds(norms, i, _SOFT_STOPS)
        pending = "still" in norms[max(cs, i - 2) : i] or "yet" in norms[i + 1 : ce + 1]
        found.append((i, pending))
        i += 1
    return found


def _post_negated(norms: list[str], last: int) -> bool:
    """``... any more`` / ``... anymore`` / ``... no more`` after the cue in its clause."""
    j = last + 1
    while j < len(norms) - 1 and norms[j] not in _SOFT_STOPS:
        if norms[j] in ("any", "no") and norms[j + 1] in ("more", "longer"):
            return True
        j += 1
    return False
