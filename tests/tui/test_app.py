"""The TUI as a person uses it: keys in, what changes on screen and on disk."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from waiting_room.core.model import Application, Event, Kind, Size, Status
from waiting_room.core.summary import waiting_apps
from waiting_room.store.database import Database
from waiting_room.tui.screens.application import ApplicationScreen
from waiting_room.tui.screens.dashboard import Dashboard
from waiting_room.tui.screens.forms import ApplicationForm, EventForm

from tuikit import TODAY, card_ids, screen_text, type_ahead


async def test_list_shows_waiting_applications_longest_wait_first(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        expected = [a.id for a in waiting_apps(demo_db.load(), TODAY)]
        assert card_ids(app) == expected
        closed = [a.id for a in demo_db.load() if not a.is_waiting]
        assert closed and not set(closed) & set(card_ids(app))
        text = screen_text(app)
        assert "Lumen Grid Energy" in text and "31 days" in text


async def test_j_and_k_move_and_enter_opens_and_escape_returns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = card_ids(app)
        dash = app.screen
        await pilot.press("j", "j")
        assert dash.selected().id == ids[2]
        await pilot.press("k")
        assert dash.selected().id == ids[1]
        await pilot.press("enter")
        assert isinstance(app.screen, ApplicationScreen)
        assert app.screen.app_id == ids[1]
        assert "Behind closed doors" in screen_text(app)
        await pilot.press("j")  # next application, inside the full view
        assert app.screen.app_id == ids[2]
        await pilot.press("escape")
        assert isinstance(app.screen, Dashboard)


async def test_add_form_saves_and_the_new_application_appears(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = len(demo_db.load())
        await pilot.press("a")
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press(*"Quiet Harbor Labs")
        await pilot.press("tab")
        await pilot.press(*"Research Assistant")
        await pilot.press("tab")
        await pilot.press(*"3 days ago")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        stored = demo_db.load()
        assert len(stored) == before + 1
        new = next(a for a in stored if a.company == "Quiet Harbor Labs")
        assert new.role == "Research Assistant"
        assert new.events == (Event(date(2026, 11, 17), Kind.INTERVIEW),)
        assert new.id in card_ids(app)
        assert app.screen.selected().id == new.id


async def test_add_form_refuses_empty_fields_and_bad_dates_inline(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        before = demo_db.path.read_bytes()
        await pilot.press("a", "ctrl+s")
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#field-company").has_class("-invalid")
        await pilot.press(*"Acme", "tab", *"Analyst", "tab", *"the day before never")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ApplicationForm)
        assert form.query_one("#field-interviewed").has_class("-invalid")
        assert not form.query_one("#field-company").has_class("-invalid")
        await pilot.press("escape")
        assert isinstance(app.screen, Dashboard)
        assert demo_db.path.read_bytes() == before


async def test_enter_on_the_last_field_saves(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"Enter Co", "enter", *"Tester")
        form = app.screen
        form.query_one("#in-notes").focus()
        await pilot.press(*"met the whole team", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Dashboard)
        assert any(a.company == "Enter Co" and a.notes == "met the whole team" for a in demo_db.load())


async def test_log_event_restarts_the_clock(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.screen.selected()
        await pilot.press("l")
        assert isinstance(app.screen, EventForm)
        app.screen.query_one("#in-date").value = "yesterday"
        app.screen.query_one("#in-note").value = "Recruiter says the panel meets next week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = next(a for a in demo_db.load() if a.id == first.id)
        last = stored.events[-1]
        assert (last.kind, last.date) == (Kind.HEARD_BACK, date(2026, 11, 19))
        assert app.state.derived(stored).days == 1


async def test_logging_a_rejection_closes_it_kindly_and_h_shows_closed(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        await pilot.press("l")
        from textual.widgets import Select

        app.screen.query_one("#in-kind", Select).value = Kind.REJECTION.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not this time" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, Dashboard)
        assert next(a for a in demo_db.load() if a.id == target.id).status is Status.REJECTED
        assert target.id not in card_ids(app)
        await pilot.press("h")
        assert target.id in card_ids(app)
        await pilot.press("h")
        assert target.id not in card_ids(app)


async def test_space_ticks_the_next_task_and_offers_to_log_it(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        task = app.state.derived(target).next_tasks[0]
        assert task.logs is not None
        await pilot.press("space")
        await pilot.pause()
        assert task.id in next(a for a in demo_db.load() if a.id == target.id).ticked
        await pilot.press("y")  # yes, log the follow-up too
        await pilot.pause()
        stored = next(a for a in demo_db.load() if a.id == target.id)
        assert stored.events[-1] == Event(TODAY, task.logs)


async def test_space_in_the_full_view_unticks_again(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        await pilot.press("enter", "space")
        await pilot.pause()
        if app.screen.__class__.__name__ == "ConfirmScreen":
            await pilot.press("n")
        stored = next(a for a in demo_db.load() if a.id == target.id)
        assert len(stored.ticked) == 1
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in demo_db.load() if a.id == target.id).ticked == {}


async def test_filter_narrows_the_list_and_escape_clears_it(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        everyone = card_ids(app)
        await pilot.press("slash", *"harbor")
        await pilot.pause()
        shown = card_ids(app)
        assert len(shown) == 1 and app.state.get(shown[0]).company == "Harbor Mutual"
        await pilot.press("enter")  # keep the filter, back to the list
        assert card_ids(app) == shown
        await pilot.press("escape")
        assert card_ids(app) == everyone


async def test_edit_keeps_events_logged_elsewhere_meanwhile(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        await pilot.press("e")
        assert isinstance(app.screen, ApplicationForm)
        # Another session logs an event while the form is open.
        other = Database(demo_db.path, today=TODAY)
        with other.transaction() as tx:
            tx.log(target.id, Event(TODAY, Kind.HEARD_BACK, "written elsewhere"))
        app.screen.query_one("#in-notes").value = "edited here"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = next(a for a in demo_db.load() if a.id == target.id)
        assert stored.notes == "edited here"
        assert stored.events[-1].note == "written elsewhere"


async def test_changes_from_another_process_appear_without_losing_typing(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"half-typed")
        other = Database(demo_db.path, today=TODAY)
        with other.transaction() as tx:
            new = tx.add(Application(id="", company="From Elsewhere", role="Writer",
                                     events=(Event(TODAY, Kind.INTERVIEW),)))
        app.check_for_changes()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#in-company").value == "half-typed"
        await pilot.press("escape")
        assert new.id in card_ids(app)


async def test_delete_asks_first(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        await pilot.press("e")
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.press("n")
        assert any(a.id == target.id for a in demo_db.load())
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not any(a.id == target.id for a in demo_db.load())
        assert target.id not in card_ids(app)


async def test_hostile_text_is_shown_literally_everywhere(make_app, tmp_path):
    hostile = "[/] [ @click=app.quit]x[/] [$accent]y[/] \x1b[2J\x1b]52;c;aGk=\x07 \x9b31m"
    db = Database(tmp_path / "h.json", today=TODAY)
    with db.transaction() as tx:
        tx.add(Application(id="", company=hostile, role="[bold]Role[/bold]", notes=hostile,
                           events=(Event(date(2026, 11, 10), Kind.INTERVIEW, hostile),)))
    app = make_app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[/] [ @click=app.quit]x[/] [$accent]y[/]" in text
        assert "[bold]Role[/bold]" in text
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
        await pilot.press("enter")
        assert "[ @click=app.quit]x[/]" in screen_text(app)
        for pane in ("#a-timeline", "#a-facts"):  # further down: read the rendered content
            shown = app.screen.query_one(pane).render().plain
            assert "[/] [ @click=app.quit]x[/] [$accent]y[/]" in shown
            assert "\x1b" not in shown and "\x9b" not in shown
        await pilot.press("escape", "ctrl+p", *"click")
        await pilot.pause(0.3)
        assert app.is_running


async def test_command_palette_jumps_to_an_application(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"harbor mutual")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationScreen)
        assert app.state.get(app.screen.app_id).company == "Harbor Mutual"


async def test_help_lists_every_contract_key(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert "Moving around" in screen_text(app)
        keys = {w.render().plain for w in app.screen.query(".help-key")}
        for key in ("j / down", "enter", "escape", "a", "e", "l", "space", "d", "c / ctrl+y", "/", "h", "s", "b",
                    "?", "ctrl+p", "q"):
            assert key in keys, key
        await pilot.press("escape")
        assert isinstance(app.screen, Dashboard)


async def test_empty_database_welcomes_instead_of_a_blank_list(make_app, tmp_path):
    app = make_app(Database(tmp_path / "new.json", today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to Waiting Room" in screen_text(app)
        assert not (tmp_path / "new.json").exists()  # looking writes nothing


async def test_closed_only_database_says_so(make_app, tmp_path):
    db = Database(tmp_path / "c.json", today=TODAY)
    with db.transaction() as tx:
        tx.add(replace(Application(id="", company="Done Co", role="R"), status=Status.OFFER))
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nothing is waiting right now" in screen_text(app)
        await pilot.press("h")
        assert "Done Co" in screen_text(app)


async def test_wide_terminal_shows_a_preview_narrow_does_not(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Behind closed doors" not in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "Behind closed doors" in screen_text(app)


async def test_type_ahead_through_tab_lands_in_the_right_fields(make_app):
    """A burst like SSH type-ahead: every key queued before the form has moved focus."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        for char in "Dune Data\tClerk\tlast mon":
            key = {"\t": "tab", " ": "space"}.get(char, char)
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        form = app.screen
        assert form.query_one("#in-company").value == "Dune Data"
        assert form.query_one("#in-role").value == "Clerk"
        assert form.query_one("#in-interviewed").value == "last mon"


