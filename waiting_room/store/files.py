"""The bytes on disk: atomic replace, private permissions, an inter-process lock.

Nothing here knows TinyDB, so the fast read path of ``status`` can use it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path
from typing import Callable, Iterator

from waiting_room.store import guard
from waiting_room.store.errors import Refused

FILE_MODE = 0o600
DIR_MODE = guard.DIR_MODE
TMP_SUFFIX = ".tmp"


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each 0700 whatever the umask;
    an existing folder is left as it is."""
    guard.make_dirs(folder)


#: What a filesystem that cannot fsync a folder says; anything else (EIO) is a failed write.
_NO_DIR_FSYNC = {errno.EINVAL, errno.EBADF, errno.EACCES, errno.EPERM, getattr(errno, "ENOTSUP", errno.EINVAL),
                 getattr(errno, "EOPNOTSUPP", errno.EINVAL), errno.EISDIR}


def _fsync_dir(folder: Path) -> None:
    """Make the rename in ``folder`` durable. Raises an OSError the disk reported (EIO);
    a filesystem that simply cannot fsync a folder (or Windows) is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _NO_DIR_FSYNC:
            raise
    finally:
        os.close(fd)


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


_TEMP_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _new_temp(path: Path) -> tuple[int, str]:
    """A new 0600 file beside ``path``, as ``tempfile.mkstemp`` makes one.

    (tempfile imports shutil and random, a tenth of a small write's start-up.)
    """
    for _ in range(100):
        name = os.path.join(path.parent, f"{temp_prefix(path)}{os.urandom(6).hex()}{TMP_SUFFIX}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


class DirSyncFailed(OSError):
    """The file was replaced, but the folder's fsync failed: the new name may not be on disk."""


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, whole.

    Temp file in the same folder (created 0600, exclusively, never through a
    link), fsync, ``os.replace``, fsync the folder. An error of the folder's
    fsync is raised as :class:`DirSyncFailed` (the replace already happened).
    """
    ensure_dir(path.parent)
    fd, tmp = _new_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        _fsync_dir(path.parent)
    except OSError as error:
        raise DirSyncFailed(error.errno, error.strerror, str(path.parent)) from None


def write_named(path: Path, data: bytes | Callable[[bool], bytes]) -> None:
    """Write ``data`` to a file the person named (``export -o``, a saved draft).

    ``guard.export_target`` decides: a regular file (or none) is replaced
    atomically, through a link of ours the file it points to; a device, FIFO or
    open descriptor is written into as a stream and never replaced; anything
    else is refused. Raises ``Refused`` or OSError.

    ``data`` may be a function of whether the target is a terminal (as the
    descriptor opened says: ``-o /dev/stdout`` on a terminal is one), for text
    that is shown there, not kept exact.
    """
    how, real = guard.export_target(path)
    if how == "replace":
        atomic_write(Path(real), data if isinstance(data, bytes) else data(False))
        return
    fd = guard.open_stream(real)
    try:
        if not isinstance(data, bytes):
            data = data(os.isatty(fd))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _is_temp_of(name: str, path: Path) -> bool:
    """A temp file of :func:`atomic_write` for ``path``: ``.<name>.<random>.tmp``.

    The random part is a plain word (as mkstemp and ``_new_temp`` make it), so
    other files beside the database that share its prefix, like the status
    cache's own ``.<name>.status-text.<pid>.tmp``, are not ours to remove.
    """
    prefix = temp_prefix(path)
    if not (name.startswith(prefix) and name.endswith(TMP_SUFFIX)):
        return False
    middle = name[len(prefix) : -len(TMP_SUFFIX)]
    return middle.isascii() and middle.replace("_", "").isalnum()


#: A temp file younger than this may be another writer's, still being written.
STALE_AFTER = 300.0
#: A stamp further ahead than this came from a clock that jumped (see backups).
CLOCK_SLACK = 86400.0


def is_stale(st: os.stat_result, now: float | None = None) -> bool:
    """A temp file left long enough ago (or stamped by a clock far ahead) to be no one's."""
    now = time.time() if now is None else now
    return st.st_mtime < now - STALE_AFTER or st.st_mtime > now + CLOCK_SLACK


def remove_stale_temps(path: Path) -> None:
    """Delete temp files a killed writer left, once they are minutes old. Under the lock.

    A young one is left alone: it may be a live write of another process (one that
    did not take our lock, or an older version), and deleting it would fail its save.
    """
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if _is_temp_of(entry.name, path):
                with contextlib.suppress(OSError):
                    if is_stale(entry.stat(follow_symlinks=False), now):
                        os.unlink(entry.path)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


_LOCK_FLAGS = os.O_RDWR | guard.NOFOLLOW | guard.NONBLOCK | guard.BINARY


def _lock_refused(lock: Path, problem: str, thing: str = "lock file") -> Refused:
    return Refused(
        f"the {thing} {lock} {problem}; nothing was written; "
        f"if no Waiting Room is running, look at it, then remove it: rm {guard._quote(lock)}"
    )


def _open_lock(lock: Path) -> int:
    """Open (or create, exclusively) the lock file: never through a link, only a regular file of ours."""
    while True:
        try:
            fd = os.open(lock, _LOCK_FLAGS)
        except FileNotFoundError:
            try:
                fd = os.open(lock, _LOCK_FLAGS | os.O_CREAT | os.O_EXCL, FILE_MODE)
            except FileExistsError:
                continue  # another writer made it just now: open theirs
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise _lock_refused(lock, "is a symlink (someone may have planted it)") from None
            raise
        st = os.fstat(fd)
        if not guard.own_regular(st):
            os.close(fd)
            problem = (f"is {guard.what(st.st_mode)}" if not stat.S_ISREG(st.st_mode)
                       else f"belongs to another user (uid {st.st_uid})")
            raise _lock_refused(lock, problem)
        return fd


def _check_lock_file(lock: Path) -> None:
    """Refuse a planted lock file (a link, not a regular file of ours) before anything is made."""
    try:
        st = os.lstat(lock)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise _lock_refused(lock, "is a symlink (someone may have planted it)")
    if not guard.own_regular(st):
        raise _lock_refused(lock, f"is {guard.what(st.st_mode)}" if not stat.S_ISREG(st.st_mode)
                            else f"belongs to another user (uid {st.st_uid})")


def _same_file(fd: int, lock: Path) -> bool:
    """Is the locked file still the one at ``lock``? (Someone may have unlinked or replaced it.)"""
    try:
        now = os.lstat(lock)
    except OSError:
        return False
    held = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def lock_dir_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock.d")


_KEEP_NAME = "in-use-by-waiting-room"


def _open_lock_dir(path: Path) -> int | None:
    """Our own lock folder beside the database (``.<name>.lock.d``), opened to be locked.

    Used where the database's folder is not private to us (a ``0755`` home, a
    sticky ``/tmp``): it is a real folder of ours, ``0700`` (no one else can open
    it, so no one else can lock it), never followed through a link, created
    safely, and it holds one small file so that ``rmdir`` cannot remove it
    while writers run. A link or a folder someone else planted is refused.
    """
    where = lock_dir_path(path)
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | guard.NOFOLLOW
    for _ in range(100):
        try:
            fd = os.open(where, flags)
        except FileNotFoundError:
            with contextlib.suppress(FileExistsError):
                os.mkdir(where, DIR_MODE)
            continue
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENOTDIR):
                try:
                    kind = guard.what(os.lstat(where).st_mode)
                except OSError:
                    kind = "not a folder"
                raise _lock_refused(where, f"is {kind}, not a folder of yours", "lock folder") from None
            raise
        st = os.fstat(fd)
        if not stat.S_ISDIR(st.st_mode) or guard._others_own(st):
            os.close(fd)
            problem = (f"is {guard.what(st.st_mode)}" if not stat.S_ISDIR(st.st_mode)
                       else f"belongs to another user (uid {st.st_uid})")
            raise _lock_refused(where, problem, "lock folder")
        if stat.S_IMODE(st.st_mode) != DIR_MODE:
            os.fchmod(fd, DIR_MODE)  # ours: mkdir's mode went through the umask
        with contextlib.suppress(OSError):
            os.close(os.open(_KEEP_NAME, os.O_WRONLY | os.O_CREAT | guard.NOFOLLOW, FILE_MODE, dir_fd=fd))
        return fd
    return None


