"""The QApplication: name, icon, the bundled Japanese font as fallback, and the translation."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

APP_NAME = "MyNumber Desk"
ORGANIZATION = "MyNumberDesk"
LANGUAGE_KEY = "ui/language"
JAPANESE_FONT_FILE = "ipaexg.ttf"


def ui_settings() -> QSettings:
    """Window state and UI preferences only; business settings live in the vault."""
    return QSettings(ORGANIZATION, "MyNumberDesk")


def language() -> str:
    value = ui_settings().value(LANGUAGE_KEY, "ja")
    return "en" if value == "en" else "ja"


def qm_path(lang: str = "ja") -> Path:
    return resources_dir() / "i18n" / f"{lang}.qm"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("マイナンバー管理デスク" if language() == "ja" else APP_NAME)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "mynumber-desk.svg")))
    register_japanese_font(app)
    from ui.styles import stylesheet

    app.setStyleSheet(stylesheet())
    install_translation(app, language())
    return app


def register_japanese_font(app: QApplication) -> str | None:
    """The bundled IPAex Gothic, as a fallback after the system's UI font, so Japanese shows
    on a PC without Japanese fonts and the look stays native where there are some."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / JAPANESE_FONT_FILE))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    font.setFamilies([app.font().family(), family])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return family


def install_translation(app: QApplication, lang: str) -> bool:
    """Our Japanese catalogue plus Qt's own (button texts of standard dialogs)."""
    if lang != "ja":
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    ours = QTranslator(app)
    loaded = ours.load(str(qm_path("ja")))
    if loaded:
        app.installTranslator(ours)
    qt_base = QTranslator(app)
    if qt_base.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
    return loaded
