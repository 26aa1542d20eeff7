"""The corpus of real job seekers' notes: loading it, its split, and scoring the engine on it.

Shared by ``scripts/evaluate_reasons.py`` (which measures), ``scripts/train_reader.py``
(which fits the learned layer on the development part only) and the tests.
See ``tests/data/real_notes/README.md`` for how the corpus was gathered.

Each note is scored as a person would meet it in the app: an application at the
note's stage (the events that stage implies), of the note's company size, with
the note written on the latest of those events and read twelve days later.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from waiting_room.core.model import Application, Event, Kind, Size  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "real_notes" / "real_notes.jsonl"
STAGES = ("applied", "screened", "interviewed", "later_rounds", "references")
PARTS = ("dev", "held_out")
NOTE_DAY = date(2026, 3, 10)  # a Tuesday far from the year-end and August seasons
READ_AFTER_DAYS = 12
#: Development notes of gathering rounds up to this one have been read while the
#: rules were written; later rounds are fresh: measured, and used to calibrate
#: the shown probabilities, but never listed (so never written rules from).
READ_ROUNDS = 1


@dataclass(frozen=True)
class Note:
    text: str
    source: str
    stage: str
    company_size: str | None
    label: str
    also: str | None
    hard: str | None
    part: str
    line: int
    round: int = 1

    @property
    def fresh(self) -> bool:
        """Never read while the rules were written (see ``READ_ROUNDS``)."""
        return self.round > READ_ROUNDS

    @property
    def site(self) -> str:
        host = self.source.split("//", 1)[-1].split("/", 1)[0].lower()
        return host[4:] if host.startswith("www.") else host

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.label,) if not self.also else (self.label, self.also)


def load(path: Path = CORPUS, part: str | None = None) -> list[Note]:
    notes = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            note = Note(raw["text"], raw["source"], raw["stage"], raw.get("company_size"),
                        raw["label"], raw.get("also"), raw.get("hard"), raw["part"], n, raw.get("round", 1))
            if part is None or note.part == part:
                notes.append(note)
    return notes


_STAGE_EVENTS: dict[str, tuple[Kind, ...]] = {
    "applied": (Kind.APPLIED,),
    "screened": (Kind.APPLIED, Kind.PHONE_SCREEN),
    "interviewed": (Kind.APPLIED, Kind.PHONE_SCREEN, Kind.INTERVIEW),
    "later_rounds": (Kind.APPLIED, Kind.PHONE_SCREEN, Kind.INTERVIEW, Kind.INTERVIEW),
    "references": (Kind.APPLIED, Kind.INTERVIEW, Kind.INTERVIEW, Kind.REFERENCES_REQUESTED),
}


def application_for(note: Note | None, *, text: str | None = None, stage: str | None = None,
                    size: str | None = None) -> tuple[Application, date]:
    """The application a person would have logged for ``note``, and the day it is read."""
    text = note.text if note is not None else (text or "")
    stage = note.stage if note is not None else (stage or "interviewed")
    size = note.company_size if note is not None else size
    kinds = _STAGE_EVENTS[stage]
    start = NOTE_DAY - timedelta(days=7 * (len(kinds) - 1))
    events = [Event(start + timedelta(days=7 * i), kind) for i, kind in enumerate(kinds)]
    last = events[-1]
    events[-1] = Event(last.date, last.kind, text)
    app = Application("c0rpus", "Company", "Role", tuple(events),
                      Size(size) if size else None)
    return app, NOTE_DAY + timedelta(days=READ_AFTER_DAYS)


@dataclass
class Result:
    note: Note
    ranked: tuple[str, ...]
    probabilities: tuple[float, ...]
    because: tuple[str, ...]  # the top reason's evidence

    @property
    def top1(self) -> bool:
        return self.ranked[0] in self.note.accepted

    @property
    def top2(self) -> bool:
        return bool(set(self.ranked[:2]) & set(self.note.accepted))

    @property
    def shown(self) -> float:
        return self.probabilities[0]


def score(notes: Iterable[Note]) -> list[Result]:
    from waiting_room.core.reasons import rank_reasons

    out = []
    for note in notes:
        app, today = application_for(note)
        ranked = rank_reasons(app, today)
        out.append(Result(note, tuple(r.id for r in ranked), tuple(r.probability for r in ranked),
                          ranked[0].because))
    return out


# --- figures -----------------------------------------------------------------------

BANDS = ((0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def brier(results: Sequence[Result]) -> float:
    """Mean over notes of the squared error of all ten probabilities against the
    note's label (0 is perfect, 2 the worst)."""
    from waiting_room.core.reasons import REASON_IDS

    total = 0.0
    for r in results:
        probs = dict(zip(r.ranked, r.probabilities))
        for rid in REASON_IDS:
            truth = 1.0 if rid == r.note.label else 0.0
            total += (probs[rid] - truth) ** 2
    return total / max(1, len(results))


def reliability(results: Sequence[Result]) -> list[tuple[str, int, float, float]]:
    """(band, cases, mean shown probability of the top reason, how often it was right)."""
    rows = []
    for lo, hi in BANDS:
        inside = [r for r in results if lo <= r.shown < hi]
        if not inside:
            continue
        shown = math.fsum(r.shown for r in inside) / len(inside)
        right = sum(r.top1 for r in inside) / len(inside)
        rows.append((f"{lo:.0%}-{min(hi, 1.0):.0%}", len(inside), shown, right))
    return rows


def rate(results: Sequence[Result], attr: str) -> float:
    return sum(getattr(r, attr) for r in results) / max(1, len(results))
