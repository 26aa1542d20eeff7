"""A private cache of what ``status`` says, so the login message is quick.

``status`` runs at every login, and the database rarely changed since the
last one. The cache holds the finished summary (JSON and the text's parts)
beside the database, keyed by the database file's identity (inode, mtime,
size: every save replaces the file, so every save changes the key), the day,
and the app's version. Anything else, and it is simply computed again.

It lives in the database's own 0700 folder and is written 0600 and
atomically, like the database, and read only when no one else could have
written it (``sidecar``). Reading it needs only ``os`` and ``json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from waiting_room import __version__
from waiting_room.store.sidecar import read_private, sidecar_path, write_private

FORMAT = 1


def cache_path(db: Path, kind: str = "text") -> Path:
    """One file per kind ("text" parts, "json"): the login message reads only the small one."""
    return sidecar_path(db, f"status-{kind}")


def _key(db: Path, today: str) -> list[Any] | None:
    try:
        st = os.stat(db)
    except OSError:
        return None
    return [FORMAT, __version__, today, st.st_ino, st.st_mtime_ns, st.st_size]


def load(db: Path, today: str, kind: str) -> Any:
    """The cached ``kind`` of summary for ``db`` on ``today``, or None."""
    key = _key(db, today)
    if key is None:
        return None
    raw = read_private(cache_path(db, kind))
    if raw is None:
        return None
    try:
        cached = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(cached, dict) or cached.get("key") != key:
        return None
    return cached.get("value")


def save(db: Path, today: str, kind: str, value: Any, key: list[Any] | None = None) -> None:
    """Keep ``value`` for next time; a cache that cannot be written is no problem.

    ``key`` is the file's key as it was when ``value`` was computed from it.
    """
    key = key or _key(db, today)
    if key is None:
        return
    data = json.dumps({"key": key, "value": value}, ensure_ascii=False).encode("utf-8")
    write_private(cache_path(db, kind), data)


KINDS = ("text", "json")


def compute(db: Path, today: Any, kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    """What status says today, from the database (the slow path): {kind: answer}.

    The text needs the reasons of the few applications it names; the JSON needs
    every application's. So each kind is computed only when asked for.
    """
    from waiting_room.core import summary
    from waiting_room.store.document import bulk_reading, load_applications

    apps = load_applications(db)
    makers = {"json": summary.status_json, "text": summary.status_parts}
    # The JSON ranks every waiting application, so it reads every note unless the
    # readings were kept; the text reads a few notes, fewer than the file holds.
    every = "json" in kinds
    with bulk_reading():  # a short computation that makes many objects and no cycles
        if every:
            from waiting_room.store import readings

            readings.load(db)
        answers = {kind: makers[kind](apps, today) for kind in kinds}
    if every:
        readings.save(db, apps)
    return answers


def refresh(db: Path, today: Any, kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    """Compute and keep the answers of ``kinds`` (all by default); returns them.

    The key is taken before the file is read and checked again after: an answer
    computed while another process saved is returned but not kept, or it would
    stand for the newer file.
    """
    day = today.isoformat()
    before = _key(db, day)
    answers = compute(db, today, kinds)
    if before is not None and _key(db, day) == before:
        for kind, value in answers.items():
            save(db, day, kind, value, key=before)
    return answers
