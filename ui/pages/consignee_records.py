"""Three tabs of the consignee page, each a list with its actions: sub-consignees approved
(規程第43条), the hearings (第42条第5項) and the deletion certificates received (第15条⑤).
Changes go through the page's `change(work, done_text)`; `show(detail)` fills a tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.domain.consignees import ConsigneeState, HearingKind, HearingResult, HearingStatus
from app.domain.display_dates import japanese_day
from app.services import consignee_certificates, consignee_hearings, consignee_subs
from app.services.consignee_certificates import CertificateContent
from app.services.consignees import ConsigneeDetail
from app.services.verification_scans import MEDIA_LABELS
from ui import icons
from ui.context import UiContext
from ui.dialogs.consignee_dialogs import CertificateDialog, HearingDialog, SubConsigneeDialog
from ui.pages.consignee_tabs import Change, ListTab, button, day_or_dash, fill, table


def _today(context: UiContext) -> date:
    session = context.session
    assert session is not None
    return session.clock.now().date()


class SubsTab(ListTab):
    def __init__(self, context: UiContext, change: Change, manages: bool) -> None:
        self.context, self._change, self.manages = context, change, manages
        self.detail: ConsigneeDetail | None = None
        self.add_button = button("approveSubButton", self.tr("Approve a sub-consignee…"), self._add)
        self.withdraw_button = button(
            "withdrawSubButton", self.tr("Withdraw the approval"), self._withdraw
        )
        found = table(
            "subsTable",
            [
                self.tr("Sub-consignee"),
                self.tr("Work sub-consigned"),
                self.tr("Approved on"),
                self.tr("By"),
                self.tr("Withdrawn on"),
            ],
            {0: 220, 2: 150, 3: 120, 4: 150},
            1,
        )
        super().__init__(
            self.tr(
                "Sub-consignment only with the office's approval; its contract holds the same "
                "clauses (規程第43条)."
            ),
            found,
            [self.add_button, self.withdraw_button],
        )
        for widget in (self.add_button, self.withdraw_button):
            widget.setVisible(manages)

    def show_detail(self, found: ConsigneeDetail | None) -> None:
        self.detail = found
        live = found is not None and found.consignee.state != ConsigneeState.ENDED
        self.add_button.setEnabled(self.manages and live)
        self.withdraw_button.setEnabled(self.manages and found is not None and bool(found.subs))
        fill(
            self.table,
            [
                [
                    s.name,
                    s.scope,
                    japanese_day(s.approved_on),
                    s.approved_by_name,
                    day_or_dash(s.withdrawn_on),
                ]
                for s in (found.subs if found else ())
            ],
        )

    def _add(self) -> None:
        dialog = SubConsigneeDialog(_today(self.context), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._change(
                lambda s, i: consignee_subs.approve_sub(s, i, **values),  # type: ignore[arg-type]
                self.tr("The sub-consignee was approved."),
            )

    def _withdraw(self) -> None:
        index = self.selected()
        if self.detail is None or not 0 <= index < len(self.detail.subs):
            self.flag(self.tr("Select a sub-consignee."), True)
            return
        sub_id, today = self.detail.subs[index].id, _today(self.context)
        self._change(
            lambda s, _i: consignee_subs.withdraw_sub(s, sub_id, today),
            self.tr("The approval was withdrawn."),
        )


class HearingsTab(ListTab):
    def __init__(self, context: UiContext, change: Change, hears: bool) -> None:
        self.context, self._change, self.hears = context, change, hears
        self.add_button = button("recordHearingButton", self.tr("Record a hearing…"), self._add)
        self.add_button.setVisible(hears)
        found = table(
            "hearingsTable",
            [
                self.tr("Year"),
                self.tr("Kind"),
                self.tr("Held on"),
                self.tr("Held by"),
                self.tr("Result"),
                self.tr("What was checked / follow-up"),
            ],
            {0: 70, 1: 120, 2: 150, 3: 120, 4: 80},
            5,
        )
        super().__init__("", found, [self.add_button])

    def hearing_text(self, status: HearingStatus | None) -> str:
        if status is None:
            return "—"
        if status.held:
            return self.tr("%1: held").replace("%1", str(status.year))
        due = japanese_day(status.due_on)
        if status.overdue:
            return self.tr("Overdue (due %1)").replace("%1", due)
        return self.tr("Due by %1").replace("%1", due)

    def show_detail(self, found: ConsigneeDetail | None) -> None:
        active = found is not None and found.consignee.state == ConsigneeState.ACTIVE
        self.add_button.setEnabled(self.hears and active)
        fill(
            self.table,
            [
                [
                    str(h.year),
                    HearingKind(h.kind).label,
                    japanese_day(h.held_on),
                    h.held_by,
                    HearingResult(h.result).label,
                    " / ".join(t for t in (h.note, h.follow_up) if t) or "—",
                ]
                for h in (found.hearings if found else ())
            ],
        )
        status = found.hearing if found else None
        if found is None:
            self.flag("", False)
        elif status is None:
            self.flag(self.tr("No April hearing is owed now (every April once approved)."), False)
        else:
            self.flag(
                self.tr("This year's April hearing: %1").replace("%1", self.hearing_text(status)),
                status.overdue,
            )

    def _add(self) -> None:
        session = self.context.session
        if session is None:
            return
        dialog = HearingDialog(_today(self.context), session.user.display_name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._change(
                lambda s, i: consignee_hearings.record_hearing(s, i, **values),  # type: ignore[arg-type]
                self.tr("The hearing was recorded."),
            )


class CertificatesTab(ListTab):
    def __init__(self, context: UiContext, change: Change, certifies: bool) -> None:
        self.context, self._change, self.certifies = context, change, certifies
        self.detail: ConsigneeDetail | None = None
        self.add_button = button("addCertificateButton", self.tr("Add a certificate…"), self._add)
        self.add_button.setVisible(certifies)
        self.view_button = button("viewCertificateButton", self.tr("View"), self._view)
        self.view_button.setIcon(icons.icon("eye"))
        found = table(
            "certificatesTable",
            [
                self.tr("Received on"),
                self.tr("What it certifies"),
                self.tr("Format"),
                self.tr("Size"),
                self.tr("Kept by"),
            ],
            {0: 150, 2: 80, 3: 80, 4: 120},
            1,
        )
        super().__init__(
            self.tr(
                "Certificates of deletion or disposal received from the consignee (規程第15条⑤). "
                "Kept in the encrypted database only; viewing one is recorded."
            ),
            found,
            [self.add_button, self.view_button],
        )
        found.doubleClicked.connect(lambda _index: self._view())

    def show_detail(self, found: ConsigneeDetail | None) -> None:
        self.detail = found
        self.add_button.setEnabled(self.certifies and found is not None)
        self.view_button.setEnabled(found is not None and bool(found.certificates))
        fill(
            self.table,
            [
                [
                    japanese_day(c.received_on),
                    c.description,
                    MEDIA_LABELS.get(c.media_type, c.media_type),
                    f"{max(c.byte_size // 1024, 1):,} KB",
                    c.added_by_name,
                ]
                for c in (found.certificates if found else ())
            ],
        )

    def _add(self) -> None:
        dialog = CertificateDialog(_today(self.context), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, path = dialog.values(), Path(dialog.file.text())
        self._change(
            lambda s, i: consignee_certificates.add_certificate(s, i, path, **values),  # type: ignore[arg-type]
            self.tr("The certificate was kept."),
        )

    def _view(self) -> None:
        if self.detail is None or not self.detail.certificates:
            return
        chosen = self.detail.certificates[max(self.selected(), 0)]
        self.context.run(
            lambda s: consignee_certificates.open_certificate(s, chosen.id),
            owner=self,
            on_done=self._show,
        )

    def _show(self, content: CertificateContent) -> None:
        from ui.dialogs.verifications_dialog import ScanViewDialog

        dialog = ScanViewDialog(content.data, content.info.media_type == "application/pdf", self)
        dialog.setObjectName("certificateViewDialog")
        dialog.setWindowTitle(self.tr("Deletion certificate"))
        dialog.exec()
