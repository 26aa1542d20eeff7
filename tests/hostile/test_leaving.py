"""Text that leaves the app, and inputs that used to end in a traceback (issue 16).

- ``export --format csv`` to a terminal shows text as ``status`` does (controls made
  visible); into a file or a pipe it stays exact.
- CSV cells a spreadsheet would run as formulas get a ``'`` in front (OWASP's
  advice on CSV injection), which ``import`` removes again: the round trip is lossless.
- A 5,000-digit integer, ``1e400`` and ``NaN`` are refused in one line, on import and
  in the database file (so an export never holds what an import refuses).
- An ASCII-only stdout (``PYTHONIOENCODING=ascii``) gets no traceback.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waiting_room import cli
from waiting_room.store import interchange
from waiting_room.store.database import Database

from hostilekit import CONTROL_ATTACKS, TODAY, assert_one_line_refusal, forbidden, run_main, seed

DAY = ["--today", TODAY.isoformat()]
FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "'=quoted", "''", "'"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _export(db: Path, *args: str, stdout: io.StringIO | None = None) -> str:
    out = stdout or io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["--db", str(db), *DAY, "export", *args]) == 0
    return out.getvalue()


@pytest.fixture
def attacked(tmp_path: Path) -> Path:
    path = tmp_path / "waiting-room.json"
    seed(path)
    company = "Evil " + " ".join(CONTROL_ATTACKS)
    code, out, err = run_main(["--db", str(path), *DAY, "add", "--company", company, "--role", FORMULAS[0],
                               "--note", "=1+2 " + CONTROL_ATTACKS[0]])
    assert code == 0, err
    return path


def test_csv_and_json_exports_to_a_terminal_show_no_control_characters(attacked):
    for fmt in ("csv", "json"):
        shown = _export(attacked, "--format", fmt, stdout=Terminal())
        assert "Evil" in shown
        assert not forbidden(shown.replace("\r\n", "\n")), fmt


def test_csv_export_into_a_file_or_a_pipe_stays_exact(attacked, tmp_path):
    piped = _export(attacked, "--format", "csv")
    assert "\x1b]52;c;" in piped  # exact: the data as stored
    target = tmp_path / "all.csv"
    _export(attacked, "--format", "csv", "-o", str(target))
    assert target.read_bytes().decode("utf-8") == piped


def test_formula_cells_are_defused_on_export_and_restored_on_import(tmp_path):
    path = tmp_path / "waiting-room.json"
    with Database(path, today=TODAY).transaction() as tx:
        for i, text in enumerate(FORMULAS):
            from waiting_room.core.model import Application

            tx.add(Application(id=f"f{i}", company=text, role=f"r{i}", notes=text, link=text))
    text = _export(path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for row in rows:
        for column in ("company", "notes", "link"):
            assert not row[column].startswith(interchange._FORMULA_START), row[column]
    assert rows[0]["company"] == "'=HYPERLINK(\"http://x\",\"y\")"
    # our own round trip is lossless
    again = interchange.from_csv(text)
    assert [(a.company, a.notes, a.link) for a in again] == [(t, t, t) for t in FORMULAS]
    # and a JSON export keeps the text as it is (no spreadsheet reads it)
    assert json.loads(_export(path))["applications"][0]["company"] == FORMULAS[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=+-@\t\r'a ")), max_size=6) | st.text(max_size=8))
def test_defuse_round_trips_any_text(text):
    cell = interchange.defuse(text)
    assert not cell.startswith(interchange._FORMULA_START)
    assert interchange.undefuse(cell) == text


@pytest.mark.parametrize("number", ["9" * 5000, "1e400", "-1e400", "NaN", "Infinity"],
                         ids=["5000-digits", "1e400", "-1e400", "NaN", "Infinity"])
def test_an_import_with_an_impossible_number_is_one_line(tmp_path, number):
    db = tmp_path / "waiting-room.json"
    raw = seed(db)
    source = tmp_path / "in.json"
    source.write_text('{"format": "waiting-room/1", "applications": '
                      f'[{{"company": "A", "role": "R", "events": [], "score": {number}}}]}}')
    code, out, err = run_main(["--db", str(db), *DAY, "import", str(source)])
    assert_one_line_refusal(code, out, err)
    assert db.read_bytes() == raw


@pytest.mark.parametrize("number", ["1e400", "NaN", "-Infinity"])
def test_a_database_holding_an_impossible_number_is_refused_not_exported(tmp_path, number):
    db = tmp_path / "waiting-room.json"
    db.write_text('{"_meta": {"1": {"schema": 1}}, "applications": {"1": {"id": "a", "company": "A", '
                  f'"role": "R", "events": [], "score": {number}}}}}, "calm": {{}}}}')
    raw = db.read_bytes()
    for command in (["export"], ["status"], ["add", "--company", "B", "--role", "R"]):
        code, out, err = run_main(["--db", str(db), *DAY, *command])
        assert_one_line_refusal(code, out, err)
        assert "cannot read the database" in err
    assert db.read_bytes() == raw


def test_an_ascii_only_stdout_gets_no_traceback(tmp_path, cli_subprocess):
    db = tmp_path / "waiting-room.json"
    day = {"WAITING_ROOM_TODAY": TODAY.isoformat()}
    assert cli_subprocess("--db", str(db), "add", "--company", "Café Ünïcode", "--role", "Rôle",
                          "--interviewed", "2026-11-02", **day).returncode == 0
    exact = cli_subprocess("--db", str(db), "export", **day).stdout
    for args in (["status"], ["status", "--json"], ["export"], ["export", "--format", "csv"], ["export", "-o", "-"]):
        result = cli_subprocess("--db", str(db), *args, PYTHONIOENCODING="ascii", **day)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
        assert result.stdout
    assert cli_subprocess("--db", str(db), "export", PYTHONIOENCODING="ascii", **day).stdout == exact


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_csv_export_through_o_to_a_terminal_shows_no_control_characters(attacked, tmp_path):
    # `-o /dev/stdout` on a terminal was written raw. A pty of our own stands in for
    # the terminal, reached through a link to /proc/self/fd/N as /dev/stdout is.
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("no /proc/self/fd here")
    master, slave = os.openpty()
    try:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{slave}")
        got = bytearray()

        def drain() -> None:
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                got.extend(chunk)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        code, out, err = run_main(["--db", str(attacked), *DAY, "export", "--format", "csv", "-o", str(link)])
        assert (code, out, err) == (0, "", "")
        os.close(slave)
        slave = -1
        reader.join(10)
        shown = bytes(got).decode("utf-8").replace("\r\r\n", "\n").replace("\r\n", "\n")  # the pty adds \r
        assert "Evil" in shown
        assert not forbidden(shown), "control characters reached the terminal"
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
