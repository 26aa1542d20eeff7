"""The readings of the notes, kept beside the database between runs.

Each test plays several runs in one process; ``_new_process`` forgets what
the last one read, as a new process would.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from waiting_room.cli import main
from waiting_room.core import reasons
from waiting_room.core.model import Application, Event, Kind
from waiting_room.store import readings
from waiting_room.store.database import Database
from waiting_room.store.status_cache import cache_path

TODAY = date(2026, 11, 20)
SECRET = "Recruiter says the hiring manager is on leave; my salary ask was 91k."
NOTES = [
    SECRET,
    "Finance still has to sign off on the headcount.",
    "They are interviewing two other people this week.",
    "Great chat with the team.",  # says nothing: kept as an empty reading
]


@pytest.fixture(autouse=True)
def _new_process():
    reasons.clear_caches()
    yield
    reasons.clear_caches()


def _database(folder: Path, notes: list[str] = NOTES) -> Path:
    db = Database(folder / "wr.json", today=TODAY)
    with db.transaction() as tx:
        for n, note in enumerate(notes):
            tx.add(Application(f"a{n}", f"Company {n}", "Analyst",
                               events=(Event(date(2026, 11, 2 + n), Kind.INTERVIEW, note),)))
    return db.path


def _status_json(capsys, db: Path) -> str:
    """``status --json`` as the first run after a change: its own cache removed."""
    cache_path(db, "json").unlink(missing_ok=True)
    assert main(["--db", str(db), "--today", TODAY.isoformat(), "status", "--json"]) == 0
    return capsys.readouterr().out


def _notes_read(monkeypatch) -> list[str]:
    read: list[str] = []
    real = reasons._read_note
    monkeypatch.setattr(reasons, "_read_note", lambda text: read.append(text) or real(text))
    return read


def test_a_later_run_reads_no_note_again_and_says_the_same(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path)
    first = _status_json(capsys, db)
    kept = readings.readings_path(db)
    assert kept.exists() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    reasons.clear_caches()
    read = _notes_read(monkeypatch)
    assert _status_json(capsys, db) == first
    assert read == []


def test_the_login_message_neither_reads_nor_replaces_the_kept_readings(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path)
    _status_json(capsys, db)
    before = readings.readings_path(db).read_bytes()
    reasons.clear_caches()
    monkeypatch.setattr(readings, "load", lambda db: pytest.fail("the text loaded the readings"))
    cache_path(db, "text").unlink(missing_ok=True)
    assert main(["--db", str(db), "--today", TODAY.isoformat(), "status"]) == 0
    assert readings.readings_path(db).read_bytes() == before


def test_nothing_is_written_when_nothing_changed(tmp_path, capsys):
    db = _database(tmp_path)
    _status_json(capsys, db)
    kept = readings.readings_path(db)
    os.utime(kept, ns=(1, 1))
    reasons.clear_caches()
    _status_json(capsys, db)
    assert kept.stat().st_mtime_ns == 1
    # A new note is a change: the file is written with its reading.
    with Database(db, today=TODAY).transaction() as tx:
        tx.log("a3", Event(date(2026, 11, 12), Kind.HEARD_BACK, "The director left the company."))
    reasons.clear_caches()
    _status_json(capsys, db)
    assert "The director left" in kept.read_text()


def test_a_note_changed_or_deleted_leaves_the_file(tmp_path, capsys):
    db = _database(tmp_path)
    _status_json(capsys, db)
    assert "91k" in readings.readings_path(db).read_text()
    with Database(db, today=TODAY).transaction() as tx:
        tx.delete("a0")
    reasons.clear_caches()
    _status_json(capsys, db)
    text = readings.readings_path(db).read_text()
    assert "91k" not in text and "sign off" in text


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00not json",
        b'{"key": [1, "0", 0], "readings": {}}',  # another reader's
        b"[1, 2, 3]",
        b'{"key": KEY, "readings": [1]}',
        b'{"key": KEY, "readings": {"NOTE": [["key_person_away", 0, false, NaN, "x"]]}}',
        b'{"key": KEY, "readings": {"NOTE": [["hr_gatekeeping", 0, false, 9.0, "planted"]]}}',
    ],
    ids=["garbage", "another reader", "not an object", "readings not an object", "nan", "planted"],
)
def test_a_damaged_or_foreign_file_changes_nothing_it_should_not(tmp_path, capsys, damage):
    db = _database(tmp_path)
    expected = _status_json(capsys, db)
    key = json.dumps(readings._key()).encode()
    planted = damage.replace(b"KEY", key).replace(b"NOTE", json.dumps(SECRET)[1:-1].encode())
    readings.readings_path(db).write_bytes(planted)
    reasons.clear_caches()
    out = _status_json(capsys, db)
    if b"planted" in damage:
        # A well-formed reading from our own reader is trusted (the file is as
        # private as the database): this shows the file really is what is used.
        assert "planted" in out
        return
    assert out == expected
    # ...and the next save leaves a good file again.
    assert json.loads(readings.readings_path(db).read_text())["key"] == readings._key()


def test_a_new_reader_reads_every_note_again(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path)
    expected = _status_json(capsys, db)
    reasons.clear_caches()
    monkeypatch.setattr(readings, "_fingerprint", [readings.FORMAT, "another version", 0])
    read = _notes_read(monkeypatch)
    assert _status_json(capsys, db) == expected
    assert sorted(read) == sorted(NOTES)
    assert json.loads(readings.readings_path(db).read_text())["key"][1] == "another version"


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path)
    from waiting_room.store import sidecar

    real_open = os.open

    def refuse_ours(path, *args, **kwargs):
        if ".readings" in str(path):
            raise PermissionError(f"read-only: {path}")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(sidecar.os, "open", refuse_ours)
    expected = _status_json(capsys, db)
    assert not readings.readings_path(db).exists()
    monkeypatch.undo()
    reasons.clear_caches()
    assert _status_json(capsys, db) == expected
    assert not list(tmp_path.glob("*.tmp"))
