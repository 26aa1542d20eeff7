"""The Waiting Room app: bindings, data, live reload, and the ways in and out."""

from __future__ import annotations

from datetime import date
from typing import Callable, TypeVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.binding import Binding
from textual.signal import Signal

from waiting_room.core.model import Application
from waiting_room.store.database import Database, Transaction
from waiting_room.store.errors import StoreError
from waiting_room.tui.state import State

T = TypeVar("T")

#: How often the file is checked for changes made elsewhere (seconds).
RELOAD_EVERY = 1.0


def _jump_provider():
    from waiting_room.tui.commands import JumpProvider

    return JumpProvider


#: Seconds after start when the app settles (see WaitingRoomApp._settle).
SETTLE_AFTER = 1.0
#: The collector's first threshold once settled (Python's default is 700; see _settle).
SETTLED_GEN0 = 20_000


class WaitingRoomApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "Waiting Room"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {lambda: _jump_provider()}

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("b", "breathe", "Breathe", id="breathe"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("m", "calm", "Meanwhile", id="calm"),
    ]

    def __init__(
        self,
        db: Database,
        today: date,
        *,
        demo: bool = False,
        warnings: tuple[str, ...] = (),
        reload_every: float | None = RELOAD_EVERY,
        first: tuple | None = None,
        settle: bool = False,
    ) -> None:
        super().__init__()
        self._first = first  # (applications, calm list, file signature) already read
        self._settles = settle
        self.db = db
        self.today = today
        self.demo = demo
        self.warnings = warnings
        self.reload_every = reload_every
        self.state = State(today)
        self.data_changed: Signal[None] = Signal(self, "data-changed")
        self._signature: tuple[int, int, int] | None = None
        self._reloading = False
        if demo:
            self.sub_title = "demo: sample data, nothing is kept"

    # data ---------------------------------------------------------------------
    def load(self) -> None:
        """Read the file now and tell every screen. Raises StoreError."""
        signature = self.db.signature()
        self._apply(*self.db.snapshot(), signature)

    def _apply(self, apps: list[Application], calm: list, signature: tuple[int, int, int] | None) -> None:
        self.state.calm = calm
        self.state.replace_all(apps)
        self._signature = signature
        self.data_changed.publish(None)

    def check_for_changes(self) -> None:
        """Pick up a change another session made; the file is parsed off the UI thread."""
        signature = self.db.signature()
        if signature == self._signature or self._reloading:
            return  # nothing new, or a reload is still reading (the next tick looks again)
        self._reloading = True
        self.run_worker(lambda: self._reload_in_thread(signature), thread=True,
                        group="reload", exit_on_error=False)

    def _reload_in_thread(self, signature: tuple[int, int, int] | None) -> None:
        try:
            apps, calm = self.db.snapshot()
        except (StoreError, OSError) as error:
            self.call_from_thread(self._reload_failed, error, signature)
            return
        self.call_from_thread(self._apply_if_newer, apps, calm, signature)

    def _apply_if_newer(self, apps: list[Application], calm: list, signature) -> None:
        self._reloading = False
        # A save of our own may have loaded a newer file while the thread was reading.
        if self._signature != signature and self.db.signature() == signature:
            self._apply(apps, calm, signature)

    def _reload_failed(self, error: Exception, signature) -> None:
        self._reloading = False
        self.notify(str(error), title="Could not reload", severity="error", markup=False)
        self._signature = signature

    def write(self, change: Callable[[Transaction], T], *, done: str = "") -> T | None:
        """Run ``change`` in a transaction; show any problem calmly and return None."""
        try:
            with self.db.transaction() as tx:
                result = change(tx)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=8)
            return None
        except OSError as error:  # taking the lock or making the folder failed
            where = error.filename or self.db.path
            self.notify(f"could not save {where} ({error.strerror or error}); nothing was changed",
                        title="Not saved", severity="error", markup=False, timeout=8)
            return None
        self.load()
        if done:
            self.notify(done, markup=False)
        return result

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (screens' and widgets' too come here) with control characters
        made visible: messages quote company names, task titles and paths, and a toast
        renders its text as is."""
        from waiting_room.core.text import clean

        super().notify(clean(message), title=clean(title, single_line=True), severity=severity,
                       timeout=timeout, markup=markup)

    def app_by_id(self, app_id: str) -> Application | None:
        return self.state.get(app_id)

    # lifecycle ----------------------------------------------------------------
    def get_default_screen(self):
        from waiting_room.tui.screens.dashboard import Dashboard

        return Dashboard()

    def on_mount(self) -> None:
        from waiting_room.tui.themes import register_themes

        register_themes(self)
        if self._first is not None:
            self._apply(*self._first)  # a change since is picked up by the first reload tick
            self._first = None
        else:
            self.load()
        if self.reload_every:
            self.set_interval(self.reload_every, self.check_for_changes, name="live-reload")
        if self._settles:
            self.set_timer(SETTLE_AFTER, self._settle, name="settle")
        for warning in self.warnings:
            self.notify(warning, title="Privacy", severity="warning", markup=False, timeout=12)

    def _settle(self) -> None:
        """A second after start, while the person reads the screen (real runs only).

        What start-up made (Textual, the stylesheet, the applications) lives as
        long as the app: frozen, the garbage collector's full sweeps skip it (they
        stalled scrolling 60-70 ms every dozen keys at 1,000 applications), and the
        collector, held through start-up by ``run_app``, resumes. And the
        note reader's remaining patterns are compiled in a thread, so a card
        scrolling into view never waits for one. A process that starts many apps
        (the tests) must not freeze, hence the flag.
        """
        import gc

        from waiting_room.core.reader import compile_all

        gc.freeze()
        # Moving through a long list makes strips by the hundred per key, nearly all
        # freed at once: with the default threshold the collector swept ten times a
        # key (about 2 ms of a 15 ms key). Sweeps now come when garbage has piled up.
        gc.set_threshold(SETTLED_GEN0, *gc.get_threshold()[1:])
        gc.enable()  # run_app held the collector through start-up
        self.run_worker(compile_all, thread=True, name="note-patterns", exit_on_error=False)

    def get_system_commands(self, screen):
        from waiting_room.tui.commands import app_commands

        yield from super().get_system_commands(screen)
        yield from app_commands(self, screen)

    # actions ------------------------------------------------------------------
    def action_help(self) -> None:
        from waiting_room.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_breathe(self) -> None:
        from waiting_room.tui.screens.breathe import BreatheScreen

        if not isinstance(self.screen, BreatheScreen):
            self.push_screen(BreatheScreen())

    def action_calm(self) -> None:
        from waiting_room.tui.screens.calm import CalmScreen

        if not isinstance(self.screen, CalmScreen):
            self.push_screen(CalmScreen())

    def action_stats(self) -> None:
        from waiting_room.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())
