"""Helpers for the hostile sweep: attack strings, a quiet CLI runner, screen reading."""

from __future__ import annotations

import contextlib
import io
import re
import threading
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

TODAY = date(2026, 11, 20)

#: The known markup and terminal attacks (STYLE.md and issue 9), one per line.
MARKUP_ATTACKS = (
    "[/",
    "[ @click=app.quit]x[/]",
    "[$accent]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[bold]B[/bold]",
)
CONTROL_ATTACKS = (
    "\x1b]52;c;aGk=\x07",  # OSC 52: set the clipboard
    "\x1b[2J",  # clear the screen
    "\x9b31m",  # C1 CSI
    "\x1b]0;title\x07",  # retitle the window
    "\u202e",  # bidi override
)
HOSTILE = " ".join(MARKUP_ATTACKS + CONTROL_ATTACKS)
#: What must never reach a terminal.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def forbidden(text: str) -> list[str]:
    """The control characters in ``text`` that a terminal would act on."""
    return sorted({repr(c) for c in FORBIDDEN.findall(text)})


def run_main(argv: Sequence[str]) -> tuple[int, str, str]:
    """``cli.main(argv)`` with stdout and stderr captured (usable inside hypothesis)."""
    from waiting_room import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_one_line_refusal(code: int, out: str, err: str) -> None:
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert err.startswith("waiting-room: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert not forbidden(err), err


def seed(path: Path) -> bytes:
    """A database holding one application; returns its bytes."""
    code, out, err = run_main(["--db", str(path), "--today", TODAY.isoformat(),
                               "add", "--company", "Seed Co", "--role", "Seeder",
                               "--interviewed", "2026-11-02"])
    assert code == 0, err
    return path.read_bytes()


def finishes(fn: Callable[[], Any], timeout: float = 60.0) -> Any:
    """Run ``fn`` in a thread and return its result; fail if it hangs (a hang detector, not a timer)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as error:  # noqa: BLE001 - re-raised below
            box["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"did not finish within {timeout}s: catastrophic backtracking?"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def screen_text(app) -> str:
    """What the screen shows, as plain text: the same cells a terminal would get."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
