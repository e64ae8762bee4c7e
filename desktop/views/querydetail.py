"""The detail of one query: what was captured, what the estimate assumed, its warnings and its sources with links."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from wattprint.core.insight import detail
from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP

MODES = {
    "reasoning": QT_TRANSLATE_NOOP("QueryDetail", "reasoning"),
    "web_search": QT_TRANSLATE_NOOP("QueryDetail", "web search"),
    "deep_research": QT_TRANSLATE_NOOP("QueryDetail", "deep research"),
    "image_generation": QT_TRANSLATE_NOOP("QueryDetail", "image generation"),
    "canvas": QT_TRANSLATE_NOOP("QueryDetail", "canvas"),
    "voice": QT_TRANSLATE_NOOP("QueryDetail", "voice"),
    "ai_overview": QT_TRANSLATE_NOOP("QueryDetail", "AI answer on a results page"),
}
# How a chat turn's counts were read: the Interaction's `source` (PROTOCOL.md).
CAPTURE = {
    "traffic": QT_TRANSLATE_NOOP("QueryDetail", "from the page's traffic (the answer's length as it streamed)"),
    "page": QT_TRANSLATE_NOOP("QueryDetail", "from the page's text (the answer as it was shown)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueryDetail", text)


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' valign='top'>{html.escape(label)}</th><td>{value}</td></tr>"


def detail_html(item: dict[str, Any], data: ModelData) -> str:
    """The detail of a stored interaction (`queries.interaction`) as rich text."""
    est = item["estimate"]
    service = data.services.get(item["service"])
    rows = [
        _row(QCoreApplication.translate("QueryDetail", "Time"), html.escape(fmt.local_time(item["ts"]))),
        _row(
            QCoreApplication.translate("QueryDetail", "Service"),
            html.escape(display.name(service.name) if service else item["service"]),
        ),
        _row(
            QCoreApplication.translate("QueryDetail", "Model the page named"),
            html.escape(modelnames.friendly(item["model"]) or QCoreApplication.translate("QueryDetail", "none")),
        ),
    ]
    assumed = detail.assumed_model(item, data)
    if assumed is None:
        rows.append(
            _row(
                QCoreApplication.translate("QueryDetail", "Model assumed"),
                html.escape(QCoreApplication.translate("QueryDetail", "none: a plain search runs no language model")),
            )
        )
    else:
        low, high = assumed.active
        size = fmt.number(low) if low == high else f"{fmt.number(low)}–{fmt.number(high)}"
        text = QCoreApplication.translate("QueryDetail", "{name}, {size} billion active parameters").format(
            name=assumed.name, size=size
        )
        if assumed.undisclosed:
            text += " " + QCoreApplication.translate("QueryDetail", "(size undisclosed: a range)")
        rows.append(_row(QCoreApplication.translate("QueryDetail", "Model assumed"), html.escape(text)))
    modes = [_tr(MODES.get(m, m)) for m in item["modes"]]
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "Modes"),
            html.escape(", ".join(modes) or QCoreApplication.translate("QueryDetail", "none")),
        )
    )
    t = est["tokens"]
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "Tokens assumed"),
            html.escape(
                QCoreApplication.translate(
                    "QueryDetail",
                    "{prompt} in, {context} of earlier turns, {response} out, {reasoning} hidden reasoning",
                ).format(
                    prompt=fmt.integer(t["prompt"]),
                    context=fmt.integer(t["context"]),
                    response=fmt.integer(t["response"]),
                    reasoning=fmt.integer(t["reasoning"]),
                )
            ),
        )
    )
    source = item.get("source")
    captured = (
        _tr(CAPTURE[source])
        if source in CAPTURE
        else QCoreApplication.translate("QueryDetail", "by the browser extension")
    )
    where = item.get("page") or ""
    if item.get("unconfirmed"):
        captured += " · " + QCoreApplication.translate(
            "QueryDetail", "not confirmed by the page: its counts were kept within what the page showed"
        )
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "How it was captured"),
            html.escape(captured + (f" · {where}" if where else "")),
        )
    )
    e, c, w = est["energy_wh"], est["co2e_g"], est["water_ml"]
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "Energy"),
            html.escape(fmt.energy_range(e["central"], e["low"], e["high"])),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "Carbon"),
            html.escape(fmt.with_range(c["central"], c["low"], c["high"], "g CO₂e")),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("QueryDetail", "Water"),
            html.escape(fmt.with_range(w["central"], w["low"], w["high"], "mL")),
        )
    )
    if est["equivalents"]:
        rows.append(
            _row(
                QCoreApplication.translate("QueryDetail", "About as much energy as"),
                html.escape(  # the list separator of the language: "; " or "；"
                    QCoreApplication.translate("QueryDetail", "; ").join(q["text"] for q in est["equivalents"])
                ),
            )
        )
    parts = [f"<table cellspacing='4'>{''.join(rows)}</table>"]
    parts.append(f"<p><i>{html.escape(display.range_help())}</i></p>")
    # Outside the f-strings: lupdate finds a translate call only there.
    warnings_title = QCoreApplication.translate("QueryDetail", "Warnings")
    sources_title = QCoreApplication.translate("QueryDetail", "Sources")
    if est["warnings"]:
        parts.append(f"<h4>{html.escape(warnings_title)}</h4><ul>")
        parts.extend(f"<li>{html.escape(text)}</li>" for text in display.warnings(est["warnings"]))
        parts.append("</ul>")
    parts.append(f"<h4>{html.escape(sources_title)}</h4><ul>")
    for key in est["sources"]:
        found = data.sources.get(key)
        if found is None:
            parts.append(f"<li>{html.escape(key)}</li>")
        else:
            title = html.escape(f"{found.author} ({found.year}): {found.title}")
            parts.append(f"<li><a href='{html.escape(found.url, quote=True)}'>{title}</a></li>")
    parts.append("</ul>")
    return "".join(parts)


class QueryDetail(QDialog):
    """A dialog with the detail of one query; links open in the browser.

    Args:
        item: The stored interaction (`queries.interaction`).
        data: The model data.
        parent: The owner.
    """

    def __init__(self, item: dict[str, Any], data: ModelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Query detail"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(self.tr("Query detail"))
        self.text.setHtml(detail_html(item, data))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 560)
