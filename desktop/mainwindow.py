"""The main window.

Feed, Week, Compare and Settings tabs (Ctrl+1 to Ctrl+4) and a "Get started" tab (shown first while the history is
empty), a menu bar, a status bar and the tray icon. Closing the window leaves Wattprint in the tray when there is one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from wattprint.core import paths
from wattprint.core.insight import demo
from wattprint.core.store import history
from wattprint.desktop import format as fmt
from wattprint.desktop import geometry, i18n, presenter
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.models.comparemodel import CompareModel
from wattprint.desktop.models.feedmodel import FeedModel
from wattprint.desktop.models.settingsmodel import SettingsModel
from wattprint.desktop.models.weekmodel import ServiceModel, WeekModel
from wattprint.desktop.session import Session
from wattprint.desktop.tray import Tray
from wattprint.desktop.views.compare import CompareView
from wattprint.desktop.views.feed import FeedView
from wattprint.desktop.views.settings import SettingsView
from wattprint.desktop.views.week import WeekView
from wattprint.desktop.views.welcome import WelcomeView
from wattprint.desktop.widgets.banner import DemoBanner
from wattprint.desktop.widgets.icon import app_icon

VIEWS = (
    QT_TRANSLATE_NOOP("MainWindow", "Feed"),
    QT_TRANSLATE_NOOP("MainWindow", "Week"),
    QT_TRANSLATE_NOOP("MainWindow", "Compare"),
    QT_TRANSLATE_NOOP("MainWindow", "Settings"),
)
WELCOME = QT_TRANSLATE_NOOP("MainWindow", "Get started")


def view_title(name: str) -> str:
    """One of VIEWS in the app's language."""
    return QCoreApplication.translate("MainWindow", name)


def first_weekday() -> int:
    """The locale's first day of the week, 0 (Monday) to 6 (Sunday)."""
    return QLocale().firstDayOfWeek().value - 1


