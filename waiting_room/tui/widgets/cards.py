"""The list of applications, each a small card: who, how long, why maybe, what next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from waiting_room.core.model import Application
from waiting_room.core.reasons import REASONS, has_evidence
from waiting_room.core.text import clean
from waiting_room.tui.state import Derived
from waiting_room.tui.widgets.focus import FollowsFocus
from waiting_room.tui.words import STATUS_WORDS, VERDICT_STYLE, VERDICT_WORDS, days_words, when

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.style import Style
    from textual.visual import RenderOptions


def card(app: Application, derived: Derived) -> Content:
    return Content("\n").join(_rows(app, derived))


def _styled(text: str, style: str) -> str | tuple[str, str]:
    """A piece of a line: ``text`` in ``style`` (empty text carries no style, as Content.styled)."""
    return (text, style) if text and style else text


def _pieces(app: Application, derived: Derived, *, reason: bool = True) -> list[list[str | tuple[str, str]]]:
    """The card's lines as pieces of plain text and style; ``reason=False`` leaves out the
    one that needs the reasons. User text is cleaned here (never markup, never controls)."""
    head = [_styled(clean(app.company, single_line=True), "bold"), ("  ·  ", "dim"),
            _styled(clean(app.role, single_line=True), "$text-muted")]
    if not app.is_waiting:
        return [head, [(STATUS_WORDS[app.status], "italic $text-muted")]]
    verdict = derived.verdict.value if derived.verdict else None
    wait = [(days_words(derived.days), f"bold {VERDICT_STYLE.get(verdict, '')}".strip()),
            (f" · {VERDICT_WORDS[verdict]}" if verdict else " · log an interview to start the clock", "$text-muted")]
    rows = [head, wait]
    top = derived.reasons[0] if reason and derived.reasons else None
    if top is not None and not has_evidence(derived.reasons):
        # only the stage ranks them: say so rather than show a guess as a finding
        rows.append([("maybe: ", "dim"), ("no clue in your notes yet", "$text-muted")])
    elif top is not None:
        rows.append([("maybe: ", "dim"), REASONS[top.id].title, (f"  {top.probability:.0%}", "dim")])
    nxt = derived.next_tasks[0] if derived.next_tasks else None
    if nxt is not None:
        rows.append([("next:  ", "dim"), clean(nxt.title, single_line=True), (f"  {when(nxt.due, derived.today, deadline=nxt.kind == 'own')}", "dim")])
    return rows


def _rows(app: Application, derived: Derived, *, reason: bool = True) -> list[Content]:
    """The card's lines; ``reason=False`` leaves out the one that needs the reasons."""
    return [Content.assemble(*pieces) for pieces in _pieces(app, derived, reason=reason)]


def _cells(pieces: list[str | tuple[str, str]]) -> int:
    return sum(cell_len(piece if isinstance(piece, str) else piece[0]) for piece in pieces)


#: The widest "maybe:" line any reason can make ("maybe: " + title + "  100%").
_WIDEST_MAYBE = len("maybe: ") + max(Content(info.title).cell_length for info in REASONS.values()) + len("  100%")


class Hold:
    """Shared by a list's cards: while ``on``, a card whose reasons are not known yet
    draws its "maybe" line blank instead of reading the notes (see ``ApplicationList``)."""

    on = False


class Card(Visual):
    """A card that reads the notes only when it is drawn.

    The "maybe" line needs the delay reasons, the one costly derived value (every
    note is read). The list must know each card's height up front, but only
    draws the cards on screen: so the height is worked out from the other lines
    whenever the widest possible "maybe" line fits on one line (it does at
    ordinary widths), and the card itself is built when first drawn. With
    thousands of applications, start-up and reloads then read the notes of the
    cards on screen only. Narrower than that, the card is built to measure it.
    """

    def __init__(self, app: Application, derived: Derived, hold: Hold | None = None) -> None:
        self.app = app
        self.derived = derived
        self.hold = hold
        self._content: Content | None = None
        # (cells, pieces) of each line but the "maybe": the list measures every card
        # at start, in several passes (with and without a scrollbar), so once.
        self._plain: list[tuple[int, list[str | tuple[str, str]]]] | None = None

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = card(self.app, self.derived)
        return self._content

    def _drawn(self) -> Content:
        if self._content is None and self.hold is not None and self.hold.on and not self.derived.knows_reasons:
            # The same lines with the "maybe" one blank (so the same height); not kept.
            rows = _rows(self.app, self.derived, reason=False)
            if self.app.is_waiting:
                rows.insert(2, Content(""))
            return Content("\n").join(rows)
        return self.content

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._drawn().render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._content is None and width >= _WIDEST_MAYBE:
            # Lines wrap one by one, and the "maybe" line fits on one line at this width.
            # Measured from plain text: a line that fits is one line; only a line that
            # wraps is built to measure it.
            if self._plain is None:
                self._plain = [(_cells(p), p) for p in _pieces(self.app, self.derived, reason=False)]
            height = sum(1 if cells <= width else Content.assemble(*pieces).get_height(rules, width)
                         for cells, pieces in self._plain)
            return height + (1 if self.app.is_waiting else 0)  # every waiting card has its "maybe"
        return self.content.get_height(rules, width)


