"""``waiting-room log`` (one event) against the floor: one atomic json.dump of the same data.

The floor (``floor_write.py``) is a Python process that does the least a safe
write needs: read the file, append the event to one record, dump it to a temp
file in the same folder, fsync, ``os.replace``, fsync the folder.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import PYTHON, TODAY, WAITING_ROOM, child_env, interleaved  # noqa: E402


def measure(db: Path, work: Path, repeats: int) -> dict[str, dict[str, float]]:
    mine, floor_db = work / f"log-{db.stem}.json", work / f"floor-{db.stem}.json"
    shutil.copyfile(db, mine)
    shutil.copyfile(db, floor_db)
    doc = json.loads(db.read_bytes())
    app_id = next(iter(doc["applications"].values()))["id"]
    note = "Polite follow-up to the recruiter; she said the panel meets on Thursday."
    floor = [PYTHON, str(HERE / "floor_write.py"), str(floor_db), app_id, note]
    subject = [WAITING_ROOM, "--db", str(mine), "--today", TODAY, "log", app_id, "follow_up_sent", "--note", note]
    # The warm-up runs take the day's backup, so the timed runs are ordinary writes.
    return interleaved({"floor": floor, "subject": subject}, repeats, env=child_env())


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["--only", "log", *sys.argv[1:]]))
