""""Today", and the only place that reads the real clock.

``--today`` / ``WAITING_ROOM_TODAY`` pin the date for demos, screenshots, tests
and benchmarks. Every other module receives ``today`` as an argument.
"""

from __future__ import annotations

import os
import re
from datetime import date

# Working-day arithmetic is pure and lives in the core; it is offered here too.
from waiting_room.core.workdays import (  # noqa: F401
    add_business_days,
    business_days_between,
    is_business_day,
)

ENV_TODAY = "WAITING_ROOM_TODAY"

_pinned: date | None = None


class BadToday(ValueError):
    pass


_ISO_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_today(text: str, where: str = "--today") -> date:
    """Exactly ``YYYY-MM-DD`` (not the ISO week or ordinal forms Python also reads)."""
    try:
        if not _ISO_RE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise BadToday(f"{where}: {text!r} is not a date (use YYYY-MM-DD)") from None


def pin(day: date | None) -> None:
    """Pin "today" for this process (``None`` unpins)."""
    global _pinned
    _pinned = day


def today() -> date:
    """The pinned date if there is one, else the environment's, else the real one."""
    if _pinned is not None:
        return _pinned
    text = os.environ.get(ENV_TODAY)
    if text:
        return parse_today(text, ENV_TODAY)
    return date.today()
