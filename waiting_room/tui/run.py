"""Starting the TUI: check the database first, so a bad file never opens as empty."""

from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path

from waiting_room.core.text import clean
from waiting_room.store.database import Database
from waiting_room.store.errors import StoreError


def _refuse(error: StoreError) -> int:
    sys.stderr.write(f"waiting-room: {clean(str(error), single_line=True)}\n")
    return 2


def privacy_warnings(db: Database) -> tuple[str, ...]:
    if db.readable_by_others():
        return (
            f"Other users of this machine may be able to read {db.path}. "
            f"To keep it private: chmod 600 {shlex.quote(str(db.path))}",
        )
    return ()


def run_app(db: Database, today: date, *, demo: bool = False) -> int:
    import gc

    # Start-up makes objects by the hundred thousand (the file, the cards, Textual's
    # own) and no garbage worth a sweep: the collector waits until the app settles
    # a second later, and then never sweeps what start-up made (WaitingRoomApp._settle).
    # Whatever ends the run first (a refused file, an app closed before it settled),
    # the collector is given back as it was found.
    was_enabled = gc.isenabled()
    thresholds = gc.get_threshold()  # the app raises the first one once settled
    gc.disable()
    try:
        try:
            # A corrupt or unreadable file stops us here, before any screen; what was
            # read is handed to the app, so the file is read once at start.
            signature = db.signature()
            first = (*db.snapshot(), signature)
        except StoreError as error:
            return _refuse(error)
        from waiting_room.tui.app import WaitingRoomApp

        app = WaitingRoomApp(
            db, today, demo=demo, warnings=() if demo else privacy_warnings(db), first=first, settle=True
        )
        app.run()
    finally:
        gc.set_threshold(*thresholds)
        if was_enabled:
            gc.enable()
        else:
            gc.disable()  # the app turns it on when it settles
    if not demo and db.signature() not in (signature, None):
        _refresh_status(db, today)
    return app.return_code or 0


def _refresh_status(db: Database, today: date) -> None:
    """Leave the next login's status ready: the data changed, and the note reader is warm now."""
    from waiting_room.store import status_cache

    try:
        status_cache.refresh(db.path, today)
    except (StoreError, OSError):
        pass  # status computes it itself then


def make_demo_database(today: date, folder: Path) -> Database:
    from waiting_room.demo import demo_applications

    db = Database(folder / "demo.json", today=today)
    with db.transaction() as tx:
        tx.add_many(demo_applications(today))
    return db


def run_demo(today: date) -> int:
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="waiting-room-demo-"))  # 0700
    try:
        return run_app(make_demo_database(today, folder), today, demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
