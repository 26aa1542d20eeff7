"""A rolling daily backup: on the first write of a day, the file as it was is kept.

Backups live in ``backups/`` beside the database, one per day, the :data:`KEEP`
written last kept (by when they were written, not by the date in their name: a
clock that jumped to 2099 and back must not make every later backup the
"oldest"). Each is written atomically, so a crash during rotation leaves whole
files only. The folder must be a real folder of ours that no one else can
write (``guard.private_dir``); only regular files of ours in it count as backups.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from datetime import date
from pathlib import Path

from waiting_room.store import guard
from waiting_room.store.errors import Refused
from waiting_room.store.files import TMP_SUFFIX, DirSyncFailed, atomic_write, is_stale

KEEP = 7


def folder(path: Path) -> Path:
    return path.parent / "backups"


def _name(path: Path, day: str) -> str:
    """``waiting-room.2026-11-20.json`` for ``waiting-room.json``. Stem and suffix both
    count, so two databases sharing a folder (jobs.json, jobs.txt) never share backups."""
    return f"{path.stem}.{day}{path.suffix}"


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(path.stem) + r"\.(\d{4}-\d{2}-\d{2})" + re.escape(path.suffix))


def all_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first by when they were written (then by name).

    Nothing is trusted from a folder that is not ours (a planted symlink to
    someone else's folder), and only regular files of ours count.
    """
    where = folder(path)
    if not guard.trusted_dir(where):
        return []
    pattern = _pattern(path)
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(where):
            if pattern.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    st = entry.stat(follow_symlinks=False)
                    if guard.own_regular(st):
                        found.append((st.st_mtime_ns, entry.name, where / entry.name))
    return [p for _, _, p in sorted(found)]


def newest(path: Path) -> Path | None:
    found = all_backups(path)
    return found[-1] if found else None


def backup_if_due(path: Path, current: bytes, today: date) -> Path | None:
    """Keep ``current`` (the bytes about to be replaced) as today's backup, once a day.

    Returns the backup it made (the caller removes it if the save then fails), or None.
    """
    if not current.strip():
        return None
    where = folder(path)
    guard.private_dir(where, "backups")
    _remove_stale_temps(path)
    target = where / _name(path, today.isoformat())
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    if st is not None:
        if guard.own_regular(st):
            return None  # today's is kept already
        raise Refused(
            f"the backup {target} is {guard.what(st.st_mode) if not guard.stat.S_ISREG(st.st_mode) else 'not yours'}, "
            f"not a backup of yours; nothing was written; look at it, then remove it: rm {guard._quote(target)}"
        )
    try:
        atomic_write(target, current)
    except DirSyncFailed:
        with contextlib.suppress(OSError):
            target.unlink()  # replaced, but perhaps not on disk: not a backup to count on
        raise
    for old in all_backups(path)[:-KEEP]:
        if old != target:  # the one just written is the newest, whatever the clock said
            with contextlib.suppress(OSError):
                old.unlink()
    return target


def _remove_stale_temps(path: Path) -> None:
    """Delete half-written backups a killed writer left (private data, never read). Under the lock."""
    where = folder(path)
    if not where.is_dir():
        return
    # Only this database's backups' temp files: ".<stem>.<date><suffix>.<random>.tmp".
    mine = re.compile(r"\." + _pattern(path).pattern + r"\..*" + re.escape(TMP_SUFFIX))
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(where):
            if mine.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    if is_stale(entry.stat(follow_symlinks=False), now):  # a young one may be live
                        os.unlink(entry.path)
