"""The 点検・研修 page: training records, the yearly account review, the self-inspection report
and the compliance map, each on a tab (規程第4章・第9条・第50条; 保有規程第11条・第54条)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.access import Permission, may
from ui.context import UiContext
from ui.pages.account_review_tab import AccountReviewTab
from ui.pages.base import Page
from ui.pages.inspection_tabs import ComplianceTab, SelfInspectionTab
from ui.pages.training_tab import TrainingTab
from ui.styles import heading, set_role


class InspectionPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("inspectionPage")
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.training = TrainingTab(context)
        self.review = AccountReviewTab(context)
        self.inspection = SelfInspectionTab(context)
        self.compliance = ComplianceTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectionTabs")
        self.tabs.addTab(self.training, self.tr("Training"))
        self.tabs.addTab(self.review, self.tr("Account review"))
        # The report reads the access log: those who read it (manager, supervisor, auditor).
        self.reads_records = may(roles, Permission.READ_AUDIT)
        if self.reads_records:
            self.tabs.addTab(self.inspection, self.tr("Self-inspection"))
        self.tabs.addTab(self.compliance, self.tr("Compliance map"))
        self.tabs.currentChanged.connect(lambda _i: self.load())
        note = QLabel(
            self.tr(
                "Records of the office's own safeguards: the training held, the yearly review "
                "of the accounts, and the yearly self-inspection signed by those responsible."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Inspection and training")))
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)

    def load(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.training:
            self.training.load()
        elif current is self.review:
            self.review.load()
        elif current is self.inspection:
            self.inspection.load()

    def clear(self) -> None:
        self.training.clear()
        self.review.clear()
        self.inspection.clear()
