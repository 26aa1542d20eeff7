"""End-to-end helpers: drive tmux panes, reach a private OpenSSH server.

Screens are read with ``tmux capture-pane``, and every wait polls for what it
expects with a deadline; nothing sleeps a fixed time.
"""

from __future__ import annotations

import os
import shutil
import contextlib
import re
import shlex
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Callable, Iterator

TODAY = "2026-11-20"

#: The console script next to the interpreter running the tests (the venv's).
_SCRIPT = Path(sys.executable).parent / "waiting-room"
#: The absolute command that runs the app, locally or as an SSH remote command.
WAITING_ROOM: tuple[str, ...] = (
    (str(_SCRIPT),) if _SCRIPT.exists() else (sys.executable, "-m", "waiting_room")
)

#: The first line of the dashboard: "Friday 20 Nov  ·  3 waiting  ·  ..."
DASHBOARD = re.compile(r"\b(\d+ waiting|nothing waiting)\b")
EXIT_LINE = re.compile(r"E2E-EXIT=(\d+)")

#: Pane modes a full-screen app turns on and must turn off again when it ends.
TERMINAL_MODES = (
    "alternate_on", "cursor_flag", "insert_flag", "keypad_cursor_flag", "keypad_flag",
    "mouse_any_flag", "mouse_all_flag", "mouse_button_flag", "mouse_standard_flag",
    "mouse_sgr_flag", "mouse_utf8_flag", "origin_flag", "wrap_flag",
)


def which_sshd() -> str | None:
    for candidate in ("/usr/sbin/sshd", "/usr/local/sbin/sshd"):
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("sshd")


def wr(*args: str) -> str:
    """The shell command line for ``waiting-room ARGS`` (absolute path, quoted)."""
    return shlex.join([*WAITING_ROOM, *args])


# tmux -----------------------------------------------------------------------------


class Pane:
    """One tmux pane: type into it, read its screen, wait for what should appear."""

    def __init__(self, server: "TmuxServer", target: str) -> None:
        self.server = server
        self.target = target

    def keys(self, *keys: str) -> None:
        """Send tmux key names (``Enter``, ``Escape``, ``C-s``, ``j``...)."""
        self.server.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally (no key-name lookup)."""
        self.server.tmux("send-keys", "-t", self.target, "-l", text)

    def run(self, command: str) -> None:
        """Type a shell command, then a marker line with its exit status."""
        self.type(f"{command}; echo E2E-EXIT=$?")
        self.keys("Enter")

    def screen(self, *, escapes: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.target]
        if escapes:
            args.insert(1, "-e")
        return self.server.tmux(*args).stdout

    def lines(self) -> list[str]:
        return self.screen().splitlines()

    def first_line(self) -> str:
        lines = self.lines()
        return lines[0] if lines else ""

    def display(self, fmt: str) -> str:
        return self.server.tmux("display-message", "-p", "-t", self.target, fmt).stdout.strip()

    def modes(self) -> dict[str, str]:
        values = self.display("\t".join(f"#{{{name}}}" for name in TERMINAL_MODES)).split("\t")
        return dict(zip(TERMINAL_MODES, values))

    def cursor(self) -> tuple[int, int]:
        """Where the terminal cursor is (Textual puts it in the focused input)."""
        x, y = self.display("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def tab_to_next_field(self, timeout: float = 5.0) -> None:
        """Press Tab and wait until the cursor has moved on, as a person would see it move."""
        start = self.cursor()
        self.keys("Tab")
        deadline = time.monotonic() + timeout
        while self.cursor() == start:
            if time.monotonic() >= deadline:
                raise AssertionError(f"Tab did not move the cursor within {timeout}s:\n{self.screen()}")
            time.sleep(0.02)

    def size(self) -> tuple[int, int]:
        width, height = self.display("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def resize(self, width: int, height: int) -> None:
        self.server.tmux("resize-window", "-t", self.target, "-x", str(width), "-y", str(height))

    def wait(self, check: Callable[[str], object], what: str, timeout: float = 10.0) -> str:
        """Poll the screen until ``check(screen)`` is truthy; return that screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() >= deadline:
                raise AssertionError(f"timed out after {timeout:.1f}s waiting for {what}; screen:\n{screen}")
            time.sleep(0.02)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        return self.wait(lambda s: text in s, repr(text), timeout)

    def wait_gone(self, text: str, timeout: float = 10.0) -> str:
        return self.wait(lambda s: text not in s, f"{text!r} to go away", timeout)

    def wait_dashboard(self, timeout: float = 15.0) -> str:
        """Wait until the TUI shows its dashboard (and owns the alternate screen)."""
        def ready(screen: str) -> bool:
            if EXIT_LINE.search(screen) and self.display("#{alternate_on}") == "0":
                raise AssertionError(f"the app ended before showing its dashboard; screen:\n{screen}")
            first = screen.splitlines()[0] if screen else ""
            return bool(DASHBOARD.search(first)) and self.display("#{alternate_on}") == "1"

        return self.wait(ready, "the dashboard", timeout)

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the marker line of :meth:`run`; return the command's exit status."""
        screen = self.wait(lambda s: EXIT_LINE.search(s), "the command to end", timeout)
        return int(EXIT_LINE.findall(screen)[-1])


