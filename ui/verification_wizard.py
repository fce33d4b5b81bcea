"""The identity verification wizard (本人確認, 番号法第16条): the clerk answers what happened and
the rules of app.domain.verification say, at every step, what is still missing and why. The
service decides again when the record is written; nothing here is trusted by it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from app.domain.purposes import PersonKind
from app.domain.verification import (
    AGENT_EXEMPTION,
    CATALOGUE,
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
from ui.verification_check_pages import ComparePage, NumberPage, ResultPage
from ui.verification_documents_page import DocumentsPage
from ui.verification_pages import ChannelPage, ProviderPage, SubjectPage

SUBJECT, PROVIDER, CHANNEL, DOCUMENTS, COMPARE, NUMBER, RESULT = range(7)


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
        self.subject_page = SubjectPage(ctx.subjects, _default_subject(ctx), today)
        kind = PersonKind(person.kind).label
        self.subject_page.person_label.setText(f"{person.name}（{person.kana}）　{kind}")
        self.provider_page = ProviderPage(agent)
        self.channel_page = ChannelPage()
        self.documents_page = DocumentsPage()
        born = person.birth_date or self.tr("(no birth date on record)")
        self.compare_page = ComparePage(f"{person.name}　{born}")
        self.number_page = NumberPage(
            not ctx.number_registered,
            ctx.registrable_purposes,
            deleted=number_state(person) if person.deletion_record is not None else None,
        )
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
        if not self.employer_checks:
            return VerificationRequest(self.subject, flags=self.flags())
        pages = self.documents_page
        # While ticking, nothing is compared yet: assume the face matches, so the lists say
        # what the documents themselves do.
        comparison = (
            Comparison(photo_matches_face=True)
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
        return frozenset(self.number_page.chosen_purposes())

    def purpose_problem(self) -> str | None:
        return verification.purpose_problem(self.subject, self.purposes())

    def entry(self) -> VerificationEntry:
        page = self.number_page
        new_number = presented = None
        if not self.ctx.number_registered:
            new_number = NewNumber(
                page.first.text(),
                page.second.text(),
                page.chosen_purposes(),
                reason=page.reason.currentText() if page.again else "",
            )
        else:
            presented = page.first.text()
        agent = self.provider.is_agent
        return VerificationEntry(
            request=self.request(),
            verified_on=self.verified_on(),
            agent_name=self.provider_page.agent_name.text() if agent else "",
            agent_relation=self.provider_page.agent_relation.text() if agent else "",
            note=self.result_page.note.text(),
            new_number=new_number,
            presented_number=presented,
        )

    def summary_html(self) -> str:
        """What the record will keep, and what it will not."""
        entry = self.entry()
        request = verification.with_facts(self.ctx, entry.request)
        used = verification.documents_used(request, assess(request, entry.verified_on))
        day = entry.verified_on
        rows = [
            (self.tr("Date"), f"{day.year}年{day.month}月{day.day}日"),
            (self.tr("For"), request.subject.label),
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
                        f"{CATALOGUE[d.code].name}（{d.form.label}）"
                        if CATALOGUE[d.code].physical
                        else CATALOGUE[d.code].name
                        for d in used
                    )
                    or "—",
                ),
                (
                    self.tr("Compared"),
                    "・".join(f.label for f in IdentityField if f in request.comparison.fields)
                    or "—",
                ),
            ]
        elif self.ctx.employee_verification is not None:
            linked = self.ctx.employee_verification
            employee = self.ctx.employee.name if self.ctx.employee else ""
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

    # Page order -------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == SUBJECT:
            if self.employer_checks:
                return PROVIDER
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
