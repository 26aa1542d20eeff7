"""Daily backups belong to one database each."""

from __future__ import annotations

from storekit import TODAY, sample_app


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path):
    from datetime import timedelta

    from waiting_room.store import backups
    from waiting_room.store.database import Database

    jobs_json, jobs_txt = tmp_path / "jobs.json", tmp_path / "jobs.txt"
    for path, n in ((jobs_json, 1), (jobs_txt, 2)):
        with Database(path, today=TODAY).transaction() as tx:
            tx.add(sample_app(n))
        with Database(path, today=TODAY + timedelta(days=1)).transaction() as tx:
            tx.add(sample_app(n + 10))
    json_backup, txt_backup = backups.newest(jobs_json), backups.newest(jobs_txt)
    assert json_backup != txt_backup
    assert sample_app(1).company in json_backup.read_text()
    assert sample_app(2).company in txt_backup.read_text()


# --- backups that survive a bad day (issue 16) ---------------------------------------------

import errno  # noqa: E402
import os  # noqa: E402
import stat  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402

import pytest  # noqa: E402

from waiting_room import cli  # noqa: E402
from waiting_room.store import backups, files  # noqa: E402
from waiting_room.store.database import Database  # noqa: E402
from waiting_room.store.errors import CorruptDatabase, SaveFailed  # noqa: E402

from storekit import ids_in, write_doc  # noqa: E402


def _write_on(db_path, day: date, n: int) -> None:
    with Database(db_path, today=day).transaction() as tx:
        tx.add(sample_app(n))
    time.sleep(0.02)  # backups are ordered by when they were written: keep the stamps apart


