"""The one exception family for user errors, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT = 1  # bad value given by the user: a date, a figure, a file, a row
    USAGE = 2  # the command line itself is wrong (unknown option, missing argument)
    NOT_FOUND = 3  # an id, a source or a topic that does not exist
    DATABASE = 4  # the database cannot be used: unreadable, newer, locked, read-only
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it); nothing was written


class ClaimtrackError(Exception):
    """A problem the user can fix; shown as one 'Error:' line, never a traceback."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ParseError(ClaimtrackError, ValueError):
    """Text that is not a valid figure, date or other value."""


class NotFoundError(ClaimtrackError):
    exit_code = ExitCode.NOT_FOUND


class DatabaseError(ClaimtrackError):
    exit_code = ExitCode.DATABASE


class Interrupted(ClaimtrackError):
    exit_code = ExitCode.INTERRUPTED

    def __init__(self) -> None:
        super().__init__("interrupted; nothing was written")
