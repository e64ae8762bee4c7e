"""Reading a file a user named on the command line: one clear error for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from wattprint.core.cli.errors import UsageError
from wattprint.core.i18n import _


def read_text(path: Path, max_bytes: int, too_large: str) -> str:
    """The UTF-8 text of a file of at most `max_bytes`.

    Args:
        path: The file.
        max_bytes: The largest size accepted.
        too_large: The (translated) message when it is larger, with a {path} placeholder.

    Raises:
        UsageError: It is too large, not UTF-8 text, or cannot be read.
    """
    try:
        if path.stat().st_size > max_bytes:
            raise UsageError(too_large.format(path=path))
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(_("{path} is not UTF-8 text").format(path=path)) from None
    except OSError as error:
        raise UsageError(_("cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
