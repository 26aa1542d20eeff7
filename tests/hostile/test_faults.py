"""Hard faults: a full disk, a read-only disk, a vanished folder, a dead lock holder,
SIGKILL during backup rotation and during a schema migration. Each gives a clear
message, keeps the data whole and leaves the app working where it can."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from waiting_room.core.model import Application, Event, Kind, application_to_dict
from waiting_room.store import backups, document, files
from waiting_room.store.database import Database
from waiting_room.store.errors import SaveFailed

from hostilekit import TODAY, assert_one_line_refusal, run_main, screen_text

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock")


def app_no(i: int, note: str = "") -> Application:
    return Application(id=f"app{i:05d}", company=f"Company {i}", role="Analyst", notes=note,
                       events=(Event(date(2026, 11, 2), Kind.INTERVIEW, "onsite"),))


def age_temps(folder: Path) -> None:
    """Stamp the temp files in ``folder`` as left minutes ago (the clean-up leaves young ones)."""
    import time

    then = time.time() - files.STALE_AFTER - 60
    for entry in folder.glob(f"*{files.TMP_SUFFIX}"):
        os.utime(entry, (then, then), follow_symlinks=False)


def temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(files.TMP_SUFFIX)] if folder.is_dir() else []


def fill(path: Path, count: int, note: str = "") -> bytes:
    db = Database(path, today=TODAY)
    with db.transaction() as tx:
        tx.add_many(app_no(i, note) for i in range(count))
    return path.read_bytes()


# --- a full disk ------------------------------------------------------------------------------


def _failing(err: int):
    def fail(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_disk_full_at_any_step_changes_nothing_and_says_so(tmp_path, monkeypatch, capsys, where):
    path = tmp_path / "db" / "waiting-room.json"
    before = fill(path, 3)
    if where == "write":  # the temp file's write: os.fdopen(...).write
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            def __getattr__(self, name):
                return getattr(self.handle, name)

        monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(files.os, where, _failing(errno.ENOSPC))
    code, out, err = run_main(["--db", str(path), "--today", "2026-11-21", "add", "--company", "A", "--role", "R"])
    assert_one_line_refusal(code, out, err)
    assert "No space left on device" in err and str(path) in err
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert temps(path.parent) == [] and temps(backups.folder(path)) == []
    # Space again: the next write goes through.
    assert run_main(["--db", str(path), "--today", "2026-11-21", "add", "--company", "A", "--role", "R"])[0] == 0
    assert len(Database(path, today=TODAY).load()) == 4


@POSIX
def test_a_really_full_tmpfs(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        path = mount / "waiting-room.json"
        before = fill(path, 6, note="n" * 2000)  # about 13 kB; with a 40 kB note, a new copy does not fit
        # A new day: the first write backs up the old bytes, then writes the new ones.
        code, out, err = run_main(["--db", str(path), "--today", "2026-11-21", "add", "--company", "Big",
                                   "--role", "R", "--note", "x" * 40_000])
        assert_one_line_refusal(code, out, err)
        assert "No space left on device" in err
        assert path.read_bytes() == before
        assert temps(mount) == [] and temps(backups.folder(path)) == []
        for backup in backups.all_backups(path):
            json.loads(backup.read_bytes())  # whole, or not there at all
        # A small write still fits, and the data is all there.
        assert run_main(["--db", str(path), "--today", "2026-11-21", "add", "--company", "Small", "--role", "R"])[0] == 0
        assert len(Database(path, today=TODAY).load()) == 7
    finally:
        subprocess.run(["umount", str(mount)], check=False)


# --- a read-only database ---------------------------------------------------------------------


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES])
def test_read_only_database(tmp_path, monkeypatch, err):
    # We run as root here, where chmod 444 does not stop a write: inject the error instead.
    path = tmp_path / "waiting-room.json"
    before = fill(path, 2)
    monkeypatch.setattr(files, "_new_temp", _failing(err))
    code, out, message = run_main(["--db", str(path), "--today", TODAY.isoformat(),
                                   "log", "app00001", "heard_back"])
    assert_one_line_refusal(code, out, message)
    assert os.strerror(err) in message and "nothing was changed" in message
    assert path.read_bytes() == before
    # Reading still works: status and export need no write.
    assert run_main(["--db", str(path), "--today", TODAY.isoformat(), "status"])[0] == 0
    assert run_main(["--db", str(path), "--today", TODAY.isoformat(), "export"])[0] == 0


async def test_the_tui_keeps_running_when_a_save_fails(tmp_path, monkeypatch):
    from waiting_room.tui.app import WaitingRoomApp

    path = tmp_path / "waiting-room.json"
    before = fill(path, 2)
    db = Database(path, today=TODAY)
    app = WaitingRoomApp(db, TODAY, reload_every=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        monkeypatch.setattr(files, "_new_temp", _failing(errno.EROFS))
        await pilot.press("space")  # tick the first task: a write
        await pilot.pause()
        assert "Not saved" in screen_text(app) and "Read-only file system" in screen_text(app)
        assert path.read_bytes() == before
        # An OSError from taking the lock (not wrapped as a StoreError) is calm too.
        monkeypatch.setattr(files.os, "open", _failing(errno.EACCES))
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running and "Permission denied" in screen_text(app)
        monkeypatch.undo()
        await pilot.press("space")  # and once the disk is back, saving works again
        await pilot.pause()
        assert path.read_bytes() != before
        assert app.is_running


# --- the folder removed while the app runs ----------------------------------------------------


async def test_folder_removed_while_running_a_save_recreates_it_privately(tmp_path):
    """The person (or a clean-up) deleted the folder: the app shows what is on disk (nothing)
    and the next save starts a new, private database instead of failing forever."""
    import shutil

    from waiting_room.tui.app import WaitingRoomApp

    folder = tmp_path / "data"
    path = folder / "waiting-room.json"
    fill(path, 2)
    app = WaitingRoomApp(Database(path, today=TODAY), TODAY, reload_every=None)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        shutil.rmtree(folder)
        app.check_for_changes()  # what the live reload does every second
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.state.apps == [] or list(app.state.apps) == []
        added = app.write(lambda tx: tx.add(app_no(7)), done="Added.")
        await pilot.pause()
        assert added is not None and app.is_running
        assert [a.id for a in Database(path, today=TODAY).load()] == ["app00007"]
        assert folder.stat().st_mode & 0o777 == 0o700 and path.stat().st_mode & 0o777 == 0o600


# --- a lock left by a dead process ------------------------------------------------------------

HOLDER = """
import sys, time
from datetime import date
from pathlib import Path
from waiting_room.store.database import Database
from waiting_room.core.model import Application
db = Database(Path(sys.argv[1]), today=date(2026, 11, 20))
with db.transaction() as tx:
    tx.add(Application(id="never", company="Never", role="Saved"))
    print("inside", flush=True)
    time.sleep(60)
