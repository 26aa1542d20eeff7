"""The learned layer: words and word pairs weighed by a model fitted on real notes.

The rules (:mod:`.rules`) know phrasings; people write in endless other ways.
Beside them stands a small linear model over a note's words and adjacent word
pairs, fitted by ``scripts/train_reader.py`` on the development part of the
corpus of real job seekers' notes (``tests/data/real_notes/``) with everything
else the engine knows (stage, company size, the rules' cues) held fixed, so it
learns only what the rules miss. Its weights are never negative: a word can add
evidence for a reason, never take it away (denials are the rules' job), so
every reason it moves can quote the words that moved it.

The weights live in the generated ``_weights.py``; scoring is a few dictionary
look-ups per word, standard library only, and deterministic.
"""

from __future__ import annotations

from typing import Iterable, Mapping, NamedTuple

from waiting_room.core.reader.cue import REASONS
from waiting_room.core.reader.tokens import _HARD, _SOFT, _tokens

__all__ = ["Learned", "features", "read_learned", "use_weights", "MIN_LOG", "SHOWN_LOG"]

#: Below this log-weight a reason's learned evidence is too slight to count.
MIN_LOG = 0.4
#: Below this (about 2x) it counts, but is not shown as a reason's evidence: a
#: few common words nudging a reason are no finding to explain to a person.
SHOWN_LOG = 0.7
QUOTED = 2  # at most this many word groups quoted per reason

_BOUNDARY = frozenset({_HARD, _SOFT})
#: Words too common to say anything alone (they still count inside a pair).
_STOP = frozenset(
    """a an the and or but so of to in on at for with by from as is are was were be been being am
    i me my we our us you your it its this that these those there here he she him her his they
    them their what which who whom whose if then than when while just also very really too
    have has had do does did will would can could should may might must shall about into
    over some any all more most such only own same other each few both like get got""".split()
)


class Learned(NamedTuple):
    """What the model says of one reason in one note."""

    reason: str
    log_weight: float
    start: int  # span of the strongest word group, in the note's text
    end: int
    quote: str  # the word groups that moved it, as shown: 'words like "trade fair", "all week"' 


