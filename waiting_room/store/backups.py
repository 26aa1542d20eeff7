"""A rolling daily backup: on the first write of a day, the file as it was is kept.

Backups live in ``backups/`` beside the database, one per day, the :data:`KEEP`
written last kept (by when they were written, not by the date in their name: a
clock that jumped to 2099 and back must not make every later backup the
"oldest"; those stamped in the future count as the oldest of all). Each is written atomically, so a crash during rotation leaves whole
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
from waiting_room.store.files import CLOCK_SLACK, TMP_SUFFIX, DirSyncFailed, atomic_write, is_stale

KEEP = 7


def folder(path: Path) -> Path:
    return path.parent / "backups"


def _name(path: Path, day: str) -> str:
    """``waiting-room.2026-11-20.json`` for ``waiting-room.json``. Stem and suffix both
    count, so two databases sharing a folder (jobs.json, jobs.txt) never share backups."""
    return f"{path.stem}.{day}{path.suffix}"


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(path.stem) + r"\.(\d{4}-\d{2}-\d{2})" + re.escape(path.suffix))


def _listed(path: Path) -> list[tuple[bool, int, str, Path]]:
    """``(from the present, mtime, name, path)`` for each backup of ``path``, oldest first.

    A backup stamped more than a day ahead of the clock was written while the
    clock was wrong (it jumped to 2099 and back): the clock that stamps files is
    the one that jumped, so its stamp says nothing about when it was written.
    Such backups count as the oldest of all, the first to go, and never the newest.
    """
    where = folder(path)
    if not guard.trusted_dir(where):
        return []
    pattern = _pattern(path)
    ahead = time.time() + CLOCK_SLACK
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(where):
            if pattern.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    st = entry.stat(follow_symlinks=False)
                    if guard.own_regular(st):
                        found.append((st.st_mtime <= ahead, st.st_mtime_ns, entry.name, where / entry.name))
    return sorted(found)


def all_backups(path: Path) -> list[Path]:
    """Backups of ``path``, oldest first by when they were written (then by name);
    those stamped in the future first of all (see :func:`_listed`).

    Nothing is trusted from a folder that is not ours (a planted symlink to
    someone else's folder), and only regular files of ours count.
    """
    return [p for *_, p in _listed(path)]


def newest(path: Path) -> Path | None:
    """The backup written last, for the restore hint: never one stamped in the future
    while another exists (only when all of them are does the hint name one)."""
    found = _listed(path)
    if not found:
        return None
    present = [p for now, *_, p in found if now]
    return present[-1] if present else found[-1][-1]


def backup_if_due(path: Path, current: bytes, today: date) -> Path | None:
    """Keep ``current`` (the bytes about to be replaced) as today's backup, once a day.

    Returns the backup it made (the caller removes it if the save then fails, and
    calls :func:`prune` once it succeeded), or None.
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
    return target


def prune(path: Path, made: Path | None) -> None:
    """Keep the :data:`KEEP` backups written last. Called once the save that made
    ``made`` replaced the database (a failed save must not cost the oldest backup),
    and with ``None`` before a save, to clear what a save killed before this step
    left above :data:`KEEP` (never fewer than that remain). ``made``, the one just
    written, is never deleted, whatever the clock said."""
    for old in all_backups(path)[:-KEEP]:
        if old != made:
            with contextlib.suppress(OSError):
                old.unlink()


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
