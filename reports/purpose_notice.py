"""利用目的通知書: the purposes for which the office uses a person's My Number (番号法 and
個人情報保護法第21条), one page per addressee. It never shows a number."""

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

TITLE = "個人番号の利用目的について（通知）"
PDF_TITLE = "利用目的通知書"
_MARGIN = 20 * mm


@dataclass(frozen=True)
class PurposeLine:
    name: str
    legal_basis: str


@dataclass(frozen=True)
class PurposeNotice:
    addressee: str | None  # None: a notice for everyone (posted, or handed out at collection)
    purposes: tuple[PurposeLine, ...]


@dataclass(frozen=True)
class PurposeNoticeData:
    office_name: str
    issued_on: datetime.date
    notices: tuple[PurposeNotice, ...]


def _style(font: str = MINCHO, size: float = 10.5, leading: float = 17) -> ParagraphStyle:
    return text_style(font, size, leading)


def render_purpose_notices(data: PurposeNoticeData, out: BinaryIO) -> None:
    canvas = new_canvas(out, PDF_TITLE)
    width, height = A4
    for index, notice in enumerate(data.notices):
        if index:
            canvas.showPage()
        _page(canvas, data, notice, width, height)
    canvas.save()


def _page(
    canvas, data: PurposeNoticeData, notice: PurposeNotice, width: float, height: float
) -> None:
    top = height - _MARGIN
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(width - _MARGIN, top, japanese_date(data.issued_on))
    addressee = f"{notice.addressee} 様" if notice.addressee else "従業員・関係者 各位"
    canvas.setFont(MINCHO, 12)
    canvas.drawString(_MARGIN, top - 28, addressee)
    canvas.setLineWidth(0.6)
    canvas.line(_MARGIN, top - 32, _MARGIN + 70 * mm, top - 32)
    canvas.setFont(MINCHO, 11)
    canvas.drawRightString(width - _MARGIN, top - 52, data.office_name)
    canvas.drawRightString(width - _MARGIN, top - 68, "特定個人情報管理責任者")
    canvas.setFont(GOTHIC, 16)
    canvas.drawCentredString(width / 2, top - 110, TITLE)

    frame_width = width - 2 * _MARGIN
    y = top - 140
    lead = Paragraph(
        "当事業所は、行政手続における特定の個人を識別するための番号の利用等に関する法律"
        "（番号法）に基づき、あなた（及びあなたの扶養親族）の個人番号を、次の利用目的の範囲内"
        "でのみ取り扱います。",
        _style(),
    )
    _, h = lead.wrapOn(canvas, frame_width, 200)
    lead.drawOn(canvas, _MARGIN, y - h)
    y -= h + 14

    rows = [
        [
            Paragraph("No.", _style(GOTHIC, 9.5)),
            Paragraph("利用目的（事務）", _style(GOTHIC, 9.5)),
            Paragraph("根拠法令", _style(GOTHIC, 9.5)),
        ]
    ]
    for number, line in enumerate(notice.purposes, start=1):
        rows.append(
            [
                Paragraph(str(number), _style(size=9.5, leading=14)),
                Paragraph(line.name, _style(size=9.5, leading=14)),
                Paragraph(line.legal_basis, _style(size=8.5, leading=12)),
            ]
        )
    table = Table(
        rows, colWidths=[12 * mm, frame_width * 0.55, frame_width - 12 * mm - frame_width * 0.55]
    )
    table.setStyle(
        TableStyle(
            [
                (
                    "FONT",
                    (0, 0),
                    (-1, -1),
                    MINCHO,
                ),  # else the table references an unembedded Helvetica
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    _, h = table.wrapOn(canvas, frame_width, y)
    table.drawOn(canvas, _MARGIN, y - h)
    y -= h + 18

    for text in (
        "1. 上記の利用目的以外で個人番号を利用することはありません（番号法第9条）。",
        "2. 個人番号の提供を受ける際は、番号法第16条に基づき、番号確認と身元確認（本人確認）を"
        "行います。",
        "3. 個人番号は、利用目的の事務に必要な期間と法令で定められた保存期間が過ぎた後、"
        "速やかに削除・廃棄し、その記録を残します。",
        "4. ご自身の個人番号に関する開示・訂正・利用停止等のご請求、お問い合わせは、"
        "上記の特定個人情報管理責任者までお申し出ください。",
    ):
        paragraph = Paragraph(text, _style(size=10, leading=16))
        _, h = paragraph.wrapOn(canvas, frame_width, 200)
        paragraph.drawOn(canvas, _MARGIN, y - h)
        y -= h + 6
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(width - _MARGIN, y - 16, "以上")
    draw_page_footer(
        canvas, f"{PRODUCT_NAME}　{PDF_TITLE}", data.office_name, _MARGIN, width - _MARGIN, 12 * mm
    )
