"""What the store may open, read, write and replace: the one place that decides.

The rules (docs/threats.md says the same to people):

* The database is read and replaced only when it is a regular file (or created
  where nothing is). A folder, FIFO, device or socket is refused before it is
  opened: nothing blocks on it, nothing is read from it, and nothing (not even a
  lock file) is written beside it.
* A symlink is followed only when it belongs to us (or to root, like the links
  under ``/dev``): a link someone else planted in a shared folder is refused.
* The database file must belong to us. One that can be written by others, or whose
  folder another user owns or can rename files in, is refused for writing, with
  the ``chmod`` or ``chown`` that fixes it. Group-writable is not "others" when
  the group is our own user private group (``umask 002``).
* Folders we create are 0700 whatever the umask; the ``backups`` folder must be
  a real folder of ours that no one else can write.

Only ``os`` and ``stat`` are used (both loaded with the interpreter), so the
login message can ask here without paying for more.
"""

from __future__ import annotations

import errno
import os
import stat

from waiting_room.store.errors import Refused

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
BINARY = getattr(os, "O_BINARY", 0)
POSIX = os.name == "posix"
DIR_MODE = 0o700
_MAX_HOPS = 40


def what(mode: int) -> str:
    """``a folder``, ``a FIFO``, ``a file``...: what a node is, for a refusal."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symlink"
    if stat.S_ISREG(mode):
        return "a file"
    return "not a regular file"


def me() -> int:
    return os.getuid() if POSIX else -1


def _quote(path: object) -> str:
    import shlex  # an error path only

    return shlex.quote(str(path))


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return str(me())


def _others_own(st: os.stat_result) -> bool:
    return POSIX and st.st_uid != me()


def _private_group(gid: int) -> bool:
    """Is ``gid`` our user private group (named as we are, no one else in it)?

    With ``umask 002`` (usual where each user has a group of their own) folders
    and files are group-writable; that group is only us.
    """
    if gid != os.getgid():
        return False
    try:
        import grp  # only for a group-writable folder or file
        import pwd

        group = grp.getgrgid(gid)
        user = pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return False
    return group.gr_name == user and all(member == user for member in group.gr_mem)


def others_can_write(st: os.stat_result) -> bool:
    """Can anyone but us (and root) write it? Writable by all, or by a group that is not only us."""
    if not POSIX:
        return False
    if st.st_mode & 0o002:
        return True
    return bool(st.st_mode & 0o020) and not _private_group(st.st_gid)


# --- names ------------------------------------------------------------------------------


def _parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def resolve(path: Path | str) -> str:
    """The real path ``path`` names, following only links that are ours (or root's).

    Walked one name at a time, as the kernel does: every link on the way, in
    the folders as well as at the end, must belong to us or to root, and a
    link's target is taken from the real folder the link is in (so
    ``../wr.json`` under a linked folder is the file the kernel would open,
    not a textual shortening of the path). A link another user planted (in
    ``/tmp``, say) is refused with one line: a victim's ``add`` must not write
    through it into the victim's own files. Missing names are fine: the real
    path of where a file would be created.
    """
    given = os.fspath(path)
    if not POSIX:
        return os.path.realpath(os.path.abspath(given))
    if not os.path.isabs(given):
        given = os.path.join(os.getcwd(), given)
    todo = _parts(given)[::-1]  # a stack: the next name last
    done = "/"
    hops = 0
    while todo:
        name = todo.pop()
        if name == "..":
            done = os.path.dirname(done)  # ``done`` holds no links: its parent is real
            continue
        current = os.path.join(done, name)
        try:
            st = os.lstat(current)
        except OSError:
            # Missing (or not ours to look at): the rest is where a file would be.
            return os.path.normpath(os.path.join(current, *todo[::-1]))
        if not stat.S_ISLNK(st.st_mode):
            done = current
            continue
        if st.st_uid not in (me(), 0):
            raise Refused(
                f"{current} is a symlink that belongs to another user (uid {st.st_uid}); "
                f"it was not followed and nothing was written; remove it, or use a path of your own"
            )
        hops += 1
        if hops > _MAX_HOPS:
            raise Refused(f"{path}: too many levels of symlinks; nothing was written")
        target = os.readlink(current)
        if target.startswith("/"):
            done = "/"
        todo.extend(_parts(target)[::-1])
    return done


# --- the database -----------------------------------------------------------------------


def _not_a_file(path: object, st: os.stat_result) -> Refused:
    return Refused(
        f"the database {path} is {what(st.st_mode)}, not a regular file; "
        "it was not opened and nothing was written (name a file with --db)"
    )


def _not_ours(path: object, st: os.stat_result, thing: str = "the database") -> Refused:
    return Refused(
        f"{thing} {path} belongs to another user (uid {st.st_uid}), not to you; "
        f"nothing was read or written; if it is yours: sudo chown {_user()} {_quote(path)}"
    )


def check_database(real: str) -> os.stat_result | None:
    """Refuse a database path that is not a regular file of ours; None when it is absent.

    ``real`` is a path from :func:`resolve`. Only ``lstat`` is used: nothing is opened.
    """
    try:
        st = os.lstat(real)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except PermissionError:
        raise Refused(f"cannot look at the database {real} (permission denied)") from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_a_file(real, st)
    if _others_own(st):
        raise _not_ours(real, st)
    return st


def read_database(path: Path | str) -> bytes | None:
    """The bytes of the database at ``path``; None when there is none.

    The type is checked before anything is opened, and the open never blocks
    (``O_NONBLOCK``): a FIFO, a device or another user's file swapped in between
    is caught by ``fstat`` of what was opened.
    """
    real = resolve(path)
    if check_database(real) is None:
        return None
    try:
        fd = os.open(real, os.O_RDONLY | NOFOLLOW | NONBLOCK | BINARY)
    except FileNotFoundError:
        return None
    except PermissionError:
        raise Refused(f"cannot read the database {real} (permission denied)") from None
    try:
        # What was opened is judged by itself: a save of another session (an atomic
        # replace) may have put a new file at the name since the check, which is no
        # reason to refuse. Only its type and its owner matter.
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_a_file(real, st)
        if _others_own(st):
            raise _not_ours(real, st)
        return read_all(fd)
    finally:
        os.close(fd)


def read_all(fd: int) -> bytes:
    """Everything left to read from an open file."""
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def check_folder_for_writing(folder: str) -> None:
    """Refuse a database folder another user could use to swap our files.

    It must belong to us or to root; one that others can write must be sticky
    (like ``/tmp``), where no one can rename or remove another's files.
    A missing folder is fine: we create it 0700.
    """
    if not POSIX:
        return
    try:
        st = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    except PermissionError:
        raise Refused(f"cannot look at the folder {folder} (permission denied); nothing was written") from None
    if not stat.S_ISDIR(st.st_mode):
        raise Refused(f"{folder} is {what(st.st_mode)}, not a folder; nothing was written")
    if st.st_uid not in (me(), 0):
        raise Refused(
            f"the folder {folder} belongs to another user (uid {st.st_uid}), who could swap the "
            f"database; nothing was written; keep it in a folder of yours, or: sudo chown {_user()} {_quote(folder)}"
        )
    if others_can_write(st) and not st.st_mode & stat.S_ISVTX:
        raise Refused(
            f"the folder {folder} can be written by other users, who could swap the database; "
            f"nothing was written; to fix it: chmod go-w {_quote(folder)}"
        )


def check_for_writing(real: str) -> None:
    """Refuse, before any lock or temp file is made, a write the rules forbid."""
    st = check_database(real)
    check_folder_for_writing(os.path.dirname(real))
    if st is not None and others_can_write(st):
        raise Refused(
            f"the database {real} can be written by other users; nothing was written; "
            f"to fix it: chmod 600 {_quote(real)}"
        )


# --- folders we make --------------------------------------------------------------------


def make_dirs(folder: Path | str) -> None:
    """Create ``folder`` and any missing parents, each 0700 whatever the umask."""
    folder = os.path.abspath(os.fspath(folder))
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for path in reversed(missing):
        try:
            os.mkdir(path, DIR_MODE)
        except FileExistsError:
            if os.path.isdir(path):
                continue
            raise
        os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask


def private_dir(folder: Path | str, what_for: str) -> None:
    """Make sure ``folder`` is a real folder of ours that others cannot write (create it 0700).

    Used for folders the app keeps its own files in (``backups``): a symlink or a
    folder someone else planted there is refused, never written into.
    """
    folder = os.fspath(folder)
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        make_dirs(folder)
        st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise Refused(
            f"the {what_for} folder {folder} is {what(st.st_mode)}, not a folder of yours; "
            f"nothing was written; look at it, then remove it: rm {_quote(folder)}"
        )
    if _others_own(st):
        raise _not_ours(folder, st, f"the {what_for} folder")
    if others_can_write(st):
        raise Refused(
            f"the {what_for} folder {folder} can be written by other users; nothing was written; "
            f"to fix it: chmod 700 {_quote(folder)}"
        )


def trusted_dir(folder: Path | str) -> bool:
    """True when ``folder`` is a real folder of ours that others cannot write (reading backups)."""
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and not _others_own(st) and not others_can_write(st)


def own_regular(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode) and not _others_own(st)


# --- export -o --------------------------------------------------------------------------


def _through_descriptor(path: str) -> bool:
    """Does ``path`` name an open descriptor (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``)?"""
    current = path
    for _ in range(_MAX_HOPS):
        if current.startswith(("/proc/", "/dev/fd/")):
            return True
        try:
            target = os.readlink(current)
        except OSError:
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return False


def export_target(path: Path | str) -> tuple[str, str]:
    """How ``export -o path`` may write: ``("replace", real path)`` or ``("stream", path)``.

    A missing name or a regular file of ours is replaced atomically; through a
    symlink of ours, the file it points to is (never the link). A device, a FIFO
    or an open descriptor (``/dev/stdout``) is written into as a stream, never
    replaced. A folder, a socket, a link or file of another user are refused.
    """
    given = os.path.abspath(os.fspath(path))
    try:
        lst = os.lstat(given)
    except (FileNotFoundError, NotADirectoryError):
        return "replace", given
    if stat.S_ISLNK(lst.st_mode) and _through_descriptor(given):
        st = os.stat(given)
        if stat.S_ISDIR(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            raise Refused(f"{path} is {what(st.st_mode)}; name a file to write")
        return "stream", given
    real = resolve(given) if stat.S_ISLNK(lst.st_mode) else given
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        return "replace", real
    if stat.S_ISDIR(st.st_mode):
        raise Refused(f"{path} is a folder; name a file to write")
    if stat.S_ISSOCK(st.st_mode):
        raise Refused(f"{path} is a socket; name a file to write")
    if _others_own(st) and (stat.S_ISREG(st.st_mode) or st.st_uid != 0):
        raise Refused(
            f"{path} belongs to another user (uid {st.st_uid}); nothing was written; name a file of yours"
        )
    return ("replace" if stat.S_ISREG(st.st_mode) else "stream"), real


def open_stream(path: str) -> int:
    """Open a device, FIFO or descriptor for writing without blocking on the open;
    the writes that follow block as usual. Never creates or truncates anything."""
    flags = os.O_WRONLY | NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_APPEND", 0) | BINARY
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise Refused(f"nothing is reading from {path}; nothing was written") from None
        raise
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~NONBLOCK)
    except ImportError:  # pragma: no cover - Windows
        pass
    return fd
