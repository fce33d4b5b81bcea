"""First run: the office, its manager account, the areas for the ledger, and the recovery sheet,
which must be printed or saved before anything else can be used."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.bootstrap import Workspace
from app.domain.recovery_key import RecoveryKey
from app.services import setup
from app.session import Session
from ui.dialogs.password_dialogs import PolicyHints
from ui.dialogs.recovery_sheet import RecoverySheetPanel
from ui.errors import message_for
from ui.signin_dialog import PasswordEdit
from ui.styles import set_role
from ui.tasks import DatabaseThread


class OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("officePage")
        self.setTitle(self.tr("Welcome to MyNumber Desk"))
        self.setSubTitle(
            self.tr("First, the name of the office whose My Numbers will be kept here.")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. 社会福祉法人○○会 本部事務局"))
        self.registerField("office*", self.name_edit)
        explanation = QLabel(
            self.tr(
                "The data is kept encrypted on this PC only. It opens with a staff member's "
                "password together with a secret held by this PC's Windows account, so a copied "
                "file is useless elsewhere."
            )
        )
        explanation.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Office name"), self.name_edit)
        form.addRow(explanation)


class ManagerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("managerPage")
        self.setTitle(self.tr("The manager's account"))
        self.setSubTitle(
            self.tr(
                "The person responsible for specific personal information "
                "(特定個人情報管理責任者) signs in with this account and creates the others."
            )
        )
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("managerLoginEdit")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("managerNameEdit")
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("managerPasswordEdit")
        self.repeat_edit = PasswordEdit()
        self.repeat_edit.setObjectName("managerRepeatEdit")
        self.hints = PolicyHints()
        self.problem = QLabel()
        self.problem.setObjectName("managerProblem")
        set_role(self.problem, "error")
        # Most small offices have one person doing everything: the default lets the manager
        # register people at once instead of meeting a refusal on the first click.
        self.clerical_check = QCheckBox(
            self.tr("This person also does the My Number work (registers people and numbers)")
        )
        self.clerical_check.setObjectName("managerClericalCheck")
        self.clerical_check.setChecked(True)
        clerical_note = QLabel(
            self.tr(
                "Leave this ticked in an office where one person does the work: the account "
                "also gets the role 事務取扱担当者 with every task and every group of people. "
                "Untick it when other staff will do the work; you then add them under Staff."
            )
        )
        clerical_note.setWordWrap(True)
        set_role(clerical_note, "note")
        form = QFormLayout(self)
        form.addRow(self.tr("User name (letters and digits)"), self.login_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Password (again)"), self.repeat_edit)
        form.addRow(self.hints)
        form.addRow(self.problem)
        form.addRow(self.clerical_check)
        form.addRow(clerical_note)
        for edit in (self.login_edit, self.name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.hints.update_for(
            self.password_edit.text(), self.login_edit.text(), self.name_edit.text()
        )
        differs = bool(self.repeat_edit.text()) and (
            self.repeat_edit.text() != self.password_edit.text()
        )
        self.problem.setText(self.tr("The two passwords differ.") if differs else "")
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        """The full policy, common-password check included, before anything is created."""
        from app import errors
        from app.services import passwords

        try:
            passwords.check(
                self.password_edit.text(),
                login=self.login_edit.text(),
                display_name=self.name_edit.text(),
            )
        except errors.PasswordRejected as rejected:
            self.problem.setText(rejected.message)
            return False
        return True

    def isComplete(self) -> bool:
        return (
            bool(self.login_edit.text().strip())
            and bool(self.name_edit.text().strip())
            and self.password_edit.text() == self.repeat_edit.text()
            and self.hints.update_for(
                self.password_edit.text(), self.login_edit.text(), self.name_edit.text()
            )
        )


class AreasPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("areasPage")
        self.setTitle(self.tr("Where the numbers are handled"))
        self.setSubTitle(
            self.tr(
                "Describe the 管理区域 (where the files are kept) and the 取扱区域 (where the "
                "work is done). They are printed in the management ledger."
            )
        )
        self.management_edit = QPlainTextEdit()
        self.management_edit.setObjectName("managementAreaEdit")
        self.management_edit.setPlaceholderText(
            self.tr("e.g. 事務室内の施錠できる書庫と、このPCを置く総務担当の席")
        )
        self.handling_edit = QPlainTextEdit()
        self.handling_edit.setObjectName("handlingAreaEdit")
        self.handling_edit.setPlaceholderText(
            self.tr("e.g. 総務担当の執務席（来客から画面が見えない位置、のぞき見防止フィルター）")
        )
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        form = QFormLayout(self)
        form.addRow(self.tr("管理区域"), self.management_edit)
        form.addRow(self.tr("取扱区域"), self.handling_edit)
        form.addRow(self.error)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the office data"))


class RecoveryPage(QWizardPage):
    """Shows the recovery sheet; Next stays disabled until it is printed or saved and the
    clerk confirms it is in a safe place."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recoveryPage")
        self.setTitle(self.tr("The recovery sheet"))
        self.setSubTitle(
            self.tr(
                "This sheet is the only way to open the data on a new PC or when every "
                "password is lost. Print it (or save it to a USB stick) and keep it in the "
                "office safe."
            )
        )
        self.panel = RecoverySheetPanel()
        self.panel.completeness_changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def isComplete(self) -> bool:
        return self.panel.is_complete()


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("summaryPage")
        self.setTitle(self.tr("Ready"))
        self.summary = QLabel()
        self.summary.setObjectName("setupSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch()


class FirstRunWizard(QWizard):
    """Creates the vault when the areas page is committed; `session` is the manager's."""

    def __init__(
        self, workspace: Workspace, db: DatabaseThread, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.workspace = workspace
        self.db = db
        self.session: Session | None = None
        self.recovery_key: RecoveryKey | None = None
        self.setWindowTitle(self.tr("MyNumber Desk — set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(720, 620)
        self.office_page = OfficePage()
        self.manager_page = ManagerPage()
        self.areas_page = AreasPage()
        self.recovery_page = RecoveryPage()
        self.summary_page = SummaryPage()
        for page in (
            self.office_page,
            self.manager_page,
            self.areas_page,
            self.recovery_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.creating = False

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is self.areas_page and self.session is None:
            self._create()
            return False  # moves on once the vault exists (KDF runs off the GUI thread)
        return super().validateCurrentPage()

    def _create(self) -> None:
        if self.creating:
            return
        self.creating = True
        self.areas_page.error.setText(self.tr("Creating the encrypted data…"))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        workspace = self.workspace
        office = self.office_page.name_edit.text()
        login = self.manager_page.login_edit.text()
        name = self.manager_page.name_edit.text()
        password = self.manager_page.password_edit.text()
        management = self.areas_page.management_edit.toPlainText()
        handling = self.areas_page.handling_edit.toPlainText()
        clerical = self.manager_page.clerical_check.isChecked()

        def work() -> tuple[setup.SetupResult, bytes]:
            result = setup.initialize(
                workspace.paths,
                office_name=office,
                admin_login=login,
                admin_display_name=name,
                admin_password=password,
                clock=workspace.clock,
                management_area=management,
                handling_area=handling,
                manager_does_clerical_work=clerical,
            )
            return result, setup.recovery_sheet_pdf(result.session, result.recovery_key)

        self.db.run_task(work, owner=self, on_done=self._created, on_error=self._failed)

    def _created(self, outcome: tuple[setup.SetupResult, bytes]) -> None:
        result, pdf = outcome
        self.creating = False
        self.session = result.session
        self.recovery_key = result.recovery_key
        self.areas_page.error.clear()
        self.recovery_page.panel.show_sheet(pdf)
        next_step = (
            self.tr(
                "%2 also does the My Number work and can register people and import a list at "
                "once. When other staff take over the work, add them under Staff and remove "
                "the role 事務取扱担当者 from this account."
            )
            if self.manager_page.clerical_check.isChecked()
            else self.tr(
                "Next: add the staff who handle My Numbers under Staff, with their tasks and "
                "groups of people."
            )
        )
        self.summary_page.summary.setText(
            (self.tr("The office data for %1 was created. %2 is the manager.") + "\n\n" + next_step)
            .replace("%1", self.office_page.name_edit.text().strip())
            .replace("%2", self.manager_page.login_edit.text().strip())
        )
        self.next()

    def _failed(self, error: BaseException) -> None:
        self.creating = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.areas_page.error.setText(message_for(error))

    def reject(self) -> None:
        """Cancelling before the recovery sheet is confirmed leaves no data behind."""
        if self.session is not None and not self.recovery_page.isComplete():
            session, self.session = self.session, None
            self.db.call(lambda: setup.discard_unconfirmed(session))
        super().reject()
