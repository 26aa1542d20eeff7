"""How the search is going: statuses, a funnel, applications per week, and each company."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from waiting_room.core import stats
from waiting_room.core.model import Application, Status
from waiting_room.core.text import clean
from waiting_room.tui.widgets.footer import KeyFooter
from waiting_room.tui.words import day_label

NL = Content("\n")

STATUS_COUNT_WORDS = {
    Status.WAITING: "waiting",
    Status.OFFER: "with an offer",
    Status.REJECTED: "not this time",
    Status.WITHDRAWN: "you withdrew",
    Status.CLOSED: "resting (closed)",
}

FUNNEL_WORDS = {
    "applied": "applied",
    "screened": "screened",
    "interviewed": "interviewed",
    "offer": "offer",
}

_EIGHTHS = " ▁▂▃▄▅▆▇█"


def days(value: float | None) -> str:
    if value is None:
        return "–"
    whole = round(value)
    return "1 day" if whole == 1 else f"{whole:g} days"


def status_line(apps: list[Application]) -> Content:
    counts = stats.counts_by_status(apps)
    parts = [f"{n} {STATUS_COUNT_WORDS[s]}" for s, n in counts.items() if n]
    if not parts:
        return Content.styled("Nothing here yet. Add an application with a on the dashboard.", "$text-muted")
    return Content.assemble((f"{len(apps)} in all: ", "bold"), "  ·  ".join(parts))


def medians_line(apps: list[Application], today: date) -> Content:
    wait, reply = stats.overall_medians(apps, today)
    return Content.assemble(
        ("Median wait so far: ", "$text-muted"), (days(wait), "bold"),
        ("   ·   Median reply after a meeting: ", "$text-muted"), (days(reply), "bold"),
    )


def funnel_bars(apps: list[Application], width: int = 30) -> Content:
    steps = stats.funnel(apps)
    top = steps[0][1] or 1
    rows = []
    for name, count in steps:
        filled = round(count / top * width)
        share = f"{count / top:.0%}" if steps[0][1] else ""
        rows.append(Content.assemble(
            (f"{FUNNEL_WORDS[name]:<12}", ""),
            ("█" * filled, "$accent"), ("·" * (width - filled), "$text-disabled"),
            (f" {count:>4}", "bold"), (f"  {share:>4}", "$text-muted"),
        ))
    return NL.join(rows)


def week_chart(apps: list[Application], today: date, height: int = 3) -> Content:
    """Applications per week as columns of blocks, oldest week on the left."""
    weeks = stats.per_week(apps, today)
    most = max((n for _, n in weeks), default=0)
    if most == 0:
        return Content.styled("No applications started in the last twelve weeks.", "$text-muted")
    levels = [round(n / most * height * 8) for _, n in weeks]
    rows = []
    for row in range(height, 0, -1):
        cells: list[tuple[str, str]] = [("   ", "")]
        for level in levels:
            eighths = max(0, min(8, level - (row - 1) * 8))
            cells.append((_EIGHTHS[eighths] * 3 + " ", "$accent"))
        rows.append(Content.assemble(*cells))
    rows.append(Content.assemble(("   ", ""), *((f"{n:^3} ", "$text-muted") for _, n in weeks)))
    first = f"week of {day_label(weeks[0][0])}"
    span = 4 * len(weeks) - len(first) - len("this week")
    rows.append(Content.assemble(("   ", ""), (first + " " * max(1, span) + "this week", "$text-muted")))
    return NL.join(rows)


def _cell(text: str, width: int = 28) -> Text:
    text = clean(text, single_line=True)  # and a Text, so no markup is parsed
    return Text(text if len(text) <= width else text[: width - 1] + "…")


class StatsScreen(Screen[None]):
    DEFAULT_CSS = """
    StatsScreen #stats { padding: 0 2; }
    StatsScreen .stats-title { text-style: bold; color: $accent; margin: 1 0 0 0; }
    StatsScreen .stats-section { text-style: bold; color: $accent; margin: 1 0 0 0; }
    StatsScreen #stats-companies { height: auto; max-height: 100%; margin: 0 0 1 0; }
    """

    BINDINGS = [Binding("escape", "back", "Back", id="stats-back")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Static("How your search is going", classes="stats-title")
            yield Static("Numbers about the companies' pace, not a verdict on you.", classes="muted")
            yield Static(id="stats-status")
            yield Static(id="stats-medians")
            yield Static("How far they got", classes="stats-section")
            yield Static(id="stats-funnel")
            yield Static("Applications started per week", classes="stats-section")
            yield Static(id="stats-weeks")
            yield Static("By company", classes="stats-section")
            yield Static("Median reply: days from a phone screen or interview to their next answer.",
                         classes="muted")
            yield DataTable(id="stats-companies", cursor_type="row", zebra_stripes=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Company", "Apps", "Waiting", "Median wait", "Median reply")
        self.app.data_changed.subscribe(self, lambda _: self.refresh_view())
        self.refresh_view()
        self.set_focus(self.query_one("#stats"))  # arrows scroll the page; the table is below

    def refresh_view(self) -> None:
        apps = list(self.app.state.apps)
        today = self.app.today
        self.query_one("#stats-status", Static).update(status_line(apps))
        self.query_one("#stats-medians", Static).update(medians_line(apps, today))
        self.query_one("#stats-funnel", Static).update(funnel_bars(apps))
        self.query_one("#stats-weeks", Static).update(week_chart(apps, today))
        table = self.query_one(DataTable)
        table.clear()
        for row in stats.by_company(apps, today):
            table.add_row(
                _cell(row.company),
                str(row.applications),
                str(row.waiting) if row.waiting else "–",
                days(row.median_wait),
                days(row.median_response),
            )

    def action_back(self) -> None:
        self.dismiss(None)