"""


@POSIX
def test_a_writer_killed_inside_its_transaction_leaves_no_lock_and_no_half_write(tmp_path, child_env):
    path = tmp_path / "waiting-room.json"
    before = fill(path, 2)
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    proc = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True,
                            env=child_env())
    try:
        assert proc.stdout.readline() == "inside\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        proc.stdout.close()
    assert path.read_bytes() == before  # the killed, unacknowledged write never landed
    code, out, err = run_main(["--db", str(path), "--today", TODAY.isoformat(), "add", "--company", "After",
                               "--role", "R"])
    assert code == 0, err
    assert {a.company for a in Database(path, today=TODAY).load()} == {"Company 0", "Company 1", "After"}


# --- SIGKILL during backup rotation and during a migration ------------------------------------

ROTATOR = """
import sys
from datetime import date, timedelta
from pathlib import Path
from waiting_room.core.model import Application, Event, Kind
from waiting_room.store.database import Database
path, prefix, start = Path(sys.argv[1]), sys.argv[2], date.fromisoformat(sys.argv[3])
print("ready", flush=True)
for i in range(1000):
    # A new day every write: each one backs up, and rotates out the oldest backup.
    db = Database(path, today=start + timedelta(days=i))
    with db.transaction() as tx:
        tx.add(Application(id=f"{prefix}-{i}", company="C", role="R",
                           events=(Event(date(2026, 11, 2), Kind.INTERVIEW, "n"),)))
    sys.stdout.write(f"{prefix}-{i}\\n")
    sys.stdout.flush()
"""

MIGRATOR = """
import sys
from datetime import date
from pathlib import Path
from waiting_room.store.database import Database
print("ready", flush=True)
with Database(Path(sys.argv[1]), today=date(2026, 11, 20)).transaction():
    pass  # a transaction that changes nothing still lifts an old file to the current schema
