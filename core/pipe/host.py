"""`wattprint-host`: the native-messaging host the browser starts for the Wattprint extension (PROTOCOL.md).

It reads frames from standard input, answers each with one frame on standard output, and logs to `host.log` in the
data folder (never to standard output). A `record` is acknowledged only after its items are committed. The database
and the estimator are opened on first use, so the first reply (usually `hello`) comes quickly.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

from wattprint.core import paths
from wattprint.core.pipe import framing
from wattprint.core.pipe.protocol import Code, ProtocolError, error_reply
from wattprint.core.store.memo import SizedLRU

if TYPE_CHECKING:
    from sqlite_utils import Database

    from wattprint.core.model.estimator import Estimator
    from wattprint.core.pipe.protocol import Health, Hello, Record, Summary
    from wattprint.core.store.history import EstimateValues, InputKey

ALLOWED_ORIGINS_ENV = "WATTPRINT_ALLOWED_ORIGINS"
BUSY_TIMEOUT_ENV = "WATTPRINT_BUSY_TIMEOUT_MS"
LOG_BYTES = 1024 * 1024  # bytes per log file
LOG_BACKUPS = 2
PAYLOAD_MEMO_BYTES = 32 * 1024 * 1024  # bytes of estimates kept by their inputs (least recently used go first)
PAYLOAD_ENTRY_BYTES = 1200  # bytes an entry weighs besides its JSON text: its key and values (measured, CPython 3.11)
DAMAGE_RECHECK_S = 30.0  # seconds a damaged history is not opened again
GC_THRESHOLD = 10_000  # allocations between collections of the youngest generation (Python's default: 700)

log = logging.getLogger("wattprint.host")


class Host:
    """Answers the messages of one connection.

    Args:
        profile: The profile whose history to use (None: `$WATTPRINT_PROFILE`, else the default).
        own_process: The host is the whole process (`wattprint-host`), so it may tune the garbage collector.
    """

    def __init__(self, profile: str | None = None, *, own_process: bool = False) -> None:
        self.profile = profile
        self.own_process = own_process
        self.browser: str | None = None
        self._db: Database | None = None
        self._damaged: tuple[Exception, float] | None = None  # the damage found, and when (time.monotonic)
        self._estimator: Estimator | None = None
        # input key -> (estimate columns, their JSON for the ack): equal inputs are estimated once
        self._payloads: SizedLRU[InputKey, tuple[EstimateValues, str]] = SizedLRU(PAYLOAD_MEMO_BYTES)
        self._lang = ""  # the language of the estimates' texts, read from the environment once
        self.stored_ids: list[str] = []  # ids stored by the last message, for the nudge

    # -- resources ---------------------------------------------------------------------------------------------------

    def db(self) -> Database:
        """The history, opened on first use and checked (never repaired here: a damaged file gets error 9).

        Raises:
            StorageError: It cannot be opened, or SQLite's quick check finds it damaged (checked again at most every
                `DAMAGE_RECHECK_S` seconds, so a repair made meanwhile is noticed).
        """
        if self._db is None:
            import time

            from wattprint.core.store import history, recover

            if self._damaged is not None and time.monotonic() - self._damaged[1] < DAMAGE_RECHECK_S:
                raise self._damaged[0]
            try:
                db = history.open_db(profile=self.profile, busy_timeout_ms=_busy_timeout())
            except paths.ProfileError as error:
                raise history.StorageError(str(error)) from None
            problem = recover.damage(db.conn)
            if problem is not None:
                db.conn.close()
                damaged = history.CorruptDatabaseError(paths.history_path(self.profile), problem)
                self._damaged = (damaged, time.monotonic())
                log.error("history damaged: %s", problem)
                raise damaged
            self._damaged = None
            self._db = db
        return self._db

    def _check_after_error(self) -> None:
        """After a storage error: when the open history fails its quick check, close it (later messages get error 9)."""
        import time

        from wattprint.core.store import history, recover

        if self._db is None:
            return
        try:
            problem = recover.damage(self._db.conn)
        except Exception:  # the check itself failed: treat the file as suspect
            problem = "the quick check could not run"
        if problem is not None:
            log.error("history damaged: %s", problem)
            self.close()
            error = history.CorruptDatabaseError(paths.history_path(self.profile), problem)
            self._damaged = (error, time.monotonic())

    def estimator(self) -> Estimator:
        """The estimator, built on first use."""
        if self._estimator is None:
            from wattprint.core.model.estimator import Estimator
            from wattprint.core.model.modeldata import load
            from wattprint.core.store import preferences
            from wattprint.core.words.i18n import language

            zone = preferences.read(self.db()).zone  # the user's grid override, chosen in the app
            self._estimator = Estimator(load(), zone=zone)
            self._lang = language()
            if self.own_process:
                _settle_memory()
        return self._estimator

    def close(self) -> None:
        """Closes the database."""
        if self._db is not None:
            self._db.conn.close()
            self._db = None

    # -- messages ----------------------------------------------------------------------------------------------------

    def handle(self, frame: bytes) -> dict[str, Any]:
        """The reply to one frame (an error reply for anything unusable)."""
        return self.finish(self.prepare(frame))

    def prepare(self, frame: bytes) -> Job:
        """The work of one frame before its commit: parsing, validating and estimating."""
        import sqlite3

        from wattprint.core.pipe import protocol
        from wattprint.core.store.history import StorageError

        req = None
        try:
            message = protocol.parse(frame)
            req = protocol.echoable_req(message)
            parsed = protocol.request(message)
            if isinstance(parsed, protocol.Record):
                return Job(self._prepare_record(parsed), req)
            handler = getattr(self, f"_on_{message['type']}")
            return Job(lambda: handler(parsed), req)
        except ProtocolError as error:
            if error.code not in (Code.NOT_JSON, Code.NOT_UTF8):
                log.info("error %d: %s", error.code, error.message)
            return Job(None, req, error.reply())
        except (StorageError, sqlite3.Error) as error:
            log.error("storage unavailable: %s", error)
            return Job(None, req, error_reply(Code.STORAGE, f"storage unavailable, retry later: {error}", req))
        except Exception:
            log.exception("internal error")
            return Job(None, req, error_reply(Code.INTERNAL, "internal error (logged in host.log); retry later", req))

    def finish(self, job: Job) -> dict[str, Any]:
        """Runs the database part of a prepared frame and returns its reply."""
        import sqlite3

        from wattprint.core.store.history import StorageError

        self.stored_ids = []
        if job.work is None:
            assert job.reply is not None  # a job without work carries its reply
            return job.reply
        try:
            reply = job.work()
        except (StorageError, sqlite3.Error) as error:
            log.error("storage unavailable: %s", error)
            self._check_after_error()
            return error_reply(Code.STORAGE, f"storage unavailable, retry later: {error}", job.req)
        except Exception:
            log.exception("internal error")
            return error_reply(Code.INTERNAL, "internal error (logged in host.log); retry later", job.req)
        if job.req is not None:
            reply["req"] = job.req
        return reply

    def _on_hello(self, message: Hello) -> dict[str, Any]:
        from wattprint.core.model.dataversion import data_version
        from wattprint.core.store.history import StorageError
        from wattprint.core.store.settings import Settings, read
        from wattprint.core.version import __version__

        self.browser = message.browser
        try:
            settings = read(self.db())
        except StorageError as error:
            log.error("hello without the stored settings: %s", error)
            settings = Settings()
        return {
            "type": "hello",
            "protocol": 1,
            "app_version": __version__,
            "model_version": data_version(),  # the data files' version, without parsing them (a quicker first reply)
            "settings": settings.to_message(),
        }

    def _on_settings(self, message: object) -> dict[str, Any]:
        from wattprint.core.store.settings import read

        return {"type": "settings", **read(self.db()).to_message()}

    def _on_summary(self, message: Summary) -> dict[str, Any]:
        from wattprint.core.model.modeldata import load
        from wattprint.core.store import queries

        day = message.date or date.today()
        if message.period == "day":
            result = queries.day_summary(self.db(), load(), day)
        else:
            result = queries.week_summary(self.db(), load(), day, message.first_weekday)
        return {"type": "summary", **result}

    def _on_health(self, message: Health) -> dict[str, Any]:
        from wattprint.core.store.history import record_health

        adapters = [
            {
                "service": a.service,
                "ok": a.ok,
                "since": a.since.isoformat() if a.since else None,
                "detail": a.detail,
            }
            for a in message.adapters
        ]
        record_health(self.db(), adapters, self.browser)
        return {"type": "ok"}

    def _prepare_record(self, message: Record) -> Callable[[], dict[str, Any]]:
        """Validates and estimates a record's items; the returned work stores them and builds the ack."""
        from wattprint.core.model.estimator import UNRESOLVED
        from wattprint.core.pipe import protocol
        from wattprint.core.store import history, queries

        estimator = self.estimator()
        data = estimator.data
        unresolved_mark = f'"{UNRESOLVED}'  # how its warning begins in the stored warnings (a JSON list of strings)
        warnings_at = history.ESTIMATE_COLUMNS.index("warnings")
        good = []
        rejected = []
        for index, item in enumerate(message.items):
            checked = protocol.check_item(index, item)
            if isinstance(checked, protocol.Rejection):
                rejected.append(checked.to_message())
            else:
                good.append((item["id"], checked))
        received = history.now_text()
        version = estimator.version
        rows = []
        payloads = framing.Encoded()
        unresolved = []  # items whose page-reported model matched nothing: the estimate itself says so
        for sent_id, interaction in good:
            key = history.input_key(interaction)
            cached = self._payloads.get(key)
            if cached is None or cached[0][-1] != version:
                values = history.estimate_values(estimator.figures(interaction), version)
                cached = (values, queries.estimate_json(values, data, self._lang))
                self._payloads.put(key, cached, PAYLOAD_ENTRY_BYTES + len(cached[1]))
            rows.append(history.build_row(interaction, key, cached[0], received, sent_id.lower()))
            payloads.put(sent_id, cached[1])
            chat_model = interaction.kind == "chat" and interaction.model is not None
            if chat_model and unresolved_mark in cached[0][warnings_at]:
                unresolved.append(sent_id)
        sent_ids = [sent_id for sent_id, _ in good]

        def store() -> dict[str, Any]:
            result = history.store(self.db(), rows)
            # Ids are echoed as each item sent it: the first occurrence of a newly stored id (in any case) is stored,
            # every other occurrence a duplicate.
            new = set(result.stored)
            stored = []
            duplicate = []
            for row, sent_id in zip(rows, sent_ids, strict=True):
                if row[0] in new:
                    new.discard(row[0])
                    stored.append(sent_id)
                else:
                    duplicate.append(sent_id)
            self.stored_ids = result.stored
            if rejected or duplicate:
                log.info("record: %d stored, %d duplicate, %d rejected", len(stored), len(duplicate), len(rejected))
            ack: dict[str, Any] = {"type": "ack", "stored": stored, "duplicate": duplicate, "rejected": rejected}
            if unresolved:
                ack["unresolved"] = unresolved
            return {**ack, "estimates": payloads}

        return store


