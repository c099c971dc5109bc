"""Files the user names: what kind each is, reading one up to a cap, and writing
output that appears whole (through a symlink, onto the file it names) or that
streams to a device or a pipe. Every failure is one ClaimtrackError naming the
path; nothing here waits on a FIFO or reads without end."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from claimtrack.errors import ClaimtrackError

FILE, DIRECTORY, MISSING = "file", "directory", "missing"
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind_of(mode: int) -> str:
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return DIRECTORY
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def path_kind(path: Path, error: type[ClaimtrackError] = ClaimtrackError) -> str:
    """FILE, DIRECTORY, MISSING, or the words for anything else ('a FIFO (named pipe)').

    Symlinks are followed; a path that cannot even be looked at (a name too
    long, a folder without permission) raises `error`."""
    try:
        return _kind_of(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return MISSING
    except OSError as problem:
        raise error(f"{path}: {problem.strerror or problem}") from None
    except ValueError:  # a NUL in the name
        raise error(f"{path!r}: not a usable file name") from None


def size_words(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{size:,} bytes"


def read_file(path: Path, cap: int, error: type[ClaimtrackError] = ClaimtrackError) -> bytes:
    """A regular file's bytes, refusing anything else and anything over `cap` bytes.

    Read only up to the cap, so that a file growing while it is read ends the
    read too."""
    data = read_head(path, cap + 1, error)
    if len(data) > cap:
        raise error(f"{path}: larger than {size_words(cap)}, the most claimtrack reads")
    return data


def read_head(path: Path, size: int, error: type[ClaimtrackError] = ClaimtrackError) -> bytes:
    """The first `size` bytes of a regular file (all of it, if shorter).

    The file is opened without blocking and checked once open, so that a FIFO
    put in its place meanwhile is refused rather than waited on."""
    kind = path_kind(path, error)
    if kind == MISSING:
        raise error(f"{path}: no such file")
    if kind == DIRECTORY:
        raise error(f"{path}: is a directory, not a file")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as problem:
        raise error(f"{path}: cannot read it ({problem.strerror})") from None
    with open(descriptor, "rb", closefd=True) as handle:
        kind = _kind_of(os.fstat(descriptor).st_mode)
        if kind != FILE:
            raise error(f"{path}: is {kind}, not a regular file")
        try:
            return handle.read(size)
        except OSError as problem:
            raise error(f"{path}: cannot read it ({problem.strerror})") from None


def write_whole(chunks: Iterable[str] | Iterable[bytes], output: Path) -> None:
    """Write text (as UTF-8) or bytes to OUTPUT: a regular file (or a new one) is replaced whole or not
    at all, through a symlink onto the file it names; a device or a FIFO
    (/dev/stdout, a named pipe) is written as the text comes."""
    kind = path_kind(output)
    if kind == DIRECTORY:
        raise ClaimtrackError(f"{output} is a directory; give a file name")
    if kind not in (FILE, MISSING):
        _stream(chunks, output)
        return
    target = Path(os.path.realpath(output))  # where a symlink, or a chain of them, leads
    folder = target.parent
    if path_kind(folder) != DIRECTORY:
        raise ClaimtrackError(f"cannot write to {output}: {folder} is not a folder")
    temporary = folder / f".{target.name[:100]}.{os.urandom(4).hex()}.partial"
    try:
        # Created as open() would create the file (0666 less the umask), not 0600.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as problem:
        raise ClaimtrackError(f"cannot write to {output}: {problem.strerror}") from None
    try:
        with open(descriptor, "wb") as out:
            for chunk in chunks:
                out.write(_bytes(chunk))
            out.flush()
            os.fsync(descriptor)
        if kind == FILE:
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except OSError as problem:
        temporary.unlink(missing_ok=True)
        raise ClaimtrackError(f"cannot write to {output}: {problem.strerror}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _bytes(chunk: str | bytes) -> bytes:
    return chunk if isinstance(chunk, bytes) else chunk.encode("utf-8")


def _stream(chunks: Iterable[str] | Iterable[bytes], output: Path) -> None:
    try:
        with open(output, "wb") as out:
            for chunk in chunks:
                out.write(_bytes(chunk))
    except OSError as problem:
        raise ClaimtrackError(f"cannot write to {output}: {problem.strerror}") from None
