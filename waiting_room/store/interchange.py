"""The ``waiting-room/1`` JSON format and its CSV cousin: read all, check all, then hand over.

Reading never writes: it returns applications or raises :class:`InvalidData`
with the file, line or field and the value, so that an import is all or nothing.

CSV layout: one row per event, with the application's columns repeated.
Rows that share an ``id`` (or, without ids, the same company and role) are one
application; an application without events is one row with empty event
columns. Columns: see :data:`CSV_COLUMNS`; unknown columns are kept as extra
keys. CSV carries applications and events only; JSON carries everything.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from waiting_room.core.model import (
    FORMAT,
    KIND_LABELS,
    Application,
    InvalidData,
    Kind,
    application_from_dict,
    application_to_dict,
)

CSV_COLUMNS = (
    "id", "company", "role", "company_size", "status", "link", "expected_reply_by",
    "notes", "event_date", "event_kind", "event_note",
)
_EVENT_COLUMNS = ("event_date", "event_kind", "event_note")
_APP_COLUMNS = tuple(c for c in CSV_COLUMNS if c not in _EVENT_COLUMNS)


def read_file(path: Path, today: date | None = None) -> list[Application]:
    """Applications from a ``.json`` or ``.csv`` file; InvalidData names what is wrong.
    (``today`` anchors a CSV's dates written without a year, "3 Nov".)"""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise InvalidData(f"{path}: unknown file type {path.suffix or '(none)'!r} (use .json or .csv)")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidData(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidData(f"{path}: not UTF-8 text (byte {error.start})") from None
    try:
        return from_json(text) if suffix == ".json" else from_csv(text, today)
    except InvalidData as error:
        raise InvalidData(f"{path}: {error}") from None


def _check_unique(apps: list[Application], where: list[str]) -> None:
    seen: dict[str, str] = {}
    for app, place in zip(apps, where):
        if not app.id:
            continue
        if app.id in seen:
            raise InvalidData(f"{place}.id: {app.id!r} is used twice (also {seen[app.id]})")
        seen[app.id] = place


def from_json(text: str) -> list[Application]:
    from waiting_room.store.document import STRICT_NUMBERS

    try:
        data = json.loads(text, **STRICT_NUMBERS)
    except json.JSONDecodeError as error:
        raise InvalidData(f"line {error.lineno} column {error.colno}: invalid JSON ({error.msg})") from None
    except ValueError as error:  # a number JSON cannot keep
        raise InvalidData(str(error)) from None
    except RecursionError:
        raise InvalidData("invalid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise InvalidData("expected a JSON object with \"format\" and \"applications\"")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise InvalidData(f"format: {fmt!r} is not {FORMAT!r}")
    if "applications" not in data:
        raise InvalidData("applications: is required")
    items = data["applications"]
    if not isinstance(items, list):
        raise InvalidData("applications: expected a list")
    where = [f"applications[{i}]" for i in range(len(items))]
    apps = [application_from_dict(item, place) for item, place in zip(items, where)]
    for item, place in zip(items, where):
        _check_encodable(item, place)
    _check_unique(apps, where)
    return apps


def _check_encodable(value: Any, where: str) -> None:
    """Refuse text that cannot be saved as UTF-8 (a lone "\\ud800" escape), in unknown keys too."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidData(f"{where}: contains an invalid character (a lone surrogate)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_encodable(key, f"{where} key")
            _check_encodable(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_encodable(item, f"{where}[{i}]")


def to_json(apps: Iterable[Application]) -> str:
    doc = {"format": FORMAT, "applications": [application_to_dict(a) for a in apps]}
    from waiting_room.core.text import json_safe

    return json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(cell: str) -> bool:
    """Does ``cell`` get a ``'`` in front on export? A formula start, or a ``'`` that an
    import would otherwise take for ours (so the round trip stays lossless)."""
    return cell.startswith(_FORMULA_START) or (cell[:1] == "'" and cell[1:2] in (*_FORMULA_START, "'"))


def defuse(cell: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs: ``'=HYPERLINK(...)``."""
    return "'" + cell if isinstance(cell, str) and _needs_quote(cell) else cell


def undefuse(cell: str) -> str:
    """The exact text a :func:`defuse` d cell held."""
    return cell[1:] if cell[:1] == "'" and _needs_quote(cell[1:]) else cell


def _delimiter(text: str) -> str:
    """What separates the cells: a comma, or the ';' or tab a spreadsheet of
    another locale writes, told from the header line."""
    first = text.split("\n", 1)[0]
    if "," not in first:
        if ";" in first:
            return ";"
        if "\t" in first:
            return "\t"
    return ","


def _column(name: str) -> str:
    """A header cell as the person wrote it ("Company", "Event Kind") -> our column."""
    words = "_".join(name.strip().lower().replace("-", " ").split())
    return words if words in CSV_COLUMNS else name


def _kind(word: str) -> str:
    """An event kind as people write it ("Interview", "heard back", "Heard-back",
    "Thank-you sent") -> its id; anything else is left for the model to refuse."""
    key = "_".join(word.strip().lower().replace("-", " ").split())
    return _KIND_WORDS.get(key, word)


_KIND_WORDS = {
    **{k.value: k.value for k in Kind},
    **{"_".join(label.lower().replace("-", " ").split()): k.value for k, label in KIND_LABELS.items()},
    "phone_call": "phone_screen", "screen": "phone_screen", "screening": "phone_screen",
    "interviewed": "interview", "thank_you": "thank_you_sent", "thank_you_note": "thank_you_sent",
    "follow_up": "follow_up_sent", "followed_up": "follow_up_sent", "rejected": "rejection",
    "withdrawn": "withdrew", "reply": "heard_back", "heard": "heard_back", "references": "references_requested",
}


def _day(value: str, today: date, where: str) -> str:
    """A date cell in the forms people write ("3 Nov 2026", "2026/11/03",
    "11/03/2026" in the locale's order) -> ISO; ISO is kept as it is."""
    from waiting_room.core.dates import parse_human_date

    if not value or _ISO_DAY.fullmatch(value.strip()):
        return value
    try:
        return parse_human_date(value, today, where).isoformat()
    except InvalidData:
        return value  # (the model names it in its own words)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def from_csv(text: str, today: date | None = None) -> list[Application]:
    today = today or date.today()
    # csv.reader rather than DictReader: DictReader's line_num is only updated after a
    # good row, so an error (an unclosed quote) was reported on the previous row's line.
    rows = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=_delimiter(text))
    try:
        header = [_column(undefuse(name)) for name in next(rows, [])]
    except csv.Error as error:
        raise InvalidData(f"line 1: {error}") from None
    for needed in ("company", "role"):
        if needed not in header:
            raise InvalidData(f"line 1: the header has no {needed!r} column")
    if len(set(header)) != len(header):
        raise InvalidData("line 1: a column name appears twice")
    groups: dict[Any, dict[str, Any]] = {}
    lines: dict[Any, int] = {}
    line = 1
    try:
        while True:
            line = rows.line_num + 1  # where the next record starts
            try:
                cells = next(rows)
            except StopIteration:
                break
            if len(cells) > len(header):
                raise InvalidData(f"line {line}: more cells than columns")
            row: dict[str, Any] = dict(zip(header, map(undefuse, cells)))
            if not any((v or "").strip() for v in row.values()):
                continue
            key = row.get("id") or (row.get("company"), row.get("role"))
            if key not in groups:
                groups[key] = _csv_app(row)
                if groups[key].get("expected_reply_by"):
                    groups[key]["expected_reply_by"] = _day(groups[key]["expected_reply_by"], today,
                                                            f"line {line}: expected_reply_by")
                lines[key] = line
            event = {c[6:]: row[c] for c in _EVENT_COLUMNS if row.get(c)}
            if "kind" in event:
                event["kind"] = _kind(event["kind"])
            if "date" in event:
                event["date"] = _day(event["date"], today, f"line {line}: event_date")
            if event:
                if "date" not in event or "kind" not in event:
                    raise InvalidData(f"line {line}: an event needs both event_date and event_kind")
                groups[key]["events"].append(event)
                groups[key].setdefault("_lines", []).append(line)
    except csv.Error as error:
        raise InvalidData(f"line {line}: {error}") from None
    apps = []
    for key, data in groups.items():
        event_lines = data.pop("_lines", [])
        try:
            apps.append(application_from_dict(data, "row"))
        except InvalidData as error:
            message = str(error)
            line = lines[key]
            if message.startswith("row.events["):
                index = int(message[len("row.events["): message.index("]")])
                line = event_lines[index]
                message = "event_" + message.split(".", 2)[2]
            else:
                message = message.removeprefix("row.")
            raise InvalidData(f"line {line}: {message}") from None
    _check_unique(apps, [f"line {lines[k]}" for k in groups])
    return apps


