"""Every command of the contract, through ``waiting_room.cli.main(argv)``."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from waiting_room import cli
from waiting_room.store.database import Database

TODAY = "2026-11-20"
REASON_IDS = {
    "hr_gatekeeping", "key_person_away", "priority_project", "key_person_left", "reorganization",
    "role_rethought", "sign_offs", "scheduling", "other_candidates", "checks_in_progress",
}


class Runner:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = db
        self.capsys = capsys

    def __call__(self, *argv: str, today: str | None = TODAY) -> tuple[int, str, str]:
        self.capsys.readouterr()
        pinned = ["--today", today] if today else []
        code = cli.main(["--db", str(self.db), *pinned, *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def apps(self):
        return {a.id: a for a in Database(self.db, today=None).load()}  # type: ignore[arg-type]


@pytest.fixture
def run(tmp_path, capsys) -> Runner:
    return Runner(tmp_path / "data" / "waiting-room.json", capsys)


def add(run: Runner, company: str, role: str = "Analyst", *extra: str) -> str:
    code, out, err = run("add", "--company", company, "--role", role, *extra)
    assert (code, err) == (0, ""), err
    return out.strip()


# --- add ---------------------------------------------------------------------------------


def test_add_prints_the_new_id_alone(run):
    code, out, err = run("add", "--company", "Acme Analytics", "--role", "Data Analyst")
    assert code == 0 and err == ""
    assert re.fullmatch(r"[0-9a-z]{6,}\n", out)
    app = run.apps()[out.strip()]
    assert (app.company, app.role, app.events) == ("Acme Analytics", "Data Analyst", ())


def test_add_with_interview_date_in_words_note_size_and_expected_date(run):
    new = add(run, "Acme", "Analyst", "--interviewed", "3 days ago", "--note", "Onsite, five people",
              "--size", "large", "--expect", "2026-11-27")
    app = run.apps()[new]
    assert [(e.date.isoformat(), e.kind.value, e.note) for e in app.events] == [
        ("2026-11-17", "interview", "Onsite, five people")
    ]
    assert app.company_size.value == "large" and app.expected_reply_by.isoformat() == "2026-11-27"


def test_add_without_interview_keeps_the_note_on_the_application(run):
    new = add(run, "Acme", "Analyst", "--note", "Applied through a friend")
    assert run.apps()[new].notes == "Applied through a friend"


# --- log ---------------------------------------------------------------------------------


def test_log_with_a_unique_prefix(run):
    new = add(run, "Acme", "Analyst", "--interviewed", "2026-11-02")
    code, out, err = run("log", new[:3], "heard_back", "--date", "yesterday", "--note", "still deciding")
    assert code == 0 and err == ""
    assert new in out and "2026-11-19" in out and out.count("\n") == 1
    event = run.apps()[new].events[-1]
    assert (event.date.isoformat(), event.kind.value, event.note) == ("2026-11-19", "heard_back", "still deciding")


def test_log_defaults_to_today_and_a_closing_kind_closes(run):
    new = add(run, "Acme")
    assert run("log", new, "offer")[0] == 0
    app = run.apps()[new]
    assert app.status.value == "offer" and app.events[-1].date.isoformat() == TODAY


# --- import / export -----------------------------------------------------------------------

RICH = {
    "format": "waiting-room/1",
    "applications": [
        {
            "id": "acme-1",
            "company": "Acme Analytics",
            "role": "Data Analyst",
            "company_size": "large",
            "status": "waiting",
            "link": "https://example.com/j/1",
            "contacts": [{"name": "Dana Ruiz", "title": "Hiring manager", "email": "d@example.com", "x-tz": "CET"}],
            "expected_reply_by": "2026-11-07",
            "notes": "free text\nwith two lines",
            "events": [
                {"date": "2026-11-02", "kind": "interview", "note": "Onsite, five interviewers", "mood": 4},
                {"date": "2026-11-03", "kind": "thank_you_sent"},
            ],
            "ticked": {"thank-you": "2026-11-03"},
            "own_tasks": [{"id": "own-1", "title": "Read their annual report", "due": "2026-11-25", "pinned": True}],
            "salary": {"min": 60000, "currency": "EUR"},
            "tags": ["remote", "data"],
        },
        {"company": "Globex", "role": "Engineer", "events": [{"date": "2026-10-01", "kind": "applied"}]},
        {"id": "gone", "company": "Initech", "role": "PM", "status": "rejected",
         "events": [{"date": "2026-09-01", "kind": "interview"}, {"date": "2026-09-20", "kind": "rejection"}]},
    ],
}


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_json_then_export_round_trips_losslessly(run, tmp_path):
    source = write_json(tmp_path / "in.json", RICH)
    code, out, err = run("import", str(source))
    assert code == 0 and err == ""
    assert "3" in out and "3 new" in out
    code, exported, _ = run("export")
    data = json.loads(exported)
    assert data["format"] == "waiting-room/1"
    by_id = {a["id"]: a for a in data["applications"]}
    assert by_id["acme-1"] == RICH["applications"][0]  # every key, unknown ones too
    assert by_id["gone"]["status"] == "rejected"
    # and that export imports into a fresh database giving the same export
    again = Runner(tmp_path / "other.json", run.capsys)
    assert again("import", str(write_json(tmp_path / "exported.json", data)))[0] == 0
    assert json.loads(again("export")[1]) == data


def test_importing_the_export_again_updates_instead_of_duplicating(run, tmp_path):
    run("import", str(write_json(tmp_path / "in.json", RICH)))
    exported = run("export")[1]
    (tmp_path / "again.json").write_text(exported)
    code, out, _ = run("import", str(tmp_path / "again.json"))
    assert code == 0 and "0 new, 3 updated" in out
    assert len(run.apps()) == 3


def test_export_csv_has_one_row_per_event_and_imports_back(run, tmp_path):
    run("import", str(write_json(tmp_path / "in.json", RICH)))
    code, text, err = run("export", "--format", "csv")
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 + 1 + 2
    assert {r["company"] for r in rows} == {"Acme Analytics", "Globex", "Initech"}
    assert rows[0]["notes"] == "free text\nwith two lines"
    csv_file = tmp_path / "out.csv"
    csv_file.write_bytes(text.encode())
    other = Runner(tmp_path / "from-csv.json", run.capsys)
    assert other("import", str(csv_file))[0] == 0
    back = other.apps()
    original = run.apps()
    assert set(back) == set(original)
    for app_id, app in original.items():
        assert [(e.date, e.kind, e.note) for e in back[app_id].events] == [(e.date, e.kind, e.note) for e in app.events]
        assert (back[app_id].company, back[app_id].status, back[app_id].notes) == (app.company, app.status, app.notes)


def test_import_csv_layout(run, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "company,role,status,event_date,event_kind,event_note,referral\n"
        "Acme,Analyst,,2026-11-02,interview,Onsite,Sam\n"
        "Acme,Analyst,,2026-11-03,thank_you_sent,,\n"
        "Globex,Engineer,waiting,,,,\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(source))
    assert code == 0 and err == "" and "2 new" in out
    apps = sorted(run.apps().values(), key=lambda a: a.company)
    assert [e.kind.value for e in apps[0].events] == ["interview", "thank_you_sent"]
    assert apps[0].extra == {"referral": "Sam"}
    assert apps[1].events == ()


def test_export_ics_holds_follow_up_reminders(run):
    add(run, "Acme", "Analyst", "--interviewed", "2026-11-02")
    code, text, err = run("export", "--format", "ics")
    assert code == 0 and err == ""
    assert text.startswith("BEGIN:VCALENDAR") and text.rstrip().endswith("END:VCALENDAR")
    assert "BEGIN:VEVENT" in text and "Acme" in text


def test_export_to_a_file_writes_nothing_on_stdout(run, tmp_path):
    add(run, "Acme")
    target = tmp_path / "out" / "all.json"
    code, out, err = run("export", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text())["applications"][0]["company"] == "Acme"


def test_export_of_an_absent_database_is_empty_and_creates_nothing(run):
    code, out, _ = run("export")
    assert code == 0 and json.loads(out) == {"format": "waiting-room/1", "applications": []}
    assert not run.db.parent.exists()


# --- status --------------------------------------------------------------------------------


@pytest.fixture
def three(run, tmp_path):
    old = add(run, "Old Co", "A", "--interviewed", "2026-10-01", "--note", "the hiring manager is on leave")
    new = add(run, "New Co", "B", "--interviewed", "2026-11-17")
    mid = add(run, "Mid Co", "C", "--interviewed", "2026-11-02")
    closed = add(run, "Closed Co", "D", "--interviewed", "2026-09-01")
    run("log", closed, "rejection", "--date", "2026-09-20")
    none = add(run, "No Clock", "E")
    return old, mid, new, none, closed


def test_status_json_has_every_contract_key_longest_wait_first_waiting_only(run, three):
    old, mid, new, none, closed = three
    code, out, err = run("status", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["today"] == TODAY
    apps = data["applications"]
    assert [a["id"] for a in apps[:3]] == [old, mid, new]
    assert {a["id"] for a in apps} == {old, mid, new, none}  # the rejected one is not there
    first = apps[0]
    assert {"id", "company", "role", "status", "waiting_since", "days_waited", "wait_verdict",
            "reasons", "next_tasks"} <= set(first)
    assert (first["company"], first["role"], first["status"]) == ("Old Co", "A", "waiting")
    assert (first["waiting_since"], first["days_waited"]) == ("2026-10-01", 50)
    assert first["wait_verdict"] in ("within_normal", "longer_than_usual", "very_long")
    for app in apps:
        reasons = app["reasons"]
        assert {r["id"] for r in reasons} == REASON_IDS
        assert abs(sum(r["probability"] for r in reasons) - 1) <= 0.01
        probabilities = [r["probability"] for r in reasons]
        assert probabilities == sorted(probabilities, reverse=True)
        assert all(isinstance(r["because"], list) for r in reasons)
        dues = [t["due"] for t in app["next_tasks"] if t["due"]]
        assert dues == sorted(dues)
        assert all({"title", "due"} <= set(t) for t in app["next_tasks"])
    assert any("on leave" in line for r in first["reasons"] for line in r["because"])
    last = next(a for a in apps if a["id"] == none)
    assert (last["waiting_since"], last["days_waited"]) == (None, None)


def test_status_text_is_a_few_calm_lines(run, three):
    code, out, err = run("status")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert 3 <= len(lines) <= 10
    assert "4 applications waiting" in out
    assert "Old Co" in out and "Closed Co" not in out
    assert all(len(line) <= 80 for line in lines)


def test_status_on_an_empty_database(run):
    code, out, _ = run("status")
    assert code == 0 and 1 <= len(out.splitlines()) <= 3
    assert json.loads(run("status", "--json")[1]) == {"today": TODAY, "applications": []}


def test_status_text_never_passes_terminal_controls_through(run, tmp_path):
    write_json(tmp_path / "evil.json", {"applications": [
        {"company": "Evil\x1b]0;pwned\x07\x1b[2J Co\u202e", "role": "R\x9b31m",
         "events": [{"date": "2026-11-02", "kind": "interview", "note": "\x1b]52;c;ZXZpbA==\x07"}]}]})
    assert run("import", str(tmp_path / "evil.json"))[0] == 0
    out = run("status")[1]
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
    assert "Evil" in out


# --- global options --------------------------------------------------------------------------


def test_today_option_and_environment(run, monkeypatch):
    new = add(run, "Acme", "A", "--interviewed", "2026-11-02")
    monkeypatch.setenv("WAITING_ROOM_TODAY", "2026-11-12")
    assert json.loads(run("status", "--json", today=None)[1])["applications"][0]["days_waited"] == 10
    # the option wins over the environment
    assert json.loads(run("status", "--json", today="2026-11-22")[1])["applications"][0]["days_waited"] == 20
    assert run.apps()[new]


def test_db_option_and_environment(tmp_path, capsys, monkeypatch):
    env_db, opt_db = tmp_path / "env.json", tmp_path / "opt.json"
    monkeypatch.setenv("WAITING_ROOM_DB", str(env_db))
    assert cli.main(["--today", TODAY, "add", "--company", "E", "--role", "R"]) == 0
    assert cli.main(["--db", str(opt_db), "--today", TODAY, "add", "--company", "O", "--role", "R"]) == 0
    assert [a.company for a in Database(env_db, today=None).load()] == ["E"]  # type: ignore[arg-type]
    assert [a.company for a in Database(opt_db, today=None).load()] == ["O"]  # type: ignore[arg-type]


def test_importing_the_same_csv_twice_makes_no_twins(tmp_path, capsys):
    from waiting_room.cli import main
    from waiting_room.store.database import Database

    db = tmp_path / "db.json"
    csv = tmp_path / "old.csv"
    csv.write_text("company,role,event_date,event_kind\nGamma,Ops,2026-11-02,interview\n")
    assert main(["--db", str(db), "import", str(csv)]) == 0
    assert main(["--db", str(db), "import", str(csv)]) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    csv.write_text("company,role,event_date,event_kind\nGamma,Ops,2026-11-02,interview\n"
                   "gamma, ops,2026-11-09,heard_back\n")
    assert main(["--db", str(db), "import", str(csv)]) == 0
    (app,) = Database(db, today=date(2026, 11, 20)).load()
    assert [e.kind.value for e in app.events] == ["interview", "heard_back"]


def test_a_csv_round_trip_keeps_what_csv_cannot_carry(tmp_path, capsys):
    from waiting_room.cli import main

    db, src, out = tmp_path / "db.json", tmp_path / "in.json", tmp_path / "out.csv"
    src.write_text(json.dumps({"format": "waiting-room/1", "applications": [{
        "id": "acme1", "company": "Acme", "role": "Analyst", "source": "referral",
        "contacts": [{"name": "Dana"}], "ticked": {"follow-up-1": "2026-11-10"},
        "own_tasks": [{"id": "own-1", "title": "Look up the team"}],
        "events": [{"date": "2026-11-02", "kind": "interview"}]}]}))
    assert main(["--db", str(db), "import", str(src)]) == 0
    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(out)]) == 0
    assert "source" in out.read_text().splitlines()[0]  # unknown text keys ride along
    assert main(["--db", str(db), "import", str(out)]) == 0
    (app,) = Database(db, today=date(2026, 11, 20)).load()
    assert app.contacts[0].name == "Dana" and "follow-up-1" in app.ticked
    assert app.own_tasks[0].title == "Look up the team" and app.extra["source"] == "referral"
