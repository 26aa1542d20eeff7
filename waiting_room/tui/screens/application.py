"""One application in full: the clock, every reason with its evidence, the plan, the story so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from waiting_room.core.plan import plan_summary
from waiting_room.tui import actions
from waiting_room.tui.widgets import panels
from waiting_room.tui.widgets.footer import KeyFooter


class TaskList(OptionList):
    DEFAULT_CSS = """
    TaskList, TaskList:focus { height: auto; max-height: 14; border: none; padding: 0; }
    """


class ApplicationScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("j", "switch(1)", "Next app", show=False, id="next-app"),
        Binding("k", "switch(-1)", "Prev app", show=False, id="previous-app"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("l", "log", "Log", id="log"),
        Binding("d", "draft", "Draft", id="draft"),
        Binding("space", "tick", "Tick", id="tick"),
        Binding("t", "add_task", "Own task", show=False, id="own-task"),
        Binding("pagedown", "scroll('page_down')", "Scroll down", show=False, priority=True),
        Binding("pageup", "scroll('page_up')", "Scroll up", show=False, priority=True),
        Binding("home", "scroll('scroll_home')", "Top", show=False, priority=True),
        Binding("end", "scroll('scroll_end')", "Bottom", show=False, priority=True),
    ]

    def __init__(self, app_id: str, order: list[str]) -> None:
        super().__init__()
        self.app_id = app_id
        self.order = order

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="full"):
            yield Static(id="a-clock")
            yield Static("What you can do", classes="section")
            yield Static(id="a-plan", classes="muted")
            yield TaskList(id="a-tasks")
            yield Static("Behind closed doors: what may be happening", classes="section", id="a-reasons-title")
            yield Vertical(id="a-reasons")
            yield Static("The story so far", classes="section")
            yield Static(id="a-timeline")
            yield Static("Details", classes="section")
            yield Static(id="a-facts")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.data_changed.subscribe(self, lambda _: self.refresh_view())
        self.refresh_view()
        self.set_focus(self.query_one(TaskList), scroll_visible=False)

    def refresh_view(self) -> None:
        application = self.app.app_by_id(self.app_id)
        if application is None:
            self.app.pop_screen()
            self.notify("That application is no longer here.", markup=False)
            return
        today = self.app.today
        derived = self.app.state.derived(application)
        self.query_one("#a-clock", Static).update(panels.clock(application, derived))
        self.query_one("#a-plan", Static).update(Content(plan_summary(application, today)))
        tasks = self.query_one(TaskList)
        keep = tasks.highlighted
        tasks.set_options([Option(panels.task_prompt(t, today), id=t.id) for t in derived.tasks])
        if derived.tasks:
            if keep is None:  # start on the first thing still to do, not on a done one
                keep = next((i for i, t in enumerate(derived.tasks) if not t.done), 0)
            tasks.highlighted = min(keep, len(derived.tasks) - 1)
        tasks.display = bool(derived.tasks)
        self.show_reasons(application, derived)
        self.query_one("#a-timeline", Static).update(panels.timeline(application))
        self.query_one("#a-facts", Static).update(panels.facts(application))

    def show_reasons(self, application, derived) -> None:
        box = self.query_one("#a-reasons", Vertical)
        box.remove_children()
        title = self.query_one("#a-reasons-title", Static)
        if not application.is_waiting:
            # a wait that is over: how it ended, not guesses about it
            title.update("How it ended")
            box.mount(Static(panels.ending(application)))
            return
        title.update("Behind closed doors: what may be happening")
        widgets = []
        lead = panels.no_evidence(application, derived.reasons)
        if lead is not None:
            widgets.append(Static(lead, classes="reason-lead"))
        for head, body in panels.reason_blocks(derived.reasons):
            widgets += [Static(head, classes="reason-head"), Static(body, classes="reason-body")]
        box.mount_all(widgets)

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one("#full"), f"action_{how}")()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_switch(self, step: int) -> None:
        if self.app_id not in self.order:
            return
        index = (self.order.index(self.app_id) + step) % len(self.order)
        self.app_id = self.order[index]
        self.query_one(TaskList).highlighted = None
        self.refresh_view()
        self.query_one("#full").scroll_home(animate=False)

    def action_edit(self) -> None:
        actions.edit_application(self.app, self.app_id)

    def action_log(self) -> None:
        actions.log_event(self.app, self.app_id)

    def action_draft(self) -> None:
        actions.open_draft(self.app, self.app_id)

    def action_tick(self) -> None:
        application = self.app.app_by_id(self.app_id)
        tasks = self.query_one(TaskList)
        if application is None or tasks.highlighted is None:
            return
        derived = self.app.state.derived(application)
        if tasks.highlighted < len(derived.tasks):
            actions.toggle_task(self.app, self.app_id, derived.tasks[tasks.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_tick()

    def action_add_task(self) -> None:
        actions.add_own_task(self.app, self.app_id)
