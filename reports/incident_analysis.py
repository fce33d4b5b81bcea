"""漏えい等事案の年次分析 (規程第14条3): one row per incident the office knew of in the year, and
the totals. Counts and texts only: no person is named, no number appears."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import (
    clip_text,
    draw_clipped_footer,
    markup,
    new_canvas,
    table_pages,
    text_style,
)
from reports.fonts import GOTHIC, MINCHO

TITLE = "漏えい等事案の年次分析"
PDF_TITLE = TITLE
_MARGIN = 14 * mm
_FOOTER_Y = 10 * mm
_BOTTOM = _FOOTER_Y + 20
_SHADE = colors.Color(0.94, 0.94, 0.94)
_CELL = text_style(MINCHO, 8.5, 11.5)
_HEAD = text_style(GOTHIC, 8.5, 11.5)
_NUMBER = ParagraphStyle("number", parent=_CELL, alignment=TA_RIGHT)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 14, 18), alignment=TA_CENTER)
_NOTE = text_style(MINCHO, 9, 13)
# No., 知った日, 区分, 件名 (rest), 該当する号, 本人の数, 原因, 再発防止策, 状態
_FIXED = (14 * mm, 28 * mm, 16 * mm, 26 * mm, 18 * mm, 55 * mm, 30 * mm, 17 * mm)


@dataclass(frozen=True)
class AnalysisLine:
    number: str
    known_on: str
    kind: str
    title: str
    items: str
    persons: str
    cause: str
    measures: str
    state: str


@dataclass(frozen=True)
class AnalysisSheet:
    office_name: str
    printed_on: str
    year: int
    totals: str
    lines: tuple[AnalysisLine, ...]


def render_analysis(sheet: AnalysisSheet, out: BinaryIO) -> None:
    canvas = new_canvas(out, PDF_TITLE, pagesize=landscape(A4))
    width, height = landscape(A4)
    frame = width - 2 * _MARGIN
    top = height - _MARGIN
    y = _heading(canvas, sheet, frame, top)
    parts = table_pages(
        _table(sheet, frame), frame, first_room=y - _BOTTOM, room=top - 24 - _BOTTOM
    )
    total = len(parts)
    for page, part in enumerate(parts, start=1):
        if page > 1:
            canvas.showPage()
            left = f"{TITLE}（{sheet.year}年）（続き）"
            canvas.setFont(GOTHIC, 9)
            canvas.drawString(_MARGIN, top - 8, left)
            y = top - 24
        _, h = part.wrapOn(canvas, frame, y - _BOTTOM)
        part.drawOn(canvas, _MARGIN, y - h)
        draw_clipped_footer(
            canvas,
            f"{PDF_TITLE}（{page}／{total}）",
            sheet.office_name,
            _MARGIN,
            width - _MARGIN,
            _FOOTER_Y,
        )
    canvas.save()


def _heading(canvas: Canvas, sheet: AnalysisSheet, frame: float, top: float) -> float:
    """Title, date and office on the right, the lead with the totals; returns where the table
    starts."""
    width = landscape(A4)[0]
    title = Paragraph(f"{TITLE}（{sheet.year}年）", _TITLE)
    _, h = title.wrapOn(canvas, frame, top)
    title.drawOn(canvas, _MARGIN, top - h)
    y = top - h - 6
    canvas.setFont(MINCHO, 9.5)
    canvas.drawRightString(width - _MARGIN, y - 10, f"作成日 {sheet.printed_on}")
    canvas.drawRightString(
        width - _MARGIN, y - 24, clip_text(sheet.office_name, MINCHO, 9.5, frame * 0.6)
    )
    y -= 32
    lead = Paragraph(
        "規程第14条第3項に基づき、漏えい等事案への対応状況の記録を分析するための一覧です。"
        "本人の氏名・個人番号は記載していません。<br/>" + markup(sheet.totals),
        _NOTE,
    )
    _, h = lead.wrapOn(canvas, frame, y)
    lead.drawOn(canvas, _MARGIN, y - h)
    return y - h - 8


def _table(sheet: AnalysisSheet, frame: float) -> Table:
    head = [
        "No.",
        "知った日",
        "区分",
        "件名",
        "該当する号",
        "本人の数",
        "原因",
        "再発防止策",
        "状態",
    ]
    widths = [_FIXED[0], _FIXED[1], _FIXED[2], frame - sum(_FIXED), *_FIXED[3:]]
    body: list[list[object]] = [
        [
            Paragraph(markup(line.number), _CELL),
            Paragraph(markup(line.known_on), _CELL),
            Paragraph(markup(line.kind), _CELL),
            Paragraph(markup(line.title), _CELL),
            Paragraph(markup(line.items), _CELL),
            Paragraph(markup(line.persons), _NUMBER),
            Paragraph(markup(line.cause) or "（未記入）", _CELL),
            Paragraph(markup(line.measures), _CELL),
            Paragraph(markup(line.state), _CELL),
        ]
        for line in sheet.lines
    ]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    if not body:
        body = [[Paragraph("この年に登録された事案はありません。", _CELL), *[""] * 8]]
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(
        [[Paragraph(h, _HEAD) for h in head], *body], colWidths=widths, repeatRows=1, splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *extra,
            ]
        )
    )
    return table
