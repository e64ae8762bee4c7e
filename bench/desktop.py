"""Desktop benchmarks: cold start to a shown window, the feed's first paint and the week over 1,000,000 rows, and
resident memory with that history open. Peers, measured in the same run: a bare PySide6 QMainWindow started and shown
the same way (the floor for cold start and memory), and the same page and week queries in bare SQL on the same file."""

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

    if sys.argv[1] == "--bare":
        from PySide6.QtWidgets import QMainWindow

        class Model:
            def rowCount(self):
                return 0

        window = QMainWindow()
        window.feed_model = Model()
        window.resize(1100, 700)
    else:
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
    from wattprint.core import paths
    from wattprint.core.insight import demo
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history

    path = paths.history_path(PROFILE)
    db = history.open_db(path)
    if history.count(db) >= ROWS:
        db.conn.close()
        return path
    print(f"building a {ROWS:,}-row history in {path} (cached) ...", file=sys.stderr, flush=True)
    templates = history.Estimates(Estimator(load())).rows(demo.interactions(60, seed=9))
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
                history.insert_rows(conn, batch)
                batch.clear()
        history.insert_rows(conn, batch)
    db.conn.close()
    return path


def _cold_start(profile: str = PROFILE) -> tuple[float, float]:
    """Seconds from spawning the app to its window being exposed, and its resident memory (MB) then; with profile
    "--bare", the same for an empty QMainWindow."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, profile], env=_env(), capture_output=True, text=True, timeout=120, check=True
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
    from wattprint.core import paths
    from wattprint.core.store import history
    from wattprint.core.model.modeldata import load
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
    # Peers: the same SQL in bare sqlite3 on the same file (the feed's first page; the week and the week before).
    import sqlite3
    from datetime import timedelta
    from wattprint.core.store import queries
    conn = sqlite3.connect(str(paths.history_path(sys.argv[1])))
    page_sql = f"SELECT {', '.join(history.COLUMNS)} FROM interactions ORDER BY ts DESC, id DESC LIMIT ?"
    page_times = []
    for _ in range(7):
        t = time.perf_counter()
        assert len(conn.execute(page_sql, (rows + 1,)).fetchall()) == rows + 1
        page_times.append(time.perf_counter() - t)
    sums = ", ".join(f"sum({c})" for c in queries._RANGE_COLUMNS)
    week_sql = (f"SELECT day, service, ai, sum(count), {sums} FROM daily"
                " WHERE day BETWEEN ? AND ? GROUP BY day, service, ai")
    monday = queries.week_start(date.today())
    sql_times = []
    for _ in range(7):
        t = time.perf_counter()
        for first in (monday, monday - timedelta(days=7)):
            conn.execute(week_sql, (first.isoformat(), (first + timedelta(days=6)).isoformat())).fetchall()
        sql_times.append(time.perf_counter() - t)
    print(json.dumps({"first_paint": first_paint, "rows": rows, "week": statistics.median(times),
                      "page_sql": statistics.median(page_times), "week_sql": statistics.median(sql_times)}))
    """
)


def run() -> list[dict[str, object]]:
    """Runs the desktop benchmarks."""
    WORK.mkdir(parents=True, exist_ok=True)
    _build_history()
    starts = [_cold_start() for _ in range(3)]
    cold = statistics.median(s[0] for s in starts)
    rss = max(s[1] for s in starts)
    bare = [_cold_start("--bare") for _ in range(3)]
    bare_cold = statistics.median(s[0] for s in bare)
    bare_rss = max(s[1] for s in bare)
    result = subprocess.run(
        [sys.executable, "-c", FEED_WEEK, PROFILE], env=_env(), capture_output=True, text=True, timeout=120, check=True
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    page = f"bare SQL: the feed's first page query ({figures['rows']} rows fetched) via sqlite3, same file"
    return [
        {"name": "desktop cold start to shown window (1M rows)", "value": cold, "unit": "s",
         "peer": "bare PySide6 QMainWindow, spawned and shown the same way", "peer_value": bare_cold, "target": 1.5},
        {"name": "feed first paint, 1M rows", "value": figures["first_paint"] * 1000, "unit": "ms", "peer": page,
         "peer_value": figures["page_sql"] * 1000, "target": 300},
        {"name": "week view computed, 1M rows", "value": figures["week"] * 1000, "unit": "ms",
         "peer": "bare SQL: the same rollup query (week + week before) via sqlite3, same file",
         "peer_value": figures["week_sql"] * 1000, "target": 100},
        {"name": "app resident memory, 1M rows", "value": rss, "unit": "MB",
         "peer": "bare PySide6 QMainWindow (same measurement)", "peer_value": bare_rss, "target": 250},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
