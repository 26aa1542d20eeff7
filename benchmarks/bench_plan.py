"""Reasons and plan for every application (the store's own load; no floor).

Three figures, CPU milliseconds:

* **fresh**: a new process, as ``status --json`` after a change or a new day is:
  the notes were read by an earlier run, which kept their readings beside the
  database (``store/readings.py``). Timed: handing over the kept readings and
  ranking and planning every application. Each run is its own process.
* **first reading**: every note read for the first time (``reasons.clear_caches()``,
  patterns already compiled). A note is read once in its life, when it is
  written, or all at once after an import of a whole file.
* **warm**: the same work again in the same process (a face ranking again).

All three hold the cycle collector while they work, as ``status --json`` does
(``document.bulk_reading``: the work makes objects by the thousand and no cycles).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from waiting_room.core.plan import plan_tasks  # noqa: E402
from waiting_room.core.reasons import clear_caches, rank_reasons  # noqa: E402
from waiting_room.store import readings  # noqa: E402
from waiting_room.store.document import bulk_reading, load_applications  # noqa: E402

TODAY = date(2026, 11, 20)


def _once(apps, cold: bool) -> float:
    if cold:
        clear_caches()
    start = time.process_time()
    with bulk_reading():
        for app in apps:
            rank_reasons(app, TODAY)
            plan_tasks(app, TODAY)
    return (time.process_time() - start) * 1000


def _fresh(db: Path) -> tuple[float, float]:
    """One new process: what handing over the kept readings, ranking and planning
    cost, and beside it what ``json.load`` of the database costs (how fast the
    machine is just then: there is no floor for this row, and the host is shared)."""
    out = subprocess.run([sys.executable, __file__, "--fresh-child", str(db)],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    if result["read_here"]:
        raise RuntimeError(f"{db}: a fresh run read notes, so the readings were not kept")
    return result["ms"], result["json_ms"]


def _fresh_child(db: Path) -> None:
    apps = load_applications(db)
    start = time.process_time()
    with open(db, "rb") as handle:
        json.load(handle)
    json_ms = (time.process_time() - start) * 1000
    start = time.process_time()
    with bulk_reading():
        readings.load(db)
        for app in apps:
            rank_reasons(app, TODAY)
            plan_tasks(app, TODAY)
    ms = (time.process_time() - start) * 1000
    read_here = "waiting_room.core.reader.rules" in sys.modules  # a note was read, not handed over
    print(json.dumps({"ms": ms, "json_ms": json_ms, "read_here": read_here}))


def measure(db: Path, repeats: int) -> dict[str, float]:
    from waiting_room.core import reader

    apps = load_applications(db)
    reader.compile_all()  # one-off pattern compilation is start-up, not per application
    _once(apps[:5], cold=True)
    cold = sorted(_once(apps, cold=True) for _ in range(repeats))[repeats // 2]
    readings.save(db, apps)  # what the first reading leaves for the next run
    warm = sorted(_once(apps, cold=False) for _ in range(repeats))[repeats // 2]
    runs = 2 * repeats - 1  # a new process each: cheap, and the noisiest of the three
    fresh_runs = [_fresh(db) for _ in range(runs)]
    fresh = sorted(ms for ms, _ in fresh_runs)[runs // 2]
    beside = sorted(json_ms for _, json_ms in fresh_runs)[runs // 2]
    readings.readings_path(db).unlink(missing_ok=True)
    return {"cold": cold, "warm": warm, "fresh": fresh, "fresh_json_load": beside}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fresh-child"]:
        _fresh_child(Path(sys.argv[2]))
        raise SystemExit(0)
    from run import main

    raise SystemExit(main(["--only", "plan", *sys.argv[1:]]))
