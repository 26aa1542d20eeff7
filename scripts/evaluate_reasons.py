"""How well the reasons engine reads real people: the corpus's two parts, measured.

    python scripts/evaluate_reasons.py [--misses N] [--part dev|held_out]

Prints, for each part: top-1 and top-2 (a note's second acceptable label counts),
the Brier score, a reliability table (the top reason's shown probability in bands
against how often it was right), the per-reason table, and the misses (of the
development notes read for the rules; the held-out part's only when asked). The
development part is reported in two: the notes the rules were written from, and
the fresh ones of later gathering rounds, which are never listed. The held-out part is for measuring only: nothing is ever tuned on what it prints.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import realnotes


def report(part: str, misses: int, fresh: bool | None = None) -> None:
    notes = [n for n in realnotes.load(part=part) if fresh is None or n.fresh == fresh]
    results = realnotes.score(notes)
    title = part if fresh is None else f"{part}, " + (
        "fresh (never read for the rules; the learned layer is fitted on them)" if fresh else "read for the rules")
    if not results:
        print(f"## {title}: no notes\n")
        return
    n = len(results)
    print(f"## {title}: {n} notes from {len({r.note.source for r in results})} sources, "
          f"{len({r.note.site for r in results})} sites")
    print(f"top-1 {sum(r.top1 for r in results)}/{n} = {realnotes.rate(results, 'top1'):.1%}   "
          f"top-2 {sum(r.top2 for r in results)}/{n} = {realnotes.rate(results, 'top2'):.1%}   "
          f"Brier {realnotes.brier(results):.3f}")
    print("\nreliability (top reason)    cases  shown  right")
    for band, cases, shown, right in realnotes.reliability(results):
        flag = "" if cases < 20 or abs(shown - right) <= 0.10 else "   <- off by more than 10 points"
        print(f"  {band:<24} {cases:>6}  {shown:>5.0%}  {right:>5.0%}{flag}")
    by_label: dict[str, list] = defaultdict(list)
    for r in results:
        by_label[r.note.label].append(r)
    print("\nreason                 notes  top-1  top-2")
    for label in sorted(by_label):
        rs = by_label[label]
        print(f"  {label:<20} {len(rs):>5}  {realnotes.rate(rs, 'top1'):>5.0%}  {realnotes.rate(rs, 'top2'):>5.0%}")
    hard = [r for r in results if r.note.hard]
    if hard:
        print(f"  {'(hard cases)':<20} {len(hard):>5}  {realnotes.rate(hard, 'top1'):>5.0%}  "
              f"{realnotes.rate(hard, 'top2'):>5.0%}")
    wrong = [r for r in results if not r.top1]
    if misses and wrong:
        print(f"\nmisses ({len(wrong)}; first {min(misses, len(wrong))}):")
        for r in wrong[:misses]:
            print(f"  line {r.note.line} [{r.note.stage}] want {'/'.join(r.note.accepted)}, "
                  f"got {r.ranked[0]} {r.shown:.0%}, then {r.ranked[1]}")
            print(f"      {r.note.text[:150]!r}")
            if r.because:
                print(f"      because: {'; '.join(r.because)[:150]}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=40, help="how many misses of the development part to list")
    parser.add_argument("--held-out-misses", action="store_true",
                        help="list the held-out part's misses too (to read, never to tune on)")
    parser.add_argument("--part", choices=realnotes.PARTS, action="append")
    parser.add_argument("--rules-only", action="store_true",
                        help="the engine without its learned layer (what the rules alone read)")
    args = parser.parse_args()
    if args.rules_only:
        from waiting_room.core.reader import learned

        learned.use_weights({})
    for part in args.part or realnotes.PARTS:
        if part == "dev":
            # (the fresh notes' misses are never listed: what is read becomes rules)
            report(part, args.misses, fresh=False)
            report(part, 0, fresh=True)
        else:
            report(part, args.misses if args.held_out_misses else 0)


if __name__ == "__main__":
    main()
