"""Reading a file a user named on the command line: one clear error for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from wattprint.core.cli.errors import UsageError
from wattprint.core.store.files import FileRefusedError, read_regular
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
