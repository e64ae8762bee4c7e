"""Files a user names or receives: read only regular files, within a size limit; write files readable by the user only.

Reading: a file handed in by someone else may be a FIFO (opening it for reading waits for a writer forever), a symlink
to `/dev/zero` (never ends) or a folder. The file is opened without blocking, the opened descriptor's own `fstat` is
checked (so a swap after the check cannot fool it), and no more than the limit is ever read.

Writing: every file Wattprint writes outside its data folder (exports, shares, reports) may hold the user's history,
so it is created 0600 whatever the umask, next to its target under a temporary name, and moved into place only when
complete (a failed write leaves no half file). A target that is not a regular file (`/dev/full`, a FIFO, a folder, or
a symlink to one, such as `/dev/stdout`) is refused, never replaced by a file nor written to. A symlink is never
written through: the new file takes the link's place and the file it named is left as it was (a link planted in a
shared folder such as /tmp cannot point the export at another of the user's files).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from wattprint.core.words.i18n import _

PRIVATE_FILE = 0o600
MAX_NESTING = 32  # JSON arrays and objects inside each other; Wattprint's own files use 4


class FileRefusedError(ValueError):
    """A file that cannot be read as asked; the message says why, in one line."""


class OutputRefusedError(OSError):
    """A place no file may be written: it exists and is not a regular file (`strerror` says what it is)."""


def output_target(path: Path) -> Path:
    """`path`, checked as a place to write a new file (which replaces it, a symlink included, never what it names).

    Raises:
        OutputRefusedError: It exists and is a folder, a device, a pipe or a socket, or a symlink to one.
    """
    try:
        info = os.stat(path)  # through a symlink: a link to /dev/stdout is refused like /dev/stdout
    except (FileNotFoundError, NotADirectoryError):
        return path
    if stat.S_ISREG(info.st_mode):
        return path
    what = _("a folder") if stat.S_ISDIR(info.st_mode) else _("a pipe, device or socket")
    raise OutputRefusedError(errno.EINVAL, _("not a regular file but {what}").format(what=what), str(path))


def open_regular(path: Path, max_bytes: int) -> BinaryIO:
    """Opens a regular file of at most `max_bytes` for reading (the caller closes it).

    Raises:
        FileRefusedError: Not a regular file (a FIFO, a device, a folder, a socket), too large, or cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FileRefusedError(
            _("cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = _("a folder") if stat.S_ISDIR(info.st_mode) else _("a pipe, device or socket")
            raise FileRefusedError(_("{path} is not a regular file but {what}").format(path=path, what=what))
        if info.st_size > max_bytes:
            raise FileRefusedError(_("{path} is larger than {size}").format(path=path, size=size_text(max_bytes)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes` (never more are read, even if it grows meanwhile).

    Raises:
        FileRefusedError: See `open_regular`; also when reading fails.
    """
    with open_regular(path, max_bytes) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            reason = error.strerror or error
            raise FileRefusedError(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from None
    if len(data) > max_bytes:
        raise FileRefusedError(_("{path} is larger than {size}").format(path=path, size=size_text(max_bytes)))
    return data


def size_text(size: int) -> str:
    """A size limit in bytes as a short text (2 GiB, 50 MiB, 1 MB)."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size:,} bytes"


def nesting(value: Any) -> int:  # noqa: ANN401 - any JSON value
    """How deeply arrays and objects sit inside each other in a parsed JSON value (0 for a scalar); no recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


@contextlib.contextmanager
def private_output(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A new file readable by the user only, written under a temporary name and moved to `path` when complete.

    Args:
        path: Where the file ends up (replaced if it exists; a symlink there is replaced, not written through).
        binary: Yield a binary stream instead of UTF-8 text.

    Raises:
        OSError: It cannot be written; nothing is left behind. `OutputRefusedError` when `path` is not a regular file.
    """
    path = output_target(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE)  # whatever the umask
        stream = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with stream:
            yield stream
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private(path: Path, content: str | bytes) -> None:
    """Writes a whole file readable by the user only (see `private_output`)."""
    with private_output(path, binary=isinstance(content, bytes)) as out:
        out.write(content)


__all__ = [
    "MAX_NESTING",
    "FileRefusedError",
    "OutputRefusedError",
    "nesting",
    "open_regular",
    "output_target",
    "private_output",
    "read_regular",
    "size_text",
    "write_private",
]
