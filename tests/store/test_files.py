"""Permissions, daily backups, stale temp files, and schema versions."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from waiting_room import cli
from waiting_room.store import backups, document, files
from waiting_room.store.database import Database
from waiting_room.store.errors import NewerDatabase

from storekit import TODAY, ids_in, sample_app, write_doc


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# --- permissions ------------------------------------------------------------------------


def test_new_files_are_private_even_with_a_permissive_umask(tmp_path, umask_022):
    db_path = tmp_path / "made-by-us" / "waiting-room.json"
    db = Database(db_path, today=TODAY)
    with db.transaction() as tx:
        tx.add(sample_app(1))
    assert mode(db_path.parent) == 0o700  # a folder we create
    assert mode(db_path) == 0o600
    assert mode(files.lock_path(db_path)) == 0o600
    # the next day's first write makes a backup: private too, in a private folder
    with Database(db_path, today=TODAY + timedelta(days=1)).transaction() as tx:
        tx.add(sample_app(2))
    backup = backups.newest(db_path)
    assert backup is not None
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    assert mode(db_path) == 0o600
    assert not db.readable_by_others()


def test_an_existing_folder_keeps_its_mode(tmp_path, umask_022):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with Database(folder / "db.json", today=TODAY).transaction() as tx:
        tx.add(sample_app(1))
    assert mode(folder) == 0o755
    assert mode(folder / "db.json") == 0o600


def test_export_to_a_file_is_private(tmp_path, umask_022, capsys):
    db_path = tmp_path / "db.json"
    write_doc(db_path, [sample_app(1)])
    out = tmp_path / "exports" / "all.json"
    assert cli.main(["--db", str(db_path), "export", "-o", str(out)]) == 0
    assert mode(out) == 0o600
    assert json.loads(out.read_text())["applications"][0]["id"] == "base00001"


# --- backups ---------------------------------------------------------------------------


def _write_on(db_path: Path, day: date, n: int) -> None:
    with Database(db_path, today=day).transaction() as tx:
        tx.add(sample_app(n))


def test_first_write_of_a_day_keeps_the_previous_bytes(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    original = write_doc(db_path, [sample_app(0)])
    _write_on(db_path, TODAY, 1)
    backup = backups.folder(db_path) / f"waiting-room.{TODAY}.json"
    assert backup.read_bytes() == original
    after_first = db_path.read_bytes()
    _write_on(db_path, TODAY, 2)  # a second write the same day does not replace the backup
    assert backup.read_bytes() == original
    _write_on(db_path, TODAY + timedelta(days=1), 3)
    next_day = backups.folder(db_path) / f"waiting-room.{TODAY + timedelta(days=1)}.json"
    assert json.loads(next_day.read_bytes()) != json.loads(after_first)  # it holds the 2nd write too
    assert set(ids_in(next_day)) == {"base00000", "base00001", "base00002"}


def test_the_very_first_write_makes_no_backup(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    _write_on(db_path, TODAY, 1)
    assert backups.all_backups(db_path) == []


def test_only_the_last_seven_days_are_kept(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    days = [TODAY + timedelta(days=i) for i in range(10)]
    for i, day in enumerate(days):
        _write_on(db_path, day, i + 1)
    kept = backups.all_backups(db_path)
    assert [p.name for p in kept] == [f"waiting-room.{d}.json" for d in days[-7:]]
    # each is a whole database holding everything written before that day
    for i, path in enumerate(kept):
        assert len(ids_in(path)) == 1 + 3 + i


def test_a_write_that_changes_nothing_writes_nothing(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    db = Database(db_path, today=TODAY)
    signature = db.signature()
    with db.transaction() as tx:
        tx.applications()
    assert db.signature() == signature
    assert backups.all_backups(db_path) == []


# --- stale temp files ------------------------------------------------------------------


def test_stale_temp_files_from_a_killed_writer_are_removed_on_the_next_write(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    stale = [tmp_path / ".waiting-room.json.k1l2d.tmp", tmp_path / ".waiting-room.json.x9.tmp"]
    for path in stale:
        path.write_bytes(b'{"half": ')
        age(path)
    unrelated = [tmp_path / "notes.tmp", tmp_path / ".other.json.abc.tmp", tmp_path / "waiting-room.json.bak",
                 # a status run writing its cache while the save happens: its file, not ours
                 tmp_path / ".waiting-room.json.status-text.4242.tmp"]
    for path in unrelated:
        path.write_bytes(b"keep me")
    _write_on(db_path, TODAY, 1)
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"keep me" for p in unrelated)
    assert ids_in(db_path) == ["base00000", "base00001"]


def age(path: Path, seconds: float = files.STALE_AFTER + 60) -> None:
    """Stamp ``path`` as written ``seconds`` ago (a kill some minutes back)."""
    import time

    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_a_young_temp_file_may_be_another_writers_and_is_left(tmp_path):
    # One writer's clean-up deleted another writer's live temp file, failing its save.
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    live = tmp_path / ".waiting-room.json.a1b2c3.tmp"
    live.write_bytes(b'{"being written": ')
    old = tmp_path / ".waiting-room.json.d4e5f6.tmp"
    old.write_bytes(b'{"half": ')
    age(old)
    ahead = tmp_path / ".waiting-room.json.0a0b0c.tmp"  # stamped by a clock that jumped ahead
    ahead.write_bytes(b'{"half": ')
    age(ahead, -10 * files.CLOCK_SLACK)
    backup_live = backups.folder(db_path) / f".waiting-room.{TODAY}.json.a1b2c3.tmp"
    backup_live.parent.mkdir(mode=0o700)
    backup_live.write_bytes(b"live")
    _write_on(db_path, TODAY, 1)
    assert live.read_bytes() == b'{"being written": ' and backup_live.read_bytes() == b"live"
    assert not old.exists() and not ahead.exists()


# --- schema versions -------------------------------------------------------------------

V0 = {
    "_default": {
        "1": {"id": "old1", "company": "Acme", "role": "Analyst",
              "events": [{"date": "2026-11-02", "kind": "interview"}], "legacy_field": 7},
        "2": {"id": "old2", "company": "Globex", "role": "Engineer", "events": []},
    }
}


def test_a_schema_0_file_reads_and_is_migrated_on_the_next_write(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    raw = json.dumps(V0).encode()
    db_path.write_bytes(raw)
    db = Database(db_path, today=TODAY)
    apps = db.load()
    assert [a.id for a in apps] == ["old1", "old2"]
    assert apps[0].extra == {"legacy_field": 7}
    assert db_path.read_bytes() == raw  # reading never writes
    with db.transaction() as tx:
        tx.add(sample_app(1))
    doc = json.loads(db_path.read_bytes())
    assert "_default" not in doc
    assert document.schema_of(doc) == document.SCHEMA
    assert [r["id"] for r in doc["applications"].values()] == ["old1", "old2", "base00001"]
    assert backups.newest(db_path).read_bytes() == raw  # the old layout is kept as a backup


def test_a_schema_0_file_is_migrated_even_by_a_transaction_that_changes_nothing(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    db_path.write_text(json.dumps(V0))
    with Database(db_path, today=TODAY).transaction() as tx:
        assert len(tx.applications()) == 2
    assert document.schema_of(json.loads(db_path.read_bytes())) == document.SCHEMA


def test_a_newer_schema_is_a_clear_error_and_is_not_touched(tmp_path, capsys):
    db_path = tmp_path / "waiting-room.json"
    raw = json.dumps({"_meta": {"1": {"schema": 99}}, "applications": {}, "future": {}}).encode()
    db_path.write_bytes(raw)
    mtime = db_path.stat().st_mtime_ns
    db = Database(db_path, today=TODAY)
    with pytest.raises(NewerDatabase) as info:
        db.load()
    assert str(db_path) in str(info.value) and "newer" in str(info.value)
    with pytest.raises(NewerDatabase):
        with db.transaction() as tx:
            tx.add(sample_app(1))
    assert cli.main(["--db", str(db_path), "add", "--company", "A", "--role", "R"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer" in err and str(db_path) in err
    assert db_path.read_bytes() == raw and db_path.stat().st_mtime_ns == mtime
    assert backups.all_backups(db_path) == []


def test_only_the_file_is_judged_for_privacy(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp: not ours to change
    db = Database(shared / "db.json", today=TODAY)
    assert not db.readable_by_others()  # nothing there yet, nothing to warn about
    with db.transaction() as tx:
        tx.add(sample_app(1))
    assert not db.readable_by_others()  # 0600 in a shared folder is private enough
    os.chmod(db.path, 0o644)
    assert db.readable_by_others()
