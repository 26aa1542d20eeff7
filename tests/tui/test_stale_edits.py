"""An edit form open while another session saves: nothing it saved is silently undone.

The edit changes only the fields the person changed, on a fresh read of the
application; a field changed both underneath and in the form is asked about.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from waiting_room.core.model import Event, Kind, Status
from waiting_room.store.database import Database
from waiting_room.tui.screens.dashboard import Dashboard
from waiting_room.tui.screens.forms import ApplicationForm

from tuikit import TODAY, screen_text


def _stored(db: Database, app_id: str):
    return next(a for a in db.load() if a.id == app_id)


def _underneath(db: Database, app_id: str, **fields) -> None:
    """Another window (or the CLI) saves while the form is open."""
    other = Database(db.path, today=TODAY)
    with other.transaction() as tx:
        tx.put(replace(tx.find(app_id), **fields))


async def _open_form(app, pilot):
    await pilot.pause()
    target = app.screen.selected()
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ApplicationForm)
    return target


async def test_notes_saved_underneath_survive_a_role_change_from_a_stale_form(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        target = await _open_form(app, pilot)
        _underneath(demo_db, target.id, notes="saved by the other window")
        app.screen.query_one("#in-role").value = "Senior " + target.role
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        stored = _stored(demo_db, target.id)
        assert stored.role == "Senior " + target.role
        assert stored.notes == "saved by the other window"


async def test_a_status_set_by_the_cli_underneath_survives_an_edit_that_left_status_alone(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        target = await _open_form(app, pilot)
        assert target.status is Status.WAITING
        # `waiting-room log <id> rejection`, as the CLI does it.
        other = Database(demo_db.path, today=TODAY)
        with other.transaction() as tx:
            tx.log(target.id, Event(TODAY, Kind.REJECTION))
        app.screen.query_one("#in-notes").value = "edited here"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = _stored(demo_db, target.id)
        assert stored.notes == "edited here"
        assert stored.status is Status.REJECTED
        assert stored.events[-1].kind is Kind.REJECTION


@pytest.mark.parametrize("choice", ["m", "t"])
async def test_a_field_changed_underneath_and_in_the_form_is_asked_about(make_app, demo_db, choice):
    from waiting_room.tui.screens.confirm import EditConflictScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        target = await _open_form(app, pilot)
        _underneath(demo_db, target.id, notes="theirs")
        app.screen.query_one("#in-notes").value = "mine"
        app.screen.query_one("#in-role").value = "Lead " + target.role
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Nothing is written until the person has chosen.
        assert isinstance(app.screen, EditConflictScreen)
        await pilot.pause(0.1)
        text = screen_text(app)
        assert "another window saved a" in text, text
        assert "Notes: yours “mine” · theirs “theirs”" in text, text
        assert _stored(demo_db, target.id).role == target.role
        await pilot.press(choice)
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        stored = _stored(demo_db, target.id)
        assert stored.notes == ("mine" if choice == "m" else "theirs")
        # The field nobody else changed is saved either way.
        assert stored.role == "Lead " + target.role


async def test_the_same_change_made_twice_is_no_conflict(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        target = await _open_form(app, pilot)
        _underneath(demo_db, target.id, notes="same words")
        app.screen.query_one("#in-notes").value = "same words"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        assert _stored(demo_db, target.id).notes == "same words"
