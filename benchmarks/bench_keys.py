"""One keystroke: select the next application (every pane updated), against the bare app.

Run in its own process per app and size: ``bench_keys.py subject|bare DB PRESSES``;
prints JSON.

The key is delivered the way a terminal delivers it: the driver hands the app
a ``Key`` event (``driver.send_message``, what its input thread does). The
figure is the process CPU (``time.process_time``, every thread) over the 100 ms
after the key, less the same window's CPU with no key (the idle rate, measured
beside it): all the work the key causes, wherever it runs, and nothing else.
The app is headless, so each frame is also encoded into escape sequences and
written to /dev/null, as a terminal app does. Both apps run with the collector
settings Waiting Room takes once settled. ``cpu`` is the median, ``cpu_mean``
the mean (with the odd collector sweep in it). ``wall`` is the time from the
key to the frame that shows it.

``pilot_cpu`` is the same key through Textual's Pilot (``await pilot.press("j");
await pilot.pause()``), the harness of earlier runs. It also counts Pilot's own
waiting: each press and each pause posts a callback to every widget on the
screen and waits for all of them, so it grows with the number of widgets (about
20 here, 2 in the bare app) and is no part of what a key costs in a terminal.
For Waiting Room it also times one live reload after another process changed
the file (``check_for_changes`` on the UI thread).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
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
WINDOW = 0.1  # seconds after a key: its work is done well within it (frames come at 60 Hz)


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


async def _driver_keys(kind: str, app, presses: int) -> dict:
    """The key as the terminal driver delivers it; CPU over a window, less idle."""
    from textual import events

    screen = app.screen
    frames: list[float] = []
    paint = screen._compositor_refresh

    def counted_paint() -> None:
        paint()
        frames.append(time.perf_counter())

    screen._compositor_refresh = counted_paint  # the screen's frame timer calls it
    driver = app._driver

    # A headless app never encodes its frames: a terminal app turns each update into
    # escape sequences and writes them. Both are done here too (to /dev/null).
    show = app._display
    sink = os.open(os.devnull, os.O_WRONLY)

    def encoded_display(screen, renderable) -> None:
        if renderable is not None and hasattr(renderable, "render_segments"):
            os.write(sink, renderable.render_segments(app.console).encode("utf-8"))
        show(screen, renderable)

    app._display = encoded_display
    if kind == "bare":
        # The same collector settings Waiting Room takes once settled (WaitingRoomApp._settle).
        from waiting_room.tui.app import SETTLED_GEN0

        gc.freeze()
        gc.set_threshold(SETTLED_GEN0, *gc.get_threshold()[1:])

    async def window(key: bool) -> tuple[float, float | None]:
        frames.clear()
        c0, w0 = time.process_time(), time.perf_counter()
        if key:
            event = events.Key("j", "j")
            event.set_sender(app)
            driver.send_message(event)
        await asyncio.sleep(WINDOW)
        return (time.process_time() - c0) * 1000, ((frames[-1] - w0) * 1000 if frames else None)

    await window(True)  # anything lazy happens here, not in the figures
    idle = [(await window(False))[0] for _ in range(10)]
    keys = [await window(True) for _ in range(presses)]
    idle += [(await window(False))[0] for _ in range(10)]
    screen._compositor_refresh = paint
    app._display = show
    os.close(sink)
    rest = statistics.median(idle)
    cpu = sorted(max(0.0, c - rest) for c, _ in keys)
    walls = [w for _, w in keys if w is not None]
    # The mean beside the median: work that comes now and then (a collector's sweep)
    # is in it, where the median can miss it.
    return {"cpu": statistics.median(cpu), "cpu_mean": statistics.fmean(cpu),
            "cpu_p90": cpu[int(len(cpu) * 0.9)], "idle": rest,
            "wall": statistics.median(walls) if walls else None, "frames": len(walls)}


async def _pilot_keys(pilot, presses: int) -> dict:
    cpu = []
    for _ in range(presses):
        c0 = time.process_time()
        await pilot.press("j")
        await pilot.pause()
        cpu.append((time.process_time() - c0) * 1000)
    return {"pilot_cpu": statistics.median(cpu)}


async def _run(kind: str, db: Path, presses: int) -> dict:
    app = _app(kind, db)
    out: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await asyncio.sleep(1.2)  # a person reads the screen before the first key
        out.update(await _driver_keys(kind, app, presses))
        out.update(await _pilot_keys(pilot, presses))
        if kind == "subject":
            screen = app.screen
            chosen = screen.selected()
            clock = screen.query_one("#preview")
            shown = str(getattr(clock, "content", "") or getattr(clock, "renderable", ""))
            out["preview_follows"] = chosen is not None and shown.startswith(chosen.company)
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
