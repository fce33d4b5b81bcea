"""The 削除証明書 handed to one person for one deletion record: what was deleted, why, how,
by whom, and, while a backup made before the deletion still holds the number, which backup
and until when. It says 「復元できない方法により」 only once nothing the office keeps could
bring the number back (the number key replaced, every such backup destroyed). A4 portrait;
a second sheet when the record needs one."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.deletion_records import (
    CERTIFICATE_NO_NUMBER_NOTICE,
    CERTIFICATE_PDF_TITLE,
    CERTIFICATE_TITLE,
    NOTE_GREY,
    SEAL_GREY,
    SHADE,
    CertificateData,
    DeletionLine,
    dated,
    draw_spaced_title,
    grid,
    paper_text,
)
from reports.document import (
    PRODUCT_NAME,
    add_label_row,
    clip_text,
    draw_page_footer,
    fit_font_size,
    markup,
    new_canvas,
    text_style,
)
from reports.fonts import GOTHIC, MINCHO
from reports.sheets import Block, draw_sheets, paginate
from reports.wareki import japanese_date

_MARGIN = 20 * mm
_FOOTER_Y = 12 * mm
_NOTICE_Y = _FOOTER_Y + 20
_BOTTOM = _NOTICE_Y + 12
_CONTINUED_GAP = 24
_LABEL_WIDTH = 32 * mm
_PADDING = 6
_LABEL = text_style(GOTHIC, 10, 14)
_VALUE = text_style(MINCHO, 10, 14)
_BODY = text_style(MINCHO, 10.5, 17)
_HEADING = text_style(GOTHIC, 10, 14)
_NOTE = text_style(MINCHO, 9, 14)
_SMALL_HEAD = ParagraphStyle("cert-head", parent=text_style(GOTHIC, 8, 11), alignment=TA_CENTER)
_SMALL = text_style(MINCHO, 8, 11)
_ISSUER = ParagraphStyle("issuer", parent=text_style(MINCHO, 10, 13), alignment=TA_RIGHT)
_ISSUER_WIDTH = 80 * mm


def render_certificate(data: CertificateData, out: BinaryIO) -> None:
    """Write the 削除証明書 of one deletion record to out as a PDF."""
    canvas = new_canvas(out, CERTIFICATE_PDF_TITLE)
    width, height = A4
    frame = width - 2 * _MARGIN
    top = height - _MARGIN
    body_top = _draw_head(canvas, data, width, top)
    sheets = paginate(
        _blocks(data, frame),
        frame,
        first_room=body_top - _BOTTOM,
        room=top - _CONTINUED_GAP - _BOTTOM,
        what=CERTIFICATE_TITLE,
    )

    def furniture(page: int, total: int) -> None:
        if page > 1:
            canvas.setFont(GOTHIC, 9)
            left = f"{CERTIFICATE_TITLE}（続き）"
            canvas.drawString(_MARGIN, top - 8, left)
            canvas.setFont(MINCHO, 9)
            room = frame - stringWidth(left, GOTHIC, 9) - 20
            who = clip_text(
                f"{data.person_name} 様　削除記録 No. {data.line.record_no}", MINCHO, 9, room
            )
            canvas.drawRightString(width - _MARGIN, top - 8, who)
        _footer(canvas, data, page, total, frame)

    draw_sheets(canvas, sheets, _MARGIN, body_top, top - _CONTINUED_GAP, furniture)
    canvas.save()


def _draw_head(canvas: Canvas, data: CertificateData, width: float, top: float) -> float:
    """Date and record number, the addressee on the left and the issuer on the right (office,
    特定個人情報管理責任者, name and seal box, as a Japanese certificate sets them), then the
    title; returns where the text starts."""
    left, right = _MARGIN, width - _MARGIN
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(right, top, japanese_date(data.printed_on))
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(right, top - 15, f"削除記録 No. {data.line.record_no}")
    addressee = f"{data.person_name} 様"
    # Clear of the issuer's block on the right.
    size = fit_font_size(addressee, MINCHO, 13, (right - left) * 0.4, min_size=7)
    canvas.setFont(MINCHO, size)
    canvas.drawString(left, top - 48, addressee)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 53, left + max(60 * mm, stringWidth(addressee, MINCHO, size)), top - 53)
    issuer_bottom = _draw_issuer(canvas, data, right, top - 36)
    title_y = min(top - 80, issuer_bottom - 30)
    draw_spaced_title(canvas, CERTIFICATE_TITLE, width / 2, title_y, 17)
    return title_y - 18


def _draw_issuer(canvas: Canvas, data: CertificateData, right: float, y: float) -> float:
    """The office (a long name wraps), 特定個人情報管理責任者 and the name beside a seal
    box, right-aligned from y down; returns the lowest point drawn."""
    seal = 15 * mm
    text_right = right - seal - 6
    office = Paragraph(markup(data.office_name), _ISSUER)
    _, h = office.wrapOn(canvas, _ISSUER_WIDTH, 100)
    office.drawOn(canvas, text_right - _ISSUER_WIDTH, y - h)
    y -= h + 13
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(text_right, y, "特定個人情報管理責任者")
    y -= 16
    name = data.responsible
    canvas.setFont(MINCHO, fit_font_size(name, MINCHO, 11, _ISSUER_WIDTH, min_size=7))
    canvas.drawRightString(text_right, y, name)
    canvas.saveState()
    canvas.setStrokeColor(SEAL_GREY)
    canvas.setFillColor(SEAL_GREY)
    canvas.setLineWidth(0.6)
    canvas.rect(right - seal, y - 4, seal, seal, stroke=1, fill=0)
    canvas.setFont(MINCHO, 9)
    canvas.drawCentredString(right - seal / 2, y - 4 + seal / 2 - 3, "印")
    canvas.restoreState()
    return y - 4


def statement(line: DeletionLine) -> str:
    """What the office certifies: 「復元できない方法により」 only when nothing it keeps could
    bring the number back; else what still holds it is said, and where to read until when."""
    head = (
        f"当事業所は、{japanese_date(line.deleted_on)}、保管していたあなたの個人番号"
        "（特定個人情報）を、下記のとおり"
    )
    if line.irrecoverable:
        text = head + "復元できない方法により削除したことを証明します。"
        if line.backups:
            text += "削除の前に作成したバックアップも、下記のとおりすべて消去しました。"
        return text
    text = head + "削除したことを証明します。"
    if not line.key_replaced:
        text += (
            "なお、削除の後に行う暗号鍵の更新（削除した番号の写しが一時ファイル等に残っていても"
            "復号できなくする処理）は、この証明書の作成時点でまだ済んでいません。"
        )
    if any(not backup.gone for backup in line.backups):
        text += (
            "また、削除の前に作成したバックアップ（暗号化して保管しています）には、"
            "下記の時期に消去するまで、あなたの個人番号が記録されています。"
        )
    return text


def _blocks(data: CertificateData, frame: float) -> list[Block]:
    line = data.line
    blocks = [
        Block(Paragraph(statement(line), _BODY), 10),
        Block(Paragraph("記", ParagraphStyle("ki", _BODY, alignment=TA_CENTER)), 8),
        Block(_particulars(line, frame), 12),
    ]
    if line.backups:
        blocks += [
            Block(Paragraph("削除の前に作成したバックアップ", _HEADING), 4, keep_with_next=True),
            Block(_backups_table(line, frame), 6),
        ]
        if not line.irrecoverable and any(not b.gone for b in line.backups):
            blocks.append(
                Block(
                    Paragraph(
                        "※ バックアップは、保存する世代数を超えると古いものから消去します。"
                        "「頃」とした日は、バックアップを作成する間隔から見込んだものです。"
                        "すべて消去した後にお求めがあれば、復元できない状態になったことを"
                        "改めて証明します。",
                        _NOTE,
                    ),
                    8,
                )
            )
    blocks.append(Block(Paragraph("以上", ParagraphStyle("end", _BODY, alignment=TA_RIGHT))))
    return blocks


def _particulars(line: DeletionLine, frame: float) -> Table:
    why = markup(line.trigger)
    if line.basis:
        why += f"<br/>根拠：{markup(line.basis)}"
    if line.reason:
        why += f"<br/>理由：{markup(line.reason)}"
    rows = [
        ("対象のファイル", markup(line.file_name)),
        ("書類", markup("、".join(line.documents)) or "—"),
        ("理由・根拠", why),
        ("方法", markup(line.method)),
        ("削除日", japanese_date(line.deleted_on)),
        ("提案者", dated(line.proposed_by, line.proposed_on, "提案", short=False)),
        ("承認者", dated(line.approved_by, line.approved_on, "承認", short=False)),
        ("実行者", markup(line.executed_by) or "—"),
    ]
    if line.paper:
        rows.append(("紙の書類", paper_text(line)))
    cells: list[list[object]] = []
    commands: list[tuple[object, ...]] = []
    value_width = frame - _LABEL_WIDTH - 2 * _PADDING
    for label, value in rows:
        # A long value is cut into pieces, one row each, so it can go on to the next sheet.
        add_label_row(
            cells, commands, Paragraph(label, _LABEL), Paragraph(value, _VALUE), value_width
        )
    table = Table(cells, colWidths=[_LABEL_WIDTH, frame - _LABEL_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("LINEAFTER", (0, 0), (0, -1), 0.5, colors.black),
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
                *commands,
            ]
        )
    )
    return table


def _backups_table(line: DeletionLine, frame: float) -> Table:
    """One line a backup: when it was made, its file, and when it went or is to go."""
    widths = [34 * mm, 70 * mm]
    rows = [
        [Paragraph(text, _SMALL_HEAD) for text in ("作成日時", "ファイル名", "消去")],
        *(
            [
                Paragraph(markup(b.made), _SMALL),
                Paragraph(markup(b.file_name), _SMALL),
                Paragraph(markup(b.fate), _SMALL),
            ]
            for b in line.backups
        ),
    ]
    table = Table(rows, colWidths=[*widths, frame - sum(widths)], repeatRows=1)
    table.setStyle(
        grid(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _footer(canvas: Canvas, data: CertificateData, page: int, total: int, frame: float) -> None:
    canvas.saveState()
    canvas.setFont(MINCHO, 8)
    canvas.setFillColor(NOTE_GREY)
    canvas.drawString(_MARGIN, _NOTICE_Y, CERTIFICATE_NO_NUMBER_NOTICE)
    canvas.restoreState()
    left = f"{PRODUCT_NAME}　{CERTIFICATE_PDF_TITLE}"
    if total > 1:
        left += f"（{page}／{total}）"
    room = frame - stringWidth(left, GOTHIC, 7.5) - 20
    draw_page_footer(
        canvas,
        left,
        clip_text(data.office_name, GOTHIC, 7.5, room),
        _MARGIN,
        _MARGIN + frame,
        _FOOTER_Y,
    )
