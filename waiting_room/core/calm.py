"""The person's own calm list: small things to do while waiting, ticked day by day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from waiting_room.core.model import InvalidData, _text, check_id, parse_date
from waiting_room.core.plan import DEFAULT_CALM_TASKS


@dataclass(frozen=True, slots=True)
class CalmItem:
    id: str
    title: str
    #: the last day it was ticked; it counts as done on that day only
    done_on: date | None = None

    def done(self, today: date) -> bool:
        return self.done_on == today


def default_calm() -> list[CalmItem]:
    return [CalmItem(f"calm-{i}", title) for i, title in enumerate(DEFAULT_CALM_TASKS, 1)]


def calm_from_record(data: Any, where: str = "calm item") -> CalmItem:
    if not isinstance(data, dict):
        raise InvalidData(f"{where}: expected an object")
    done = data.get("done_on")
    return CalmItem(
        id=check_id(data.get("id"), f"{where}.id"),
        title=_text(data.get("title"), f"{where}.title", required=True),
        done_on=None if done is None else parse_date(done, f"{where}.done_on"),
    )


def calm_to_record(item: CalmItem) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "title": item.title}
    if item.done_on is not None:
        out["done_on"] = item.done_on.isoformat()
    return out


def toggled(items: Iterable[CalmItem], item_id: str, today: date) -> list[CalmItem]:
    """The list with ``item_id`` ticked for today, or unticked if it already was."""
    out = []
    for item in items:
        if item.id == item_id:
            item = CalmItem(item.id, item.title, None if item.done(today) else today)
        out.append(item)
    return out
