"""Opening the history for a CLI command: every storage problem becomes one clear line."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from wattprint.core import paths
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.store.history import StorageError, open_db
from wattprint.core.words.i18n import _


def open_history() -> Database:
    """The current profile's history (created when missing).

    Raises:
        UsageError: `$WATTPRINT_PROFILE` is not a valid profile name.
        UserError: The history cannot be opened (damaged, locked, newer schema); it is left as it is.
    """
    try:
        return open_db(paths.history_path())
    except paths.ProfileError as error:
        raise UsageError(str(error)) from None
    except StorageError as error:
        raise UserError(str(error)) from None


def parse_date(text: str) -> date:
    """A YYYY-MM-DD date from the command line.

    Raises:
        UsageError: It is not one.
    """
    from wattprint.core.pipe.protocol import FIRST_DAY, LAST_DAY

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(_("not a date (YYYY-MM-DD): {text}").format(text=repr(text))) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(
            _("{text} is outside the dates Wattprint handles ({first} to {last})").format(
                text=text, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
            )
        )
    return day