def _open_folder_lock(folder: Path) -> int | None:
    """The database's folder, opened to be locked, when only we can open it; else None.

    A folder cannot be unlinked while the database is in it, so a lock on it
    holds whatever happens to the lock file. Only a folder of ours that no one
    else can read is locked: anyone who can open a folder could lock it too and
    keep us waiting (a shared ``/tmp``, a ``0755`` home).
    """
    if not guard.POSIX:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | guard.NOFOLLOW)
    except OSError:
        return None
    st = os.fstat(fd)
    if st.st_uid != guard.me() or st.st_mode & 0o077 or not stat.S_ISDIR(st.st_mode):
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def locked(path: Path, timeout: float = 10.0) -> Iterator[bool]:
    """Hold the database's lock exclusively; yields False if it timed out.

    The kernel drops the lock when its process dies, so a crashed writer can
    never leave the database locked. Two locks are taken, in this order:

    * a folder, which deleting or replacing the lock file, even while it is
      held, does not touch, so that never lets two writers in: the database's
      own folder when it is private to us (see :func:`_open_folder_lock`; it
      cannot be removed while the database is in it), else a private folder
      of ours beside the database (:func:`_open_lock_dir`). Where the
      filesystem cannot lock folders (NFS), the lock file alone is taken;
    * the lock file (which older versions also take). One unlinked or replaced
      while we waited is no lock at all (another writer may hold the new one):
      after taking it we check it is still the file at its name, and otherwise
      start again.
    """
    ensure_dir(path.parent)
    lock = lock_path(path)
    deadline = time.monotonic() + timeout
    _check_lock_file(lock)  # refused before a lock folder is made: a refusal writes nothing
    with contextlib.ExitStack() as held:
        if not _lock_folder(path, timeout, held):
            yield False
            return
        while True:
            fd = _open_lock(lock)
            try:
                got = _acquire(fd, max(0.0, deadline - time.monotonic()))
                if got and not _same_file(fd, lock):
                    _release(fd)
                    continue  # closed by the finally below; try the file now at the name
                try:
                    yield got
                finally:
                    if got:
                        _release(fd)
                return
            finally:
                os.close(fd)


