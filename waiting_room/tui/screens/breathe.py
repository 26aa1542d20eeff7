"""A breathing break: box breathing or 4-7-8, in words, a count and a shape.

Time is counted in ticks of a quarter second, never read from the wall clock,
so the screen can start at any moment and stand still for a screenshot. With
animations turned off the shape rests at one size; the words and the count
still lead the way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from waiting_room.tui.widgets.footer import KeyFooter

TICKS_PER_SECOND = 4
ROUNDS = 4


@dataclass(frozen=True, slots=True)
class Phase:
    words: str
    seconds: int
    #: how the shape moves: "grow", "full", "shrink" or "empty"
    shape: str
    cue: str


@dataclass(frozen=True, slots=True)
class Pattern:
    key: str
    name: str
    phases: tuple[Phase, ...]

    @property
    def seconds(self) -> int:
        return sum(p.seconds for p in self.phases)


BOX = Pattern("box", "Box breathing, 4-4-4-4", (
    Phase("Breathe in", 4, "grow", "slowly, through your nose"),
    Phase("Hold", 4, "full", "soft shoulders"),
    Phase("Breathe out", 4, "shrink", "slowly, all the way"),
    Phase("Hold", 4, "empty", "rest before the next breath"),
))
FOUR_SEVEN_EIGHT = Pattern("478", "4-7-8 breathing", (
    Phase("Breathe in", 4, "grow", "quietly, through your nose"),
    Phase("Hold", 7, "full", "easy, no strain"),
    Phase("Breathe out", 8, "shrink", "through your mouth, long and slow"),
))
PATTERNS = {p.key: p for p in (BOX, FOUR_SEVEN_EIGHT)}


@dataclass(frozen=True, slots=True)
class Moment:
    """Where the breath is at one point in time."""

    phase: Phase
    count: int  # whole seconds left in the phase, counting down to 1
    size: float  # 0 (empty lungs) to 1 (full)
    round: int  # 1-based
    done: bool  # every round is over


def moment(pattern: Pattern, elapsed: float, rounds: int = ROUNDS) -> Moment:
    """The phase, count and shape size ``elapsed`` seconds into the exercise."""
    total = pattern.seconds * rounds
    if elapsed >= total:
        return Moment(pattern.phases[-1], 0, 0.0, rounds, True)
    elapsed = max(0.0, elapsed)
    round_index, into = divmod(elapsed, pattern.seconds)
    for phase in pattern.phases:
        if into < phase.seconds:
            break
        into -= phase.seconds
    fraction = into / phase.seconds
    size = {"grow": fraction, "full": 1.0, "shrink": 1.0 - fraction, "empty": 0.0}[phase.shape]
    count = max(1, math.ceil(phase.seconds - into - 1e-9))
    return Moment(phase, count, size, int(round_index) + 1, False)


#: The drawing area, in cells; the shape is centred in it.
SHAPE_ROWS = 9
SHAPE_COLS = 38


def shape(size: float) -> Content:
    """A soft block that grows with the breath; ``size`` runs from 0 to 1."""
    size = 0.12 + 0.88 * max(0.0, min(1.0, size))
    rows = 1 + 2 * round(size * (SHAPE_ROWS - 1) / 2)
    cols = 2 + 2 * round(size * (SHAPE_COLS - 2) / 2)
    lines = []
    for row in range(SHAPE_ROWS):
        offset = row - (SHAPE_ROWS - rows) // 2
        if not 0 <= offset < rows:
            lines.append(Content(" " * SHAPE_COLS))
            continue
        width = cols
        if rows >= 3 and offset in (0, rows - 1):
            width = max(2, cols - 4)  # rounded corners
        pad = (SHAPE_COLS - width) // 2
        lines.append(Content.assemble(" " * pad, ("█" * width, "$accent"), " " * (SHAPE_COLS - width - pad)))
    return Content("\n").join(lines)


END_LINE = ("Four rounds done. Nothing else needs you this minute. "
            "Come back whenever the wait feels loud.")


class BreatheScreen(Screen[None]):
    """A quiet room of its own (a plain screen, so nothing shows through)."""

    DEFAULT_CSS = """
    BreatheScreen { align: center middle; }
    BreatheScreen #breathe {
        width: 64;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 1 2;
        background: $surface;
        border: round $primary;
    }
    BreatheScreen #breathe-title { text-style: bold; color: $accent; }
    BreatheScreen #breathe-shape { height: 9; width: 100%; content-align: center middle; margin: 1 0; }
    BreatheScreen #breathe-words { text-align: center; text-style: bold; height: 1; }
    BreatheScreen #breathe-cue { text-align: center; color: $text-muted; height: auto; }
    BreatheScreen #breathe-round { text-align: center; color: $text-muted; height: 1; margin: 1 0 0 0; }
    BreatheScreen #breathe-hint { color: $text-muted; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="breathe-back"),
        Binding("space", "pause", "Pause / go on", id="breathe-pause"),
        Binding("t", "switch", "Box / 4-7-8", id="breathe-switch"),
    ]

    def __init__(self, pattern: str = "box", *, start: float = 0.0, ticking: bool = True) -> None:
        """``start`` (seconds) and ``ticking=False`` stand the screen still for tests."""
        super().__init__()
        self.pattern = PATTERNS[pattern]
        self.ticks = round(start * TICKS_PER_SECOND)
        self.ticking = ticking
        self.paused = False
        self.timer: Timer | None = None
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="breathe"):
            yield Static(id="breathe-title")
            yield Static(id="breathe-shape")
            yield Static(id="breathe-words")
            yield Static(id="breathe-cue")
            yield Static(id="breathe-round")
            yield Static("space pause · t box or 4-7-8 · escape back", id="breathe-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.ticking:
            self.timer = self.set_interval(1 / TICKS_PER_SECOND, self.tick, name="breath")
        self.show()

    def on_screen_suspend(self) -> None:
        if self.timer is not None:
            self.timer.pause()  # another screen on top: the count waits for the person

    def on_screen_resume(self) -> None:
        if self.timer is not None and not self.now.done:
            self.timer.resume()

    @property
    def still(self) -> bool:
        """Animations are off: the shape rests, the words keep guiding."""
        return self.app.animation_level == "none"

    @property
    def now(self) -> Moment:
        return moment(self.pattern, self.ticks / TICKS_PER_SECOND)

    def tick(self) -> None:
        if self.paused:
            return
        self.ticks += 1
        self.show()
        if self.now.done and self.timer is not None:
            self.timer.pause()

    def show(self) -> None:
        now = self.now
        size = 0.5 if self.still else now.size
        key = (self.pattern.key, now.phase, now.count, now.round, now.done, self.paused, round(size, 3))
        if key == self._shown:
            return  # nothing a person could see has changed
        self._shown = key
        self.query_one("#breathe-title", Static).update(f"A breathing break · {self.pattern.name}")
        self.query_one("#breathe-shape", Static).update(shape(size))
        words = self.query_one("#breathe-words", Static)
        cue = self.query_one("#breathe-cue", Static)
        rounds = self.query_one("#breathe-round", Static)
        if now.done:
            words.update("Well done")
            cue.update(END_LINE)
            rounds.update("space for another four rounds · escape to go back")
            return
        words.update(Content.assemble((now.phase.words, "bold"), ("   ", ""), (str(now.count), "bold $accent")))
        cue.update("Paused. Press space to go on." if self.paused else now.phase.cue)
        rounds.update(f"round {now.round} of {ROUNDS}")

    # actions ----------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)

    def action_pause(self) -> None:
        if self.now.done:
            self.ticks = 0
            if self.timer is not None:
                self.timer.resume()
        else:
            self.paused = not self.paused
        self.show()

    def action_switch(self) -> None:
        self.pattern = FOUR_SEVEN_EIGHT if self.pattern is BOX else BOX
        self.ticks = 0
        self.paused = False
        if self.timer is not None:
            self.timer.resume()
        self.show()
        self.notify(f"Now: {self.pattern.name}.", markup=False, timeout=2)
