"""The guard under races and odd paths (review of issue 16)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from waiting_room.store import files, guard
from waiting_room.store.database import Database
from waiting_room.store.errors import Refused

from storekit import TODAY, sample_app, write_doc

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and links")


# --- a save racing a read ----------------------------------------------------------------


def test_a_save_between_the_check_and_the_open_is_no_refusal(tmp_path, monkeypatch):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    new = write_doc(tmp_path / "next.json", [sample_app(1)])
    real_open = guard.os.open
    swapped = []

    def open_after_a_save(path, flags, *args):
        if not swapped and os.fspath(path) == str(db_path):
            swapped.append(True)
            files.atomic_write(db_path, new)  # another session's save lands right here
        return real_open(path, flags, *args)

    monkeypatch.setattr(guard.os, "open", open_after_a_save)
    assert guard.read_database(db_path) == new
    assert swapped


def test_reads_racing_a_writer_in_a_loop_never_fail(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    raws = [write_doc(tmp_path / f"v{i}.json", [sample_app(i)]) for i in range(2)]
    files.atomic_write(db_path, raws[0])
    stop = threading.Event()

    def save_in_a_loop() -> None:
        i = 0
        while not stop.is_set():
            files.atomic_write(db_path, raws[i % 2])
            i += 1

    writer = threading.Thread(target=save_in_a_loop, daemon=True)
    writer.start()
    failures = []
    try:
        for _ in range(3000):
            try:
                assert guard.read_database(db_path) in raws
            except Refused as error:
                failures.append(str(error))
    finally:
        stop.set()
        writer.join(5)
    assert failures == []
