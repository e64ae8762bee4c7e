"""The app's language: English or Simplified Chinese, from the user's setting or the system locale.

`install` loads Wattprint's own translations (desktop/translations/wattprint_zh_CN.qm), Qt's for its standard dialogs
(qtbase_zh_CN.qm from PySide6), sets the default QLocale for numbers and dates, and makes the Qt-free core speak the
same language (`wattprint.core.words.i18n.use`).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

from wattprint.core.words import i18n as core_i18n

LANGUAGES = core_i18n.LANGUAGES  # "en", "zh_CN"
_installed: list[QTranslator] = []  # kept alive while installed
# Fonts for Han characters in their Simplified Chinese forms, first found first. Without them fontconfig falls back to
# whichever CJK font sorts first (Noto Sans CJK JP: Japanese glyph shapes in a Chinese text, and a handout PDF whose
# text layer lost characters). `install` gives them to the application's font while Chinese is spoken; the presenter's
# style sheet names them again, since a style sheet's font replaces the application's list.
HAN_FONTS = {
    "zh_CN": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"),
}
_ALL_HAN = {family for families in HAN_FONTS.values() for family in families}
_state = {"lang": "en", "system": ""}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` (lupdate extracts it); translate it where it is shown."""
    return text


def system_language() -> str:
    """The language of the system locale: "zh_CN" for any Chinese locale, otherwise "en"."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve(setting: str | None) -> str:
    """The language to speak for a setting ("en", "zh_CN", or None to follow the system)."""
    return setting if setting in LANGUAGES else system_language()


def current() -> str:
    """The language installed last ("en" before any)."""
    return _state["lang"]


def _load(translator: QTranslator, name: str, folder: str) -> bool:
    return bool(translator.load(name, folder))


def install(lang: str, *, core: bool = True) -> None:
    """Speaks `lang` from now on: widgets built afterwards are translated, numbers and dates follow its locale.

    Args:
        lang: "en" or "zh_CN".
        core: Whether the Qt-free core speaks it too (otherwise the core keeps following the environment).
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if lang == "zh_CN" and app is not None:
        ours = QTranslator()
        folder = resources.files("wattprint.desktop.translations")
        if _load(ours, "wattprint_zh_CN.qm", str(folder)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator()
        if _load(qt, "qtbase_zh_CN.qm", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    if lang == system_language():
        QLocale.setDefault(QLocale.system())
    elif lang == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if core:
        core_i18n.use(lang)
    _state["lang"] = lang
    if isinstance(app, QGuiApplication):  # Han characters in their Chinese forms in every widget built from now on
        QGuiApplication.setFont(with_han_fonts(QGuiApplication.font()))


def with_han_fonts(font: QFont) -> QFont:
    """`font` with the Simplified Chinese fonts as its fallbacks while Chinese is installed (unchanged otherwise)."""
    wanted = HAN_FONTS.get(current(), ())
    changed = QFont(font)
    own = font.families() or [font.family()]  # a font given one family lists none
    changed.setFamilies([f for f in own if f not in _ALL_HAN] + list(wanted))
    return changed


def reset() -> None:
    """Back to English with the system locale, as before any `install` (for tests)."""
    install("en", core=False)
    QLocale.setDefault(QLocale.system())
    core_i18n.use(None)
    _state["lang"] = "en"


__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "current",
    "install",
    "reset",
    "resolve",
    "system_language",
    "with_han_fonts",
]
