"""What can go wrong with the database file, each with one clear sentence."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # for annotations only: reading the database needs no pathlib here
    from pathlib import Path


class StoreError(Exception):
    """A problem with the database; ``str()`` is one line fit for a person."""


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is not None:
            import shlex  # only when there is a backup to name; keeps the read path lean

            hint = f"to restore the latest backup: cp {shlex.quote(str(backup))} {shlex.quote(str(path))}"
        else:
            hint = "no backup was found beside it"
        super().__init__(
            f"cannot read the database {path} ({problem}); it was left untouched; {hint}"
        )


class NewerDatabase(StoreError):
    def __init__(self, path: Path, version: int, known: int) -> None:
        super().__init__(
            f"the database {path} was written by a newer Waiting Room "
            f"(schema {version}, this one knows up to {known}); please upgrade"
        )


class Busy(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the database {path} stayed locked by another Waiting Room; nothing was changed, try again"
        )


class SaveFailed(StoreError):
    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(f"could not save {path} ({reason}); nothing was changed")


class NotFound(StoreError):
    pass


class Refused(StoreError):
    """A path the store will not open, read or write (see ``guard``): one line, exit 2."""


class SaveUncertain(StoreError):
    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(
            f"the disk reported an error while saving {path} ({reason}); the change may not "
            "have reached the disk: check the disk, then look at the database again"
        )
