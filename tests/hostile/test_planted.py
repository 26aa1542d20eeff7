"""Shared folders and planted files (issue 16): what another local user can leave
beside the database in a sticky world-writable folder like /tmp.

"Another user" is played by files handed to a uid that is not ours with
``os.lchown``: that needs root, so those tests are skipped for other users (CI
runs as root). What does not need another user (umask, loose modes) runs anywhere.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from waiting_room.store import backups, files
from waiting_room.store.database import Database
from waiting_room.store.errors import CorruptDatabase, Refused

from hostilekit import TODAY, assert_one_line_refusal, run_main, seed

POSIX = sys.platform != "win32"
ROOT = POSIX and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="playing another user needs root (os.lchown to a uid not ours)")
posix_only = pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
OTHER = 4242  # a uid that is not ours (no such account is needed to own a file)
DAY = ["--today", TODAY.isoformat()]
ADD = [*DAY, "add", "--company", "A", "--role", "R"]


def theirs(path: Path) -> Path:
    os.lchown(path, OTHER, OTHER)
    return path


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A /tmp-style folder: root's, world-writable, sticky."""
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o1777)
    return folder


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- planted links --------------------------------------------------------------------


@needs_root
def test_a_planted_database_link_to_the_victims_own_file_is_refused(tmp_path, shared):
    settings = tmp_path / "home" / "settings.json"
    settings.parent.mkdir()
    settings.write_text('{"theme": "dark"}')
    link = theirs(_link(shared / "wr.json", settings))
    for argv in (ADD, [*DAY, "status"], [*DAY, "export"]):
        code, out, err = run_main(["--db", str(link), *argv])
        assert_one_line_refusal(code, out, err)
        assert "symlink that belongs to another user" in err and "remove it, or use a path of your own" in err
    assert settings.read_text() == '{"theme": "dark"}'
    assert listing(settings.parent) == ["settings.json"]
    with pytest.raises(Refused):
        Database(link, today=TODAY)


@needs_root
def test_a_planted_link_to_a_missing_path_creates_nothing_there(tmp_path, shared):
    target = tmp_path / "victim" / "made-by-the-app.json"
    target.parent.mkdir()
    link = theirs(_link(shared / "wr.json", target))
    code, out, err = run_main(["--db", str(link), *ADD])
    assert_one_line_refusal(code, out, err)
    assert listing(target.parent) == []
    assert listing(shared) == ["wr.json"]


@needs_root
def test_a_planted_lock_link_creates_nothing_at_its_target(tmp_path, shared):
    nologin = tmp_path / "etc" / "nologin"
    nologin.parent.mkdir()
    db = shared / "wr.json"
    theirs(_link(files.lock_path(db), nologin))
    code, out, err = run_main(["--db", str(db), *ADD])
    assert_one_line_refusal(code, out, err)
    assert "lock file" in err and "symlink" in err
    assert not nologin.exists() and listing(nologin.parent) == []
    assert not db.exists()


@posix_only
def test_a_lock_link_of_our_own_is_not_followed_either(tmp_path):
    db = tmp_path / "wr.json"
    elsewhere = tmp_path / "elsewhere"
    _link(files.lock_path(db), elsewhere)
    code, out, err = run_main(["--db", str(db), *ADD])
    assert_one_line_refusal(code, out, err)
    assert not elsewhere.exists()


@needs_root
def test_a_lock_file_of_another_user_is_refused(tmp_path, shared):
    db = shared / "wr.json"
    lock = files.lock_path(db)
    lock.write_bytes(b"")
    theirs(lock)
    code, out, err = run_main(["--db", str(db), *ADD])
    assert_one_line_refusal(code, out, err)
    assert "belongs to another user" in err and "rm " in err
    assert not db.exists()


@needs_root
def test_a_planted_backups_link_is_refused_and_never_named_in_a_restore_hint(tmp_path, shared):
    db = shared / "wr.json"
    seed(db)
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    theirs(attacker)
    planted = attacker / f"wr.{TODAY}.json"
    planted.write_text("{}")
    theirs(planted)
    theirs(_link(shared / "backups", attacker))
    before = db.read_bytes()
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    code, out, err = run_main(["--db", str(db), "--today", tomorrow, "add", "--company", "B", "--role", "R"])
    assert_one_line_refusal(code, out, err)
    assert "backups folder" in err
    assert db.read_bytes() == before
    assert listing(attacker) == [planted.name]
    assert backups.newest(db) is None  # the hint never points into their folder
    db.write_text("damaged")
    with pytest.raises(CorruptDatabase) as info:
        Database(db, today=TODAY).load()
    assert str(attacker) not in str(info.value) and "no backup" in str(info.value)


