"""What the person's notes say, kept between runs so no note is read twice.

Reading a note is the costly part of ranking the reasons (about 25 us a note;
a fresh ``status --json`` at 1,000 applications read 4,800 notes). What a note
says does not depend on the day, so the readings are kept in a private file
beside the database (``.<name>.readings``), keyed by the note's text, and
handed to the reasons engine at the start of a run that ranks every
application.

The file holds the notes' text, so it is written and read like the status
cache (``sidecar``): 0600, beside the database's real file, atomically, and
trusted only if this user alone could have written it. Each save keeps only
the readings of notes still in the database, so a changed or deleted note
leaves it at the next save. It is tied to the reader that made it (the
reader's source, the app's version, Python's Unicode tables): a new reader
simply reads again. A file that is missing, damaged or of another reader is
ignored, and a reading in it that is not one is read again
(``reasons.use_kept_readings``).
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Iterable

from waiting_room import __version__
from waiting_room.core import reasons
from waiting_room.core.model import Application
from waiting_room.store.sidecar import read_private, sidecar_path, write_private

FORMAT = 2  # 2: a reading says whether the learned layer made it
#: The modules whose code decides what a reading holds.
_READER = (
    "reasons.py", "reader/__init__.py", "reader/_table.py", "reader/_weights.py", "reader/cue.py",
    "reader/dates.py", "reader/holidays.py",
    "reader/forms.py", "reader/learned.py", "reader/lexicon.py", "reader/negation.py",
    "reader/pasted.py", "reader/patterns.py", "reader/rules.py", "reader/tokens.py",
)

_fingerprint: list[object] | None = None


def readings_path(db: Path) -> Path:
    return sidecar_path(db, "readings")


def _reader_folder() -> Path:
    return Path(reasons.__file__).parent


def _key() -> list[object] | None:
    """Which reader made a file, or None when that cannot be told.

    A reading depends on the reader's code (its source, and the app's version)
    and on Python's idea of letters and case (the reader lower-cases and splits
    words), so all of them are in the key. Without the source to vouch for the
    reader, nothing is kept or trusted.
    """
    global _fingerprint
    if _fingerprint is None:
        crc = 0
        for name in _READER:
            try:
                crc = zlib.crc32((_reader_folder() / name).read_bytes(), crc)
            except OSError:
                return None
        _fingerprint = [FORMAT, __version__, crc, list(sys.version_info[:2]), unicodedata.unidata_version]
    return _fingerprint


def _refuse(constant: str) -> float:
    raise ValueError(f"not a number: {constant}")


def load(db: Path) -> bool:
    """Hand the readings kept for ``db`` to the reasons engine; False if there were none."""
    key = _key()
    if key is None:
        return False
    raw = read_private(readings_path(db))
    if raw is None:
        return False
    try:
        data = json.loads(raw, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return False
    if not isinstance(data, dict) or data.get("key") != key:
        return False
    kept = data.get("readings")
    if not isinstance(kept, dict):
        return False
    reasons.use_kept_readings(kept)
    return True


def note_texts(apps: Iterable[Application]) -> list[str]:
    """Every note that the reasons engine reads."""
    texts: list[str] = []
    for app in apps:
        texts += [event.note for event in app.events if event.note.strip()]
        if app.notes.strip():
            texts.append(app.notes)
    return texts


def save(db: Path, apps: Iterable[Application]) -> None:
    """Keep the readings of the notes of ``apps`` (those made or handed over so far).

    Nothing is written when nothing changed. A file that cannot be written is
    no problem: the next run reads the notes again.
    """
    key = _key()
    if key is None:
        return
    kept = reasons.readings_to_keep(note_texts(apps))
    if kept is None:
        return
    try:
        data = json.dumps({"key": key, "readings": kept}, ensure_ascii=False).encode("utf-8")
    except ValueError:  # a lone surrogate in a note: keep nothing rather than fail
        return
    if write_private(readings_path(db), data):
        reasons.use_kept_readings(kept)
