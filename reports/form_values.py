"""The values written into a statutory form's boxes: the text, the amounts in their 千・円
groups, the numbers one digit a cell, the (備考) notes. This is all that is printed on a
pre-printed form; reports.statutory_form draws the form itself around it."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports import glyphs
from reports.errors import ReportError
from reports.fonts import GOTHIC
from reports.form_layout import Box, FormLayout

MIN_PT = 2.2
INK = Color(0, 0, 0)


@dataclass(frozen=True)
class Slip:
    """One person's slip: the values by box id (text as printed; amounts as plain digits; a
    date as 年/月/日; a mark as any non-empty text), and the numbers by box id (digits only).
    A value for an amount's 内書き goes under "<box id>_inner"."""

    values: Mapping[str, str]
    numbers: Mapping[str, str] = field(default_factory=dict)


class ValuePainter:
    """Draws one slip's values on a canvas whose origin is the slip's bottom-left corner."""

    def __init__(self, canvas: Canvas, layout: FormLayout, copy: str) -> None:
        self.c = canvas
        self.layout = layout
        self.copy = copy
        self.spec = layout.copies[copy]

    # Coordinates: millimetres from the top-left corner, as in the layout.
    def _x(self, x: float) -> float:
        return x * mm

    def _y(self, y: float) -> float:
        return (self.layout.page_h - y) * mm

    def draw_values(self, slip: Slip) -> None:
        self.c.setFillColor(INK)
        for box in self.layout.boxes:
            if not box.on(self.copy):
                continue
            if box.kind == "number":
                digits = slip.numbers.get(box.id, "")
                if digits:
                    self._number(box, digits)
                continue
            if box.holds_number:
                # (備考): the numbers of the 5th and later dependants, written as text, come
                # only with the numbers, never with the values every copy may show.
                noted = slip.numbers.get(box.id, "")
                if noted:
                    self._notes(box, noted)
                continue
            value = slip.values.get(box.id, "")
            if value:
                self._value(box, value)
            inner = slip.values.get(f"{box.id}_inner", "")
            if inner and box.inner:
                self._inner(box, inner)

    def draw_year(self) -> None:
        """The year's digits of 令和□年分, which a pre-printed form leaves blank."""
        box = self.layout.box("year")
        self.c.setFillColor(INK)
        self.c.setFont(GOTHIC, box.pt)
        base = self._y(box.y + box.h - 0.4)
        self.c.drawCentredString(self._x(box.x + box.w / 2), base, str(self.layout.era_year))

    # --- the values
    def _baseline(self, box: Box, size: float) -> float:
        return self._y(box.y + box.h) + max(0.6 * mm, (box.h * mm - size) / 3)

    def _value(self, box: Box, value: str) -> None:
        size = box.pt
        if box.kind == "text":
            self._text(box, glyphs.plain(value))
        elif box.kind == "amount":
            self._amount(box, value)
        elif box.kind in ("count", "digits"):
            self.c.setFont(GOTHIC, size)
            right = box.x + box.w - (2.2 if box.kind == "count" and box.unit else 0.6)
            self.c.drawRightString(self._x(right), self._baseline(box, size), value)
        elif box.kind == "mark":
            self.c.setFont(GOTHIC, size)
            self.c.drawCentredString(
                self._x(box.x + box.w / 2), self._y(box.y + box.h / 2) - size * 0.35, "○"
            )
        elif box.kind == "date":
            parts = value.split("/")
            edges = (box.x, *box.ticks)
            self.c.setFont(GOTHIC, size)
            for part, _left, right in zip(parts, edges, edges[1:], strict=False):
                self.c.drawRightString(self._x(right - 1.3), self._baseline(box, size), part)

    def _text(self, box: Box, value: str) -> None:
        left = box.x + box.indent + 0.5
        width = (box.x + box.w - 0.5 - left) * mm
        size = box.pt
        if box.overflow == "wrap":
            lines = wrap(value, GOTHIC, size, width)
            while len(lines) * size * 1.15 > box.h * mm - 0.5 * mm and size > 4.0:
                size -= 0.25
                lines = wrap(value, GOTHIC, size, width)
            self.c.setFont(GOTHIC, size)
            top = self._y(box.y) - 0.4 * mm
            for k, line in enumerate(lines):
                self.c.drawString(self._x(left), top - (k + 0.9) * size * 1.15, line)
            return
        size = fit(value, GOTHIC, size, width, minimum=4.0)
        self.c.setFont(GOTHIC, size)
        self.c.drawString(self._x(left), self._baseline(box, size), value)

    def _notes(self, box: Box, text: str) -> None:
        """Short lines, each shrunk to the box's width and never broken: a 12-digit number
        stays on one line."""
        lines = text.split("\n")
        width = (box.w - 1.0) * mm
        # Below a label the form prints at the box's top-left, such as (備考).
        labelled = any(
            lb.place == "top-left" and abs(lb.x - box.x) < 0.3 and abs(lb.y - box.y) < 0.3
            for lb in self.layout.labels
            if lb.on(self.copy)
        )
        skip = 1.8 if labelled else 0.3
        size = min(box.pt, (box.h - skip - 0.3) * mm / (len(lines) * 1.1))
        top = self._y(box.y + skip)
        for k, line in enumerate(lines):
            fitted = fit(line, GOTHIC, size, width)
            self.c.setFont(GOTHIC, fitted)
            self.c.drawString(self._x(box.x + 0.5), top - (k + 0.9) * size * 1.1, line)

    def _amount(self, box: Box, value: str) -> None:
        digits = value.strip()
        if not digits.isdigit():
            raise ReportError(f"{box.id}: an amount is written in digits")
        size = box.pt
        if len(box.ticks) == 1:
            size = fit(digits, GOTHIC, size, (box.ticks[0] - 1.4 - box.x - 0.3) * mm, 4.0)
            self.c.setFont(GOTHIC, size)
            self.c.drawRightString(self._x(box.ticks[0] - 1.4), self._baseline(box, size), digits)
            return
        # The last three digits left of 円, the three before left of 千, the rest before them;
        # drawn from the left so that the text reads as the amount.
        edges = (box.x, *box.ticks)
        if len(box.ticks) == 2:
            groups = [digits[:-3], digits[-3:]]
        else:
            groups = [digits[:-6], digits[-6:-3], digits[-3:]]
        cells = list(itertools.pairwise(edges))[-len(groups) :]
        widest = max(
            stringWidth(group, GOTHIC, size) / ((right - left - 0.6) * mm)
            for group, (left, right) in zip(groups, cells, strict=True)
            if group
        )
        if widest > 1:
            size = max(4.0, size / widest)
        self.c.setFont(GOTHIC, size)
        base = self._baseline(box, size)
        for group, (_left, right) in zip(groups, cells, strict=True):
            if group:
                self.c.drawRightString(self._x(right - 0.5), base, group)

    def _inner(self, box: Box, value: str) -> None:
        self.c.setFont(GOTHIC, 5.5)
        self.c.drawString(self._x(box.x + 2.0), self._y(box.y) - 5.5, value)

    def _number(self, box: Box, digits: str) -> None:
        if not digits.isdigit() or len(digits) not in (12, 13) or len(digits) > len(box.cells()):
            raise ReportError(f"{box.id}: a number is 12 or 13 digits")
        cells = box.cells()
        self.c.setFont(GOTHIC, box.pt)
        base = self._y(box.y + box.h / 2) - box.pt * 0.35
        # Right-aligned: a 12-digit 個人番号 in a 13-cell box leaves the first cell blank.
        for digit, (left, right) in zip(digits, cells[len(cells) - len(digits) :], strict=True):
            self.c.drawCentredString(self._x((left + right) / 2), base, digit)


def fit(text: str, font: str, size: float, width: float, minimum: float = MIN_PT) -> float:
    measured = stringWidth(text, font, size)
    if measured <= width:
        return size
    return max(minimum, size * width / measured)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if line and stringWidth(line + char, font, size) > width:
                # A line breaks at its last ideographic (else plain) space if it has one, so
                # that 「(5)山田 五郎　(6)山田 六郎」 keeps each bracketed number with its name.
                cut = line.rfind("\u3000")
                cut = cut if cut > 0 else line.rfind(" ")
                if cut > 0 and not char.isspace():
                    lines.append(line[:cut])
                    line = line[cut + 1 :] + char
                else:
                    lines.append(line)
                    line = "" if char.isspace() else char
            else:
                line += char
        lines.append(line)
    return lines
