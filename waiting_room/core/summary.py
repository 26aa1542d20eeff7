"""What ``status`` says: the contract's JSON, and a few calm lines for a login message."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from waiting_room.core.model import Application
from waiting_room.core.plan import next_tasks
from waiting_room.core.reasons import REASONS, has_evidence, rank_reasons
from waiting_room.core.text import clean
from waiting_room.core.waiting import days_waited, wait_verdict, waiting_since

CALM_LINES = (
    "Silence is usually slowness, not a verdict.",
    "You did your part; the rest is on their calendar.",
    "One small step elsewhere today keeps the wait in proportion.",
    "Most of what delays a reply has nothing to do with you.",
    "A walk counts as progress too.",
    "Keep the door open here and keep knocking elsewhere.",
    "Waiting is hard; you are handling it.",
)

_VERDICT_WORDS = {
    "within_normal": "within the usual time",
    "longer_than_usual": "longer than usual",
    "very_long": "a long wait",
}


def waiting_apps(apps: Iterable[Application], today: date) -> list[Application]:
    """Waiting applications, longest wait first (no clock yet last), then by company."""
    waiting = [a for a in apps if a.is_waiting]

    def key(app: Application) -> tuple[int, str, str]:
        days = days_waited(app, today)
        return (-(days if days is not None else -1), app.company.lower(), app.id)

    return sorted(waiting, key=key)


def status_entry(app: Application, today: date) -> dict[str, Any]:
    since = waiting_since(app)
    verdict = wait_verdict(app, today)
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "status": app.status.value,
        "waiting_since": since.isoformat() if since else None,
        "days_waited": days_waited(app, today),
        "wait_verdict": verdict.value if verdict else None,
        "reasons": [
            {"id": r.id, "probability": round(r.probability, 4), "because": list(r.because)}
            for r in rank_reasons(app, today)
        ],
        "next_tasks": [
            {"id": t.id, "title": t.title, "due": t.due.isoformat() if t.due else None}
            for t in next_tasks(app, today)
        ],
    }


def status_json(apps: Iterable[Application], today: date) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "applications": [status_entry(a, today) for a in waiting_apps(apps, today)],
    }


def _day_words(days: int | None) -> str:
    if days is None:
        return "no interview logged yet"
    if days == 0:
        return "since today"
    return "1 day" if days == 1 else f"{days} days"


def status_parts(apps: Iterable[Application], today: date, most: int = 4) -> dict[str, Any]:
    """Everything the text of ``status`` needs, width aside: plain, JSON-ready, cacheable.

    Each row holds the ways to say one application, richest first; the renderer
    (:func:`waiting_room.core.status_text.render`) picks the first that fits.
    """
    waiting = waiting_apps(apps, today)
    head = f"Waiting Room · {today:%A} {today.day} {today:%B}"
    if not waiting:
        return {"lines": [head, "Nothing is waiting on a reply. Enjoy the quiet."], "rows": [], "tail": []}
    due_today = 0
    rows = []
    for app in waiting:
        tasks = next_tasks(app, today)
        due_today += sum(1 for t in tasks if t.due is not None and t.due <= today)
        if len(rows) < most:
            rows.append(_row_choices(app, today))
    count = len(waiting)
    lead = f"{count} application{'s' if count != 1 else ''} waiting"
    if due_today:
        lead += f"; {due_today} thing{'s' if due_today != 1 else ''} you could do today"
    tail = [f"  …and {count - most} more. Open waiting-room to see them all."] if count > most else []
    tail.append(CALM_LINES[today.toordinal() % len(CALM_LINES)])
    return {"lines": [head, lead + "."], "rows": rows, "tail": tail}


def status_lines(apps: Iterable[Application], today: date, width: int = 80, most: int = 4) -> list[str]:
    """A few calm lines for a login message; every user string is sanitized."""
    from waiting_room.core.status_text import render

    return render(status_parts(apps, today, most), width)


def _row_choices(app: Application, today: date) -> list[str]:
    """Ways to say ``app`` in one line, richest first."""
    company = clean(app.company, single_line=True)
    role = clean(app.role, single_line=True)
    days = _day_words(days_waited(app, today))
    verdict = wait_verdict(app, today)
    judged = f"{days}, {_VERDICT_WORDS[verdict.value]}" if verdict is not None else days
    ranked = rank_reasons(app, today)
    if has_evidence(ranked):
        maybe = "maybe " + _lower_first(REASONS[ranked[0].id].title)
    else:  # a guess from the stage alone is not shown as if it meant something
        maybe = "no clue in your notes yet"
    return [
        f"  {company} · {role}: {judged}; {maybe}",
        f"  {company}: {judged}; {maybe}",
        f"  {company}: {judged}",
    ]


def _lower_first(text: str) -> str:
    # "HR handles all contact" keeps its capitals; "The team is..." does not.
    return text if text[:2].isupper() else text[:1].lower() + text[1:]
