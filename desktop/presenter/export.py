"""`wattprint present --export DIR`: every scene as a 1920x1080 PNG, and all of them as one PDF handout.

Rendered offscreen (the window is never shown on screen); the "Which uses more?" scene is exported with its answer,
and no scene shows its controls (spin boxes, buttons). The PDF is painted, not pictured: its text is text and its
bars are vectors. `printable` gives dark text on white, for paper.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from wattprint.core.store import files
from wattprint.core.words import i18n as core_i18n
from wattprint.desktop import i18n, offscreen, pdf_text
from wattprint.desktop.presenter.theme import colours
from wattprint.desktop.presenter.window import SCENE_NAMES, PresenterWindow
from wattprint.desktop.session import Session

WIDTH, HEIGHT = 1920, 1080  # px of one exported scene
PDF_NAME = "wattprint-classroom.pdf"


def _show_for_handout(window: PresenterWindow, index: int) -> None:
    window.go(index)
    window.scenes[index].prepare_export()
    QApplication.processEvents()


def render(window: PresenterWindow) -> list[QImage]:
    """Every scene of a presenter window, revealed and without controls, as images the window's size."""
    images = []
    window.footer.hide()
    for index in range(len(window.scenes)):
        _show_for_handout(window, index)
        images.append(window.grab().toImage())
        window.scenes[index].end_export()
    window.footer.show()
    return images


def handout_title(day: date) -> str:
    """The handout's title, with the day it was made."""
    return QCoreApplication.translate("Handout", "Wattprint in class: {day}").format(day=day.isoformat())


def handout_pdf(window: PresenterWindow, day: date) -> bytes:
    """One landscape A4 page per scene, painted by the scenes' own widgets (selectable text, vector bars).

    Raises:
        OSError: It cannot be painted.
    """
    title = handout_title(day)
    buffer, writer = pdf_text.a4(title, 8, landscape=True)
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError("cannot paint the handout")
    _background, _text, muted, _accent = colours(window.printable)
    window.footer.hide()
    try:
        for index in range(len(window.scenes)):
            if index:
                writer.newPage()
            _show_for_handout(window, index)
            area = painter.viewport()
            caption_height = area.height() * 0.04
            scale = min(area.width() / window.width(), (area.height() - caption_height) / window.height())
            painter.save()
            painter.scale(scale, scale)
            window.render(painter, QPoint(0, 0), renderFlags=_FLAGS)
            painter.restore()
            font = QFont(window.font())
            font.setPixelSize(max(8, round(caption_height * 0.5)))
            painter.setFont(font)
            painter.setPen(muted)
            caption = f"{title} · {index + 1} / {len(window.scenes)}"
            painter.drawText(QRectF(0, area.height() - caption_height, area.width(), caption_height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), caption)
            window.scenes[index].end_export()
    finally:
        painter.end()
        window.footer.show()
    return pdf_text.pdf_bytes(buffer)


def targets(folder: Path) -> list[Path]:
    """The files an export writes into `folder`: one PNG per scene, then the PDF handout."""
    pictures = [folder / f"{i:02d}-{name}.png" for i, name in enumerate(SCENE_NAMES, start=1)]
    return [*pictures, folder / PDF_NAME]


_FLAGS = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren


def export(folder: Path, profile: str | None = None, *, printable: bool = False) -> list[Path]:
    """Writes `NN-<scene>.png` for every scene and the PDF handout into `folder`; returns the files written.

    Args:
        folder: An existing folder.
        profile: The history profile (None: the current one).
        printable: Dark text on white (for paper) instead of the screen's light on dark.
    """
    offscreen.app()
    lang = core_i18n.language()  # a handout speaks the language of the command line (LANG, LANGUAGE, WATTPRINT_LANG)
    if lang != i18n.current():
        i18n.install(lang, core=False)
    session = Session(profile, listen=False)
    window = PresenterWindow(session, owns_session=True)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.resize(WIDTH, HEIGHT)
        window.set_printable(printable)
        window.show()
        QApplication.processEvents()
        images = render(window)
        *pictures, pdf = targets(folder)
        for image, path in zip(images, pictures, strict=True):
            files.write_private(path, offscreen.png_bytes(image))  # the user's alone, whole or not at all
        files.write_private(pdf, handout_pdf(window, date.today()))
        return [*pictures, pdf]
    finally:
        window.close()
        window.deleteLater()
