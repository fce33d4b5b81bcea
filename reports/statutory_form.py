"""Statutory forms drawn from their layout (reports.form_layout) on plain paper: the ruling, the
printed labels, the copy's hatching and the values, one slip per A6 page at true size.

Each copy is its own entry point. The 税務署提出用 and the 給与支払報告書 take the numbers; the
受給者交付用 takes none and refuses a value for any box that holds a number, so no flag or
mistake can put a 個人番号 or 法人番号 on the copy the person receives (番号法, FORMS.md §1.1)."""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports import glyphs
from reports.document import new_canvas
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO
from reports.form_layout import Box, FormLayout, Label, Rule

TAX_OFFICE = "tax_office"
MUNICIPAL = "municipal"
RECIPIENT = "recipient"
# The payee's 写し of a 支払調書: like the 受給者交付用, it carries no number.
PAYEE = "payee"
# Sheets: one A6 slip per page at true size, or two A5 slips on A4 landscape.
A6 = "a6"
A4_TWO_UP = "a4_two_up"
SHEETS = (A6, A4_TWO_UP)

_WEIGHTS = {"n": 0.15, "t": 0.30, "h": 0.1}
_DASHES = {"dot": (0.15, 0.15), "dash": (0.45, 0.15)}
_LABEL_PT = 3.4
_MIN_PT = 2.2
_INK = Color(0, 0, 0)
# The 整理欄 strip under the frame exists on the 税務署提出用 only.
_OFFICE_STRIP_Y = 145.3


@dataclass(frozen=True)
class Slip:
    """One person's slip: the values by box id (text as printed; amounts as plain digits; a
    date as 年/月/日; a mark as any non-empty text), and the numbers by box id (digits only).
    A value for an amount's 内書き goes under "<box id>_inner"."""

    values: Mapping[str, str]
    numbers: Mapping[str, str] = field(default_factory=dict)


def render_tax_office(layout: FormLayout, slips: Sequence[Slip], *, sheet: str = A6) -> bytes:
    """The 税務署提出用: the recipient's, the spouse's, the dependants' and the payer's numbers;
    not those of the 16歳未満 (their rows are struck)."""
    return _render(layout, TAX_OFFICE, slips, sheet)


def render_municipal(layout: FormLayout, slips: Sequence[Slip], *, sheet: str = A6) -> bytes:
    """The 給与支払報告書（個人別明細書）: every number, the 16歳未満 dependants' included."""
    return _render(layout, MUNICIPAL, slips, sheet)


def render_recipient(
    layout: FormLayout, slips: Sequence[Mapping[str, str]], *, sheet: str = A6
) -> bytes:
    """The 受給者交付用: values only; every number row is struck and left empty."""
    return _without_numbers(layout, RECIPIENT, slips, sheet)


def render_payee(
    layout: FormLayout, slips: Sequence[Mapping[str, str]], *, sheet: str = A6
) -> bytes:
    """The payee's 写し of a 支払調書: values only; the number rows are struck and left empty."""
    return _without_numbers(layout, PAYEE, slips, sheet)


def _without_numbers(
    layout: FormLayout, copy: str, slips: Sequence[Mapping[str, str]], sheet: str
) -> bytes:
    for values in slips:
        for box_id in values:
            base = box_id.removesuffix("_inner")
            if any(box.id == base and box.holds_number for box in layout.boxes):
                raise ReportError("the recipient's copy carries no number")
    return _render(layout, copy, [Slip(values=values) for values in slips], sheet)


def _render(layout: FormLayout, copy: str, slips: Sequence[Slip], sheet: str) -> bytes:
    if not slips:
        raise ReportError("no slip to print")
    if sheet not in SHEETS:
        raise ReportError(f"unknown sheet {sheet!r}")
    spec = layout.copies[copy]
    out = io.BytesIO()
    if sheet == A6:
        canvas = new_canvas(out, spec.title, pagesize=(layout.page_w * mm, layout.page_h * mm))
        page = _Page(canvas, layout, copy)
        form = _shared_form(page)
        for slip in slips:
            canvas.doForm(form)
            page.draw_values(slip)
            canvas.showPage()
    else:
        # Two slips enlarged to A5 side by side on A4 landscape, as the NTA's own PDF prints
        # them (FORMS-GEOMETRY.md §1.4), with the dotted cut line between them.
        canvas = new_canvas(out, spec.title, pagesize=landscape(A4))
        width, height = landscape(A4)
        scale = min(width / 2 / (layout.page_w * mm), height / (layout.page_h * mm))
        top = height - layout.page_h * mm * scale
        page = _Page(canvas, layout, copy)
        form = _shared_form(page)
        for start in range(0, len(slips), 2):
            for column, slip in enumerate(slips[start : start + 2]):
                canvas.saveState()
                canvas.translate(column * width / 2, top)
                canvas.scale(scale, scale)
                canvas.doForm(form)
                page.draw_values(slip)
                canvas.restoreState()
            canvas.saveState()
            canvas.setLineWidth(0.2 * mm)
            canvas.setDash(1 * mm, 1 * mm)
            canvas.line(width / 2, 0, width / 2, height)
            canvas.restoreState()
            canvas.showPage()
    canvas.save()
    return out.getvalue()


