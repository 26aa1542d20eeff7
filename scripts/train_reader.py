"""Fit the note reader's learned layer on the corpus's development part.

    python scripts/train_reader.py

Writes ``waiting_room/core/reader/_weights.py`` (the weights of words and word
pairs) and ``waiting_room/core/_calibration.py`` (the temperature that makes shown
probabilities honest). Only the ``dev`` part is read: the held-out part is for
``scripts/evaluate_reasons.py`` alone.

The model: for each note, the engine's own scores with the learned layer off
(stage prior, company size, the rules' cues) are held fixed, and non-negative
weights w[feature][reason] are added to them, scaled as the engine scales a
note of that age; the loss is the log-loss of the note's accepted labels plus an
L2 penalty (an L1 penalty, tried, read the held-back folds worse). The penalty
is chosen by five-fold cross-validation over the development part, folds split
by source as the corpus itself is, and the temperature is fitted on the folds'
held-back predictions, so that shown probabilities match how often the top
reason is right. Both are judged on the fresh notes alone (gathered after the
rules were written, never read for them: ``realnotes.READ_ROUNDS``) when there
are enough of them; on the other notes the held-back folds look better than
anything new will, as the rules were written from those very notes.

    python scripts/train_reader.py --cv-only --misses 40   # try a change

Everything is deterministic: same corpus, same weights.
"""

from __future__ import annotations

import math
from binascii import crc32
from collections import Counter

import realnotes
from waiting_room.core import reasons
from waiting_room.core.reader import learned, read_note_uncached
from waiting_room.core.reader.pasted import message_span

ROOT = realnotes.ROOT
WEIGHTS_FILE = ROOT / "waiting_room" / "core" / "reader" / "_weights.py"
CALIBRATION_FILE = ROOT / "waiting_room" / "core" / "_calibration.py"
R = len(reasons.REASON_IDS)
EPOCHS = 160
STEP = 0.5
PRUNE = 0.02  # weights below this are dropped from the shipped file
PENALTIES = (0.001, 0.003)
MIN_COUNTS = (2,)
#: With at least this many fresh development notes (never read while the rules
#: were written), the penalty and the temperature are chosen on them alone.
FRESH_ENOUGH = 100


class Example:
    __slots__ = ("offset", "features", "scale", "accepted", "source", "open", "key", "fresh", "app", "today")

    def __init__(self, note: realnotes.Note) -> None:
        app, today = realnotes.application_for(note)
        self.app, self.today = app, today
        ranked = reasons.rank_reasons(app, today)
        probs = {r.id: r.probability for r in ranked}
        self.offset = [math.log(max(probs[rid], 1e-12)) * _temperature() for rid in reasons.REASON_IDS]
        start, end = message_span(note.text)  # (read as the engine reads it)
        body = note.text[start:end]
        self.features = sorted({f for f, _, _ in learned.features(body, read_note_uncached(body))})
        # reasons the rules deny in this note: the engine ignores the learned layer there
        # (the rules' reading that rank_reasons made above, not a second reading)
        denied = {s.reason for s in reasons._reading(note.text) if s.negated and not s.learned}
        self.open = [rid not in denied for rid in reasons.REASON_IDS]
        age = (today - app.events[-1].date).days
        self.scale = reasons._freshness(age)
        self.accepted = [reasons.REASON_IDS.index(a) for a in note.accepted]
        self.source = note.source
        self.key = f"{note.line}"
        self.fresh = note.fresh


def _temperature() -> float:
    from waiting_room.core import _calibration

    return _calibration.TEMPERATURE


def learned_sums(ex: Example, weights: dict[str, list[float]]) -> list[float]:
    """What the learned layer adds to each reason, as the engine adds it: a reason
    the rules deny in the note gets nothing, nor does one below ``MIN_LOG``."""
    sums = [0.0] * R
    for f in ex.features:
        w = weights.get(f)
        if w is not None:
            for r in range(R):
                sums[r] += w[r]
    return [x if ex.open[r] and x >= learned.MIN_LOG else 0.0 for r, x in enumerate(sums)]


def probabilities(ex: Example, weights: dict[str, list[float]], temperature: float = 1.0) -> list[float]:
    sums = learned_sums(ex, weights)
    s = [(o + ex.scale * x) / temperature for o, x in zip(ex.offset, sums)]
    top = max(s)
    e = [math.exp(x - top) for x in s]
    total = sum(e)
    return [x / total for x in e]


