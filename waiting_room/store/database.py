"""Transactions over the database file, safe across processes and crashes.

Each :meth:`Database.transaction` takes the lock, reads the file fresh, hands a
new TinyDB instance over an in-memory copy to the caller, and writes once,
atomically, if anything changed. A fresh TinyDB per transaction matters:
TinyDB caches the next document id and query results per instance, and that
cache must never outlive the lock, or two processes would overwrite each other.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator


from waiting_room.core.model import (
    Application,
    Event,
    application_from_dict,
    application_to_dict,
    new_id,
)
from waiting_room.store import backups, document, files, guard
from waiting_room.store.errors import Busy, NotFound, SaveFailed, SaveUncertain

if TYPE_CHECKING:  # the calm list is loaded only by what shows or edits it
    from tinydb import TinyDB  # loaded by the first transaction: reading needs none

    from waiting_room.core.calm import CalmItem


class _MemoryStorage:
    """TinyDB storage over a dict we own; notes whether TinyDB wrote to it.

    (TinyDB asks a storage for read, write and close only.)
    """

    def __init__(self, data: document.Document) -> None:
        self.data = data
        self.writes = 0

    @property
    def dirty(self) -> bool:
        return self.writes > 0

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.writes += 1

    def close(self) -> None:
        pass


class Transaction:
    """Domain operations inside one locked read-modify-write."""

    def __init__(self, db: TinyDB, path: Path) -> None:
        self.db = db
        self.path = path
        self.apps = db.table(document.APPS, cache_size=0)
        self.calm = db.table(document.CALM, cache_size=0)
        self._storage: _MemoryStorage = db.storage  # type: ignore[assignment]
        # Every application, built the first time they are asked for, again after a write.
        self._parsed: list[Application] | None = None
        self._parsed_at = self._storage.writes

    def applications(self) -> list[Application]:
        if self._parsed is None or self._storage.writes != self._parsed_at:
            self._parsed = document.applications(self._storage.read(), self.path)
            self._parsed_at = self._storage.writes
        return list(self._parsed)

    def _ids(self) -> set[str]:
        # The records were validated when the transaction began; ids alone are cheap.
        return {r.get("id", "") for r in self.db.storage.read()[document.APPS].values()}

    def find(self, ref: str) -> Application:
        """The application whose id is ``ref`` or starts with it (uniquely).

        Only that one is built: the records were all checked when the transaction
        began, and a write (say ``log``) needs no other.
        """
        records = list(self.db.storage.read()[document.APPS].values())
        found = [r for r in records if r["id"] == ref]
        if not found:
            found = [r for r in records if ref and r["id"].startswith(ref)]
        if len(found) == 1:
            return application_from_dict(found[0])
        if not found:
            raise NotFound(f"no application with id {ref!r}")
        ids = ", ".join(sorted(r["id"] for r in found)[:5])
        raise NotFound(f"id {ref!r} matches {len(found)} applications ({ids}); type more of it")

    def add(self, app: Application) -> Application:
        return self.add_many([app])[0]

    def add_many(self, apps: Iterable[Application]) -> list[Application]:
        """Insert new applications in one write; those without an id get one."""
        taken = self._ids()
        out = []
        for app in apps:
            if not app.id or app.id in taken:
                app = replace(app, id=new_id(taken))
            taken.add(app.id)
            out.append(app)
        self.apps.insert_multiple(application_to_dict(a) for a in out)
        return out

    def put(self, app: Application) -> None:
        """Replace the stored application with the same id (it must exist)."""
        from tinydb import Query

        if not self.apps.update(_whole(application_to_dict(app)), Query().id == app.id):
            raise NotFound(f"no application with id {app.id!r}")

    def upsert_many(self, apps: Iterable[Application], *, partial: bool = False) -> tuple[int, int]:
        """Merge imported applications. Returns (added, updated).

        One with a known id replaces the stored one (a JSON backup restored). One
        without an id that has the company and role of a stored one is that one:
        its new events are added to it, so importing the same CSV twice never makes
        twins. The rest are added.

        ``partial`` (a CSV import): the file carries applications and events only,
        so what it cannot carry (contacts, ticks, own tasks, other keys) is kept
        from the stored application, never wiped.
        """
        existing = self._ids()
        by_name = {_name_key(a): a for a in self.applications()}
        new, updated = [], 0
        for app in apps:
            if app.id and app.id in existing:
                self.put(_keep_what_csv_lacks(self.find(app.id), app) if partial else app)
                updated += 1
            elif not app.id and (same := by_name.get(_name_key(app))) is not None:
                merged = replace(same, events=same.events + tuple(e for e in app.events if e not in same.events))
                if merged != same:
                    self.put(merged)
                    by_name[_name_key(app)] = merged
                updated += 1
            else:
                new.append(app)
        self.add_many(new)
        return len(new), updated

    def delete(self, app_id: str) -> None:
        from tinydb import Query

        if not self.apps.remove(Query().id == app_id):
            raise NotFound(f"no application with id {app_id!r}")

    def log(self, ref: str, event: Event) -> Application:
        app = self.find(ref).with_event(event)
        self.put(app)
        return app

    # the person's calm list ---------------------------------------------------------
    def calm_items(self) -> list[CalmItem]:
        return document.calm_items(self.db.storage.read(), self.path)

    def set_calm_items(self, items: list[CalmItem]) -> None:
        self.calm.truncate()
        from waiting_room.core.calm import calm_to_record

        self.calm.insert_multiple(calm_to_record(i) for i in items)


def _keep_what_csv_lacks(stored: Application, imported: Application) -> Application:
    return replace(
        imported,
        contacts=imported.contacts or stored.contacts,
        ticked={**stored.ticked, **imported.ticked},
        own_tasks=imported.own_tasks or stored.own_tasks,
        extra={**stored.extra, **imported.extra},
    )


def _name_key(app: Application) -> tuple[str, str]:
    return (" ".join(app.company.casefold().split()), " ".join(app.role.casefold().split()))


def _whole(new: dict[str, Any]):
    """A TinyDB update that replaces the whole document (keys we dropped go too)."""

    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(new)

    return transform


class Database:
    """The one object that touches the database file."""

    def __init__(self, path: Path, *, today: date, lock_timeout: float = 10.0) -> None:
        # Through a symlink to the real file: a save replaces the file it names, so
        # the link must not be what is replaced, and one lock must serve both names.
        # Only links of ours (or root's) are followed: one planted by another user
        # is refused here (guard.resolve).
        self.path = Path(guard.resolve(path))
        self.today = today
        self.lock_timeout = lock_timeout

    def load(self) -> list[Application]:
        """A consistent snapshot (atomic replace means no lock is needed to read)."""
        return document.load_applications(self.path)

    def snapshot(self) -> tuple[list[Application], list[CalmItem]]:
        """Applications and the calm list from one read of the file."""
        doc = document.read(self.path)
        return document.applications(doc, self.path), document.calm_items(doc, self.path)

    def calm_items(self) -> list[CalmItem]:
        """The calm list; the defaults until the database exists."""
        return document.calm_items(document.read(self.path), self.path)

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever the file is replaced; ``None`` while it does not exist."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def readable_by_others(self) -> bool:
        """True when the database file lets other users of the machine read it.

        Only the file is judged: it holds the data, and it is what we can always
        fix. Its folder may be a home or a shared one like /tmp, which is not
        ours to change (folders we create are 0700 anyway).
        """
        with contextlib.suppress(OSError):
            return bool(os.stat(self.path).st_mode & 0o077)
        return False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        # Everything that could refuse the write is asked before the lock file or a
        # folder is made: a refusal writes nothing, anywhere.
        guard.check_for_writing(str(self.path))
        if not os.path.lexists(files.lock_path(self.path)) and os.path.lexists(self.path):
            # No lock file yet: make sure the file is a database before making one
            # beside it (a --db naming /etc/passwd must not leave /etc/passwd.lock).
            document.check_applications(document.read(self.path), self.path)
        with files.locked(self.path, self.lock_timeout) as got:
            if not got:
                raise Busy(self.path)
            files.remove_stale_temps(self.path)
            raw = guard.read_database(self.path)
            doc, version = document.parse_versioned(raw, self.path)
            raw = raw or b""
            # Check every stored application before handing the document over: an
            # invalid record must stop the transaction here, whatever it goes on to
            # do, so that a corrupt file is never rewritten (nor backed up as good).
            # Checked, not built: a write builds only what it reads.
            document.check_applications(doc, self.path)
            from tinydb import TinyDB

            db = TinyDB(doc, storage=_MemoryStorage)
            storage: _MemoryStorage = db.storage  # type: ignore[assignment]
            yield Transaction(db, self.path)
            if storage.dirty or version != document.SCHEMA:
                self._write(raw, document.encode(storage.data))

    def _write(self, old: bytes, new: bytes) -> None:
        made = None
        replacing = False
        try:
            if len(backups.all_backups(self.path)) > backups.KEEP:  # (a save killed before its prune)
                backups.prune(self.path, None)
            made = backups.backup_if_due(self.path, old, self.today)
            replacing = True
            files.atomic_write(self.path, new)
            if made is not None:
                backups.prune(self.path, made)  # only now: a failed save keeps every backup
        except OSError as error:
            if replacing and isinstance(error, files.DirSyncFailed):
                raise SaveUncertain(self.path, error) from None  # replaced, maybe not on disk
            if made is not None:  # the save failed: the day's backup of it goes too
                with contextlib.suppress(OSError):
                    made.unlink()
            raise SaveFailed(self.path, error) from None
