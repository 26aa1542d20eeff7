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


async def test_the_quick_drawing_pass_draws_what_option_list_draws(make_app):
    """``ApplicationList`` looks each card up once per pass: every line must still be
    the one OptionList itself draws, wherever the list is scrolled, with the highlight,
    the mouse hovering and the separators between cards."""
    from textual.geometry import Region
    from textual.widgets import OptionList

    from waiting_room.tui.widgets import cards

    assert cards._QUICK_DRAW  # else this would compare OptionList with itself
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(ApplicationList)
        lines = listing.virtual_size.height
        assert lines > listing.size.height  # it scrolls
        width, height = listing.size
        checked = 0
        for top in range(0, lines - height + 1, 3):
            listing.highlighted = (top // 6) * 2
            listing._mouse_hovering_over = (top // 6) * 2 + 2
            listing.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            listing._pass = {}
            quick = [listing.render_line(y) for y in range(height)]
            listing._pass = None
            own = [OptionList.render_line(listing, y) for y in range(height)]
            assert [s.text for s in quick] == [s.text for s in own], top
            assert quick == own, top
            checked += 1
        assert checked > 3
        # And a pass through Textual's own drawing leaves nothing behind.
        listing.render_lines(Region(0, 0, width, height))
        assert listing._pass is None


async def test_a_move_shows_the_new_application_in_the_preview_in_the_same_frame(make_app):
    """The list's highlight and the preview change together: the preview does not wait
    for the list's message (one frame late, and a second repaint)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        preview = screen.query_one("#preview")
        before = screen.selected()
        screen.action_move(1)  # no await: nothing else has run yet
        after = screen.selected()
        assert after is not None and after.id != before.id
        assert str(preview.content).startswith(after.company)
        await pilot.pause()
        assert str(preview.content).startswith(after.company)


async def test_lines_kept_across_scrolls_are_the_lines_textual_would_style(make_app):
    """A scroll styles only the lines new to the screen; what the list shows must stay
    exactly what Textual's own drawing gives, through scrolls, highlight, hover, focus,
    a new theme, a filter (new cards) and a narrower terminal."""
    from textual.geometry import Region
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        listing = app.screen.query_one(ApplicationList)

        async def same(step: str) -> None:
            await pilot.pause()
            width, height = listing.region.size
            shown = listing.render_lines(Region(0, 0, width, height))
            listing._styles_cache.clear()
            own = OptionList.render_lines(listing, Region(0, 0, width, height))
            assert [s.text for s in shown] == [s.text for s in own], step
            assert shown == own, step

        await same("first")
        for n in range(8):
            await pilot.press("j")
            await same(f"j {n}")
        assert listing._kept, "a scroll kept nothing: the kept lines were never used"
        await pilot.press("k", "k", "k")
        await same("k")
        listing._mouse_hovering_over = listing.highlighted + 2
        await same("hover")
        app.screen.set_focus(None)
        await same("blurred")
        app.screen.set_focus(listing)
        await same("focused")
        app.theme = "textual-light"
        await same("light theme")
        listing.styles.tint = "red 20%"  # the list's own styling, its cards unchanged
        await same("tinted")
        listing.styles.tint = None
        await same("untinted")
        await pilot.press("slash", *"eng", "enter")
        await same("filtered")
        await pilot.press("escape")
        await same("filter cleared")
        await pilot.resize_terminal(90, 24)
        await same("narrower")
        for n in range(5):
            await pilot.press("j")
            await same(f"j after resize {n}")
