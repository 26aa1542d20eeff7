"""Store fixtures: child processes that write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storekit import WRITER


@pytest.fixture
def writer_script(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    return script


@pytest.fixture
def spawn_writer(writer_script: Path, child_env):
    """Start a writer: ``spawn(db_path, prefix, count=-1, slow_fsync=0)`` -> Popen (stdout: text pipe)."""
    procs: list[subprocess.Popen] = []

    def spawn(db: Path, prefix: str, count: int = -1, slow_fsync: float = 0.0) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, str(writer_script), str(db), prefix, str(count), str(slow_fsync)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        procs.append(proc)
        return proc

    yield spawn
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
