"""The recovery sheet: the one-page printout of the recovery key that is kept in the safe."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reports.document import PRODUCT_NAME, draw_page_footer, fit_font_size, new_canvas
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO, require_fonts
from reports.wareki import japanese_date

TITLE = "回復キー（リカバリーシート）"
# Metadata title: generic on purpose, it must never identify the office.
PDF_TITLE = TITLE
KEY_SEPARATOR = "-"

_GROUPS_PER_ROW = 4
_MAX_ROWS = 3
_MAX_GROUP_CHARS = 6

_PAGE_W, _PAGE_H = A4
_MARGIN = 15 * mm
_X0 = _MARGIN
_X1 = _PAGE_W - _MARGIN
_CONTENT_W = _X1 - _X0
_FOOTER_Y = 12 * mm

_INK = Color(0.08, 0.08, 0.08)
_GREY = Color(0.4, 0.4, 0.4)
_LIGHT = Color(0.75, 0.75, 0.75)
_SHADE = Color(0.92, 0.92, 0.92)
_KEY_SHADE = Color(0.97, 0.97, 0.97)
_SEAL_RED = Color(0.62, 0.1, 0.1)

_QR_SIZE = 80.0
# Module border inside the widget; the white backing adds the rest of the 4-module quiet zone.
_QR_BORDER = 2
_QR_BACKING = 6.0

_INSTRUCTIONS: tuple[str, ...] = (
    (
        "回復キーは、<b>新しいパソコンでデータを開くとき</b>、または"
        "<b>すべてのパスワードが分からなくなったとき</b>に使用します。"
        "通常の業務では使用しません。"
    ),
    (
        "本書は、<b>特定個人情報管理責任者</b>の管理のもと、"
        "<b>事務所の金庫</b>に施錠して保管してください。"
    ),
    (
        "回復キーを<b>パソコンに保存したり、スマートフォン等で撮影したりしないでください</b>。"
        "コピーやスキャンもしないでください。"
    ),
    (
        "本書を<b>パソコンと一緒に保管しないでください</b>。"
        "パソコンの近くや、同じ机・かばんにも入れないでください。"
    ),
    (
        "本書とバックアップファイルの両方を手にした人は、"
        "<b>すべてのデータを開くことができます</b>。"
        "バックアップファイルとは別の場所に保管してください。"
    ),
    (
        "本書を紛失した場合、または第三者に見られた（漏えいした）おそれがある場合は、"
        "直ちに特定個人情報管理責任者に報告し、"
        "マイナンバー管理デスクで<b>回復キーを再発行</b>してください。"
    ),
)


@dataclass(frozen=True)
class RecoverySheetData:
    """Everything printed on the sheet; no password or other secret besides the key itself."""

    office_name: str
    vault_id: str  # a UUID string identifying the database, printed small
    recovery_key_groups: tuple[str, ...]  # e.g. 8 groups of 4 Base32 chars: ("ABCD","EFGH",...)
    created_on: datetime.date
    # The manager's signing key as people compare it (16 hex digits): verify prints the same.
    manager_key_fingerprint: str = ""

    def __post_init__(self) -> None:
        groups = self.recovery_key_groups
        if not groups:
            raise ReportError("the recovery key has no groups")
        if len(groups) > _GROUPS_PER_ROW * _MAX_ROWS:
            raise ReportError(f"the recovery key has too many groups to print: {len(groups)}")
        for group in groups:
            # A separator, blank or full-width character inside a group would make the boxes
            # ambiguous to read back and type.
            valid = group.isascii() and group.isalnum() and len(group) <= _MAX_GROUP_CHARS
            if not valid:
                raise ReportError(f"invalid recovery key group: {len(group)} characters")


def recovery_key_text(data: RecoverySheetData) -> str:
    """The recovery key as one string, groups joined by hyphens (e.g. 「ABCD-EFGH-…」)."""
    return KEY_SEPARATOR.join(data.recovery_key_groups)


def recovery_qr_payload(data: RecoverySheetData) -> str:
    """The exact text encoded in the sheet's QR code: the key as it would be typed."""
    return recovery_key_text(data)


