"""Importing the CSV files people make in their own spreadsheets."""

from __future__ import annotations

import json
import subprocess
import sys


def run(tmp_path, child_env, *args):
    env = child_env(WAITING_ROOM_DB=str(tmp_path / "wr.json"), WAITING_ROOM_TODAY="2026-12-04")
    return subprocess.run([sys.executable, "-m", "waiting_room", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def exported(tmp_path, child_env):
    done = run(tmp_path, child_env, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_headers_in_any_case_a_semicolon_and_kinds_as_people_write_them(tmp_path, child_env):
    sheet = tmp_path / "mine.csv"
    sheet.write_text(
        "Company;Role;Event Date;Event Kind;Event Note\r\n"
        "Acme;Analyst;3 Nov 2026;Interview;went well\r\n"
        "Acme;Analyst;2026/11/10;heard-back;soon, they said\r\n",
        encoding="utf-8",
    )
    done = run(tmp_path, child_env, "import", str(sheet))
    assert done.returncode == 0, done.stderr
    (app,) = exported(tmp_path, child_env)["applications"]
    assert [(e["date"], e["kind"], e["note"]) for e in app["events"]] == [
        ("2026-11-03", "interview", "went well"), ("2026-11-10", "heard_back", "soon, they said"),
    ]


def test_a_tab_separated_sheet_with_dates_without_a_year(tmp_path, child_env):
    sheet = tmp_path / "mine.csv"
    sheet.write_text("company\trole\tevent_date\tevent_kind\nBeta\tDev\tNov 3\tPhone screen\n", encoding="utf-8")
    done = run(tmp_path, child_env, "import", str(sheet))
    assert done.returncode == 0, done.stderr
    (app,) = exported(tmp_path, child_env)["applications"]
    assert [(e["date"], e["kind"]) for e in app["events"]] == [("2026-11-03", "phone_screen")]


def test_a_kind_no_one_writes_is_still_one_line_and_nothing_is_written(tmp_path, child_env):
    sheet = tmp_path / "mine.csv"
    sheet.write_text("company,role,event_date,event_kind\nA,B,2026-11-01,dance\n", encoding="utf-8")
    done = run(tmp_path, child_env, "import", str(sheet))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "event_kind" in done.stderr and "'dance'" in done.stderr
    assert not (tmp_path / "wr.json").exists() or exported(tmp_path, child_env)["applications"] == []
