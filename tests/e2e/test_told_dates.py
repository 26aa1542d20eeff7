"""A date a person was told, in a real terminal (tmux) at 80x24, on three days."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from e2ekit import WAITING_ROOM, TmuxServer, wr

pytestmark = pytest.mark.e2e

NOTE = "Recruiter said the hiring manager is on PTO until the 15th and they'll decide the week after"


@pytest.fixture
def told_db(private_dir: Path) -> Path:
    db = private_dir / "waiting-room.json"
    added = subprocess.run(
        [*WAITING_ROOM, "--today", "2026-12-03", "--db", str(db), "add", "--company", "Acme Analytics",
         "--role", "Data Analyst", "--interviewed", "today", "--note", NOTE],
        capture_output=True, text=True, timeout=60,
    )
    assert added.returncode == 0, added.stderr
    return db


def full_view(tmux: TmuxServer, db: Path, today: str) -> str:
    pane = tmux.shell(80, 24)
    pane.run(wr("--today", today, "--db", str(db)))
    pane.wait_dashboard()
    pane.keys("Enter")
    screen = pane.wait_for("Behind closed doors")
    text = " ".join(screen.split())
    pane.keys("Escape")
    pane.wait_dashboard()
    pane.keys("q")
    assert pane.wait_exit() == 0
    return text


def test_what_the_app_says_stays_true_as_the_days_pass(tmux: TmuxServer, told_db: Path) -> None:
    before = full_view(tmux, told_db, "2026-12-10")
    assert "They said they'd decide by Fri 25 Dec; today is day 7, so there is time yet." in before
    assert "Someone key is away" in before
    assert "short note on Mon 28 Dec or Tue 29 Dec" in before  # the follow-up waits for their date

    after = full_view(tmux, told_db, "2026-12-17")  # the 15th, and a day to be back, have passed
    assert "Someone key is away" not in after.split("Behind closed doors", 1)[1][:200]

    later = full_view(tmux, told_db, "2027-01-07")
    assert "They said they'd decide by Fri 25 Dec, and that date has passed" in later
    assert "that has passed. One short, friendly note now is fair." in later
    assert "If nothing has come by then" not in later
