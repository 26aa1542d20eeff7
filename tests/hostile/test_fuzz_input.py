"""Fuzzed input: every file and argument is accepted and round-trips exactly, or is
refused with exit 2 and one line, the database untouched. Never a traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waiting_room.core.reader import read_note_uncached
from waiting_room.core.model import Application, Event, Kind, Size, Status
from waiting_room.core.reasons import rank_reasons
from waiting_room.store.document import load_applications
from waiting_room.store.interchange import CSV_COLUMNS, read_file

from hostilekit import TODAY, assert_one_line_refusal, finishes, run_main, seed

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies -------------------------------------------------------------------------------

NASTY = st.sampled_from([
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x1b", "\x1b[2J", "\x1b]52;c;aGk=\x07", "\x7f", "\x80",
    "\x9b", "\x9f", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u0301",
    "e\u0301\u0336", "\ufeff", "\uffff", "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f3f3\ufe0f\u200d\U0001f308", "\r\n", "\r", "\n", "\t", '"', "\\", ",", ";",
    "[/", "[ @click=app.quit]x[/]", "[$accent]x[/]", "\u2028",
])
SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc80", "\udfff"])
TEXT = st.lists(st.one_of(st.characters(), NASTY), max_size=12).map("".join)
HOSTILE_TEXT = st.lists(st.one_of(st.characters(), NASTY, SURROGATES), max_size=12).map("".join)
WRONG = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
MAYBE_TEXT = st.one_of(TEXT, HOSTILE_TEXT, WRONG)
DATE_TEXT = st.one_of(
    st.dates().map(lambda d: d.isoformat() if d.year >= 1000 else f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.sampled_from([
        "2026-02-30", "2027-02-29", "2028-02-29", "2026-04-31", "2026-01-31", "2026-12-31", "2026-11-30",
        "9999-12-31", "0001-01-01", "0000-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01",
        "2026-13-01", "2026-1-1", "20261120", "2026-W47-5", "", " 2026-11-02",
        "\uff12\uff10\uff12\uff16-\uff11\uff11-\uff12\uff10",  # fullwidth digits
    ]),
)
DATES = st.one_of(DATE_TEXT, WRONG)
IDS = st.one_of(st.sampled_from(["a1", "dup", "dup", "", "has space", "x" * 65, "-lead", "ok.id_2"]), WRONG)
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), TEXT,
              HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=8,
)


def _choices(values) -> st.SearchStrategy:
    return st.one_of(st.sampled_from([v.value for v in values] + ["", "nope"]), WRONG)


EVENT = st.fixed_dictionaries(
    {"date": DATES, "kind": _choices(Kind)},
    optional={"note": MAYBE_TEXT, "mood": JSONISH},
)
APP = st.fixed_dictionaries(
    {"company": MAYBE_TEXT, "role": MAYBE_TEXT, "events": st.one_of(st.lists(EVENT, max_size=3), WRONG)},
    optional={
        "id": IDS,
        "status": _choices(Status),
        "company_size": _choices(Size),
        "link": MAYBE_TEXT,
        "notes": MAYBE_TEXT,
        "expected_reply_by": DATES,
        "contacts": st.one_of(st.lists(st.fixed_dictionaries({"name": MAYBE_TEXT}, optional={"email": MAYBE_TEXT}),
                                       max_size=2), WRONG),
        "ticked": st.one_of(st.dictionaries(IDS.filter(lambda v: isinstance(v, str)), DATES, max_size=2), WRONG),
        "own_tasks": st.one_of(st.lists(st.fixed_dictionaries({"id": IDS, "title": MAYBE_TEXT},
                                                               optional={"due": DATES}), max_size=2), WRONG),
        "x-extra": JSONISH,
    },
)
#: Well-formed, with every awkward character (but no lone surrogate) in every field:
#: most of these are accepted, so the round trip is really exercised.
SOME_TEXT = TEXT.filter(lambda t: t.strip() and "\x00" not in t)
SAFE_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)
GOOD_APP = st.fixed_dictionaries(
    {"company": SOME_TEXT, "role": SOME_TEXT,
     "events": st.lists(st.fixed_dictionaries(
         {"date": st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)).map(date.isoformat),
          "kind": st.sampled_from([k.value for k in Kind])},
         optional={"note": SOME_TEXT, "mood": SAFE_JSON}), max_size=3)},
    optional={"notes": SOME_TEXT, "link": SOME_TEXT, "x-extra": SAFE_JSON, "status": st.sampled_from(list(Status)),
              "contacts": st.lists(st.fixed_dictionaries({"name": SOME_TEXT, "email": SOME_TEXT}), max_size=2)},
)
GOOD_DOC = st.fixed_dictionaries({"applications": st.lists(GOOD_APP, min_size=1, max_size=3)})
DOC = st.one_of(
    GOOD_DOC,
    GOOD_DOC,
    st.fixed_dictionaries({"applications": st.lists(APP, max_size=4)},
                          optional={"format": st.sampled_from(["waiting-room/1", "waiting-room/2", 1])}),
    JSONISH,
)
ENCODINGS = st.sampled_from(["ascii-escapes", "utf-8", "surrogatepass", "utf-8-sig"])


def _encode(text: str, how: str) -> bytes:
    if how == "surrogatepass":  # lone surrogates become bytes no UTF-8 decoder accepts
        return text.encode("utf-8", "surrogatepass")
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


def _has_surrogate(value) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


# --- the oracle -------------------------------------------------------------------------------


def accepted_or_refused(folder: Path, source: Path) -> list[Application] | None:
    """Import ``source`` into a seeded database: check the all-or-nothing promise.

    Accepted: the applications stored are exactly those in the file, and
    import -> export json -> import gives equal applications. Refused: exit 2,
    one line, the database bytes unchanged. Returns the imported apps or None.
    """
    db = folder / "db.json"
    before = seed(db)
    code, out, err = run_main(["--db", str(db), "--today", TODAY.isoformat(), "import", str(source)])
    if code != 0:
        assert_one_line_refusal(code, out, err)
        assert db.read_bytes() == before
        return None
    assert err == "" and out.startswith("Imported ")
    stored = load_applications(db)[1:]  # after the seed
    wanted = read_file(source)
    assert [replace(a, id="") for a in stored] == [replace(a, id="") for a in wanted]
    assert all(w.id in ("", s.id) for s, w in zip(stored, wanted))
    exported = folder / "export.json"
    assert run_main(["--db", str(db), "--today", TODAY.isoformat(), "export", "-o", str(exported)])[0] == 0
    again = folder / "again.json"
    code, out, err = run_main(["--db", str(again), "--today", TODAY.isoformat(), "import", str(exported)])
    assert code == 0, err
    assert load_applications(again) == load_applications(db)
    return stored


@FUZZ
@given(doc=DOC, how=ENCODINGS)
def test_json_import_is_exact_or_refused_whole(doc, how):
    text = json.dumps(doc, ensure_ascii=(how == "ascii-escapes"))
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where)
        source = folder / "in.json"
        source.write_bytes(_encode(text, how))
        stored = accepted_or_refused(folder, source)
        if _has_surrogate(doc):  # a lone surrogate can never be saved as UTF-8
            assert stored is None


@FUZZ
@given(
    header=st.lists(st.one_of(st.sampled_from(CSV_COLUMNS), TEXT), max_size=14),
    rows=st.lists(st.lists(st.one_of(TEXT, HOSTILE_TEXT, DATE_TEXT), max_size=14),
                  max_size=5),
    how=st.sampled_from(["utf-8", "surrogatepass", "utf-8-sig"]),
)
def test_csv_import_is_exact_or_refused_whole(header, rows, how):
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["company", "role", *header] if len(header) % 2 else header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where)
        source = folder / "in.csv"
        source.write_bytes(_encode(out.getvalue(), how))
        accepted_or_refused(folder, source)


@FUZZ
@given(raw=st.binary(max_size=200), suffix=st.sampled_from([".json", ".csv"]))
def test_any_bytes_at_all_are_refused_or_imported_whole(raw, suffix):
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where)
        source = folder / f"in{suffix}"
        source.write_bytes(raw)
        accepted_or_refused(folder, source)


@pytest.mark.parametrize("day", ["2026-02-30", "2027-02-29", "2026-04-31", "9999-12-31", "0001-01-01", "2200-01-01"])
def test_impossible_and_far_dates_are_refused_everywhere_a_date_goes(tmp_path, day):
    good = {"company": "C", "role": "R", "events": [{"date": "2026-11-02", "kind": "interview"}]}
    for place in ({"expected_reply_by": day}, {"events": [{"date": day, "kind": "interview"}]},
                  {"ticked": {"t1": day}}, {"own_tasks": [{"id": "o1", "title": "T", "due": day}]}):
        source = tmp_path / "in.json"
        source.write_text(json.dumps({"applications": [{**good, **place}]}))
        assert accepted_or_refused(tmp_path, source) is None, place
        (tmp_path / "db.json").unlink()


@pytest.mark.parametrize("day", ["2028-02-29", "2026-01-31", "2026-12-31", "2026-11-30", "1900-01-01", "2199-12-31"])
def test_leap_days_and_month_ends_round_trip_and_status_copes(tmp_path, day):
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"applications": [
        {"company": "C", "role": "R", "expected_reply_by": day, "events": [{"date": day, "kind": "interview"}]}]}))
    stored = accepted_or_refused(tmp_path, source)
    assert stored and stored[0].events[0].date.isoformat() == day
    for argv in (["status"], ["status", "--json"], ["export", "--format", "ics"], ["export", "--format", "csv"]):
        code, _, err = run_main(["--db", str(tmp_path / "db.json"), "--today", TODAY.isoformat(), *argv])
        assert code == 0, (argv, err)


def test_a_one_megabyte_note_imports_and_round_trips(tmp_path):
    # Words the note reader knows, but few of them: a megabyte of prose is its own test below.
    note = ("quiet " * 200_000)[:1_000_000] + " the hiring manager is on leave \u202e\x1b[2J"
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"applications": [
        {"company": "Big", "role": "R", "notes": note, "events": [{"date": "2026-11-02", "kind": "interview",
                                                                    "note": note}]}]}))
    stored = accepted_or_refused(tmp_path, source)
    assert stored and stored[0].notes == note
    code, out, err = finishes(lambda: run_main(["--db", str(tmp_path / "db.json"), "--today", TODAY.isoformat(),
                                                "status", "--json"]))
    assert code == 0, err


@pytest.mark.parametrize("depth", [50, 5_000, 200_000])
def test_deep_nesting_is_kept_or_refused_in_one_line(tmp_path, depth):
    nested = "[" * depth + "]" * depth
    source = tmp_path / "in.json"
    source.write_text('{"applications": [{"company": "C", "role": "R", "events": [], "deep": ' + nested + "}]}")
    accepted_or_refused(tmp_path, source)


# --- every argument ---------------------------------------------------------------------------

ARG = st.one_of(TEXT, HOSTILE_TEXT, DATE_TEXT,
                st.sampled_from(["today", "3 days ago", "9999 weeks ago", "last mon", "-x", "--", "tomorrow"]))


@FUZZ
@given(company=ARG, role=ARG, note=ARG, interviewed=st.none() | ARG, today=st.none() | DATE_TEXT)
def test_add_with_any_arguments(company, role, note, interviewed, today):
    with tempfile.TemporaryDirectory() as where:
        db = Path(where) / "db.json"
        before = seed(db)
        argv = ["--db", str(db), *(["--today", today] if today is not None else []),
                "add", f"--company={company}", f"--role={role}", f"--note={note}"]
        if interviewed is not None:
            argv.append(f"--interviewed={interviewed}")
        code, out, err = run_main(argv)
        if code != 0:
            assert_one_line_refusal(code, out, err)
            assert db.read_bytes() == before
            return
        new_id = out.strip()
        assert out == new_id + "\n" and err == ""
        new = next(a for a in load_applications(db) if a.id == new_id)
        assert (new.company, new.role) == (company, role)
        assert note in (new.notes, *(e.note for e in new.events))


@FUZZ
@given(ref=ARG, kind=st.one_of(st.sampled_from([k.value for k in Kind]), ARG), day=st.none() | ARG, note=ARG,
       today=st.none() | DATE_TEXT)
def test_log_with_any_arguments(ref, kind, day, note, today):
    with tempfile.TemporaryDirectory() as where:
        db = Path(where) / "db.json"
        before = seed(db)
        argv = ["--db", str(db), *(["--today", today] if today is not None else []), "log", "--note", note]
        if day is not None:
            argv.append(f"--date={day}")
        argv += ["--", ref, kind]
        code, out, err = run_main(argv)
        if code != 0:
            assert_one_line_refusal(code, out, err)
            assert db.read_bytes() == before
            return
        (app,) = load_applications(db)
        assert app.events[-1].note == note and app.events[-1].kind.value == kind


@FUZZ
@given(name=st.lists(st.one_of(st.characters(blacklist_characters="/"), NASTY, SURROGATES), min_size=1,
                     max_size=20).map("".join),
       command=st.sampled_from([["status"], ["status", "--json"], ["export"], ["add", "--company", "A", "--role", "R"],
                                ["log", "x", "heard_back"], ["import", "nowhere.json"]]))
def test_any_db_path(name, command):
    with tempfile.TemporaryDirectory() as where:
        db = f"{where}/{name}"
        code, out, err = run_main(["--db", db, "--today", TODAY.isoformat(), *command])
        if code != 0:
            assert_one_line_refusal(code, out, err)


@pytest.mark.parametrize("where", ["--db", "import", "-o"])
def test_a_nul_in_a_path_is_one_line_not_a_traceback(tmp_path, where):
    db = tmp_path / "db.json"
    argv = {"--db": ["--db", f"{tmp_path}/a\x00b", "status"],
            "import": ["--db", str(db), "import", f"{tmp_path}/a\x00b.json"],
            "-o": ["--db", str(db), "export", "-o", f"{tmp_path}/a\x00b.json"]}[where]
    assert_one_line_refusal(*run_main(["--today", TODAY.isoformat(), *argv]))
    assert not db.exists()


@pytest.mark.parametrize("today", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_today_at_the_edge_of_the_calendar_is_refused(tmp_path, today, monkeypatch):
    db = tmp_path / "db.json"
    before = seed(db)
    for argv in (["status"], ["add", "--company", "A", "--role", "R", "--interviewed", "tomorrow"]):
        assert_one_line_refusal(*run_main(["--db", str(db), "--today", today, *argv]))
        monkeypatch.setenv("WAITING_ROOM_TODAY", today)
        code, out, err = run_main(["--db", str(db), *argv])
        assert_one_line_refusal(code, out, err)
        assert "WAITING_ROOM_TODAY" in err
        monkeypatch.delenv("WAITING_ROOM_TODAY")
    assert db.read_bytes() == before


# --- the note reader --------------------------------------------------------------------------


@FUZZ
@given(note=st.one_of(TEXT, HOSTILE_TEXT, st.text(max_size=300)))
def test_the_note_reader_and_reasons_take_any_text(note):
    cues = read_note_uncached(note)
    assert all(0 <= c.start <= c.end <= len(note) for c in cues)
    app = Application(id="x", company="C", role="R", notes=note,
                      events=(Event(TODAY.replace(day=2), Kind.INTERVIEW, note),))
    scores = rank_reasons(app, TODAY)
    assert abs(sum(s.probability for s in scores) - 1) < 0.01


#: Texts made to trip backtracking: long runs of one word, of spaces, of negations,
#: of punctuation, of a reason's words without the rest of its phrase.
PATHOLOGICAL = {
    "one-word": "a" * 1_000_000,
    "spaces": " " * 1_000_000,
    "negations": "not " * 250_000,
    "almost-a-phrase": "the hiring manager is " * 45_000,
    "punctuation": ".,-;!?" * 160_000,
    "apostrophes": "isn't'" * 160_000,
    "no-spaces": "hiringmanageronleave" * 50_000,
    "combining": "e\u0301" * 500_000,
}
#: A megabyte of the prose people actually write: many cues, decoys and negations.
PROSE = {
    "prose": ("the hiring manager is on leave, not sure when back. " * 20_000)[:1_000_000],
    "mixed": ("maybe the HM is OOO, not sure; refs pending - reorg?! " * 19_000)[:1_000_000],
}

READER = """
import sys, json
from datetime import date
from waiting_room.core.reader import read_note_uncached
from waiting_room.core.model import Application, Event, Kind
from waiting_room.core.reasons import rank_reasons
for name, text in json.load(open(sys.argv[1])).items():
    read_note_uncached(text)
    app = Application(id="x", company="C", role="R", notes=text,
                      events=(Event(date(2026, 11, 2), Kind.INTERVIEW, text),))
    rank_reasons(app, date(2026, 11, 20))
    print(name, flush=True)
"""


def read_in_a_subprocess(tmp_path: Path, env: dict[str, str], notes: dict[str, str], timeout: float) -> None:
    """Read each note in a child process; the timeout is a hang detector, not a stopwatch."""
    script, data = tmp_path / "read.py", tmp_path / "notes.json"
    script.write_text(READER)
    data.write_text(json.dumps(notes))
    try:
        done = subprocess.run([sys.executable, str(script), str(data)], env=env, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        out = error.stdout.decode() if isinstance(error.stdout, bytes) else (error.stdout or "")
        pytest.fail(f"the note reader did not finish; done: {out.split()}; catastrophic backtracking?")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == list(notes), done.stdout


def test_the_note_reader_finishes_on_a_megabyte_of_anything(tmp_path, child_env):
    read_in_a_subprocess(tmp_path, child_env(), PATHOLOGICAL, timeout=120)


def test_the_note_reader_finishes_on_a_megabyte_of_prose(tmp_path, child_env):
    # 30 s is twenty times what a linear reader needs for a megabyte here.
    read_in_a_subprocess(tmp_path, child_env(), PROSE, timeout=30)
