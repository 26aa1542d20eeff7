"""Shared helpers: the machine, child processes timed by wall clock and CPU, medians."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
WAITING_ROOM = str(Path(sys.executable).with_name("waiting-room"))
TODAY = "2026-11-20"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:  # noqa: BLE001 - the table says "unknown" rather than failing
        textual = "unknown"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "textual": textual,
        "os": f"{platform.system()} {platform.release()}",
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def run_timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``argv`` to completion; (wall ms, CPU ms of the child: user + system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else b""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def interleaved(pairs: dict[str, list[str]], repeats: int, warmup: int = 2,
                env: dict[str, str] | None = None) -> dict[str, dict[str, float]]:
    """Run each command ``repeats`` times, alternating between them; medians of wall and CPU."""
    for _ in range(warmup):
        for argv in pairs.values():
            run_timed(argv, env)
    walls: dict[str, list[float]] = {k: [] for k in pairs}
    cpus: dict[str, list[float]] = {k: [] for k in pairs}
    for _ in range(repeats):
        for key, argv in pairs.items():
            wall, cpu = run_timed(argv, env)
            walls[key].append(wall)
            cpus[key].append(cpu)
    return {k: {"wall": statistics.median(walls[k]), "cpu": statistics.median(cpus[k])} for k in pairs}


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WAITING_ROOM_DB", None)
    env.pop("WAITING_ROOM_TODAY", None)
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)