def recovery_qr_widget(data: RecoverySheetData, size: float = _QR_SIZE) -> QrCodeWidget:
    """The QR code drawn on the sheet, size points square."""
    # Level M survives a fold or a stain on paper kept for years; the payload is short anyway.
    return QrCodeWidget(
        recovery_qr_payload(data), barWidth=size, barHeight=size, barLevel="M", barBorder=_QR_BORDER
    )


def render_recovery_sheet(data: RecoverySheetData, out: BinaryIO) -> None:
    """Write the one-page A4 recovery sheet for data to out as PDF."""
    require_fonts()
    canvas = new_canvas(out, PDF_TITLE)
    y = _PAGE_H - _MARGIN
    y = _draw_header(canvas, y)
    y = _draw_details(canvas, data, y - 10)
    y = _draw_section_heading(canvas, "1", "回復キー", y - 16)
    y = _draw_key_panel(canvas, data, y - 6)
    y = _draw_section_heading(canvas, "2", "回復キーの用途と保管方法", y - 14)
    y = _draw_instructions(canvas, y - 4)
    y = _draw_section_heading(canvas, "3", "保管記録", y - 12)
    y = _draw_custody_table(canvas, y - 6)
    # A guard for future edits: the sheet must stay on one page, above the footer.
    if y < _FOOTER_Y + 18:
        raise ReportError("recovery sheet layout overflows the page")
    draw_page_footer(canvas, f"{PRODUCT_NAME}　{TITLE}", "複製・撮影禁止", _X0, _X1, _FOOTER_Y)
    canvas.showPage()
    canvas.save()


def _draw_bold_text(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    x: float,
    y: float,
    color: Color = _INK,
    centred: bool = False,
) -> None:
    # IPAex has no bold face; fill plus a thin stroke of the outline is the usual substitute.
    if centred:
        x -= stringWidth(text, font, size) / 2
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(size * 0.025)
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    text_object.setTextRenderMode(2)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()


def _draw_header(canvas: Canvas, top: float) -> float:
    canvas.setFillColor(_GREY)
    canvas.setFont(GOTHIC, 9)
    canvas.drawString(_X0, top - 12, PRODUCT_NAME)

    seal_text = "厳秘・金庫保管"
    seal_w = stringWidth(seal_text, GOTHIC, 10) + 16
    canvas.setStrokeColor(_SEAL_RED)
    canvas.setLineWidth(1.2)
    canvas.rect(_X1 - seal_w, top - 17, seal_w, 19, stroke=1, fill=0)
    _draw_bold_text(
        canvas, seal_text, GOTHIC, 10, _X1 - seal_w / 2, top - 11, _SEAL_RED, centred=True
    )
    _draw_bold_text(canvas, TITLE, GOTHIC, 22, _PAGE_W / 2, top - 56, centred=True)

    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(1.6)
    canvas.line(_X0, top - 70, _X1, top - 70)
    canvas.setLineWidth(0.5)
    canvas.line(_X0, top - 73, _X1, top - 73)

    lead = Paragraph(
        "本書は、マイナンバー管理デスクに保存された特定個人情報を開くための"
        "<b>回復キー</b>を記載した重要書類です。<br/>下記の保管方法を必ず守ってください。",
        _body_style(),
    )
    _w, h = lead.wrap(_CONTENT_W, 100)
    lead.drawOn(canvas, _X0, top - 84 - h)
    return top - 84 - h


