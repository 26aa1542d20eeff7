"""One keystroke: select the next application (every pane updated), against the bare app.

Run in its own process per app and size: ``bench_keys.py subject|bare DB PRESSES``;
prints JSON. CPU time (``time.process_time``) around ``await pilot.press("j");
await pilot.pause()``: the key's handling, the preview panes' update and the
repaint. For Waiting Room it also times one live reload after another process
changed the file (``check_for_changes`` on the UI thread).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TODAY = date(2026, 11, 20)
SIZE = (120, 40)


def _app(kind: str, db: Path):
    if kind == "bare":
        from bare_app import BareApp

        return BareApp(str(db))
    from waiting_room.store.database import Database
    from waiting_room.tui.app import WaitingRoomApp

    # The timer's own reloads stay out of the figures; the bench triggers one itself.
    # settle as in a real run (the presses start after it has settled).
    return WaitingRoomApp(Database(db, today=TODAY), TODAY, reload_every=None, settle=True)


def _external_change(db: Path) -> None:
    """Another process logs an event, as the CLI would (a whole, atomic replace)."""
    from waiting_room.core.model import Event, Kind
    from waiting_room.store.database import Database

    with Database(db, today=TODAY).transaction() as tx:
        first = tx.applications()[0]
        tx.log(first.id, Event(TODAY, Kind.FOLLOW_UP_SENT, "sent a short note"))


async def _run(kind: str, db: Path, presses: int) -> dict:
    app = _app(kind, db)
    out: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await asyncio.sleep(1.2)  # a person reads the screen before the first key
        await pilot.press("j")  # first press: anything lazy happens here, not in the figures
        await pilot.pause()
        cpu, wall = [], []
        for _ in range(presses):
            c0, w0 = time.process_time(), time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
        out["cpu"] = statistics.median(cpu)
        out["cpu_p90"] = sorted(cpu)[int(len(cpu) * 0.9)]
        out["wall"] = statistics.median(wall)
        if kind == "subject":
            screen = app.screen
            chosen = screen.selected()
            clock = screen.query_one("#preview")
            shown = str(getattr(clock, "content", "") or getattr(clock, "renderable", ""))
            out["preview_follows"] = chosen is not None and chosen.company in shown
            _external_change(db)
            c0 = time.process_time()
            app.check_for_changes()  # parses in a worker thread, then applies on the UI thread
            await app.workers.wait_for_complete()
            await pilot.pause()
            out["reload"] = (time.process_time() - c0) * 1000
    return out


def measure(kind: str, db: Path, presses: int) -> dict:
    """Run in a fresh interpreter (one app per process, as in real use)."""
    result = subprocess.run([sys.executable, __file__, kind, str(db), str(presses)],
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    kind, db, presses = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(_run(kind, db, presses))))
