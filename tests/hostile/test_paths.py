"""Writes only into regular files: devices, FIFOs, sockets and folders at the database
path or behind ``export -o`` (issue 16).

Every node here is made by the test inside its own tmp folder (``os.mknod`` of the
null and zero devices' numbers, ``os.mkfifo``, a bound socket): nothing touches the
real ``/dev``. Writing to a node of the null device's numbers goes nowhere.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from waiting_room.store import files

from hostilekit import TODAY, assert_one_line_refusal, finishes, run_main, seed

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")
DAY = ["--today", TODAY.isoformat()]


def _device(path: Path, minor: int) -> Path:
    """A character device node with the numbers of /dev/null (minor 3) or /dev/zero (5)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError) as error:
        pytest.skip(f"cannot make a device node here ({error}): needs root and CAP_MKNOD")
    return path


def fake_null(folder: Path) -> Path:
    return _device(folder / "null", 3)


def fake_zero(folder: Path) -> Path:
    return _device(folder / "zero", 5)


def is_char_device(path: Path) -> bool:
    return stat.S_ISCHR(os.lstat(path).st_mode)


def beside(path: Path) -> list[str]:
    """Everything in ``path``'s folder but ``path`` itself (a lock, a temp, a backups folder)."""
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


WRITES = [
    ["add", "--company", "A", "--role", "R"],
    ["import", "IMPORT"],
]
READS = [["status"], ["status", "--json"], ["export"], ["export", "--format", "csv"], ["log", "abc", "offer"]]


def _argv(db: Path, command: list[str], tmp_path: Path) -> list[str]:
    if "IMPORT" in command:
        source = tmp_path / "in.json"
        source.write_text('{"format": "waiting-room/1", "applications": '
                          '[{"company": "A", "role": "R", "events": []}]}')
        command = [str(source) if c == "IMPORT" else c for c in command]
    return ["--db", str(db), *DAY, *command]


# --- the database path ----------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize("command", WRITES + READS, ids=lambda c: " ".join(c))
def test_a_device_at_the_database_path_is_refused_and_never_replaced(tmp_path, command):
    folder = tmp_path / "db"
    folder.mkdir()
    node = fake_null(folder)
    code, out, err = finishes(lambda: run_main(_argv(node, command, tmp_path)))
    assert_one_line_refusal(code, out, err)
    assert "character device" in err and "not a regular file" in err, err
    assert is_char_device(node)
    assert beside(node) == []  # no lock file, no temp, no backups folder


@POSIX
@pytest.mark.parametrize("command", WRITES + READS, ids=lambda c: " ".join(c))
def test_a_database_symlinked_to_a_device_is_refused_and_nothing_is_read(tmp_path, command):
    devices = tmp_path / "dev"
    devices.mkdir()
    zero = fake_zero(devices)  # reading it would never end (the MemoryError of the issue)
    folder = tmp_path / "db"
    folder.mkdir()
    link = folder / "waiting-room.json"
    link.symlink_to(zero)
    code, out, err = finishes(lambda: run_main(_argv(link, command, tmp_path)), timeout=30)
    assert_one_line_refusal(code, out, err)
    assert "character device" in err, err
    assert is_char_device(zero) and link.is_symlink()
    assert beside(zero) == [] and beside(link) == []


@POSIX
@pytest.mark.parametrize("command", WRITES + READS, ids=lambda c: " ".join(c))
def test_a_fifo_at_the_database_path_never_blocks(tmp_path, command):
    folder = tmp_path / "db"
    folder.mkdir()
    fifo = folder / "waiting-room.json"
    os.mkfifo(fifo)
    # No one ever writes into the FIFO: an open for reading without O_NONBLOCK would hang here.
    code, out, err = finishes(lambda: run_main(_argv(fifo, command, tmp_path)), timeout=20)
    assert_one_line_refusal(code, out, err)
    assert "FIFO" in err, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert beside(fifo) == []


@POSIX
def test_status_on_a_fifo_returns_at_once_in_a_real_process(tmp_path, cli_subprocess):
    fifo = tmp_path / "waiting-room.json"
    os.mkfifo(fifo)
    result = cli_subprocess("--db", str(fifo), "status", WAITING_ROOM_TODAY=TODAY.isoformat())
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "FIFO" in result.stderr


@POSIX
def test_a_socket_or_a_folder_at_the_database_path_is_refused(tmp_path):
    sock_path = tmp_path / "s" / "waiting-room.json"
    sock_path.parent.mkdir()
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        code, out, err = run_main(["--db", str(sock_path), *DAY, "add", "--company", "A", "--role", "R"])
        assert_one_line_refusal(code, out, err)
        assert "socket" in err
        assert beside(sock_path) == []
    finally:
        server.close()
    # status may look at the real "/"; a write is tried only on a folder of the test's own.
    code, out, err = run_main(["--db", "/", *DAY, "status"])
    assert_one_line_refusal(code, out, err)
    assert "folder" in err
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for command in (["status"], ["add", "--company", "A", "--role", "R"]):
        code, out, err = run_main(["--db", str(folder), *DAY, *command])
        assert_one_line_refusal(code, out, err)
        assert "folder" in err
    assert list(folder.iterdir()) == [] and beside(folder) == ["s"]