@dataclass(frozen=True, slots=True)
class Job:
    """One frame, prepared: the database work still to do (or the reply already known) and the request id."""

    work: Callable[[], dict[str, Any]] | None
    req: str | None
    reply: dict[str, Any] | None = None


def _settle_memory() -> None:
    """Keeps the collector off the long-lived objects (modules, model data, the database) once they are loaded.

    A record creates thousands of short-lived objects and no reference cycles of note; without this, every few
    records the cyclic collector walks everything the host ever loaded.
    """
    import gc

    gc.freeze()
    gc.set_threshold(GC_THRESHOLD)


def _busy_timeout() -> int:
    """How long to wait for another writer, in ms (`$WATTPRINT_BUSY_TIMEOUT_MS` overrides it, for tests)."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, "")))
    except ValueError:
        from wattprint.core.store.history import BUSY_TIMEOUT_MS

        return BUSY_TIMEOUT_MS


def _setup_logging() -> None:
    from logging.handlers import RotatingFileHandler

    try:
        handler: logging.Handler = RotatingFileHandler(
            paths.log_path(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", errors="backslashreplace"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # the browser keeps a host's stderr in its own log
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def _reply(out: BinaryIO, reply: dict[str, Any]) -> None:
    frame = framing.encode(reply)
    if len(frame) - framing.HEADER.size > framing.MAX_FRAME and reply.get("type") == "ack":
        # 500 estimates fit well under 1 MiB; should one ever not, the ack still goes out, without the estimates.
        frame = framing.encode({**reply, "estimates": {}})
    framing.write_frame(out, frame)


def serve(stdin: BinaryIO, stdout: BinaryIO, host: Host) -> int:
    """Answers frames until the input ends; returns the exit status."""
    from wattprint.core.pipe import nudge

    while True:
        try:
            frame = framing.read_frame(stdin)
        except framing.FrameError as error:
            log.error("closing: %s", error)
            with contextlib.suppress(OSError):
                _reply(stdout, error_reply(Code.BAD_FRAME, str(error)))
            return 0
        if frame is None:
            return 0
        reply = host.handle(frame)
        try:
            _reply(stdout, reply)
        except (BrokenPipeError, OSError):
            log.info("the browser closed the connection")
            return 0
        if host.stored_ids:
            with contextlib.suppress(OSError, paths.ProfileError):
                nudge.send(paths.socket_path(host.profile), host.stored_ids)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `wattprint-host`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if hasattr(os, "umask"):
        os.umask(0o077)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the frames
    _setup_logging()
    from wattprint.core.pipe.protocol import caller_allowed

    if not caller_allowed(args, os.environ.get(ALLOWED_ORIGINS_ENV)):
        log.warning("refused caller %r", args[:2])
        framing.write_frame(stdout, framing.encode(error_reply(Code.FOREIGN_CALLER, "not Wattprint's extension")))
        return 1
    host = Host(own_process=True)
    try:
        return serve(stdin, stdout, host)
    except KeyboardInterrupt:
        return 0
    finally:
        host.close()


__all__ = ["Host", "main", "serve"]


# `python -m wattprint.core.pipe.host`: how the launcher runs the host when no wattprint-host is installed.
if __name__ == "__main__":
    sys.exit(main())
