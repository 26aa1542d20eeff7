"""Hanging indents: a task's explanation and a timeline note wrap beside their lead."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from waiting_room.tui.widgets.layout import Hang, Stack

from tuikit import screen_text

LONG = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"


class Show(App[None]):
    def __init__(self, visual) -> None:
        super().__init__()
        self.visual = visual

    def compose(self) -> ComposeResult:
        yield Static(self.visual, id="shown")


async def shown(visual, width: int = 30) -> list[str]:
    app = Show(visual)
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        static = app.query_one("#shown", Static)
        lines = screen_text(app).splitlines()[: static.size.height]
        assert static.size.height == visual.get_height({}, width)
        return [line.rstrip() for line in lines]


async def test_wrapped_text_hangs_beside_its_lead():
    lines = await shown(Hang(Content("[ ] "), Content(LONG)))
    assert lines[0].startswith("[ ] one two")
    assert len(lines) > 2 and all(line.startswith("    ") and line[4] != " " for line in lines[1:])
    assert " ".join(line.strip() for line in lines).replace("[ ] ", "") == LONG


async def test_blocks_stack_one_under_another_and_keep_their_own_lines():
    lines = await shown(Stack([Content("Lately"), Hang(Content("Tue 3 Nov   "), Content(LONG)), Content("end")]))
    assert lines[0] == "Lately" and lines[1].startswith("Tue 3 Nov   one")
    assert lines[-1] == "end" and all(line.startswith(" " * 12) for line in lines[2:-1])


async def test_too_narrow_to_hang_it_simply_wraps():
    lines = await shown(Hang(Content("Tue 29 Sep  "), Content(LONG)), width=16)
    assert " ".join(lines).split() == ("Tue 29 Sep " + LONG).split()


def test_plain_text_reads_as_written():
    assert str(Stack([Content("a"), Hang(Content("b "), Content("c"))])) == "a\nb c"
