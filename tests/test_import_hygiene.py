"""What each command imports, and the stand-ins that keep ``status`` lean.

``status`` runs at every login, so its start-up is mostly imports. Each check
runs the command in a fresh interpreter (in-process there, through ``main()``)
and looks at ``sys.modules`` at exit. No test here times anything: speed is
measured by ``benchmarks/run.py``, never in CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room import cli, paths

TODAY = "2026-11-20"


def modules_after(args: list[str], env: dict[str, str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from waiting_room.cli import main\n"
        f"code = main({args!r})\n"
        "sys.stdout.flush()\n"
        "print('\\n@@' + json.dumps([code, sorted(sys.modules)]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    code, modules = json.loads(result.stdout.rsplit("\n@@", 1)[1])
    assert code == 0, (args, result.stderr)
    return set(modules)


def under(modules: set[str], *roots: str) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in roots)


@pytest.fixture
def database(tmp_path, child_env):
    db = tmp_path / "waiting-room.json"
    env = child_env(WAITING_ROOM_DB=str(db), WAITING_ROOM_TODAY=TODAY)
    added = subprocess.run(
        [sys.executable, "-m", "waiting_room", "add", "--company", "Acme", "--role", "Analyst",
         "--interviewed", "3 days ago", "--note", "the hiring manager is on leave"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert added.returncode == 0, added.stderr
    return db, added.stdout.strip(), env


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_status_imports_neither_textual_nor_tinydb(database, json_flag):
    db, _, env = database
    modules = modules_after(["--db", str(db), "status", *json_flag], env)
    assert not under(modules, "textual", "rich", "tinydb")


def test_status_skips_what_only_other_commands_need(database):
    # Each of these is start-up time the login message would pay for nothing:
    # the parser (status has a hand-rolled fast path), the data-dir lookup (the
    # XDG rule is computed directly on Linux), ids and temp files (no writes).
    db, _, env = database
    env = {k: v for k, v in env.items() if k != "WAITING_ROOM_DB"}
    env["XDG_DATA_HOME"] = str(db.parent.parent)
    target = db.parent.parent / "waiting-room" / "waiting-room.json"
    target.parent.mkdir()
    db.rename(target)
    modules = modules_after(["status"], env)
    unwanted = ["argparse", "shutil", "tempfile", "secrets", "shlex", "humanize"]
    if sys.platform == "linux":
        unwanted.append("platformdirs")
    assert not under(modules, *unwanted)


def test_log_skips_the_parser_temp_files_and_the_calm_list(database):
    # Scripts log events one at a time: the write path pays for the store and no more.
    db, app_id, env = database
    modules = modules_after(["--db", str(db), "log", app_id, "follow_up_sent", "--note", "sent"], env)
    assert not under(modules, "argparse", "shutil", "tempfile", "random", "textual", "rich")
    assert "waiting_room.core.calm" not in modules and "waiting_room.core.plan" not in modules


@pytest.mark.parametrize(
    "args",
    [
        ["add", "--company", "Beta", "--role", "Tester"],
        ["log", "ID", "follow_up_sent", "--note", "short note"],
        ["export"],
        ["export", "--format", "csv"],
    ],
    ids=["add", "log", "export-json", "export-csv"],
)
def test_other_commands_import_no_textual(database, args):
    db, app_id, env = database
    args = [app_id if a == "ID" else a for a in args]
    modules = modules_after(["--db", str(db), *args], env)
    assert not under(modules, "textual")


# --- the stand-ins say exactly what the originals say --------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["status", "--json"],
        ["--db", "x.json", "status"],
        ["--db=x.json", "--today", TODAY, "status", "--json"],
        ["--today", TODAY, "--db", "a folder/x.json", "status"],
        ["--db", "status", "status"],
        [], ["--db", "x.json"], ["--db", "status"], ["--today", TODAY, "demo"],
        ["log", "abc", "follow_up_sent"],
        ["--db", "x.json", "log", "abc", "heard_back", "--note", "they wrote back", "--date", "2 days ago"],
        ["log", "status", "offer", "--note=", "--date=2026-11-19"],
        ["--today", TODAY, "log", "a b", "interview", "--note", "--note"[2:]],
    ],
)
def test_quick_args_agree_with_the_parser(argv):
    quick = cli._quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(cli._parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["add"], ["demo", "x"], ["--db"], ["status", "--js"], ["status", "--json", "--json"], ["status", "-h"],
        ["--db", "-x", "status"], ["--db", "a", "--db", "b", "status"],
        ["--d", "x", "status"], ["--today=", "status"], ["status", "extra"], ["--", "status"], ["--db", "", "status"],
        ["log"], ["log", "abc"], ["log", "abc", "offer", "extra"], ["log", "abc", "offer", "--not", "x"],
        ["log", "abc", "offer", "--note"], ["log", "abc", "offer", "--note", "-x"], ["log", "-h"],
        ["log", "abc", "offer", "--note", "a", "--note", "b"], ["log", "--note", "x", "abc", "offer"],
        ["log", "abc", "offer", "--db", "x"], ["log", "abc", "-5"],
    ],
)
def test_quick_args_leave_everything_else_to_the_parser(argv):
    assert cli._quick_args(argv) is None


_TOKENS = [
    "status", "log", "add", "demo", "--json", "--db", "--today", "--date", "--note", "--no", "--note=x",
    "--db=a.json", "--json=1", "x", "a b", "", "-x", "-5", "--", "-h", "offer", TODAY,
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=8))
def test_whatever_the_quick_reader_accepts_the_parser_reads_the_same(argv):
    quick = cli._quick_args(argv)
    if quick is not None:
        assert vars(quick) == vars(cli._parser().parse_args(argv))


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_DATA_HOME": "/srv/data"},
        {"XDG_DATA_HOME": "/srv/data/"},
        {"XDG_DATA_HOME": ""},
        {"XDG_DATA_HOME": "relative/data"},
        {"XDG_DATA_HOME": "   "},
        {"XDG_DATA_HOME": "~/data"},
        {"HOME": "/"},
        {"HOME": "/home/someone/"},
        {"HOME": "relative-home"},
        {"HOME": None},
    ],
)
def test_linux_data_dir_is_what_platformdirs_says(monkeypatch, env):
    platformdirs = pytest.importorskip("platformdirs")
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    if "XDG_DATA_HOME" not in env:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    try:
        expected = platformdirs.user_data_path("waiting-room") / paths.FILE_NAME
    except RuntimeError:  # newer platformdirs refuse a home they cannot resolve
        assert paths._linux_data_dir() is None
        return
    assert paths.default_db_path() == expected
    if sys.platform != "linux":
        assert paths._linux_data_dir() is None


@pytest.mark.parametrize("columns", [None, "", "0", "-3", "abc", "120", "33"])
def test_terminal_columns_follow_shutil(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("LINES", raising=False)
    assert cli._terminal_columns() == shutil.get_terminal_size((80, 24)).columns


def test_the_tui_draws_its_first_frame_before_loading_the_note_reader(database):
    # The first frame shows the cards without their "maybe" line; the note reader
    # (its import and its patterns) comes after, with the reasons, and TinyDB with
    # the first write.
    db, _, env = database
    code = (
        "import asyncio, sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from waiting_room.store.database import Database\n"
        "from waiting_room.tui.app import WaitingRoomApp\n"
        "from waiting_room.tui.screens.dashboard import Dashboard\n"
        "seen = []\n"
        "first = Dashboard._after_first_frame\n"
        "def after(self):\n"
        "    seen.append(('waiting_room.core.reader' in sys.modules, 'tinydb' in sys.modules))\n"
        "    first(self)\n"
        "Dashboard._after_first_frame = after\n"
        "async def go():\n"
        f"    day = date.fromisoformat({TODAY!r})\n"
        f"    app = WaitingRoomApp(Database(Path({str(db)!r}), today=day), day, reload_every=None)\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        seen.append('maybe' in str(app.screen.query_one('#list').get_option_at_index(0).prompt.content))\n"
        "asyncio.run(go())\n"
        "print(seen)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[(False, False), True]"
