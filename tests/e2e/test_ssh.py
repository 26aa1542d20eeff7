"""Waiting Room over real OpenSSH: a private sshd on 127.0.0.1, ``ssh -tt`` inside tmux.

What a person does on a remote machine: open the TUI over SSH, move, open an
application, resize the window, quit and find their shell as it was; run
``status`` from a login script; capture with ``add``; keep two sessions open on
one database.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from e2ekit import DASHBOARD, TODAY, Pane, SSHServer, TmuxServer, wr

pytestmark = pytest.mark.e2e

SEPARATOR = re.compile(r"^\s*─{10,}")


def card_companies(screen: str) -> list[str]:
    """Company names of the cards on a narrow dashboard, top to bottom.

    The first card's title is line 3 (after the date line and the calm line);
    every later title follows a separator rule. A title is "Company  ·  Role".
    """
    lines = screen.splitlines()
    titles = [lines[2]] + [lines[i + 1] for i in range(2, len(lines) - 1) if SEPARATOR.match(lines[i])]
    return [t.split("  ·  ")[0].strip() for t in titles if "  ·  " in t]


def dashboard_laid_out(screen: str, width: int) -> bool:
    """The dashboard fills ``width`` columns: date line on top, footer along the bottom."""
    lines = screen.splitlines()
    return (
        len(lines) > 3 and bool(DASHBOARD.search(lines[0]))
        and "palette" in lines[-1] and len(lines[-1].rstrip()) > width - 5
    )


def after_command(screen: str) -> list[str]:
    """The non-empty lines printed after the typed command line (which ends in ``E2E-EXIT=$?``)."""
    lines = screen.splitlines()
    last = max(i for i, text in enumerate(lines) if text.rstrip().endswith("E2E-EXIT=$?"))
    return [text.rstrip() for text in lines[last + 1:] if text.strip()]


def open_tui(pane: Pane, sshd: SSHServer, remote: str) -> dict[str, str]:
    """From the pane's shell, ``ssh -tt`` to run ``remote``; wait for the dashboard.

    Returns the pane's terminal modes from before, to compare after the exit.
    """
    before = pane.modes()
    assert before["alternate_on"] == "0"
    pane.run(sshd.command(remote, tty=True))
    pane.wait_dashboard()
    return before


def quit_tui(pane: Pane, before: dict[str, str]) -> str:
    """Press q; the ssh command ends with 0 and the terminal is as it was."""
    pane.keys("q")
    assert pane.wait_exit() == 0
    screen = pane.screen()
    assert pane.modes() == before, "the TUI left a terminal mode changed (alternate screen, mouse, cursor, keypad...)"
    assert after_command(screen) == ["E2E-EXIT=0", "$"], f"leftovers on the shell's screen:\n{screen}"
    return screen


def test_tui_over_ssh_keys_resize_and_clean_exit(sshd: SSHServer, tmux: TmuxServer, demo_db: Path) -> None:
    pane = tmux.shell(80, 24)
    remote = f"TERM=xterm-256color WAITING_ROOM_DB={shlex.quote(str(demo_db))} WAITING_ROOM_TODAY={TODAY} {wr()}"
    before = open_tui(pane, sshd, remote)

    # the dashboard at 80 columns: cards only, no preview pane
    screen = pane.screen()
    assert DASHBOARD.search(screen.splitlines()[0])
    assert "Behind closed doors" not in screen
    assert "Privacy" not in screen  # a 0600 file in a 0700 folder raises no warning
    first, second = card_companies(screen)[:2]
    assert first != second

    # j moves the highlight down one card; enter opens that one in full; escape goes back
    pane.keys("j")
    pane.keys("Enter")
    # the title names the second card; the footer offers the way back
    pane.wait(lambda s: second in s.splitlines()[0] and "Back" in s.splitlines()[-1], f"{second} opened in full")
    pane.keys("Escape")
    pane.wait_dashboard(timeout=2)

    # ? opens the help; escape closes it at once (no ncurses-style one second ESCDELAY)
    pane.keys("?")
    pane.wait_for("Moving around")
    started = time.monotonic()
    pane.keys("Escape")
    pane.wait_gone("Moving around", timeout=3)
    assert time.monotonic() - started < 0.5, "Escape took longer than 0.5 s to close the help"

    # the window grows: the screen is laid out again, with the preview pane beside the list
    pane.resize(120, 40)
    pane.wait(lambda s: dashboard_laid_out(s, 120) and "Behind closed doors" in s, "the wide dashboard", 5)
    # and shrinks back: the preview goes away again (its divider too)
    pane.resize(80, 24)
    pane.wait(lambda s: dashboard_laid_out(s, 80) and "Behind closed doors" not in s and "▊" not in s,
              "the narrow dashboard", 5)

    quit_tui(pane, before)


def test_status_over_ssh_is_a_few_calm_plain_lines(sshd: SSHServer, demo_db: Path) -> None:
    result = sshd.run(wr("--today", TODAY, "--db", str(demo_db), "status"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "\x1b" not in out, "status printed escape sequences into a login message"
    lines = out.splitlines()
    assert 2 <= len(lines) <= 10, out
    assert lines[0].startswith("Waiting Room")
    assert all(len(line) <= 80 for line in lines), out  # no tty: 80 columns
    assert all(line.isprintable() for line in lines), out

    data = json.loads(sshd.run(wr("--today", TODAY, "--db", str(demo_db), "status", "--json")).stdout)
    assert data["today"] == TODAY and data["applications"]


def test_add_over_ssh_prints_the_id_and_keeps_the_file_private(sshd: SSHServer, private_dir: Path) -> None:
    db = private_dir / "new" / "folder" / "waiting-room.json"
    result = sshd.run(wr("--today", TODAY, "--db", str(db), "add", "--company", "Acme Analytics",
                         "--role", "Data Analyst", "--interviewed", "2026-11-02"))
    assert result.returncode == 0, result.stderr
    new_id = result.stdout.strip()
    assert re.fullmatch(r"[0-9a-z]+", new_id), result.stdout
    assert result.stdout == new_id + "\n"
    assert db.stat().st_mode & 0o777 == 0o600
    assert db.parent.stat().st_mode & 0o777 == 0o700

    status = json.loads(sshd.run(wr("--today", TODAY, "--db", str(db), "status", "--json")).stdout)
    [entry] = status["applications"]
    assert entry["id"] == new_id and entry["days_waited"] == 18


@pytest.mark.parametrize("args, names", [
    (("add", "--company", "A", "--role", "B", "--interviewed", "2026-13-45"), "--interviewed"),
    (("log", "nosuchid", "interview"), "nosuchid"),
    (("status", "--bogus"), "--bogus"),
])
def test_bad_input_over_ssh_is_one_line_and_exit_2(sshd: SSHServer, private_dir: Path, args, names) -> None:
    db = private_dir / "waiting-room.json"
    result = sshd.run(wr("--today", TODAY, "--db", str(db), *args))
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("waiting-room: ") and names in lines[0]
    assert not db.exists(), "nothing is written on an error"


def test_bad_today_over_ssh_is_exit_2(sshd: SSHServer, private_dir: Path) -> None:
    result = sshd.run(wr("--today", "2026-02-30", "--db", str(private_dir / "db.json"), "status"))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr


def add_all_at_once(sshd: SSHServer, db: Path, companies: list[str], control: Path | None = None) -> dict[str, str]:
    """Start one ``ssh ... add`` per company, all at once; return company -> printed id."""
    processes = {
        company: subprocess.Popen(
            [*sshd.client(control=control), wr("--today", TODAY, "--db", str(db), "add", "--company", company,
                                               "--role", "Clerk", "--interviewed", "2026-11-10")],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for company in companies
    }
    ids = {}
    for company, process in processes.items():
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, f"add {company} failed ({process.returncode}): {err.strip()}"
        ids[company] = out.strip()
    return ids


def exported(sshd: SSHServer, db: Path) -> dict[str, str]:
    result = sshd.run(wr("--today", TODAY, "--db", str(db), "export"))
    assert result.returncode == 0, result.stderr
    return {a["company"]: a["id"] for a in json.loads(result.stdout)["applications"]}


def test_two_sessions_writing_at_once_lose_nothing(sshd: SSHServer, private_dir: Path) -> None:
    db = private_dir / "waiting-room.json"
    companies = {session: [f"{session} company {n:02d}" for n in range(20)] for session in ("Session A", "Session B")}

    def session(name: str) -> dict[str, str]:
        with sshd.connection() as control:  # one login per session, 20 commands at once over it
            return add_all_at_once(sshd, db, companies[name], control)

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(session, companies)
    ids = a | b
    assert len(set(ids.values())) == 40, "every add printed its own id"
    assert exported(sshd, db) == ids
    status = json.loads(sshd.run(wr("--today", TODAY, "--db", str(db), "status", "--json")).stdout)
    assert len(status["applications"]) == 40


def test_two_tui_sessions_on_one_database(sshd: SSHServer, tmux: TmuxServer, private_dir: Path) -> None:
    db = private_dir / "waiting-room.json"
    add_all_at_once(sshd, db, ["Alder Analytics", "Birch Bank"])
    remote = f"TERM=xterm-256color {wr('--today', TODAY, '--db', str(db))}"
    one, two = tmux.shell(80, 24), tmux.shell(80, 24)
    before_one = open_tui(one, sshd, remote)
    before_two = open_tui(two, sshd, remote)
    for pane in (one, two):
        assert "2 waiting" in pane.first_line()

    # add an application in the first session, through the form
    one.keys("a")
    one.wait_for("Add an application")
    one.type("Cedar Care")
    one.wait_for("Cedar Care")
    one.tab_to_next_field()  # paced as a person watching the form; bursts are covered in test_terminal.py
    one.type("Night Auditor")
    one.wait_for("Night Auditor")
    one.keys("C-s")
    saved = time.monotonic()
    one.wait(lambda s: "3 waiting" in s.splitlines()[0] and "Cedar Care" in s, "the new card in session one", 5)
    # the second session sees it on its own (live reload checks the file every second)
    two.wait(lambda s: "3 waiting" in s.splitlines()[0] and "Cedar Care" in s, "the new card in session two", 5)
    assert time.monotonic() - saved < 3.0, "the other session took more than 3 s to show the new application"

    # while both are open, scripts write at once: nothing is lost, both screens catch up
    burst = [f"Burst {n:02d}" for n in range(10)]
    add_all_at_once(sshd, db, burst)
    for pane in (one, two):
        pane.wait(lambda s: "13 waiting" in s.splitlines()[0], "13 waiting", 5)
    assert set(exported(sshd, db)) == {"Alder Analytics", "Birch Bank", "Cedar Care", *burst}

    quit_tui(one, before_one)
    quit_tui(two, before_two)
    assert set(exported(sshd, db)) == {"Alder Analytics", "Birch Bank", "Cedar Care", *burst}, \
        "quitting a session wrote back an old copy"


def test_database_readable_by_others_warns_at_start(sshd: SSHServer, tmux: TmuxServer, demo_db: Path) -> None:
    demo_db.chmod(0o644)
    pane = tmux.shell(100, 30)
    before = open_tui(pane, sshd, f"TERM=xterm-256color {wr('--today', TODAY, '--db', str(demo_db))}")
    screen = pane.wait_for("Other users", timeout=5)
    assert "chmod" in screen, "the warning says how to make it private"
    quit_tui(pane, before)
