"""The dashboard's year-end card, from 1 December until the forms' due date: the deadline of
the year's 法定調書 (rolled forward past a closed day), how many slips go to the tax office,
the employees not entered yet and the e-filing obligation with its count."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

from app.domain.display_dates import japanese_day
from app.services.dashboard import YearEndCard
from ui.widgets.task_card import ALERT, ATTENTION, TaskCard


class YearEndTaskCard(TaskCard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "yearEnd",
            "document_table",
            self.tr("Statutory forms to submit"),
            self.tr("Open the year-end page"),
            parent,
        )

    def show_year(self, card: YearEndCard) -> None:
        lines = [
            self.tr("%1 forms due by %2")
            .replace("%1", str(card.year))
            .replace("%2", japanese_day(card.due_on)),
            self.tr("Slips to submit to the tax office: %1").replace(
                "%1", str(card.tax_office_slips)
            ),
        ]
        if card.not_entered:
            lines.append(
                self.tr("Employees not entered yet: %1.").replace("%1", str(card.not_entered))
            )
        for form, count, threshold, basis_year in card.efiling_required:
            lines.append(
                self.tr("%1 must be filed electronically (%2 slips for %3; %4 or more).")
                .replace("%1", form)
                .replace("%2", str(count))
                .replace("%3", str(basis_year))
                .replace("%4", str(threshold))
            )
        for form, count in card.efiling_coming:
            lines.append(
                self.tr("%1: e-filing from the %3 forms (%2 this year)")
                .replace("%1", form)
                .replace("%2", str(count))
                .replace("%3", str(card.year + 2))
            )
        text = "\n".join(lines)
        self.show_state(
            self.tr("%1 slips").replace("%1", str(card.tax_office_slips)),
            text,
            ALERT if card.efiling_required else ATTENTION,
        )
        # A wrapped label's height is not asked of the grid: make room for every line at the
        # narrowest width a card takes.
        width = self.minimumWidth() - 28
        needed = self.detail.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        self.detail.setMinimumHeight(needed.height())
