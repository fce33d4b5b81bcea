"""設定 (manager): business settings from the typed registry, each change audited; and the
display language, a preference of this PC only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.domain.settings import SECTIONS, SETTINGS, SettingKey
from app.services import office_contact
from app.services import settings as settings_service
from app.services.office_contact import SENDER_NAME_MAX, SENDER_TITLE_MAX, OfficeContact
from app.session import Session
from ui.application import LANGUAGE_KEY, language, ui_settings
from ui.context import UiContext
from ui.pages.base import Page
from ui.styles import heading, make_primary, set_role

# A 法人番号 as it may be typed: 13 digits with hyphens or spaces between the groups.
CORPORATE_NUMBER_TYPED_MAX = 20


class SettingsPage(Page):
    saved = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsPage")
        self.editors: dict[SettingKey, QSpinBox | QCheckBox] = {}
        self._loaded: dict[SettingKey, int | bool] = {}
        business = QWidget()
        grid = QGridLayout(business)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (title, keys) in enumerate(SECTIONS):
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            for key in keys:
                form.addRow(SETTINGS[key].label, self._editor(key))
            grid.addWidget(box, index // 2, index % 2)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSettingsButton")
        make_primary(self.save_button)
        self.save_button.clicked.connect(self._save)
        note = QLabel(self.tr("Each change is recorded in the access log."))
        set_role(note, "note")
        save_row = QHBoxLayout()
        save_row.addWidget(note)
        save_row.addStretch()
        save_row.addWidget(self.save_button)

        office = QGroupBox(
            self.tr("Sender, contact and corporate number (printed on the notices and forms)")
        )
        office_form = QFormLayout(office)
        self.sender_title_edit = QLineEdit()
        self.sender_title_edit.setObjectName("senderTitleEdit")
        self.sender_title_edit.setMaxLength(SENDER_TITLE_MAX)
        self.sender_title_edit.setPlaceholderText(
            self.tr("e.g. 特定個人情報管理責任者 総務部長 (empty: 特定個人情報管理責任者)")
        )
        self.sender_name_edit = QLineEdit()
        self.sender_name_edit.setObjectName("senderNameEdit")
        self.sender_name_edit.setMaxLength(SENDER_NAME_MAX)
        self.sender_name_edit.setPlaceholderText(
            self.tr("e.g. 山田 一郎 (empty: the manager, when there is one)")
        )
        self.desk_edit = QLineEdit()
        self.desk_edit.setObjectName("requestDeskEdit")
        self.desk_edit.setMaxLength(60)
        self.desk_edit.setPlaceholderText(self.tr("e.g. 総務部 個人情報相談窓口"))
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("officeAddressEdit")
        self.address_edit.setMaxLength(120)
        self.address_edit.setPlaceholderText(self.tr("e.g. 〒100-0001 東京都千代田区…"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("officePhoneEdit")
        self.phone_edit.setMaxLength(30)
        self.phone_edit.setPlaceholderText(self.tr("e.g. 03-1234-5678"))
        self.corporate_edit = QLineEdit()
        self.corporate_edit.setObjectName("officeCorporateNumberEdit")
        self.corporate_edit.setMaxLength(CORPORATE_NUMBER_TYPED_MAX)
        self.corporate_edit.setPlaceholderText(self.tr("13 digits"))
        # Wide enough for the number typed with hyphens, not the whole row.
        self.corporate_edit.setFixedWidth(
            self.corporate_edit.fontMetrics().horizontalAdvance("0" * CORPORATE_NUMBER_TYPED_MAX)
            + 24
        )
        self.corporate_edit.textEdited.connect(lambda _text: self.corporate_error.hide())
        corporate_hint = QLabel(
            self.tr(
                "Printed as the payer's number on the statutory forms (withholding slips, "
                "payment records, summary table), never on the copies for recipients or payees. "
                "Leave it empty if the office has none (a sole proprietor)."
            )
        )
        corporate_hint.setObjectName("officeCorporateNumberHint")
        corporate_hint.setWordWrap(True)
        set_role(corporate_hint, "note")
        self.corporate_error = QLabel()
        self.corporate_error.setObjectName("officeCorporateNumberError")
        self.corporate_error.setWordWrap(True)
        set_role(self.corporate_error, "error")
        self.corporate_error.hide()
        corporate_box = QVBoxLayout()
        corporate_box.setSpacing(2)
        corporate_box.addWidget(self.corporate_edit, 0, Qt.AlignmentFlag.AlignLeft)
        corporate_box.addWidget(self.corporate_error)
        corporate_box.addWidget(corporate_hint)
        office_form.addRow(self.tr("Sender's title"), self.sender_title_edit)
        office_form.addRow(self.tr("Sender's name"), self.sender_name_edit)
        office_form.addRow(self.tr("Desk for requests and complaints"), self.desk_edit)
        office_form.addRow(self.tr("Address"), self.address_edit)
        office_form.addRow(self.tr("Phone"), self.phone_edit)
        office_form.addRow(self.tr("Corporate number"), corporate_box)
        self.contact_button = QPushButton(self.tr("Save the sender, contact and number"))
        self.contact_button.setObjectName("saveContactButton")
        self.contact_button.clicked.connect(self._save_contact)
        contact_row = QHBoxLayout()
        contact_row.addStretch()
        contact_row.addWidget(self.contact_button)
        office_form.addRow(contact_row)

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
        set_role(self.status, "ok")
        # The sections outgrow a 768-pixel screen: they scroll below the heading.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(business)
        inner.addLayout(save_row)
        inner.addWidget(office)
        inner.addWidget(display)
        inner.addWidget(self.status)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(scroll, 1)

    def _editor(self, key: SettingKey) -> QSpinBox | QCheckBox:
        spec = SETTINGS[key]
        editor: QSpinBox | QCheckBox
        if isinstance(spec.default, bool):
            editor = QCheckBox()
        else:
            editor = QSpinBox()
            editor.setRange(spec.minimum, spec.maximum)
            editor.setSuffix(f" {spec.unit}" if spec.unit else "")
            editor.setMinimumWidth(110)
        editor.setObjectName(f"setting_{key.value}")
        self.editors[key] = editor
        return editor

    def load(self) -> None:
        self.context.run(settings_service.current, owner=self, on_done=self._show)
        self.context.run(office_contact.contact, owner=self, on_done=self._show_contact)

    def _show_contact(self, found: OfficeContact) -> None:
        self.desk_edit.setText(found.request_desk)
        self.address_edit.setText(found.address)
        self.phone_edit.setText(found.phone)
        self.sender_title_edit.setText(found.sender_title)
        self.sender_name_edit.setText(found.sender_name)
        self.corporate_edit.setText(found.corporate_number)
        self.corporate_error.hide()

    def _save_contact(self) -> None:
        fields = {
            "request_desk": self.desk_edit.text(),
            "address": self.address_edit.text(),
            "phone": self.phone_edit.text(),
            "sender_title": self.sender_title_edit.text(),
            "sender_name": self.sender_name_edit.text(),
            "corporate_number": self.corporate_edit.text(),
        }
        try:  # said beside the field at once; the service checks it again
            office_contact.checked_corporate_number(fields["corporate_number"])
        except errors.InvalidInput as problem:
            self.corporate_error.setText(problem.message)
            self.corporate_error.show()
            self.corporate_edit.setFocus()
            return
        self.context.run(
            lambda s: office_contact.change_contact(s, **fields),
            owner=self,
            on_done=lambda found: (
                self._show_contact(found),
                self.status.setText(self.tr("The sender, contact and corporate number are saved.")),
            ),
        )

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
        self._show_contact(OfficeContact("", "", ""))

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
