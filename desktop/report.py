"""Week reports: the week view's content rendered to PNG (grab), PDF (QPdfWriter) or HTML (embedded PNG + text)."""

from __future__ import annotations

import base64
import html
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLocale, QMarginsF, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from wattprint.core import display, files, history, paths
from wattprint.core import i18n as core_i18n
from wattprint.core.modeldata import load
from wattprint.desktop import i18n
from wattprint.desktop.models.weekmodel import ServiceModel, WeekData, week_data
from wattprint.desktop.views.week import WeekContent

WIDTH, HEIGHT = 1000, 1150  # px of the rendered week



def _app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


def render_image(week: WeekData) -> QImage:
    """The week's content as an image."""
    data = load()
    services = ServiceModel(data)
    services.set_services(week.summary["services"])
    content = WeekContent(services)
    content.show_week(week)
    content.resize(WIDTH, HEIGHT)
    content.table.setMinimumHeight(min(60 + 30 * len(week.summary["services"]), 420))
    content.adjustSize()
    content.resize(WIDTH, max(HEIGHT, content.sizeHint().height()))
    content.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    content.show()
    QApplication.processEvents()
    image = content.grab().toImage()
    content.close()
    content.deleteLater()
    return image


def _png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 6.12 wants str
    return bytes(buffer.data().data())


def _pdf(image: QImage, week: WeekData, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    title = QCoreApplication.translate("report", "Wattprint week of {start}")
    writer.setTitle(title.format(start=week.start.isoformat()))
    writer.setCreator("Wattprint")
    painter = QPainter(writer)
    area = painter.viewport()
    scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRect(area.topLeft(), scaled), image)
    painter.end()


def _texts() -> dict[str, str]:
    """The report's words in the app's language (HTML-escaped)."""
    texts = {
        "title": QCoreApplication.translate("report", "Wattprint: week of {start}"),
        "heading": QCoreApplication.translate("report", "Your week with AI: {start} to {end}"),
        "counts": QCoreApplication.translate(
            "report", "{count} interactions: {ai} answered by an AI, {search} plain searches."
        ),
        "central": QCoreApplication.translate("report", "Central"),
        "low": QCoreApplication.translate("report", "Low"),
        "high": QCoreApplication.translate("report", "High"),
        "energy": QCoreApplication.translate("report", "Energy (Wh)"),
        "carbon": QCoreApplication.translate("report", "Carbon (g CO₂e)"),
        "water": QCoreApplication.translate("report", "Water (mL)"),
        "per_service": QCoreApplication.translate("report", "Per service"),
        "service": QCoreApplication.translate("report", "Service"),
        "queries": QCoreApplication.translate("report", "Queries"),
        "charts": QCoreApplication.translate("report", "Charts"),
        "picture": QCoreApplication.translate("report", "The week's charts and totals"),
    }
    return {key: html.escape(value) for key, value in texts.items()}


def _html(image: QImage, week: WeekData) -> str:
    s = week.summary
    end = week.start + timedelta(days=6)
    data = load()
    t = _texts()
    names = {key: display.name(entry.name) for key, entry in data.services.items()}
    rows = "\n".join(
        f"<tr><td>{html.escape(names.get(x['service'], x['service']))}"
        f"</td><td>{x['count']}</td><td>{x['energy_wh']:.3g}</td></tr>"
        for x in s["services"]
    )
    ranges = "\n".join(
        f"<tr><th>{t[label]}</th><td>{s[key]['central']:.3g}</td><td>{s[key]['low']:.3g}</td>"
        f"<td>{s[key]['high']:.3g}</td></tr>"
        for key, label in (("energy_wh", "energy"), ("co2e_g", "carbon"), ("water_ml", "water"))
    )
    sentences = "\n".join(f"<p>{html.escape(line)}</p>" for line in week.sentences)
    picture = base64.b64encode(_png(image)).decode("ascii")
    start, last = week.start.isoformat(), end.isoformat()
    counts = t["counts"].format(count=s["count"], ai=s["ai_count"], search=s["search_count"])
    lang = "zh-CN" if i18n.current() == "zh_CN" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{t["title"].format(start=start)}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto}}td,th{{padding:2px 10px;text-align:right}}
th:first-child,td:first-child{{text-align:left}}img{{max-width:100%}}</style></head>
<body>
<h1>{t["heading"].format(start=start, end=last)}</h1>
{sentences}
<table><tr><th></th><th>{t["central"]}</th><th>{t["low"]}</th><th>{t["high"]}</th></tr>
{ranges}
</table>
<p>{counts}</p>
<h2>{t["per_service"]}</h2>
<table><tr><th>{t["service"]}</th><th>{t["queries"]}</th><th>{t["energy"]}</th></tr>
{rows}
</table>
<h2>{t["charts"]}</h2>
<img alt="{t["picture"]}" src="data:image/png;base64,{picture}">
</body></html>
"""


def render_week(
    path: Path, *, day: date, fmt: str, profile: str | None = None, first_weekday: int | None = None
) -> WeekData:
    """Renders the week holding `day` to a file.

    Args:
        path: The file to write.
        day: A day of the week.
        fmt: "png", "pdf" or "html".
        profile: The history profile (None: the user's real history).
        first_weekday: 0 (Monday) to 6 (Sunday); default: the locale's.

    Raises:
        ValueError: `fmt` is not a known format.
        OSError: The file cannot be written.
    """
    if fmt not in ("png", "pdf", "html"):
        raise ValueError(f"unknown report format {fmt!r}")
    _app()
    lang = core_i18n.language()  # a report speaks the language of the command line (LANG, LANGUAGE, WATTPRINT_LANG)
    if lang != i18n.current():
        i18n.install(lang, core=False)
    if first_weekday is None:
        first_weekday = QLocale().firstDayOfWeek().value - 1
    db = history.open_db(paths.history_path(profile))
    try:
        week = week_data(db, load(), day, first_weekday)
    finally:
        db.conn.close()
    image = render_image(week)
    if fmt == "png":
        files.write_private(path, _png(image))
    elif fmt == "pdf":
        _pdf(image, week, path)
        os.chmod(path, files.PRIVATE_FILE)  # QPdfWriter creates it under the umask
    else:
        files.write_private(path, _html(image, week))
    return week


__all__ = ["render_image", "render_week"]
