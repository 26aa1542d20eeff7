"""The words of the domain: applications, events, statuses, sizes.

Everything here is pure: plain frozen dataclasses, and the one place where a
dict from a file becomes an :class:`Application` (``application_from_dict``)
and back (``application_to_dict``). Validation errors name the field and the
value, so every face can show them as one clear line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Iterable, Mapping

from waiting_room.core.workdays import MAX_YEAR, MIN_YEAR  # the years the app handles

FORMAT = "waiting-room/1"


class Status(StrEnum):
    WAITING = "waiting"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class Size(StrEnum):
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    ENTERPRISE = "enterprise"


class Kind(StrEnum):
    APPLIED = "applied"
    PHONE_SCREEN = "phone_screen"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    REFERENCES_REQUESTED = "references_requested"
    REFERENCES_CONTACTED = "references_contacted"
    THANK_YOU_SENT = "thank_you_sent"
    FOLLOW_UP_SENT = "follow_up_sent"
    HEARD_BACK = "heard_back"
    OFFER = "offer"
    REJECTION = "rejection"
    WITHDREW = "withdrew"


#: Events that start (or restart) the waiting clock: a step with the company,
#: or news from them. The person's own actions never do.
CLOCK_KINDS = frozenset(
    {Kind.APPLIED, Kind.PHONE_SCREEN, Kind.INTERVIEW, Kind.ASSESSMENT, Kind.HEARD_BACK}
)

#: Events that end an application, and the status they lead to.
CLOSING_KINDS: Mapping[Kind, Status] = {
    Kind.OFFER: Status.OFFER,
    Kind.REJECTION: Status.REJECTED,
    Kind.WITHDREW: Status.WITHDRAWN,
}

SIZE_LABELS: Mapping[Size, str] = {
    Size.SMALL: "small (under 50 people)",
    Size.MEDIUM: "medium (50 to 999)",
    Size.LARGE: "large (1,000 to 9,999)",
    Size.ENTERPRISE: "enterprise (10,000+)",
}

KIND_LABELS: Mapping[Kind, str] = {
    Kind.APPLIED: "Applied",
    Kind.PHONE_SCREEN: "Phone screen",
    Kind.INTERVIEW: "Interview",
    Kind.ASSESSMENT: "Assessment",
    Kind.REFERENCES_REQUESTED: "References requested",
    Kind.REFERENCES_CONTACTED: "References contacted",
    Kind.THANK_YOU_SENT: "Thank-you sent",
    Kind.FOLLOW_UP_SENT: "Follow-up sent",
    Kind.HEARD_BACK: "Heard back",
    Kind.OFFER: "Offer",
    Kind.REJECTION: "Rejection",
    Kind.WITHDREW: "Withdrew",
}


class InvalidData(ValueError):
    """Input that cannot become an application. The message names field and value."""


@dataclass(frozen=True, slots=True)
class Event:
    date: date
    kind: Kind
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=True)


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    title: str = ""
    email: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OwnTask:
    """A stay-busy task the person wrote themselves."""

    id: str
    title: str
    due: date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Application:
    id: str
    company: str
    role: str
    events: tuple[Event, ...] = ()
    company_size: Size | None = None
    status: Status = Status.WAITING
    link: str = ""
    contacts: tuple[Contact, ...] = ()
    expected_reply_by: date | None = None
    notes: str = ""
    #: task id -> the day it was ticked (plan tasks and own tasks alike)
    ticked: Mapping[str, date] = field(default_factory=dict)
    own_tasks: tuple[OwnTask, ...] = ()
    #: keys we do not know, kept so that export writes them back
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_waiting(self) -> bool:
        return self.status is Status.WAITING

    def events_by_date(self) -> tuple[Event, ...]:
        """Events oldest first; events of one day keep the order they were given."""
        return tuple(sorted(self.events, key=lambda e: e.date))

    def with_event(self, event: Event) -> Application:
        """This application with one more event; a closing event closes it."""
        status = CLOSING_KINDS.get(event.kind, self.status)
        return replace(self, events=(*self.events, event), status=status)


# --- reading and writing plain dicts -----------------------------------------

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")

_APP_KEYS = (
    "id", "company", "role", "company_size", "status", "link", "contacts",
    "expected_reply_by", "notes", "events", "ticked", "own_tasks",
)
_EVENT_KEYS = ("date", "kind", "note")
_CONTACT_KEYS = ("name", "title", "email")
_OWN_TASK_KEYS = ("id", "title", "due")
_APP_KEY_SET, _EVENT_KEY_SET, _CONTACT_KEY_SET = map(frozenset, (_APP_KEYS, _EVENT_KEYS, _CONTACT_KEYS))


def _extra(data: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The keys we do not know, in their order, kept so that export writes them back."""
    if data.keys() <= known:
        return {}
    return {k: v for k, v in data.items() if k not in known}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."




