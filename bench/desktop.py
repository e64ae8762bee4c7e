"""Desktop benchmarks: cold start to a shown window, the feed's first paint and the week over 1,000,000 rows, and
resident memory with that history open. No peer is measured for these: each row carries its target instead."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROWS = 1_000_000
WORK = Path(__file__).with_name(".work") / "desktop"
PROFILE = "bench1m"

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtCore import QObject, QEvent, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from wattprint.desktop.mainwindow import MainWindow

    class Exposed(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Expose and window.windowHandle().isExposed():
                print("exposed", time.time(), flush=True)
                QTimer.singleShot(300, finish)
                obj.removeEventFilter(self)
            return False

    def finish():
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(20000)
        app.processEvents()
        rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
        print("rss_kb", rss, "rows", window.feed_model.rowCount(), flush=True)
        window.close()
        app.quit()

    window = MainWindow(profile=sys.argv[1])
    watcher = Exposed()
    window.show()
    window.windowHandle().installEventFilter(watcher)
    if window.windowHandle().isExposed():
        print("exposed", time.time(), flush=True)
        QTimer.singleShot(300, finish)
    app.exec()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["WATTPRINT_DATA_DIR"] = str(WORK)
    return env


def _build_history() -> Path:
    """A 1,000,000-row history in the bench profile, built once from real estimated rows and cached."""
    os.environ["WATTPRINT_DATA_DIR"] = str(WORK)
    from wattprint.core import demo, history, paths
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.modeldata import load

    path = paths.history_path(PROFILE)
    db = history.open_db(path)
    if history.count(db) >= ROWS:
        db.conn.close()
        return path
    print(f"building a {ROWS:,}-row history in {path} (cached) ...", file=sys.stderr, flush=True)
    templates = history.Estimates(Estimator(load())).rows(demo.interactions(60, seed=9))
    columns = history.COLUMNS
    insert = f"INSERT OR IGNORE INTO interactions ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    end = datetime.now(UTC)
    span = timedelta(days=3 * 365).total_seconds()
    step = span / ROWS
    batch = []
    with history.transaction(db) as conn:
        for n in range(ROWS):
            template = templates[n % len(templates)]
            moment = end - timedelta(seconds=span - n * step)
            row = list(template)
            row[0] = str(uuid.UUID(int=n + 1, version=4))
            row[1] = history.utc_text(moment)
            row[2] = moment.timestamp()
            row[3] = moment.astimezone().date().isoformat()
            batch.append(tuple(row))
            if len(batch) == 50_000:
                conn.executemany(insert, batch)
                batch.clear()
        conn.executemany(insert, batch)
    db.conn.close()
    return path


def _cold_start() -> tuple[float, float]:
    """Seconds from spawning the app to its window being exposed, and its resident memory (MB) then."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, PROFILE], env=_env(), capture_output=True, text=True, timeout=120, check=True
    )
    exposed = rss = None
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts[0] == "exposed":
            exposed = float(parts[1])
        elif parts[0] == "rss_kb":
            rss = int(parts[1]) / 1024
    if exposed is None or rss is None:
        raise RuntimeError(f"the app did not report: {result.stdout} {result.stderr}")
    return exposed - start, rss


FEED_WEEK = textwrap.dedent(
    """
    import json, statistics, sys, time
    from datetime import date
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from wattprint.core import history, paths
    from wattprint.core.modeldata import load
    from wattprint.desktop.models.feedmodel import FeedModel
    from wattprint.desktop.views.feed import FeedView
    from wattprint.desktop.models.weekmodel import week_data
    data = load()
    db = history.open_db(paths.history_path(sys.argv[1]))
    painted = []

    class Paint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    start = time.perf_counter()
    model = FeedModel(db, data)
    view = FeedView(model, data)
    watcher = Paint()
    view.table.viewport().installEventFilter(watcher)
    view.resize(1100, 700)
    view.show()
    while not painted:
        app.processEvents()
    first_paint = painted[0] - start
    rows = model.rowCount()
    times = []
    for _ in range(7):
        t = time.perf_counter()
        week_data(db, data, date.today(), 0)
        times.append(time.perf_counter() - t)
    print(json.dumps({"first_paint": first_paint, "rows": rows, "week": statistics.median(times)}))
    """
)


def run() -> list[dict[str, object]]:
    """Runs the desktop benchmarks."""
    WORK.mkdir(parents=True, exist_ok=True)
    _build_history()
    starts = [_cold_start() for _ in range(3)]
    cold = statistics.median(s[0] for s in starts)
    rss = max(s[1] for s in starts)
    result = subprocess.run(
        [sys.executable, "-c", FEED_WEEK, PROFILE], env=_env(), capture_output=True, text=True, timeout=120, check=True
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return [
        {"name": "desktop cold start to shown window (1M rows)", "value": cold, "unit": "s", "peer": None,
         "peer_value": None, "target": 1.5},
        {"name": "feed first paint, 1M rows", "value": figures["first_paint"] * 1000, "unit": "ms", "peer": None,
         "peer_value": None, "target": 300},
        {"name": "week view computed, 1M rows", "value": figures["week"] * 1000, "unit": "ms", "peer": None,
         "peer_value": None, "target": 100},
        {"name": "app resident memory, 1M rows", "value": rss, "unit": "MB", "peer": None, "peer_value": None,
         "target": 250},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
