"""Files a user names on the command line, to read or to write: one clear error for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from wattprint.core.cli.errors import UsageError
from wattprint.core.store.files import FileRefusedError, OutputRefusedError, output_target, read_regular
from wattprint.core.words.i18n import _


def read_text(path: Path, max_bytes: int) -> str:
    """The UTF-8 text of a regular file of at most `max_bytes` (see `wattprint.core.store.files.read_regular`).

    Raises:
        UsageError: It is not a regular file, too large, not UTF-8 text, or cannot be read.
    """
    try:
        return read_regular(path, max_bytes).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(_("{path} is not UTF-8 text").format(path=path)) from None
    except FileRefusedError as error:
        raise UsageError(str(error)) from None


def check_output(path: Path) -> None:
    """Refuses, before any work is done, a file to write that exists and is not a regular file (`/dev/full`, a FIFO).

    Raises:
        UsageError: It is a folder, a device, a pipe or a socket (through a symlink too).
    """
    try:
        output_target(path)
    except OutputRefusedError as error:
        raise UsageError(_("cannot write {path}: {reason}").format(path=path, reason=error.strerror)) from None