async def test_type_ahead_through_a_list_field_lands_in_the_fields_after_it(make_app, demo_db):
    """Tab onto the company-size list and off it again: the date and name typed
    after it in the same burst reach the next fields, not the list."""
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        type_ahead(app, *"Dune Data", "tab", *"Clerk", "tab", "tab", "tab", *"2026-12-01", "tab", *"Dana")
        await pilot.pause(0.3)
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#in-size").value == form.query_one("#in-size").NULL
        assert form.query_one("#in-reply").value == "2026-12-01"
        assert form.query_one("#in-contact").value == "Dana"
        assert app.focused is form.query_one("#in-contact")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = next(a for a in demo_db.load() if a.company == "Dune Data")
        assert (saved.role, saved.company_size) == ("Clerk", None)
        assert saved.expected_reply_by == date(2026, 12, 1)
        assert [c.name for c in saved.contacts] == ["Dana"]


async def test_type_ahead_through_an_open_list_chooses_and_moves_on(make_app):
    """Open the list, move or search in it, choose, and type on: all in one burst."""
    bursts = {
        Size.SMALL: ("enter", "down", "enter"),
        Size.ENTERPRISE: ("space", *"ent", "enter"),  # type-to-search in the open list
        None: ("enter", "down", "escape", "tab"),  # escape closes without choosing
    }
    for size, choosing in bursts.items():
        app = make_app()
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.press("a")
            await pilot.pause()
            type_ahead(app, *"Dune Data", "tab", *"Clerk", "tab", "tab", *choosing, *"2026-12-01", "tab", *"Dana")
            await pilot.pause(0.3)
            form = app.screen
            select = form.query_one("#in-size")
            assert select.value == (size.value if size else select.NULL), choosing
            assert not select.expanded
            assert form.query_one("#in-reply").value == "2026-12-01", choosing
            assert form.query_one("#in-contact").value == "Dana", choosing


