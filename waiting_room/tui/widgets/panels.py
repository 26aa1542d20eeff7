"""The pieces of an application's pane, each rendered as Content from pure values."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from waiting_room.core.model import KIND_LABELS, SIZE_LABELS, Application
from waiting_room.core.plan import Task
from waiting_room.core.reasons import REASONS, ReasonScore, has_evidence, no_evidence_sentence
from waiting_room.core.waiting import GAUGE_USUAL_MARK, gauge, norm_for, verdict_sentence, wait_in_words
from waiting_room.tui.safe import line, safe
from waiting_room.tui.state import Derived
from waiting_room.tui.widgets.layout import Hang, Stack
from waiting_room.tui.words import STATUS_WORDS, VERDICT_STYLE, VERDICT_WORDS, day_label, when

NL = Content("\n")


def gauge_bar(fraction: float, width: int = 28, usual_mark: float = GAUGE_USUAL_MARK) -> Content:
    """A quiet bar: filled to today, with the end of the usual range marked."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    mark = round(usual_mark * width)
    runs: list[list[str]] = []  # [text, style]: one span per run of one style
    for i in range(width):
        if i == mark:
            char, style = "│", "$text-muted"
        elif i < filled:
            char, style = "━", "$success" if i < mark else "$warning"
        else:
            char, style = "─", "$text-disabled"
        if runs and runs[-1][1] == style:
            runs[-1][0] += char
        else:
            runs.append([char, style])
    return Content.assemble(*((text, style) for text, style in runs))


def clock(app: Application, derived: Derived) -> Content:
    today = derived.today
    title = Content.assemble(line(app.company, "bold"), ("  ·  ", "dim"), line(app.role))
    if not app.is_waiting:
        return NL.join([title, Content.styled(STATUS_WORDS[app.status], "italic"),
                        Content(verdict_sentence(app, today))])
    if derived.days is None:
        return NL.join([title, Content(verdict_sentence(app, today))])
    verdict = derived.verdict.value if derived.verdict else ""
    big = Content.assemble(
        (wait_in_words(derived.days) if derived.days else "Today", f"bold {VERDICT_STYLE.get(verdict, '')}"),
        (f"  since {day_label(derived.since)}" if derived.since and derived.days else "", "$text-muted"),
        (f"  ·  {VERDICT_WORDS.get(verdict, '')}", "$text-muted"),
    )
    norm = norm_for(app)
    bar = Content.assemble(
        gauge_bar(gauge(app, today) or 0.0),
        (f"  usual: up to {norm.usual_max_days} days", "$text-muted"),
    )
    return NL.join([title, big, bar, Content(verdict_sentence(app, today))])


def reason_bars(
    reasons: tuple[ReasonScore, ...], *, top: int | None = None, full: bool = False, evidence: bool = True
) -> Stack:
    """Reasons as bars with their evidence; ``full`` adds what is happening and what helps."""
    rows: list[Content | Hang] = []
    shown = reasons if top is None else reasons[:top]
    for score in shown:
        info = REASONS[score.id]
        width = 12
        filled = round(score.probability * width)
        rows.append(Content.assemble(
            ("█" * filled, "$accent"), ("░" * (width - filled), "$text-disabled"),
            (f" {score.probability:>4.0%}  ", "bold"), (info.title, "bold" if full else ""),
        ))
        for because in score.because if evidence else ():
            rows.append(Hang(Content.styled("      ↳ ", "dim"), line(because, "italic $text-muted")))
        if full:
            rows.append(Hang(Content("      "), Content(info.happening)))
            rows.append(Hang(Content("      "), Content.assemble(("What helps: ", "$text-muted"), info.you_can)))
            rows.append(Content(""))
    return Stack(rows)


def no_evidence(app: Application, reasons: tuple[ReasonScore, ...]) -> Content | None:
    """The honest lead line over reasons that only the stage ranks, or None when evidence speaks."""
    if has_evidence(reasons):
        return None
    return Content.styled(no_evidence_sentence(app), "$text-muted")


def reason_blocks(reasons: tuple[ReasonScore, ...]) -> list[tuple[Stack, Stack]]:
    """Each reason as (bar line, body) so the body can hang indented under its bar."""
    blocks = []
    for score in reasons:
        info = REASONS[score.id]
        head = reason_bars((score,), evidence=False)
        body: list[Content | Hang] = [
            Hang(Content.styled("↳ ", "dim"), line(b, "italic $text-muted")) for b in score.because
        ]
        body.append(Content(info.happening))
        body.append(Content.assemble(("What helps: ", "$text-muted"), info.you_can))
        blocks.append((head, Stack(body)))
    return blocks


def task_prompt(task: Task, today: date) -> Hang:
    """The checkbox, then the title, when, and what it is about, wrapped beside the box."""
    box = Content.styled("[x] ", "$success") if task.done else Content.styled("[ ] ", "bold")
    due = "" if task.done else f"  {when(task.due, today, deadline=task.kind == 'own')}"
    style = "strike $text-muted" if task.done else ""
    parts: list = [line(task.title, style), (due, "$text-muted")]
    if task.detail and not task.done:
        parts += ["\n", line(task.detail, "$text-muted")]
    return Hang(box, Content.assemble(*parts))


def timeline(app: Application, *, limit: int | None = None) -> Content | Stack:
    """Newest first: the date, then what happened and its note, wrapped beside the date."""
    events = list(reversed(app.events_by_date()))
    if limit is not None:
        events = events[:limit]
    if not events:
        return Content.styled("Nothing logged yet. Press l to log an event.", "$text-muted")
    return Stack([_event_row(event) for event in events])


def _event_row(event) -> Hang:
    """The date, then what happened and its note, wrapped beside the date."""
    row = [(KIND_LABELS[event.kind], "bold")]
    if event.note:
        row += [("  ", ""), safe(event.note)]
    return Hang(Content.styled(f"{day_label(event.date):<11}", "$text-muted"), Content.assemble(*row))


def ending(app: Application) -> Content | Hang:
    """How a closed application ended: its closing event and what was noted, in place
    of guesses about a wait that is over."""
    from waiting_room.core.model import CLOSING_KINDS

    closing = [e for e in app.events_by_date() if e.kind in CLOSING_KINDS]
    if not closing:
        return Content.styled(f"{STATUS_WORDS[app.status].capitalize()}; no more waiting here.", "$text-muted")
    return _event_row(closing[-1])


def facts(app: Application) -> Content:
    rows = []
    if app.company_size is not None:
        rows.append(Content.assemble(("Size      ", "$text-muted"), SIZE_LABELS[app.company_size]))
    if app.expected_reply_by is not None:
        rows.append(Content.assemble(("Reply by  ", "$text-muted"), day_label(app.expected_reply_by)))
    if app.link:
        rows.append(Content.assemble(("Link      ", "$text-muted"), line(app.link)))
    for contact in app.contacts:
        who = [("Contact   ", "$text-muted"), line(contact.name, "bold")]
        if contact.title:
            who += [("  ", ""), line(contact.title)]
        if contact.email:
            who += [("  ", ""), line(contact.email, "$text-muted")]
        rows.append(Content.assemble(*who))
    if app.notes:
        rows.append(Content.assemble(("Notes     ", "$text-muted"), safe(app.notes)))
    if not rows:
        return Content.styled("No contacts or notes yet. Press e to add them.", "$text-muted")
    return NL.join(rows)
