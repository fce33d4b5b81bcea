"""A leaver's 退職所得の源泉徴収票・特別徴収票 of a year whose form the program holds: the clerk types the retirement
allowance by 区分, the 退職所得控除額 and the dates, saves it, and previews the 受給者交付用 (no
number), the 税務署提出用 or the 市区町村提出用 (特別徴収票), the last two registered and never
saved plainly."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.retirement_slip import (
    ADDRESS,
    ADDRESS_JAN1,
    COLUMNS,
    DEDUCTION,
    HIRED_ON,
    MUNICIPAL,
    POSITION,
    RECIPIENT,
    REMARKS,
    ROWS,
    SPECIAL_CODE,
    SPECIAL_CODES,
    TAX_OFFICE,
    YEARS,
    RetirementSlip,
    standard_deduction,
    years_of_service,
)
from app.domain.withholding_slip import InvalidSlip
from app.domain.year_end import FORMS, LEFT_ON, RETIREMENT
from app.services import outputs, payment_forms, retirement_forms
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

DEFAULT_DESTINATION = {TAX_OFFICE: "税務署", MUNICIPAL: "市区町村", RECIPIENT: "本人"}


class RetirementSlipDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        person_id: int,
        name: str,
        *,
        hired_on: str | None = None,
        left_on: str | None = None,
        parent: QWidget | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retirementSlipDialog")
        self.context = context
        self.person_id = person_id
        self.person_name = name
        self.setWindowTitle(self.tr("Retirement income slip: %1").replace("%1", name))
        # Only the years whose form the program holds (resources/forms/taishoku/).
        self.year_box = SlipYearBox(RETIREMENT, context.workspace.clock.now().date(), year, self)
        self.year = self.year_box.year()

        intro = QLabel(
            self.tr(
                "Enter the retirement allowance paid in the year, in yen. The copy for "
                "the recipient carries no My Number or corporate number."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")
        heading = QLabel(FORMS[RETIREMENT])
        set_role(heading, "subheading")

        grid = QGridLayout()
        column_labels = {
            "payment": self.tr("Payments"),
            "tax": self.tr("Income tax withheld"),
            "municipal_tax": self.tr("Municipal tax"),
            "prefectural_tax": self.tr("Prefectural tax"),
        }
        row_labels = {
            "general": self.tr("Ordinary"),
            "officer_short": self.tr("Specified officer / short service"),
            "no_declaration": self.tr("No declaration submitted (20.42%)"),
        }
        levy = QLabel(self.tr("Special levy (resident tax)"))
        grid.addWidget(levy, 0, 3, 1, 2)
        for column, key in enumerate(COLUMNS, start=1):
            grid.addWidget(QLabel(column_labels[key]), 1, column)
        self.amounts: dict[str, YenEdit] = {}
        for row, row_key in enumerate(ROWS, start=2):
            grid.addWidget(QLabel(row_labels[row_key]), row, 0)
            for column, key in enumerate(COLUMNS, start=1):
                # Named in a message as 一般（…）の支払金額.
                label = (
                    self.tr("%1: %2")
                    .replace("%1", row_labels[row_key])
                    .replace("%2", column_labels[key])
                )
                edit = YenEdit(f"amount_{row_key}_{key}", label, self)
                self.amounts[f"{row_key}_{key}"] = edit
                grid.addWidget(edit, row, column)

        for column in range(1, len(COLUMNS) + 1):
            grid.setColumnStretch(column, 1)
        form = QFormLayout()
        deduction_label = self.tr("Retirement income deduction")
        self.amounts[DEDUCTION] = YenEdit(f"amount_{DEDUCTION}", deduction_label, self)
        form.addRow(deduction_label, self.amounts[DEDUCTION])
        self.amounts[DEDUCTION].textEdited.connect(
            lambda _text: self.amounts[DEDUCTION].setProperty("suggested", False)
        )
        self.hired = date_edit("hiredOn", self)
        self.left = date_edit("leftOn", self)
        set_date(self.hired, hired_on)
        set_date(self.left, left_on)
        form.addRow(self.tr("Joined on"), self.hired)
        form.addRow(self.tr("Left on"), self.left)
        self.years = QLineEdit()
        self.years.setObjectName("yearsOfService")
        self.years.setMaxLength(2)
        form.addRow(self.tr("Years of service"), self.years)
        self.hired.dateChanged.connect(self._suggest_years)
        self.left.dateChanged.connect(self._suggest_years)
        self.texts: dict[str, QLineEdit] = {}
        for key, label in (
            (ADDRESS, self.tr("Recipient's address")),
            (ADDRESS_JAN1, self.tr("Address on 1 January of the year of payment")),
            (POSITION, self.tr("Position")),
            (REMARKS, self.tr("Remarks")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"text_{key}")
            self.texts[key] = edit
            form.addRow(label, edit)
        self.code = QComboBox()
        self.code.setObjectName("specialCode")
        self.code.addItem(self.tr("(blank: ordinary retirement allowance)"), "")
        for code, label in SPECIAL_CODES.items():
            self.code.addItem(f"{code}　{label}", code)
        form.addRow(self.tr("Payout code"), self.code)

        self.copy_box = QComboBox()
        self.copy_box.setObjectName("slipCopy")
        self.copy_box.addItem(self.tr("For the recipient (no numbers)"), RECIPIENT)
        self.copy_box.addItem(self.tr("For the tax office"), TAX_OFFICE)
        self.copy_box.addItem(self.tr("Special levy slip for the municipality"), MUNICIPAL)
        form.addRow(self.tr("Copy"), self.copy_box)
        self.order = OrderFields(self, form)
        # The same papers as the 給与 slip, each printed at true size (form_printer).
        self.paper = SlipPaperBox(self.year, self, form=RETIREMENT)
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
        inner = QVBoxLayout(self.fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(grid)
        inner.addLayout(form)
        inner.addStretch(1)
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
        fit_to_screen(self, 880, self.fields.sizeHint().height() + 130)
        self._suggest_years()
        context.run(payment_forms.office_payer, owner=self, on_done=self.payer.prefill)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self._load()

    def _load(self) -> None:
        person_id, year = self.person_id, self.year
        self.context.run(
            lambda s: retirement_forms.load(s, person_id, year), owner=self, on_done=self._loaded
        )

    def _year_changed(self) -> None:
        """Another year: its stored slip, once loaded (typing waits for it)."""
        self.year = self.year_box.year()
        self.paper.year = self.year
        for widget in (self.fields, self.save_button, self.preview_button):
            widget.setEnabled(False)
        self.saved.hide()
        self._load()

    def _loaded(self, slip: RetirementSlip | None) -> None:
        for widget in (self.fields, self.save_button, self.preview_button):
            widget.setEnabled(True)
        if slip is None:
            # Nothing stored for the year: empty fields, the deduction suggested again.
            for amount in self.amounts.values():
                amount.set_value(None)
            for edit in self.texts.values():
                edit.clear()
            self.code.setCurrentIndex(0)
            self._suggest_years()
            return
        set_date(self.hired, slip.texts.get(HIRED_ON))
        set_date(self.left, slip.texts.get(LEFT_ON))
        for key, edit in self.amounts.items():
            edit.set_value(slip.amounts.get(key))
        self.amounts[DEDUCTION].setProperty("suggested", False)
        for key, edit in self.texts.items():
            edit.setText(slip.texts.get(key, ""))
        self.years.setText(slip.texts.get(YEARS, ""))
        self.code.setCurrentIndex(max(0, self.code.findData(slip.texts.get(SPECIAL_CODE, ""))))

    def _suggest_years(self) -> None:
        """勤続年数 from the two dates (a part of a year counts as a year), until typed over."""
        hired, left = date_text(self.hired), date_text(self.left)
        if hired and left and hired <= left:
            years = years_of_service(self.hired.date().toPython(), self.left.date().toPython())
            self.years.setText(str(years))
            # The standard 退職所得控除額 for those years, unless one was typed or stored.
            deduction = self.amounts[DEDUCTION]
            if not deduction.text() or deduction.property("suggested"):
                deduction.set_value(standard_deduction(years))
                deduction.setProperty("suggested", True)

    def _copy_changed(self) -> None:
        copy = self.copy_box.currentData()
        self.order.set_copy(copy != RECIPIENT, DEFAULT_DESTINATION[copy])

    def _slip(self) -> RetirementSlip:
        texts = {key: edit.text().strip() for key, edit in self.texts.items()}
        texts.update(
            {
                HIRED_ON: date_text(self.hired),
                LEFT_ON: date_text(self.left),
                YEARS: self.years.text().strip(),
                SPECIAL_CODE: self.code.currentData(),
            }
        )
        amounts = read_amounts(self.amounts)
        return RetirementSlip(
            self.person_id,
            self.year,
            amounts,
            {key: value for key, value in texts.items() if value},
        )

    def _checked_slip(self) -> RetirementSlip | None:
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
            self.saved.setText(self.tr("Saved."))
            self.saved.show()

        self.context.run(lambda s: retirement_forms.save(s, slip), owner=self, on_done=done)

    def preview(self, reason: str = "") -> None:
        slip = self._checked_slip()
        if slip is None:
            return
        copy = self.copy_box.currentData()
        payer = self.payer.payer()
        order = self.order.order(reason)
        title = f"{FORMS[RETIREMENT]}（{self.copy_box.currentText()}）"
        year, sheet = slip.year, self.paper.sheet()

        def work(session):
            try:
                return retirement_forms.render_output(
                    session, year, copy, [slip], payer, sheet=sheet, order=order
                )
            except outputs.BulkReasonRequired as refused:
                return refused

        # At true size; onto pre-printed forms moved by the chosen printer's offset.
        printer = form_printer(preprinted=self.paper.preprinted(), numbers=copy != RECIPIENT)
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
