"""What the TUI knows: the applications and their derived values, cached per version.

Derived values (wait, verdict, reasons, tasks) are computed on first use and
kept while the application is unchanged, so a keypress never recomputes the
whole list and a reload only pays for what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from waiting_room.core.calm import CalmItem
from waiting_room.core.model import Application
from waiting_room.core.plan import Task, next_tasks, plan_tasks
from waiting_room.core.reasons import ReasonScore, rank_reasons
from waiting_room.core.waiting import Verdict, days_waited, wait_verdict, waiting_since


@dataclass(eq=False)
class Derived:
    app: Application
    today: date

    @cached_property
    def since(self) -> date | None:
        return waiting_since(self.app)

    @cached_property
    def days(self) -> int | None:
        return days_waited(self.app, self.today)

    @cached_property
    def verdict(self) -> Verdict | None:
        return wait_verdict(self.app, self.today)

    @cached_property
    def reasons(self) -> tuple[ReasonScore, ...]:
        return rank_reasons(self.app, self.today)

    @property
    def knows_reasons(self) -> bool:
        """Whether the reasons are worked out already (reading them now costs nothing)."""
        return "reasons" in self.__dict__

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        return plan_tasks(self.app, self.today)

    @cached_property
    def next_tasks(self) -> tuple[Task, ...]:
        return next_tasks(self.app, self.today)


@dataclass
class State:
    today: date
    apps: list[Application] = field(default_factory=list)
    calm: list[CalmItem] = field(default_factory=list)
    _derived: dict[str, Derived] = field(default_factory=dict)
    _by_id: dict[str, Application] = field(default_factory=dict)

    def replace_all(self, apps: list[Application]) -> None:
        """Take a fresh snapshot, keeping derived values of unchanged applications."""
        old = self._derived
        self._derived = {}
        for app in apps:
            cached = old.get(app.id)
            if cached is not None and cached.app == app:
                self._derived[app.id] = cached
        self.apps = apps
        self._by_id = {app.id: app for app in apps}

    def derived(self, app: Application) -> Derived:
        cached = self._derived.get(app.id)
        if cached is None or cached.app is not app:
            cached = self._derived[app.id] = Derived(app, self.today)
        return cached

    def get(self, app_id: str) -> Application | None:
        return self._by_id.get(app_id)

    def visible(self, *, show_closed: bool, text: str = "") -> list[Application]:
        """Waiting first (longest wait first), then closed ones if shown; filtered by text."""
        needle = text.strip().casefold()
        chosen = [a for a in self.apps if show_closed or a.is_waiting]
        if needle:
            chosen = [a for a in chosen if needle in _haystack(a)]

        def key(app: Application) -> tuple:
            days = self.derived(app).days
            return (not app.is_waiting, -(days if days is not None else -1), app.company.casefold(), app.id)

        return sorted(chosen, key=key)


def _haystack(app: Application) -> str:
    parts = [app.company, app.role, app.notes, *(e.note for e in app.events)]
    parts += [c.name for c in app.contacts]
    return " ".join(parts).casefold()
