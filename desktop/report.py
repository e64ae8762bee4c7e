"""Week reports: the week view's content rendered to PNG (a picture), PDF or HTML (text, with the charts as a PNG).

The PDF is painted by the widgets themselves onto a QPdfWriter: its text is text (selectable, searchable) and its
charts are vectors. Every report opens with a title holding its dates.
"""

from __future__ import annotations

import base64
import html
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from wattprint.core import paths
from wattprint.core.model.modeldata import load
from wattprint.core.store import files, history
from wattprint.core.words import display
from wattprint.core.words import i18n as core_i18n
from wattprint.desktop import i18n, offscreen, pdf_text
from wattprint.desktop.models.weekmodel import ServiceModel, WeekData, week_data
from wattprint.desktop.views.week import WeekContent

WIDTH, HEIGHT = 1000, 1150  # px of the rendered week



def _content(week: WeekData) -> WeekContent:
    """The week view's content for one week, laid out offscreen at the report's size (the caller closes it)."""
    services = ServiceModel(load())
    services.set_services(week.summary["services"])
    content = WeekContent(services)
    services.setParent(content)
    content.show_week(week)
    # Flat header sections in every table: the style's gradients are not all drawable in a PDF.
    content.setStyleSheet(
        "QHeaderView::section { background: #eef0f2; border: none; border-bottom: 1px solid #b8bec4; padding: 4px; }"
    )
    content.resize(WIDTH, HEIGHT)
    content.table.setMinimumHeight(min(60 + 30 * len(week.summary["services"]), 420))
    content.adjustSize()
    content.resize(WIDTH, max(HEIGHT, content.sizeHint().height()))
    content.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    content.show()
    QApplication.processEvents()
    return content


def _close(content: WeekContent) -> None:
    content.close()
    content.deleteLater()


def render_image(week: WeekData) -> QImage:
    """The week's content as an image."""
    content = _content(week)
    image = content.grab().toImage()
    _close(content)
    return image


def report_title(week: WeekData) -> str:
    """The report's title, with the first and last day of its week."""
    end = week.start + timedelta(days=6)
    return QCoreApplication.translate("report", "Wattprint report: the week of {start} to {end}").format(
        start=week.start.isoformat(), end=end.isoformat()
    )


def _pdf(week: WeekData) -> bytes:
    """A4, one page: the title, then the week's content painted by its widgets (text stays text, charts vectors)."""
    title = report_title(week)
    buffer, writer = pdf_text.a4(title, 12)
    content = _content(week)
    painter = QPainter(writer)
    try:
        if not painter.isActive():
            raise OSError("cannot paint the report")
        area = painter.viewport()
        font = QFont(content.font())
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        heading = QRectF(0, 0, area.width(), 60)
        painter.drawText(heading, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), title)
        top = heading.height() + 10
        scale = min(area.width() / content.width(), (area.height() - top) / content.height())
        painter.translate(0, top)
        painter.scale(scale, scale)
        content.render(painter, QPoint(0, 0), renderFlags=QWidget.RenderFlag.DrawChildren)
    finally:
        painter.end()
        _close(content)
    return pdf_text.pdf_bytes(buffer)


def _texts() -> dict[str, str]:
    """The report's words in the app's language (HTML-escaped)."""
    texts = {
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
    picture = base64.b64encode(offscreen.png_bytes(image)).decode("ascii")
    start, last = week.start.isoformat(), end.isoformat()
    counts = t["counts"].format(count=s["count"], ai=s["ai_count"], search=s["search_count"])
    lang = "zh-CN" if i18n.current() == "zh_CN" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(report_title(week))}</title>
<style>body{{font-family:sans-serif;max-width:1000px;margin:2em auto}}td,th{{padding:2px 10px;text-align:right}}
th:first-child,td:first-child{{text-align:left}}img{{max-width:100%}}</style></head>
<body>
<h1>{html.escape(report_title(week))}</h1>
<p>{t["heading"].format(start=start, end=last)}</p>
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
    offscreen.app()
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
    if fmt == "pdf":
        files.write_private(path, _pdf(week))
    elif fmt == "png":
        files.write_private(path, offscreen.png_bytes(render_image(week)))
    else:
        files.write_private(path, _html(render_image(week), week))
    return week


__all__ = ["render_image", "render_week"]
