"""Hostile text on its way out: markup is never interpreted, controls never reach the terminal.

Every text field of the application under test holds every known attack
(see ``hostilekit.HOSTILE``). What the screen shows is read through the
compositor (the cells a terminal would get) and through each widget's render.
"""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets._toast import Toast

from waiting_room.tui.screens.application import ApplicationScreen
from waiting_room.tui.screens.confirm import ConfirmScreen
from waiting_room.tui.screens.draft import DraftScreen
from waiting_room.tui.screens.ending import EndingScreen
from waiting_room.tui.screens.forms import ApplicationForm, EventForm

from hostilekit import MARKUP_ATTACKS, TODAY, forbidden, screen_text

LITERAL = "[/ [ @click=app.quit]x[/] [$accent]x[/] [link=file:///etc/passwd]x[/link] [bold]B[/bold]"


def shown_safely(text: str, *, whole: bool = True) -> None:
    """No control character survives; with ``whole``, every attack shows as typed."""
    assert not forbidden(text), forbidden(text)
    if whole:
        assert LITERAL in text, text[:2000]


def statics(screen) -> str:
    """The rendered text of every Static on ``screen`` (also those scrolled out of view)."""
    return "\n".join(str(w.render().plain) if hasattr(w.render(), "plain") else str(w.render())
                     for w in screen.query(Static))


def toasts(app) -> str:
    return "\n".join(t.render().plain for t in app.screen.query(Toast))


async def test_dashboard_cards_and_preview(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        shown_safely(screen_text(app))
        shown_safely(statics(app.screen))
        from waiting_room.tui.widgets.cards import card

        first = app.state.apps[0]
        shown_safely(card(first, app.state.derived(first)).plain)  # the whole card, not only what fits
        await pilot.click(OptionList)
        await pilot.click("#preview")
        await pilot.pause()
        assert app.is_running


async def test_full_view_clock_timeline_facts_reasons_and_tasks(make_app):
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ApplicationScreen)
        shown_safely(screen_text(app))
        for pane in ("#a-clock", "#a-timeline", "#a-facts"):
            shown_safely(screen.query_one(pane, Static).render().plain)
        evidence = "\n".join(w.render().plain for w in screen.query(".reason-body"))
        shown_safely(evidence, whole=False)  # quoted evidence is cut short; it must still be inert
        assert "on leave" in evidence
        tasks = screen.query_one("#a-tasks", OptionList)
        shown_safely("\n".join(tasks.get_option_at_index(i).prompt.plain for i in range(tasks.option_count)),
                      whole=False)
        for pane in ("#a-clock", "#a-timeline", "#a-facts", ".reason-body"):
            screen.query_one(pane).scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(pane)
        await pilot.press("pagedown", "end", "home")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ApplicationScreen)


async def test_edit_form_prefills_every_field_literally(make_app, hostile_db):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        stored = hostile_db.load()[0]
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)
        values = {w.id: w.value for w in form.query(Input)}
        # Shown with controls made visible; markup and every other character as stored.
        from waiting_room.core.text import clean

        assert values["in-company"] == clean(stored.company, single_line=True)
        assert values["in-notes"] == clean(stored.notes, single_line=True)
        for attack in MARKUP_ATTACKS:
            assert attack in screen_text(app)
        # Saving unchanged keeps the text exactly as it was: nothing is "cleaned" on the way in.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert hostile_db.load()[0] == stored
        assert app.is_running


async def test_edit_form_shows_no_control_characters(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert not forbidden(screen_text(app))


async def test_delete_confirm_and_its_notification(make_app, hostile_db):
    app = make_app()
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#delete").press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown_safely(app.screen.query_one(".question", Static).render().plain)
        await pilot.click(".question")
        await pilot.press("y")
        await pilot.pause()
        assert hostile_db.load() == []
        shown_safely(toasts(app))
        shown_safely(screen_text(app), whole=False)
        assert app.is_running


async def test_ending_screen_after_a_rejection(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#in-kind").value = "rejection"
        form.query_one("#in-note", Input).value = "[ @click=app.quit]x[/] \x1b[2J"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EndingScreen)
        shown_safely(app.screen.query_one(".dialog-title", Static).render().plain)
        shown_safely(screen_text(app), whole=False)
        await pilot.click(".dialog-title")
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


async def test_draft_screen_title_and_text(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        shown_safely(screen.query_one("#draft-title", Static).render().plain)
        body = screen.query_one(TextArea).text
        assert not forbidden(body), forbidden(body)
        shown_safely(screen_text(app), whole=False)
        for key in ("right", "right", "right", "left"):
            await pilot.press(key)
            await pilot.pause()
            assert not forbidden(screen.query_one(TextArea).text)
        await pilot.click("#draft-title")
        await pilot.press("escape")
        assert app.is_running


async def test_own_task_notification(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        tasks = app.screen.query_one("#a-tasks", OptionList)
        own = next(i for i in range(tasks.option_count) if tasks.get_option_at_index(i).id == "own-1")
        tasks.highlighted = own
        await pilot.press("space")
        await pilot.pause()
        shown = toasts(app)
        assert "Done:" in shown
        shown_safely(shown)
        shown_safely(screen_text(app), whole=False)
        assert app.is_running


async def test_command_palette_jump_entries(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"click")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "Jump to" in text and "@click=app.quit" in text
        shown_safely(text, whole=False)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationScreen)
        assert app.is_running


async def test_help_and_stats(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown_safely(screen_text(app), whole=False)
        await pilot.press("escape", "s")
        await pilot.pause()
        text = screen_text(app)
        shown_safely(text, whole=False)
        assert "[ @click=app.quit]" in text  # the company column, cut to fit, still literal
        await pilot.press("escape")
        assert app.is_running


def test_status_text_bytes_carry_no_terminal_control(tmp_path, hostile_db, child_env):
    for argv in (["status"], ["log", hostile_db.load()[0].id, "heard_back", "--note", "\x1b[2J"]):
        done = subprocess.run(
            [sys.executable, "-m", "waiting_room", "--db", str(hostile_db.path), "--today", TODAY.isoformat(),
             *argv], env=child_env(COLUMNS="300"), capture_output=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        # Raw bytes: ESC and BEL alone, C1 CSI and the bidi override as their UTF-8 (a lone 0x9b byte
        # is fine inside a multi-byte character such as U+241B, the visible stand-in for ESC).
        for byte in (b"\x1b", b"\x07", "\x9b".encode(), "\u202e".encode()):
            assert byte not in done.stdout, (argv, byte, done.stdout)
        assert not forbidden(done.stdout.decode("utf-8"))
        assert b"[ @click=app.quit]x[/]" in done.stdout


def test_json_out_of_status_and_export_carries_no_terminal_control(tmp_path, hostile_db, child_env):
    # JSON escapes C0 itself; C1 (CSI) and the bidi overrides must come out as \uXXXX
    # too, for the same data, because scripts print this straight to a terminal.
    import json

    expected = json.loads(hostile_db.path.read_text())
    company = next(iter(expected["applications"].values()))["company"]
    assert "\x9b" in company and "\u202e" in company  # the attacks are really there
    for argv in (["status", "--json"], ["export"]):
        done = subprocess.run(
            [sys.executable, "-m", "waiting_room", "--db", str(hostile_db.path), "--today", TODAY.isoformat(),
             *argv], env=child_env(), capture_output=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        for byte in (b"\x1b", b"\x07", "\x9b".encode(), "\u202e".encode()):
            assert byte not in done.stdout, (argv, byte)
        listed = json.loads(done.stdout)["applications"]
        assert company in [a["company"] for a in listed]
