"""The identity verification wizard (本人確認, 番号法第16条): the clerk answers what happened and
the rules of app.domain.verification say, at every step, what is still missing and why. The
service decides again when the record is written; nothing here is trusted by it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG, PersonKind
from app.domain.retention import era_year
from app.domain.verification import (
    AGENT_EXEMPTION,
    CATALOGUE,
    EMPLOYEE_FORMS,
    EMPLOYER_EXEMPTION,
    Assessment,
    Channel,
    Comparison,
    Document,
    Flags,
    IdentityField,
    Provider,
    Subject,
    VerificationRequest,
    assess,
    employer_verifies,
)
from app.services import verification
from app.services.verification import (
    NewNumber,
    VerificationContext,
    VerificationEntry,
    VerificationRow,
)
from ui.check_wizard import CheckWizard, kept_html
from ui.context import UiContext
from ui.dialogs.number_entry_dialog import wipe
from ui.models.people_table_model import number_state
from ui.verification_check_pages import NumberPage, ResultPage
from ui.verification_compare_page import ComparePage
from ui.verification_documents_page import DocumentsPage
from ui.verification_pages import ChannelPage, EmployeeFormPage, ProviderPage, SubjectPage

SUBJECT, PROVIDER, CHANNEL, DOCUMENTS, COMPARE, NUMBER, RESULT, FORM = range(8)


def _default_subject(ctx: VerificationContext) -> Subject:
    if "national_pension_3" in ctx.collected_for:
        return Subject.SPOUSE_3GO
    return ctx.subjects[0]


class VerificationWizard(CheckWizard):
    def __init__(
        self,
        context: UiContext,
        ctx: VerificationContext,
        today: date,
        parent: QWidget | None,
        *,
        carried: bytearray | None = None,
    ) -> None:
        """`carried`: the number the clerk has just typed twice to register it (the number
        entry dialog's 「続けて本人確認」), put in the number check (hidden) instead of asking
        for it a third time; the service still compares it with the one on file. The buffer
        is wiped here; the field is cleared when the wizard closes, as any typed number is."""
        super().__init__(context, parent)
        person = ctx.person
        self.setWindowTitle(self.tr("Identity check: %1").replace("%1", person.name))
        self.setObjectName("verificationWizard")
        self.ctx = ctx
        self.recorded: VerificationRow | None = None
        self.today = today
        agent = ctx.employee.name if ctx.employee is not None else ""
        self.subject_page = SubjectPage(
            ctx.subjects,
            _default_subject(ctx),
            today,
            registrable=ctx.registrable_purposes,
            collected_for=ctx.collected_for if ctx.number_registered else frozenset(),
        )
        kind = PersonKind(person.kind).label
        self.subject_page.person_label.setText(f"{person.name}（{person.kana}）　{kind}")
        self.provider_page = ProviderPage(agent)
        self.channel_page = ChannelPage()
        self.documents_page = DocumentsPage()
        born = (
            japanese_day(person.birth_date, weekday=False)
            if person.birth_date
            else self.tr("(no birth date on record)")
        )
        self.compare_page = ComparePage(f"{person.name}　{born}")
        self.number_page = NumberPage(
            not ctx.number_registered,
            deleted=number_state(person) if person.deletion_record is not None else None,
        )
        self.form_page = EmployeeFormPage(agent)
        if carried is not None:
            if ctx.number_registered:
                self.number_page.carry(carried)
            wipe(carried)
        self.result_page = ResultPage()
        for page_id, page in (
            (SUBJECT, self.subject_page),
            (PROVIDER, self.provider_page),
            (CHANNEL, self.channel_page),
            (DOCUMENTS, self.documents_page),
            (COMPARE, self.compare_page),
            (NUMBER, self.number_page),
            (RESULT, self.result_page),
            (FORM, self.form_page),
        ):
            self.setPage(page_id, page)

    # What the clerk has said so far ---------------------------------------------------------

    @property
    def subject(self) -> Subject:
        return self.subject_page.subject

    @property
    def employer_checks(self) -> bool:
        return employer_verifies(self.subject)

    @property
    def provider(self) -> Provider:
        return self.provider_page.provider if self.employer_checks else Provider.SELF

    @property
    def channel(self) -> Channel:
        return self.channel_page.channel if self.employer_checks else Channel.IN_PERSON

    def flags(self) -> Flags:
        flags = Flags(
            known_employee_verified_at_hiring=(
                self.subject is Subject.EMPLOYEE
                and self.provider is Provider.SELF
                and self.channel_page.known_employee.isChecked()
            ),
            agent_known_employee_verified_at_hiring=(
                self.provider.is_agent and self.provider_page.agent_known.isChecked()
            ),
        )
        return verification.with_facts(
            self.ctx, VerificationRequest(self.subject, flags=flags)
        ).flags

    def chosen_documents(self) -> list[Document]:
        return [CATALOGUE[item.code] for item in self.documents_page.presented()]

    def request(self, *, documents_only: bool = False) -> VerificationRequest:
        purposes = frozenset(self.purposes())
        if not self.employer_checks:
            return VerificationRequest(self.subject, flags=self.flags(), purposes=purposes)
        pages = self.documents_page
        # While ticking, nothing is compared yet: assume the faces match, so the lists say
        # what the documents themselves do.
        comparison = (
            Comparison(photo_matches_face=True, agent_photo_matches_face=True)
            if documents_only
            else self.compare_page.comparison()
        )
        return VerificationRequest(
            self.subject,
            provider=self.provider,
            channel=self.channel,
            documents=pages.presented(),
            flags=self.flags(),
            comparison=comparison,
            use_employer_exemption=pages.exemption_used(EMPLOYER_EXEMPTION.code),
            use_agent_exemption=pages.exemption_used(AGENT_EXEMPTION.code),
            purposes=purposes,
            fallback_reasons=pages.fallback_reasons(),
        )

    def verified_on(self) -> date:
        return self.subject_page.verified_on() or self.today

    def assessment(self, *, documents_only: bool = False) -> Assessment:
        """The same pure decision the service makes, with the facts of the database."""
        request = verification.with_facts(self.ctx, self.request(documents_only=documents_only))
        return assess(request, self.verified_on())

    def purposes(self) -> frozenset[str]:
        if self.ctx.number_registered:
            return self.ctx.collected_for
        return frozenset(self.subject_page.chosen_purposes())

    def purpose_problem(self) -> str | None:
        return verification.purpose_problem(self.subject, self.purposes())

    def entry(self) -> VerificationEntry:
        page = self.number_page
        new_number = presented = None
        if not self.ctx.number_registered:
            new_number = NewNumber(
                page.first.text(),
                page.second.text(),
                self.subject_page.chosen_purposes(),
                reason=page.reason.currentText() if page.again else "",
            )
        else:
            presented = page.first.text()
        agent = self.provider.is_agent
        form, year = self.form_page.chosen() if not self.employer_checks else ("", None)
        return VerificationEntry(
            request=self.request(),
            verified_on=self.verified_on(),
            agent_name=self.provider_page.agent_name.text() if agent else "",
            agent_relation=self.provider_page.agent_relation.text() if agent else "",
            note=self.result_page.note.text(),
            new_number=new_number,
            presented_number=presented,
            employee_form=form,
            form_year=year,
        )

    def summary_html(self) -> str:
        """What the record will keep, and what it will not."""
        entry = self.entry()
        request = verification.with_facts(self.ctx, entry.request)
        result = assess(request, entry.verified_on)
        used = verification.documents_used(request, result)
        day = entry.verified_on
        purposes = "、".join(CATALOG[c].short_name for c in CATALOG if c in request.purposes)
        rows = [
            (self.tr("Date"), f"{day.year}年{day.month}月{day.day}日"),
            (self.tr("For"), request.subject.label),
            (self.tr("Purposes"), purposes or "—"),
        ]
        if self.employer_checks:
            rows += [
                (
                    self.tr("Provided by"),
                    verification.provider_line(
                        request.provider, entry.agent_name.strip(), entry.agent_relation.strip()
                    ),
                ),
                (self.tr("Received"), request.channel.label),
                (
                    self.tr("Documents"),
                    "、".join(
                        f"{CATALOGUE[d.code].name}：{d.form.short_label}"
                        if CATALOGUE[d.code].physical
                        else CATALOGUE[d.code].name
                        for d in used
                    )
                    or "—",
                ),
                (self.tr("Compared"), self._compared_text(request, result)),
            ]
            photos = self._photos_text(request)
            if photos:
                rows.append((self.tr("Photo and face"), photos))
            for check, why in request.fallback_reasons:
                if check in result.fallback_checks:
                    rows.append((self.tr("Why not the usual document"), f"{check.label}：{why}"))
        else:
            employee = self.ctx.employee.name if self.ctx.employee else ""
            code, year = self.form_page.chosen()
            form = next(
                (f.name for f in EMPLOYEE_FORMS.get(request.subject, ()) if f.code == code), ""
            )
            if year is not None:
                form = f"{form}（{era_year(year)}分）"
            rows.append((self.tr("Provided by"), self.tr("%1 (employee)").replace("%1", employee)))
            rows.append((self.tr("On the form"), form))
            linked = self.ctx.employee_verification
            if linked is not None:
                rows.append(
                    (
                        self.tr("Rests on"),
                        self.tr("the identity check of %1 (record No. %2)")
                        .replace("%1", employee)
                        .replace("%2", str(linked.id)),
                    )
                )
        session = self.context.session
        if session is not None:
            rows.append((self.tr("Checked by"), session.user.display_name))
        return kept_html(
            self.tr("The record will keep:"),
            rows,
            self.tr("It never keeps the My Number, the documents' own numbers or any image."),
        )

    def _compared_text(self, request: VerificationRequest, result: Assessment) -> str:
        comparison = request.comparison
        parts = []
        for field in IdentityField:
            found = comparison.result(field)
            if found is None:
                continue
            note = comparison.note(field)
            parts.append(f"{field.label}：{found.label}" + (f"（{note}）" if note else ""))
        if parts:
            return "、".join(parts)
        return (
            self.tr("— (one My Number Card: nothing to compare)")
            if not (result.comparison_needed)
            else "—"
        )

    def _photos_text(self, request: VerificationRequest) -> str:
        words = {True: self.tr("same person"), False: self.tr("does not match")}
        parts = []
        comparison = request.comparison
        for who, answer in (
            (self.tr("the person"), comparison.photo_matches_face),
            (self.tr("the agent"), comparison.agent_photo_matches_face),
        ):
            if answer is not None:
                parts.append(f"{who}：{words[answer]}")
        return "、".join(parts)

    # Page order -------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == SUBJECT:
            if self.employer_checks:
                return PROVIDER
            return FORM
        if current == FORM:
            return NUMBER
        if current == COMPARE:
            return NUMBER
        if current == NUMBER:
            return RESULT
        if current == RESULT:
            return -1
        return current + 1

    # Recording ----------------------------------------------------------------------------------

    def accept(self) -> None:
        """Written on the database thread; a refusal keeps the wizard open with the reason."""
        entry = self.entry()
        person_id = self.ctx.person.id

        def saved(row: VerificationRow) -> None:
            self.recorded = row
            self.number_page.clear()

        self.record(
            lambda s: verification.record(s, person_id, entry), self.result_page.error, saved
        )

    def reject(self) -> None:
        self.number_page.clear()
        super().reject()
