"""The key hints along the bottom follow the keys that work, rebuilt only when those change."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets._footer import FooterKey

from waiting_room.tui.widgets.footer import KeyFooter


def shown(app) -> set[str]:
    return {key.description for key in app.screen.query(FooterKey) if key.description}


def expected(app) -> set[str]:
    """What the stock footer would show: the keys marked to be shown, and the palette's."""
    active = app.screen.active_bindings
    keys = {b.description for _, b, _, _ in active.values() if b.show and b.description}
    if app.COMMAND_PALETTE_BINDING in active:
        keys.add(active[app.COMMAND_PALETTE_BINDING][1].description)
    return keys


async def test_the_footer_is_built_once_at_start_and_follows_every_change(make_app, monkeypatch):
    rebuilt: list[str] = []
    stock = Widget.recompose

    async def counting(self):
        if isinstance(self, KeyFooter):
            rebuilt.append(type(self.screen).__name__)
        await stock(self)

    monkeypatch.setattr(Widget, "recompose", counting)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert rebuilt == ["Dashboard"]  # the stock footer rebuilt the same keys five times
        assert "Add" in shown(app) and shown(app) == expected(app)
        await pilot.press("enter")  # the full view of an application: other keys
        await pilot.pause()
        assert shown(app) == expected(app) and "Add" not in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == expected(app) and "Add" in shown(app)
        before = len(rebuilt)
        for _ in range(5):
            await pilot.press("j")
        await pilot.pause()
        assert len(rebuilt) == before  # moving along the list changes no key
