"""`wattprint doctor`: is the host registered, is the history healthy, what did the extension last report."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from wattprint.core import paths
from wattprint.core.cli.errors import UsageError
from wattprint.core.model.modeldata import load
from wattprint.core.pipe import capture_health, install_host
from wattprint.core.store import history, migrations, recover
from wattprint.core.store.reestimate import outdated, reestimate, workers_for
from wattprint.core.words import display
from wattprint.core.words.i18n import _, pad


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "doctor",
        help="check the host registration and the history",
        description="Report which browsers can start the host and the health of the history database.",
    )
    parser.add_argument(
        "--repair",
        action="store_true",
        help="keep a copy of a damaged history and start a new one; re-estimate rows of older model data",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def check_database(path: Path, repair: bool) -> dict[str, Any]:
    """The health of a history database (repairing it when asked)."""
    report: dict[str, Any] = {"path": str(path), "exists": path.exists(), "ok": False}
    if repair and path.exists():
        damaged = False
        try:
            db = history.open_db(path)
            damaged = recover.damage(db.conn) is not None
            db.conn.close()
        except history.CorruptDatabaseError:
            damaged = True
        except history.StorageError:
            pass
        if damaged:
            try:
                saved = recover.repair(path)
            except (history.StorageError, OSError) as error:
                report["error"] = str(error)
                return report
            report["kept_copy"] = str(saved.kept)
            report["recovered_rows"] = saved.recovered
    try:
        db = history.open_db(path)
    except history.StorageError as error:
        report["error"] = str(error)
        return report
    conn = db.conn
    try:
        report["integrity"] = [row[0] for row in conn.execute("PRAGMA integrity_check")][:10]
        report["schema_version"] = migrations.version(conn)
        report["rows"] = history.count(db)
        report["last_event"] = history.last_event(db)
        report["adapters"] = history.adapter_health(db)
        report["capture_warnings"] = capture_health.warning_lines(report["adapters"])
        from wattprint.core.model.estimator import Estimator
        from wattprint.core.store import preferences

        estimator = Estimator(load(), zone=preferences.read(db).zone)
        version = estimator.version
        report["model_version"] = version
        report["outdated_rows"] = outdated(db, version)
        if repair and report["outdated_rows"]:
            workers = workers_for(report["outdated_rows"])
            report["reestimated"] = reestimate(db, estimator, workers=workers)
            report["outdated_rows"] = outdated(db, version)
        report["ok"] = report["integrity"] == ["ok"]
    except history.StorageError as error:
        report["error"] = str(error)
    except Exception as error:
        report["error"] = _("the history database is damaged: {reason}").format(reason=error)
    finally:
        conn.close()
    return report


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint doctor`."""
    try:
        path = paths.history_path()
    except paths.ProfileError as error:
        raise UsageError(str(error)) from None
    system = install_host.os_name()
    report: dict[str, Any] = {
        "profile": paths.check_profile(None),
        "browsers": install_host.registered(system, Path.home(), paths.data_dir()),
        "database": check_database(path, args.repair),
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render(report, args.repair))
    return 0 if report["database"]["ok"] else 1


def _local(ts: str | None) -> str:
    """A stored UTC time ("2026-11-22T10:00:00.000000Z") as this machine's local time ("2026-11-22 11:00")."""
    if not ts:
        return "?"
    try:
        moment = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return ts
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _service(key: str) -> str:
    known = load().services.get(key)
    return display.name(known.name) if known else key


def render(report: dict[str, Any], repair: bool = False) -> str:
    """The report as text (`repair`: say so when --repair found nothing to repair)."""
    lines = [_("Profile: {profile}").format(profile=report["profile"]), _("Browsers that can start the host:")]
    for browser, entry in report["browsers"].items():
        state = _("registered") if entry["installed"] else _("not registered")
        problems = f" - {'; '.join(entry['problems'])}" if entry["problems"] else ""
        lines.append(f"  {browser:9} {state}{problems}")
    if not any(entry["installed"] for entry in report["browsers"].values()):
        lines.append("  " + _("(run 'wattprint install-host' to register it)"))
    db = report["database"]
    lines.append(_("History: {path}").format(path=db["path"]))
    if db.get("kept_copy"):
        lines.append(
            "  " + _("the damaged file was kept as {path}; a new history was started").format(path=db["kept_copy"])
        )
        lines.append("  " + _("{count} readable rows were recovered").format(count=f"{db['recovered_rows']:,}"))
    if db.get("error"):
        lines.append("  " + _("PROBLEM: {reason}").format(reason=db["error"]))
        return "\n".join(lines)
    lines.append("  " + _("integrity: {result}").format(result=", ".join(db["integrity"])))
    lines.append(
        "  "
        + _("schema version: {version}, interactions: {count}").format(
            version=db["schema_version"], count=f"{db['rows']:,}"
        )
    )
    last = db["last_event"]
    if last:
        lines.append(
            "  "
            + _("last event seen: {ts} ({service}, stored {stored})").format(
                ts=_local(last["ts"]), service=_service(last["service"]), stored=_local(last["stored"])
            )
        )
    else:
        lines.append("  " + _("last event seen: none yet"))
    if db.get("reestimated"):
        lines.append(
            "  "
            + _("re-estimated {count} rows with model data {version}").format(
                count=f"{db['reestimated']:,}", version=db["model_version"]
            )
        )
    if db["outdated_rows"]:
        lines.append(
            "  "
            + _("{count} rows carry older model data (run 'wattprint doctor --repair')").format(
                count=f"{db['outdated_rows']:,}"
            )
        )
    lines.append(_("Site adapters:") if db["adapters"] else _("Site adapters: no report yet"))
    for a in db["adapters"]:
        state = _("ok") if a["ok"] else _("NOT MATCHING since {since}").format(since=_local(a["since"]))
        detail = f" - {capture_health.symptom(a['detail'])}" if a["detail"] and not a["ok"] else ""
        lines.append(f"  {pad(_service(a['service']), 18)} {pad(a['browser'] or '', 9)} {state}{detail}")
    for line in db.get("capture_warnings", []):
        lines.append(_("WARNING: {line}").format(line=line))
    if repair and not db.get("kept_copy") and not db.get("reestimated") and db.get("ok"):
        lines.append(_("Nothing to repair."))
    return "\n".join(lines)


__all__ = ["check_database", "register", "render", "run"]
