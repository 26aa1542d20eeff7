"""Your calm list: small things that help while waiting, ticked one day at a time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from waiting_room.tui.screens.once import DismissOnce
from waiting_room.core.calm import CalmItem, toggled
from waiting_room.core.model import new_id
from waiting_room.tui.safe import line
from waiting_room.tui.widgets.footer import KeyFooter


def calm_prompt(item: CalmItem, today) -> Content:
    if item.done(today):
        return Content.assemble(("[x] ", "$success"), line(item.title, "strike $text-muted"))
    return Content.assemble(("[ ] ", "bold"), line(item.title))


class CalmScreen(DismissOnce, ModalScreen[None]):
    """The person's own list, for every day of the wait (not tied to one application)."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("space", "tick", "Tick"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("x,delete", "remove", "Remove"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="calm-dialog"):
            yield Static("Meanwhile, for you", classes="dialog-title")
            yield Static("Small things that help while you wait. Ticks last for today.", classes="muted")
            yield OptionList(id="calm-list")
            yield Static("", id="calm-empty", classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.data_changed.subscribe(self, lambda _: self.refresh_list())
        self.refresh_list()
        self.set_focus(self.query_one("#calm-list"))

    @property
    def items(self) -> list[CalmItem]:
        return self.app.state.calm

    def refresh_list(self) -> None:
        listing = self.query_one("#calm-list", OptionList)
        keep = listing.highlighted
        listing.set_options([Option(calm_prompt(i, self.app.today), id=i.id) for i in self.items])
        if self.items:
            listing.highlighted = min(keep or 0, len(self.items) - 1)
        empty = self.query_one("#calm-empty", Static)
        empty.update("" if self.items else "The list is empty. Press a to add something that helps you.")

    def selected(self) -> CalmItem | None:
        index = self.query_one("#calm-list", OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def save(self, items: list[CalmItem], done: str = "") -> None:
        self.app.write(lambda tx: tx.set_calm_items(items), done=done)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#calm-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_tick(self) -> None:
        item = self.selected()
        if item is not None:
            self.save(toggled(self.items, item.id, self.app.today),
                      done="" if item.done(self.app.today) else "Nicely done.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_tick()

    def action_add(self) -> None:
        from waiting_room.tui.screens.forms import TextForm

        def saved(title: str | None) -> None:
            if title:
                item = CalmItem(f"calm-{new_id(i.id for i in self.items)}", title)
                self.save([*self.items, item], done="Added.")

        self.app.push_screen(TextForm("Add to your calm list", "What helps", "e.g. Call a friend"), saved)

    def action_edit(self) -> None:
        from waiting_room.tui.screens.forms import TextForm

        item = self.selected()
        if item is None:
            return

        def saved(title: str | None) -> None:
            if title:
                self.save([CalmItem(i.id, title, i.done_on) if i.id == item.id else i for i in self.items])

        self.app.push_screen(TextForm("Edit this item", "What helps", "", value=item.title), saved)

    def action_remove(self) -> None:
        item = self.selected()
        if item is not None:
            self.save([i for i in self.items if i.id != item.id], done="Removed from your list.")

    def action_close(self) -> None:
        self.dismiss(None)
