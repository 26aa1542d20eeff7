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
from typing import Iterable

from waiting_room.core.reader.cue import Cue
from waiting_room.core.reader.learned import Learned, read_learned
from waiting_room.core.reader.patterns import VOCABULARY, compile_all
from waiting_room.core.reader.rules import NEGATED_EXPONENT, read_pieces as _read_in_pieces

__all__ = ["Cue", "Learned", "read_learned", "read_note", "read_note_uncached", "VOCABULARY", "NEGATED_EXPONENT",
           "compile_all", "known_words", "strength"]


@lru_cache(maxsize=8192)
def read_note(text: str) -> tuple[Cue, ...]:
    """Every cue in ``text``, in reading order.

    Several cues may share a span when one phrase speaks for two reasons
    (a hiring freeze: reorganization and sign-offs).
    """
    return _read_in_pieces(text)


def read_note_uncached(text: str) -> tuple[Cue, ...]:
    """:func:`read_note` without the cache (benchmarks measure this one)."""
    return _read_in_pieces(text)



def known_words(words: Iterable[str]) -> set[str]:
    """The words of ``words`` that the reader knows (for tests and docs)."""
    return {w for w in words if w in VOCABULARY}


def strength(cue: Cue) -> float:
    """The cue's weight as a log-likelihood ratio (natural log)."""
    return math.log(cue.weight)
