"""End-to-end fixtures: a private tmux server and a private OpenSSH server.

Nothing here touches the machine's own tmux or sshd:

* every tmux server has its own socket name (``tmux -L e2e-<pid>-<random>``),
  starts with no config file (``-f /dev/null``) and is killed at teardown;
* ``sshd`` runs on 127.0.0.1 on a free port, with throwaway host and user keys
  and a config file of its own, all in a temp folder; it is stopped at teardown.

The tests skip with a clear reason when tmux or OpenSSH is missing
(``sh .ci/e2e-deps.sh`` installs them).
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from e2ekit import TODAY, WAITING_ROOM, SSHServer, TmuxServer, free_port, wait_port, which_sshd


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[TmuxServer]:
    """A private tmux server; killed at teardown."""
    binary = shutil.which("tmux")
    if binary is None:
        pytest.skip("tmux is not installed (sh .ci/e2e-deps.sh installs it)")
    env = dict(os.environ)
    for name in ("TMUX", "TMUX_PANE", "COLORTERM", "NO_COLOR", "TEXTUAL_COLOR_SYSTEM", "ESCDELAY",
                 "WAITING_ROOM_DB", "WAITING_ROOM_TODAY"):
        env.pop(name, None)
    env["TERM"] = "xterm-256color"
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    server = TmuxServer(binary, tmp_path, env)
    try:
        yield server
    finally:
        server.kill()




@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SSHServer]:
    """A private sshd on 127.0.0.1 with throwaway keys; stopped at teardown."""
    binary = which_sshd()
    missing = [name for name, path in (("sshd", binary), ("ssh", shutil.which("ssh")),
                                       ("ssh-keygen", shutil.which("ssh-keygen"))) if path is None]
    if missing:
        pytest.skip(f"OpenSSH is not installed (missing {', '.join(missing)}; sh .ci/e2e-deps.sh installs it)")
    folder = tmp_path_factory.mktemp("sshd")
    host_key, user_key = folder / "host_ed25519", folder / "user_ed25519"
    for key in (host_key, user_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", str(key)],
                       check=True, capture_output=True)
    authorized = folder / "authorized_keys"
    authorized.write_text(Path(f"{user_key}.pub").read_text())
    authorized.chmod(0o600)
    port = free_port()
    lines = [
        "ListenAddress 127.0.0.1",
        f"Port {port}",
        f"HostKey {host_key}",
        f"AuthorizedKeysFile {authorized}",
        f"PidFile {folder / 'sshd.pid'}",
        "UsePAM no",
        "StrictModes no",
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "AcceptEnv LANG LC_* WAITING_ROOM_*",
        "PrintMotd no",
        "PrintLastLog no",
        "X11Forwarding no",
        "AllowTcpForwarding no",
        # the concurrency test opens dozens of connections at once
        "MaxStartups 200",
        "MaxSessions 200",
    ]
    # The remote side runs the same code as this process (a source checkout on PYTHONPATH).
    if os.environ.get("PYTHONPATH"):
        lines.append(f"SetEnv PYTHONPATH={os.environ['PYTHONPATH']}")
    config = folder / "sshd_config"
    config.write_text("\n".join(lines) + "\n")
    try:  # sshd's privilege separation folder (root only); a package install may not have made it
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    except OSError:
        pass
    log = folder / "sshd.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([binary, "-D", "-e", "-f", str(config)], stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    try:
        try:
            wait_port(port, process, log)
        except RuntimeError as error:
            pytest.fail(str(error))
        server = SSHServer(folder, port, user_key, getpass.getuser(), log)
        probe = server.run("true")
        if probe.returncode != 0:
            pytest.fail(f"cannot log in to the test sshd: {probe.stderr.strip()}\n{log.read_text(errors='replace')}")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# data -----------------------------------------------------------------------------


def demo_export(folder: Path) -> Path:
    """The built-in sample data as an interchange file (what ``demo`` shows)."""
    from datetime import date

    from waiting_room.demo import demo_applications
    from waiting_room.store.interchange import to_json

    path = folder / "demo-export.json"
    path.write_text(to_json(demo_applications(date.fromisoformat(TODAY))), encoding="utf-8")
    return path


@pytest.fixture
def private_dir(tmp_path: Path) -> Path:
    """A 0700 folder for a database (as the app makes it), so no privacy warning shows."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    return folder


@pytest.fixture
def demo_db(private_dir: Path) -> Path:
    """A database file seeded with the sample data through ``waiting-room import``."""
    db = private_dir / "waiting-room.json"
    result = subprocess.run(
        [*WAITING_ROOM, "--today", TODAY, "--db", str(db), "import", str(demo_export(private_dir.parent))],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return db
