"""End to end: ``python -m waiting_room`` in real processes, as a shell user runs it."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

import pytest


def test_a_day_in_the_life(tmp_path, cli_subprocess):
    db = tmp_path / "db" / "waiting-room.json"
    env = {"WAITING_ROOM_DB": str(db), "WAITING_ROOM_TODAY": "2026-11-20"}
    added = cli_subprocess("add", "--company", "Acme", "--role", "Analyst", "--interviewed", "last mon", **env)
    assert added.returncode == 0 and added.stderr == ""
    new = added.stdout.strip()
    assert added.stdout == new + "\n" and new

    logged = cli_subprocess("log", new[:4], "thank_you_sent", "--date", "yesterday", **env)
    assert logged.returncode == 0, logged.stderr

    status = cli_subprocess("status", "--json", **env)
    assert status.returncode == 0, status.stderr
    entry = json.loads(status.stdout)["applications"][0]
    assert (entry["id"], entry["waiting_since"], entry["days_waited"]) == (new, "2026-11-16", 4)

    text = cli_subprocess("status", **env)
    assert text.returncode == 0 and "Acme" in text.stdout

    exported = cli_subprocess("export", "-o", str(tmp_path / "out.json"), **env)
    assert exported.returncode == 0 and exported.stdout == ""
    other = {"WAITING_ROOM_DB": str(tmp_path / "copy.json"), "WAITING_ROOM_TODAY": "2026-11-20"}
    imported = cli_subprocess("import", str(tmp_path / "out.json"), **other)
    assert imported.returncode == 0, imported.stderr
    assert cli_subprocess("export", **other).stdout == cli_subprocess("export", **env).stdout

    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_errors_in_a_real_process(tmp_path, cli_subprocess):
    db = tmp_path / "waiting-room.json"
    for args in (
        ("--db", str(db), "--today", "2026-02-30", "status"),
        ("--db", str(db), "log", "nope", "interview"),
        ("--db", str(db), "add", "--company", "A"),
        ("--db", str(db), "import", str(tmp_path / "absent.csv")),
    ):
        result = cli_subprocess(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert not db.exists()


def test_without_db_option_the_platform_data_dir_is_used(tmp_path, _isolated_home, cli_subprocess):
    if sys.platform != "linux":
        pytest.skip("XDG_DATA_HOME is the Linux data dir")
    result = cli_subprocess("--today", "2026-11-20", "add", "--company", "Acme", "--role", "R")
    assert result.returncode == 0, result.stderr
    expected = _isolated_home / ".local" / "share" / "waiting-room" / "waiting-room.json"
    assert expected.exists()
    assert result.stdout.strip() in expected.read_text()


def test_db_option_wins_over_the_environment(tmp_path, cli_subprocess):
    env_db, opt_db = tmp_path / "env.json", tmp_path / "opt.json"
    result = cli_subprocess("--db", str(opt_db), "add", "--company", "A", "--role", "R", WAITING_ROOM_DB=str(env_db))
    assert result.returncode == 0
    assert opt_db.exists() and not env_db.exists()


def test_status_imports_neither_textual_nor_tinydb(tmp_path, cli_subprocess, child_env):
    # status runs at every login: it must stay quick, so it reads the file without TinyDB
    db = tmp_path / "waiting-room.json"
    assert cli_subprocess("--db", str(db), "add", "--company", "A", "--role", "R").returncode == 0
    code = (
        "import sys\n"
        "from waiting_room import cli\n"
        f"assert cli.main(['--db', {str(db)!r}, '--today', '2026-11-20', 'status', '--json']) == 0\n"
        f"assert cli.main(['--db', {str(db)!r}, '--today', '2026-11-20', 'status']) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
