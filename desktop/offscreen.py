"""The application object of a report or an export: rendered offscreen, without the offscreen platform's chatter."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# Said by the offscreen platform for every window it lays out; harmless, and noise on a user's terminal.
_QUIET = ("This plugin does not support propagateSizeHints",)


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    del context
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message.startswith(_QUIET):
        return
    print(message, file=sys.stderr)


def app() -> QApplication:
    """The running QApplication, or a new one whose Qt messages leave out the offscreen platform's notices."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_handler)
    return QApplication(sys.argv[:1])


__all__ = ["app"]
