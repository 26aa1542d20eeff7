"""TUI first paint and memory, in a real terminal (tmux), against the bare OptionList app.

First paint: from asking tmux to start the command to the first application's
name on the screen (the pane is read every few milliseconds). Memory: the
process's resident set (VmRSS) a second after first paint, and its peak (VmHWM).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import PYTHON, TODAY, WAITING_ROOM, median  # noqa: E402

SIZE = (120, 40)


class Tmux:
    def __init__(self) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed")
        self.server = f"wr-bench-{os.getpid()}"
        self("new-session", "-d", "-s", "keep", "-x", str(SIZE[0]), "-y", str(SIZE[1]), "sleep 86400")

    def __call__(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.server, "-f", "/dev/null", *args],
                              capture_output=True, text=True, check=True).stdout

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)


def _status_kb(pid: int) -> tuple[int, int]:
    rss = hwm = 0
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            rss = int(row.split()[1])
        elif row.startswith("VmHWM:"):
            hwm = int(row.split()[1])
    return rss, hwm


def first_paint(tmux: Tmux, command: str, needle: str, timeout: float = 120.0) -> dict[str, float]:
    env = " ".join(f"{k}={v}" for k, v in (("PYTHONPATH", str(HERE.parent)),))
    start = time.perf_counter()
    pid = int(tmux("new-session", "-d", "-s", "run", "-x", str(SIZE[0]), "-y", str(SIZE[1]),
                   "-P", "-F", "#{pane_pid}", f"exec env {env} {command}").strip())
    try:
        while True:
            screen = tmux("capture-pane", "-p", "-t", "run")
            if needle in screen:
                paint = (time.perf_counter() - start) * 1000
                break
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"{needle!r} did not appear:\n{screen}")
            time.sleep(0.005)
        time.sleep(1.0)
        rss, hwm = _status_kb(pid)
    finally:
        tmux("kill-session", "-t", "run")
        # The app takes a moment to wind down after the hangup: let it, so it does not
        # run beside the next measurement (this one's or another benchmark's).
        deadline = time.perf_counter() + 10
        while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
            time.sleep(0.01)
    return {"paint": paint, "rss": rss / 1024, "hwm": hwm / 1024}


def measure(db: Path, subject_needle: str, bare_needle: str, repeats: int) -> dict[str, dict[str, float]]:
    tmux = Tmux()
    try:
        commands = {
            "floor": (f"{PYTHON} {HERE / 'bare_app.py'} {db}", bare_needle),
            "subject": (f"{WAITING_ROOM} --db {db} --today {TODAY}", subject_needle),
        }
        for command, needle in commands.values():  # warm the file cache and .pyc files
            first_paint(tmux, command, needle)
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in commands}
        for _ in range(repeats):
            for key, (command, needle) in commands.items():
                runs[key].append(first_paint(tmux, command, needle))
        return {k: {m: median([r[m] for r in v]) for m in ("paint", "rss", "hwm")} for k, v in runs.items()}
    finally:
        tmux.close()


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["--only", "tui", *sys.argv[1:]]))