async def test_type_ahead_from_the_event_kind_list_lands_in_the_note(make_app, demo_db):
    """The log form opens on its kind list; Tab, Tab and a note in one burst."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.screen.selected()
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        assert app.focused is form.query_one("#in-kind")  # its first value is not a choice to move on from
        type_ahead(app, "tab", "tab", *"Recruiter called")
        await pilot.pause(0.3)
        assert form.query_one("#in-kind").value == Kind.HEARD_BACK.value
        assert form.query_one("#in-date").value == "today"
        assert form.query_one("#in-note").value == "Recruiter called"
        await pilot.press("ctrl+s")
        await pilot.pause()
        last = next(a for a in demo_db.load() if a.id == first.id).events[-1]
        assert (last.kind, last.date, last.note) == (Kind.HEARD_BACK, TODAY, "Recruiter called")


async def test_slash_then_typing_at_once_filters(make_app):
    """'/harbor' typed in one burst: every letter reaches the filter, none the list."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for char in "/harbor":
            app.post_message(events.Key("slash" if char == "/" else char, char))
        await pilot.pause(0.3)
        assert isinstance(app.screen, Dashboard)
        assert app.screen.query_one("#filter").value == "harbor"
        assert [app.state.get(i).company for i in card_ids(app)] == ["Harbor Mutual"]


