"""The command line beside the TUI: status, add, log, import, export, demo.

Start-up matters (``status`` runs at every login), so each command imports what
it needs when it runs: ``status`` never imports Textual or TinyDB.
"""

from __future__ import annotations

import os
import sys

# typing is for annotations only here: importing it costs ``status`` start-up time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from datetime import date
    from pathlib import Path
    from typing import Any, NoReturn, Sequence

PROG = "waiting-room"
EVENT_KINDS = (
    "applied", "phone_screen", "interview", "assessment", "references_requested",
    "references_contacted", "thank_you_sent", "follow_up_sent", "heard_back", "offer",
    "rejection", "withdrew",
)


class UsageError(Exception):
    """Bad input on the command line: one line, exit 2."""


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise UsageError(message)

    parser = Parser(prog=PROG, description="A calm companion for the wait after a job interview.")
    parser.add_argument("--db", metavar="PATH", help="database file (env WAITING_ROOM_DB)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="pin today's date (env WAITING_ROOM_TODAY)")
    from waiting_room import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    sub.add_parser("demo", help="open the app on a throw-away copy of sample data")

    status = sub.add_parser("status", help="a calm summary of every application still waiting")
    status.add_argument("--json", action="store_true", help="machine-readable output")

    add = sub.add_parser("add", help="quick capture; prints the new id")
    add.add_argument("--company", required=True)
    add.add_argument("--role", required=True)
    add.add_argument("--interviewed", metavar="DATE", help="date of the interview (today, 3 days ago, last mon, 3 Nov, 2026-11-03...)")
    add.add_argument("--note", default="", help="a note on the interview (or the application)")
    add.add_argument("--size", choices=("small", "medium", "large", "enterprise"), help="company size")
    add.add_argument("--expect", metavar="DATE", help="the date they said they would reply by (fri, next week, 30 Nov...)")

    log = sub.add_parser("log", help="add an event to an application")
    log.add_argument("id", help="the application's id, or a unique start of it")
    log.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(EVENT_KINDS))
    log.add_argument("--date", metavar="DATE", help="when it happened (default today; yesterday, last mon, 3 Nov...)")
    log.add_argument("--note", default="")

    imp = sub.add_parser("import", help="merge a .json or .csv file, all or nothing")
    imp.add_argument("file")

    exp = sub.add_parser("export", help="write every application as json, csv or ics")
    exp.add_argument("--format", choices=("json", "csv", "ics"), default="json")
    exp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    return parser


#: Commands read without argparse: (their positionals, their options as
#: name -> (field, takes a value), the fields' defaults as argparse sets them).
_QUICK: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, bool]], dict[str, Any]]] = {
    "demo": ((), {}, {}),
    "status": ((), {"--json": ("json", False)}, {"json": False}),
    "log": (("id", "kind"), {"--date": ("date", True), "--note": ("note", True)},
            {"date": None, "note": ""}),
}


def _quick_args(argv: list[str]) -> argparse.Namespace | None:
    """The plainest shapes of the TUI, ``demo``, ``status`` and ``log``, read without
    argparse; else ``None``.

    ``status`` runs at every login, ``log`` from scripts and the TUI wants its
    first frame soon, and argparse (with gettext, locale, shutil and the building
    of every subcommand's parser) is a noticeable share of their start-up. Read
    here: ``[--db PATH] [--today DATE]``, then nothing (the TUI) or the command,
    its positionals, then its options, each option at most once and
    with a value that cannot be mistaken for an option. Anything else, including
    every error, every abbreviation and ``--help``, returns ``None`` and goes to
    the parser, so nothing it accepts or refuses changes.
    """
    from types import SimpleNamespace  # already loaded by the interpreter's own imports

    found: dict[str, Any] = {"db": None, "today": None}
    i = 0
    while i < len(argv) and argv[i] not in _QUICK:
        name, equals, value = argv[i].partition("=")
        key = name[2:]
        if name not in ("--db", "--today") or found[key] is not None:
            return None
        if not equals:
            i += 1
            if i == len(argv):
                return None
            value = argv[i]
        if not value or value.startswith("-"):
            return None
        found[key] = value
        i += 1
    if i == len(argv):
        return SimpleNamespace(command=None, **found)  # type: ignore[return-value]  # the TUI
    command = argv[i]
    positionals, options, defaults = _QUICK[command]
    found["command"] = command
    found.update(defaults)
    rest = argv[i + 1 :]
    if len(rest) < len(positionals) or any(a.startswith("-") for a in rest[: len(positionals)]):
        return None
    found.update(zip(positionals, rest))
    rest = rest[len(positionals) :]
    seen: set[str] = set()
    j = 0
    while j < len(rest):
        name, equals, value = rest[j].partition("=")
        if name not in options or name in seen:
            return None
        seen.add(name)
        key, takes_value = options[name]
        if not takes_value:
            if equals:
                return None
            found[key] = True
        else:
            if not equals:
                j += 1
                if j == len(rest):
                    return None
                value = rest[j]
            if value.startswith("-"):
                return None
            found[key] = value
        j += 1
    return SimpleNamespace(**found)  # type: ignore[return-value]


