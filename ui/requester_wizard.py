"""The identity check wizard in its request mode: is the one making a request from an individual
(開示等の請求) the person, or their agent? The rules are app.domain.individual_requests.requester
(施行令第12条・第13条, 通則編3-8-7): no number is received, so there is no 番号確認 and no
number page, and the back of a 個人番号カード must not be taken at all. The steps are those of
the number's wizard: the request, the documents (only the lists that apply, ✔/✘ live), what was
compared with the request form, and the result. The service decides again when it records."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.individual_requests import (
    CARD_BACK_REFUSED,
    CATALOGUE,
    POST_REPLY_RULE,
    RequesterChannel,
    RequesterCheck,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
    assess_requester,
    japanese_day,
    needed_matches,
    needed_proofs,
    proof_title,
)
from app.services import individual_requests
from app.services.individual_requests import RequesterEntry, RequestRow
from ui.check_wizard import CheckResultPage, CheckWizard, kept_html, missing_html
from ui.context import UiContext
from ui.dialogs.person_dialog import DateEdit
from ui.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE
from ui.verification_pages import wrapped

if TYPE_CHECKING:
    from collections.abc import Iterable

REQUEST, DOCUMENTS, COMPARE, RESULT = range(4)


class _Page(QWizardPage):
    def wizard_(self) -> RequesterWizard:
        return self.wizard()  # type: ignore[return-value]


def _who(row: RequestRow) -> str:
    role = RequesterRole(row.provider)
    if role is RequesterRole.SELF:
        return f"{row.requester_name}（本人）"
    return f"{row.requester_name}（{row.subject_name}の{role.label}）"


class RequestPage(_Page):
    """What was received, when the check was done, and what this channel needs."""

    def __init__(self, row: RequestRow, today: date) -> None:
        super().__init__()
        self.setObjectName("requesterRequestPage")
        self.setTitle(self.tr("The request and the requester"))
        self.setSubTitle(
            self.tr(
                "Check that the one who made this request is the person, or their agent, with "
                "documents. No My Number is received or noted in this check."
            )
        )
        self.received_on = date.fromisoformat(row.received_on)
        self.today = today
        channel, role = RequesterChannel(row.channel), RequesterRole(row.provider)
        form = QFormLayout()
        for label, value in (
            (self.tr("Request"), f"No.{row.id}　{RequestKind(row.kind).label}"),
            (self.tr("Whose data"), row.subject_name),
            (self.tr("Requester"), _who(row)),
            (self.tr("Received"), f"{japanese_day(self.received_on)}　{channel.label}"),
        ):
            form.addRow(label, wrapped(value))
        self.day_edit = DateEdit(today.isoformat())
        self.day_edit.setObjectName("requesterCheckedOnEdit")
        self.day_edit.textChanged.connect(self.completeChanged)
        form.addRow(self.tr("Date of the check"), self.day_edit)
        needs = [proof_title(proof, role, channel) for proof in needed_proofs(channel, role)]
        if channel is RequesterChannel.POST:
            needs.append(self.tr("the answer sent by registered post to the address on the copy"))
        needs += [match.label for match in needed_matches(channel, role)]
        self.needs = QLabel(
            "<b>"
            + escape(self.tr("What this request needs:"))
            + "</b><ul>"
            + "".join(f"<li>{escape(need)}</li>" for need in needs)
            + "</ul>"
        )
        self.needs.setObjectName("requesterNeeds")
        self.needs.setWordWrap(True)
        self.needs.setTextFormat(Qt.TextFormat.RichText)
        self.day_error = wrapped(style=ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.day_error)
        layout.addWidget(self.needs)
        layout.addWidget(
            wrapped(
                self.tr(
                    "Wrong channel or requester? Record the request as withdrawn and receive it "
                    "again as it came."
                ),
                NOTE_STYLE,
            )
        )
        layout.addStretch()

    def checked_on(self) -> date | None:
        try:
            return self.day_edit.value()
        except ValueError:
            return None

    def isComplete(self) -> bool:
        day = self.checked_on()
        if day is None:
            message = self.tr("Enter the date of the check.")
        elif day > self.today:
            message = self.tr("The date of the check is in the future.")
        elif day < self.received_on:
            message = self.tr("The check cannot be before the request was received.")
        else:
            message = ""
        self.day_error.setText(message)
        return not message


class DocumentsPage(_Page):
    """One checklist per thing to prove, with only the documents this channel can use."""

    def __init__(self, channel: RequesterChannel, role: RequesterRole) -> None:
        super().__init__()
        self.setObjectName("requesterDocumentsPage")
        self.setTitle(self.tr("Which documents did you see?"))
        self.setSubTitle(
            self.tr(
                "Tick what you checked. One document of each list is enough; ask for no more "
                "than needed (個人情報保護法第37条第4項)."
            )
        )
        self.ticks: dict[RequesterDocument, QCheckBox] = {}
        self.group_status: dict[object, QLabel] = {}
        body = QWidget()
        inner = QVBoxLayout(body)
        for proof in needed_proofs(channel, role):
            box = QGroupBox(proof_title(proof, role, channel))
            box.setObjectName(f"requesterGroup_{proof.value}")
            rows = QVBoxLayout(box)
            for document, rule in CATALOGUE.items():
                if rule.proof is not proof or channel not in rule.channels:
                    continue
                tick = QCheckBox(rule.label)
                tick.setObjectName(f"requesterDoc_{document.value}")
                tick.toggled.connect(self._update)
                self.ticks[document] = tick
                rows.addWidget(tick)
            status = QLabel()
            status.setTextFormat(Qt.TextFormat.PlainText)
            self.group_status[proof] = status
            rows.addWidget(status)
            inner.addWidget(box)
        self.reply = QCheckBox(
            self.tr("The answer goes by registered post to the address on the copy")
        )
        self.reply.setObjectName("requesterReply")
        self.reply.toggled.connect(self._update)
        if channel is RequesterChannel.POST:
            inner.addWidget(self.reply)
            inner.addWidget(wrapped(POST_REPLY_RULE, NOTE_STYLE))
        never = QGroupBox(self.tr("Not to be taken"))
        never_rows = QVBoxLayout(never)
        self.back = QCheckBox(self.tr("The back of a My Number card (or a copy) was received"))
        self.back.setObjectName("requesterCardBack")
        self.back.toggled.connect(self._update)
        never_rows.addWidget(self.back)
        inner.addWidget(never)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.status = wrapped(style=ERROR_STYLE)
        self.status.setObjectName("requesterDocumentsStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

    def documents(self) -> tuple[RequesterDocument, ...]:
        return tuple(document for document, tick in self.ticks.items() if tick.isChecked())

    def initializePage(self) -> None:
        self._update()

    def _update(self) -> None:
        chosen = self.documents()
        for proof, label in self.group_status.items():
            done = [d.label for d in chosen if d.proof is proof]
            label.setText(("✔ " + "、".join(done)) if done else self.tr("✘ not checked yet"))
            label.setStyleSheet(OK_STYLE if done else ERROR_STYLE)
        self.status.setText(CARD_BACK_REFUSED if self.back.isChecked() else "")


class ComparePage(_Page):
    """The documents against the request form (請求書): a document of someone else is no check."""

    def __init__(self, matches: Iterable[RequesterMatch]) -> None:
        super().__init__()
        self.setObjectName("requesterComparePage")
        self.setTitle(self.tr("Compare with the request form"))
        self.setSubTitle(self.tr("Put the documents beside the request form and tick what agrees."))
        self.ticks: dict[RequesterMatch, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for match in matches:
            tick = QCheckBox(match.label)
            tick.setObjectName(f"requesterMatch_{match.value}")
            self.ticks[match] = tick
            layout.addWidget(tick)
        layout.addWidget(
            wrapped(
                self.tr(
                    "If something does not agree, do not go on: ask the requester, and record "
                    "the request as withdrawn if it is not put right."
                ),
                NOTE_STYLE,
            )
        )
        layout.addStretch()

    def matched(self) -> tuple[RequesterMatch, ...]:
        return tuple(match for match, tick in self.ticks.items() if tick.isChecked())


class ResultPage(CheckResultPage):
    def __init__(self) -> None:
        super().__init__("requester")

    def initializePage(self) -> None:
        wizard: RequesterWizard = self.wizard()  # type: ignore[assignment]
        check = wizard.check()
        if check.sufficient:
            self.details.setText(wizard.summary_html(check))
        else:
            self.details.setText(missing_html(self.tr("What is missing:"), check.problems))
        self.set_outcome(
            self.tr("The requester is identified.")
            if check.sufficient
            else self.tr("Not enough to identify the requester."),
            check.sufficient,
        )


class RequesterWizard(CheckWizard):
    def __init__(
        self, context: UiContext, row: RequestRow, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("requesterWizard")
        self.setWindowTitle(
            self.tr("Identity check of the requester: request No. %1").replace("%1", str(row.id))
        )
        self.row = row
        self.channel = RequesterChannel(row.channel)
        self.role = RequesterRole(row.provider)
        self.recorded: RequestRow | None = None
        self.request_page = RequestPage(row, today)
        self.documents_page = DocumentsPage(self.channel, self.role)
        self.compare_page = ComparePage(needed_matches(self.channel, self.role))
        self.result_page = ResultPage()
        for page_id, page in (
            (REQUEST, self.request_page),
            (DOCUMENTS, self.documents_page),
            (COMPARE, self.compare_page),
            (RESULT, self.result_page),
        ):
            self.setPage(page_id, page)

    def nextId(self) -> int:
        current = self.currentId()
        if current == DOCUMENTS and not self.compare_page.ticks:
            return RESULT  # online and phone: the means identify by themselves
        return -1 if current == RESULT else current + 1

    def entry(self) -> RequesterEntry:
        return RequesterEntry(
            documents=self.documents_page.documents(),
            matched=self.compare_page.matched(),
            checked_on=self.request_page.checked_on() or date.min,
            reply_to_document_address=(
                self.channel is RequesterChannel.POST and self.documents_page.reply.isChecked()
            ),
            card_back_received=self.documents_page.back.isChecked(),
            note=self.result_page.note.text(),
        )

    def check(self) -> RequesterCheck:
        """The same pure decision the service makes."""
        entry = self.entry()
        return assess_requester(
            self.channel,
            self.role,
            entry.documents,
            reply_to_document_address=entry.reply_to_document_address,
            card_back_received=entry.card_back_received,
            matched=entry.matched,
        )

    def summary_html(self, check: RequesterCheck) -> str:
        entry = self.entry()
        rows = [
            (self.tr("Date"), japanese_day(entry.checked_on)),
            (self.tr("Requester"), _who(self.row)),
            (self.tr("Received"), self.channel.label),
            (self.tr("Documents"), "、".join(d.label for d in check.used)),
            (
                self.tr("Compared"),
                "・".join(m.short for m in entry.matched) or self.tr("(the means itself)"),
            ),
        ]
        if entry.reply_to_document_address:
            rows.append((self.tr("Answer"), self.tr("by registered post to the copy's address")))
        session = self.context.session
        if session is not None:
            rows.append((self.tr("Checked by"), session.user.display_name))
        return kept_html(
            self.tr("The request file will keep:"),
            rows,
            self.tr("It keeps the kinds of documents only: never their numbers or images."),
        )

    def accept(self) -> None:
        entry, request_id = self.entry(), self.row.id

        def saved(row: RequestRow) -> None:
            self.recorded = row

        self.record(
            lambda s: individual_requests.verify_requester(s, request_id, entry),
            self.result_page.error,
            saved,
        )