class TmuxServer:
    """A tmux server of our own: ``tmux -L <unique name> -f /dev/null``."""

    def __init__(self, tmux: str, folder: Path, env: dict[str, str]) -> None:
        self.bin = tmux
        self.name = f"e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.folder = folder
        self.env = env
        self._windows = 0

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [self.bin, "-L", self.name, "-f", "/dev/null", *args],
            capture_output=True, text=True, env=self.env, timeout=20,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def shell(self, width: int = 80, height: int = 24) -> Pane:
        """A new terminal (a tmux session of its own) running a plain shell with the prompt ``$ ``."""
        self._windows += 1
        name = f"t{self._windows}"
        # (one session per terminal: tmux 3.3a crashes on new-window under window-size manual)
        self.tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
                  "exec env PS1='$ ' bash --norc --noprofile")
        pane = Pane(self, f"{name}:")
        pane.wait(lambda s: s.rstrip().endswith("$"), "the shell prompt")
        return pane

    def kill(self) -> None:
        socket_path = self.tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self.tmux("kill-server", check=False)
        if socket_path.endswith(self.name):  # tmux 3.3 leaves its socket file behind
            Path(socket_path).unlink(missing_ok=True)


# OpenSSH --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        with socket.socket() as sock:
            sock.settimeout(0.2)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise RuntimeError(f"sshd did not listen on {port} within {timeout}s:\n{log.read_text(errors='replace')}")


class SSHServer:
    """A running private sshd and the client command line that reaches it."""

    def __init__(self, folder: Path, port: int, key: Path, user: str, log: Path) -> None:
        self.folder = folder
        self.port = port
        self.key = key
        self.user = user
        self.log = log

    def client(self, *, tty: bool = False, control: Path | None = None) -> list[str]:
        """The ``ssh`` argv up to the destination; ``control`` shares a connection."""
        args = [
            "ssh", "-F", "/dev/null", "-i", str(self.key), "-p", str(self.port),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "ConnectTimeout=10",
        ]
        if control is not None:
            args += ["-o", "ControlMaster=no", "-o", f"ControlPath={control}"]
        if tty:
            args.append("-tt")
        return [*args, f"{self.user}@127.0.0.1"]

    @contextlib.contextmanager
    def connection(self) -> Iterator[Path]:
        """One SSH connection (a control master) that many commands can share, like one login.

        Yields the ControlPath to pass to :meth:`client`; closes the connection after.
        """
        control = self.folder / f"cm-{uuid.uuid4().hex[:8]}"
        base = [a for a in self.client() if a != f"{self.user}@127.0.0.1"]
        master = subprocess.Popen(
            [*base, "-N", "-o", "ControlMaster=yes", "-o", f"ControlPath={control}", f"{self.user}@127.0.0.1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 10
            while not control.exists():
                if master.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"ssh control master did not start: {master.stderr.read() if master.stderr else ''}")
                time.sleep(0.02)
            yield control
        finally:
            master.terminate()
            try:
                master.wait(timeout=5)
            except subprocess.TimeoutExpired:
                master.kill()
                master.wait()

    def command(self, remote: str, *, tty: bool = False) -> str:
        """The local shell line that runs ``remote`` on the server."""
        return shlex.join([*self.client(tty=tty), remote])

    def run(self, remote: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
        """Run ``remote`` non-interactively (no tty, stdin closed), like a script would."""
        return subprocess.run(
            [*self.client(), remote], capture_output=True, text=True,
            stdin=subprocess.DEVNULL, timeout=timeout,
        )


