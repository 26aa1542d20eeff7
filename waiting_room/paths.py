"""Where the database lives: ``--db``, then ``WAITING_ROOM_DB``, then the platform's data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DB = "WAITING_ROOM_DB"
FILE_NAME = "waiting-room.json"
APP_NAME = "waiting-room"


def _linux_data_dir() -> str | None:
    """``platformdirs.user_data_dir(APP_NAME)`` on Linux, where the answer is certain.

    Importing platformdirs costs more than the rest of ``status``'s start-up put
    together (it pulls in tempfile, random, hashlib...). On Linux its answer is
    the XDG rule: ``$XDG_DATA_HOME`` when that is an absolute path, else
    ``~/.local/share``, plus the app's name. Every platformdirs 4 release agrees
    on these cases; anything else (another platform, Android, a relative or
    blank XDG_DATA_HOME, a relative HOME) returns ``None`` and platformdirs
    decides. A test checks the two give the same path.
    """
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):
        return os.path.join(xdg, APP_NAME)
    if xdg:
        return None
    home = os.environ.get("HOME")
    if home is not None and not home.startswith("/"):
        return None
    base = os.path.expanduser("~/.local/share")
    return os.path.join(base, APP_NAME) if base.startswith("/") else None


def default_db_path() -> Path:
    folder = _linux_data_dir()
    if folder is not None:
        return Path(folder) / FILE_NAME
    from platformdirs import user_data_path  # only here: a --db or WAITING_ROOM_DB start skips it

    return user_data_path(APP_NAME) / FILE_NAME


def db_path(option: str | None) -> Path:
    chosen = option or os.environ.get(ENV_DB)
    return Path(chosen).expanduser() if chosen else default_db_path()
