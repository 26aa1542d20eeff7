"""The command palette: every action, and a jump to any application by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from waiting_room.tui.app import WaitingRoomApp


def app_commands(app: WaitingRoomApp, screen=None) -> Iterable[SystemCommand]:
    from waiting_room.tui.screens.application import ApplicationScreen
    from waiting_room.tui.screens.dashboard import Dashboard

    def on_dashboard(action: str):
        def run() -> None:
            while len(app.screen_stack) > 1 and not isinstance(app.screen, Dashboard):
                app.pop_screen()
            app.call_later(app.screen.run_action, action)

        return run

    def on_this_one(action: str):
        # From an application's full view, act on that application, not on the
        # dashboard's selection behind it.
        if isinstance(screen, ApplicationScreen):
            return lambda: app.call_later(screen.run_action, action)
        return on_dashboard(action)

    yield SystemCommand("Add an application", "Start the clock on a new one (a)", on_dashboard("add"))
    yield SystemCommand("Log an event", "An interview, a reply, a follow-up you sent (l)", on_this_one("log"))
    yield SystemCommand("Edit the selected application", "Company, role, contacts, notes (e)", on_this_one("edit"))
    yield SystemCommand("Draft a message", "Thank-you, follow-up, check-in (d)", on_this_one("draft"))
    yield SystemCommand("Filter applications", "By company, role, note or contact (/)", on_dashboard("filter"))
    yield SystemCommand("Show or hide closed applications", "Closed ones rest out of sight (h)",
                        on_dashboard("toggle_closed"))
    yield SystemCommand("Let the quiet ones rest", "Close applications that have been silent a long time",
                        on_dashboard("rest_quiet"))
    yield SystemCommand("Breathing break", "A minute of slow breathing (b)", app.action_breathe)
    yield SystemCommand("Stats", "How your search is going (s)", app.action_stats)
    yield SystemCommand("Keys", "Every key, grouped by purpose (?)", app.action_help)


class JumpProvider(Provider):
    """Jump to an application by company or role.

    Our own provider because the built-in system commands read titles as markup,
    and company names are user text.
    """

    def _entries(self):
        from waiting_room.tui.safe import line

        app: WaitingRoomApp = self.app  # type: ignore[assignment]
        for application in app.state.visible(show_closed=True):
            name = f"{application.company} · {application.role}"
            yield name, line(f"Jump to {name}"), partial(self._jump, application.id)

    def _jump(self, app_id: str) -> None:
        from waiting_room.tui.screens.application import ApplicationScreen
        from waiting_room.tui.screens.dashboard import Dashboard

        app: WaitingRoomApp = self.app  # type: ignore[assignment]
        while len(app.screen_stack) > 1:
            app.pop_screen()
        dashboard = app.screen
        order = [a.id for a in app.state.visible(show_closed=True)]
        if isinstance(dashboard, Dashboard):
            if app_id not in [a.id for a in dashboard.visible()]:
                dashboard.show_closed = True  # a closed one: show closed ones, as h would
            dashboard.select(app_id)  # so actions on "the selected one" mean this one
            order = [a.id for a in dashboard.visible()]
        app.push_screen(ApplicationScreen(app_id, order))

    async def discover(self) -> Hits:
        for _, display, jump in self._entries():
            yield DiscoveryHit(display, jump, text=display.plain, help="Open this application")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, display, jump in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, display, jump, text=display.plain, help="Open this application")