def _stem(word: str) -> str:
    """A crude stem, the same in training and reading: leaves, leaving, left -> leav/left."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_CLASSES: dict[str, tuple[str, ...]] | None = None


def _word_classes() -> dict[str, tuple[str, ...]]:
    """Every one-word entry of the lexicon's synonym classes (all its forms) -> the classes.

    A class stands for its words in the model too ("@AWAYNOUN"), so that what
    is learned from "vacation" carries over to "sabbatical" and "jury duty".
    """
    global _CLASSES
    if _CLASSES is None:
        from waiting_room.core.reader.forms import _forms
        from waiting_room.core.reader.lexicon import CLASSES

        found: dict[str, list[str]] = {}
        for name, phrases in CLASSES.items():
            if name in _NOT_TOPICAL:
                continue
            for phrase in phrases:
                words = phrase.split()
                if len(words) == 1:
                    for form in _forms(words[0]):
                        if form not in _STOP:
                            found.setdefault(form, []).append("@" + name)
        _CLASSES = {w: tuple(sorted(set(c))) for w, c in found.items()}
    return _CLASSES


#: Classes of grammar, not of topic: they say nothing about a reason alone.
_NOT_TOPICAL = frozenset({"NEG", "NEGSLOT", "COP", "PERIOD", "PENDING", "NEXT"})


def features(text: str, cues: Iterable = ()) -> list[tuple[str, int, int]]:
    """(feature, start, end) for every word and adjacent pair of words in ``text``.

    A word is a feature unless it is too common (``_STOP``); a pair is two
    neighbouring words of one clause, not both too common ("on leave" is a pair,
    "they were" is not); a word of a lexicon class also stands for its class;
    each of the rules' ``cues`` stands for its reason and way ("cue:sign_offs",
    "cue-:key_person_away"). Each feature is listed once, at its first place.
    """
    norms, spans = _tokens(text)
    classes = _word_classes()
    stems = [w if w in _BOUNDARY or w in _STOP else _stem(w) for w in norms]
    seen: dict[str, tuple[int, int]] = {}
    for i, stem in enumerate(stems):
        if stem in _BOUNDARY:
            continue
        if stem not in _STOP and stem not in seen and not stem.isdigit():
            seen[stem] = spans[i]
        for name in classes.get(norms[i], ()):
            if name not in seen:
                seen[name] = spans[i]
        following = stems[i + 1] if i + 1 < len(stems) else _HARD
        if following not in _BOUNDARY and not (stem in _STOP and following in _STOP):
            pair = stem + " " + following
            if pair not in seen:
                seen[pair] = (spans[i][0], spans[i + 1][1])
    # What the rules found is a feature too: it lets the model learn how far each
    # kind of cue is to be trusted on real notes, and what it tends to come with.
    for cue in cues:
        name = ("cue-:" if cue.negated else "cue:") + cue.reason
        if name not in seen:
            seen[name] = (cue.start, cue.end)
    return [(f, a, b) for f, (a, b) in seen.items()]


_WEIGHTS: Mapping[str, tuple[tuple[int, float], ...]] | None = None


def _weights() -> Mapping[str, tuple[tuple[int, float], ...]]:
    global _WEIGHTS
    if _WEIGHTS is None:
        try:
            from waiting_room.core.reader._weights import WEIGHTS
        except ImportError:  # (a checkout before the first training: the rules alone)
            WEIGHTS = {}
        _WEIGHTS = WEIGHTS
    return _WEIGHTS


def _too_plain(words: str) -> bool:
    """A single word too plain to show as what moved a reason ("no", "up", "want")."""
    word = words.strip().lower()
    return " " not in word and (len(word) < 3 or word in _PLAIN)


#: Words the model may weigh but that explain nothing when quoted alone.
_PLAIN = frozenset(
    """want wants wanted give gave said told tell know knew people person still back even
    going make made take took come came week weeks days time times thing things really
    about would could should there their they them then than what when with from have
    been were will just also well much many more some next last not way out off now one
    two get got says""".split()
)


def use_weights(weights: Mapping[str, Iterable[tuple[int, float]]] | None) -> None:
    """Read with these weights from now on (training does); None: the shipped ones again."""
    global _WEIGHTS
    _WEIGHTS = None if weights is None else {f: tuple(ws) for f, ws in weights.items()}


def read_learned(text: str, cues: Iterable = ()) -> tuple[Learned, ...]:
    """The reasons the model finds evidence for in ``text`` (where the rules found
    ``cues``), with the words that moved each."""
    weights = _weights()
    if not weights:
        return ()
    per_reason: dict[int, list[tuple[float, int, int]]] = {}
    for feature, start, end in features(text, cues):
        for r, w in weights.get(feature, ()):
            per_reason.setdefault(r, []).append((w, start, end))
    out: list[Learned] = []
    for r in sorted(per_reason):
        moved = per_reason[r]
        total = sum(w for w, _, _ in moved)
        if total < MIN_LOG:
            continue
        moved.sort(key=lambda m: (-m[0], m[1]))
        shown: list[tuple[int, int]] = []
        for _, start, end in moved:
            if len(shown) == QUOTED:
                break
            if _too_plain(text[start:end]):
                continue
            if all(end <= a or start >= b for a, b in shown):
                shown.append((start, end))
        if not shown:  # (only plain words moved it: it counts, but there is nothing to quote)
            shown = [(moved[0][1], moved[0][2])]
        # "words like": they are what moved the model, not a phrase that says it outright
        quote = "words like " + ", ".join(
            '"' + " ".join(text[a:b].split()).replace('"', "'") + '"' for a, b in shown
        )
        out.append(Learned(REASONS[r], total, shown[0][0], shown[0][1], quote))
    return tuple(out)