print("migrated", flush=True)
"""


def _spawn(script: Path, env: dict[str, str], *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline() == "ready\n", proc.stderr.read()
    return proc


def _kill(proc: subprocess.Popen) -> list[str]:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    out = proc.stdout.read().splitlines()
    proc.stdout.close()
    proc.stderr.close()
    return out


@POSIX
def test_sigkill_during_backup_rotation(tmp_path, child_env):
    path = tmp_path / "waiting-room.json"
    fill(path, 300, note="n" * 1500)  # about half a megabyte: each backup and write takes a moment
    script = tmp_path / "rotator.py"
    script.write_text(ROTATOR)
    rng = random.Random(9)
    expected = {a.id for a in Database(path, today=TODAY).load()}
    start = date(2027, 1, 1)
    for round_no in range(12):
        proc = _spawn(script, child_env(), str(path), f"r{round_no}", start.isoformat())
        time.sleep(rng.uniform(0.0, 0.25))
        acked = _kill(proc)
        start = date.fromordinal(start.toordinal() + len(acked) + 2)
        ids = [r["id"] for r in json.loads(path.read_bytes())[document.APPS].values()]
        assert expected.union(acked) <= set(ids), f"round {round_no}: acknowledged writes lost"
        expected = set(ids)
        for backup in backups.all_backups(path):  # each backup is a whole database
            json.loads(backup.read_bytes())
        # A kill between writing today's backup and rotating leaves one extra, whole; the next write rotates.
        assert len(backups.all_backups(path)) <= backups.KEEP + 1
    # The next write cleans what the killed writers left, beside the database and among the
    # backups, once it is minutes old (a young temp file may be a live write of another process).
    age_temps(path.parent)
    age_temps(backups.folder(path))
    with Database(path, today=start).transaction() as tx:
        tx.add(app_no(99_999))
    assert temps(path.parent) == [] and temps(backups.folder(path)) == []
    assert len(backups.all_backups(path)) == backups.KEEP
    assert {a.id for a in Database(path, today=TODAY).load()} == expected | {"app99999"}


@POSIX
def test_sigkill_during_a_schema_migration(tmp_path, child_env):
    path = tmp_path / "waiting-room.json"
    apps = [application_to_dict(app_no(i, "n" * 1500)) for i in range(1500)]
    old = json.dumps({"_default": {str(i + 1): a for i, a in enumerate(apps)}}).encode()  # schema 0
    script = tmp_path / "migrator.py"
    script.write_text(MIGRATOR)
    rng = random.Random(11)
    outcomes = set()
    for _ in range(12):
        path.write_bytes(old)
        proc = _spawn(script, child_env(), str(path))
        time.sleep(rng.uniform(0.0, 0.3))
        said = _kill(proc)
        doc = json.loads(path.read_bytes())  # always whole
        version = document.schema_of(doc)
        outcomes.add(version)
        assert version in (0, 1)
        assert "migrated" not in said or version == 1  # acknowledged means done
        table = doc["_default"] if version == 0 else doc[document.APPS]
        assert [r["id"] for r in table.values()] == [a["id"] for a in apps]
        # Whatever the moment of the kill, the next run reads every application.
        assert len(Database(path, today=TODAY).load()) == len(apps)
    age_temps(tmp_path)
    with Database(path, today=TODAY).transaction():
        pass
    assert temps(tmp_path) == [] and document.schema_of(json.loads(path.read_bytes())) == 1


def test_save_failed_message_is_one_calm_line(tmp_path):
    error = SaveFailed(tmp_path / "db.json", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert "\n" not in str(error) and "No space left on device" in str(error) and "nothing was changed" in str(error)


def test_a_half_written_backup_left_by_a_kill_is_removed_by_the_next_write(tmp_path):
    path = tmp_path / "waiting-room.json"
    fill(path, 1)
    stale = backups.folder(path) / f".{path.stem}.2026-11-21.json.abc123{files.TMP_SUFFIX}"
    stale.parent.mkdir(mode=0o700, exist_ok=True)
    stale.write_bytes(b'{"_meta": {"1": {"sch')  # private data, cut off mid-write
    age_temps(stale.parent)  # the kill was minutes ago: a young temp file may be a live write
    with Database(path, today=date(2026, 11, 21)).transaction() as tx:
        tx.add(app_no(2))
    assert not stale.exists()
    assert [p.name for p in backups.all_backups(path)] == ["waiting-room.2026-11-21.json"]
