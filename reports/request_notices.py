"""The written answers to requests from individuals (個人情報保護法第32条〜第36条): 開示決定通知書
with the attachment of what is held, 不開示決定通知書 / 保有個人データ不存在通知書, 訂正等決定通知書,
利用停止等決定通知書 and 利用目的通知書 (the blank 開示等請求書 is reports/request_form.py).

No other person's number is ever printed; the requester's own number only when `own_number` is
given (they asked for it, once, and that was logged)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reports.document import (
    IDEOGRAPHIC_SPACE,
    add_label_row,
    clip_text,
    markup,
    text_style,
)
from reports.errors import ReportError
from reports.flow import Flow, render_counted
from reports.fonts import GOTHIC, MINCHO
from reports.letter_parts import LEAD, NOTE_GREY, SHADE, draw_title, refuse_number_like
from reports.notice_data import MASKED_NUMBER, NoticeData
from reports.wareki import japanese_date

OWN_NUMBER_LABEL = "ご本人の個人番号"
OWN_NUMBER_NOTE = "ご本人の請求により記載しています。取扱いにご注意ください。"
NO_NUMBER_NOTICE = "この通知書には個人番号を記載していません。"
OWN_NUMBER_NOTICE = "この通知書には、請求によりご本人の個人番号のみを記載しています。"
NOTHING_HELD_TEXT = "該当する記録はありません。"
_MARGIN = 20 * mm
_LIGHT_SHADE = colors.Color(0.97, 0.97, 0.97)
_SEAL_GREY = colors.Color(0.55, 0.55, 0.55)
_LABEL_WIDTH = 36 * mm
_CELL_PADDING = 5
# A heading is only placed if this much of what follows fits under it, so a heading is never
# left alone at the foot of a page.
_KEEP_WITH_HEADING = 48
_CLOSING_GAP = 10
_IJO_GAP = 6  # between the last table of the 記 and 「以上」

_BODY = text_style(MINCHO, 10.5, 18)
_CENTRED = ParagraphStyle("centred", parent=_BODY, alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=_BODY, alignment=TA_RIGHT)
_ADDRESSEE = text_style(MINCHO, 13, 18)
_AGENT = text_style(MINCHO, 10, 14)
_OFFICE = ParagraphStyle("office", parent=text_style(MINCHO, 11, 15), alignment=TA_RIGHT)
_SENDER = ParagraphStyle("sender", parent=text_style(MINCHO, 10.5, 15), alignment=TA_RIGHT)
_LABEL = text_style(GOTHIC, 9.5, 13.5)
_VALUE = text_style(MINCHO, 9.5, 13.5)
_STRONG = text_style(GOTHIC, 9.5, 13.5)
_SUB_HEAD = ParagraphStyle("sub-head", parent=text_style(GOTHIC, 8.5, 12), alignment=TA_CENTER)
_SUB = text_style(MINCHO, 9, 12.5)
_OWN = text_style(GOTHIC, 13, 17)
_OWN_NOTE = text_style(MINCHO, 8, 11)
_NOTE = ParagraphStyle("note", parent=text_style(MINCHO, 8, 11), textColor=NOTE_GREY)


def render_notice(data: NoticeData, out: BinaryIO) -> None:
    """Write one decision notice to out as a PDF (A4 portrait): the letter, then, for a
    disclosure, the attachment of what is held, starting on a page of its own."""
    refuse_number_like(_notice_texts(data))
    own = _grouped(data.own_number) if data.own_number is not None else None
    if own is not None and not data.attachment:
        raise ReportError("the requester's own number is printed in the attachment, which is empty")
    render_counted(
        out, data.pdf_title, lambda canvas, total: _layout_notice(canvas, data, own, total=total)
    )


# The notice.


def _layout_notice(canvas: Canvas, data: NoticeData, own: str | None, total: int | None) -> int:
    flow = Flow(
        canvas,
        margin=_MARGIN,
        footer_title=data.pdf_title,
        office_name=data.office_name,
        total=total,
    )
    flow.running = f"{data.title}（続き）"
    flow.running_right = data.notice_no
    flow.y = flow.page_top = _draw_letter_head(flow, data)
    closing = Paragraph(OWN_NUMBER_NOTICE if own else NO_NUMBER_NOTICE, _NOTE)
    _, closing_height = closing.wrap(flow.frame, flow.top)
    closing_keep = closing_height + _CLOSING_GAP

    paragraphs = _body_paragraphs(data.body)
    for index, paragraph in enumerate(paragraphs):
        flow.add(paragraph, space_after=14 if index == len(paragraphs) - 1 else 2)
    flow.add(Paragraph("記", _CENTRED), space_after=8, keep=_KEEP_WITH_HEADING, whole=True)
    ijo = Paragraph("以上", _RIGHT)
    _, ijo_height = ijo.wrap(flow.frame, flow.top)
    # 「以上」 closes the 記 and never starts a page on its own; without an attachment the
    # closing line follows it on the same page.
    after_ijo = 0 if data.attachment else closing_keep
    tail = _IJO_GAP + ijo_height + after_ijo
    contacts = _contacts_table(data, flow.frame)
    if contacts is None:
        flow.add(_record_table(data, flow.frame), space_after=_IJO_GAP, keep=tail)
    else:
        flow.add(_record_table(data, flow.frame), space_after=10)
        flow.add(contacts, space_after=_IJO_GAP, keep=tail, whole=True)
    flow.add(ijo, space_after=_CLOSING_GAP, keep=after_ijo)
    if data.attachment:
        _layout_attachment(flow, data, own, closing_keep)
    flow.add(closing, whole=True)
    flow.finish_page()
    return flow.page


def _draw_letter_head(flow: Flow, data: NoticeData) -> float:
    """Notice number and date, the addressee, the office with its seal box and the title, as on
    a printed business letter; returns where the body starts."""
    canvas, left, right, top, frame = flow.canvas, flow.left, flow.right, flow.top, flow.frame
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(right, top, clip_text(data.notice_no, MINCHO, 10.5, frame * 0.6))
    canvas.drawRightString(right, top - 16, japanese_date(data.printed_on))

    y = top - 44
    addressee = Paragraph(f"{markup(data.addressee)} 様", _ADDRESSEE)
    _, h = addressee.wrap(frame * 0.62, y)
    addressee.drawOn(canvas, left, y - h)
    y -= h + 3
    text_width = max(addressee.getActualLineWidths0() or [0])
    canvas.setLineWidth(0.6)
    canvas.line(left, y, left + max(70 * mm, min(frame * 0.62, text_width + 6)), y)
    y -= 5
    if data.agent_of:
        agent = Paragraph(f"（{markup(data.agent_of)} 様の代理人）", _AGENT)
        _, h = agent.wrap(frame * 0.62, y)
        agent.drawOn(canvas, left + 10, y - h)
        y -= h

    # The office and who signs for it, right-aligned, with the box for the seal to its right.
    y -= 14
    seal = 15 * mm
    office_width = frame * 0.6
    sender = IDEOGRAPHIC_SPACE.join(
        markup(part) for part in (data.sender_title, data.sender_name) if part
    )
    office = Table(
        [[Paragraph(markup(data.office_name), _OFFICE)], [Paragraph(sender, _SENDER)]],
        colWidths=[office_width],
    )
    office.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    _, h = office.wrap(office_width, y)
    block = max(h, seal)
    office.drawOn(canvas, right - seal - 8 - office_width, y - (block + h) / 2)
    canvas.saveState()
    canvas.setStrokeColor(_SEAL_GREY)
    canvas.setFillColor(_SEAL_GREY)
    canvas.setLineWidth(0.6)
    seal_bottom = y - (block + seal) / 2
    canvas.rect(right - seal, seal_bottom, seal, seal, stroke=1, fill=0)
    canvas.setFont(MINCHO, 9)
    canvas.drawCentredString(right - seal / 2, seal_bottom + seal / 2 - 3, "印")
    canvas.restoreState()
    y -= block + 34

    y -= draw_title(canvas, data.title, flow.width / 2, y, frame)
    return y - 22


def _body_paragraphs(body: str) -> list[Paragraph]:
    # A Japanese paragraph starts one character in, unless the text already does.
    style = ParagraphStyle("body-indented", parent=_BODY, firstLineIndent=_BODY.fontSize)
    return [
        Paragraph(markup(line), _BODY if line.startswith("　") else style)
        for line in body.split("\n")
        if line.strip()
    ]


def _record_table(data: NoticeData, frame: float) -> Table:
    """The 記: label | value rows spanning three columns, and the corrections, if any, as a
    sub-table (項目 / 訂正前 / 訂正後) in those columns."""
    entries: list[tuple[str, str, ParagraphStyle]] = [
        (data.received_label, japanese_date(data.received_on), _VALUE),
        (data.request_label, markup(data.request_summary), _VALUE),
        (data.decision_label, markup(data.decision), _STRONG),
    ]
    if data.attachment:
        entries.append(("内容", markup(data.attachment_note), _VALUE))
    if data.withheld:
        entries.append(("不開示とした部分", markup(data.withheld), _VALUE))
    if data.grounds:
        entries.append(("根拠", "<br/>".join(markup(g) for g in data.grounds), _VALUE))
    optional = (
        ("理由", data.reason),
        ("開示の方法", data.method),
        ("手数料", data.fee),
    )
    entries += [(label, markup(value), _VALUE) for label, value in optional if value]

    item_width = 34 * mm
    side = (frame - _LABEL_WIDTH - item_width) / 2
    widths = [_LABEL_WIDTH, item_width, side, side]
    cells: list[list[object]] = []
    commands: list[tuple[object, ...]] = [("LINEAFTER", (0, 0), (0, -1), 0.5, colors.black)]
    for label, text, style in entries:
        first, last = _add_entry(
            cells, commands, label, Paragraph(text, style), frame - _LABEL_WIDTH, columns=4
        )
        for row in range(first, last + 1):
            commands.append(("SPAN", (1, row), (3, row)))
    if data.changes:
        head = len(cells)
        cells.append(
            [
                Paragraph("訂正等の内容", _LABEL),
                Paragraph("項目", _SUB_HEAD),
                Paragraph("訂正前", _SUB_HEAD),
                Paragraph("訂正後", _SUB_HEAD),
            ]
        )
        for change in data.changes:
            cells.append(
                [
                    "",
                    Paragraph(markup(change.item), _SUB),
                    Paragraph(markup(change.before), _SUB),
                    Paragraph(markup(change.after), _SUB),
                ]
            )
        last = len(cells) - 1
        commands += [
            ("VALIGN", (0, head), (0, head), "TOP"),
            ("BACKGROUND", (1, head), (-1, head), _LIGHT_SHADE),
            ("LINEAFTER", (1, head), (2, last), 0.5, colors.black),
            ("VALIGN", (1, head + 1), (-1, last), "TOP"),
            ("TOPPADDING", (1, head), (-1, last), 3),
            ("BOTTOMPADDING", (1, head), (-1, last), 3.5),
            ("LINEBELOW", (0, last), (-1, last), 0.5, colors.black),
        ]
        commands += [
            ("LINEBELOW", (1, row), (-1, row), 0.5, colors.black) for row in range(head, last)
        ]
    table = Table(cells, colWidths=widths)
    table.setStyle(_grid(commands))
    return table


def _contacts_table(data: NoticeData, frame: float) -> Table | None:
    rows = [
        (label, Paragraph(markup(value), _VALUE), False)
        for label, value in (
            ("お問合せ先", data.contact),
            ("苦情の申出先", data.complaint_contact),
            ("ご不明・ご不服のとき", data.guidance),
        )
        if value
    ]
    return _label_table(rows, frame) if rows else None


def _layout_attachment(flow: Flow, data: NoticeData, own: str | None, keep: float) -> None:
    """The 別紙 on pages of its own: one numbered section per HeldSection; keep is the height of
    the closing line that must follow the last section."""
    flow.new_page(running=False)
    flow.running = f"{data.attachment_title}（続き）"
    canvas = flow.canvas
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(
        flow.right, flow.top, clip_text(data.notice_no, MINCHO, 9, flow.frame / 2)
    )
    canvas.setFont(GOTHIC, 14)
    canvas.drawCentredString(flow.width / 2, flow.top - 22, data.attachment_title)
    flow.y = flow.top - 40
    lead = f"{japanese_date(data.printed_on)}現在、{markup(data.attachment_lead)}"
    masked = any(
        MASKED_NUMBER in item.value for section in data.attachment for item in section.items
    )
    if masked:
        lead += "<br/>※ ご本人以外の方（扶養親族など）の個人番号は記載していません。"
    flow.add(Paragraph(lead, LEAD), space_after=12)
    flow.page_top = flow.y
    for index, section in enumerate(data.attachment, start=1):
        rows = [
            (item.label, Paragraph(markup(item.value), _VALUE), False) for item in section.items
        ]
        if index == 1 and own is not None:
            rows.append(
                (
                    OWN_NUMBER_LABEL,
                    [Paragraph(own, _OWN), Paragraph(OWN_NUMBER_NOTE, _OWN_NOTE)],
                    True,
                )
            )
        last = index == len(data.attachment)
        ijo = Paragraph("以上", _RIGHT)
        _, ijo_height = ijo.wrap(flow.frame, flow.top)
        flow.section(
            f"{index}　{section.title}",
            _label_table(rows, flow.frame),
            keep=keep + ijo_height + _IJO_GAP if last else 0,
            space_after=_IJO_GAP if last else 12,
        )
        if last:
            flow.add(ijo, space_after=_CLOSING_GAP, keep=keep)


def _label_table(
    rows: Sequence[tuple[str, Paragraph | list[Flowable], bool]], frame: float
) -> Table:
    """Label | value rows; a row marked framed gets a heavy frame of its own. No rows: one row
    saying so."""
    cells: list[list[object]] = []
    commands: list[tuple[object, ...]] = [("LINEAFTER", (0, 0), (0, -1), 0.5, colors.black)]
    for label, value, framed in rows:
        first, last = _add_entry(cells, commands, label, value, frame - _LABEL_WIDTH, columns=2)
        if framed:
            commands += [
                ("BOX", (0, first), (-1, last), 1.6, colors.black),
                ("TOPPADDING", (0, first), (-1, last), 6),
                ("BOTTOMPADDING", (0, first), (-1, last), 7),
                ("FONT", (0, first), (0, last), GOTHIC),
            ]
    if not cells:
        cells.append([Paragraph(NOTHING_HELD_TEXT, _VALUE), ""])
        commands = [("SPAN", (0, 0), (1, 0))]
    table = Table(cells, colWidths=[_LABEL_WIDTH, frame - _LABEL_WIDTH])
    table.setStyle(_grid(commands, label_column=bool(rows)))
    return table


def _add_entry(
    cells: list[list[object]],
    commands: list[tuple[object, ...]],
    label: str,
    value: Paragraph | list[Flowable],
    value_width: float,
    *,
    columns: int,
) -> tuple[int, int]:
    return add_label_row(
        cells,
        commands,
        Paragraph(markup(label), _LABEL),
        value,
        value_width - 2 * _CELL_PADDING,
        columns=columns,
    )


def _grid(extra: list[tuple[object, ...]], *, label_column: bool = True) -> TableStyle:
    """Box, shaded label column and padding; the caller draws the row and column rules, since
    a value cut into pieces must show as one cell."""
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    return TableStyle([*commands, *extra])


def _notice_texts(data: NoticeData) -> list[tuple[str, str]]:
    """Every text of the notice that is printed, named for the error message (never quoted)."""
    texts = [
        ("office name", data.office_name),
        ("notice number", data.notice_no),
        ("title", data.title),
        ("PDF title", data.pdf_title),
        ("addressee", data.addressee),
        ("agent_of", data.agent_of),
        ("request summary", data.request_summary),
        ("decision", data.decision),
        ("body", data.body),
        ("reason", data.reason),
        ("withheld", data.withheld),
        ("method", data.method),
        ("fee", data.fee),
        ("contact", data.contact),
        ("complaint contact", data.complaint_contact),
        ("guidance", data.guidance),
        ("sender title", data.sender_title),
        ("sender name", data.sender_name),
        ("attachment note", data.attachment_note),
        ("attachment lead", data.attachment_lead),
    ]
    texts += [("ground", ground) for ground in data.grounds]
    for change in data.changes:
        texts += [("change", change.item), ("change", change.before), ("change", change.after)]
    for section in data.attachment:
        texts.append(("attachment section title", section.title))
        for item in section.items:
            texts += [("attachment label", item.label), (f"attachment {item.label}", item.value)]
    return texts


def _grouped(number: str) -> str:
    if len(number) != 12 or not (number.isascii() and number.isdigit()):
        raise ReportError("own_number must be the 12 digits of a My Number")
    return f"{number[:4]} {number[4:8]} {number[8:]}"
