"""The database document: its layout, its schema version and migrations, and a fast read.

The file is TinyDB's JSON layout (``{table: {doc_id: document}}``) with tables
``_meta`` (the schema version), ``applications`` (one interchange-shaped dict
each) and ``calm`` (the person's global stay-busy list). Reading here needs no
TinyDB, so ``status`` at login stays quick.
"""

from __future__ import annotations

import _thread
import gc
import json
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

from waiting_room.core.model import Application, InvalidData, application_from_dict, check_application
from waiting_room.store.errors import CorruptDatabase, NewerDatabase

if TYPE_CHECKING:
    from waiting_room.core.calm import CalmItem

SCHEMA = 1
META, APPS, CALM = "_meta", "applications", "calm"

Document = dict[str, dict[str, dict[str, Any]]]
T = TypeVar("T")


#: Readers holding the collector now, and whether it was on before the first of them.
#: The TUI reads in a worker thread while its main thread may read too: looking at
#: the switch and turning it off must be one step, or a reader that saw it off just
#: before another resumed it would leave it off for good.
_bulk_lock = _thread.allocate_lock()
_bulk_readers = 0
_bulk_resume = False


@contextmanager
def bulk_reading() -> Iterator[None]:
    """Hold the cycle collector while a whole file becomes objects.

    Reading makes objects by the hundred thousand and no reference cycles, so the
    collector's sweeps, triggered by the sheer number, find nothing; they cost a
    third of reading 1,000 applications. Plain reference counting still frees
    everything, and the collector resumes (if it was on) when the last reader,
    in any thread, is done.
    """
    global _bulk_readers, _bulk_resume
    with _bulk_lock:
        if _bulk_readers == 0:
            _bulk_resume = gc.isenabled()
            gc.disable()
        _bulk_readers += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_readers -= 1
            if _bulk_readers == 0 and _bulk_resume:
                gc.enable()


def _from_v0(doc: Document) -> Document:
    # Schema 0: applications sat in TinyDB's default table and there was no _meta.
    # Both tables are kept whole, numbered afresh: their document ids may overlap.
    out: Document = {k: v for k, v in doc.items() if k != "_default"}
    records = [*doc.get("_default", {}).values(), *doc.get(APPS, {}).values()]
    out[APPS] = {str(n): record for n, record in enumerate(records, 1)}
    return out


#: version -> the step that lifts a document from that version to the next.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {0: _from_v0}


def _not_json(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:20]} is too large for JSON to keep")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4,300 by default)
        raise ValueError(f"a number with {len(text.lstrip('-'))} digits is too long") from None


#: What ``json.loads`` needs to refuse the numbers a JSON file cannot keep exactly
#: (NaN, Infinity, 1e400, an integer of thousands of digits): each raises ValueError.
STRICT_NUMBERS = {"parse_constant": _not_json, "parse_float": _finite, "parse_int": _int}


def schema_of(doc: Document) -> int:
    meta = doc.get(META) or {}
    for record in meta.values():
        if isinstance(record, dict) and isinstance(record.get("schema"), int):
            return record["schema"]
    return 0


def empty() -> Document:
    """A new database: no applications yet, and the default calm list to start from."""
    from waiting_room.core.calm import calm_to_record, default_calm

    calm = {str(i): calm_to_record(item) for i, item in enumerate(default_calm(), 1)}
    return {META: {"1": {"schema": SCHEMA}}, APPS: {}, CALM: calm}


def migrate(doc: Document, path: Path) -> Document:
    version = schema_of(doc)
    if version > SCHEMA:
        raise NewerDatabase(path, version, SCHEMA)
    if version < 0:
        raise CorruptDatabase(path, f"schema version {version} does not exist", latest_backup(path))
    while version < SCHEMA:
        doc = MIGRATIONS[version](doc)
        version += 1
    doc[META] = {"1": {"schema": SCHEMA}}
    doc.setdefault(APPS, {})
    doc.setdefault(CALM, {})
    return doc


def latest_backup(path: Path) -> Path | None:
    from waiting_room.store.backups import newest

    return newest(path)


def parse(raw: bytes | None, path: Path) -> Document:
    """Bytes of a database file to a current-schema document, or CorruptDatabase.

    ``None`` is a file that does not exist: a new, empty database.
    """
    return parse_versioned(raw, path)[0]


def parse_versioned(raw: bytes | None, path: Path) -> tuple[Document, int]:
    """Like :func:`parse`, also telling the schema version the bytes were written in."""
    if raw is not None and not raw.strip():
        # An empty file where backups show a database was: damage, not a fresh start
        # (treated as new, it would be backed up as "empty" and the old data rotated away).
        backup = latest_backup(path)
        if backup is not None:
            raise CorruptDatabase(path, "it is empty, but its backups show it held data", backup)
    raw = raw or b""
    try:
        with bulk_reading():
            doc = json.loads(raw, **STRICT_NUMBERS) if raw.strip() else empty()
    except (ValueError, UnicodeDecodeError) as error:
        raise CorruptDatabase(path, f"not valid JSON: {error}", latest_backup(path)) from None
    except RecursionError:
        raise CorruptDatabase(path, "not valid JSON: nested too deeply", latest_backup(path)) from None
    if not isinstance(doc, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in doc.values()
    ):
        raise CorruptDatabase(path, "not a Waiting Room database", latest_backup(path))
    for table, records in doc.items():
        if table != META and not all(isinstance(k, str) and k.isdigit() and k.isascii() for k in records):
            raise CorruptDatabase(path, f"table {table!r} has a record that is not numbered",
                                  latest_backup(path))
    version = schema_of(doc) if raw.strip() else SCHEMA
    return migrate(doc, path), version


def read(path: Path) -> Document:
    """The document at ``path``; an absent file reads as empty.

    ``guard.read_database`` decides what may be read: a regular file of ours, never
    a folder, FIFO or device (refused without opening it, so nothing blocks).
    """
    from waiting_room.store.guard import read_database

    return parse(read_database(path), path)


def applications(doc: Document, path: Path) -> list[Application]:
    """Every application in the document, in the order they were added."""
    with bulk_reading():
        return _each_application(doc, path, application_from_dict, lambda app: app.id)


def check_applications(doc: Document, path: Path) -> None:
    """Refuse the document, as :func:`applications` would, without building anything."""
    _each_application(doc, path, check_application, lambda app_id: app_id)


def _each_application(
    doc: Document, path: Path, read: Callable[[Any, str], T], id_of: Callable[[T], str]
) -> list[T]:
    """``read`` every application record; a bad one, a shared or a missing id refuse the file."""
    out: list[T] = []
    seen: set[str] = set()
    for doc_id, record in doc[APPS].items():
        try:
            got = read(record, f"application {record.get('id', doc_id)}")
        except InvalidData as error:
            raise CorruptDatabase(path, str(error), latest_backup(path)) from None
        app_id = id_of(got)
        if app_id in seen or not app_id:
            # Two records with one id would both be overwritten by an edit of either.
            problem = f"two applications share the id {app_id!r}" if app_id else "an application has no id"
            raise CorruptDatabase(path, problem, latest_backup(path))
        seen.add(app_id)
        out.append(got)
    return out


def calm_items(doc: Document, path: Path) -> list[CalmItem]:
    from waiting_room.core.calm import calm_from_record

    try:
        return [calm_from_record(record, f"calm item {key}") for key, record in doc[CALM].items()]
    except InvalidData as error:
        raise CorruptDatabase(path, str(error), latest_backup(path)) from None


def load_applications(path: Path) -> list[Application]:
    return applications(read(path), path)


def encode(doc: Document) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