class MainWindow(QMainWindow):
    """Wattprint's main window.

    Args:
        profile: The history profile shown (None for the user's real history).
        listen: Whether to listen for the host and watch for other writers (off for reports).
    """

    def __init__(self, profile: str | None = None, *, listen: bool = True) -> None:
        super().__init__()
        self.listen = listen
        self.quitting = False  # set by quit(): closing then ends the app instead of hiding into the tray
        self.setWindowIcon(app_icon())
        geometry.restore(self)  # clamped to the screen (HiDPI laptops), where the user left it
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.statusBar().addPermanentWidget(self.status, 1)
        # Sites whose capture broke (the extension's health reports), named with the symptom and the date.
        self.capture_warning = QLabel()
        self.capture_warning.setObjectName("capture-warning")
        self.capture_warning.setStyleSheet("color: #b00020;")
        self.capture_warning.setWordWrap(True)
        self.capture_warning.hide()
        self.statusBar().addPermanentWidget(self.capture_warning, 2)
        self.view_actions: list[QAction] = []
        self._build_menus()
        self.session: Session | None = None
        self._build(profile)

    # -- building ---------------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.menuBar().clear()
        self.view_actions.clear()
        file = self.menuBar().addMenu(self.tr("&File"))
        self.export_action = file.addAction(self.tr("&Export history…"))
        self.import_action = file.addAction(self.tr("&Import history…"))
        file.addSeparator()
        quit_action = file.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)
        view = self.menuBar().addMenu(self.tr("&View"))
        for number, name in enumerate(VIEWS, start=1):
            action = view.addAction(f"&{view_title(name)}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _checked=False, i=number - 1: self.show_view(i))
            self.view_actions.append(action)
        presenter.install(self)  # the Classroom menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.demo_action = help_menu.addAction(self.tr("Try &demo data"))
        self.demo_action.triggered.connect(self.try_demo)
        help_menu.addAction(self.tr("&About Wattprint")).triggered.connect(self._about)

    def _build(self, profile: str | None) -> None:
        session = Session(profile, listen=self.listen, parent=self)
        self.session = session
        name = session.profile
        self.profile = None if name == paths.DEFAULT_PROFILE else name
        self.setWindowTitle(f"Wattprint — {self.profile}" if self.profile else "Wattprint")
        weekday = first_weekday()

        self.feed_model = FeedModel(session.db, session.data, self)
        self.week_model = WeekModel(session.open_db, session.data, session.runner, weekday, self)
        self.service_model = ServiceModel(session.data, self)
        self.compare_model = CompareModel(session.data, session.runner, self)
        self.settings_model = SettingsModel(session, self)
        self.compare_model.zone = self.settings_model.preferences().zone

        self.feed = FeedView(self.feed_model, session.data)
        self.feed.deleted.connect(self.week_model.refresh)
        self.week = WeekView(self.week_model, self.service_model)
        self.compare = CompareView(self.compare_model, session.data)
        self.settings = SettingsView(self.settings_model, session.data)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.setDocumentMode(True)
        for widget, title in zip((self.feed, self.week, self.compare, self.settings), VIEWS, strict=True):
            self.tabs.addTab(widget, view_title(title))
        self.welcome = WelcomeView(self.settings_model)
        self.welcome.demo_requested.connect(self.try_demo)
        self.welcome.feed_requested.connect(lambda: self.show_view(0))
        self.tabs.addTab(self.welcome, view_title(WELCOME))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.demo_banner = DemoBanner() if name == demo.DEMO_PROFILE else None
        if self.demo_banner is not None:
            self.demo_banner.back_requested.connect(lambda: self.switch_profile(None))
            column.addWidget(self.demo_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.tabs.setCurrentWidget(self.welcome if session.is_empty() else self.feed)

        self.tray = Tray(session, weekday, self)
        self.tray.open_requested.connect(self._raise)
        self.tray.quit_requested.connect(self.quit)
        session.rewritten.connect(self.feed_model.reload)
        session.changed.connect(self._history_changed)
        self.settings_model.changed.connect(self._settings_changed)
        self.settings_model.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.export_action.triggered.connect(self.settings._export)
        self.import_action.triggered.connect(self.settings._import)
        self.week_model.refresh()
        self.compare_model.refresh()
        session.refresh_estimates()
        QTimer.singleShot(0, self.tray.check_weekly)
        self._update_status()

    def _teardown(self) -> None:
        if self.session is None:
            return
        self.tray.hide()
        self.session.close()
        old = self.takeCentralWidget()
        if old is not None:
            old.deleteLater()
        for obj in (self.feed_model, self.week_model, self.service_model, self.compare_model, self.settings_model,
                    self.tray, self.session):  # fmt: skip
            obj.deleteLater()
        self.session = None

    # -- behaviour --------------------------------------------------------------------------------------------------

    @Slot(int)
    def show_view(self, index: int) -> None:
        """Shows one of VIEWS and focuses it."""
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()

    def current_view(self) -> QWidget:
        """The widget shown: a tab's view (the welcome page is a tab too)."""
        shown = self.tabs.currentWidget()
        assert shown is not None
        return shown

    @Slot(list)
    def _history_changed(self, _ids: list[str]) -> None:
        assert self.session is not None
        self.feed_model.refresh()
        self.week_model.refresh()
        if self.welcome.query_step.state != "done" and self.feed_model.rowCount() > 0:
            index = self.feed_model.index
            service, energy = (str(self.feed_model.data(index(0, column))) for column in (1, 4))
            self.welcome.first_query(service, energy)
        self._update_status()

    @Slot()
    def _settings_changed(self) -> None:
        if i18n.resolve(self.settings_model.preferences().language) != i18n.current():
            QTimer.singleShot(0, self.relanguage)
            return
        zone = self.settings_model.preferences().zone
        if zone != self.compare_model.zone:
            self.compare_model.zone = zone
            self.compare_model.refresh()
        self.week_model.refresh()
        self._update_status()

    def _update_status(self) -> None:
        assert self.session is not None
        live = self.session.live
        if live is not None and live.listening:
            where = self.tr("listening for the browser extension")
        else:
            where = self.tr("not listening")
        paused = self.settings_model.paused_until()
        pause = (" · " + self.tr("capture paused until {time}").format(time=fmt.clock(paused.astimezone()))
                 if paused else "")  # fmt: skip
        history_name = (
            self.tr("demo data") if self.profile == demo.DEMO_PROFILE else self.profile or self.tr("yours")
        )
        self.status.setText(self.tr("History: {name} · {where}").format(name=history_name, where=where) + pause)
        warnings = self.session.capture_warnings()
        self.capture_warning.setText("\n".join(warnings))
        self.capture_warning.setVisible(bool(warnings))

    @Slot()
    def try_demo(self) -> None:
        """Generates demo data into the 'demo' profile (in the background) and switches to it."""
        assert self.session is not None
        self.statusBar().showMessage(self.tr("Generating demo data…"))
        self.demo_action.setEnabled(False)
        self.welcome.demo.setEnabled(False)

        def work() -> int:
            db = history.open_db(profile=demo.DEMO_PROFILE)
            try:
                return demo.generate(db, days=28)
            finally:
                db.conn.close()

        self.session.runner.start(work, lambda _n: self.switch_profile(demo.DEMO_PROFILE), self._demo_failed)

    def _demo_failed(self, message: str) -> None:
        self.demo_action.setEnabled(True)
        self.welcome.demo.setEnabled(True)
        self.statusBar().showMessage(self.tr("Could not generate demo data: {reason}").format(reason=message))

    @Slot()
    def relanguage(self) -> None:
        """Speaks the language the settings choose now: installs its translations and rebuilds every view."""
        if self.session is None:
            return
        lang = i18n.resolve(self.settings_model.preferences().language)
        if lang == i18n.current():
            return
        i18n.install(lang)
        on_settings = self.tabs.currentWidget() is self.settings
        self._build_menus()
        self._teardown()
        self._build(self.profile)
        if on_settings:
            self.show_view(VIEWS.index("Settings"))

    def switch_profile(self, profile: str | None) -> None:
        """Shows another profile's history."""
        self._teardown()
        self._build(profile)
        self.demo_action.setEnabled(True)
        name = self.profile or self.tr("default")
        self.statusBar().showMessage(self.tr("Showing the '{name}' history.").format(name=name), 5000)

    @Slot()
    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Wattprint"),
            self.tr(
                "Wattprint shows the energy, carbon and water of your everyday AI use. Every figure is an estimate "
                "with a range; the sources are listed by 'wattprint sources'."
            ),
        )

    @Slot()
    def quit(self) -> None:
        """Leaves Wattprint: closes the window for good (not into the tray) and ends the application."""
        self.quitting = True
        self.close()
        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.quitOnLastWindowClosed():
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hides into the tray when there is one (saying so once); otherwise, or on Quit, stops and closes.

        The window's place is remembered either way.
        """
        geometry.save(self)
        if not self.quitting and self.session is not None and self.tray.available():
            event.ignore()
            self.hide()
            self.tray.explain_once()
            return
        self._teardown()
        super().closeEvent(event)
