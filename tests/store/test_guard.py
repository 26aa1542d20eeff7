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


# --- links, as the kernel follows them ---------------------------------------------------


@POSIX
def test_a_dot_dot_link_under_a_linked_folder_is_the_file_the_kernel_opens(tmp_path):
    real = tmp_path / "a" / "b"
    real.mkdir(parents=True)
    (tmp_path / "linked").symlink_to(real)
    (real / "wr.json").symlink_to("../wr.json")  # a/b/../wr.json is a/wr.json
    kernels = tmp_path / "a" / "wr.json"
    write_doc(kernels, [sample_app(1)])
    decoy = write_doc(tmp_path / "wr.json", [sample_app(2)])  # what "linked/../wr.json" reads as text
    path = tmp_path / "linked" / "wr.json"
    assert guard.resolve(path) == os.path.realpath(path) == str(kernels)
    with Database(path, today=TODAY).transaction() as tx:
        tx.add(sample_app(3))
    assert (tmp_path / "wr.json").read_bytes() == decoy
    assert "base00003" in kernels.read_text()


@POSIX
def test_dot_dot_after_a_linked_folder_in_the_given_path_goes_up_from_its_target(tmp_path):
    real = tmp_path / "x" / "y"
    real.mkdir(parents=True)
    (tmp_path / "link").symlink_to(real)
    assert guard.resolve(f"{tmp_path}/link/../wr.json") == str(tmp_path / "x" / "wr.json")


@POSIX
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to lchown a link")
def test_a_folder_link_of_another_user_on_the_way_is_refused(tmp_path):
    from waiting_room import cli

    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    db_path = real / "wr.json"
    before = write_doc(db_path, [sample_app(1)])
    link = tmp_path / "planted"
    link.symlink_to(real)
    os.lchown(link, 4242, 4242)
    with pytest.raises(Refused, match="belongs to another user"):
        guard.resolve(link / "wr.json")
    for argv in (["add", "--company", "A", "--role", "R"], ["status"]):
        assert cli.main(["--db", str(link / "wr.json"), "--today", str(TODAY), *argv]) == 2
    assert db_path.read_bytes() == before and sorted(p.name for p in real.iterdir()) == ["wr.json"]


# --- group-writable, umask 002 -----------------------------------------------------------

ROOT = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")


def _user_private_group() -> bool:
    import grp
    import pwd

    group = grp.getgrgid(os.getgid())
    user = pwd.getpwuid(os.getuid()).pw_name
    return group.gr_name == user and all(m == user for m in group.gr_mem)


@POSIX
@ROOT
def test_group_writable_is_fine_when_the_group_is_our_own_private_group(tmp_path):
    from waiting_room import cli

    if not _user_private_group():
        pytest.skip("our group is not a user private group here")
    folder = tmp_path / "umask002"
    folder.mkdir()
    os.chmod(folder, 0o775)
    db_path = folder / "wr.json"
    write_doc(db_path, [sample_app(1)])
    os.chmod(db_path, 0o664)
    assert cli.main(["--db", str(db_path), "--today", str(TODAY), "add", "--company", "A", "--role", "R"]) == 0
    assert "base00001" in db_path.read_text() and '"A"' in db_path.read_text()


@POSIX
@ROOT
def test_group_writable_by_another_group_is_still_refused(tmp_path, capsys):
    from waiting_room import cli

    folder = tmp_path / "shared-group"
    folder.mkdir()
    os.chown(folder, 0, 4242)
    os.chmod(folder, 0o775)
    db_path = folder / "wr.json"
    before = write_doc(db_path, [sample_app(1)])
    assert cli.main(["--db", str(db_path), "--today", str(TODAY), "add", "--company", "A", "--role", "R"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "can be written by other users" in err
    assert db_path.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["wr.json"]
    # and world-writable, whatever the group
    os.chown(folder, 0, 0)
    os.chmod(folder, 0o777)
    assert cli.main(["--db", str(db_path), "--today", str(TODAY), "add", "--company", "A", "--role", "R"]) == 2
    assert db_path.read_bytes() == before


# --- the words of a refusal --------------------------------------------------------------


def test_a_file_where_a_folder_should_be_is_called_a_file(tmp_path, capsys):
    from waiting_room import cli

    (tmp_path / "notes").write_text("mine")
    assert cli.main(["--db", str(tmp_path / "notes" / "wr.json"), "--today", str(TODAY),
                     "add", "--company", "A", "--role", "R"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a file, not a folder" in err


@POSIX
def test_refusals_of_a_named_file_do_not_speak_of_a_command_line_option(tmp_path, capsys):
    # The draft screen shows these words too: "-o:" belongs to the CLI alone.
    from waiting_room import cli

    with pytest.raises(Refused) as refused:
        files.write_named(tmp_path, b"draft")
    assert not str(refused.value).startswith("-o")
    assert cli.main(["--db", str(tmp_path / "wr.json"), "--today", str(TODAY), "export", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-o: " in err and "folder" in err
