"""A corrupt database: one clear line naming the file and the latest backup; never touched."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from waiting_room import cli
from waiting_room.store import backups, document
from waiting_room.store.database import Database
from waiting_room.store.errors import CorruptDatabase, Refused

from storekit import TODAY, sample_app, write_doc

_valid = document.encode(
    {**document.empty(), "applications": {"1": {"id": "a1", "company": "Acme", "role": "R", "events": []}}}
)

CORRUPT = {
    "truncated JSON": _valid[: len(_valid) // 2],
    "binary garbage": bytes(range(256)) * 4,
    "invalid UTF-8": b'{"applications": {"1": {"company": "\xff\xfe"}}}',
    "nested too deeply": b"[" * 200_000,
    "a list, not a database": b"[1, 2, 3]",
    "a table that is a list": b'{"applications": [{"id": "a1"}]}',
    "a record that is text": b'{"_meta": {"1": {"schema": 1}}, "applications": {"1": "Acme"}}',
    "an application with an invalid date": json.dumps(
        {"_meta": {"1": {"schema": 1}}, "applications": {"1": {
            "id": "a1", "company": "Acme", "role": "R",
            "events": [{"date": "2026-02-30", "kind": "interview"}]}}}
    ).encode(),
    "an application without a company": json.dumps(
        {"_meta": {"1": {"schema": 1}}, "applications": {"1": {"id": "a1", "role": "R", "events": []}}}
    ).encode(),
    # an edit of either would overwrite both
    "two applications with one id": json.dumps(
        {"_meta": {"1": {"schema": 1}}, "applications": {
            "1": {"id": "a1", "company": "A", "role": "R", "events": []},
            "2": {"id": "a1", "company": "B", "role": "R", "events": []}}}
    ).encode(),
    "a schema version below zero": json.dumps(
        {"_meta": {"1": {"schema": -1}}, "applications": {}}
    ).encode(),
    "a record that is not numbered": json.dumps(
        {"_meta": {"1": {"schema": 1}}, "applications": {
            "abc": {"id": "a1", "company": "A", "role": "R", "events": []}}}
    ).encode(),
}


@pytest.fixture(params=list(CORRUPT), ids=list(CORRUPT))
def corrupt_db(request, tmp_path):
    """A corrupt database file with one earlier backup beside it; yields (path, raw, backup)."""
    db_path = tmp_path / "data" / "waiting-room.json"
    db_path.parent.mkdir()
    write_doc(db_path, [sample_app(1)])
    # a write on an earlier day made a backup of the good file
    with Database(db_path, today=TODAY).transaction() as tx:
        tx.add(sample_app(2))
    backup = backups.newest(db_path)
    assert backup is not None
    raw = CORRUPT[request.param]
    db_path.write_bytes(raw)
    os.utime(db_path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return db_path, raw, backup


def assert_untouched(db_path: Path, raw: bytes) -> None:
    assert db_path.read_bytes() == raw
    assert db_path.stat().st_mtime_ns == 1_000_000_000_000_000_000


def assert_clear(message: str, db_path: Path, backup: Path) -> None:
    assert "\n" not in message.strip()
    assert str(db_path) in message
    assert str(backup) in message
    assert "cp " in message


def test_load_raises_one_clear_error(corrupt_db):
    db_path, raw, backup = corrupt_db
    with pytest.raises(CorruptDatabase) as info:
        Database(db_path, today=TODAY).load()
    assert_clear(str(info.value), db_path, backup)
    assert_untouched(db_path, raw)


def test_a_transaction_refuses_to_start_and_writes_nothing(corrupt_db):
    db_path, raw, backup = corrupt_db
    before = sorted(p.name for p in db_path.parent.rglob("*"))
    body_ran = False
    with pytest.raises(CorruptDatabase) as info:
        with Database(db_path, today=TODAY).transaction():
            body_ran = True
    assert not body_ran
    assert_clear(str(info.value), db_path, backup)
    assert_untouched(db_path, raw)
    assert sorted(p.name for p in db_path.parent.rglob("*")) == before  # no new backup either


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "--company", "Acme", "--role", "Analyst"],
        ["log", "base00001", "heard_back"],
        ["export"],
        ["export", "--format", "csv"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_cli_prints_one_line_and_exits_2(corrupt_db, argv, capsys):
    db_path, raw, backup = corrupt_db
    assert cli.main(["--db", str(db_path), "--today", "2026-11-25", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("waiting-room: ")
    assert_clear(err, db_path, backup)
    assert_untouched(db_path, raw)


def test_cli_import_into_a_corrupt_database(corrupt_db, tmp_path, capsys):
    db_path, raw, backup = corrupt_db
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "waiting-room/1", "applications": [
        {"company": "New", "role": "R", "events": []}]}))
    assert cli.main(["--db", str(db_path), "import", str(source)]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert_clear(err, db_path, backup)
    assert_untouched(db_path, raw)


def test_the_printed_cp_command_restores_the_backup(tmp_path):
    folder = tmp_path / "Dana's job search"  # a space and an apostrophe, as real folders have
    db_path = folder / "waiting-room.json"
    folder.mkdir()
    write_doc(db_path, [sample_app(1)])
    with Database(db_path, today=TODAY).transaction() as tx:
        tx.add(sample_app(2))
    db_path.write_bytes(b'{"applications": ')
    with pytest.raises(CorruptDatabase) as info:
        Database(db_path, today=TODAY).load()
    command = str(info.value).split("to restore the latest backup: ", 1)[1]
    assert command.startswith("cp ")
    subprocess.run(command, shell=True, check=True)
    assert [a.id for a in Database(db_path, today=TODAY).load()] == ["base00001"]
    assert shlex.split(command)[1:] == [str(backups.newest(db_path)), str(db_path)]


def test_no_backup_yet_says_so(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    db_path.write_bytes(b"{not json")
    with pytest.raises(CorruptDatabase) as info:
        Database(db_path, today=TODAY).load()
    assert str(db_path) in str(info.value) and "no backup" in str(info.value)


def test_a_folder_in_place_of_the_file(tmp_path, capsys):
    db_path = tmp_path / "waiting-room.json"
    db_path.mkdir()
    with pytest.raises(Refused, match="is a folder"):
        Database(db_path, today=TODAY).load()
    assert cli.main(["--db", str(db_path), "add", "--company", "A", "--role", "R"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(db_path) in err
    assert db_path.is_dir() and list(db_path.iterdir()) == []


def test_schema_0_keeps_both_tables_whole_when_their_ids_overlap(tmp_path):
    db_path = tmp_path / "old.json"
    db_path.write_text(json.dumps({
        "_default": {"1": {"id": "old1", "company": "OldCo", "role": "R", "events": []}},
        "applications": {"1": {"id": "new1", "company": "NewCo", "role": "R", "events": []}},
    }))
    db = Database(db_path, today=TODAY)
    assert sorted(a.company for a in db.load()) == ["NewCo", "OldCo"]
    with db.transaction() as tx:
        tx.add(sample_app(3))
    assert {"OldCo", "NewCo"} <= {a.company for a in db.load()}