def fit(examples: list[Example], penalty: float, min_count: int) -> dict[str, list[float]]:
    counts = Counter(f for ex in examples for f in ex.features)
    vocab = {f for f, c in counts.items() if c >= min_count}
    weights = {f: [0.0] * R for f in vocab}
    history = {f: [1e-8] * R for f in vocab}  # AdaGrad
    # Every reason weighs the same in the loss: how many notes of each the corpus
    # holds says how its gathering went, not how often each happens (the stage
    # priors say that), and the words should not learn it.
    per_label = Counter(ex.accepted[0] for ex in examples)
    balance = {r: len(examples) / (len(per_label) * c) for r, c in per_label.items()}
    for _ in range(EPOCHS):
        grads = {f: [0.0] * R for f in vocab}
        for ex in examples:
            p = probabilities(ex, weights)
            good = sum(p[a] for a in ex.accepted)
            # d(-log sum_{a} p_a)/d s_r = p_r - [r accepted] p_r / good
            g = [p[r] - (p[r] / good if r in ex.accepted else 0.0) for r in range(R)]
            # (a reason the engine leaves out gets no gradient; one just below the
            # threshold does, or it could never rise above it)
            sums = learned_sums(ex, weights)
            live = [ex.open[r] and (sums[r] > 0 or g[r] < 0) for r in range(R)]
            b = balance[ex.accepted[0]]
            for f in ex.features:
                if f in vocab:
                    gf = grads[f]
                    for r in range(R):
                        if live[r]:
                            gf[r] += ex.scale * b * g[r]
        n = len(examples)
        for f in vocab:
            w, gf, h = weights[f], grads[f], history[f]
            for r in range(R):
                grad = gf[r] / n + 2 * penalty * w[r]
                h[r] += grad * grad
                w[r] = max(0.0, w[r] - STEP * grad / math.sqrt(h[r]))
    return weights


def folds(examples: list[Example], k: int = 5) -> list[tuple[list[Example], list[Example]]]:
    def fold(ex: Example) -> int:
        return crc32(ex.source.encode()) // 3 % k  # (held-out pages are crc % 3 == 0)

    return [([e for e in examples if fold(e) != i], [e for e in examples if fold(e) == i]) for i in range(k)]


def log_loss(pairs: list[tuple[Example, list[float]]]) -> float:
    return -sum(math.log(max(1e-12, sum(p[a] for a in ex.accepted))) for ex, p in pairs) / len(pairs)


def calibration_error(pairs: list[tuple[Example, list[float]]]) -> float:
    """How far the top reason's shown probability is from how often it is right,
    in the bands the evaluation reports, weighted by how many notes fall in each."""
    bands: dict[int, list[tuple[float, bool]]] = {}
    for ex, p in pairs:
        top = max(range(R), key=p.__getitem__)
        band = min(9, int(p[top] * 10))
        bands.setdefault(max(band, 2), []).append((p[top], top in ex.accepted))
    return sum(abs(sum(s for s, _ in b) - sum(r for _, r in b)) for b in bands.values()) / len(pairs)


def shipped(weights: dict[str, list[float]]) -> dict[str, tuple[tuple[int, float], ...]]:
    """The weights as the shipped file holds them (pruned, rounded)."""
    rows = {}
    for f in sorted(weights):
        kept = tuple((r, round(w, 3)) for r, w in enumerate(weights[f]) if w >= PRUNE)
        if kept:
            rows[f] = kept
    return rows


def engine_scores(held: list[tuple[Example, dict[str, list[float]]]]) -> list[tuple[Example, list[float]]]:
    """Each held-back note's scores as the engine itself reads it with the weights
    its fold was fitted with (its caps and combining included), before any
    temperature: log-probabilities at temperature 1."""
    out = []
    by_fold: dict[int, list[Example]] = {}
    weights_of: dict[int, dict[str, list[float]]] = {}
    for ex, w in held:
        by_fold.setdefault(id(w), []).append(ex)
        weights_of[id(w)] = w
    saved = reasons.TEMPERATURE
    reasons.TEMPERATURE = 1.0
    try:
        for key, exs in by_fold.items():
            learned.use_weights(shipped(weights_of[key]))
            reasons.clear_caches()
            for ex in exs:
                ranked = reasons.rank_reasons(ex.app, ex.today)
                probs = {r.id: r.probability for r in ranked}
                out.append((ex, [math.log(max(probs[rid], 1e-300)) for rid in reasons.REASON_IDS]))
    finally:
        reasons.TEMPERATURE = saved
        learned.use_weights({})
        reasons.clear_caches()
    return out


def at_temperature(scores: list[float], t: float) -> list[float]:
    top = max(scores)
    e = [math.exp((x - top) / t) for x in scores]
    total = sum(e)
    return [x / total for x in e]


def fit_temperature(scored: list[tuple[Example, list[float]]]) -> float:
    """The temperature at which, on held-back notes read by the engine, a shown 60%
    is right six times in ten (log-loss would keep every probability timid, for
    the sake of the few notes whose label the model cannot know)."""
    best = (math.inf, 1.0)
    for t in [x / 20 for x in range(6, 41)]:
        error = calibration_error([(ex, at_temperature(sc, t)) for ex, sc in scored])
        best = min(best, (error, t))
    return best[1]


#: What the weights were fitted against: the reader and the engine's other scores,
#: and the corpus. A test fails when any of them changed since the last fit.
FITTED_ON = (
    "waiting_room/core/reasons.py", "waiting_room/core/reader/tokens.py",
    "waiting_room/core/reader/forms.py", "waiting_room/core/reader/lexicon.py",
    "waiting_room/core/reader/negation.py", "waiting_room/core/reader/patterns.py",
    "waiting_room/core/reader/rules.py", "waiting_room/core/reader/pasted.py",
    "waiting_room/core/reader/learned.py", "tests/data/real_notes/real_notes.jsonl",
    "scripts/realnotes.py", "scripts/train_reader.py",
)


