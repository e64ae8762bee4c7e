"""Scene f, "Our class": the totals of the week shares students handed in, imported from a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from wattprint.core.insight import classroom, share
from wattprint.desktop.presenter.bars import Bar, Bars
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import SEARCH, label

SERVICES_SHOWN = 6


class ClassScene(Scene):
    """Class total, spread across students and split per service; "Import folder…" (or the I key) adds shares.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Our class"))
        self.total = label("", "big")
        self.total.setAccessibleName(self.tr("Class total"))
        self.who = label("", "lead")
        self.spread = label("", "accent")
        self.bars = Bars()
        self.message = label("", "small")
        self.import_button = QPushButton(self.tr("Import folder…"))
        self.import_button.setAccessibleName(self.tr("Import a folder of share files"))
        self.import_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.message, 1)
        self.body.addWidget(self.total)
        self.body.addWidget(self.who)
        self.body.addWidget(self.spread)
        self.body.addWidget(self.bars, 1)
        self.body.addLayout(row)

    def prepare_export(self) -> None:
        """On paper there is no key to press nor button to click: an empty class says where its totals come from."""
        super().prepare_export()
        if self.spread.text() == self.tr("Put the files in one folder, then press I or Import folder…"):
            self.spread.setText(self.tr("The teacher adds the files in the presenter's Our class scene."))

    def end_export(self) -> None:
        """Back on screen: the hint with its key and button again."""
        super().end_export()
        self.refresh()

    def refresh(self) -> None:
        """Adds up the shares imported so far."""
        totals = share.totals(share.stored(self.context.profile))
        if not totals.students:
            self.total.setText(self.tr("No shares yet"))
            self.who.setText(self.tr("Each student runs: wattprint share --week -o NAME.json, and hands the file in."))
            self.spread.setText(self.tr("Put the files in one folder, then press I or Import folder…"))
            self.bars.set_bars([])
            return
        week = f"{totals.week.isoformat()} – {totals.week_end.isoformat()}" if totals.week and totals.week_end else ""
        self.total.setText(f"{classroom.energy_text(totals.energy_wh[1])} · {week}")  # the week these totals cover
        self.who.setText(
            self.tr("{students} students, {count} queries this week, between {low} and {high} in all").format(
                students=totals.students,
                count=classroom.number(totals.count),
                low=classroom.energy_text(totals.energy_wh[0]),
                high=classroom.energy_text(totals.energy_wh[2]),
            )
        )
        least, median, most = totals.per_student_wh
        self.spread.setText(
            self.tr("Per student: least {least} · median {median} · most {most}").format(
                least=classroom.energy_text(least),
                median=classroom.energy_text(median),
                most=classroom.energy_text(most),
            )
        )
        names = self.context.data.services
        self.bars.set_bars(
            [
                Bar(
                    names[item.service].name if item.service in names else self.tr("Other"),
                    item.energy_wh,
                    self.tr("{energy} · {count} queries").format(
                        energy=classroom.energy_text(item.energy_wh), count=classroom.number(item.count)
                    ),
                    SEARCH,
                )
                for item in totals.services[:SERVICES_SHOWN]
            ]
        )

    def import_folder(self, folder: Path) -> share.ImportReport:
        """Imports every share file of a folder (each once) and shows what happened."""
        report = share.import_dir(folder, self.context.profile)
        parts = [
            self.tr("%n new share(s)", "", len(report.added)),
            self.tr("%n already imported", "", len(report.already)),
        ]
        parts.extend(
            self.tr("skipped {file}: {error}").format(file=name, error=error) for name, error in report.rejected
        )
        self.message.setText(" · ".join(parts))
        self.refresh()
        return report

    @Slot()
    def choose_folder(self) -> None:
        """Asks for the folder of share files, then imports it."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of share files"))
        if folder:
            self.import_folder(Path(folder))

    def reset(self) -> None:
        """Nothing to hide."""
