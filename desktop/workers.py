"""Running slow work off the GUI thread: a QRunnable that hands its result back through a signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    """The signals of a Task (a QRunnable cannot have its own).

    Signals:
        done: Emitted with the function's result.
        failed: Emitted with an error message when the function raised.
    """

    done = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Calls a function on a pool thread. The function must not touch widgets, and opens its own database.

    Args:
        fn: The work; its return value is emitted with `signals.done`.
    """

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()

    def run(self) -> None:
        """Runs the function (on a pool thread)."""
        try:
            result = self.fn()
        except Exception as error:  # reported to the GUI, which shows it
            traceback.print_exc()
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.signals.done.emit(result)


class Runner(QObject):
    """Starts tasks and keeps them alive until they report back.

    Args:
        parent: The owner.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
    ) -> Task:
        """Runs `fn` on the pool; `done(result)` (or `failed(message)`) then runs on the GUI thread."""
        task = Task(fn)
        task.setAutoDelete(False)
        self._running.add(task)

        def finish(result: object) -> None:
            self._running.discard(task)
            done(result)

        def fail(message: str) -> None:
            self._running.discard(task)
            if failed is not None:
                failed(message)

        task.signals.done.connect(finish)
        task.signals.failed.connect(fail)
        self.pool.start(task)
        return task

    def busy(self) -> bool:
        """Whether any task has not reported back yet."""
        return bool(self._running)

    def wait(self, msecs: int = 10_000) -> bool:
        """Waits for the pool's tasks to finish (at shutdown); False when it timed out."""
        return bool(self.pool.waitForDone(msecs))
