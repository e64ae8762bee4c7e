"""Noticing new history: the host's nudge over a local socket, and a timer that notices any process's writes.

The host connects to `paths.socket_path(profile)` after each commit and sends one JSON line
`{"type": "stored", "ids": [...]}`. The app also polls `PRAGMA data_version` on its own connection, which changes
whenever another connection commits, so a missing nudge (an older host, the CLI's import) only delays an update.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

POLL_MS = 2000  # fallback check for changes made by any process
MAX_LINE = 64 * 1024  # bytes; a nudge is a short line, anything longer is dropped


class LiveUpdates(QObject):
    """Listens for the host's nudges and watches the database for other writers.

    Args:
        socket_path: Full path of the local socket to listen on (None: only poll).
        data_version: Returns the database's `PRAGMA data_version` (on the app's own connection).
        parent: The owner.

    Signals:
        changed: Emitted with the stored ids (empty when only the timer noticed) when the history changed.
    """

    changed = Signal(list)

    def __init__(self, socket_path: str | None, data_version: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_version = data_version
        self._version = self._read_version()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.listening = False
        if socket_path is not None:  # None: no private folder for a socket; the poll alone notices changes
            QLocalServer.removeServer(socket_path)
            self.listening = self.server.listen(socket_path)
        self.server.newConnection.connect(self._accept)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read_version(self) -> int:
        try:
            return self._data_version()
        except sqlite3.Error:
            return -1

    @Slot()
    def poll(self) -> None:
        """Emits `changed` when another connection committed since the last check."""
        version = self._read_version()
        if version != self._version:
            self._version = version
            self.changed.emit([])

    def mark_seen(self) -> None:
        """Records the current version as seen (after the app refreshed for another reason)."""
        self._version = self._read_version()

    @Slot()
    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            self._handle(line)
        if socket.bytesAvailable() > MAX_LINE:
            socket.abort()

    def _handle(self, line: bytes) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        if isinstance(message, dict) and message.get("type") == "stored":
            ids = message.get("ids")
            self._version = self._read_version()
            self.changed.emit([str(i) for i in ids] if isinstance(ids, list) else [])

    def close(self) -> None:
        """Stops listening and polling; removes the socket file."""
        self.timer.stop()
        self.server.close()
