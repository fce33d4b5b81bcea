"""The year of a statutory form in its dialog: only the years whose layout the program holds
(app.services.forms.available_years), opening on the year-end season's year
(ui.pages.year_end_page.default_year) or the nearest year that has a layout."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from app.domain.retention import era_year
from app.services import forms


def opening_year(form: str, today: date, wanted: int | None = None) -> int:
    """The year asked for, or the season's; moved to the nearest year with a layout."""
    from ui.pages.year_end_page import default_year

    year = wanted if wanted is not None else default_year(today)
    return forms.year_for(form, year) or year


class SlipYearBox(QComboBox):
    def __init__(
        self, form: str, today: date, wanted: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slipYear")
        self.opening = opening_year(form, today, wanted)
        for year in forms.available_years(form):
            self.addItem(
                self.tr("%1 (%2)").replace("%1", str(year)).replace("%2", era_year(year)), year
            )
        self.setCurrentIndex(max(0, self.findData(self.opening)))
        # As wide as its years, not the dialog (a form row would stretch it).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def year(self) -> int:
        chosen = self.currentData()
        return self.opening if chosen is None else int(chosen)