@pytest.mark.parametrize("emptied", [b"", b"  \n\t\n"], ids=["0-byte", "whitespace"])
def test_an_emptied_database_with_backups_is_damage_not_a_fresh_start(tmp_path, capsys, emptied):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    _write_on(db_path, TODAY, 1)
    backup = backups.newest(db_path)
    assert backup is not None
    kept = backup.read_bytes()
    db_path.write_bytes(emptied)
    with pytest.raises(CorruptDatabase, match="empty"):
        Database(db_path, today=TODAY).load()
    for argv in (["status"], ["add", "--company", "A", "--role", "R"], ["export"]):
        assert cli.main(["--db", str(db_path), "--today", str(TODAY + timedelta(days=1)), *argv]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "empty" in err and f"cp {backup} {db_path}" in err, err
    assert db_path.read_bytes() == emptied and backup.read_bytes() == kept
    assert backups.all_backups(db_path) == [backup]


def test_an_empty_file_without_backups_is_still_a_new_database(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    db_path.write_bytes(b"")
    assert Database(db_path, today=TODAY).load() == []
    _write_on(db_path, TODAY, 1)
    assert ids_in(db_path) == ["base00001"]


def test_a_clock_jump_to_2099_and_back_keeps_the_backups_written_last(tmp_path):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    future = [date(2099, 1, 1) + timedelta(days=i) for i in range(8)]
    for i, day in enumerate(future):
        _write_on(db_path, day, 100 + i)
    assert len(backups.all_backups(db_path)) == backups.KEEP
    back = [TODAY + timedelta(days=i) for i in range(4)]
    for i, day in enumerate(back):
        _write_on(db_path, day, 200 + i)
        names = [p.name for p in backups.all_backups(db_path)]
        assert names[-1] == f"waiting-room.{day}.json", names  # the newest is never deleted
    names = [p.name for p in backups.all_backups(db_path)]
    assert names == [f"waiting-room.{d}.json" for d in future[-3:] + back]
    # the newest backup holds everything written before today's first write
    assert "base00202" in ids_in(backups.newest(db_path))


def test_a_failed_save_leaves_no_new_backup(tmp_path, monkeypatch, capsys):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    week = [TODAY + timedelta(days=i) for i in range(backups.KEEP)]
    for i, day in enumerate(week):
        _write_on(db_path, day, 1 + i)
    kept = [p.name for p in backups.all_backups(db_path)]
    assert kept == [f"waiting-room.{d}.json" for d in week]
    before = db_path.read_bytes()
    real_replace = os.replace

    def full_disk_at_the_database(src, dst, *args, **kwargs):
        if os.fspath(dst) == str(db_path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", full_disk_at_the_database)
    tomorrow = week[-1] + timedelta(days=1)
    with pytest.raises(SaveFailed, match="nothing was changed"):
        _write_on(db_path, tomorrow, 99)
    assert db_path.read_bytes() == before
    # all seven are still there: the oldest is pruned only once a save succeeded
    assert [p.name for p in backups.all_backups(db_path)] == kept
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_backups_a_killed_save_left_above_the_limit_go_at_the_next_save(tmp_path, monkeypatch):
    # A save killed after its day's backup and before its prune leaves one too
    # many; two such days, two. The next save trims them before it adds its own,
    # so there are never more than KEEP + 1, and never fewer than KEEP.
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    days = [TODAY + timedelta(days=i) for i in range(backups.KEEP + 2)]
    folder = backups.folder(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    for i, day in enumerate(days):
        made = folder / f"waiting-room.{day}.json"
        made.write_bytes(db_path.read_bytes())
        made.chmod(0o600)
        os.utime(made, (1_700_000_000 + i * 86400,) * 2)
    assert len(backups.all_backups(db_path)) == backups.KEEP + 2
    # this save too is "killed" just before its own prune
    real_prune = backups.prune
    monkeypatch.setattr(backups, "prune", lambda path, made: None if made is not None else real_prune(path, made))
    _write_on(db_path, days[-1] + timedelta(days=1), 5)
    left = [p.name for p in backups.all_backups(db_path)]
    assert len(left) == backups.KEEP + 1
    assert left[-1] == f"waiting-room.{days[-1] + timedelta(days=1)}.json"


def _fsync_failing_on_folders(err: int, only=None):
    real_fsync = os.fsync

    def fsync(fd):
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) and (only is None or st.st_ino == os.stat(only).st_ino):
            raise OSError(err, os.strerror(err))
        return real_fsync(fd)

    return fsync


def test_an_io_error_on_the_folder_fsync_is_reported(tmp_path, monkeypatch, capsys):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    monkeypatch.setattr(files.os, "fsync", _fsync_failing_on_folders(errno.EIO, only=tmp_path))
    code = cli.main(["--db", str(db_path), "--today", str(TODAY), "add", "--company", "A", "--role", "R"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "may not have reached the disk" in err and "Input/output error" in err


def test_an_io_error_on_the_backups_folder_fsync_fails_the_save(tmp_path, monkeypatch, capsys):
    db_path = tmp_path / "waiting-room.json"
    before = write_doc(db_path, [sample_app(0)])
    backups.folder(db_path).mkdir(mode=0o700)
    monkeypatch.setattr(files.os, "fsync", _fsync_failing_on_folders(errno.EIO, only=backups.folder(db_path)))
    code = cli.main(["--db", str(db_path), "--today", str(TODAY), "add", "--company", "A", "--role", "R"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Input/output error" in err and "nothing was changed" in err
    assert db_path.read_bytes() == before and backups.all_backups(db_path) == []


def test_a_folder_fsync_the_filesystem_cannot_do_is_no_error(tmp_path, monkeypatch):
    db_path = tmp_path / "waiting-room.json"
    monkeypatch.setattr(files.os, "fsync", _fsync_failing_on_folders(errno.EINVAL))
    _write_on(db_path, TODAY, 1)
    assert ids_in(db_path) == ["base00001"]


def _stamp(path, day: date) -> None:
    """Give ``path`` the mtime a clock showing ``day`` would have written."""
    import calendar

    when = calendar.timegm(day.timetuple()) + 12 * 3600
    os.utime(path, (when, when))


def test_backups_stamped_by_a_clock_in_2099_go_first_and_are_never_the_newest(tmp_path, capsys):
    # The clock (which stamps the files) jumped to 2099 for a week and came back.
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    future = [date(2099, 1, 1) + timedelta(days=i) for i in range(backups.KEEP)]
    for i, day in enumerate(future):
        _write_on(db_path, day, 100 + i)
        _stamp(backups.folder(db_path) / f"waiting-room.{day}.json", day)
    assert len(backups.all_backups(db_path)) == backups.KEEP
    back = [TODAY + timedelta(days=i) for i in range(backups.KEEP)]
    for i, day in enumerate(back):
        _write_on(db_path, day, 200 + i)
        names = [p.name for p in backups.all_backups(db_path)]
        # each day's backup is kept, and the 2099 ones are the first to go
        assert names == [f"waiting-room.{d}.json" for d in future[i + 1:] + back[: i + 1]], names
        assert backups.newest(db_path).name == f"waiting-room.{day}.json"
    # after a week, none of the 2099 files is left
    assert [p.name for p in backups.all_backups(db_path)] == [f"waiting-room.{d}.json" for d in back]


def test_the_restore_hint_never_names_a_backup_from_the_future(tmp_path, capsys):
    db_path = tmp_path / "waiting-room.json"
    write_doc(db_path, [sample_app(0)])
    _write_on(db_path, TODAY, 1)
    present = backups.newest(db_path)
    _write_on(db_path, date(2099, 1, 1), 2)
    ahead = backups.folder(db_path) / "waiting-room.2099-01-01.json"
    _stamp(ahead, date(2099, 1, 1))
    assert backups.newest(db_path) == present
    db_path.write_bytes(b"{ torn")
    assert cli.main(["--db", str(db_path), "--today", str(TODAY), "status"]) == 2
    err = capsys.readouterr().err
    assert f"cp {present} {db_path}" in err and "2099" not in err
