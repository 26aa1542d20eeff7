"""Fixtures for the hostile sweep: a database full of attacks, and the app on it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from waiting_room.core.model import Application, Contact, Event, Kind, OwnTask
from waiting_room.store.database import Database
from waiting_room.tui.app import WaitingRoomApp

from hostilekit import HOSTILE, TODAY  # noqa: E402


def hostile_application(name: str = "") -> Application:
    """Every text field holds every attack; the notes give the reasons something to quote."""
    text = f"{name}{HOSTILE}"
    return Application(
        id="",
        company=text,
        role=text,
        link=text,
        notes=text,
        contacts=(Contact(text, text, text),),
        own_tasks=(OwnTask("own-1", text, date(2026, 11, 21)),),
        events=(
            Event(date(2026, 10, 30), Kind.APPLIED, text),
            Event(date(2026, 11, 10), Kind.INTERVIEW, f"{text} the hiring manager is on leave {text}"),
        ),
    )


@pytest.fixture
def hostile_db(tmp_path: Path) -> Database:
    db = Database(tmp_path / "hostile.json", today=TODAY)
    with db.transaction() as tx:
        tx.add(hostile_application())
    return db


@pytest.fixture
def make_app(hostile_db: Database):
    def make(db: Database | None = None, **kwargs) -> WaitingRoomApp:
        return WaitingRoomApp(db or hostile_db, TODAY, reload_every=None, **kwargs)

    return make
