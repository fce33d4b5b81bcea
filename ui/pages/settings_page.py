"""設定 (manager): business settings from the typed registry, each change audited; and the
display language, a preference of this PC only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.settings import SETTINGS, SettingKey
from app.services import settings as settings_service
from app.session import Session
from ui.application import LANGUAGE_KEY, language, ui_settings
from ui.context import UiContext
from ui.pages.base import Page


class SettingsPage(Page):
    saved = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsPage")
        self.editors: dict[SettingKey, QSpinBox | QCheckBox] = {}
        self._loaded: dict[SettingKey, int | bool] = {}
        business = QGroupBox(self.tr("Office settings (recorded in the access log)"))
        form = QFormLayout(business)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key, spec in SETTINGS.items():
            editor: QSpinBox | QCheckBox
            if isinstance(spec.default, bool):
                editor = QCheckBox()
            else:
                editor = QSpinBox()
                editor.setRange(spec.minimum, spec.maximum)
                editor.setSuffix(f" {spec.unit}" if spec.unit else "")
                editor.setMinimumWidth(120)
            editor.setObjectName(f"setting_{key.value}")
            self.editors[key] = editor
            form.addRow(spec.label, editor)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.clicked.connect(self._save)
        form.addRow("", self.save_button)

        display = QGroupBox(self.tr("This PC"))
        display_form = QFormLayout(display)
        display_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(0 if language() == "ja" else 1)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        display_form.addRow(self.tr("Display language (after restart)"), self.language_combo)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(business)
        layout.addWidget(display)
        layout.addWidget(self.status)
        layout.addStretch()

    def load(self) -> None:
        self.context.run(settings_service.current, owner=self, on_done=self._show)

    def _show(self, values: dict[SettingKey, int | bool]) -> None:
        self._loaded = dict(values)
        for key, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(values[key]))
            else:
                editor.setValue(int(values[key]))

    def clear(self) -> None:
        self._loaded = {}
        self.status.clear()

    def _edited(self) -> dict[SettingKey, str]:
        changed = {}
        for key, editor in self.editors.items():
            value: int | bool = (
                editor.isChecked() if isinstance(editor, QCheckBox) else editor.value()
            )
            if key in self._loaded and value != self._loaded[key]:
                changed[key] = SETTINGS[key].render(value)
        return changed

    def _save(self) -> None:
        changed = self._edited()
        if not changed:
            self.status.setText(self.tr("Nothing was changed."))
            return

        def work(session: Session) -> int:
            for key, text in changed.items():
                settings_service.change(session, key.value, text)
            return len(changed)

        def done(count: int) -> None:
            self.status.setText(self.tr("Saved %1 setting(s).").replace("%1", str(count)))
            self.saved.emit()
            self.load()

        self.context.run(work, owner=self, on_done=done)

    def _language_changed(self) -> None:
        ui_settings().setValue(LANGUAGE_KEY, self.language_combo.currentData())
        self.status.setText(self.tr("The display language changes the next time you start."))
