"""Reasons and plan for every application, in process (the store's own load; no floor).

Cold: the note reader's cache is cleared first, so every note is read; warm:
the same work again with the cache full (what re-ranking unchanged data costs).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from waiting_room.core import cues  # noqa: E402
from waiting_room.core.plan import plan_tasks  # noqa: E402
from waiting_room.core.reasons import clear_caches, rank_reasons  # noqa: E402
from waiting_room.store.document import load_applications  # noqa: E402

TODAY = date(2026, 11, 20)


def _once(apps, cold: bool) -> float:
    if cold:
        clear_caches()
    start = time.process_time()
    for app in apps:
        rank_reasons(app, TODAY)
        plan_tasks(app, TODAY)
    return (time.process_time() - start) * 1000


def measure(db: Path, repeats: int) -> dict[str, float]:
    apps = load_applications(db)
    if hasattr(cues, "compile_all"):
        cues.compile_all()  # one-off pattern compilation is start-up, not per application
    _once(apps[:5], cold=True)
    cold = sorted(_once(apps, cold=True) for _ in range(repeats))[repeats // 2]
    warm = sorted(_once(apps, cold=False) for _ in range(repeats))[repeats // 2]
    return {"cold": cold, "warm": warm}


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["--only", "plan", *sys.argv[1:]]))