def check_year(day: date, where: str) -> date:
    """``day`` itself if its year is supported, else :class:`InvalidData` naming ``where``."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InvalidData(
            f"{where}: {day.isoformat()!r} is outside the years {MIN_YEAR} to {MAX_YEAR}"
        )
    return day


def parse_date(value: Any, where: str) -> date:
    """An ISO ``YYYY-MM-DD`` date, or :class:`InvalidData` naming ``where``."""
    day = _iso_day(value) if isinstance(value, str) else None
    if day is not None:
        return day
    # Not plainly valid: say exactly what is wrong.
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise InvalidData(f"{where}: {_show(value)} is not a date (use YYYY-MM-DD)")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidData(f"{where}: {_show(value)} is not a real date") from None
    return check_year(day, where)


def _text(value: Any, where: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InvalidData(f"{where}: expected text, got {_show(value)}")
    if required and not value.strip():
        raise InvalidData(f"{where}: must not be empty")
    if "\x00" in value:
        raise InvalidData(f"{where}: contains a NUL character")
    if _SURROGATE_RE.search(value):
        # An unpaired "\ud800" escape in JSON or an undecodable byte on the command
        # line: such text cannot be saved as UTF-8, so it is refused here, by name.
        raise InvalidData(f"{where}: contains an invalid character (a lone surrogate)")
    return value


def _choice(enum: type[StrEnum], value: Any, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidData(f"{where}: {_show(value)} is not one of {allowed}") from None


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise InvalidData(f"{where}: expected an object, got {_show(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidData(f"{where}: expected a list, got {_show(value)}")
    return value


def check_id(value: Any, where: str = "id") -> str:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise InvalidData(
            f"{where}: {_show(value)} is not a valid id "
            "(letters, digits, '-', '_' or '.', at most 64)"
        )
    return value


def new_id(taken: Iterable[str] = ()) -> str:
    """A short random id not in ``taken``."""
    # secrets pulls in hashlib, hmac, random and base64: imported here, where an id
    # is made, so reading the database (``status`` at every login) does not pay for it.
    import secrets

    used = set(taken)
    size = 3
    while True:
        for _ in range(8):
            candidate = secrets.token_hex(size)
            if candidate not in used and not candidate.isdigit():
                return candidate
        size += 1


def event_from_dict(data: Any, where: str = "event") -> Event:
    data = _mapping(data, where)
    if "date" not in data:
        raise InvalidData(f"{where}.date: is required")
    if "kind" not in data:
        raise InvalidData(f"{where}.kind: is required")
    return Event(
        date=parse_date(data["date"], f"{where}.date"),
        kind=_choice(Kind, data["kind"], f"{where}.kind"),
        note=_text(data.get("note"), f"{where}.note"),
        extra=_extra(data, _EVENT_KEY_SET),
    )


def event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"date": event.date.isoformat(), "kind": event.kind.value}
    if event.note:
        out["note"] = event.note
    out.update(event.extra)
    return out


def _contact_from_dict(data: Any, where: str) -> Contact:
    data = _mapping(data, where)
    return Contact(
        name=_text(data.get("name"), f"{where}.name"),
        title=_text(data.get("title"), f"{where}.title"),
        email=_text(data.get("email"), f"{where}.email"),
        extra=_extra(data, _CONTACT_KEY_SET),
    )


def _contact_to_dict(contact: Contact) -> dict[str, Any]:
    out: dict[str, Any] = {"name": contact.name}
    if contact.title:
        out["title"] = contact.title
    if contact.email:
        out["email"] = contact.email
    out.update(contact.extra)
    return out


def _own_task_from_dict(data: Any, where: str) -> OwnTask:
    data = _mapping(data, where)
    due = data.get("due")
    return OwnTask(
        id=check_id(data.get("id"), f"{where}.id"),
        title=_text(data.get("title"), f"{where}.title", required=True),
        due=None if due is None else parse_date(due, f"{where}.due"),
        extra={k: v for k, v in data.items() if k not in _OWN_TASK_KEYS},
    )


def _own_task_to_dict(task: OwnTask) -> dict[str, Any]:
    out: dict[str, Any] = {"id": task.id, "title": task.title}
    if task.due is not None:
        out["due"] = task.due.isoformat()
    out.update(task.extra)
    return out


def application_from_dict(data: Any, where: str = "application") -> Application:
    """Validate one application dict (the interchange shape) and build it.

    A missing ``id`` is left empty: the store gives it one. Unknown keys are kept.
    """
    try:
        return _application_fast(data)
    except _Doubt:
        return _application_checked(data, where)


# --- the fast path ---------------------------------------------------------------
# Every read of the database validates every application. The checked path below
# names the field of any problem, and building those names for every field costs
# more than parsing the JSON. The fast path accepts only what is plainly valid,
# builds the same objects, and hands anything else to the checked path
# (tests/core/test_model_fast.py holds the two to the same answers).


class _Doubt(Exception):
    """Not plainly valid: let the checked path decide, and name the problem."""


_KINDS = {k.value: k for k in Kind}
_SIZES = {s.value: s for s in Size}
_STATUSES = {s.value: s for s in Status}


def _plain(value: Any) -> str:
    """Optional text, or doubt."""
    if value is None:
        return ""
    if type(value) is not str or "\x00" in value or (not value.isascii() and _SURROGATE_RE.search(value)):
        raise _Doubt
    return value


@lru_cache(maxsize=4096)
def _iso_day(value: str) -> date | None:
    """A valid date in the supported years, or None; dates repeat, so this is cached."""
    if not _DATE_RE.fullmatch(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def _day(value: Any) -> date:
    day = _iso_day(value) if type(value) is str else None
    if day is None:
        raise _Doubt
    return day


def _event_fast(data: Any) -> Event:
    if type(data) is not dict:
        raise _Doubt
    kind = data.get("kind")
    kind = _KINDS.get(kind) if type(kind) is str else None
    if kind is None or "date" not in data:
        raise _Doubt
    return Event(
        date=_day(data["date"]),
        kind=kind,
        note=_plain(data.get("note")),
        extra=_extra(data, _EVENT_KEY_SET),
    )


def _contact_fast(data: Any) -> Contact:
    if type(data) is not dict:
        raise _Doubt
    return Contact(
        name=_plain(data.get("name")),
        title=_plain(data.get("title")),
        email=_plain(data.get("email")),
        extra=_extra(data, _CONTACT_KEY_SET),
    )


def _plain_head(data: Any) -> tuple[str, str, list[Any], str]:
    """Company, role, the list of events and the id of a plainly valid record, or doubt."""
    if type(data) is not dict or "company" not in data or "role" not in data:
        raise _Doubt
    company, role, events = data["company"], data["role"], data.get("events")
    if company is None or role is None or type(events) is not list:
        raise _Doubt
    company, role = _plain(company), _plain(role)
    if not company.strip() or not role.strip():
        raise _Doubt
    raw_id = data.get("id")
    if raw_id in (None, ""):
        return company, role, events, ""
    if type(raw_id) is str and _ID_RE.fullmatch(raw_id):
        return company, role, events, raw_id
    raise _Doubt


def _application_fast(data: Any) -> Application:
    company, role, events, app_id = _plain_head(data)
    size = data.get("company_size")
    if size in (None, ""):
        company_size = None
    elif (company_size := _SIZES.get(size) if type(size) is str else None) is None:
        raise _Doubt
    status = data.get("status") or "waiting"
    if (app_status := _STATUSES.get(status) if type(status) is str else None) is None:
        raise _Doubt
    contacts = data.get("contacts") or []
    ticked = data.get("ticked") or {}
    if type(contacts) is not list or type(ticked) is not dict or data.get("own_tasks"):
        raise _Doubt  # own tasks are rare: the checked path reads them
    reply_by = data.get("expected_reply_by")
    for key in ticked:
        if type(key) is not str or not _ID_RE.fullmatch(key):
            raise _Doubt
    return Application(
        id=app_id,
        company=company,
        role=role,
        company_size=company_size,
        status=app_status,
        link=_plain(data.get("link")),
        contacts=tuple(_contact_fast(c) for c in contacts),
        expected_reply_by=None if reply_by in (None, "") else _day(reply_by),
        notes=_plain(data.get("notes")),
        events=tuple(_event_fast(e) for e in events),
        ticked={k: _day(v) for k, v in ticked.items()},
        own_tasks=(),
        extra=_extra(data, _APP_KEY_SET),
    )


# --- checking without building -----------------------------------------------------
# A write checks every stored application before it touches the file, but needs to
# build only the one it changes: the same plain-validity test as the fast path,
# without making the objects (tests/core/test_model_fast.py holds the two together).


def _event_ok(data: Any) -> None:
    if type(data) is not dict:
        raise _Doubt
    kind = data.get("kind")
    if type(kind) is not str or kind not in _KINDS or "date" not in data:
        raise _Doubt
    _day(data["date"])
    _plain(data.get("note"))


def _application_ok(data: Any) -> str:
    """The id of a plainly valid application record, or doubt."""
    _, _, events, app_id = _plain_head(data)
    size = data.get("company_size")
    if size not in (None, "") and (type(size) is not str or size not in _SIZES):
        raise _Doubt
    status = data.get("status") or "waiting"
    if type(status) is not str or status not in _STATUSES:
        raise _Doubt
    contacts = data.get("contacts") or []
    ticked = data.get("ticked") or {}
    if type(contacts) is not list or type(ticked) is not dict or data.get("own_tasks"):
        raise _Doubt
    for key, day in ticked.items():
        if type(key) is not str or not _ID_RE.fullmatch(key):
            raise _Doubt
        _day(day)
    for contact in contacts:
        if type(contact) is not dict:
            raise _Doubt
        _plain(contact.get("name")), _plain(contact.get("title")), _plain(contact.get("email"))
    _plain(data.get("link"))
    _plain(data.get("notes"))
    reply_by = data.get("expected_reply_by")
    if reply_by not in (None, ""):
        _day(reply_by)
    for event in events:
        _event_ok(event)
    return app_id


def check_application(data: Any, where: str = "application") -> str:
    """Check one application record as :func:`application_from_dict` would; its id.

    Raises the same :class:`InvalidData` for a record it refuses.
    """
    try:
        return _application_ok(data)
    except _Doubt:
        return _application_checked(data, where).id


def _application_checked(data: Any, where: str) -> Application:
    data = _mapping(data, where)
    for key in ("company", "role", "events"):
        if key not in data:
            raise InvalidData(f"{where}.{key}: is required")
    raw_id = data.get("id")
    app_id = "" if raw_id in (None, "") else check_id(raw_id, f"{where}.id")
    size = data.get("company_size")
    reply_by = data.get("expected_reply_by")
    ticked = _mapping(data.get("ticked") or {}, f"{where}.ticked")
    return Application(
        id=app_id,
        company=_text(data["company"], f"{where}.company", required=True),
        role=_text(data["role"], f"{where}.role", required=True),
        company_size=None if size in (None, "") else _choice(Size, size, f"{where}.company_size"),
        status=_choice(Status, data.get("status") or "waiting", f"{where}.status"),
        link=_text(data.get("link"), f"{where}.link"),
        contacts=tuple(
            _contact_from_dict(c, f"{where}.contacts[{i}]")
            for i, c in enumerate(_list(data.get("contacts") or [], f"{where}.contacts"))
        ),
        expected_reply_by=None
        if reply_by in (None, "")
        else parse_date(reply_by, f"{where}.expected_reply_by"),
        notes=_text(data.get("notes"), f"{where}.notes"),
        events=tuple(
            event_from_dict(e, f"{where}.events[{i}]")
            for i, e in enumerate(_list(data["events"], f"{where}.events"))
        ),
        ticked={
            check_id(k, f"{where}.ticked key"): parse_date(v, f"{where}.ticked.{k}")
            for k, v in ticked.items()
        },
        own_tasks=tuple(
            _own_task_from_dict(t, f"{where}.own_tasks[{i}]")
            for i, t in enumerate(_list(data.get("own_tasks") or [], f"{where}.own_tasks"))
        ),
        extra=_extra(data, _APP_KEY_SET),
    )


def application_to_dict(app: Application) -> dict[str, Any]:
    """The interchange shape of one application; empty optional fields are left out."""
    out: dict[str, Any] = {"id": app.id, "company": app.company, "role": app.role}
    if app.company_size is not None:
        out["company_size"] = app.company_size.value
    out["status"] = app.status.value
    if app.link:
        out["link"] = app.link
    if app.contacts:
        out["contacts"] = [_contact_to_dict(c) for c in app.contacts]
    if app.expected_reply_by is not None:
        out["expected_reply_by"] = app.expected_reply_by.isoformat()
    if app.notes:
        out["notes"] = app.notes
    out["events"] = [event_to_dict(e) for e in app.events]
    if app.ticked:
        out["ticked"] = {k: v.isoformat() for k, v in app.ticked.items()}
    if app.own_tasks:
        out["own_tasks"] = [_own_task_to_dict(t) for t in app.own_tasks]
    out.update(app.extra)
    return out
