"""What the person page does with the person shown: the dialogs behind its buttons and its
「その他」 menu. A mixin of PersonPanel (ui/widgets/person_panel.py), which holds the profile
shown and refreshes after a change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app.domain.purposes import PersonKind
from app.services import corrections, notices, numbers, people, verification
from app.session import Session
from ui.dialogs.number_entry_dialog import wipe
from ui.models.people_table_model import number_state

if TYPE_CHECKING:
    from ui.widgets.person_panel import PersonPanel

    _Base = PersonPanel
else:
    _Base = object


class PersonActions(_Base):
    # A number just typed twice, on its way to the identity check (「続けて本人確認」): held
    # only while the check's facts load, wiped when handed over, on lock and on any refusal.
    _carried: bytearray | None = None

    def _exec(self, dialog: QDialog, person_id: int) -> bool:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        # exec() leaves the dialog owned by Python: deleted here, on the GUI thread, rather
        # than wherever its last reference happens to go (a late callback finds it gone).
        dialog.deleteLater()
        if accepted:
            self._after_change(person_id)
        return accepted

    def _after_change(self, person_id: int) -> None:
        self.changed.emit(person_id)
        self.show_person(person_id)

    def drop_carried(self) -> None:
        if self._carried is not None:
            wipe(self._carried)
            self._carried = None

    def _edit(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import PersonDialog

        person = profile.details
        person_id = person.id

        def submit(session: Session, values: dict, reason: str) -> Any:
            return corrections.edit_person(session, person_id, values, reason)

        self.context.run(
            people.departments,
            owner=self,
            on_done=lambda names: self._exec(
                PersonDialog(
                    self.context,
                    PersonKind(person.kind),
                    submit,
                    details=person,
                    departments=names,
                    employee_name=profile.employee.name if profile.employee else None,
                    parent=self,
                ),
                person_id,
            ),
        )

    def _add_dependent(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import PersonDialog

        employee_id = profile.details.id

        def submit(session: Session, values: dict, _reason: str) -> Any:
            return people.register_dependent(
                session,
                employee_id=employee_id,
                name=values["name"],
                kana_text=values["kana"],
                relation=values["relation"],
                birth_date=values["birth_date"],
                pension_category3=bool(values["pension_category3"]),
                valid_from=values["valid_from"],
            )

        dialog = PersonDialog(
            self.context,
            PersonKind.DEPENDENT,
            submit,
            employee_name=profile.details.name,
            parent=self,
        )
        self._exec(dialog, employee_id)

    def _retire(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from ui.dialogs.person_dialog import RetireDialog

        person = profile.details
        dialog = RetireDialog(self.context, person.id, PersonKind(person.kind), person.name, self)
        self._exec(dialog, person.id)

    def _register(self) -> None:
        self._number_dialog(correcting=False)

    def _correct_number(self) -> None:
        self._number_dialog(correcting=True)

    def _number_dialog(self, *, correcting: bool) -> None:
        profile = self.profile
        if profile is None:
            return
        person_id = profile.details.id
        self.context.run(
            lambda s: numbers.registrable_purposes(s, person_id),
            owner=self,
            on_done=lambda codes: self._enter_number(person_id, codes, correcting),
        )

    def _enter_number(self, person_id: int, codes: list[str], correcting: bool) -> None:
        from ui.dialogs.number_entry_dialog import NumberEntryDialog

        profile = self.profile
        if profile is None or profile.details.id != person_id:
            return  # another person was opened meanwhile

        def save(session: Session, first: str, second: str, purposes: list, reason: str) -> None:
            if correcting:
                corrections.correct_number(session, person_id, first, second, reason)
            else:
                numbers.register_number(session, person_id, first, second, purposes, reason=reason)

        deleted = profile.deletion_record is not None and not profile.has_number
        dialog = NumberEntryDialog(
            profile.details.name,
            codes,
            self,
            correcting=correcting,
            context=self.context,
            save=save,
            deleted=number_state(profile) if deleted else None,
            offer_check=True,
        )
        if self._exec(dialog, person_id):
            carried = dialog.take_carried()
            if carried is not None:
                self._verify(carried=carried)

    def _verify(self, *, carried: bytearray | None = None) -> None:
        profile = self.profile
        self.drop_carried()
        if profile is None or self.context.session is None:
            if carried is not None:
                wipe(carried)
            return
        person_id = profile.details.id
        self._carried = carried

        def refused(error: BaseException) -> None:
            from ui.errors import show_error

            self.drop_carried()
            show_error(self, error)

        self.context.run(
            lambda s: verification.context(s, person_id),
            owner=self,
            on_done=self._open_verification,
            on_error=refused,
        )

    def _open_verification(self, ctx: verification.VerificationContext) -> None:
        from ui.verification_wizard import VerificationWizard

        carried, self._carried = self._carried, None
        session = self.context.session
        if session is None:
            if carried is not None:
                wipe(carried)
            return
        wizard = VerificationWizard(
            self.context, ctx, session.clock.now().date(), self, carried=carried
        )
        self._exec(wizard, ctx.person.id)

    def _verifications(self) -> None:
        from ui.dialogs.verifications_dialog import VerificationsDialog

        if self.profile is not None:
            person = self.profile.details
            VerificationsDialog(self.context, person.id, person.name, self).exec()

    def _requests(self) -> None:
        from ui.dialogs.requests_dialog import RequestsDialog

        if self.profile is not None:
            person = self.profile.details
            RequestsDialog(self.context, person.id, person.name, self).exec()

    def _purpose_notice(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        if self.profile is None:
            return
        person_id, name = self.profile.details.id, self.profile.details.name
        title = QCoreApplication.translate("PersonActions", "Purpose notice")
        self.context.run(
            lambda s: notices.purpose_notice_pdf(s, person_id),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                title,
                pdf,
                pdf_name(title, name, self.context.workspace.clock.now()),
                self,
            ).exec(),
        )

    def _slip(self) -> None:
        from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

        if self.profile is not None:
            person = self.profile.details
            WithholdingSlipDialog(self.context, person.id, person.name, self).exec()

    def _retirement_slip(self) -> None:
        from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog

        if self.profile is not None:
            person = self.profile.details
            RetirementSlipDialog(
                self.context,
                person.id,
                person.name,
                hired_on=person.hire_date,
                left_on=person.leave_date,
                parent=self,
            ).exec()

    def _payment_slip(self) -> None:
        from ui.dialogs.payment_slip_dialog import PaymentSlipDialog

        if self.profile is not None:
            person = self.profile.details
            kind = person.payment_kind or "fees"
            PaymentSlipDialog(self.context, person.id, person.name, kind, self).exec()

    def _history(self) -> None:
        from ui.dialogs.corrections_dialog import CorrectionsDialog

        if self.profile is not None:
            person = self.profile.details
            CorrectionsDialog(self.context, person.id, person.name, self).exec()
