"""`wattprint present --export DIR`: every scene as a 1920x1080 PNG, and all of them as one PDF handout.

Rendered offscreen (the window is never shown on screen); the "Which uses more?" scene is exported with its answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from wattprint.core.files import PRIVATE_FILE
from wattprint.desktop.presenter.window import SCENE_NAMES, PresenterWindow
from wattprint.desktop.session import Session

WIDTH, HEIGHT = 1920, 1080  # px of one exported scene
PDF_NAME = "wattprint-classroom.pdf"


def _app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(sys.argv[:1])


def render(window: PresenterWindow) -> list[QImage]:
    """Every scene of a presenter window, revealed, as images the window's size."""
    images = []
    window.footer.hide()
    for index, scene in enumerate(window.scenes):
        window.go(index)
        scene.prepare_export()
        QApplication.processEvents()
        images.append(window.grab().toImage())
    window.footer.show()
    return images


def write_pdf(images: list[QImage], path: Path) -> None:
    """One image per landscape A4 page."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle("Wattprint classroom")
    writer.setCreator("Wattprint")
    painter = QPainter(writer)
    for i, image in enumerate(images):
        if i:
            writer.newPage()
        area = painter.viewport()
        scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(area.topLeft(), scaled), image)
    painter.end()


def export(folder: Path, profile: str | None = None) -> list[Path]:
    """Writes `NN-<scene>.png` for every scene and the PDF handout into `folder`; returns the files written.

    Args:
        folder: An existing folder.
        profile: The history profile (None: the current one).
    """
    _app()
    session = Session(profile, listen=False)
    window = PresenterWindow(session, owns_session=True)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.resize(WIDTH, HEIGHT)
        window.show()
        QApplication.processEvents()
        images = render(window)
        written = []
        for i, (image, name) in enumerate(zip(images, SCENE_NAMES, strict=True), start=1):
            path = folder / f"{i:02d}-{name}.png"
            if not image.save(str(path)):
                raise OSError(f"cannot write {path}")
            written.append(path)
        pdf = folder / PDF_NAME
        write_pdf(images, pdf)
        written.append(pdf)
        for path in written:
            os.chmod(path, PRIVATE_FILE)  # Qt creates them under the umask; Wattprint's files are the user's alone
        return written
    finally:
        window.close()
        window.deleteLater()
