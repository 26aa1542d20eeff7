"""The lock holds even when its file is unlinked or replaced while writers run (issue 16).

The sweep deleted the lock file in a loop under concurrent writers and lost 59 of 306
acknowledged writes: a writer that opened the old file, and another that created a
new one, each held "the" lock. Each writer now checks, after taking the lock, that
the file it locked is still the one at the lock's name, and starts again otherwise.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import time

import pytest

from waiting_room.store import files

from storekit import ids_in, sample_app, write_doc

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and flock")


@pytest.mark.parametrize("folder_mode", [0o700, 0o755, 0o1777], ids=["private", "0755", "sticky"])
def test_deleting_the_lock_in_a_loop_loses_no_acknowledged_write(tmp_path, spawn_writer, folder_mode):
    # Private: the database's folder is locked. Readable by others (a 0755 home) or
    # shared and sticky (/tmp): a private lock folder of ours beside the database is.
    folder = tmp_path / "home"
    folder.mkdir()
    os.chmod(folder, folder_mode)
    db_path = folder / "waiting-room.json"
    write_doc(db_path, [sample_app(i) for i in range(50)])
    lock = files.lock_path(db_path)
    # A slow fsync widens each transaction, so deletions land while writers hold the lock.
    procs = [spawn_writer(db_path, f"w{n}", count=40, slow_fsync=0.002) for n in range(4)]
    stop = threading.Event()
    deleted = 0

    def delete_in_a_loop() -> None:
        nonlocal deleted
        while not stop.is_set():
            try:
                os.unlink(lock)
                deleted += 1
            except FileNotFoundError:
                pass
            time.sleep(0.0005)

    thread = threading.Thread(target=delete_in_a_loop, daemon=True)
    thread.start()
    acked: list[str] = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            acked += [line for line in out.split() if line != "ready"]
    finally:
        stop.set()
        thread.join(5)
    assert deleted > 20, "the loop should have deleted the lock file many times"
    assert len(acked) == 160
    ids = ids_in(db_path)
    assert set(acked) <= set(ids), f"lost {len(set(acked) - set(ids))} acknowledged writes"
    assert len(ids) == 210 and len(set(ids)) == 210



def test_a_lock_file_unlinked_between_open_and_lock_is_not_trusted(tmp_path, monkeypatch):
    # A folder others can read (a 0755 home): only the lock file is locked there.
    folder = tmp_path / "home"
    folder.mkdir()
    os.chmod(folder, 0o755)
    db_path = folder / "waiting-room.json"
    lock = files.lock_path(db_path)
    real_acquire = files._acquire
    other: list[int] = []

    def racing_acquire(fd: int, timeout: float, **kwargs) -> bool:
        if not other and stat.S_ISREG(os.fstat(fd).st_mode):
            # Between our open and our lock, someone unlinks the file, and another
            # writer creates a new one and locks it.
            os.unlink(lock)
            new = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            assert real_acquire(new, 0)
            other.append(new)
        return real_acquire(fd, timeout, **kwargs)

    monkeypatch.setattr(files, "_acquire", racing_acquire)
    try:
        with files.locked(db_path, timeout=0.3) as got:
            # The old file's lock is no lock: we must wait for the new one (and time out).
            assert got is False
    finally:
        for fd in other:
            os.close(fd)


@pytest.mark.parametrize("err", ["ENOLCK", "EBADF", "EINVAL", "EOPNOTSUPP"])
def test_a_folder_that_cannot_be_locked_falls_back_to_the_lock_file(tmp_path, monkeypatch, err):
    # NFS and some others refuse flock on a folder: every save failed.
    import errno
    import fcntl
    import stat as stat_module
    from datetime import date

    from waiting_room.store.database import Database

    from storekit import sample_app

    real_flock = fcntl.flock
    locked_files = []

    def flock(fd, op):
        if stat_module.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(getattr(errno, err), os.strerror(getattr(errno, err)))
        if op & fcntl.LOCK_EX:
            locked_files.append(fd)
        return real_flock(fd, op)

    monkeypatch.setattr(fcntl, "flock", flock)
    db_path = tmp_path / "waiting-room.json"
    with Database(db_path, today=date(2026, 11, 20)).transaction() as tx:
        tx.add(sample_app(1))
    assert ids_in(db_path) == ["base00001"]
    assert locked_files, "the lock file is still locked"


def _shared_home(tmp_path, mode: int = 0o755):
    folder = tmp_path / "home"
    folder.mkdir()
    os.chmod(folder, mode)
    return folder / "waiting-room.json"


def test_in_a_folder_others_can_read_a_private_lock_folder_of_ours_is_locked(tmp_path):
    db_path = _shared_home(tmp_path)
    old = os.umask(0o022)
    try:
        with files.locked(db_path) as got:
            assert got
            where = files.lock_dir_path(db_path)
            st = os.lstat(where)
            assert stat.S_ISDIR(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o700 and st.st_uid == os.getuid()
            with pytest.raises(OSError):
                os.rmdir(where)  # not empty: rmdir cannot take it away under a writer
    finally:
        os.umask(old)


@pytest.mark.parametrize("planted", ["link", "file"])
def test_a_lock_folder_that_is_a_link_or_a_file_is_refused(tmp_path, planted):
    from waiting_room.store.errors import Refused

    db_path = _shared_home(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    where = files.lock_dir_path(db_path)
    if planted == "link":
        where.symlink_to(elsewhere)
    else:
        where.write_text("")
    with pytest.raises(Refused, match="lock folder"):
        with files.locked(db_path):
            pass
    assert list(elsewhere.iterdir()) == []
    assert not files.lock_path(db_path).exists()


def test_a_planted_lock_link_in_a_shared_folder_leaves_no_lock_folder(tmp_path):
    from waiting_room.store.errors import Refused

    db_path = _shared_home(tmp_path)
    target = tmp_path / "target"
    files.lock_path(db_path).symlink_to(target)
    with pytest.raises(Refused, match="symlink"):
        with files.locked(db_path):
            pass
    assert sorted(p.name for p in db_path.parent.iterdir()) == [files.lock_path(db_path).name]
    assert not target.exists()
