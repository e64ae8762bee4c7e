"""Where Wattprint keeps its files: the data folder, one history per profile, the host log and the app's socket.

The data folder is platformdirs' user data folder, or `$WATTPRINT_DATA_DIR` when set (tests use that). The default
profile is the user's real history (`<data>/history.db`); another profile, such as `demo`, lives apart in
`<data>/profiles/<name>/history.db`. The profile comes from the caller, else `$WATTPRINT_PROFILE`, so the CLI, the
host and the desktop app agree. Folders are created readable by the user only (0700), files 0600.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from wattprint.core.words.i18n import _

APP_NAME = "wattprint"
DATA_DIR_ENV = "WATTPRINT_DATA_DIR"
PROFILE_ENV = "WATTPRINT_PROFILE"
DEFAULT_PROFILE = "default"
PROFILE_NAME = re.compile(r"[a-z0-9_-]{1,32}")  # used with fullmatch
DB_NAME = "history.db"
LOG_NAME = "host.log"
# sun_path holds 108 bytes on Linux (104 on macOS), including the terminating NUL.
SUN_PATH_MAX = 103


class ProfileError(ValueError):
    """A profile name that is not 1 to 32 of a-z, 0-9, '_' or '-'."""


def check_profile(name: str | None) -> str:
    """The profile to use: `name`, else `$WATTPRINT_PROFILE`, else the default profile.

    Args:
        name: A profile name given by the caller, or None.

    Returns:
        A valid profile name ("default" for the user's real history).

    Raises:
        ProfileError: The name is not valid.
    """
    if name is None:
        name = os.environ.get(PROFILE_ENV) or DEFAULT_PROFILE
    if not isinstance(name, str) or not PROFILE_NAME.fullmatch(name):
        message = _("invalid profile name {name}: use 1 to 32 of a-z, 0-9, '_' or '-'")
        raise ProfileError(message.format(name=repr(name)))
    return name


def ensure_dir(path: Path) -> Path:
    """Creates a folder (and missing parents) readable by the user only; returns it."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, 0o700)
    return path


def data_dir(*, create: bool = True) -> Path:
    """The data folder: `$WATTPRINT_DATA_DIR`, else platformdirs' user data folder for Wattprint."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return ensure_dir(path) if create else path


def profile_dir(profile: str | None = None, *, create: bool = True) -> Path:
    """The folder of a profile's files (the data folder itself for the default profile)."""
    name = check_profile(profile)
    base = data_dir(create=create)
    path = base if name == DEFAULT_PROFILE else base / "profiles" / name
    return ensure_dir(path) if create else path


def profiles() -> list[str]:
    """The profiles that exist, the default first, then by name."""
    folder = data_dir(create=False) / "profiles"
    if not folder.is_dir():
        return [DEFAULT_PROFILE]
    return [DEFAULT_PROFILE, *sorted(p.name for p in folder.iterdir() if p.is_dir() and PROFILE_NAME.match(p.name))]


def history_path(profile: str | None = None, *, create: bool = True) -> Path:
    """The SQLite history of a profile."""
    return profile_dir(profile, create=create) / DB_NAME


def log_path() -> Path:
    """The host's rotating log file."""
    return data_dir() / LOG_NAME


class UnsafeFolderError(OSError):
    """A folder for the socket that Wattprint did not create for the user alone (another owner, open bits, a link)."""


def _owned_private(path: Path) -> bool:
    """Whether `path` is a real folder (not a link) owned by this user, with no access for group or others."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    owner_ok = getuid is None or info.st_uid == getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and stat.S_IMODE(info.st_mode) & 0o077 == 0


def _private_dir(path: Path) -> Path:
    """A folder of the user's alone: created 0700 when missing, else used only if it is private to the user.

    Private means owned by the user, no group or other access, and not a link: a folder someone else made first in a
    shared place such as /tmp is never used.

    Raises:
        UnsafeFolderError: It exists and is not private to the user.
    """
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError as error:
        raise UnsafeFolderError(error.errno, f"cannot create {path}: {error.strerror}") from None
    if not _owned_private(path):
        raise UnsafeFolderError(f"{path} is not a folder of this user's alone (owner, mode 0700); not used")
    return path


def _runtime_dir() -> Path | None:
    """`$XDG_RUNTIME_DIR` when it is a folder of the user's alone (as the XDG spec requires), else None."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute() and _owned_private(Path(runtime)):
        return Path(runtime)
    return None


def socket_path(profile: str | None = None) -> Path:
    """The local socket the desktop app listens on (QLocalServer with a full path), one per profile.

    With `$WATTPRINT_DATA_DIR` set, the socket lives in that folder so separate data folders never meet; otherwise in
    the user's runtime folder (`$XDG_RUNTIME_DIR`), else the data folder. A path too long for a Unix socket address
    falls back to a short one named after a hash of the long one, in `<runtime folder>/wattprint/`, else in
    `<temp>/wattprint-<uid>/`; such a folder is used only when it is the user's alone (created 0700, owned by the
    user, not a link), because anyone can create a folder of that name in the temporary folder first.

    Raises:
        UnsafeFolderError: The short path's folder exists and is not the user's alone (the caller sends no nudge and
            listens nowhere; the app still notices new rows on its own).
    """
    name = check_profile(profile)
    base = None if os.environ.get(DATA_DIR_ENV) else _runtime_dir()
    if base is None:
        base = data_dir()
    path = base / f"wattprint-{name}.sock"
    if len(os.fsencode(path)) <= SUN_PATH_MAX:
        return path
    digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:12]
    runtime = _runtime_dir()
    short_base = runtime / "wattprint" if runtime else Path(tempfile.gettempdir()) / f"wattprint-{_uid()}"
    return _private_dir(short_base) / f"{digest}.sock"


def _uid() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else os.environ.get("USERNAME", "user")


def is_windows(platform: str | None = None) -> bool:
    """Whether the platform (default: this one) is Windows."""
    return (platform or sys.platform).startswith("win")


__all__ = [
    "DEFAULT_PROFILE",
    "ProfileError",
    "UnsafeFolderError",
    "check_profile",
    "data_dir",
    "ensure_dir",
    "history_path",
    "log_path",
    "profile_dir",
    "profiles",
    "socket_path",
]
