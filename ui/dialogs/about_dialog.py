"""ヘルプ > バージョン情報: what `mynumber-desk --version` prints, in a dialog (the program's
version, the engines under it, the data folder and the keyring in use)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.about import keyring_kind, version_facts
from ui.launcher import qt_versions
from ui.styles import set_role


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About MyNumber Desk"))
        labels = {
            "program": self.tr("Version"),
            "sqlcipher": "SQLCipher",
            "openssl": self.tr("OpenSSL (used by SQLCipher)"),
            "qt": "Qt",
            "pyside6": "PySide6",
            "python": "Python",
            "build": self.tr("Build"),
            "data_dir": self.tr("Data folder"),
            "keyring": self.tr("Where the PC's key is kept"),
        }
        builds = {"frozen": self.tr("Installed program"), "source": self.tr("Run from source")}
        heading = QLabel(self.tr("MyNumber Desk"))
        set_role(heading, "heading")
        intro = QLabel(
            self.tr(
                "Keeps the office's My Numbers as the My Number Act and the PPC guideline "
                "require. Tell these versions to whoever supports the program."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, value in version_facts(data_dir, qt_versions):
            shown = QLabel(self._shown(key, value, builds))
            shown.setObjectName(f"about_{key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(key in ("data_dir", "keyring"))
            self.values[key] = shown
            form.addRow(labels.get(key, key), shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _shown(self, key: str, value: str, builds: dict[str, str]) -> str:
        if key == "build":
            return builds.get(value, value)
        if key != "keyring":
            return value
        kind, detail = keyring_kind(value)
        if kind == "file":
            return self.tr(
                "A file beside the data (demo and development only, not the OS store): %1"
            ).replace("%1", detail)
        if kind == "unavailable":
            return self.tr("Not usable (%1)").replace("%1", detail)
        return detail
