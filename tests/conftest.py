"""Shared fixtures: every test runs away from the real user data dir.

HOME and XDG_DATA_HOME point into the test's tmp dir, WAITING_ROOM_DB and
WAITING_ROOM_TODAY are removed, and a date pinned by one test (``main()``
pins ``--today`` for its process) is unpinned before the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("WAITING_ROOM_DB", raising=False)
    monkeypatch.delenv("WAITING_ROOM_TODAY", raising=False)
    from waiting_room import clock

    clock.pin(None)
    yield home
    clock.pin(None)


def subprocess_env(**extra: str) -> dict[str, str]:
    """The current (isolated) environment, with the repo importable from any cwd."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), env.get("PYTHONPATH", "")) if p
    )
    env.pop("PYTHONSTARTUP", None)
    env.update(extra)
    return env


def run_cli(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m waiting_room ARGS`` in a subprocess; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "waiting_room", *args],
        cwd=cwd,
        env=subprocess_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def cli_subprocess():
    """The function that runs ``python -m waiting_room`` in a subprocess."""
    return run_cli


@pytest.fixture
def child_env():
    """The function that builds a subprocess environment with the repo importable."""
    return subprocess_env


@pytest.fixture
def notes_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notes the reasons engine reads from here on (not those handed over), in order."""
    from waiting_room.core import reasons

    read: list[str] = []
    real = reasons._read_note

    def counting(text: str):
        read.append(text)
        return real(text)

    monkeypatch.setattr(reasons, "_read_note", counting)
    return read