def _draw_details(canvas: Canvas, data: RecoverySheetData, top: float) -> float:
    rows = (("事業所名", data.office_name, 12.5), ("発行日", japanese_date(data.created_on), 11.0))
    label_w = 84.0
    row_h = 25.0
    value_w = _CONTENT_W - label_w - 20
    y = top
    for label, value, size in rows:
        _cell(canvas, _X0, y, label_w, row_h, fill=_SHADE)
        _cell(canvas, _X0 + label_w, y, _CONTENT_W - label_w, row_h)
        canvas.setFillColor(_INK)
        canvas.setFont(GOTHIC, 10)
        canvas.drawCentredString(_X0 + label_w / 2, y - row_h / 2 - 3.5, label)
        fitted = fit_font_size(value, GOTHIC, size, value_w)
        canvas.setFont(GOTHIC, fitted)
        canvas.drawString(_X0 + label_w + 10, y - row_h / 2 - fitted * 0.35, value)
        y -= row_h
    _outline(canvas, _X0, top, _CONTENT_W, top - y)
    return y


def _draw_section_heading(canvas: Canvas, number: str, text: str, top: float) -> float:
    canvas.setFillColor(_INK)
    canvas.rect(_X0, top - 15, 4, 15, stroke=0, fill=1)
    _draw_bold_text(canvas, f"{number}．{text}", GOTHIC, 12, _X0 + 11, top - 12.5)
    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(0.6)
    canvas.line(_X0, top - 19, _X1, top - 19)
    return top - 19


def _draw_key_panel(canvas: Canvas, data: RecoverySheetData, top: float) -> float:
    groups = data.recovery_key_groups
    rows = [groups[i : i + _GROUPS_PER_ROW] for i in range(0, len(groups), _GROUPS_PER_ROW)]
    cells = max(len(group) for group in groups)

    pad = 10.0
    gap = 12.0  # between groups: room for the hyphen
    qr_column = _QR_SIZE + 2 * pad
    key_w = _CONTENT_W - qr_column - 2 * pad
    cell_w = min(26.0, (key_w - gap * (_GROUPS_PER_ROW - 1)) / (_GROUPS_PER_ROW * cells))
    # A third row only fits the page with lower boxes; the usual key is two rows of four groups.
    cell_h = 36.0 if len(rows) <= 2 else 30.0
    font_size = min(22.0, cell_w * 0.9, cell_h * 0.62)
    group_w = cell_w * cells
    number_h = 11.0
    row_gap = 9.0 if len(rows) <= 2 else 5.0
    row_pitch = number_h + cell_h + row_gap

    key_block_h = row_pitch * len(rows) - row_gap
    key_caption_h = 14.0
    qr_caption_h = 2 * _QR_BACKING + 20.0
    inner_h = max(key_block_h + key_caption_h, _QR_SIZE + qr_caption_h)
    panel_h = inner_h + 2 * pad
    bottom = top - panel_h

    canvas.setFillColor(_KEY_SHADE)
    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(1.2)
    canvas.rect(_X0, bottom, _CONTENT_W, panel_h, stroke=1, fill=1)
    divider_x = _X1 - qr_column
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(_LIGHT)
    canvas.line(divider_x, bottom + 8, divider_x, top - 8)

    row_w = group_w * _GROUPS_PER_ROW + gap * (_GROUPS_PER_ROW - 1)
    x_start = _X0 + pad + (key_w - row_w) / 2
    block_top = top - pad - (inner_h - key_block_h - key_caption_h) / 2
    index = 0
    for r, row in enumerate(rows):
        row_top = block_top - r * row_pitch
        box_top = row_top - number_h
        for g, group in enumerate(row):
            index += 1
            x = x_start + g * (group_w + gap)
            canvas.setFillColor(_GREY)
            canvas.setFont(GOTHIC, 7.5)
            canvas.drawCentredString(x + group_w / 2, row_top - 8, str(index))
            _draw_group_box(canvas, group, x, box_top, cell_w, cell_h, cells, font_size)
            if index < len(groups):
                # Also drawn at the end of a row, so the reading order across the line break
                # is unmistakable. A drawn dash, not a glyph: it cannot be mistaken for a letter.
                canvas.setStrokeColor(_INK)
                canvas.setLineWidth(1.6)
                dash_y = box_top - cell_h / 2
                canvas.line(x + group_w + gap * 0.28, dash_y, x + group_w + gap * 0.72, dash_y)
    canvas.setFillColor(_GREY)
    canvas.setFont(GOTHIC, 8)
    canvas.drawCentredString(
        _X0 + pad + key_w / 2,
        block_top - key_block_h - key_caption_h + 2,
        f"左上の 1 から {len(groups)} まで、番号の順にハイフン（-）でつないだものが回復キーです。",
    )

    qr_x = divider_x + pad
    qr_y = top - pad - _QR_BACKING - (inner_h - _QR_SIZE - qr_caption_h) / 2 - _QR_SIZE
    canvas.setFillColor(white)
    canvas.rect(
        qr_x - _QR_BACKING,
        qr_y - _QR_BACKING,
        _QR_SIZE + 2 * _QR_BACKING,
        _QR_SIZE + 2 * _QR_BACKING,
        stroke=0,
        fill=1,
    )
    drawing = Drawing(_QR_SIZE, _QR_SIZE)
    # Otherwise the renderer selects Helvetica, which would then be referenced without embedding.
    drawing.initialFontName = GOTHIC
    drawing.add(recovery_qr_widget(data, _QR_SIZE))
    renderPDF.draw(drawing, canvas, qr_x, qr_y)
    canvas.setFillColor(_GREY)
    canvas.setFont(GOTHIC, 7)
    canvas.drawCentredString(qr_x + _QR_SIZE / 2, qr_y - _QR_BACKING - 8, "QRコード")
    canvas.drawCentredString(
        qr_x + _QR_SIZE / 2, qr_y - _QR_BACKING - 17, "（内容は回復キーと同じ）"
    )

    canvas.setFont(GOTHIC, 7)
    canvas.drawRightString(_X1, bottom - 10, f"データベースID：{data.vault_id}")
    if data.manager_key_fingerprint:
        canvas.drawRightString(
            _X1, bottom - 19, f"管理責任者の署名鍵の指紋：{data.manager_key_fingerprint}"
        )
        return bottom - 21
    return bottom - 12


