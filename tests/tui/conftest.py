"""Fixtures for driving the real app with Pilot on the demo data, on a pinned date."""

from __future__ import annotations

from pathlib import Path

import pytest

from waiting_room.store.database import Database
from waiting_room.tui.app import WaitingRoomApp
from waiting_room.tui.run import make_demo_database

from tuikit import TODAY  # noqa: E402


@pytest.fixture
def demo_db(tmp_path: Path) -> Database:
    return make_demo_database(TODAY, tmp_path)


@pytest.fixture
def make_app(demo_db: Database):
    def make(db: Database | None = None, **kwargs) -> WaitingRoomApp:
        return WaitingRoomApp(db or demo_db, TODAY, reload_every=None, **kwargs)

    return make
