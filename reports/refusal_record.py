"""提供拒否経過記録: the record of asking a person for their number and what they answered,
kept to show the tax office why a form carries no number. It holds no number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import PRODUCT_NAME, draw_page_footer, new_canvas, text_style
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date

TITLE = "個人番号の提供拒否等に関する経過記録"
PDF_TITLE = "提供拒否経過記録"
_MARGIN = 18 * mm
_ROWS_PER_PAGE = 22


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


def _style(font: str = MINCHO, size: float = 9.5, leading: float = 13) -> ParagraphStyle:
    return text_style(font, size, leading)


def render_refusal_record(data: RefusalRecordData, out: BinaryIO) -> None:
    canvas = new_canvas(out, PDF_TITLE)
    width, height = A4
    top = height - _MARGIN
    frame = width - 2 * _MARGIN
    canvas.setFont(GOTHIC, 15)
    canvas.drawCentredString(width / 2, top - 10, TITLE)
    canvas.setFont(MINCHO, 10)
    canvas.drawRightString(width - _MARGIN, top - 34, f"作成日 {japanese_date(data.printed_on)}")
    canvas.drawRightString(width - _MARGIN, top - 50, data.office_name)
    who = Table(
        [
            [
                Paragraph("対象者", _style(GOTHIC)),
                Paragraph(f"{data.person_name}（{data.person_kana}）", _style()),
            ],
            [
                Paragraph("区分・コード", _style(GOTHIC)),
                Paragraph(f"{data.person_kind}　{data.code or '—'}", _style()),
            ],
        ],
        colWidths=[30 * mm, frame - 30 * mm],
    )
    who.setStyle(_grid(shade_first_column=True))
    _, h = who.wrapOn(canvas, frame, 100)
    y = top - 64
    who.drawOn(canvas, _MARGIN, y - h)
    y -= h + 12
    lead = Paragraph(
        "番号法に基づき個人番号の提供を求めましたが、提供を受けられなかった経過を記録します。"
        "法定調書等に個人番号を記載できない場合の説明資料として保管してください。",
        _style(size=10, leading=15),
    )
    _, h = lead.wrapOn(canvas, frame, 100)
    lead.drawOn(canvas, _MARGIN, y - h)
    y -= h + 10
    header = [
        Paragraph(text, _style(GOTHIC))
        for text in ("依頼日", "依頼の方法", "回答", "理由・経過", "記録者")
    ]
    body = [
        [
            Paragraph(japanese_date(line.requested_on).split("（")[0], _style()),
            Paragraph(line.method, _style()),
            Paragraph(line.answer, _style()),
            Paragraph(line.reason or "—", _style()),
            Paragraph(line.recorded_by, _style()),
        ]
        for line in data.lines
    ] or [[Paragraph("記録はありません。", _style()), "", "", "", ""]]
    widths = [33 * mm, 26 * mm, 26 * mm, frame - 113 * mm, 28 * mm]
    # Every request is kept: long histories continue on further pages under the same header.
    while body:
        table = Table([header, *body[:_ROWS_PER_PAGE]], colWidths=widths)
        table.setStyle(_grid(shade_first_column=False))
        _, h = table.wrapOn(canvas, frame, y)
        table.drawOn(canvas, _MARGIN, y - h)
        draw_page_footer(
            canvas,
            f"{PRODUCT_NAME}　{PDF_TITLE}",
            data.office_name,
            _MARGIN,
            width - _MARGIN,
            12 * mm,
        )
        body = body[_ROWS_PER_PAGE:]
        if body:
            canvas.showPage()
            y = top
    canvas.save()


def _grid(*, shade_first_column: bool) -> TableStyle:
    shaded = ((0, 0), (0, -1)) if shade_first_column else ((0, 0), (-1, 0))
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("BACKGROUND", *shaded, colors.Color(0.94, 0.94, 0.94)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