def _draw_group_box(
    canvas: Canvas,
    group: str,
    x: float,
    top: float,
    cell_w: float,
    cell_h: float,
    cells: int,
    font_size: float,
) -> None:
    width = cell_w * cells
    canvas.setFillColor(white)
    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(1.0)
    canvas.rect(x, top - cell_h, width, cell_h, stroke=1, fill=1)
    canvas.setStrokeColor(_LIGHT)
    canvas.setLineWidth(0.4)
    for i in range(1, cells):
        canvas.line(x + i * cell_w, top - cell_h + 4, x + i * cell_w, top - 4)
    canvas.setFillColor(black)
    # One glyph centred per cell: the font's Latin letters are proportional, the cells make them
    # monospace. A single text object keeps the group together for text extraction.
    baseline = top - cell_h / 2 - font_size * 0.36
    text_object = canvas.beginText()
    text_object.setFont(GOTHIC, font_size)
    for i, char in enumerate(group):
        char_x = x + (i + 0.5) * cell_w - stringWidth(char, GOTHIC, font_size) / 2
        text_object.setTextOrigin(char_x, baseline)
        text_object.textOut(char)
    canvas.drawText(text_object)


def _draw_instructions(canvas: Canvas, top: float) -> float:
    style = _body_style(left_indent=16, bullet_indent=2)
    y = top
    for number, text in enumerate(_INSTRUCTIONS, start=1):
        paragraph = Paragraph(text, style, bulletText=f"{number}.")
        _w, h = paragraph.wrap(_CONTENT_W, 200)
        paragraph.drawOn(canvas, _X0, y - h)
        y -= h + 4.5
    return y


