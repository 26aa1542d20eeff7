"""Small private files beside the database that only save work (caches).

Losing one costs a little time, so they are not fsynced; but one must never be
seen half-written, and it must stay as private as the database: each is
written to a temp file created 0600 and renamed over the old one. Only ``os``
is used, so the login message can write one without importing more.
"""

from __future__ import annotations

import os
from pathlib import Path


def sidecar_path(db: Path, kind: str) -> Path:
    """``.<database name>.<kind>``, in the database's own folder."""
    return db.with_name(f".{db.name}.{kind}")


def write_private(target: Path, data: bytes) -> bool:
    """Replace ``target`` with ``data`` in one step; False (and nothing left) if it failed.

    The temp file is ``<target>.<pid>.tmp``: the database's own temp-file cleanup
    leaves it alone (see ``files._is_temp_of``).
    """
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
    return True
