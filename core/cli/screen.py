"""Whether a window can be shown: checked before Qt starts, since Qt aborts (blaming a missing library) without one."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from wattprint.core.cli.errors import UserError
from wattprint.core.words.i18n import _


def has_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt has somewhere to draw a window.

    On Linux and the BSDs that is an X11 or Wayland display, or a Qt platform chosen by hand (QT_QPA_PLATFORM, for
    example `offscreen`); Windows and macOS always have one.
    """
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if platform.startswith("win") or platform == "darwin":
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def require_display() -> None:
    """Raises a one-line UserError when no window can be shown.

    Raises:
        UserError: There is no display (exit status 1).
    """
    if not has_display():
        raise UserError(
            _(
                "no display found: start Wattprint in a desktop session (DISPLAY and WAYLAND_DISPLAY are unset). "
                "Without one, 'wattprint report' and 'wattprint present --export' still work."
            )
        )


__all__ = ["has_display", "require_display"]
