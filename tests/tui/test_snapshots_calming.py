"""What a person sees on the draft and breathing screens, at 100x30, on a pinned date.

Deterministic by design: the date is pinned, the draft's cursor does not blink
(and focus starts on the row of kinds), and the breathing screen stands still
at a chosen moment (``ticking=False``) instead of following a timer.
Regenerate with ``pytest tests/tui/test_snapshots_calming.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from waiting_room.tui.app import WaitingRoomApp
from waiting_room.tui.run import make_demo_database
from waiting_room.tui.screens.breathe import BreatheScreen
from waiting_room.tui.screens.draft import DraftScreen

TODAY = date(2026, 11, 20)
SIZE = (100, 30)
NORTHWIND = "nw4812"  # has two contacts, an interview date and a follow-up already sent


def make(tmp_path: Path) -> WaitingRoomApp:
    return WaitingRoomApp(make_demo_database(TODAY, tmp_path), TODAY, demo=True, reload_every=None)


def test_draft_screen(snap_compare, tmp_path):
    async def open_draft(pilot) -> None:
        await pilot.pause()
        pilot.app.push_screen(DraftScreen(NORTHWIND))
        await pilot.pause()

    assert snap_compare(make(tmp_path), terminal_size=SIZE, run_before=open_draft)


def test_draft_screen_while_editing(snap_compare, tmp_path):
    async def edit(pilot) -> None:
        await pilot.pause()
        pilot.app.push_screen(DraftScreen(NORTHWIND))
        await pilot.pause()
        await pilot.press("1", "tab")

    assert snap_compare(make(tmp_path), terminal_size=SIZE, run_before=edit)


def test_breathing_screen(snap_compare, tmp_path):
    async def breathe(pilot) -> None:
        await pilot.pause()
        pilot.app.push_screen(BreatheScreen(start=2.0, ticking=False))  # halfway through a breath in

    assert snap_compare(make(tmp_path), terminal_size=SIZE, run_before=breathe)


def test_breathing_screen_without_animations(snap_compare, tmp_path):
    app = make(tmp_path)
    app.animation_level = "none"

    async def breathe(pilot) -> None:
        await pilot.pause()
        pilot.app.push_screen(BreatheScreen("478", start=5.5, ticking=False))  # in the long hold

    assert snap_compare(app, terminal_size=SIZE, run_before=breathe)
