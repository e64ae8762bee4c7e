"""The entry point of both executables in the one-folder bundle.

PyInstaller builds `wattprint` and `wattprint-host` from this one script, so both share one set of libraries; the
name each was started under picks what it runs. With `WATTPRINT_SMOKE_TEST=1` the app prints one JSON line once its
main window is shown, closes it (the bundle test starts it that way).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

SMOKE_ENV = "WATTPRINT_SMOKE_TEST"
SETTLE_MS = 500  # ms the smoke test leaves the shown window open
_keep: list[Any] = []  # the smoke test's QApplication, alive until the app exits


def _arm_smoke_test() -> None:
    """Creates the QApplication the app will use, with a timer that reports the shown main window and quits."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    _keep.append(app)

    def check() -> None:
        shown = [w for w in app.topLevelWidgets() if w.isVisible() and type(w).__name__ == "MainWindow"]
        if not shown:
            QTimer.singleShot(50, check)
            return
        window = shown[0]
        sizes = sorted(s.width() for s in window.windowIcon().availableSizes())
        print(json.dumps({"ready": True, "title": window.windowTitle(), "icon_sizes": sizes}), flush=True)
        # Close it as a user would, once the start-up work queued behind the first paint has run.
        QTimer.singleShot(SETTLE_MS, window.close)
        QTimer.singleShot(SETTLE_MS + 5000, app.quit)  # in case closing the window does not end the app

    QTimer.singleShot(0, check)


def main() -> int:
    """Runs the host when started as `wattprint-host`, else the `wattprint` command (the app with no arguments)."""
    multiprocessing.freeze_support()
    if Path(sys.executable).name.removesuffix(".exe") == "wattprint-host":
        from wattprint.core.pipe.host import main as host

        return host()
    if os.environ.get(SMOKE_ENV) == "1" and len(sys.argv) == 1:
        _arm_smoke_test()
    from wattprint.core.cli import main as cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())
