"""The list of applications, each a small card: who, how long, why maybe, what next."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from waiting_room.core.model import Application
from waiting_room.core.reasons import REASONS
from waiting_room.tui.safe import line
from waiting_room.tui.state import Derived
from waiting_room.tui.words import STATUS_WORDS, VERDICT_STYLE, VERDICT_WORDS, days_words, when


def card(app: Application, derived: Derived) -> Content:
    head = Content.assemble(line(app.company, "bold"), ("  ·  ", "dim"), line(app.role, "$text-muted"))
    if not app.is_waiting:
        return Content("\n").join([head, Content.styled(STATUS_WORDS[app.status], "italic $text-muted")])
    verdict = derived.verdict.value if derived.verdict else None
    wait = Content.assemble(
        (days_words(derived.days), f"bold {VERDICT_STYLE.get(verdict, '')}".strip()),
        (f" · {VERDICT_WORDS[verdict]}" if verdict else " · log an interview to start the clock", "$text-muted"),
    )
    rows = [head, wait]
    top = derived.reasons[0] if derived.reasons else None
    if top is not None:
        rows.append(Content.assemble(("maybe: ", "dim"), REASONS[top.id].title, (f"  {top.probability:.0%}", "dim")))
    nxt = derived.next_tasks[0] if derived.next_tasks else None
    if nxt is not None:
        rows.append(Content.assemble(("next:  ", "dim"), line(nxt.title), (f"  {when(nxt.due, derived.today)}", "dim")))
    return Content("\n").join(rows)


class ApplicationList(OptionList):
    """Cards in an OptionList: it stays quick with thousands of rows."""

    DEFAULT_CSS = """
    ApplicationList { height: 1fr; }
    ApplicationList > .option-list--option { padding: 0 1; }
    """

    def show(self, apps: list[Application], derive, keep: str | None = None) -> None:
        """Replace the cards, keeping the highlight on ``keep`` (an id) when it is still here."""
        keep = keep or self.selected_id
        options: list[Option | None] = []
        for app in apps:
            options.append(Option(card(app, derive(app)), id=app.id))
            options.append(None)  # a separator line between cards
        if options:
            options.pop()
        self.set_options(options)
        if not apps:
            return
        index = 0
        if keep is not None:
            try:
                index = self.get_option_index(keep)
            except Exception:
                index = 0
        self.highlighted = index

    @property
    def selected_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
