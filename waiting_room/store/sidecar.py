"""Small private files beside the database that only save work (caches).

Losing one costs a little time, so they are not fsynced. But one must never be
seen half-written, must stay as private as the database, and must never be
trusted when someone else could have written it:

* it lives beside the database's real file (a symlinked database keeps its
  caches beside its target, where ``Database`` writes);
* it is written to a new temp file with a random name, created 0600 and
  exclusively (never through a link), then renamed over the old one; a temp
  file left by a crash is removed by the next write;
* it is read only if it is a regular file, not a link, owned by this user and
  readable by no one else.

Only ``os`` is used, so the login message can read and write one without
importing more.
"""

from __future__ import annotations

import os
from pathlib import Path

_TEMP_SUFFIX = ".tmp"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
_REGULAR = 0o100000  # stat.S_IFREG (the stat module is one more import)
_KIND = 0o170000  # stat.S_IFMT


def sidecar_path(db: Path, kind: str) -> Path:
    """``.<database name>.<kind>``, beside the database's real file."""
    real = Path(os.path.realpath(db))
    return real.with_name(f".{real.name}.{kind}")


def _temps_of(target: Path) -> list[str]:
    """Temp files of earlier writes of ``target``: ``<target>.<12 hex>.tmp``."""
    prefix = target.name + "."
    found = []
    try:
        with os.scandir(target.parent) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(prefix) and name.endswith(_TEMP_SUFFIX):
                    middle = name[len(prefix):-len(_TEMP_SUFFIX)]
                    if len(middle) == 12 and all(c in "0123456789abcdef" for c in middle):
                        found.append(entry.path)
    except OSError:
        pass
    return found


def write_private(target: Path, data: bytes) -> bool:
    """Replace ``target`` with ``data`` in one step; False (and no temp left) if it failed.

    The database's own temp-file cleanup leaves these temps alone (see
    ``files._is_temp_of``); this one removes those of ``target`` that a killed
    writer left (another process's write in flight then simply fails: it is a cache).
    """
    for stale in _temps_of(target):
        try:
            os.unlink(stale)
        except OSError:
            pass
    temp = ""
    try:
        for _ in range(10):
            name = f"{target}.{os.urandom(6).hex()}{_TEMP_SUFFIX}"
            try:
                fd = os.open(name, _CREATE, 0o600)
            except FileExistsError:
                continue
            temp = name  # ours from here on
            break
        else:
            return False
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temp, target)
        temp = ""
        return True
    except OSError:
        return False
    finally:
        if temp:  # failed or interrupted after the temp was made: it holds the data
            try:
                os.unlink(temp)
            except OSError:
                pass


def read_private(path: Path) -> bytes | None:
    """The bytes of ``path`` if this user alone could have written it, else None."""
    try:
        fd = os.open(path, _OPEN)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if st.st_mode & _KIND != _REGULAR:
            return None
        if os.name == "posix" and (st.st_uid != os.getuid() or st.st_mode & 0o077):
            return None
        from waiting_room.store.guard import read_all  # (on the status path already)

        return read_all(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
