"""Reports and exports rendered offscreen.

Their application object (without the offscreen platform's chatter), and what they render as the bytes of a file.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QBuffer, QIODevice, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage
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


def png_bytes(image: QImage) -> bytes:
    """`image` as a PNG file's bytes (written by the caller, 0600, whole or not at all)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 6.12 wants str
    return bytes(buffer.data().data())


__all__ = ["app", "png_bytes"]
