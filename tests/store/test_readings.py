"""The readings of the notes, kept beside the database between runs.

Each test plays several runs in one process; ``_new_process`` forgets what
the last one read, as a new process would.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_a_later_run_reads_no_note_again_and_says_the_same(tmp_path, capsys, notes_read):
    db = _database(tmp_path)
    first = _status_json(capsys, db)
    kept = readings.readings_path(db)
    assert kept.exists() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    reasons.clear_caches()
    notes_read.clear()  # count from here: what a new process would read
    read = notes_read
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
        app = tx.find("a1")
        tx.put(replace(app, events=(replace(app.events[0], note="Budget approved, offer soon."),)))
    reasons.clear_caches()
    _status_json(capsys, db)
    text = readings.readings_path(db).read_text()
    assert "91k" not in text and "sign off" not in text
    assert "Budget approved" in text and "two other people" in text


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00not json",
        b'{"key": [1, "0", 0], "readings": {}}',  # another reader's
        b"[1, 2, 3]",
        b'{"key": KEY, "readings": [1]}',
        b'{"key": KEY, "readings": {"NOTE": [["key_person_away", 0, false, NaN, "x", false]]}}',
        b'{"key": KEY, "readings": {"NOTE": [["hr_gatekeeping", 0, false, 9.0, "planted", false]]}}',
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


def test_a_new_reader_reads_every_note_again(tmp_path, capsys, monkeypatch, notes_read):
    db = _database(tmp_path)
    expected = _status_json(capsys, db)
    reasons.clear_caches()
    monkeypatch.setattr(readings, "_fingerprint", [readings.FORMAT, "another version", 0])
    notes_read.clear()  # count from here: what a new process would read
    read = notes_read
    assert _status_json(capsys, db) == expected
    assert sorted(read) == sorted(NOTES)
    assert json.loads(readings.readings_path(db).read_text())["key"][1] == "another version"


def test_the_key_follows_the_reader_source(tmp_path, monkeypatch):
    source = readings._reader_folder()
    copy = tmp_path / "core"
    copy.mkdir()
    for name in readings._READER:
        (copy / name).parent.mkdir(exist_ok=True)
        (copy / name).write_bytes((source / name).read_bytes())
    monkeypatch.setattr(readings, "_reader_folder", lambda: copy)
    monkeypatch.setattr(readings, "_fingerprint", None)
    first = readings._key()
    assert first is not None and first[1] == readings.__version__
    with (copy / "reader" / "lexicon.py").open("a") as handle:
        handle.write("\n# a change to the reader\n")
    monkeypatch.setattr(readings, "_fingerprint", None)
    assert readings._key() not in (None, first)
    # Without the reader's source nothing is kept or trusted.
    (copy / "reasons.py").unlink()
    monkeypatch.setattr(readings, "_fingerprint", None)
    assert readings._key() is None
    db = tmp_path / "wr.json"
    readings.readings_path(db).write_text(json.dumps({"key": None, "readings": {}}))
    assert readings.load(db) is False


def _refuse_for(monkeypatch, what: str, marker: str) -> None:
    from waiting_room.store import sidecar

    real = getattr(sidecar.os, what)

    def refuse(path, *args, **kwargs):
        if marker in str(path) or any(marker in str(a) for a in args):
            raise PermissionError(f"refused: {path}")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(sidecar.os, what, refuse)


@pytest.mark.parametrize("what", ["open", "replace"])
def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path, capsys, monkeypatch, what):
    db = _database(tmp_path)
    _refuse_for(monkeypatch, what, ".readings")
    expected = _status_json(capsys, db)
    assert not readings.readings_path(db).exists()
    assert [p.name for p in tmp_path.iterdir() if "readings" in p.name] == []  # no temp left
    monkeypatch.undo()
    reasons.clear_caches()
    assert _status_json(capsys, db) == expected
    assert readings.readings_path(db).exists()


def test_a_temp_left_by_a_killed_writer_is_removed_by_the_next_save(tmp_path, capsys):
    db = _database(tmp_path)
    target = readings.readings_path(db)
    left = target.with_name(target.name + ".0123456789ab.tmp")
    left.write_text(SECRET)
    other = target.with_name(target.name + ".notours.tmp")  # not the shape of our temps
    other.write_text("x")
    _status_json(capsys, db)
    assert not left.exists() and other.exists()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_someone_else_could_have_written_is_not_trusted(tmp_path, capsys, monkeypatch):
    db = _database(tmp_path)
    expected = _status_json(capsys, db)
    kept = readings.readings_path(db)
    planted = json.loads(kept.read_text())
    planted["readings"][SECRET] = [["hr_gatekeeping", 0, False, 9.0, '"planted"', False]]
    kept.write_text(json.dumps(planted))
    kept.chmod(0o644)  # readable, so writable once, by others: not ours alone
    reasons.clear_caches()
    assert "planted" not in _status_json(capsys, db)
    # A link to a file elsewhere is not followed either.
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(planted))
    elsewhere.chmod(0o600)
    kept.unlink()
    kept.symlink_to(elsewhere)
    reasons.clear_caches()
    out = _status_json(capsys, db)
    assert "planted" not in out and out == expected
    assert elsewhere.read_text() == json.dumps(planted)  # not written through the link


def test_a_symlinked_database_keeps_its_readings_beside_the_real_file(tmp_path, capsys):
    real = _database(tmp_path / "sync")
    link = tmp_path / "link" / "wr.json"
    link.parent.mkdir()
    link.symlink_to(real)
    _status_json(capsys, link)
    assert readings.readings_path(link) == readings.readings_path(real)
    assert (real.parent / ".wr.json.readings").exists()
    assert [p.name for p in link.parent.iterdir()] == ["wr.json"]


@pytest.mark.parametrize("which", ["readings", "status-json"])
def test_a_deeply_nested_file_is_ignored_not_a_crash(tmp_path, capsys, which):
    db = _database(tmp_path)
    expected = _status_json(capsys, db)
    path = readings.readings_path(db) if which == "readings" else cache_path(db, "json")
    path.write_bytes(b"[" * 200_000)
    reasons.clear_caches()
    if which == "readings":
        assert _status_json(capsys, db) == expected
    else:
        assert main(["--db", str(db), "--today", TODAY.isoformat(), "status", "--json"]) == 0
        assert capsys.readouterr().out == expected


PHRASES = [*NOTES, "She's OOO til the 3rd.", "no reorg", "İstanbul office: the HM isn't back yet!",
           "They said a decision by Fri — maybe.", "refs called", "\u200f\u202eodd marks\u202c"]
note_text = st.one_of(
    st.sampled_from(PHRASES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.lists(st.sampled_from(PHRASES), min_size=40, max_size=90).map(" ".join),  # read in pieces
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(note_text, min_size=1, max_size=6))
def test_readings_through_the_file_rank_as_reading_afresh(notes):
    apps = [Application(f"a{n}", "Co", "Role", notes=note,
                        events=(Event(date(2026, 10, 1 + n), Kind.INTERVIEW, note),))
            for n, note in enumerate(notes)]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "wr.json"
        reasons.clear_caches()
        fresh = [reasons.rank_reasons(app, TODAY) for app in apps]
        readings.save(db, apps)
        reasons.clear_caches()
        assert readings.load(db) == bool(readings.note_texts(apps))  # (blank notes keep nothing)
        real = reasons._read_note
        reasons._read_note = lambda text: pytest.fail(f"read again: {text!r}")  # type: ignore[assignment]
        try:
            assert [reasons.rank_reasons(app, TODAY) for app in apps] == fresh
        finally:
            reasons._read_note = real  # type: ignore[assignment]


def test_the_key_covers_every_module_of_the_reader():
    # A module of the reader left out of the key would let a changed reader
    # trust readings made by the old one.
    folder = readings._reader_folder()
    modules = {f"reader/{p.name}" for p in (folder / "reader").iterdir() if p.suffix in (".py", ".json")}
    assert modules <= set(readings._READER)
