"""Terminals as SSH hands them over: TERM, COLORTERM, 16 colours, NO_COLOR, Escape.

These run the TUI locally inside a private tmux server (what matters is the
terminal it talks to, not the transport; ``test_ssh.py`` covers the transport).
Everything is done with the keyboard: the mouse is never needed.
"""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

import pytest

from e2ekit import TODAY, Pane, TmuxServer, wr

pytestmark = pytest.mark.e2e

TRUECOLOR = re.compile(r"\x1b\[[0-9;]*[34]8;2;")
COLOR_256 = re.compile(r"\x1b\[[0-9;]*[34]8;5;")

#: 256-colour codes that are not grey: the grey ramp (232-255), black (16) and white (231) are fine.
NOT_GREY = re.compile(r"\x1b\[[0-9;]*[34]8;5;(?!(?:23[2-9]|24[0-9]|25[0-5]|16|231)m)\d+m")


def launch(pane: Pane, db: Path, env: dict[str, str]) -> dict[str, str]:
    """Run the TUI in the pane's shell with exactly these terminal variables; wait for the dashboard."""
    before = pane.modes()
    assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    pane.run(f"env -u COLORTERM -u NO_COLOR {assignments} {wr('--today', TODAY, '--db', str(db))}")
    pane.wait_dashboard()
    return before


def quit_cleanly(pane: Pane, before: dict[str, str]) -> None:
    pane.keys("q")
    assert pane.wait_exit() == 0
    assert pane.modes() == before, "the terminal's modes were not restored"
    lines = [line.rstrip() for line in pane.lines() if line.strip()]
    assert lines[-2:] == ["E2E-EXIT=0", "$"], "output left on the shell's screen:\n" + "\n".join(lines)


@pytest.mark.parametrize("env, colours", [
    pytest.param({"TERM": "xterm-256color"}, 256, id="xterm-256color-no-COLORTERM"),
    pytest.param({"TERM": "screen"}, 16, id="screen"),
    pytest.param({"TERM": "tmux-256color"}, 256, id="tmux-256color"),
    pytest.param({"TERM": "xterm-256color", "TEXTUAL_COLOR_SYSTEM": "standard"}, 16, id="16-colours"),
    pytest.param({"TERM": "xterm-256color", "NO_COLOR": "1"}, "grey", id="NO_COLOR"),
])
def test_opens_and_quits_cleanly(tmux: TmuxServer, demo_db: Path, env: dict[str, str], colours: int | str) -> None:
    pane = tmux.shell(80, 24)
    before = launch(pane, demo_db, env)
    screen = pane.wait(lambda s: "palette" in s.splitlines()[-1], "the footer")
    assert "Behind closed doors" not in screen  # narrow layout at 80 columns
    painted = pane.screen(escapes=True)
    # no COLORTERM means no 24-bit colour: sending it anyway garbles many terminals
    assert not TRUECOLOR.search(painted), "24-bit colour sent to a terminal that did not ask for it"
    if colours == 16:
        assert not COLOR_256.search(painted), "256-colour codes sent to a 16-colour terminal"
    if colours == "grey":  # NO_COLOR: shades of grey only, still readable
        assert not NOT_GREY.search(painted), "colour sent although NO_COLOR is set"
    # keys work on every terminal: move, open in full, back
    pane.keys("j", "Enter")
    pane.wait(lambda s: "Back" in s.splitlines()[-1], "the full view")
    pane.keys("Escape")
    pane.wait_dashboard(timeout=3)
    quit_cleanly(pane, before)


def test_escape_answers_promptly(tmux: TmuxServer, demo_db: Path) -> None:
    """A lone Escape is not held back waiting for more of an escape sequence (ncurses' ESCDELAY is 1 s)."""
    pane = tmux.shell(80, 24)
    before = launch(pane, demo_db, {"TERM": "xterm-256color"})
    slowest = 0.0
    for _ in range(3):
        pane.keys("?")
        pane.wait_for("Moving around")
        started = time.monotonic()
        pane.keys("Escape")
        pane.wait_gone("Moving around", timeout=3)
        slowest = max(slowest, time.monotonic() - started)
    assert slowest < 0.5, f"Escape took {slowest:.2f} s to close the help"
    quit_cleanly(pane, before)


def test_typing_ahead_through_a_form(tmux: TmuxServer, private_dir: Path) -> None:
    db = private_dir / "waiting-room.json"
    pane = tmux.shell(80, 30)
    before = launch(pane, db, {"TERM": "xterm-256color"})
    pane.keys("a")
    pane.wait_for("Add an application")
    pane.type("Dune Data\tClerk")  # one write, as a burst of type-ahead arrives over SSH
    pane.wait_for("Clerk")
    pane.keys("C-s")
    pane.wait(lambda s: "Dune Data  ·  Clerk" in s or "needed" in s, "the form to save or complain", 5)
    saved = pane.wait_dashboard(timeout=2)
    assert "Dune Data  ·  Clerk" in saved
    quit_cleanly(pane, before)


def test_typing_ahead_through_a_list_field(tmux: TmuxServer, private_dir: Path) -> None:
    """The keys after the company-size list, in the same burst, reach the fields after it."""
    from datetime import date

    from waiting_room.store.database import Database

    db = private_dir / "waiting-room.json"
    pane = tmux.shell(80, 24)
    before = launch(pane, db, {"TERM": "xterm-256color"})
    pane.keys("a")
    pane.wait_for("Add an application")
    # One send-keys: Tab onto the list, open it, choose the first size, type on.
    pane.keys("Dune Data", "Tab", "Clerk", "Tab", "Tab", "Enter", "Down", "Enter", "2026-12-01", "Tab", "Dana")
    screen = pane.wait(lambda s: re.search(r"Contact's name +Dana +│", s), "the name in the contact field", 5)
    assert "small (under 50 people)" in screen and "2026-12-01" in screen
    pane.keys("C-s")
    pane.wait_gone("Add an application")
    pane.wait_dashboard(timeout=2)
    quit_cleanly(pane, before)
    saved = Database(db, today=date.fromisoformat(TODAY)).load()
    assert [(a.company, a.role, a.company_size.value if a.company_size else None, a.expected_reply_by,
             [c.name for c in a.contacts]) for a in saved] == [
        ("Dune Data", "Clerk", "small", date(2026, 12, 1), ["Dana"])]


def test_typing_ahead_through_enter_and_ctrl_s(tmux: TmuxServer, private_dir: Path) -> None:
    """Enter moves on, backspace and ctrl+s act in their turn: all in the burst of letters."""
    from datetime import date

    from waiting_room.store.database import Database

    db = private_dir / "waiting-room.json"
    pane = tmux.shell(80, 24)
    before = launch(pane, db, {"TERM": "xterm-256color"})
    pane.keys("a")
    pane.wait_for("Add an application")
    # One send-keys: the company, enter, the role with a slip put right, save.
    pane.keys("Dune Data", "Enter", "Clerx", "BSpace", "k", "C-s")
    pane.wait(lambda s: "Dune Data  ·  Clerk" in s, "the new card", 5)
    quit_cleanly(pane, before)
    saved = Database(db, today=date.fromisoformat(TODAY)).load()
    assert [(a.company, a.role) for a in saved] == [("Dune Data", "Clerk")]
