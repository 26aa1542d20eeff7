"""Where the database lives: ``--db``, then ``WAITING_ROOM_DB``, then the platform's data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "WAITING_ROOM_DB"
FILE_NAME = "waiting-room.json"


def default_db_path() -> Path:
    # platformdirs is imported only here, so a --db or WAITING_ROOM_DB start skips it.
    from platformdirs import user_data_path

    return user_data_path("waiting-room") / FILE_NAME


def db_path(option: str | None) -> Path:
    chosen = option or os.environ.get(ENV_DB)
    return Path(chosen).expanduser() if chosen else default_db_path()
