"""What the note reader finds: a cue, and the reason ids it speaks of."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Cue", "REASONS", "REASON_ORDER"]


class Cue(NamedTuple):
    """One piece of evidence found in a note.

    ``weight`` is a likelihood ratio: above 1 it supports ``reason``, below 1
    it counts against it. ``start``/``end`` index the original text and
    ``text`` is that fragment. (A named tuple: notes are read by the thousand.)
    """

    reason: str
    weight: float
    start: int
    end: int
    text: str
    negated: bool



REASONS = (
    "hr_gatekeeping", "key_person_away", "priority_project", "key_person_left",
    "reorganization", "role_rethought", "sign_offs", "scheduling",
    "other_candidates", "checks_in_progress",
)
REASON_ORDER = {reason: n for n, reason in enumerate(REASONS)}