@posix_only
def test_a_days_backup_that_is_a_link_is_refused_not_skipped(tmp_path):
    db = tmp_path / "wr.json"
    seed(db)
    folder = backups.folder(db)
    folder.mkdir(mode=0o700)
    tomorrow = TODAY + timedelta(days=1)
    _link(folder / f"wr.{tomorrow}.json", tmp_path / "nowhere")
    before = db.read_bytes()
    code, out, err = run_main(["--db", str(db), "--today", tomorrow.isoformat(), "add", "--company", "B", "--role", "R"])
    assert_one_line_refusal(code, out, err)
    assert "backup" in err and "symlink" in err
    assert db.read_bytes() == before and not (tmp_path / "nowhere").exists()


@needs_root
def test_a_planted_database_of_another_user_is_not_shown_as_ours(shared):
    db = shared / "wr.json"
    raw = seed(db)
    theirs(db)
    there = listing(shared)
    for argv in ([*DAY, "status"], [*DAY, "status", "--json"], [*DAY, "export"], ADD):
        code, out, err = run_main(["--db", str(db), *argv])
        assert_one_line_refusal(code, out, err)
        assert "belongs to another user" in err and "chown" in err
    assert listing(shared) == there and db.read_bytes() == raw


# --- modes ----------------------------------------------------------------------------


@posix_only
def test_parents_we_create_are_0700_whatever_the_umask(tmp_path, child_env):
    home = tmp_path / "home"
    home.mkdir()
    env = child_env(HOME=str(home), WAITING_ROOM_TODAY=TODAY.isoformat())
    env.pop("XDG_DATA_HOME", None)
    env.pop("WAITING_ROOM_DB", None)
    code = "import os, sys; os.umask(0); from waiting_room.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "add", "--company", "A", "--role", "R"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for folder in (home / ".local", home / ".local" / "share", home / ".local" / "share" / "waiting-room"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    db = home / ".local" / "share" / "waiting-room" / "waiting-room.json"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(files.lock_path(db).stat().st_mode) == 0o600


@posix_only
def test_a_database_others_can_write_is_refused_for_writing_with_the_chmod(tmp_path):
    db = tmp_path / "wr.json"
    before = seed(db)
    os.chmod(db, 0o666)
    code, out, err = run_main(["--db", str(db), *ADD])
    assert_one_line_refusal(code, out, err)
    assert "can be written by other users" in err and f"chmod 600 {db}" in err
    assert db.read_bytes() == before
    code, out, err = run_main(["--db", str(db), *DAY, "status"])  # reading it is still fine
    assert code == 0, err
    os.chmod(db, 0o644)  # readable by others: a save makes it 0600 again
    assert run_main(["--db", str(db), *ADD])[0] == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


@posix_only
def test_a_folder_others_can_write_without_the_sticky_bit_is_refused(tmp_path):
    folder = tmp_path / "open"
    folder.mkdir()
    os.chmod(folder, 0o777)
    code, out, err = run_main(["--db", str(folder / "wr.json"), *ADD])
    assert_one_line_refusal(code, out, err)
    assert "can be written by other users" in err and "chmod go-w" in err
    assert listing(folder) == []
    os.chmod(folder, 0o1777)  # sticky, like /tmp: no one can swap our files there
    assert run_main(["--db", str(folder / "wr.json"), *ADD])[0] == 0


@needs_root
def test_a_folder_of_another_user_is_refused(tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir()
    theirs(folder)
    code, out, err = run_main(["--db", str(folder / "wr.json"), *ADD])
    assert_one_line_refusal(code, out, err)
    assert "folder" in err and "belongs to another user" in err and "chown" in err
    assert listing(folder) == []


@needs_root
def test_export_onto_a_file_or_fifo_of_another_user_is_refused(tmp_path, shared):
    db = tmp_path / "wr.json"
    seed(db)
    planted = shared / "export.json"
    planted.write_text("theirs")
    theirs(planted)
    fifo = shared / "export.csv"
    os.mkfifo(fifo)
    theirs(fifo)
    for target in (planted, fifo):
        code, out, err = run_main(["--db", str(db), *DAY, "export", "-o", str(target)])
        assert_one_line_refusal(code, out, err)
        assert "belongs to another user" in err
    assert planted.read_text() == "theirs"


def _link(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link
