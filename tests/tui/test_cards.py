"""Cards are measured without being built: the measure must match the built card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from waiting_room.core.model import Event, Kind, OwnTask, Status
from waiting_room.demo import demo_applications
from waiting_room.tui.state import State
from waiting_room.tui.widgets.cards import _WIDEST_MAYBE, ApplicationList, Card, Hold, card

from tuikit import TODAY, screen_text

#: Text that wraps, is wide (CJK, emoji), or holds controls and markup.
ODD = ("[b]Acme[/b] \x1b[31m\u202e\t\r\nCo " * 3, "量子コンピューター研究所 🚀" * 4, "", "x" * 200)


def _apps():
    apps = list(demo_applications(TODAY))
    first = apps[0]
    for i, text in enumerate(ODD):
        apps.append(replace(first, id=f"odd-{i}", company=text or "c", role=text or "r",
                            own_tasks=(OwnTask(f"t{i}", text or "t", date(2026, 11, 21)),)))
    apps.append(replace(first, id="closed", status=Status.REJECTED))
    apps.append(replace(first, id="no-clock", events=(Event(date(2026, 11, 1), Kind.APPLIED, ""),)))
    return apps


def test_measured_height_is_the_built_cards_height():
    state = State(TODAY)
    apps = _apps()
    state.replace_all(apps)
    for app in apps:
        derived = state.derived(app)
        for width in range(_WIDEST_MAYBE, 130, 7):
            measured = Card(app, derived).get_height({}, width)
            assert measured == card(app, derived).get_height({}, width), (app.id, width)


def test_a_held_card_draws_without_reading_notes_at_the_same_height():
    state = State(TODAY)
    apps = _apps()
    state.replace_all(apps)
    hold = Hold()
    hold.on = True
    for app in apps:
        derived = state.derived(app)
        held = Card(app, derived, hold)._drawn()
        assert not derived.knows_reasons, app.id  # nothing read yet
        whole = card(app, derived)
        assert held.plain.count("\n") == whole.plain.count("\n"), app.id
        assert "maybe:" not in held.plain
        if app.is_waiting:
            assert "maybe:" in whole.plain


async def test_the_first_frame_holds_the_notes_and_the_next_shows_them(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "maybe:" in shown
        assert "Behind closed doors" in shown
        assert not app.screen.query_one(ApplicationList).holding_reasons
