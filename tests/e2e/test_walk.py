"""A walk through the main paths in a real terminal (tmux), as a person would take it."""

from __future__ import annotations

from pathlib import Path

import pytest

from e2ekit import TmuxServer
from test_terminal import launch, quit_cleanly

pytestmark = pytest.mark.e2e


def test_walk_the_main_paths(tmux: TmuxServer, demo_db: Path) -> None:
    pane = tmux.shell(80, 24)
    before = launch(pane, demo_db, {"TERM": "xterm-256color"})

    pane.keys("?")  # help, grouped by purpose
    pane.wait_for("Moving around")
    pane.keys("Escape")
    pane.wait_gone("Moving around")

    pane.keys("j", "Enter")  # one application in full
    pane.wait_for("What you can do")
    pane.keys("PageDown")
    pane.wait_for("What helps")
    pane.keys("Escape")
    pane.wait_dashboard()

    pane.keys("/")  # filter
    pane.type("harbor")
    screen = pane.wait(lambda s: "Harbor Mutual" in s and "Lumen Grid" not in s, "the filtered list")
    assert "Northwind" not in screen
    pane.keys("Escape")
    pane.wait_for("Lumen Grid")

    pane.keys("s")  # stats
    pane.wait(lambda s: "Lumen Grid" not in s.splitlines()[2], "the stats screen")
    pane.keys("Escape")
    pane.wait_dashboard()

    pane.keys("m")  # the calm list
    pane.wait_for("Meanwhile, for you")
    pane.keys("Escape")
    pane.wait_gone("Meanwhile, for you")

    pane.keys("b")  # a breathing break
    pane.wait(lambda s: "Breathe in" in s or "Hold" in s or "Breathe out" in s, "the breathing guide")
    pane.keys("Escape")
    pane.wait_dashboard()

    pane.keys("C-p")  # the command palette jumps to an application
    pane.wait_for("Search")
    pane.type("pixelforge")
    pane.wait_for("Jump to Pixelforge")
    pane.keys("Enter")
    pane.wait(lambda s: "Pixelforge Games" in s.splitlines()[0], "Pixelforge in full")
    pane.keys("Escape")
    pane.wait_dashboard()
    quit_cleanly(pane, before)


def test_c_copies_the_draft_into_tmux(tmux: TmuxServer, demo_db: Path) -> None:
    """OSC 52 reaches the terminal: with set-clipboard on, tmux keeps it as a paste buffer."""
    pane = tmux.shell(100, 30)
    tmux.tmux("set-option", "-s", "set-clipboard", "on")
    before = launch(pane, demo_db, {"TERM": "xterm-256color"})
    pane.keys("d")
    pane.wait_for("Mark as sent")
    pane.keys("c")
    pane.wait_for("Copied")
    buffer = tmux.tmux("show-buffer").stdout
    assert "Lumen Grid Energy" in buffer or "Data Engineer" in buffer
    pane.keys("Escape")
    pane.wait_dashboard()
    quit_cleanly(pane, before)


def test_quitting_after_a_change_leaves_the_login_message_ready(tmux: TmuxServer, demo_db: Path) -> None:
    from e2ekit import TODAY

    from waiting_room.store import status_cache

    pane = tmux.shell(100, 30)
    before = launch(pane, demo_db, {"TERM": "xterm-256color"})
    assert status_cache.load(demo_db, TODAY, "text") is None
    pane.keys("a")
    pane.wait_for("Add an application")
    pane.type("Quokka Labs")
    pane.tab_to_next_field()
    pane.type("Researcher")
    pane.keys("C-s")
    pane.wait_gone("Add an application")
    quit_cleanly(pane, before)
    ready = status_cache.load(demo_db, TODAY, "json")
    assert ready is not None
    assert "Quokka Labs" in [a["company"] for a in ready["applications"]]
