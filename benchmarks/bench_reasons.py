"""How long ranking delay reasons takes: 1,000 and 10,000 applications.

Not a test. Run: ``.venv/bin/python benchmarks/bench_reasons.py``. The budget
(issue 3) is "well under 100 ms" for 1,000 applications. Every note is unique
(a running number is appended), and the note cache is cleared before each cold
run, so the cold figure is the real reading cost; the warm figure is what a
face pays when it re-ranks unchanged data (the note cache holds 8,192 notes,
so at 10,000 applications "warm" is cold again). Times are CPU milliseconds,
best of three.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from waiting_room.core import reader  # noqa: E402
from waiting_room.core.model import Application, Event, Kind, Size  # noqa: E402
from waiting_room.core.reasons import clear_caches, rank_reasons  # noqa: E402

TODAY = date(2026, 11, 20)
BUDGET_MS = 100.0
NOTES = [
    "Great chat with the team, they seemed keen",
    "the hiring manager is on leave until the 30th",
    "HR said all updates come from them",
    "recruiter mentioned they are still interviewing two other candidates",
    "they're lining up the last panel but calendars are a mess",
    "finance still has to approve the budget for the role",
    "the manager isn't travelling any more; it's with finance now",
    "I left a voicemail for the recruiter and sent a short email",
    "they might make it a contract role instead",
    "the company was just acquired, lots of changes",
    "background check is running, they called two references",
    "the team is in crunch mode before the release",
    "my contact moved on to another company last week",
    "",
]


def make_apps(n: int, seed: int = 7, note_rate: float = 1.0) -> list[Application]:
    """``n`` applications; ``note_rate`` of events and of applications carry a note."""
    rnd = random.Random(seed)
    apps = []
    counter = 0
    for i in range(n):
        start = TODAY - timedelta(days=rnd.randint(3, 90))
        events = [Event(start, Kind.APPLIED)]
        day = start
        for kind in rnd.sample(
            [Kind.PHONE_SCREEN, Kind.INTERVIEW, Kind.INTERVIEW, Kind.FOLLOW_UP_SENT,
             Kind.HEARD_BACK, Kind.REFERENCES_REQUESTED], rnd.randint(1, 4)
        ):
            day = min(TODAY, day + timedelta(days=rnd.randint(1, 10)))
            note = rnd.choice(NOTES) if rnd.random() < note_rate else ""
            if note:
                counter += 1
                note = f"{note} ({counter})"
            events.append(Event(day, kind, note))
        counter += 1
        apps.append(Application(
            f"b{i}", "Co", "Role", events=tuple(events),
            company_size=rnd.choice([None, *Size]),
            expected_reply_by=rnd.choice([None, start + timedelta(days=14)]),
            notes=f"{rnd.choice(NOTES)} #{counter}" if rnd.random() < note_rate else "",
        ))
    return apps


def timed(apps: list[Application], cold: bool) -> float:
    if cold:
        clear_caches()
    start = time.process_time()  # CPU time: fair on a busy machine
    for app in apps:
        rank_reasons(app, TODAY)
    return (time.process_time() - start) * 1000


def main() -> None:
    reader.compile_all()  # one-off regex compilation is not part of scoring
    rank_reasons(make_apps(1)[0], TODAY)
    for label, rate in (("typical: 4 in 10 carry a note", 0.4), ("every one carries a note", 1.0)):
        print(f"events and applications, {label}")
        for n in (1_000, 10_000):
            apps = make_apps(n, note_rate=rate)
            notes = sum(bool(e.note) for a in apps for e in a.events) + sum(bool(a.notes) for a in apps)
            cold = min(timed(apps, cold=True) for _ in range(3))
            warm = min(timed(apps, cold=False) for _ in range(3))
            per_k = cold / (n / 1000)
            print(
                f"  {n:>6,} applications ({notes:,} unique notes): cold {cold:7.1f} ms, "
                f"warm {warm:7.1f} ms; cold per 1,000 = {per_k / BUDGET_MS:.2f} x the 100 ms budget"
            )


if __name__ == "__main__":
    main()