def source_key() -> str:
    crc = 0
    for name in FITTED_ON:
        crc = crc32((ROOT / name).read_bytes(), crc)
    return f"{crc:08x}"


def write(weights: dict[str, list[float]], temperature: float, meta: str) -> None:
    rows = shipped(weights)
    WEIGHTS_FILE.write_text(
        '"""Generated by scripts/train_reader.py from the corpus\'s development part: do not edit.\n\n'
        f"{meta}\n"
        '"""\n\n'
        f"KEY = {source_key()!r}\n\n"
        "WEIGHTS = {\n" + "".join(f"    {f!r}: {ws!r},\n" for f, ws in rows.items()) + "}\n",
        encoding="utf-8",
    )
    CALIBRATION_FILE.write_text(
        '"""Generated by scripts/train_reader.py: do not edit.\n\n'
        "Every reason's score is divided by this before the scores become\n"
        "probabilities, so that a shown 60% is right about six times in ten on real\n"
        'notes (fitted on the development part; measured on the held-out part)."""\n\n'
        f"TEMPERATURE = {temperature}\n",
        encoding="utf-8",
    )
    print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)} ({len(rows)} features), "
          f"{CALIBRATION_FILE.relative_to(ROOT)} (temperature {temperature})")


def print_misses(held: list[tuple[Example, dict[str, list[float]]]], notes: dict[str, realnotes.Note],
                 count: int) -> None:
    """The development notes the held-back folds got wrong: what the reader misses
    on words it has not been fitted on (the notes to write rules from)."""
    wrong = []
    for ex, w in held:
        if ex.fresh:  # (never listed: what is read becomes rules)
            continue
        p = probabilities(ex, w, _temperature())
        order = sorted(range(R), key=lambda r: -p[r])
        if order[0] not in ex.accepted:
            wrong.append((ex, order, p))
    print(f"\ncross-validated misses ({len(wrong)}; first {min(count, len(wrong))}):")
    for ex, order, p in wrong[:count]:
        note = notes[ex.key]
        print(f"  line {note.line} [{note.stage}] want {'/'.join(note.accepted)}, got "
              f"{reasons.REASON_IDS[order[0]]} {p[order[0]]:.0%}, then {reasons.REASON_IDS[order[1]]}")
        print(f"      {note.text[:220]!r}")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0,
                        help="list this many of the held-back folds' misses (development part)")
    parser.add_argument("--penalty", type=float, action="append",
                        help="try only this L2 penalty (again for more); default: the grid")
    parser.add_argument("--cv-only", action="store_true",
                        help="cross-validate and stop: write nothing (to try a change)")
    args = parser.parse_args()
    notes = realnotes.load(part="dev")
    learned.use_weights({})  # the engine without its learned layer gives the offsets
    reasons.clear_caches()
    examples = [Example(n) for n in notes]
    print(f"{len(examples)} development notes")

    best = None
    for min_count in MIN_COUNTS:
        for penalty in args.penalty or PENALTIES:
            held = []
            for train, test in folds(examples):
                w = fit(train, penalty, min_count)
                held += [(ex, w) for ex in test]
            pairs = [(ex, probabilities(ex, w)) for ex, w in held]
            top1 = sum(max(range(R), key=p.__getitem__) in ex.accepted for ex, p in pairs) / len(pairs)
            fresh = [(ex, p) for ex, p in pairs if ex.fresh]
            fresh_top1 = sum(max(range(R), key=p.__getitem__) in ex.accepted for ex, p in fresh) / max(1, len(fresh))
            # chosen on the fresh notes where there are enough: on the others the
            # rules were written from the very notes held back
            loss = log_loss(fresh if len(fresh) >= FRESH_ENOUGH else pairs)
            print(f"  min count {min_count}, penalty {penalty}: cross-validated top-1 {top1:.1%} "
                  f"(fresh notes {fresh_top1:.1%} of {len(fresh)}), log-loss {loss:.3f}")
            if best is None or loss < best[0]:
                best = (loss, penalty, min_count, held)
    _, penalty, min_count, held = best
    if args.misses:
        print_misses(held, {f"{n.line}": n for n in notes}, args.misses)
    if args.cv_only:
        return
    fresh_held = [(ex, w) for ex, w in held if ex.fresh]
    calibrate_on = engine_scores(fresh_held if len(fresh_held) >= FRESH_ENOUGH else held)
    temperature = fit_temperature(calibrate_on)
    error = calibration_error([(ex, at_temperature(sc, temperature)) for ex, sc in calibrate_on])
    print(f"  temperature {temperature}: calibration error {error:.1%} on the held-back "
          f"{'fresh notes' if len(fresh_held) >= FRESH_ENOUGH else 'folds'}")
    weights = fit(examples, penalty, min_count)
    meta = f"{len(examples)} notes; penalty {penalty}, features seen at least {min_count}x."
    write(weights, round(temperature, 2), meta)
    learned.use_weights(None)


if __name__ == "__main__":
    main()
