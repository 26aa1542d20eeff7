"""Reading what the person wrote: free-text notes -> cues for the delay reasons.

A small reader in a few rooms, each with one job:

* :mod:`.tokens` cuts a note into normal forms with their spans;
* :mod:`.forms` gives the inflections a lexicon word matches;
* :mod:`.lexicon` holds the synonym classes and phrase patterns;
* :mod:`.patterns` compiles the patterns (ahead of time into ``_table.py``);
* :mod:`.negation` knows denials from pending steps, hedges and old news;
* :mod:`.rules` runs the patterns and turns matches into cues;
* :mod:`.pasted` keeps only the new part of a pasted email;
* :mod:`.learned` weighs words and pairs by a model fitted on real notes.
* :mod:`.dates` finds the dates a note names ("until the 15th", "after
  Thanksgiving"), read from the note's own day, with :mod:`.holidays`.

Only the standard library is used; :func:`read_note` is cached.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from waiting_room.core.reader.cue import Cue

__all__ = ["Cue", "Learned", "read_learned", "read_note", "read_note_uncached", "VOCABULARY", "NEGATED_EXPONENT",
           "compile_all", "known_words", "strength"]

#: Names this package hands out from its rooms, imported the first time they are
#: asked for: importing :mod:`.dates` alone (the clock reads the dates a note
#: names) must not load the patterns and the learned weights.
_FROM = {
    "Cue": "cue", "Learned": "learned", "read_learned": "learned", "VOCABULARY": "patterns",
    "compile_all": "patterns", "NEGATED_EXPONENT": "rules",
}


def __getattr__(name: str) -> Any:
    room = _FROM.get(name)
    if room is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{room}"), name)
    globals()[name] = value
    return value


@lru_cache(maxsize=8192)
def read_note(text: str) -> tuple[Cue, ...]:
    """Every cue in ``text``, in reading order.

    Several cues may share a span when one phrase speaks for two reasons
    (a hiring freeze: reorganization and sign-offs).
    """
    return read_note_uncached(text)


def read_note_uncached(text: str) -> tuple[Cue, ...]:
    """:func:`read_note` without the cache (benchmarks measure this one)."""
    from waiting_room.core.reader.rules import read_pieces

    return read_pieces(text)


def known_words(words: Iterable[str]) -> set[str]:
    """The words of ``words`` that the reader knows (for tests and docs)."""
    from waiting_room.core.reader.patterns import VOCABULARY

    return {w for w in words if w in VOCABULARY}


def strength(cue: Cue) -> float:
    """The cue's weight as a log-likelihood ratio (natural log)."""
    return math.log(cue.weight)
