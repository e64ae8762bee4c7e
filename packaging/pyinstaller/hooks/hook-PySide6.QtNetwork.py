"""QtNetwork for local sockets only: Wattprint opens no network connection, so no TLS or network-status plugins."""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (source, target) for source, target in binaries if not {"tls", "networkinformation"} & set(Path(target).parts)
]