@POSIX
def test_a_database_symlinked_to_a_file_that_is_not_one_leaves_nothing_beside_it(tmp_path):
    # The issue's /etc/passwd: refused, but /etc/passwd.lock was left behind.
    etc = tmp_path / "etc"
    etc.mkdir()
    passwd = etc / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    link = tmp_path / "waiting-room.json"
    link.symlink_to(passwd)
    for command in (["add", "--company", "A", "--role", "R"], ["log", "abc", "offer"], ["status"]):
        code, out, err = run_main(["--db", str(link), *DAY, *command])
        assert_one_line_refusal(code, out, err)
    assert passwd.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    assert beside(passwd) == []
    # the same named directly
    code, out, err = run_main(["--db", str(passwd), *DAY, "add", "--company", "A", "--role", "R"])
    assert_one_line_refusal(code, out, err)
    assert beside(passwd) == []


# --- export -o --------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "waiting-room.json"
    seed(path)
    return path


@POSIX
def test_export_to_a_device_writes_into_it_and_keeps_it(tmp_path, db):
    devices = tmp_path / "dev"
    devices.mkdir()
    null = fake_null(devices)
    for target in (null, _link(tmp_path / "null-link", null)):
        code, out, err = run_main(["--db", str(db), *DAY, "export", "-o", str(target)])
        assert (code, out, err) == (0, "", "")
        assert is_char_device(null)
    assert beside(null) == []
    assert (tmp_path / "null-link").is_symlink()


def _link(link: Path, target: Path | str) -> Path:
    link.symlink_to(target)
    return link


@POSIX
def test_export_to_a_fifo_streams_into_it(tmp_path, db):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The read end is open before export runs: a reader thread might not have opened it
    # yet (then the export rightly says nothing reads), and a read before any writer came
    # would see the end at once. The export is small: it fits the pipe's buffer.
    read_end = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, out, err = finishes(
            lambda: run_main(["--db", str(db), *DAY, "export", "--format", "csv", "-o", str(fifo)]))
        assert (code, out, err) == (0, "", "")
        got = [b""]
        while chunk := os.read(read_end, 65536):
            got[0] += chunk
    finally:
        os.close(read_end)
    assert got and b"Seed Co" in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@POSIX
def test_export_to_a_fifo_nobody_reads_says_so_at_once(tmp_path, db):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, out, err = finishes(lambda: run_main(["--db", str(db), *DAY, "export", "-o", str(fifo)]), timeout=20)
    assert_one_line_refusal(code, out, err)
    assert "nothing is reading" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@POSIX
def test_export_through_a_symlink_replaces_the_file_never_the_link(tmp_path, db):
    real = tmp_path / "exports" / "all.json"
    real.parent.mkdir()
    real.write_text("old")
    link = _link(tmp_path / "latest.json", real)
    code, out, err = run_main(["--db", str(db), *DAY, "export", "-o", str(link)])
    assert (code, out, err) == (0, "", "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Seed Co" in real.read_text()
    # a link to where nothing is yet: the file is created there, the link stays
    fresh = tmp_path / "exports" / "new.json"
    dangling = _link(tmp_path / "new-link.json", fresh)
    assert run_main(["--db", str(db), *DAY, "export", "-o", str(dangling)])[0] == 0
    assert dangling.is_symlink() and "Seed Co" in fresh.read_text()


@POSIX
def test_export_to_stdout_by_name_or_dash_prints(tmp_path, db, cli_subprocess):
    code, out, err = run_main(["--db", str(db), *DAY, "export", "-o", "-"])
    assert code == 0 and err == "" and "Seed Co" in out and not (tmp_path / "-").exists()
    # /dev/stdout is a link to the open descriptor; one of our own to it, so the
    # real /dev/stdout is never named by a test.
    to_stdout = _link(tmp_path / "stdout", "/proc/self/fd/1")
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc here")
    result = cli_subprocess("--db", str(db), *DAY, "export", "--format", "csv", "-o", str(to_stdout))
    assert result.returncode == 0, result.stderr
    assert "Seed Co" in result.stdout
    assert to_stdout.is_symlink() and os.readlink(to_stdout) == "/proc/self/fd/1"


@POSIX
def test_export_to_a_socket_is_refused(tmp_path, db):
    sock_path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        code, out, err = run_main(["--db", str(db), *DAY, "export", "-o", str(sock_path)])
        assert_one_line_refusal(code, out, err)
        assert "socket" in err
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    finally:
        server.close()


def test_the_lock_file_is_never_made_before_the_checks(tmp_path):
    # The lock is beside the real file; a refused target has none (see above); a
    # good one gets it on the first write, 0600.
    path = tmp_path / "waiting-room.json"
    seed(path)
    assert stat.S_IMODE(os.stat(files.lock_path(path)).st_mode) == 0o600
