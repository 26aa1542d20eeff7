"""The README is the newcomer's way in: its commands and keys must stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    return re.findall(r"```sh\n(python3 -m venv .+?)\n```", README)


def test_readme_has_the_two_commands_and_ci_runs_the_test_one():
    install, test = _commands()[:2]
    assert "waiting-room demo" in install
    assert "[test]" in test and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test in ci.splitlines()


def test_every_key_in_the_help_is_in_the_readme():
    from waiting_room.tui.keys import KEY_GROUPS

    keys_table = README.split("## Keys", 1)[1].split("## ", 1)[0]
    for _, keys in KEY_GROUPS:
        for key, _ in keys:
            first = key.split(" / ")[0]
            assert f"`{first}`" in keys_table or first in ("pgup", "ctrl+s"), key


def test_docs_links_in_the_readme_exist():
    for target in re.findall(r"\]\(((?:docs|screenshots)/[^)]+)\)", README):
        assert (ROOT / target).exists(), target
