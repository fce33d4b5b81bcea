"""提供拒否経過記録: the record of asking a person for their number and what they answered,
kept to show the tax office why a form carries no number. It holds no number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import (
    PRODUCT_NAME,
    clip_text,
    draw_clipped_footer,
    markup,
    new_canvas,
    table_pages,
    text_style,
)
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date, seireki_date

TITLE = "個人番号の提供拒否等に関する経過記録"
PDF_TITLE = "提供拒否経過記録"
EMPTY_TEXT = "記録はありません。"
_MARGIN = 18 * mm
_FOOTER_Y = 12 * mm
# Lowest point the table may reach: clear of the footer rule drawn at _FOOTER_Y + 11.
_BOTTOM = _FOOTER_Y + 20
_RUNNING_GAP = 24  # from the top margin to the table on a continuation page
_SHADE = colors.Color(0.94, 0.94, 0.94)

_CELL = text_style(MINCHO, 9, 12.5)
_HEAD = text_style(GOTHIC, 9, 12.5)
_LEAD = text_style(MINCHO, 10, 15)
_OFFICE = ParagraphStyle("office", parent=text_style(MINCHO, 10, 13.5), alignment=TA_RIGHT)
# 依頼日 (both calendars), 依頼の方法, 回答, 理由・経過 (the rest), 記録者.
_FIXED = (31 * mm, 24 * mm, 21 * mm, 22 * mm)


@dataclass(frozen=True)
class RequestLine:
    requested_on: datetime.date
    method: str
    answer: str
    reason: str
    recorded_by: str


@dataclass(frozen=True)
class RefusalRecordData:
    office_name: str
    printed_on: datetime.date
    person_name: str
    person_kana: str
    person_kind: str
    code: str
    lines: tuple[RequestLine, ...]


def render_refusal_record(data: RefusalRecordData, out: BinaryIO) -> None:
    """Write the record to out as a PDF (A4 portrait): the requests in a table cut into pages
    by the rows' heights, each page naming the record, the person and 「n／total」."""
    canvas = new_canvas(out, PDF_TITLE)
    width, height = A4
    frame = width - 2 * _MARGIN
    top = height - _MARGIN
    table_top = _draw_heading(canvas, data, frame, top)
    # Laid out completely before anything is drawn, so every page can say 「n／total」.
    parts = table_pages(
        _requests_table(data, frame),
        frame,
        first_room=table_top - _BOTTOM,
        room=top - _RUNNING_GAP - _BOTTOM,
    )
    total = len(parts)
    y = table_top
    for page, part in enumerate(parts, start=1):
        if page > 1:
            canvas.showPage()
            y = _draw_running_head(canvas, data, frame, top)
        _, h = part.wrapOn(canvas, frame, y - _BOTTOM)
        part.drawOn(canvas, _MARGIN, y - h)
        draw_clipped_footer(
            canvas,
            f"{PRODUCT_NAME}　{PDF_TITLE}（{page}／{total}）",
            data.office_name,
            _MARGIN,
            width - _MARGIN,
            _FOOTER_Y,
        )
    canvas.save()


def _person(data: RefusalRecordData) -> str:
    kana = f"（{data.person_kana}）" if data.person_kana else ""
    return f"{data.person_name}{kana}"


def _draw_heading(canvas: Canvas, data: RefusalRecordData, frame: float, top: float) -> float:
    """Title, date, office (wrapped when long), the person and the lead; returns where the
    table starts."""
    width = A4[0]
    canvas.setFont(GOTHIC, 15)
    canvas.drawCentredString(width / 2, top - 10, TITLE)
    canvas.setFont(MINCHO, 10)
    canvas.drawRightString(width - _MARGIN, top - 34, f"作成日 {japanese_date(data.printed_on)}")
    office = Paragraph(markup(data.office_name), _OFFICE)
    _, h = office.wrapOn(canvas, frame * 0.8, top)
    office.drawOn(canvas, width - _MARGIN - frame * 0.8, top - 40 - h)
    y = top - 40 - h - 10
    who = Table(
        [
            [Paragraph("対象者", _HEAD), Paragraph(markup(_person(data)), _CELL)],
            [
                Paragraph("区分・コード", _HEAD),
                Paragraph(markup(f"{data.person_kind}　{data.code or '—'}"), _CELL),
            ],
        ],
        colWidths=[30 * mm, frame - 30 * mm],
    )
    who.setStyle(_grid([("BACKGROUND", (0, 0), (0, -1), _SHADE)]))
    _, h = who.wrapOn(canvas, frame, y)
    who.drawOn(canvas, _MARGIN, y - h)
    y -= h + 10
    lead = Paragraph(
        "番号法に基づき個人番号の提供を求めましたが、提供を受けられなかった経過を記録します。"
        "法定調書等に個人番号を記載できない場合の説明資料として保管してください。",
        _LEAD,
    )
    _, h = lead.wrapOn(canvas, frame, y)
    lead.drawOn(canvas, _MARGIN, y - h)
    return y - h - 8


def _draw_running_head(canvas: Canvas, data: RefusalRecordData, frame: float, top: float) -> float:
    """Every page names the record and the person, so a loose page can be filed back."""
    left = f"{TITLE}（続き）"
    canvas.setFont(GOTHIC, 9)
    canvas.drawString(_MARGIN, top - 8, left)
    right = f"対象者 {_person(data)}　{data.code or ''}".rstrip()
    room = frame - stringWidth(left, GOTHIC, 9) - 16
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(A4[0] - _MARGIN, top - 8, clip_text(right, MINCHO, 9, room))
    return top - _RUNNING_GAP


def _requests_table(data: RefusalRecordData, frame: float) -> Table:
    header = [
        Paragraph(text, _HEAD) for text in ("依頼日", "依頼の方法", "回答", "理由・経過", "記録者")
    ]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    body: list[list[object]] = [
        [
            Paragraph(seireki_date(line.requested_on), _CELL),
            Paragraph(markup(line.method), _CELL),
            Paragraph(markup(line.answer), _CELL),
            Paragraph(markup(line.reason) or "—", _CELL),
            Paragraph(markup(line.recorded_by), _CELL),
        ]
        for line in data.lines
    ]
    if not body:
        body = [[Paragraph(EMPTY_TEXT, _CELL), "", "", "", ""]]
        extra.append(("SPAN", (0, 1), (-1, 1)))
    widths = [_FIXED[0], _FIXED[1], _FIXED[2], frame - sum(_FIXED), _FIXED[3]]
    # repeatRows: a page continued keeps the column header.
    table = Table([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(_grid([*extra, ("VALIGN", (0, 1), (-1, -1), "TOP")]))
    return table


def _grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )
