"""A rolling daily backup: on the first write of a day, the file as it was is kept.

Backups live in ``backups/`` beside the database, one per day, the newest
:data:`KEEP` kept. Each is written atomically, so a crash during rotation
leaves whole files only.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

from waiting_room.store.files import TMP_SUFFIX, atomic_write

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
    """Backups of ``path``, oldest first."""
    where = folder(path)
    if not where.is_dir():
        return []
    pattern = _pattern(path)
    return sorted(p for p in where.iterdir() if pattern.fullmatch(p.name))


def newest(path: Path) -> Path | None:
    found = all_backups(path)
    return found[-1] if found else None


def backup_if_due(path: Path, current: bytes, today: date) -> Path | None:
    """Keep ``current`` (the bytes about to be replaced) as today's backup, once a day."""
    _remove_stale_temps(path)
    if not current.strip():
        return None
    target = folder(path) / _name(path, today.isoformat())
    if target.exists():
        return None
    atomic_write(target, current)
    for old in all_backups(path)[:-KEEP]:
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
    with contextlib.suppress(OSError):
        for entry in where.iterdir():
            if mine.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    entry.unlink()
