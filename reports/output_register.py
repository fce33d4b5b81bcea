"""The 持出し・出力記録 (規程第35条): every print or export that carried numbers, where it went,
how, by whom, and what became of it. A4 landscape, as many sheets as needed; no number and no
person's name, only how many persons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import (
    PRODUCT_NAME,
    draw_clipped_footer,
    markup,
    new_canvas,
    table_pages,
    text_style,
)
from reports.fonts import GOTHIC
from reports.wareki import japanese_date, seireki_date

TITLE = "持出し・出力記録"
_PAGE = landscape(A4)
_MARGIN = 12 * mm
_FRAME = _PAGE[0] - 2 * _MARGIN
_FOOTER_Y = 10 * mm
_HEADER = (
    "出力番号",
    "出力日時<br/>出力者",
    "利用目的",
    "書類（年分）",
    "人数",
    "提出先・交付先",
    "方法",
    "一括出力の理由",
    "結果<br/>（確認日・確認者）",
    "責任者確認",
)
_WIDTHS = tuple(w * mm for w in (16, 36, 26, 44, 12, 26, 22, 38, 36, 17))
_CELL = text_style(GOTHIC, 8, 10.5)
_HEAD = text_style(GOTHIC, 8, 10.5)
_EMPTY = "記録された持出し・出力はありません。"
_NOTE = "この記録には個人番号も対象者の氏名も記載していません（人数のみ）。"


@dataclass(frozen=True)
class RegisterLine:
    number: str
    made_at: datetime
    made_by: str
    purpose: str
    form: str
    year: int | None
    persons: int
    destination: str
    method: str
    reason: str
    state: str
    confirmed_at: datetime | None
    confirmed_by: str


def _when(moment: datetime) -> str:
    return f"{seireki_date(moment.date())} {moment:%H:%M}"


def _cells(line: RegisterLine) -> list[Paragraph]:
    form = f"{line.form}（{line.year}年分）" if line.year else line.form
    result = line.state
    if line.confirmed_at is not None:
        result += f"<br/>{_when(line.confirmed_at)}<br/>{markup(line.confirmed_by)}"
    texts = (
        line.number,
        f"{_when(line.made_at)}<br/>{markup(line.made_by)}",
        markup(line.purpose),
        markup(form),
        f"{line.persons}人",
        markup(line.destination),
        markup(line.method),
        markup(line.reason) or "—",
        result,
        "",
    )
    return [Paragraph(text, _CELL) for text in texts]


def render(lines: list[RegisterLine], office_name: str, printed_on: date, out: BinaryIO) -> None:
    canvas = new_canvas(out, TITLE, _PAGE)
    rows = [[Paragraph(text, _HEAD) for text in _HEADER]]
    rows += [_cells(line) for line in lines]
    if not lines:
        rows.append([Paragraph(_EMPTY, _CELL)] + [""] * (len(_HEADER) - 1))
    table = Table(rows, colWidths=_WIDTHS, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if not lines:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    top = _PAGE[1] - _MARGIN
    heading_room = 40
    body_bottom = _FOOTER_Y + 30
    parts = table_pages(table, _FRAME, top - heading_room - body_bottom, top - body_bottom)
    for index, part in enumerate(parts, start=1):
        y = top
        if index == 1:
            canvas.setFont(GOTHIC, 15)
            canvas.drawCentredString(_PAGE[0] / 2, y - 16, TITLE)
            canvas.setFont(GOTHIC, 9)
            canvas.drawRightString(_PAGE[0] - _MARGIN, y - 32, f"{japanese_date(printed_on)} 現在")
            canvas.drawString(_MARGIN, y - 32, "規程第35条（持出し）による記録")
            y -= heading_room
        _, height = part.wrap(_FRAME, y - body_bottom)
        part.drawOn(canvas, _MARGIN, y - height)
        canvas.setFont(GOTHIC, 8)
        canvas.drawString(_MARGIN, _FOOTER_Y + 18, _NOTE)
        draw_clipped_footer(
            canvas,
            f"{PRODUCT_NAME}　{TITLE}　{index}/{len(parts)}",
            office_name,
            _MARGIN,
            _PAGE[0] - _MARGIN,
            _FOOTER_Y,
        )
        canvas.showPage()
    canvas.save()
