"""Helpers for the store tests: documents of any size, and a writer child process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from waiting_room.core.model import Application, Event, Kind, application_to_dict
from waiting_room.store import document

TODAY = date(2026, 11, 20)


def sample_app(i: int, *, note_size: int = 40, prefix: str = "base") -> Application:
    return Application(
        id=f"{prefix}{i:05d}",
        company=f"Company {i}",
        role="Data Analyst",
        notes="n" * note_size,
        events=(
            Event(date(2026, 10, 1), Kind.APPLIED),
            Event(date(2026, 10, 20), Kind.INTERVIEW, "Onsite with five people"),
        ),
    )


def write_doc(path: Path, apps: list[Application]) -> bytes:
    doc = document.empty()
    doc[document.APPS] = {str(i + 1): application_to_dict(a) for i, a in enumerate(apps)}
    raw = document.encode(doc)
    path.write_bytes(raw)
    return raw


def ids_in(path: Path) -> list[str]:
    """The application ids in the file, parsed strictly as JSON (no help from our code)."""
    doc = json.loads(path.read_bytes())
    return [record["id"] for record in doc[document.APPS].values()]


#: A child process that adds applications one transaction at a time and prints each
#: id (flushed) only after its transaction has returned: an acknowledged write.
WRITER = """
import sys
from datetime import date
from pathlib import Path

from waiting_room.core.model import Application, Event, Kind
from waiting_room.store.database import Database

path, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
slow = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
if slow:
    # A slow disk: every fsync takes a while, which widens the windows between
    # writing the temp file, replacing the database and acknowledging.
    import os
    import time

    real_fsync = os.fsync

    def slow_fsync(fd):
        time.sleep(slow)
        real_fsync(fd)

    os.fsync = slow_fsync
db = Database(path, today=date(2026, 11, 20), lock_timeout=60)
print("ready", flush=True)
i = 0
while count < 0 or i < count:
    app = Application(
        id=f"{prefix}-{i}", company=f"{prefix} Co", role="Writer",
        events=(Event(date(2026, 11, 2), Kind.INTERVIEW, "note"),),
    )
    with db.transaction() as tx:
        added = tx.add(app)
    sys.stdout.write(added.id + "\\n")
    sys.stdout.flush()
    i += 1
"""