#: What the quick drawing pass (``ApplicationList.render_line``) reads of OptionList's
#: insides; should a Textual release rename any of it, lines are drawn its own way.
_QUICK_DRAW = all(hasattr(OptionList, name) for name in ("_lines", "_get_option_render", "_mouse_hovering_over"))


class ApplicationList(FollowsFocus, OptionList):
    """Cards in an OptionList: it stays quick with thousands of rows."""

    bindings_at_once = True

    DEFAULT_CSS = """
    ApplicationList { height: 1fr; }
    ApplicationList > .option-list--option { padding: 0 1; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._hold = Hold()
        self._pass: dict | None = None  # while drawing: the lines, the top, each card's strips
        self._kept: dict[int, tuple[Strip, Strip]] = {}  # id(card line) -> (card line, styled line)
        self._kept_for: tuple | None = None  # the styling they were made with

    # Moving stops at the ends, as lists in editors do: from the last card, "next"
    # stays there (wrapping round once opened the wrong application).
    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        options = self.options
        index = self.highlighted
        if index is None:
            index = -1 if direction > 0 else len(options)
        index += direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index
                return
            index += direction

    # drawing ------------------------------------------------------------------------
    # OptionList works out its styles, sizes and the option's drawn lines afresh for
    # every line it draws. A pass draws the few cards on screen line by line (all of
    # them when the list scrolls, as it does at almost every key in a long list), so
    # here each card is looked up once per pass. What is drawn is the same.
    #
    # And a scroll moves lines the list has styled already (Textual styles each line
    # afresh after any scroll: padding, background, colour filters). A styled line is
    # kept, keyed by the card line it was made from (the very strip object: a new
    # highlight, hover, focus, theme or card makes a new one), for as long as the
    # widget's own styling stays the same; a scroll then styles only the lines new to
    # the screen.
    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass = {} if _QUICK_DRAW else None
        try:
            if self._pass is None or crop.x != 0 or crop.width != self.region.width or not self._styles_kept():
                return super().render_lines(crop)
            lines: list[Strip] = []
            kept = self._kept
            for y in crop.line_range:
                line = self.render_line(y)
                found = kept.get(id(line))
                if found is None or found[0] is not line:
                    found = (line, super().render_lines(Region(0, y, crop.width, 1))[0])
                    kept[id(line)] = found  # the line itself is kept too, so its id stays its own
                lines.append(found[1])
            return lines
        finally:
            self._pass = None

    def _styles_kept(self) -> bool:
        """Whether styled lines kept so far still hold (else they are dropped), and
        whether this list's styling lets a line be styled the same wherever it is."""
        styles = self.styles
        gutter = styles.gutter
        if gutter.top or gutter.bottom or any(edge[0] not in ("", "none") for edge in styles.outline):
            return False  # the first and last lines would be styled differently
        app = self.app
        now = (self.region.size, self.background_colors, gutter, styles.tint, self.opacity, styles.hatch,
               app.ansi_theme, app.native_ansi_color, tuple(self.get_line_filters()))
        if now != self._kept_for or len(self._kept) > 4096:
            self._kept.clear()
            self._kept_for = now
        return True

    def render_line(self, y: int) -> Strip:
        drawing = self._pass
        if drawing is None:
            return super().render_line(y)
        if not drawing:
            drawing[None] = (self._lines, self.scroll_offset.y)
        lines, top = drawing[None]
        try:
            index, offset = lines[top + y]
            option = self.options[index]
        except IndexError:
            return super().render_line(y)
        strips = drawing.get(index)
        if strips is None:
            if option.disabled:
                style = self.get_visual_style("option-list--option", "option-list--option-disabled")
            elif self.highlighted == index:
                style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
            elif self._mouse_hovering_over == index:
                style = self.get_visual_style("option-list--option", "option-list--option-hover")
            else:
                style = self.get_visual_style("option-list--option")
            strips = drawing[index] = self._get_option_render(option, style)
        if offset >= len(strips):
            return super().render_line(y)
        return strips[offset]

    def hold_reasons(self, on: bool) -> None:
        """While on, cards draw without reading notes (their "maybe" line blank); turning
        it off draws the cards on screen again, complete. Their heights never change."""
        self._hold.on = on
        if on:
            return
        # Textual keeps each option's drawn lines in a cache of its own: dropping just
        # that keeps the measured heights. Should a Textual release rename it, the
        # public way (replacing a prompt) clears it too, and measures again.
        drawn = getattr(self, "_option_render_cache", None)
        if drawn is not None:
            drawn.clear()
            self.refresh()
        elif self.option_count:
            self.replace_option_prompt_at_index(0, self.get_option_at_index(0).prompt)

    @property
    def holding_reasons(self) -> bool:
        return self._hold.on

    def show(self, apps: list[Application], derive, keep: str | None = None) -> None:
        """Replace the cards, keeping the highlight on ``keep`` (an id) when it is still here."""
        keep = keep or self.selected_id
        options: list[Option | None] = []
        for app in apps:
            options.append(Option(Card(app, derive(app), self._hold), id=app.id))
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
