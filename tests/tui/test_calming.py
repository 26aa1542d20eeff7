"""The calming layer with Pilot: drafts, the breathing break, stats, letting quiet ones rest."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Static, Tabs

from waiting_room.core import stats
from waiting_room.core.drafts import DraftKind, suggested_draft
from waiting_room.core.model import Application, Event, Kind, Status
from waiting_room.tui.app import WaitingRoomApp
from waiting_room.tui.run import make_demo_database
from waiting_room.tui.screens.breathe import BOX, FOUR_SEVEN_EIGHT, BreatheScreen, moment
from waiting_room.tui.screens.confirm import ConfirmScreen
from waiting_room.tui.screens.dashboard import Dashboard
from waiting_room.tui.screens.draft import DraftScreen, SavePathScreen, default_path
from waiting_room.tui.screens.ending import EndingScreen
from waiting_room.tui.screens.stats import StatsScreen
from waiting_room.tui.quiet import RestedScreen, RestQuietScreen, quiet_ones

from tuikit import screen_text, type_ahead

TODAY = date(2026, 11, 20)
LUMEN = "lg7740"  # the demo's longest wait (31 days): first on the dashboard


def make(tmp_path: Path) -> WaitingRoomApp:
    db = make_demo_database(TODAY, tmp_path)
    return WaitingRoomApp(db, TODAY, demo=True, reload_every=None)


def stored(app: WaitingRoomApp, app_id: str) -> Application:
    return next(a for a in app.db.load() if a.id == app_id)


async def open_draft(pilot) -> DraftScreen:
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DraftScreen)
    return screen


# drafts ---------------------------------------------------------------------------

async def test_draft_opens_on_the_suggested_kind_and_switches(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        assert screen.app_id == LUMEN
        expected = suggested_draft(stored(app, LUMEN), TODAY)
        assert screen.kind is expected
        assert screen.query_one(Tabs).active == expected.value

        await pilot.press("1")
        await pilot.pause()
        assert screen.kind is DraftKind.THANK_YOU
        assert screen.text_area.text.startswith("Subject: Thank you: Data Engineer")

        await pilot.press("right")
        await pilot.pause()
        assert screen.kind is DraftKind.FOLLOW_UP
        assert "Following up" in screen.text_area.text

        await pilot.press("5")
        await pilot.pause()
        assert screen.kind is DraftKind.ACCEPT_NEXT_ROUND
        assert "Next round" in screen.text_area.text


async def test_draft_body_names_company_role_and_contact(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        text = screen.text_area.text
        assert "Lumen Grid Energy" in text
        assert "Data Engineer" in text
        assert "Dear Ines," in text
        assert "Lumen Grid Energy" in screen_text(app)


async def test_edits_survive_switching_kind_and_back(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        await pilot.press("1", "tab")
        await pilot.pause()
        assert screen.editing
        await pilot.press("h", "i", "escape")  # escape leaves the text, it does not close
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen) and not screen.editing
        await pilot.press("2", "1")
        await pilot.pause()
        assert screen.text_area.text.startswith("hiSubject: Thank you")
        await pilot.press("escape")  # changes not copied or saved: it asks first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)


async def test_c_copies_subject_and_body_and_types_c_while_editing(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        await pilot.press("c")
        await pilot.pause()
        copied = app.clipboard
        assert copied == screen.text_area.text
        assert copied.startswith("Subject: ") and "Dear Ines," in copied

        await pilot.press("tab", "c")  # in the text, c is a letter
        await pilot.pause()
        assert screen.text_area.text.startswith("cSubject: ")
        assert app.clipboard == copied
        await pilot.press("ctrl+y")  # copies from anywhere
        await pilot.pause()
        assert app.clipboard.startswith("cSubject: ")


async def test_ctrl_s_saves_the_draft_privately(tmp_path):
    app = make(tmp_path)
    target = tmp_path / "out" / "note.txt"
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SavePathScreen)
        box = dialog.query_one(Input)
        assert box.value == default_path("Lumen Grid Energy", screen.kind)
        box.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert target.read_text("utf-8") == screen.text_area.text + "\n"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_a_path_typed_ahead_in_the_save_dialog_is_the_one_saved_to(tmp_path):
    app = make(tmp_path)
    target = tmp_path / "out" / "typed.txt"
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        type_ahead(app, "ctrl+u", *str(target), "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, DraftScreen)
        assert target.read_text("utf-8") == screen.text_area.text + "\n"


def test_default_save_path_is_in_home_and_safe():
    assert default_path("Bramble & Finch", DraftKind.FOLLOW_UP) == (
        "~/waiting-room-drafts/bramble-finch-follow-up.txt")
    assert default_path("../../[b]x\x1b", DraftKind.THANK_YOU) == "~/waiting-room-drafts/b-x-thank-you.txt"
    assert default_path("???", DraftKind.CHECK_IN) == "~/waiting-room-drafts/draft-check-in.txt"


async def test_ctrl_s_default_path_goes_under_home(tmp_path, _isolated_home):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_draft(pilot)
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        saved = _isolated_home / "waiting-room-drafts" / "lumen-grid-energy-thank-you.txt"
        assert saved.is_file()
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600


async def test_mark_as_sent_logs_the_drafts_event_for_today(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_draft(pilot)
        before = len(stored(app, LUMEN).events)
        await pilot.press("2", "m")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        events = stored(app, LUMEN).events
        assert len(events) == before + 1
        assert events[-1] == Event(TODAY, Kind.FOLLOW_UP_SENT)


async def test_mark_as_sent_on_a_withdrawal_asks_first(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_draft(pilot)
        await pilot.press("4", "m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert stored(app, LUMEN).status is Status.WAITING
        await pilot.press("m", "y")
        await pilot.pause()
        assert isinstance(app.screen, EndingScreen)
        assert stored(app, LUMEN).status is Status.WITHDRAWN


async def test_next_round_has_nothing_to_mark(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_draft(pilot)
        before = stored(app, LUMEN)
        await pilot.press("5", "m")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert stored(app, LUMEN) == before


async def test_hostile_company_name_shows_literally_in_the_draft(tmp_path):
    app = make(tmp_path)
    with app.db.transaction() as tx:
        hostile = tx.add(Application(id="", company="[@click=app.quit]Evil[/] \x1b[2J",
                                     role="[b]Role", events=(Event(date(2026, 1, 1), Kind.INTERVIEW),)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        from waiting_room.tui import actions

        actions.open_draft(app, hostile.id)
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]Evil[/]" in text
        assert "\x1b" not in app.screen.text_area.text


# breathing ------------------------------------------------------------------------

def test_breath_moments_follow_the_pattern():
    start = moment(BOX, 0)
    assert (start.phase.words, start.count, start.size, start.round) == ("Breathe in", 4, 0.0, 1)
    assert moment(BOX, 2).size == 0.5
    assert moment(BOX, 3.75).count == 1
    hold = moment(BOX, 4)
    assert (hold.phase.words, hold.count, hold.size) == ("Hold", 4, 1.0)
    assert moment(BOX, 8).phase.words == "Breathe out"
    assert moment(BOX, 12).phase.words == "Hold" and moment(BOX, 12).size == 0.0
    assert moment(BOX, 16).round == 2
    assert moment(FOUR_SEVEN_EIGHT, 4).count == 7
    assert moment(FOUR_SEVEN_EIGHT, 11).phase.words == "Breathe out"
    assert moment(FOUR_SEVEN_EIGHT, 11).count == 8
    assert moment(BOX, 16 * 4).done


async def test_breathing_shows_words_and_count_and_escape_returns(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        text = screen_text(app)
        assert "Breathe in" in text and "round 1 of 4" in text
        screen.ticks = 4 * 4 + 2  # half a second into "Hold"
        screen.show()
        await pilot.pause()
        assert "Hold   4" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert screen.pattern is FOUR_SEVEN_EIGHT and "4-7-8" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)


async def test_breathing_with_animations_off_still_guides(tmp_path):
    app = make(tmp_path)
    app.animation_level = "none"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = BreatheScreen(ticking=False)
        app.push_screen(screen)
        await pilot.pause()
        shape = screen.query_one("#breathe-shape", Static)
        first = str(shape.render())
        assert "Breathe in   4" in screen_text(app)
        for _ in range(6):
            screen.tick()
        await pilot.pause()
        assert "Breathe in   3" in screen_text(app)
        assert str(shape.render()) == first  # the shape rests
        for _ in range(12):
            screen.tick()
        await pilot.pause()
        assert "Hold   4" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)


async def test_breathing_shape_grows_with_the_breath(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = BreatheScreen(ticking=False)
        app.push_screen(screen)
        await pilot.pause()
        shape = screen.query_one("#breathe-shape", Static)
        small = str(shape.render()).count("█")
        for _ in range(8):
            screen.tick()
        await pilot.pause()
        assert str(shape.render()).count("█") > small


async def test_breathing_pauses_and_ends_gently(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = BreatheScreen(ticking=False)
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("space")
        screen.tick()
        assert screen.ticks == 0 and "Paused" in screen_text(app)
        await pilot.press("space")
        screen.ticks = 16 * 4 * 4 - 1
        screen.tick()
        await pilot.pause()
        assert "Four rounds done" in screen_text(app)
        await pilot.press("space")  # another four rounds
        await pilot.pause()
        assert "round 1 of 4" in screen_text(app)


# stats ----------------------------------------------------------------------------

def test_stats_core_on_the_demo(tmp_path):
    apps = make_demo_database(TODAY, tmp_path).load()
    counts = stats.counts_by_status(apps)
    assert counts[Status.WAITING] == 7 and counts[Status.REJECTED] == 1
    assert dict(stats.funnel(apps)) == {"applied": 8, "screened": 8, "interviewed": 8, "offer": 0}
    lumen = next(a for a in apps if a.id == LUMEN)
    # phone screen 15 Sep and interview 29 Sep, both answered on 20 Oct
    assert stats.response_times(lumen) == [35, 21]
    rows = {r.company: r for r in stats.by_company(apps, TODAY)}
    assert rows["Lumen Grid Energy"].median_wait == 31
    assert rows["Lumen Grid Energy"].median_response == 28
    assert rows["Tallow Books"].median_wait is None
    weeks = stats.per_week(apps, TODAY)
    assert len(weeks) == 12 and weeks[-1][0] == date(2026, 11, 16)
    assert sum(n for _, n in weeks) <= len(apps)


def test_funnel_counts_each_step_reached():
    def app(*kinds: Kind, status: Status = Status.WAITING) -> Application:
        return Application(id="x", company="C", role="R", status=status,
                           events=tuple(Event(date(2026, 1, 1), k) for k in kinds))

    apps = [app(Kind.APPLIED), app(Kind.APPLIED, Kind.PHONE_SCREEN),
            app(Kind.INTERVIEW), app(Kind.INTERVIEW, Kind.OFFER, status=Status.OFFER)]
    assert stats.funnel(apps) == (("applied", 4), ("screened", 3), ("interviewed", 2), ("offer", 1))


async def test_stats_screen_shows_counts_and_companies(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "8 in all: 7 waiting" in text and "1 not this time" in text
        assert "How far they got" in text
        assert app.screen.query_one(DataTable).row_count == 8
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)


# letting the quiet ones rest ------------------------------------------------------

async def test_rest_quiet_lists_confirms_closes_and_undoes(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RestQuietScreen)
        assert app.screen.days == 60
        assert "Nothing has been quiet for more than 60 days" in screen_text(app)
        await pilot.press("y")  # nothing to rest: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, RestQuietScreen)

        await pilot.press("1")  # 30 days
        await pilot.pause()
        assert [a.id for a, _ in quiet_ones(app, 30)] == [LUMEN]
        text = screen_text(app)
        assert "Lumen Grid Energy  ·  Data Engineer  ·  31 days" in text
        assert "Harbor Mutual" not in text  # 22 days: not quiet enough

        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RestedScreen)
        assert stored(app, LUMEN).status is Status.CLOSED
        assert sum(a.is_waiting for a in app.db.load()) == 6

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        assert stored(app, LUMEN).status is Status.WAITING
        assert sum(a.is_waiting for a in app.db.load()) == 7


async def test_rest_quiet_cancel_closes_nothing(tmp_path):
    app = make(tmp_path)
    before = app.db.load()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r", "1", "n")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        await pilot.press("r", "1", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
    assert app.db.load() == before


async def test_rest_quiet_keep_it_so_keeps_them_closed(tmp_path):
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r", "1", "y")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        assert stored(app, LUMEN).status is Status.CLOSED
        from waiting_room.tui.quiet import undo_rest

        assert undo_rest(app) == 1  # the undo stays available for a dashboard key
        assert stored(app, LUMEN).status is Status.WAITING
        assert undo_rest(app) == 0


async def test_u_on_the_dashboard_undoes_the_last_rest(tmp_path):
    from waiting_room.core.model import Status
    from waiting_room.tui.app import WaitingRoomApp
    from waiting_room.tui.run import make_demo_database

    db = make_demo_database(TODAY, tmp_path)
    app = WaitingRoomApp(db, TODAY, demo=True, reload_every=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r", "1", "y")  # 30 days: Lumen Grid only
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [a.company for a in db.load() if a.status is Status.CLOSED] == ["Lumen Grid Energy"]
        await pilot.press("u")
        await pilot.pause()
        assert not [a for a in db.load() if a.status is Status.CLOSED]


async def test_closing_a_draft_with_changes_asks_first(tmp_path):
    from waiting_room.tui.screens.confirm import ConfirmScreen
    from waiting_room.tui.screens.draft import DraftScreen

    app = WaitingRoomApp(make_demo_database(TODAY, tmp_path), TODAY, demo=True, reload_every=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")  # untouched: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, DraftScreen)
        await pilot.press("d", "tab", *"P.S. ", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, DraftScreen)
        await pilot.press("c", "escape")  # copied: nothing would be lost
        await pilot.pause()
        assert not isinstance(app.screen, (DraftScreen, ConfirmScreen))



async def test_q_on_a_draft_does_not_quit_and_lose_it(tmp_path):
    """The draft is a dialog: app keys like q stay out of it, so edits cannot be lost by a stray q."""
    from waiting_room.tui.screens.draft import DraftScreen

    app = WaitingRoomApp(make_demo_database(TODAY, tmp_path), TODAY, demo=True, reload_every=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d", "tab", *"P.S. ", "escape", "q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, DraftScreen)
        assert app.screen.text_area.text.startswith("P.S. ")


async def test_a_burst_typed_into_the_draft_keeps_its_order(tmp_path):
    """Backspace, enter and the arrows act in turn with the letters around them, as
    when a fast typist's keys arrive together over SSH (Textual issue 6605)."""
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_draft(pilot)
        area = screen.text_area
        area.text = ""
        screen.set_focus(area)
        await pilot.pause()
        type_ahead(app, *"Thanks agian", "backspace", "backspace", "backspace", *"ain", "enter",
                   *"Best", "left", "left", "left", "left", *"All the ")
        await pilot.pause(0.3)
        assert area.text == "Thanks again\nAll the Best"