async def test_type_ahead_through_enter_lands_in_the_next_fields(make_app, demo_db):
    """Enter moves on as Tab does: the letters typed behind it reach the next field."""
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        type_ahead(app, *"Dune Data", "enter", *"Clerk", "enter", *"last mon")
        await pilot.pause(0.3)
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.query_one("#in-company").value == "Dune Data"
        assert form.query_one("#in-role").value == "Clerk"
        assert form.query_one("#in-interviewed").value == "last mon"
        assert app.focused is form.query_one("#in-interviewed")


async def test_type_ahead_through_editing_keys_and_ctrl_s_saves_what_was_typed(make_app, demo_db):
    """Clear, retype with a slip corrected, save: every key in its turn. The keys
    after ctrl+s are not typed into the form it saved."""
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        first = app.screen.selected()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        type_ahead(app, "ctrl+u", *"Lumen Gridx", "backspace", *" Power", "ctrl+s", *"zz")
        await pilot.pause(0.3)
        assert isinstance(app.screen, Dashboard)
        saved = next(a for a in demo_db.load() if a.id == first.id)
        assert saved.company == "Lumen Grid Power"


async def test_type_ahead_through_enter_on_the_last_field_saves(make_app, demo_db):
    """The log form in one burst: past the kind list, a new date, enter, a note, enter."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.screen.selected()
        await pilot.press("l")
        await pilot.pause()
        type_ahead(app, "tab", "ctrl+u", *"2026-11-19", "enter", *"Recruiter called", "enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, EventForm)
        last = next(a for a in demo_db.load() if a.id == first.id).events[-1]
        assert (last.kind, last.date, last.note) == (Kind.HEARD_BACK, date(2026, 11, 19), "Recruiter called")


async def test_type_ahead_through_the_filter_and_enter_moves_the_list(make_app):
    """'/engineer', enter, j in one burst: the filter is kept and j moves in it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        type_ahead(app, "slash", *"engineer", "enter", "j")
        await pilot.pause(0.3)
        dashboard = app.screen
        assert dashboard.query_one("#filter").value == "engineer"
        shown = card_ids(app)
        assert sorted(app.state.get(i).company for i in shown) == ["Lumen Grid Energy", "Pixelforge Games"]
        assert app.focused is dashboard.query_one("#list")
        assert dashboard.selected().id == shown[1]


async def test_type_ahead_through_the_filter_and_escape_moves_the_list(make_app):
    """'/engineer', escape, j in one burst: the filter is gone and j moves in the whole list."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        everyone = card_ids(app)
        type_ahead(app, "slash", *"engineer", "escape", "j")
        await pilot.pause(0.3)
        dashboard = app.screen
        assert dashboard.query_one("#filter").value == ""
        assert card_ids(app) == everyone
        assert app.focused is dashboard.query_one("#list")
        assert dashboard.selected().id == everyone[1]


async def test_a_burst_into_the_open_filter_then_escape_and_j_moves_the_whole_list(make_app):
    """The filter already open (as when a person presses / and pauses): the burst's
    own Changed messages arrive after escape and must not filter the list again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        everyone = card_ids(app)
        await pilot.press("slash")
        await pilot.pause()
        type_ahead(app, *"engineer", "escape", "j")
        await pilot.pause(0.3)
        assert app.screen.filter_text == "" and card_ids(app) == everyone
        assert app.screen.selected().id == everyone[1]


