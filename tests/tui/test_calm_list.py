"""The calm list: the person's own small things, ticked one day at a time."""

from __future__ import annotations

from waiting_room.core.calm import default_calm
from waiting_room.tui.screens.calm import CalmScreen
from waiting_room.tui.screens.dashboard import Dashboard

from tuikit import TODAY, screen_text


async def test_m_opens_the_calm_list_and_space_ticks_for_today(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, CalmScreen)
        first = default_calm()[0]
        assert first.title in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        stored = demo_db.calm_items()
        assert stored[0].done_on == TODAY and stored[0].done(TODAY)
        await pilot.press("space")
        await pilot.pause()
        assert not demo_db.calm_items()[0].done(TODAY)
        await pilot.press("escape")
        assert isinstance(app.screen, Dashboard)


async def test_add_edit_and_remove_items(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "a", *"Call [b]Mum[/b]", "enter")
        await pilot.pause()
        titles = [i.title for i in demo_db.calm_items()]
        assert titles[-1] == "Call [b]Mum[/b]"
        assert "Call [b]Mum[/b]" in screen_text(app)  # literally, never markup
        await pilot.press("k")  # wraps to the last item? move there explicitly
        app.screen.query_one("#calm-list").highlighted = len(titles) - 1
        await pilot.press("e")
        app.screen.query_one("#in-text").value = "Call Mum on Sunday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_db.calm_items()[-1].title == "Call Mum on Sunday"
        await pilot.press("x")
        await pilot.pause()
        assert [i.title for i in demo_db.calm_items()] == titles[:-1]


async def test_an_emptied_list_stays_empty_and_says_how_to_add(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        for _ in default_calm():
            await pilot.press("x")
            await pilot.pause()
        assert demo_db.calm_items() == []
        assert "The list is empty" in screen_text(app)
