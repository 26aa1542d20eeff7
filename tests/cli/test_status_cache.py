"""status keeps its last answer privately and uses it only while nothing changed."""

from __future__ import annotations

import json
import os
import stat

from waiting_room.cli import main
from waiting_room.store.status_cache import cache_path


def _status(capsys, db, *extra: str) -> str:
    assert main(["--db", str(db), "--today", "2026-11-20", "status", *extra]) == 0
    return capsys.readouterr().out


def _add(capsys, db, company: str) -> None:
    assert main(["--db", str(db), "--today", "2026-11-20", "add", "--company", company, "--role", "R",
                 "--interviewed", "2026-11-02"]) == 0
    capsys.readouterr()


def test_second_status_answers_the_same_from_a_private_cache(tmp_path, capsys):
    db = tmp_path / "wr" / "db.json"
    _add(capsys, db, "Acme")
    first_text, first_json = _status(capsys, db), _status(capsys, db, "--json")
    for kind in ("text", "json"):
        cache = cache_path(db, kind)
        assert cache.exists() and stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert _status(capsys, db) == first_text
    assert _status(capsys, db, "--json") == first_json


def test_the_cache_is_used_only_for_the_same_file_and_day(tmp_path, capsys):
    db = tmp_path / "db.json"
    _add(capsys, db, "Acme")
    _status(capsys, db)
    # A planted answer shows that a hit really comes from the cache...
    cached = json.loads(cache_path(db).read_text())
    cached["value"]["lines"][1] = "PLANTED"
    cache_path(db).write_text(json.dumps(cached))
    assert "PLANTED" in _status(capsys, db)
    # ...and that any save, or another day, makes status compute again.
    _add(capsys, db, "Bramble")
    out = _status(capsys, db)
    assert "PLANTED" not in out and "Bramble" in out
    cached = json.loads(cache_path(db).read_text())
    cached["value"]["lines"][1] = "PLANTED"
    cache_path(db).write_text(json.dumps(cached))
    assert main(["--db", str(db), "--today", "2026-11-21", "status"]) == 0
    assert "PLANTED" not in capsys.readouterr().out


def test_a_damaged_cache_is_ignored(tmp_path, capsys):
    db = tmp_path / "db.json"
    _add(capsys, db, "Acme")
    expected = _status(capsys, db)
    cache_path(db).write_bytes(b"\x00not json")
    assert _status(capsys, db) == expected


def test_no_database_no_cache(tmp_path, capsys):
    db = tmp_path / "absent" / "db.json"
    _status(capsys, db)
    assert not db.parent.exists()


def test_a_corrupt_database_is_reported_even_with_a_cache(tmp_path, capsys):
    db = tmp_path / "db.json"
    _add(capsys, db, "Acme")
    _status(capsys, db)
    db.write_text("{broken")
    os.utime(db, ns=(1, 1))
    assert main(["--db", str(db), "--today", "2026-11-20", "status"]) == 2
    assert "cannot read the database" in capsys.readouterr().err


def test_an_answer_computed_while_the_file_changed_is_not_kept(tmp_path, capsys, monkeypatch):
    from waiting_room.store import document

    db = tmp_path / "db.json"
    _add(capsys, db, "Acme")
    real = document.load_applications

    def load_then_someone_saves(path):
        apps = real(path)
        _add(capsys, db, "Bramble")  # another process saves right after our read
        return apps

    monkeypatch.setattr(document, "load_applications", load_then_someone_saves)
    _status(capsys, db)
    monkeypatch.setattr(document, "load_applications", real)
    assert "Bramble" in _status(capsys, db)  # recomputed, not the stale answer


def test_empty_db_or_today_is_refused_not_defaulted(tmp_path, capsys):
    assert main(["--db", "", "add", "--company", "X", "--role", "Y"]) == 2
    assert main(["--db", str(tmp_path / "d.json"), "--today", "", "status"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["waiting-room: --db: must not be empty", "waiting-room: --today: must not be empty"]


def test_a_symlinked_database_keeps_its_link(tmp_path, capsys):
    real = tmp_path / "sync" / "real.json"
    _add(capsys, real, "Acme")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    _add(capsys, link, "Bramble")
    assert link.is_symlink()
    assert "Bramble" in real.read_text()


def test_the_login_message_reads_only_the_notes_of_what_it_names(tmp_path, capsys, monkeypatch):
    # The text names four applications; ranking the reasons of every other one
    # (reading all their notes) would make the first login of each day slow.
    from waiting_room.core import summary

    db = tmp_path / "db.json"
    for n in range(9):
        _add(capsys, db, f"Company {n}")
    ranked: list[str] = []
    real = summary.rank_reasons
    monkeypatch.setattr(summary, "rank_reasons", lambda app, today: ranked.append(app.id) or real(app, today))
    out = _status(capsys, db)
    assert "9 applications waiting" in out and "5 more" in out
    assert len(ranked) == 4
    assert not cache_path(db, "json").exists()
    ranked.clear()
    listed = json.loads(_status(capsys, db, "--json"))["applications"]
    assert len(listed) == 9 and all(len(a["reasons"]) == 10 for a in listed)
    assert len(ranked) == 9
