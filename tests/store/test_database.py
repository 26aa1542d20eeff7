"""Transactions: find by prefix, add, log, upsert; fresh state each time; nothing on error."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from waiting_room.core.model import Event, Kind, Status
from waiting_room.store.database import Database
from waiting_room.store.errors import NotFound

from storekit import TODAY, sample_app, write_doc


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "waiting-room.json"
    apps = [replace(sample_app(0), id="abc123"), replace(sample_app(1), id="abd456"), replace(sample_app(2), id="xyz")]
    write_doc(path, apps)
    return Database(path, today=TODAY)


def test_find_by_id_or_unique_prefix(db):
    with db.transaction() as tx:
        assert tx.find("abc123").id == "abc123"
        assert tx.find("abc").id == "abc123"
        assert tx.find("x").id == "xyz"


@pytest.mark.parametrize(("ref", "words"), [("ab", "matches 2"), ("q", "no application"), ("", "no application")])
def test_ambiguous_or_unknown_prefix(db, ref, words):
    raw = db.path.read_bytes()
    with pytest.raises(NotFound) as info:
        with db.transaction() as tx:
            tx.log(ref, Event(TODAY, Kind.HEARD_BACK))
    assert words in str(info.value)
    assert db.path.read_bytes() == raw


def test_log_adds_the_event_and_a_closing_event_closes(db):
    with db.transaction() as tx:
        tx.log("abc", Event(TODAY, Kind.HEARD_BACK, "still deciding"))
        tx.log("xyz", Event(TODAY, Kind.REJECTION))
    apps = {a.id: a for a in db.load()}
    assert apps["abc123"].events[-1] == Event(TODAY, Kind.HEARD_BACK, "still deciding")
    assert apps["xyz"].status is Status.REJECTED
    assert apps["abd456"] == replace(sample_app(1), id="abd456")


def test_add_keeps_a_free_id_and_replaces_a_taken_one(db):
    with db.transaction() as tx:
        kept = tx.add(replace(sample_app(5), id="fresh"))
        moved = tx.add(replace(sample_app(6), id="xyz"))
        generated = tx.add(replace(sample_app(7), id=""))
    assert kept.id == "fresh"
    assert moved.id not in ("xyz", "") and generated.id
    ids = [a.id for a in db.load()]
    assert len(ids) == len(set(ids)) == 6


def test_upsert_replaces_whole_records_and_adds_the_rest(db):
    changed = replace(sample_app(0), id="abc123", company="Renamed", notes="", extra={"k": 1})
    with db.transaction() as tx:
        added, updated = tx.upsert_many([changed, replace(sample_app(9), id="new1")])
    assert (added, updated) == (1, 1)
    apps = {a.id: a for a in db.load()}
    assert apps["abc123"] == changed  # old notes gone, the new extra key kept
    assert set(apps) == {"abc123", "abd456", "xyz", "new1"}


def test_an_error_inside_a_transaction_writes_nothing(db):
    raw = db.path.read_bytes()
    with pytest.raises(RuntimeError):
        with db.transaction() as tx:
            tx.add(sample_app(8))
            raise RuntimeError("changed my mind")
    assert db.path.read_bytes() == raw


def test_two_handles_in_one_process_never_overwrite_each_other(tmp_path):
    # TinyDB caches the next document id per instance; it must not outlive a transaction.
    path = tmp_path / "waiting-room.json"
    one, two = Database(path, today=TODAY), Database(path, today=TODAY)
    for i in range(6):
        with (one if i % 2 else two).transaction() as tx:
            tx.add(sample_app(i))
    doc = json.loads(path.read_bytes())
    assert len(doc["applications"]) == 6
    assert [a.id for a in one.load()] == [f"base{i:05d}" for i in range(6)]


def test_calm_list_starts_with_defaults_and_keeps_edits(tmp_path):
    from waiting_room.core.calm import CalmItem, default_calm, toggled

    db = Database(tmp_path / "db.json", today=TODAY)
    assert db.calm_items() == default_calm()  # before the file exists
    with db.transaction() as tx:
        tx.add(sample_app(1))
    assert db.calm_items() == default_calm()  # seeded by the first write
    with db.transaction() as tx:
        tx.set_calm_items([CalmItem("calm-x", "Walk"), CalmItem("calm-y", "Call Sam")])
    with db.transaction() as tx:
        items = tx.calm_items()
    assert [i.title for i in items] == ["Walk", "Call Sam"]
    ticked = toggled(items, "calm-y", TODAY)
    assert [i.done(TODAY) for i in ticked] == [False, True]
    with db.transaction() as tx:
        tx.set_calm_items(ticked)
    assert db.calm_items() == ticked
    with db.transaction() as tx:
        tx.set_calm_items([])
    assert db.calm_items() == []  # deleting everything is respected


def test_an_absent_database_reads_as_empty_and_is_not_created_by_reading(tmp_path):
    db = Database(tmp_path / "none" / "db.json", today=TODAY)
    assert db.load() == []
    assert db.signature() is None
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("enabled_before", [True, False])
def test_reading_holds_the_cycle_collector_only_while_it_reads(db, monkeypatch, enabled_before):
    # A whole file becoming objects makes no cycles: the collector waits until it is done,
    # and is left exactly as it was found (a caller that had it off keeps it off).
    import gc

    from waiting_room.core import model

    seen: list[bool] = []
    real = model.application_from_dict
    monkeypatch.setattr(model, "application_from_dict", lambda *a: seen.append(gc.isenabled()) or real(*a))
    from waiting_room.store import document

    monkeypatch.setattr(document, "application_from_dict", model.application_from_dict)
    (gc.enable if enabled_before else gc.disable)()
    try:
        assert len(db.load()) == 3
        assert seen == [False, False, False]
        assert gc.isenabled() is enabled_before
        with pytest.raises(NotFound), db.transaction() as tx:
            tx.find("nope")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


def test_two_threads_reading_at_once_leave_the_cycle_collector_on(monkeypatch):
    # The TUI reads a changed file in a worker thread while the main thread may read
    # inside a transaction. If one reader looks at the collector while the other holds
    # it off, then the other resumes it before the first switches it off, nobody turns
    # it back on: the app would run on without a collector until it quits.
    import threading

    from waiting_room.store import document

    class FakeGC:
        """The collector's switch, with a pause after the second reader looks at it."""

        def __init__(self) -> None:
            self.enabled = True
            self.looks = 0
            self.first_done = threading.Event()

        def isenabled(self) -> bool:
            self.looks += 1
            state = self.enabled
            if self.looks == 2:  # the second reader: let the first finish first
                self.first_done.wait(timeout=1)
            return state

        def disable(self) -> None:
            self.enabled = False

        def enable(self) -> None:
            self.enabled = True

    fake = FakeGC()
    monkeypatch.setattr(document, "gc", fake)
    first_inside, first_may_leave = threading.Event(), threading.Event()

    def first() -> None:
        with document.bulk_reading():
            first_inside.set()
            first_may_leave.wait(timeout=1)
        fake.first_done.set()

    def second() -> None:
        first_inside.wait(timeout=1)
        with document.bulk_reading():
            pass

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_inside.wait(timeout=1)
    first_may_leave.set()
    for thread in threads:
        thread.join(timeout=5)
    assert fake.enabled, "the cycle collector was left switched off"
