"""Two small layouts for text that wraps: a hanging indent, and blocks one under another.

Content wraps a long line back to its first column, so a task's explanation or
a note in the timeline would run on under the checkbox or the date. ``Hang``
keeps a lead (a checkbox, a date, an arrow) in a column of its own and wraps
the rest beside it; ``Stack`` puts such blocks and plain Content one under the
other, so a whole pane stays one widget that updates without a new layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.style import Style
    from textual.visual import RenderOptions


class Hang(Visual):
    """``lead`` on the first line, ``rest`` beside it; wrapped lines of ``rest`` stay beside it too."""

    def __init__(self, lead: Content, rest: Content) -> None:
        self.lead = lead
        self.rest = rest
        self.indent = lead.cell_length

    @property
    def plain(self) -> str:
        return self.lead.plain + self.rest.plain

    def __str__(self) -> str:
        return self.plain

    def _fits(self, width: int) -> bool:
        return width > self.indent + 8  # narrower than that, hanging would only waste room

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if not self._fits(width):
            return Content.assemble(self.lead, self.rest).render_strips(width, height, style, options)
        pad = style.rich_style
        lead = self.lead.render_strips(self.indent, 1, style, options)[0].extend_cell_length(self.indent, pad)
        blank = Strip.blank(self.indent, pad)
        rest = self.rest.render_strips(width - self.indent, None, style, options) or [Strip.blank(0)]
        strips = [Strip.join([lead if n == 0 else blank, line]) for n, line in enumerate(rest)]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.rest.get_optimal_width(rules, max(1, container_width - self.indent))

    def get_height(self, rules: RulesMap, width: int) -> int:
        if not self._fits(width):
            return Content.assemble(self.lead, self.rest).get_height(rules, width)
        return max(1, self.rest.get_height(rules, width - self.indent))


class Stack(Visual):
    """Blocks (Content or other visuals) one under the other."""

    def __init__(self, blocks: Sequence[Content | Hang | Stack]) -> None:
        self.blocks = list(blocks)

    @property
    def plain(self) -> str:
        return "\n".join(block.plain for block in self.blocks)

    def __str__(self) -> str:
        return self.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for block in self.blocks:
            strips.extend(block.render_strips(width, None, style, options))
            if height is not None and len(strips) >= height:
                return strips[:height]
        return strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((b.get_optimal_width(rules, container_width) for b in self.blocks), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(b.get_height(rules, width) for b in self.blocks)