def _csv_app(row: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: v for k, v in row.items() if k in _APP_COLUMNS and v != ""}
    data.setdefault("company", row.get("company", ""))
    data.setdefault("role", row.get("role", ""))
    data["events"] = []
    data.update({k: v for k, v in row.items() if k not in CSV_COLUMNS and v})
    return data


def to_csv(apps: Iterable[Application], *, for_terminal: bool = False) -> str:
    """One row per event. Unknown keys holding text become extra columns after ours.

    Every cell that a spreadsheet would run as a formula gets a ``'`` in front
    (:func:`defuse`; ``import`` removes it again). ``for_terminal``: the text is
    shown, not kept, so its control characters are made visible as ``status``
    shows them.
    """
    apps = list(apps)
    extras = sorted({k for a in apps for k, v in a.extra.items() if isinstance(v, str)} - set(CSV_COLUMNS))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    if for_terminal:
        from waiting_room.core.text import clean

        def write(cells: list[Any]) -> None:
            writer.writerow([clean(c) if isinstance(c, str) else c for c in map(defuse, cells)])
    else:
        def write(cells: list[Any]) -> None:
            writer.writerow(map(defuse, cells))
    write([*CSV_COLUMNS, *extras])
    for app in apps:
        base = application_to_dict(app)
        head = [base.get(c, "") for c in _APP_COLUMNS]
        head = ["" if isinstance(v, (dict, list)) else v for v in head]
        tail = [app.extra.get(k, "") if isinstance(app.extra.get(k), str) else "" for k in extras]
        if not app.events:
            write([*head, "", "", "", *tail])
        for event in app.events:
            write([*head, event.date.isoformat(), event.kind.value, event.note, *tail])
    return out.getvalue()
