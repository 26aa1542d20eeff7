"""Write screenshots/*.svg from the demo data on a pinned date.

    python scripts/export_screenshots.py

Each picture is the real app driven by Pilot, so the README shows what users get.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waiting_room.tui.app import WaitingRoomApp  # noqa: E402
from waiting_room.tui.run import make_demo_database  # noqa: E402

TODAY = date(2026, 11, 20)

#: name -> (terminal size, keys to press before the picture)
SHOTS: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {
    "dashboard-80x24": ((80, 24), ()),
    "dashboard-120x40": ((120, 40), ()),
    "application": ((100, 40), ("j", "j", "enter")),
    "draft": ((100, 34), ("j", "j", "d")),
    "breathe": ((100, 30), ("b",)),
    "stats": ((100, 34), ("s",)),
    "help": ((100, 34), ("question_mark",)),
}


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...], out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = make_demo_database(TODAY, Path(folder))
        app = WaitingRoomApp(db, TODAY, demo=True, reload_every=None)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.3)
            app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    for name, (size, keys) in SHOTS.items():
        asyncio.run(shoot(name, size, keys, out))
        print(f"screenshots/{name}.svg")


if __name__ == "__main__":
    main()
