"""A payee's 支払調書 of a year whose form the program holds (報酬・料金 309 or 不動産の使用料等 313, by the payee's kind of
payment): the clerk types one slip per 区分, saves it, and previews the 税務署提出用 (with numbers,
registered, no plain save) or the payee's 写し (no number at all)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.payment_slip import (
    BASIS,
    BROKER_ADDRESS,
    BROKER_NAME,
    BROKER_NUMBER,
    CATEGORIES,
    CONFIRMED_ON,
    DETAIL,
    PAYEE,
    PAYEE_ADDRESS,
    PROPERTY,
    REMARKS,
    TAX_OFFICE,
    PaymentSlip,
)
from app.domain.withholding_slip import InvalidSlip
from app.domain.year_end import FEES, FORMS, PAYMENT_KIND, RENT
from app.services import outputs, payment_forms
from ui.context import UiContext
from ui.dialogs.statutory_output import (
    OrderFields,
    PayerFields,
    date_edit,
    date_text,
    set_date,
    show_rendered,
)
from ui.form_printing import form_printer
from ui.styles import make_primary, set_role
from ui.widgets.slip_paper import SlipPaperBox
from ui.widgets.slip_year import SlipYearBox
from ui.widgets.yen_edit import AmountError, YenEdit, read_amounts
from ui.window_state import fit_to_screen

MAX_SLIPS = 20


class PaymentSlipDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        person_id: int,
        name: str,
        payment_kind: str,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paymentSlipDialog")
        self.context = context
        self.person_id = person_id
        self.person_name = name
        self.form = RENT if payment_kind == "rent" else FEES
        self.loaded: dict[int, PaymentSlip] = {}
        self.setWindowTitle(self.tr("Payment record: %1").replace("%1", name))
        # Only the years whose form the program holds (resources/forms/hoshu/, fudosan/).
        self.year_box = SlipYearBox(self.form, context.workspace.clock.now().date(), year, self)
        self.year = self.year_box.year()

        intro = QLabel(
            self.tr(
                "Enter the payments of the year, one record per category, in yen. "
                "The copy for the payee carries no My Number or corporate number."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")
        heading = QLabel(FORMS[self.form])
        set_role(heading, "subheading")

        form = QFormLayout()
        self.slip_box = QSpinBox()
        self.slip_box.setObjectName("slipNumber")
        self.slip_box.setRange(1, MAX_SLIPS)
        self.slip_box.valueChanged.connect(self._fill)
        form.addRow(self.tr("Record no."), self.slip_box)
        self.category = QComboBox()
        self.category.setObjectName("slipCategory")
        self.category.setEditable(True)
        self.category.addItems(["", *CATEGORIES[self.form]])
        form.addRow(self.tr("Category"), self.category)
        self.texts: dict[str, QLineEdit] = {}

        def text(key: str, label: str) -> None:
            edit = QLineEdit()
            edit.setObjectName(f"text_{key}")
            self.texts[key] = edit
            form.addRow(label, edit)

        text(PAYEE_ADDRESS, self.tr("Payee's address"))
        if self.form == RENT:
            text(PROPERTY, self.tr("Location of the property"))
        text(DETAIL, self.tr("Item details"))
        if self.form == RENT:
            text(BASIS, self.tr("Basis of calculation"))
        self.amounts: dict[str, YenEdit] = {}
        labels = {
            FEES: (
                ("payment", self.tr("Payments")),
                ("payment_inner", self.tr("Of which unpaid")),
                ("tax", self.tr("Tax withheld")),
                ("tax_inner", self.tr("Of which not yet withheld")),
            ),
            RENT: (("payment", self.tr("Payments")), ("broker_fee", self.tr("Broker's fee"))),
        }[self.form]
        for key, label in labels:
            self.amounts[key] = YenEdit(f"amount_{key}", label, self)
            form.addRow(label, self.amounts[key])
        if self.form == RENT:
            text(BROKER_NAME, self.tr("Broker"))
            text(BROKER_ADDRESS, self.tr("Broker's address"))
            text(BROKER_NUMBER, self.tr("Broker's corporate number"))
            self.texts[BROKER_NUMBER].setMaxLength(13)
            self.confirmed = date_edit("confirmedOn", self)
            form.addRow(self.tr("Payment fixed on"), self.confirmed)
        text(REMARKS, self.tr("Remarks"))

        self.copy_box = QComboBox()
        self.copy_box.setObjectName("slipCopy")
        self.copy_box.addItem(self.tr("Copy for the payee (no numbers)"), PAYEE)
        self.copy_box.addItem(self.tr("For the tax office"), TAX_OFFICE)
        form.addRow(self.tr("Copy"), self.copy_box)
        self.all_box = QCheckBox(self.tr("Every saved record of this payee (one slip each)"))
        self.all_box.setObjectName("slipAllRecords")
        form.addRow("", self.all_box)
        self.order = OrderFields(self, form)
        # The same papers as the 給与 slip, each printed at true size (form_printer).
        self.paper = SlipPaperBox(self.year, self, form=self.form)
        form.addRow(self.tr("Paper"), self.paper)
        self.copy_box.currentIndexChanged.connect(self._copy_changed)
        self.payer = PayerFields(self, form)

        self.error = QLabel()
        self.error.setObjectName("slipError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()
        self.saved = QLabel()
        self.saved.setObjectName("slipSaved")
        set_role(self.saved, "ok")
        self.saved.hide()

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("slipSaveButton")
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("slipPreviewButton")
        make_primary(self.preview_button)
        self.preview_button.clicked.connect(lambda: self.preview())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        year_row = QFormLayout()
        year_row.addRow(self.tr("Year"), self.year_box)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(year_row)
        # Typing waits for the stored record, which would otherwise overwrite it.
        self.fields = QWidget()
        self.fields.setObjectName("slipFields")
        self.fields.setLayout(form)
        self.fields.setEnabled(False)
        self.save_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        # Scrolls on a small screen rather than pushing the buttons off it.
        scroll = QScrollArea()
        scroll.setObjectName("slipScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)
        self._copy_changed()
        fit_to_screen(self, 560, self.fields.sizeHint().height() + 130)
        context.run(payment_forms.office_payer, owner=self, on_done=self.payer.prefill)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self._load()

    def _load(self) -> None:
        person_id, year, form = self.person_id, self.year, self.form
        self.context.run(
            lambda s: payment_forms.slips(s, person_id, year, form),
            owner=self,
            on_done=self._loaded,
        )

    def _year_changed(self) -> None:
        """Another year: its stored records, once loaded (typing waits for them)."""
        self.year = self.year_box.year()
        self.paper.year = self.year
        for widget in (self.fields, self.save_button, self.preview_button):
            widget.setEnabled(False)
        self.saved.hide()
        self._load()

    def _loaded(self, slips: list[PaymentSlip]) -> None:
        self.loaded = {slip.slip: slip for slip in slips}
        for widget in (self.fields, self.save_button, self.preview_button):
            widget.setEnabled(True)
        self._fill()

    def _fill(self) -> None:
        """Show the stored record of the chosen number, or empty fields for a new one."""
        slip = self.loaded.get(self.slip_box.value())
        texts = dict(slip.texts) if slip else {}
        self.category.setCurrentText(texts.get(PAYMENT_KIND, ""))
        for key, edit in self.texts.items():
            edit.setText(texts.get(key, ""))
        for key, edit in self.amounts.items():
            edit.set_value(slip.amounts.get(key) if slip else None)
        if self.form == RENT:
            set_date(self.confirmed, texts.get(CONFIRMED_ON))

    def _copy_changed(self) -> None:
        numbered = self.copy_box.currentData() == TAX_OFFICE
        self.order.set_copy(numbered, "税務署" if numbered else "本人")

    def _slip(self) -> PaymentSlip:
        texts = {key: edit.text().strip() for key, edit in self.texts.items()}
        texts[PAYMENT_KIND] = self.category.currentText().strip()
        if self.form == RENT:
            texts[CONFIRMED_ON] = date_text(self.confirmed)
        amounts = read_amounts(self.amounts)
        return PaymentSlip(
            self.person_id,
            self.year,
            self.form,
            amounts,
            {key: value for key, value in texts.items() if value},
            self.slip_box.value(),
        )

    def _checked_slip(self) -> PaymentSlip | None:
        self.saved.hide()
        try:
            slip = self._slip()
        except (InvalidSlip, AmountError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        self.error.hide()
        return slip

    def save(self) -> None:
        slip = self._checked_slip()
        if slip is None:
            return

        def done(_changed: list[str]) -> None:
            self.loaded[slip.slip] = slip
            self.saved.setText(self.tr("Saved."))
            self.saved.show()

        self.context.run(lambda s: payment_forms.save(s, slip), owner=self, on_done=done)

    def preview(self, reason: str = "") -> None:
        slip = self._checked_slip()
        if slip is None:
            return
        copy = self.copy_box.currentData()
        payer = self.payer.payer()
        order = self.order.order(reason)
        title = f"{FORMS[self.form]}（{self.copy_box.currentText()}）"
        form = self.form

        every = self.all_box.isChecked()
        person_id, year = self.person_id, slip.year
        sheet = self.paper.sheet()

        def work(session):
            # The saved records as stored, or the one on screen as typed.
            chosen = payment_forms.slips(session, person_id, year, form) if every else [slip]
            if copy == PAYEE:
                return payment_forms.render_payee_copy(
                    session, year, form, chosen, payer, sheet=sheet
                )
            try:
                return payment_forms.render_tax_office(
                    session, year, form, chosen, payer, sheet=sheet, order=order
                )
            except outputs.BulkReasonRequired as refused:
                return refused

        # At true size; onto pre-printed forms moved by the chosen printer's offset.
        printer = form_printer(preprinted=self.paper.preprinted(), numbers=copy == TAX_OFFICE)
        self.context.run(
            work,
            owner=self,
            on_done=lambda done: show_rendered(
                self,
                self.context,
                title,
                self.person_name,
                done,
                order,
                self.preview,
                printer=printer,
            ),
        )