async def test_a_burst_into_the_open_filter_with_a_slip_then_enter_and_j(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        type_ahead(app, *"engx", "backspace", *"ineer", "enter", "j")
        await pilot.pause(0.3)
        shown = card_ids(app)
        assert app.screen.filter_text == "engineer"
        assert sorted(app.state.get(i).company for i in shown) == ["Lumen Grid Energy", "Pixelforge Games"]
        assert app.screen.selected().id == shown[1]


async def test_enter_twice_on_save_saves_once_and_keeps_the_app(make_app, demo_db):
    """A double Enter is an ordinary slip: the second must not pop the screen beneath."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = len(demo_db.load())
        await pilot.press("a", *"Gamma", "tab", *"Ops")
        app.screen.query_one("#save").focus()
        await pilot.press("enter", "enter")
        await pilot.pause()
        # Saved once; the second Enter reached the list beneath, which opens the new one.
        assert app.is_running and len(demo_db.load()) == before + 1
        if not isinstance(app.screen, ApplicationScreen):
            await pilot.press("enter")
        await pilot.press("l")  # in the full view, log with a double Enter
        app.screen.query_one("#in-note").focus()
        await pilot.press(*"ok", "enter", "enter")
        await pilot.pause()
        # The log form closed once: the full view is still there (the second Enter
        # may have reached its task list, which asks before doing anything).
        assert any(isinstance(s, ApplicationScreen) for s in app.screen_stack)


async def test_palette_actions_from_a_full_view_act_on_that_application(make_app):
    from waiting_room.tui.screens.draft import DraftScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"harbor mutual")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        harbor = app.screen.app_id
        assert app.state.get(harbor).company == "Harbor Mutual"
        await pilot.press("ctrl+p", *"draft a message")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen) and app.screen.app_id == harbor
        await pilot.press("escape", "escape")
        await pilot.pause()
        dashboard = app.screen_stack[0]
        assert dashboard.selected().id == harbor  # the jump selected it on the dashboard too


async def test_typing_in_an_edit_field_adds_to_what_is_there(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        await pilot.press("e", *" Ltd", "ctrl+s")
        await pilot.pause()
        assert next(a for a in demo_db.load() if a.id == target.id).company == target.company + " Ltd"


async def test_the_full_view_starts_on_the_first_task_still_to_do(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "enter")  # Northwind: thank-you and follow-ups already done
        screen = app.screen
        tasks = app.state.derived(app.state.get(screen.app_id)).tasks
        assert tasks[0].done
        highlighted = tasks[screen.query_one("#a-tasks").highlighted]
        assert not highlighted.done


async def test_choosing_a_size_moves_on_and_delete_keeps_a_neighbour_selected(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ids = card_ids(app)
        await pilot.press("j")  # the second card
        await pilot.press("e")
        form = app.screen
        form.query_one("#in-size").focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.focused is form.query_one("#in-status")  # moved on to the next field
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert ids[1] not in card_ids(app)
        assert app.screen.selected().id == ids[2]  # the next one, not the top of the list


async def test_a_real_run_settles_a_second_after_start(make_app):
    # Start-up's objects leave the garbage collector's sweeps and every note
    # pattern gets compiled, off the UI thread, before the first key needs it.
    import asyncio
    import gc

    from waiting_room.core.reader import patterns
    from waiting_room.tui.app import SETTLE_AFTER, SETTLED_GEN0

    patterns._REGEX[:] = [None] * len(patterns._REGEX)
    app = make_app(settle=True)
    thresholds = gc.get_threshold()
    gc.disable()  # as run_app holds the collector through start-up
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            frozen = gc.get_freeze_count()
            assert any(regex is None for regex in patterns._REGEX)
            await asyncio.sleep(SETTLE_AFTER + 0.3)
            await app.workers.wait_for_complete()
            assert gc.get_freeze_count() > frozen and gc.isenabled()
            assert gc.get_threshold() == (SETTLED_GEN0, *thresholds[1:])
            assert all(regex is not None for regex in patterns._REGEX)
            await pilot.press("j")
            assert app.is_running
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        gc.enable()


def test_run_app_gives_the_cycle_collector_back_however_it_ends(demo_db, tmp_path, monkeypatch):
    # run_app holds the collector through start-up and the app resumes it when it
    # settles, a second in. A file that cannot be opened, or an app closed before
    # that second, must not leave it off for whatever runs next in the process.
    import gc

    from waiting_room.tui import app as app_module
    from waiting_room.tui.run import run_app

    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{not json")
    thresholds = gc.get_threshold()
    # closed at once, having settled (which changes the collector's threshold)
    monkeypatch.setattr(app_module.WaitingRoomApp, "run", lambda self: gc.set_threshold(5, 5, 5))
    gc.enable()
    try:
        assert run_app(Database(bad, today=TODAY), TODAY) == 2
        assert gc.isenabled(), "left off after refusing a corrupt file"
        assert run_app(demo_db, TODAY) == 0
        assert gc.isenabled(), "left off after an app closed before it settled"
        assert gc.get_threshold() == thresholds, "the settled threshold outlived the app"
        monkeypatch.setattr(app_module.WaitingRoomApp, "run", lambda self: gc.enable())  # settled
        gc.disable()
        assert run_app(demo_db, TODAY) == 0
        assert not gc.isenabled(), "turned on for a caller that had it off"
    finally:
        gc.set_threshold(*thresholds)
        gc.enable()


def _long_list(tmp_path) -> tuple[Database, int]:
    """A database of more waiting applications than the first frame draws."""
    from datetime import timedelta

    from waiting_room.tui.screens.dashboard import FIRST_FRAME_CARDS

    total = FIRST_FRAME_CARDS + 25
    db = Database(tmp_path / "db.json", today=TODAY)
    with db.transaction() as tx:
        tx.add_many([
            Application("", f"Company {n:03}", "Role",
                        events=(Event(TODAY - timedelta(days=n % 40 + 1), Kind.INTERVIEW),))
            for n in range(total)
        ])
    return db, total


async def test_a_long_list_draws_its_first_cards_first_then_all(make_app, tmp_path, monkeypatch):
    # Every card is measured before it is drawn: the first frame holds only enough
    # to fill any screen, and the rest join right after it, keeping the highlight.
    from waiting_room.tui.screens.dashboard import FIRST_FRAME_CARDS

    db, total = _long_list(tmp_path)
    in_first_frame: list[int] = []
    real = Dashboard._after_first_frame

    def spy(self):
        in_first_frame.append(len(card_ids(self.app)))
        real(self)

    monkeypatch.setattr(Dashboard, "_after_first_frame", spy)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert in_first_frame == [FIRST_FRAME_CARDS]
        ids = card_ids(app)
        assert len(ids) == total and ids == [a.id for a in waiting_apps(db.load(), TODAY)]
        for _ in range(FIRST_FRAME_CARDS + 5):
            await pilot.press("j")
        await pilot.pause()
        assert app.screen.selected().id == ids[FIRST_FRAME_CARDS + 5]


async def test_the_first_frame_plans_only_the_cards_it_draws(make_app, tmp_path, monkeypatch):
    # The header's "things to do today" needs every waiting application's plan:
    # it joins right after the first frame, which plans only the cards it draws.
    from waiting_room.tui.screens.dashboard import FIRST_FRAME_CARDS

    db, total = _long_list(tmp_path)
    planned: list[int] = []
    real = Dashboard._after_first_frame

    def spy(self):
        planned.append(sum("next_tasks" in self.state.derived(a).__dict__ for a in self.state.apps))
        real(self)

    monkeypatch.setattr(Dashboard, "_after_first_frame", spy)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert planned and planned[0] <= FIRST_FRAME_CARDS
        header = str(app.screen.query_one("#today").content)
        assert f"{total} waiting" in header and "things to do today" in header


async def test_the_draft_screen_says_so_when_the_plan_says_wait(make_app, tmp_path):
    from datetime import timedelta

    from waiting_room.tui.screens.draft import DraftScreen

    db = Database(tmp_path / "wr.json", today=TODAY)
    met = TODAY - timedelta(days=2)
    with db.transaction() as tx:
        tx.add(Application("w1", "Acme", "Analyst", (
            Event(met, Kind.INTERVIEW, "They said they'd decide by the end of next week"),
            Event(met, Kind.THANK_YOU_SENT),
        )))
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "d")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        text = " ".join(screen_text(app).split())
        # Fri 27 Nov is the end of next week; the follow-up is for the Monday after
        assert "No message is due before Mon 30 Nov; here is the polite follow-up for then." in text
        assert "fits this moment" not in text


@pytest.mark.parametrize("keys", ["qe", "qa", "ql"])
async def test_quit_then_a_form_key_typed_ahead_just_quits(make_app, keys):
    # Over SSH both keys arrive before the first is handled: the form the second
    # opens mounts while the app closes, and must not look for fields it never got.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, *keys)
        await pilot.pause(0.5)
    assert app.return_code in (0, None)


async def test_a_fields_error_goes_as_soon_as_its_text_is_right(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"Acme", "tab", *"Analyst", "tab", *"someday", "ctrl+s")
        form = app.screen
        field = form.query_one("#field-interviewed")
        assert isinstance(form, ApplicationForm) and field.has_class("-invalid")
        await pilot.press(*["backspace"] * 7, *"3 Nov")
        await pilot.pause()
        assert not field.has_class("-invalid")  # right now, before any save
        await pilot.press(*["backspace"] * 5, *"3 No")
        await pilot.pause()
        assert not field.has_class("-invalid")  # (a good field is only checked again on save)


async def test_j_and_k_stop_at_the_ends_of_the_list(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ids = card_ids(app)
        assert app.screen.selected().id == ids[0]
        await pilot.press("k")  # already at the top: stays
        assert app.screen.selected().id == ids[0]
        await pilot.press(*["j"] * (len(ids) + 2))  # past the end: stays on the last
        await pilot.pause()
        assert app.screen.selected().id == ids[-1]
        await pilot.press("down")
        assert app.screen.selected().id == ids[-1]


async def test_space_twice_on_the_dashboard_unticks_rather_than_ticking_ahead(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        target = app.screen.selected()
        before = next(a for a in demo_db.load() if a.id == target.id).ticked
        await pilot.press("space")
        await pilot.pause()
        if app.screen.__class__.__name__ == "ConfirmScreen":
            await pilot.press("n")  # just tick
            await pilot.pause()
        assert len(next(a for a in demo_db.load() if a.id == target.id).ticked) == len(before) + 1
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in demo_db.load() if a.id == target.id).ticked == before


async def test_ticking_a_step_before_its_day_says_so(make_app, tmp_path):
    from datetime import timedelta

    from waiting_room.tui.screens.dashboard import Dashboard as _Dashboard

    db = Database(tmp_path / "wr.json", today=TODAY)
    with db.transaction() as tx:
        tx.add(Application("w1", "Acme", "Analyst", (
            Event(TODAY - timedelta(days=1), Kind.INTERVIEW), Event(TODAY, Kind.THANK_YOU_SENT),
        )))
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, _Dashboard)
        await pilot.press("space")
        await pilot.pause()
        if app.screen.__class__.__name__ == "ConfirmScreen":
            await pilot.press("n")
            await pilot.pause()
        shown = " ".join(n.message for n in app._notifications)
        assert "Ticked ahead of its day" in shown and "Space again unticks it." in shown


async def test_a_closed_application_shows_how_it_ended_not_guesses(make_app, tmp_path):
    from datetime import timedelta

    db = Database(tmp_path / "wr.json", today=TODAY)
    with db.transaction() as tx:
        tx.add(Application("c1", "Acme", "Analyst", (
            Event(TODAY - timedelta(days=20), Kind.INTERVIEW, "the hiring manager is on leave"),
            Event(TODAY - timedelta(days=3), Kind.REJECTION, "they went with an internal candidate"),
        ), status=Status.REJECTED))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")  # show closed ones
        await pilot.pause()
        text = screen_text(app)
        assert "How it ended" in text and "they went with an internal candidate" in text
        assert "Behind closed doors" not in text and "%" not in text
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "How it ended" in text and "they went with an internal candidate" in text
        assert "what may be happening" not in text