#: What flock says when another process holds the lock; any other error on a folder
#: (NFS: ENOLCK, EBADF; EINVAL, EOPNOTSUPP elsewhere) means it cannot be locked there.
_BUSY = (errno.EAGAIN, errno.EWOULDBLOCK)


def _lock_folder(path: Path, timeout: float, held: contextlib.ExitStack) -> bool:
    """Lock the folder that guards ``path`` (see :func:`locked`); False if it timed out.

    A filesystem that cannot lock a folder at all is no reason to fail every
    save: the lock file alone is taken then.
    """
    if not guard.POSIX:
        return True
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_folder_lock(path.parent)
        own_dir = fd is None
        if own_dir:
            fd = _open_lock_dir(path)
            if fd is None:
                return True
        try:
            got = _acquire(fd, max(0.0, deadline - time.monotonic()), busy=_BUSY)
        except OSError:
            os.close(fd)
            return True  # this filesystem cannot lock folders: the lock file alone
        if not got:
            os.close(fd)
            return False
        if own_dir and not _same_file(fd, lock_dir_path(path)):
            _release(fd)  # removed (rm -r) while we waited: lock the one at its name now
            os.close(fd)
            continue
        held.callback(os.close, fd)
        held.callback(_release, fd)
        return True


try:
    import fcntl

    def _acquire(fd: int, timeout: float, busy: tuple[int, ...] = (*_BUSY, errno.EACCES)) -> bool:
        deadline = time.monotonic() + timeout
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError as error:
                if error.errno not in busy:
                    raise
            if time.monotonic() >= deadline:
                return False
            time.sleep(delay)
            delay = min(delay * 2, 0.05)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _acquire(fd: int, timeout: float, busy: tuple[int, ...] = ()) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.02)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
