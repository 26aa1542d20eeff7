"""Every error path: exactly one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from waiting_room import cli

TODAY = "2026-11-20"


@pytest.fixture
def db(tmp_path) -> Path:
    """A database holding two applications whose ids share a first letter."""
    path = tmp_path / "waiting-room.json"
    source = tmp_path / "seed.json"
    source.write_text(json.dumps({"applications": [
        {"id": "abc111", "company": "Acme", "role": "Analyst", "events": [{"date": "2026-11-02", "kind": "interview"}]},
        {"id": "abd222", "company": "Abbey", "role": "Clerk", "events": []},
    ]}))
    assert cli.main(["--db", str(path), "--today", TODAY, "import", str(source)]) == 0
    return path


def fails(capsys, argv: list[str], *, db: Path, must_mention: tuple[str, ...] = ()) -> str:
    """Run ``main(argv)``; assert exit 2, one stderr line, empty stdout, the database untouched."""
    before = db.read_bytes() if db.exists() else None
    mtime = db.stat().st_mtime_ns if db.exists() else None
    capsys.readouterr()
    code = cli.main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("waiting-room: ")
    for word in must_mention:
        assert word in err, err
    if before is None:
        assert not db.exists()
    else:
        assert db.read_bytes() == before and db.stat().st_mtime_ns == mtime
    return err


# --- options and arguments ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--today", "2026-13-01", "status"], ("--today", "2026-13-01")),
        (["--today", "tomorrow", "add", "--company", "A", "--role", "R"], ("--today", "tomorrow")),
        (["nonsense"], ("nonsense",)),
        (["--bogus", "status"], ("--bogus",)),
        (["add", "--role", "R"], ("--company",)),
        (["add", "--company", "A"], ("--role",)),
        (["add", "--company", "  ", "--role", "R"], ("--company",)),
        (["add", "--company", "A", "--role", "R", "--interviewed", "someday"], ("--interviewed", "someday")),
        (["add", "--company", "A", "--role", "R", "--interviewed", "2026-02-30"], ("--interviewed", "2026-02-30")),
        (["add", "--company", "A", "--role", "R", "--size", "huge"], ("huge",)),
        (["add", "--company", "A", "--role", "R", "--expect", "soonish"], ("--expect", "soonish")),
        (["add", "--company", "A\x00B", "--role", "R"], ("--company",)),
        (["add", "--company", "bad \udcff byte", "--role", "R"], ("--company",)),
        (["log", "abc", "coffee"], ("kind", "coffee")),
        (["log", "abc", "heard_back", "--date", "the other day"], ("--date", "the other day")),
        (["log", "ab", "heard_back"], ("'ab'", "2 applications")),
        (["log", "zzz", "heard_back"], ("'zzz'",)),
        (["log", "abc"], ("KIND",)),
        (["export", "--format", "xml"], ("xml",)),
        (["status", "--verbose"], ("--verbose",)),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_bad_options_and_arguments(capsys, db, argv, words):
    fails(capsys, ["--today", TODAY, *argv] if "--today" not in argv else argv, db=db, must_mention=words)


def test_bad_today_from_the_environment(capsys, db, monkeypatch):
    monkeypatch.setenv("WAITING_ROOM_TODAY", "20/11/2026")
    fails(capsys, ["add", "--company", "A", "--role", "R"], db=db, must_mention=("WAITING_ROOM_TODAY", "20/11/2026"))


def test_nothing_is_created_when_the_first_command_fails(capsys, tmp_path):
    db = tmp_path / "new" / "waiting-room.json"
    fails(capsys, ["--today", "nope", "add", "--company", "A", "--role", "R"], db=db)
    fails(capsys, ["--today", TODAY, "add", "--company", "A", "--role", "R", "--interviewed", "x"], db=db)
    assert not db.parent.exists()


def test_unknown_id_on_an_absent_database(capsys, tmp_path):
    fails(capsys, ["--today", TODAY, "log", "abc", "heard_back"], db=tmp_path / "none.json", must_mention=("'abc'",))


# --- import: all or nothing -----------------------------------------------------------------

GOOD = {"company": "Good", "role": "R", "events": [{"date": "2026-11-02", "kind": "interview"}]}


def many(bad: dict, at: int = 4) -> dict:
    apps = [dict(GOOD, company=f"Good {i}") for i in range(6)]
    apps[at] = bad
    return {"format": "waiting-room/1", "applications": apps}


JSON_CASES = {
    "bad event date": (many({**GOOD, "events": [{"date": "2026-11-31", "kind": "interview"}]}),
                       ("applications[4].events[0].date", "2026-11-31")),
    "bad kind": (many({**GOOD, "events": [{"date": "2026-11-02", "kind": "ghosted"}]}),
                 ("applications[4].events[0].kind", "ghosted")),
    "no company": (many({"role": "R", "events": []}), ("applications[4].company",)),
    "no events": (many({"company": "C", "role": "R"}), ("applications[4].events",)),
    "bad status": (many({**GOOD, "status": "maybe"}), ("applications[4].status", "maybe")),
    "bad size": (many({**GOOD, "company_size": 12}), ("applications[4].company_size", "12")),
    "bad id": (many({**GOOD, "id": "no spaces please"}), ("applications[4].id", "no spaces please")),
    "same id twice": ({"applications": [dict(GOOD, id="x1"), dict(GOOD, id="x1")]}, ("applications[1].id", "x1")),
    "wrong format": ({"format": "other/2", "applications": []}, ("format", "other/2")),
    "no applications": ({"format": "waiting-room/1"}, ("applications",)),
    "applications not a list": ({"applications": {"a": 1}}, ("applications",)),
    "a list at the top": ([GOOD], ("object",)),
    "lone surrogate escape": ('{"applications": [{"company": "C", "role": "R", "events": [], "notes": "\\ud800"}]}',
                              ("applications[0].notes",)),
    "lone surrogate in an unknown key": (
        '{"applications": [{"company": "C", "role": "R", "events": [], "extra": {"deep": ["ok", "\\udc80"]}}]}',
        ("applications[0].extra.deep[1]",)),
}


@pytest.mark.parametrize("case", list(JSON_CASES))
def test_import_json_is_all_or_nothing(capsys, db, tmp_path, case):
    data, words = JSON_CASES[case]
    source = tmp_path / "in.json"
    if isinstance(data, str):
        source.write_text(data)
    else:
        source.write_text(json.dumps(data))
    fails(capsys, ["--today", TODAY, "import", str(source)], db=db, must_mention=(str(source), *words))


def test_import_json_syntax_error_names_line_and_column(capsys, db, tmp_path):
    source = tmp_path / "in.json"
    source.write_text('{\n  "applications": [\n    {"company": "A",, "role": "R"}\n  ]\n}\n')
    fails(capsys, ["import", str(source)], db=db, must_mention=("line 3", "column"))


CSV_HEAD = "company,role,status,event_date,event_kind,event_note\n"
CSV_CASES = {
    "bad date on line 4": (
        CSV_HEAD + "A,R,,2026-11-02,interview,\nA,R,,2026-11-03,thank_you_sent,\nB,R,,2026-11-31,interview,\n",
        ("line 4", "event_date", "2026-11-31")),
    "bad kind on line 3": (CSV_HEAD + "A,R,,2026-11-02,interview,\nB,R,,2026-11-02,lunch,\n",
                           ("line 3", "event_kind", "lunch")),
    "bad status on line 2": (CSV_HEAD + "A,R,pending,,,\n", ("line 2", "status", "pending")),
    "empty company": (CSV_HEAD + "A,R,,,,\n,R,,,,\n", ("line 3", "company")),
    "event without kind": (CSV_HEAD + "A,R,,2026-11-02,,\n", ("line 2", "event_kind")),
    "too many cells": (CSV_HEAD + "A,R,,,,,extra\n", ("line 2", "more cells")),
    "no role column": ("company,status\nA,waiting\n", ("line 1", "role")),
    "empty file": ("", ("line 1", "company")),
    "unclosed quote on line 3": (CSV_HEAD + 'A,R,,2026-11-02,interview,\nB,R,,2026-11-02,interview,"never closed\n',
                                 ("line 3", "end of data")),
    "bad row after a two-line note": (
        CSV_HEAD + 'A,R,,2026-11-02,interview,"two\nlines"\nA,R,,2026-11-03,thank_you_sent,\nB,R,,2026-11-02,x,\n',
        ("line 5", "event_kind", "'x'")),
}


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_import_csv_is_all_or_nothing(capsys, db, tmp_path, case):
    text, words = CSV_CASES[case]
    source = tmp_path / "in.csv"
    source.write_text(text)
    fails(capsys, ["import", str(source)], db=db, must_mention=(str(source), *words))


def test_import_csv_with_invalid_utf8(capsys, db, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(CSV_HEAD.encode() + b"Caf\xe9,R,,,,\n")
    fails(capsys, ["import", str(source)], db=db, must_mention=(str(source), "UTF-8"))


@pytest.mark.parametrize("name", ["missing.json", "data.xlsx", "noext"])
def test_import_unreadable_or_unknown_files(capsys, db, tmp_path, name):
    source = tmp_path / name
    if name != "missing.json":
        source.write_text("{}")
    fails(capsys, ["import", str(source)], db=db, must_mention=(name,))


def test_import_of_a_folder(capsys, db, tmp_path):
    folder = tmp_path / "dir.json"
    folder.mkdir()
    fails(capsys, ["import", str(folder)], db=db, must_mention=("dir.json",))


def test_export_to_an_unwritable_place(capsys, db, tmp_path):
    target = tmp_path / "a-folder"
    target.mkdir()
    (target / "keep").write_text("x")
    err = fails(capsys, ["export", "-o", str(target)], db=db, must_mention=(str(target),))
    assert ".tmp" not in err  # the file the user named, not our temp file
    assert (target / "keep").read_text() == "x"
    assert [p.name for p in target.iterdir()] == ["keep"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_log_on_a_missing_database_creates_nothing(tmp_path, capsys):
    from waiting_room.cli import main

    db = tmp_path / "nowhere" / "db.json"
    assert main(["--db", str(db), "log", "abc", "interview"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "abc" in err
    assert not db.parent.exists()


def test_import_refuses_nan(tmp_path, capsys):
    from waiting_room.cli import main

    src = tmp_path / "nan.json"
    src.write_text('{"format": "waiting-room/1", "applications": [{"company": "A", "role": "B", "events": [], "x": NaN}]}')
    db = tmp_path / "db.json"
    assert main(["--db", str(db), "import", str(src)]) == 2
    assert "NaN" in capsys.readouterr().err
    assert not db.exists()