def _shared_form(page: _Page) -> str:
    """The form's ruling, labels and hatching drawn once as a Form XObject that every page
    places: the same drawing, written once, however many people are printed."""
    name = f"form_{page.copy}"
    page.c.beginForm(name, 0, 0, page.layout.page_w * mm, page.layout.page_h * mm)
    page.draw_form()
    page.c.endForm()
    return name


class _Page:
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

    def draw_form(self) -> None:
        """What every page of this copy shares: the printed form itself."""
        self.c.setFillColor(_INK)
        self.c.setStrokeColor(_INK)
        self._title()
        for rule in self.layout.rules:
            self._rule(rule)
        for label in self.layout.labels:
            if label.on(self.copy):
                self._label(label)
        for box in self.layout.boxes:
            self._furniture(box)
        self._strikes()

    def draw_values(self, slip: Slip) -> None:
        self.c.setFillColor(_INK)
        for box in self.layout.boxes:
            if not box.on(self.copy):
                continue
            if box.kind == "number":
                digits = slip.numbers.get(box.id, "")
                if digits:
                    self._number(box, digits)
                continue
            value = slip.values.get(box.id, "")
            if value:
                self._value(box, value)
            inner = slip.values.get(f"{box.id}_inner", "")
            if inner and box.inner:
                self._inner(box, inner)

    # --- the form itself
    def _title(self) -> None:
        _x, y, _w, h = self.layout.title_box
        year_box = self.layout.box("year")
        base = self._y(y + h - 0.4)
        self.c.setFont(MINCHO, 8.7)
        self.c.drawRightString(self._x(year_box.x - 0.3), base, "令和")
        self.c.setFont(GOTHIC, 9)
        self.c.drawCentredString(
            self._x(year_box.x + year_box.w / 2), base, str(self.layout.era_year)
        )
        self.c.setFont(MINCHO, 8.7)
        after = year_box.x + year_box.w + 0.3
        self.c.drawString(self._x(after), base, "年分")
        self.c.setFont(GOTHIC, 9.7)
        self.c.drawString(self._x(after + 10.0), base, self.spec.title)

    def _rule(self, rule: Rule) -> None:
        if not rule.on(self.copy):
            return
        if self.copy != TAX_OFFICE and rule.start > _OFFICE_STRIP_Y - 0.5 and rule.dir == "V":
            return
        if self.copy != TAX_OFFICE and rule.dir == "H" and rule.at > _OFFICE_STRIP_Y:
            return
        weight = rule.weight
        if rule.dir == "V" and any(s.contains(rule.at, rule.start, rule.end) for s in self._struck):
            return  # the cell dividers of a struck number row are not printed
        if weight == "t" and self.copy in (RECIPIENT, PAYEE):
            weight = "n"  # the thick 個人番号 outline belongs to the copies with the number
        self.c.saveState()
        self.c.setLineWidth(_WEIGHTS[weight] * mm)
        if rule.style in _DASHES:
            on, off = _DASHES[rule.style]
            self.c.setDash(on * mm, off * mm)
        if rule.dir == "H":
            self.c.line(self._x(rule.start), self._y(rule.at), self._x(rule.end), self._y(rule.at))
        else:
            self.c.line(self._x(rule.at), self._y(rule.start), self._x(rule.at), self._y(rule.end))
        self.c.restoreState()

    @property
    def _struck(self) -> tuple:
        return self.spec.strikes

    def _strikes(self) -> None:
        self.c.saveState()
        self.c.setLineWidth(0.1 * mm)
        for s in self.spec.strikes:
            self.c.line(self._x(s.x1), self._y(s.y0), self._x(s.x0), self._y(s.y1))
        self.c.restoreState()

    def _label(self, label: Label) -> None:
        text = label.text
        size = label.pt or _LABEL_PT
        self.c.setFont(MINCHO, size)
        if label.place == "vertical":
            self._vertical(text, label.x, label.y, label.w, label.h, size)
        elif label.place == "top-left":
            self.c.drawString(self._x(label.x + 0.3), self._y(label.y) - size, text)
        elif label.place == "wrap":
            self._wrapped(text, label, size)
        else:
            fit = _fit(text, MINCHO, size, label.w * mm - 0.6 * mm)
            self.c.setFont(MINCHO, fit)
            self.c.drawCentredString(
                self._x(label.x + label.w / 2), self._y(label.y + label.h / 2) - fit * 0.35, text
            )

    def _vertical(
        self, text: str, x: float, y: float, w: float, h: float, size: float, max_columns: int = 3
    ) -> None:
        pitch = size * 1.05
        columns = 1
        while len(text) / columns * pitch > h * mm and columns < max_columns:
            columns += 1
        per_column = -(-len(text) // columns)
        if per_column * pitch > h * mm:
            size = max(_MIN_PT, h * mm / per_column / 1.05)
            pitch = size * 1.05
        self.c.setFont(MINCHO, size)
        chunks = [text[i : i + per_column] for i in range(0, len(text), per_column)]
        column_w = w * mm / columns
        for index, chunk in enumerate(chunks):
            # Japanese vertical text runs right to left.
            cx = self._x(x) + column_w * (columns - index - 0.5)
            top = self._y(y + h / 2) + len(chunk) * pitch / 2
            for k, char in enumerate(chunk):
                self.c.drawCentredString(cx, top - (k + 0.85) * pitch, char)

    def _wrapped(self, text: str, label: Label, size: float) -> None:
        width = label.w * mm - 0.5 * mm
        lines = _wrap(text, MINCHO, size, width)
        while len(lines) * size * 1.1 > label.h * mm and size > _MIN_PT:
            size -= 0.2
            lines = _wrap(text, MINCHO, size, width)
        self.c.setFont(MINCHO, size)
        top = self._y(label.y + label.h / 2) + len(lines) * size * 1.1 / 2
        for k, line in enumerate(lines):
            self.c.drawCentredString(
                self._x(label.x + label.w / 2), top - (k + 0.85) * size * 1.1, line
            )

    def _furniture(self, box: Box) -> None:
        """What the form prints inside a value box: 千・円・人 marks, 内, the copy name."""
        small = 2.6
        self.c.setFont(MINCHO, small)
        top = self._y(box.y) - small
        if box.kind == "amount":
            edges = (box.x, *box.ticks)
            marks = list(box.units)
            for unit, right in zip(reversed(marks), reversed(edges), strict=False):
                self.c.drawRightString(self._x(right - 0.2), top, unit)
            if box.inner:
                self.c.drawString(self._x(box.x + 0.3), top, "内")
        elif box.kind == "count" and box.unit and box.on(self.copy):
            if box.unit == "内":
                self.c.drawString(self._x(box.x + 0.3), top, "内")
            else:
                self.c.drawRightString(self._x(box.x + box.w - 0.2), top, box.unit)
        elif box.kind == "date":
            for right, unit in zip(box.ticks, "年月日", strict=False):
                self.c.drawRightString(self._x(right - 0.2), top, unit)
        elif box.kind == "number" and box.on(self.copy):
            self.c.saveState()
            self.c.setLineWidth(0.1 * mm)
            for edge in box.edges:
                self.c.line(self._x(edge), self._y(box.y), self._x(edge), self._y(box.y + box.h))
            self.c.restoreState()
        elif box.kind == "copy_name":
            self._vertical(self.spec.copy_name, box.x, box.y, box.w, box.h, 4.0, max_columns=1)

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
            lines = _wrap(value, GOTHIC, size, width)
            while len(lines) * size * 1.15 > box.h * mm - 0.5 * mm and size > 4.0:
                size -= 0.25
                lines = _wrap(value, GOTHIC, size, width)
            self.c.setFont(GOTHIC, size)
            top = self._y(box.y) - 0.4 * mm
            for k, line in enumerate(lines):
                self.c.drawString(self._x(left), top - (k + 0.9) * size * 1.15, line)
            return
        size = _fit(value, GOTHIC, size, width, minimum=4.0)
        self.c.setFont(GOTHIC, size)
        self.c.drawString(self._x(left), self._baseline(box, size), value)

    def _amount(self, box: Box, value: str) -> None:
        digits = value.strip()
        if not digits.isdigit():
            raise ReportError(f"{box.id}: an amount is written in digits")
        size = box.pt
        if len(box.ticks) == 1:
            size = _fit(digits, GOTHIC, size, (box.ticks[0] - 1.4 - box.x - 0.3) * mm, 4.0)
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


def _fit(text: str, font: str, size: float, width: float, minimum: float = _MIN_PT) -> float:
    measured = stringWidth(text, font, size)
    if measured <= width:
        return size
    return max(minimum, size * width / measured)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if line and stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = char
            else:
                line += char
        lines.append(line)
    return lines