def _terminal_columns() -> int:
    """``shutil.get_terminal_size((80, 24)).columns``, without importing shutil.

    Same rule: a positive ``COLUMNS`` wins, else the terminal on stdout, else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def _today(args: argparse.Namespace) -> date:
    from waiting_room import clock

    day = clock.today()
    # A "today" at the calendar's edge would overflow every wait and follow-up. The
    # model (and its imports) is loaded only to say so: status starts faster without it.
    from waiting_room.core.workdays import MAX_YEAR, MIN_YEAR  # clock has imported it already

    if not MIN_YEAR <= day.year <= MAX_YEAR:
        from waiting_room.core.model import check_year

        check_year(day, "--today" if args.today else clock.ENV_TODAY)
    return day


def _pin_today(args: argparse.Namespace) -> None:
    """Pin ``--today`` for this run, and only this run: a pin from an earlier
    ``main()`` call in the same process must not leak into the next one."""
    from waiting_room import clock

    clock.pin(clock.parse_today(args.today) if args.today else None)


def _db_path(args: argparse.Namespace) -> Path:
    from waiting_room.paths import db_path

    return db_path(args.db)


def _database(args: argparse.Namespace):
    from waiting_room.store.database import Database

    return Database(_db_path(args), today=_today(args))


def cmd_status(args: argparse.Namespace) -> int:
    from waiting_room.store import status_cache

    today = _today(args)
    path = _db_path(args)
    from waiting_room.store import guard

    guard.check_database(guard.resolve(path))  # a folder, FIFO or device: one line, nothing opened
    kind = "json" if args.json else "text"
    answer = status_cache.load(path, today.isoformat(), kind)
    if answer is None:
        answer = status_cache.refresh(path, today, (kind,))[kind]
    if args.json:
        import json

        from waiting_room.core.text import json_safe

        _print(json_safe(json.dumps(answer, ensure_ascii=False, indent=2)) + "\n")
    else:
        from waiting_room.core.status_text import render

        _print("\n".join(render(answer, _terminal_columns())) + "\n")
    return 0


def _print(text: str, *, exact: bool = False) -> None:
    """Write ``text`` to stdout, whatever its encoding (``PYTHONIOENCODING=ascii``).

    What a terminal cannot show is replaced; ``exact`` text (an export, data
    for another program) goes out as UTF-8 bytes instead, as the formats say.
    """
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        buffer = getattr(sys.stdout, "buffer", None)
        if exact and buffer is not None:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
        else:
            encoding = sys.stdout.encoding or "ascii"
            sys.stdout.write(text.encode(encoding, "replace").decode(encoding))


def cmd_add(args: argparse.Namespace) -> int:
    from waiting_room.core.dates import parse_human_date, parse_past_date
    from waiting_room.core.model import Application, Event, Kind, Size, _text

    today = _today(args)
    company = _text(args.company, "--company", required=True)
    role = _text(args.role, "--role", required=True)
    note = _text(args.note, "--note")
    events: tuple[Event, ...] = ()
    notes = note
    if args.interviewed:
        day = parse_past_date(args.interviewed, today, "--interviewed")
        events = (Event(day, Kind.INTERVIEW, note),)
        notes = ""
    expect = parse_human_date(args.expect, today, "--expect", ahead=True) if args.expect else None
    app = Application(
        id="", company=company, role=role, events=events, notes=notes,
        company_size=Size(args.size) if args.size else None, expected_reply_by=expect,
    )
    db = _database(args)
    with db.transaction() as tx:
        app = tx.add(app)
    print(app.id)
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from waiting_room.core.dates import parse_past_date
    from waiting_room.core.model import Event, Kind, _text
    from waiting_room.core.text import clean

    if args.kind not in EVENT_KINDS:
        raise UsageError(f"kind: {args.kind!r} is not one of {', '.join(EVENT_KINDS)}")
    today = _today(args)
    day = parse_past_date(args.date, today, "--date") if args.date else today
    event = Event(day, Kind(args.kind), _text(args.note, "--note"))
    db = _database(args)
    if not db.path.exists():  # nothing to log on; do not create folders or a lock for it
        from waiting_room.store.errors import NotFound

        raise NotFound(f"no application with id {args.id!r} (the database {db.path} does not exist yet)")
    with db.transaction() as tx:
        app = tx.log(args.id, event)
    name = clean(app.company, single_line=True)
    print(f"Logged {args.kind.replace('_', ' ')} on {day.isoformat()} for {name} ({app.id}).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from waiting_room.store.interchange import read_file

    source = Path(args.file)
    apps = read_file(source, _today(args))
    with _database(args).transaction() as tx:
        added, updated = tx.upsert_many(apps, partial=source.suffix.lower() == ".csv")
    print(f"Imported {len(apps)} application{'s' if len(apps) != 1 else ''}: {added} new, {updated} updated.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from waiting_room.store import interchange
    from waiting_room.store.document import load_applications

    today = _today(args)
    apps = load_applications(_db_path(args))

    def render(for_terminal: bool) -> str:
        if args.format == "json":
            return interchange.to_json(apps)
        if args.format == "csv":
            # To a terminal the text is shown, as status shows it; to a file or a pipe it is kept exact.
            return interchange.to_csv(apps, for_terminal=for_terminal)
        from waiting_room.store.calendar import to_ics

        return to_ics(apps, today)

    if args.output and args.output != "-":
        # Whether -o names a terminal (/dev/stdout, /dev/tty, a link to /proc/self/fd/1)
        # is known only once it is open: the store asks the descriptor it writes into.
        _write_output(args.output, lambda for_terminal: render(for_terminal).encode("utf-8"))
    else:
        _print(render(_is_terminal(sys.stdout)), exact=True)
    return 0


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write_output(where: str, data) -> None:
    """``export -o`` into a file, device or FIFO: the store's guard says whether to
    replace or stream; ``data(for_terminal)`` gives the bytes."""
    from pathlib import Path

    from waiting_room.store.files import write_named

    from waiting_room.store.errors import Refused

    target = Path(where).expanduser()
    try:
        write_named(target, data)
    except Refused as error:
        raise UsageError(f"-o: {error}") from None  # the store's words serve the TUI too
    except OSError as error:
        # Name the file the person asked for, not our temp file beside it.
        raise UsageError(f"-o: could not write {target} ({error.strerror or error})") from None


def cmd_tui(args: argparse.Namespace, *, demo: bool = False) -> int:
    today = _today(args)
    if demo:
        from waiting_room.tui.run import run_demo

        return run_demo(today)
    from waiting_room.store.database import Database
    from waiting_room.tui.run import run_app

    return run_app(Database(_db_path(args), today=today), today)


COMMANDS: dict[str, Any] = {
    "status": cmd_status,
    "add": cmd_add,
    "log": cmd_log,
    "import": cmd_import,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _quick_args(argv) or _parser().parse_args(argv)
        for name, label in (("db", "--db"), ("file", "FILE"), ("output", "-o")):
            _check_path(getattr(args, name, None), label)
        # An empty value (a script's unset variable) must not fall back to the real
        # database or the real clock.
        for name in ("db", "today"):
            if getattr(args, name, None) == "":
                raise UsageError(f"--{name}: must not be empty")
        _pin_today(args)
        if args.command is None:
            return cmd_tui(args)
        if args.command == "demo":
            return cmd_tui(args, demo=True)
        return COMMANDS[args.command](args)
    except (UsageError, OSError) as error:
        return _fail(error)
    except Exception as error:
        from waiting_room.clock import BadToday
        from waiting_room.core.model import InvalidData
        from waiting_room.store.errors import StoreError

        if isinstance(error, (InvalidData, BadToday, StoreError)):
            return _fail(error)
        raise
    except KeyboardInterrupt:
        return 130


def _check_path(value: str | None, label: str) -> None:
    # Only main(argv) from Python can pass these; the OS would raise ValueError for them.
    if value is None:
        return
    if "\x00" in value:
        raise UsageError(f"{label}: contains a NUL character")
    try:
        os.fsencode(value)
    except UnicodeEncodeError:
        raise UsageError(f"{label}: {value!r} cannot be a file name on this system") from None


def _fail(error: BaseException) -> int:
    from waiting_room.core.text import clean

    if isinstance(error, OSError) and not str(error).startswith("could not"):
        message = f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")
    else:
        message = str(error)
    sys.stderr.write(f"{PROG}: {clean(message, single_line=True)}\n")
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
