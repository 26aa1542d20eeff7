"""The dashboard: every waiting application at once, and the selected one beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from waiting_room.core.model import Application
from waiting_room.core.summary import CALM_LINES
from waiting_room.tui import actions
from waiting_room.tui.widgets import panels
from waiting_room.tui.widgets.cards import ApplicationList
from waiting_room.tui.widgets.focus import TypeAheadInput
from waiting_room.tui.widgets.footer import KeyFooter
from waiting_room.tui.widgets.layout import Stack
from waiting_room.tui.words import day_label


#: Cards in the very first frame: more than any screen shows (five lines each).
FIRST_FRAME_CARDS = 60


class Dashboard(Screen):
    BINDINGS = [
        Binding("j", "move(1)", "Next", show=False, id="next"),
        Binding("k", "move(-1)", "Previous", show=False, id="previous"),
        Binding("enter", "open", "Open", id="open"),
        Binding("a", "add", "Add", id="add"),
        Binding("e", "edit", "Edit", show=False, id="edit"),
        Binding("l", "log", "Log", id="log"),
        Binding("d", "draft", "Draft", id="draft"),
        Binding("space", "tick", "Tick", id="tick"),
        Binding("slash", "filter", "Filter", key_display="/", id="filter"),
        Binding("h", "toggle_closed", "Closed", show=False, id="closed"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("r", "rest_quiet", "Rest quiet ones", show=False, id="rest-quiet"),
        Binding("u", "undo_rest", "Undo rest", show=False, id="undo-rest"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_closed = False
        self.filter_text = ""
        self._want: str | None = None  # an id to highlight on the next refresh
        self._first_frame = False  # drawing the very first frame (see on_mount)
        self._held_back = False  # cards left out of it, to add right after
        self._preview_of: tuple | None = None  # (application, derived) the preview shows
        self._last_tick: tuple | None = None  # (application id, task) space ticked last

    def compose(self) -> ComposeResult:
        yield Static(id="today")
        # enter and escape act in turn with the letters typed around them (type-ahead)
        yield TypeAheadInput(placeholder="Filter by company, role, note or contact; enter to keep, escape to clear",
                             id="filter")
        with Horizontal(id="main"):
            yield ApplicationList(id="list")
            yield Static(id="preview")
        yield Static(id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.data_changed.subscribe(self, lambda _: self.refresh_view())
        self.query_one("#filter").display = False
        # The first frame comes before any note is read (the costliest part of start-up):
        # the cards on screen draw their "maybe" line blank and the preview pane empty,
        # and both fill in right after that frame. What is shown once drawn is the same.
        # With a long list, the first frame also holds only the first cards (every card
        # is measured before it is drawn): the rest join right after it.
        listing = self.query_one(ApplicationList)
        listing.hold_reasons(True)
        self._first_frame = True
        self.refresh_view()
        self.set_focus(listing)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self._first_frame = False
        self.query_one(ApplicationList).hold_reasons(False)
        if self._held_back:
            self.refresh_view()  # the rest of the cards (and the preview, the count)
        else:
            self.query_one("#today", Static).update(self.today_line())  # with the count
            self.refresh_preview()

    # rendering --------------------------------------------------------------------
    @property
    def state(self):
        return self.app.state

    def visible(self) -> list[Application]:
        return self.state.visible(show_closed=self.show_closed, text=self.filter_text)

    def refresh_view(self) -> None:
        apps = self.visible()
        listing = self.query_one(ApplicationList)
        self._held_back = self._first_frame and len(apps) > FIRST_FRAME_CARDS
        shown = apps[:FIRST_FRAME_CARDS] if self._held_back else apps
        listing.show(shown, self.state.derived, keep=self._want)
        self.query_one("#today", Static).update(self.today_line())
        empty = self.query_one("#empty", Static)
        empty.display = not apps
        self.query_one("#main").display = bool(apps)
        if not apps:
            empty.update(self.empty_message())
        self.refresh_preview()

    def today_line(self) -> Content:
        today = self.app.today
        waiting = [a for a in self.state.apps if a.is_waiting]
        # The count needs every waiting application's plan: the first frame goes
        # without it (as its cards go without their "maybe" line) and it joins right after.
        due = 0 if self._first_frame else sum(
            1 for a in waiting for t in self.state.derived(a).next_tasks if t.due is not None and t.due <= today
        )
        parts: list = [(f"{today:%A} {day_label(today)[4:]}", "bold"), ("  ·  ", "dim")]
        parts.append(f"{len(waiting)} waiting" if waiting else "nothing waiting")
        if due:
            parts += [("  ·  ", "dim"), (f"{due} thing{'s' if due != 1 else ''} to do today", "$accent")]
        if self.filter_text:
            parts += [("  ·  ", "dim"), ("filtered", "italic")]
        if self.show_closed:
            parts += [("  ·  ", "dim"), ("with closed", "italic")]
        parts += ["\n", (CALM_LINES[today.toordinal() % len(CALM_LINES)], "italic $text-muted")]
        return Content.assemble(*parts)

    def empty_message(self) -> Content:
        if self.filter_text:
            return Content("Nothing matches that filter. Press escape to clear it.")
        if any(not a.is_waiting for a in self.state.apps):
            return Content("Nothing is waiting right now. Press h to see closed applications, or a to add one.")
        return Content.assemble(
            ("Welcome to Waiting Room.\n\n", "bold"),
            "Add the application you are waiting on with ", ("a", "bold $accent"),
            ". Log interviews and replies with ", ("l", "bold $accent"),
            ", and the app will tell you how long is usual, what may be happening, and what you can do meanwhile.\n\n",
            "Press ", ("?", "bold $accent"), " for every key.",
        )

    def refresh_preview(self) -> None:
        app = self.selected()
        if app is None or self.query_one(ApplicationList).holding_reasons:
            return
        derived = self.state.derived(app)
        shown = self._preview_of
        if shown is not None and shown[0] is app and shown[1] is derived:
            return  # already showing it (a move draws it at once; the list's message follows)
        self._preview_of = (app, derived)
        tasks = derived.next_tasks[:4]
        section = "bold $accent"
        preview = Stack([
            panels.clock(app, derived),
            *([Content(""), Content.styled("Behind closed doors", section),
               *([lead] if (lead := panels.no_evidence(app, derived.reasons)) else []),
               panels.reason_bars(derived.reasons, top=3)]
              if app.is_waiting else
              [Content(""), Content.styled("How it ended", section), panels.ending(app)]),
            Content(""), Content.styled("Meanwhile", section),
            *([panels.task_prompt(t, self.app.today) for t in tasks]
              or [Content.styled("Nothing to do for this one right now.", "$text-muted")]),
            Content(""), Content.styled("Lately", section),
            panels.timeline(app, limit=5),
        ])
        # One pane of fixed size, so a new selection repaints it without a new layout
        # (what keeps moving through a long list quick); what does not fit is in the full view.
        self.query_one("#preview", Static).update(preview, layout=False)

    def selected(self) -> Application | None:
        app_id = self.query_one(ApplicationList).selected_id
        return self.state.get(app_id) if app_id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_preview()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    # actions ----------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        listing = self.query_one(ApplicationList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()
        self.refresh_preview()

    def action_open(self) -> None:
        app = self.selected()
        if app is not None:
            from waiting_room.tui.screens.application import ApplicationScreen

            self.app.push_screen(ApplicationScreen(app.id, [a.id for a in self.visible()]))

    def action_add(self) -> None:
        actions.add_application(self.app, then=self.select)

    def action_edit(self) -> None:
        if (app := self.selected()) is not None:
            actions.edit_application(self.app, app.id)

    def action_log(self) -> None:
        if (app := self.selected()) is not None:
            actions.log_event(self.app, app.id)

    def action_draft(self) -> None:
        if (app := self.selected()) is not None:
            actions.open_draft(self.app, app.id)

    def action_tick(self) -> None:
        app = self.selected()
        if app is None:
            return
        # Space toggles, as in the full view: pressed again, it unticks what it just
        # ticked here rather than ticking the step after it.
        last = self._last_tick
        if last is not None and last[0] == app.id and last[1].id in app.ticked:
            self._last_tick = None
            actions.toggle_task(self.app, app.id, last[1]._replace(done=True))
            return
        tasks = self.state.derived(app).next_tasks
        if not tasks:
            self.notify("Nothing to tick for this one right now.", markup=False)
            return
        self._last_tick = (app.id, tasks[0])
        actions.toggle_task(self.app, app.id, tasks[0])

    def action_toggle_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.refresh_view()
        self.notify("Showing closed applications too." if self.show_closed else "Closed applications hidden.",
                    markup=False, timeout=2)

    def action_rest_quiet(self) -> None:
        from waiting_room.tui.quiet import rest_quiet

        rest_quiet(self.app)

    def action_undo_rest(self) -> None:
        from waiting_room.tui.quiet import undo_rest

        undo_rest(self.app)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        self.set_focus(box)  # at once, not deferred: the next keys typed are the filter's

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.display or self.filter_text:
            box.value = ""
            box.display = False
            self.filter_text = ""
            self.refresh_view()
            self.set_focus(self.query_one(ApplicationList))

    def _set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.refresh_view()

    def on_input_changed(self, event: Input.Changed) -> None:
        # In a burst, Changed messages arrive after the keys typed behind them: one the
        # box has moved past (enter or escape already acted) is stale and is skipped.
        if event.input.id == "filter" and event.value == event.input.value:
            self._set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self._set_filter(event.value)  # its last Changed may still be on its way
            if not event.value:
                event.input.display = False
            self.set_focus(self.query_one(ApplicationList))

    def select(self, app_id: str) -> None:
        """Highlight ``app_id``, now and after any refresh already on its way."""
        self._want = app_id
        self.refresh_view()
        self.call_after_refresh(self._forget_want)

    def _forget_want(self) -> None:
        self._want = None