def _draw_custody_table(canvas: Canvas, top: float) -> float:
    label_w = 100.0
    value_w = _CONTENT_W - label_w
    y = top

    # Custodian: signature space and a seal box.
    h = 38.0
    _cell(canvas, _X0, y, label_w, h, fill=_SHADE)
    _cell(canvas, _X0 + label_w, y, value_w, h)
    canvas.setFillColor(_INK)
    canvas.setFont(GOTHIC, 10)
    canvas.drawCentredString(_X0 + label_w / 2, y - 16, "保管責任者")
    canvas.setFont(GOTHIC, 7)
    canvas.drawCentredString(_X0 + label_w / 2, y - 28, "（特定個人情報管理責任者）")
    canvas.setFont(MINCHO, 8)
    canvas.setFillColor(_GREY)
    canvas.drawString(_X0 + label_w + 8, y - 12, "役職・氏名（署名または記名押印）")
    seal = 28.0
    seal_x = _X1 - seal - 8
    canvas.setStrokeColor(_GREY)
    canvas.setLineWidth(0.6)
    canvas.setDash(2, 2)
    canvas.circle(seal_x + seal / 2, y - h / 2, seal / 2, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFont(MINCHO, 9)
    canvas.drawCentredString(seal_x + seal / 2, y - h / 2 - 3, "印")
    y -= h

    # Storage place.
    h = 28.0
    _cell(canvas, _X0, y, label_w, h, fill=_SHADE)
    _cell(canvas, _X0 + label_w, y, value_w, h)
    canvas.setFillColor(_INK)
    canvas.setFont(GOTHIC, 10)
    canvas.drawCentredString(_X0 + label_w / 2, y - h / 2 - 3.5, "保管場所")
    y -= h

    # Periodic checks: three dated columns, each with its own initials space.
    h = 30.0
    _cell(canvas, _X0, y, label_w, h, fill=_SHADE)
    canvas.setFillColor(_INK)
    canvas.setFont(GOTHIC, 10)
    canvas.drawCentredString(_X0 + label_w / 2, y - 13, "確認日")
    canvas.setFont(GOTHIC, 7)
    canvas.drawCentredString(_X0 + label_w / 2, y - 24, "（保管状況の確認）")
    column_w = value_w / 3
    for i in range(3):
        x = _X0 + label_w + i * column_w
        _cell(canvas, x, y, column_w, h)
        canvas.setFillColor(_INK)
        canvas.setFont(MINCHO, 9)
        for offset, unit in ((42, "年"), (70, "月"), (98, "日")):
            canvas.drawString(x + offset, y - h / 2 - 3, unit)
        canvas.setFillColor(_GREY)
        canvas.setFont(MINCHO, 7)
        canvas.drawRightString(x + column_w - 5, y - h + 5, "確認印")
    y -= h

    _outline(canvas, _X0, top, _CONTENT_W, top - y)
    return y


def _cell(
    canvas: Canvas, x: float, top: float, width: float, height: float, fill: Color | None = None
) -> None:
    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(0.5)
    if fill is not None:
        canvas.setFillColor(fill)
    canvas.rect(x, top - height, width, height, stroke=1, fill=1 if fill is not None else 0)


def _outline(canvas: Canvas, x: float, top: float, width: float, height: float) -> None:
    # A heavier frame over the hairline cells, as on printed office forms.
    canvas.setStrokeColor(_INK)
    canvas.setLineWidth(1.0)
    canvas.rect(x, top - height, width, height, stroke=1, fill=0)


def _body_style(left_indent: float = 0, bullet_indent: float = 0) -> ParagraphStyle:
    return ParagraphStyle(
        name="body",
        fontName=MINCHO,
        fontSize=10,
        leading=15,
        textColor=_INK,
        wordWrap="CJK",
        leftIndent=left_indent,
        bulletIndent=bullet_indent,
        bulletFontName=GOTHIC,
        bulletFontSize=10,
    )
