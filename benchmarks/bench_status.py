"""``waiting-room status`` against the floor: Python reading the same file with json.

Run: ``.venv/bin/python benchmarks/bench_status.py [--quick]``. Both commands
are whole processes, run alternately, medians of wall time and of CPU time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, TODAY, WAITING_ROOM, child_env, interleaved  # noqa: E402


def measure(db: Path, repeats: int, json_output: bool = False, cold: bool = False) -> dict[str, dict[str, float]]:
    """Warm: the login case, the database unchanged since the last status (its cache
    answers). Cold: the first status after a change; both sides then run under sh,
    which first removes the cache, so each pays the same shell."""
    floor = [PYTHON, "-c", f"import json; json.load(open({str(db)!r}))"]
    subject = [WAITING_ROOM, "--db", str(db), "--today", TODAY, "status"] + (["--json"] if json_output else [])
    if cold:
        import shlex

        from waiting_room.store.status_cache import cache_path

        rm = f"rm -f {shlex.quote(str(cache_path(db, 'json' if json_output else 'text')))}"
        floor = ["sh", "-c", f"{rm}; exec {shlex.join(floor)}"]
        subject = ["sh", "-c", f"{rm}; exec {shlex.join(subject)}"]
    return interleaved({"floor": floor, "subject": subject}, repeats, env=child_env(COLUMNS="100"))


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["--only", "status", *sys.argv[1:]]))
