"""Several processes at once: nothing lost; the lock waits for a live holder, never a dead one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from waiting_room.store import files
from waiting_room.store.database import Database
from waiting_room.store.errors import Busy

from storekit import TODAY, ids_in, sample_app, write_doc

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and flock")


def test_four_processes_writing_at_once_lose_nothing(tmp_path, spawn_writer):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(i) for i in range(200)])
    procs = [spawn_writer(db_path, f"w{n}", count=25) for n in range(4)]
    acked: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        lines = out.splitlines()
        assert lines[0] == "ready"
        acked += lines[1:]
    assert len(acked) == 100
    ids = ids_in(db_path)
    assert len(ids) == 300 and len(set(ids)) == 300
    assert set(acked) <= set(ids)
    assert {f"w{n}-{i}" for n in range(4) for i in range(25)} == set(acked)


def test_four_processes_without_ids_get_distinct_ids(tmp_path, child_env):
    # Ids are generated inside the lock from a fresh read, so concurrent writers
    # that let the store choose never collide, and TinyDB's doc ids never clash.
    db_path = tmp_path / "waiting-room.json"
    script = tmp_path / "anon.py"
    script.write_text(
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from waiting_room.core.model import Application\n"
        "from waiting_room.store.database import Database\n"
        "db = Database(Path(sys.argv[1]), today=date(2026, 11, 20))\n"
        "for i in range(25):\n"
        "    with db.transaction() as tx:\n"
        "        print(tx.add(Application(id='', company='Anon', role=str(i))).id, flush=True)\n"
    )
    procs = [
        subprocess.Popen([sys.executable, str(script), str(db_path)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=child_env())
        for _ in range(4)
    ]
    printed = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        printed += out.split()
    apps = Database(db_path, today=TODAY).load()
    assert len(apps) == 100
    assert len({a.id for a in apps}) == 100
    assert sorted(printed) == sorted(a.id for a in apps)


HOLDER = """
import sys, time
from pathlib import Path
from waiting_room.store import files
with files.locked(Path(sys.argv[1])) as got:
    assert got
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
print("released", flush=True)
"""


@pytest.fixture
def hold_lock(tmp_path, child_env):
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    procs = []

    def hold(db_path: Path, seconds: float) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, str(script), str(db_path), str(seconds)],
                                stdout=subprocess.PIPE, text=True, env=child_env())
        procs.append(proc)
        assert proc.stdout.readline() == "locked\n"
        return proc

    yield hold
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()


def test_a_second_writer_waits_for_the_lock_then_proceeds(tmp_path, hold_lock):
    db_path = tmp_path / "waiting-room.json"
    holder = hold_lock(db_path, 0.8)
    started = time.monotonic()
    db = Database(db_path, today=TODAY)
    with db.transaction() as tx:
        waited = time.monotonic() - started
        assert holder.stdout.readline() == "released\n"  # we got in only after it let go
        tx.add(sample_app(1))
    assert waited >= 0.5
    assert [a.id for a in db.load()] == ["base00001"]


def test_a_dead_holders_lock_does_not_block(tmp_path, hold_lock):
    db_path = tmp_path / "waiting-room.json"
    holder = hold_lock(db_path, 60)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert files.lock_path(db_path).exists()  # the lock file stays; the lock does not
    started = time.monotonic()
    db = Database(db_path, today=TODAY, lock_timeout=5)
    with db.transaction() as tx:
        tx.add(sample_app(2))
    assert time.monotonic() - started < 1.0
    assert len(db.load()) == 1


def test_a_lock_held_too_long_is_a_clear_error_and_nothing_is_written(tmp_path, hold_lock):
    db_path = tmp_path / "waiting-room.json"
    raw = write_doc(db_path, [sample_app(1)])
    hold_lock(db_path, 30)
    db = Database(db_path, today=TODAY, lock_timeout=0.3)
    with pytest.raises(Busy) as info:
        with db.transaction() as tx:
            tx.add(sample_app(2))
    assert str(db_path) in str(info.value) and "\n" not in str(info.value)
    assert db_path.read_bytes() == raw
