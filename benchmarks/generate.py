"""Realistic Waiting Room databases of any size, written through the store itself.

Run: ``.venv/bin/python benchmarks/generate.py 1000 /tmp/wr-1000.json``

The data is seeded (the same N gives the same file), written with the store's
own ``Database.transaction`` and ``Transaction.add_many`` (so the file is
exactly what the app writes), and shaped like a real search: most applications
still waiting, the rest closed; one to seven events each over three months;
notes of a sentence or three on the steps with the company, a note on the
application now and then, contacts, company sizes and dates the company named.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from waiting_room.core.model import (  # noqa: E402
    Application,
    Contact,
    Event,
    Kind,
    Size,
    Status,
)
from waiting_room.store.database import Database  # noqa: E402

TODAY = date(2026, 11, 20)
SIZES = (1, 10, 100, 1_000, 10_000)

_COMPANY_A = (
    "Northwind", "Bramble", "Harbor", "Lumen", "Cobalt", "Juniper", "Orchard", "Granite",
    "Meridian", "Kestrel", "Tidewater", "Copperleaf", "Silverline", "Bluebell", "Ironwood",
    "Saffron", "Willow", "Aster", "Beacon", "Foxglove", "Marigold", "Pinecrest", "Quarry",
)
_COMPANY_B = (
    "Freight", "& Finch", "Mutual", "Labs", "Health", "Analytics", "Foods", "Partners",
    "Logistics", "Software", "Energy", "Studio", "Insurance", "Robotics", "Bank", "Media",
)
_ROLES = (
    "Operations Analyst", "Junior UX Designer", "Data Engineer", "Product Manager",
    "Customer Success Lead", "Backend Developer", "Marketing Coordinator", "QA Engineer",
    "Senior Accountant", "Compliance Officer", "Site Reliability Engineer", "HR Generalist",
    "Frontend Developer", "Research Scientist", "Sales Development Representative",
)
_PEOPLE = ("Priya Raman", "Tom Ellery", "Maya Okafor", "Lena Brandt", "Sam Osei", "Ana Duarte",
           "Jonas Weber", "Keiko Sato", "Luis Moreno", "Ruth Adler")
_TITLES = ("Recruiter", "Hiring manager", "Team lead", "Senior recruiter", "Director", "")

# Notes of realistic length: what people actually jot down after each step.
_EVENT_NOTES = {
    Kind.APPLIED: (
        "",
        "Applied through their careers page with the updated CV.",
        "Referral from a former colleague, who said the team is growing.",
        "Tailored the cover letter to their new logistics platform.",
    ),
    Kind.PHONE_SCREEN: (
        "Recruiter call, 30 minutes. Salary range fits; she said the hiring manager is keen.",
        "Short screen with HR. They said all updates will come from HR, not from the team.",
        "Friendly chat, mostly about availability and notice period.",
        "",
    ),
    Kind.INTERVIEW: (
        "Panel of four, went well I think. They said they would decide within two weeks.",
        "Technical round with the team lead; live exercise went fine. Recruiter said 4-5 days.",
        "Onsite with five people, all warm. The hiring manager is travelling next week.",
        "Final round with the director. She mentioned a reorganization is under way.",
        "Video call, felt rushed. They are still interviewing two other candidates.",
        "Met the team. Budget for the role still has to be approved by finance.",
    ),
    Kind.ASSESSMENT: (
        "Take-home exercise, sent it back after two evenings.",
        "Online test, 90 minutes, mostly SQL.",
        "",
    ),
    Kind.REFERENCES_REQUESTED: (
        "They asked for two references, sent them the same day.",
        "Email asking for references and a copy of my certificates.",
    ),
    Kind.REFERENCES_CONTACTED: (
        "Two of my references got calls from their number today.",
        "My old manager said she spoke to them for twenty minutes.",
    ),
    Kind.THANK_YOU_SENT: ("", "", "Short thank-you to each of the panel."),
    Kind.FOLLOW_UP_SENT: (
        "Polite follow-up to the recruiter.",
        "Auto-reply: the hiring manager is on leave until the 24th.",
        "Tom said they don't have all the feedback yet, the team is at a site visit this week.",
        "",
    ),
    Kind.HEARD_BACK: (
        "Recruiter wrote: still deciding, the team is busy with a product launch.",
        "They said the role is being rethought, maybe as a contract position.",
        "Update: waiting on sign-off from the VP before they can move forward.",
    ),
    Kind.OFFER: ("Offer by phone, written offer to follow.",),
    Kind.REJECTION: ("Polite no; they went with an internal candidate.", ""),
    Kind.WITHDREW: ("Withdrew after accepting another offer.",),
}
_APP_NOTES = (
    "", "", "",
    "Really want this one: the team seems kind and the commute is short.",
    "Big team, five people on the panel. Salary range posted as 55-65k.",
    "Found through a meetup; the lead engineer was the speaker.",
    "Second time applying here; last year they froze hiring after the first round.",
)


def _note(rnd: random.Random, kind: Kind, serial: int) -> str:
    text = rnd.choice(_EVENT_NOTES[kind])
    # A running detail keeps notes unique, as real notes are (no cache hides the cost).
    return f"{text} (#{serial})" if text else ""


def make_application(rnd: random.Random, i: int) -> Application:
    start = TODAY - timedelta(days=rnd.randint(2, 95))
    day = start
    events = [Event(day, Kind.APPLIED, _note(rnd, Kind.APPLIED, i))]
    steps = [Kind.PHONE_SCREEN, Kind.INTERVIEW, Kind.THANK_YOU_SENT, Kind.ASSESSMENT,
             Kind.INTERVIEW, Kind.REFERENCES_REQUESTED, Kind.REFERENCES_CONTACTED]
    for kind in steps[: rnd.randint(0, len(steps))]:
        day = min(TODAY, day + timedelta(days=rnd.randint(1, 12)))
        events.append(Event(day, kind, _note(rnd, kind, i)))
    for _ in range(rnd.choice((0, 0, 1, 1, 2))):
        day = min(TODAY, day + timedelta(days=rnd.randint(5, 10)))
        events.append(Event(day, rnd.choice((Kind.FOLLOW_UP_SENT, Kind.HEARD_BACK)), _note(rnd, Kind.HEARD_BACK, i)))
    status = Status.WAITING
    roll = rnd.random()
    if roll < 0.3:  # about a third closed, as in a real search
        kind = rnd.choice((Kind.REJECTION, Kind.REJECTION, Kind.OFFER, Kind.WITHDREW))
        day = min(TODAY, day + timedelta(days=rnd.randint(1, 14)))
        events.append(Event(day, kind, _note(rnd, kind, i)))
        status = {Kind.REJECTION: Status.REJECTED, Kind.OFFER: Status.OFFER, Kind.WITHDREW: Status.WITHDRAWN}[kind]
    contacts = tuple(
        Contact(rnd.choice(_PEOPLE), rnd.choice(_TITLES), rnd.choice(("", "someone@example.com")))
        for _ in range(rnd.choice((0, 1, 1, 2)))
    )
    notes = rnd.choice(_APP_NOTES)
    return Application(
        id="",
        company=f"{rnd.choice(_COMPANY_A)} {rnd.choice(_COMPANY_B)}",
        role=rnd.choice(_ROLES),
        events=tuple(events),
        company_size=rnd.choice((None, *Size)),
        status=status,
        link=rnd.choice(("", f"https://jobs.example.com/{i}")),
        contacts=contacts,
        expected_reply_by=rnd.choice((None, None, start + timedelta(days=rnd.randint(7, 21)))),
        notes=f"{notes} (#{i})" if notes else "",
    )


def generate(n: int, path: Path, seed: int = 20261120) -> Path:
    """Write a database of ``n`` applications at ``path`` (replacing any there)."""
    rnd = random.Random(seed + n)
    path.unlink(missing_ok=True)
    db = Database(path, today=TODAY)
    with db.transaction() as tx:
        tx.add_many(make_application(rnd, i) for i in range(n))
    return path


def first_name(path: Path) -> str:
    """The company shown first in the TUI's list (longest waiting first)."""
    from waiting_room.store.document import load_applications
    from waiting_room.tui.state import State

    state = State(TODAY)
    state.replace_all(load_applications(path))
    return state.visible(show_closed=False)[0].company


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: generate.py N PATH", file=sys.stderr)
        return 2
    path = generate(int(argv[0]), Path(argv[1]))
    print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
