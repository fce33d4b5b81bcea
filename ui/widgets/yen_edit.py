"""An amount in whole yen as a clerk types it and reads it back: right-aligned, grouped by
thousands (5,800,000) once typed, with 円 shown at its right end inside the box.

It takes what a clerk types or pastes: full-width digits and commas, spaces, a leading ¥ and a
trailing 円 (app.domain.payroll_cells.parse_amount, the rule a payroll import reads amounts by).
Anything else (a minus sign, letters, a fraction of a yen) is left as typed and marked; value()
then raises AmountError, whose text names the field and never quotes what was typed (it could
be someone's number)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.payroll_cells import MAX_DIGITS, CellProblem, parse_amount
from ui.styles import set_flag

SUFFIX = "円"
_SPACES = re.compile(r"\s+")
# Generous for "９，９９９，９９９，９９９円" and stray spaces, short of pasting a page.
_MAX_LENGTH = 32


class AmountError(ValueError):
    """An amount field holds what is not whole yen; the text names the field (Japanese)."""


class YenEdit(QLineEdit):
    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # The field's name on screen: read by a screen reader and named in the error message.
        self.setAccessibleName(label)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(_MAX_LENGTH)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
        )
        metrics = self.fontMetrics()
        self._suffix_width = metrics.horizontalAdvance(SUFFIX) + 8
        self.setTextMargins(0, 0, self._suffix_width, 0)
        # As wide as the widest amount the forms take, in every layout (an amount the width of
        # an address field would sit far from its label).
        self.setFixedWidth(metrics.horizontalAdvance("9,999,999,999") + self._suffix_width + 16)
        self.editingFinished.connect(self._finished)
        self.textChanged.connect(self._changed)

    def label(self) -> str:
        return self.accessibleName()

    def value(self) -> int | None:
        """The amount in yen, None when empty; AmountError for anything that is not."""
        text = _SPACES.sub("", self.text())
        if text and not text.isascii():
            # parse_amount's reading, done first to refuse a fraction (it allows "1,000.00").
            text = unicodedata.normalize("NFKC", text)
        if "." in text:
            raise AmountError(self._message(too_long=False))
        try:
            return parse_amount(text)
        except CellProblem:
            digits = text.removeprefix("¥").removesuffix("円").replace(",", "")
            raise AmountError(self._message(too_long=digits.isdigit())) from None

    def error(self) -> str | None:
        """The message value() would raise, or None when the field holds an amount (or none)."""
        try:
            self.value()
        except AmountError as problem:
            return str(problem)
        return None

    def set_value(self, amount: int | None) -> None:
        """Show an amount (grouped) or nothing."""
        self.setText("" if amount is None else f"{amount:,}")

    def _message(self, *, too_long: bool) -> str:
        if too_long:
            return (
                QCoreApplication.translate("YenEdit", "“%1” takes at most %2 digits.")
                .replace("%1", self.label())
                .replace("%2", str(MAX_DIGITS))
            )
        return QCoreApplication.translate(
            "YenEdit", "Enter “%1” in whole yen, as a number of 0 or more."
        ).replace("%1", self.label())

    def _finished(self) -> None:
        """Typing done: the amount shown grouped, or the field marked with what is wrong."""
        problem = self.error()
        if problem is None:
            value = self.value()
            grouped = "" if value is None else f"{value:,}"
            if grouped != self.text():
                self.setText(grouped)
        self.mark_problem(problem)

    def _changed(self, _text: str) -> None:
        # A marked field loses its mark once it holds an amount again (set, cleared or fixed).
        if self.property("alert") == "true" and self.error() is None:
            self.mark_problem(None)

    def mark_problem(self, problem: str | None) -> None:
        """Marked red with the problem as its tooltip, or unmarked (None)."""
        set_flag(self, "alert", problem is not None)
        self.setToolTip(problem or "")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        role = QPalette.ColorRole.Text if self.isEnabled() else QPalette.ColorRole.PlaceholderText
        painter.setPen(self.palette().color(role))
        area = self.rect()
        box = QRect(
            area.right() - self._suffix_width - 2, area.top(), self._suffix_width, area.height()
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, SUFFIX)
        painter.end()


def read_amounts(edits: Mapping[str, YenEdit]) -> dict[str, int]:
    """The amounts typed, by key (empty fields left out). The first field that holds no amount
    is marked and focused, and its AmountError raised."""
    amounts: dict[str, int] = {}
    for key, edit in edits.items():
        try:
            value = edit.value()
        except AmountError as problem:
            edit.mark_problem(str(problem))
            edit.setFocus()
            raise
        if value is not None:
            amounts[key] = value
    return amounts
