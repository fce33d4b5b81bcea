"""The written answers to requests from individuals (個人情報保護法第32条〜第36条): 開示決定通知書
with the attachment of what is held, 不開示決定通知書 / 保有個人データ不存在通知書, 訂正等決定通知書,
利用停止等決定通知書, 利用目的通知書, and the blank 開示等請求書 the office hands out.

No other person's number is ever printed; the requester's own number only when `own_number` is
given (they asked for it, once, and that was logged)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from reports.wareki import japanese_date

REQUEST_FORM_TITLE = "保有個人データの開示等請求書"
ATTACHMENT_TITLE = "別紙　保有個人データの内容"
# Said of a dependant's number, which the person is not entitled to see.
MASKED_NUMBER = "保有しています（ご本人以外の方の番号のため、記載していません）"
# Where the 別紙 comes from: this program holds the My Number files, not every record of the
# office, so the notice says so rather than claiming to list everything.
HELD_SCOPE = "当事業所が個人番号関係事務で保有しているご本人の個人データ"


@dataclass(frozen=True)
class HeldItem:
    label: str  # e.g. 「氏名」「利用目的」「削除できる日」
    value: str


@dataclass(frozen=True)
class HeldSection:
    """One part of the attachment: 本人に関する情報, 個人番号の利用目的, 扶養親族, 本人確認の記録,
    削除の予定 (dates with their legal basis), …"""

    title: str
    items: tuple[HeldItem, ...]


@dataclass(frozen=True)
class Change:
    """A correction made (訂正等決定通知書): what, before, after."""

    item: str
    before: str
    after: str


@dataclass(frozen=True)
class NoticeData:
    office_name: str
    printed_on: datetime.date
    notice_no: str  # e.g. 「開示第2026-3号」
    title: str  # the notice's title (RequestKind.notice_title for its decision)
    pdf_title: (
        str  # neutral document title for the PDF metadata (no names), e.g. 「開示決定通知書」
    )
    addressee: str  # the requester (the person, or the agent)
    agent_of: str  # when the requester is an agent: the person they act for; else ""
    received_on: datetime.date
    request_summary: str  # what was requested, in the requester's terms
    decision: (
        str  # e.g. 「全部開示」「一部開示」「不開示」「保有個人データ不存在」「訂正を行いました」
    )
    body: str  # the opening paragraph
    grounds: tuple[str, ...] = ()  # 第33条第2項各号 etc., for partial/refused decisions
    reason: str = ""  # 第36条: the reason explained
    withheld: str = ""  # 一部開示: what was not disclosed
    method: str = ""  # 開示の方法 (書面の交付 / 電磁的記録（PDF）の提供 …) and when sent
    fee: str = ""  # 手数料 (only 開示 and 利用目的通知), e.g. 「300円（郵便切手）」 or 「なし」
    changes: tuple[Change, ...] = ()
    attachment: tuple[HeldSection, ...] = ()  # 別紙: 保有個人データの内容 (開示 only)
    # The requester's own number, digits only, printed grouped 4-4-4 in the attachment; None
    # unless asked for.
    own_number: str | None = field(default=None, repr=False)
    contact: str = ""  # お問合せ先 (department, address, phone)
    complaint_contact: str = ""  # 苦情の申出先 (第40条)
    # The words of the 記 that depend on the kind and decision: a 利用目的の通知 is a 求め, a
    # non-existence is a result, not a decision.
    received_label: str = "請求を受け付けた日"
    request_label: str = "請求の内容"
    decision_label: str = "決定"
    attachment_title: str = ATTACHMENT_TITLE
    attachment_note: str = f"{HELD_SCOPE}の内容は、別紙のとおりです。"
    attachment_lead: str = f"{HELD_SCOPE}の内容は、次のとおりです。"  # after 「（日付）現在、」
    guidance: str = ""  # what the person may do if they disagree (after the contacts)
    # Who signs the letter under the office's name: title and name ("" when not known).
    sender_title: str = "特定個人情報管理責任者"
    sender_name: str = ""


@dataclass(frozen=True)
class RequestFormData:
    office_name: str
    printed_on: datetime.date
    contact: str  # where to hand or send the form
    fee_note: str  # e.g. 「開示・利用目的の通知：1件300円（郵便切手）」 or 「手数料はかかりません」
    answer_note: str = ""  # when and how the answer comes


REQUEST_FORM_PDF_TITLE = "開示等請求書"
# The form's own version: it changes when the form does, not with the day it is printed, so a
# form handed out earlier can be told apart from the current one.
REQUEST_FORM_VERSION = "様式第1号（令和8年12月版）"
OWN_NUMBER_LABEL = "ご本人の個人番号"
OWN_NUMBER_NOTE = "ご本人の請求により記載しています。取扱いにご注意ください。"
NO_NUMBER_NOTICE = "この通知書には個人番号を記載していません。"
OWN_NUMBER_NOTICE = "この通知書には、請求によりご本人の個人番号のみを記載しています。"
NOTHING_HELD_TEXT = "該当する記録はありません。"

# A digit run that could be a My Number: twelve or more digits, written any way. The same
# pattern as app.domain.my_number.NUMBER_LIKE (the tests compare them); repeated here because
# reports imports nothing of ours, and a value that slipped past the masking must stop the
# document rather than be printed.
_DIGIT = "[0-9０-９]"
_SEP = "[ \u3000\\-‐‑‒–—―－ー−.]"
_NUMBER_LIKE = re.compile(f"(?<!{_DIGIT}){_DIGIT}(?:{_SEP}?{_DIGIT}){{11,}}(?!{_DIGIT})")

# Layout shared by the notices and the form.
_MARGIN = 20 * mm
_FORM_MARGIN = 16 * mm
_SHADE = colors.Color(0.93, 0.93, 0.93)
_LIGHT_SHADE = colors.Color(0.97, 0.97, 0.97)
_NOTE_GREY = colors.Color(0.3, 0.3, 0.3)
_SEAL_GREY = colors.Color(0.55, 0.55, 0.55)
_TITLE_SPACING = 3
_LABEL_WIDTH = 36 * mm
_CELL_PADDING = 5
# A value taller than this is cut into pieces (one table row each, drawn as one cell) so that
# a long text can continue on the next page: reportlab cannot split inside a table row.
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
_LEAD = text_style(MINCHO, 10, 15)
_SUB_HEAD = ParagraphStyle("sub-head", parent=text_style(GOTHIC, 8.5, 12), alignment=TA_CENTER)
_SUB = text_style(MINCHO, 9, 12.5)
_OWN = text_style(GOTHIC, 13, 17)
_OWN_NOTE = text_style(MINCHO, 8, 11)
_NOTE = ParagraphStyle("note", parent=text_style(MINCHO, 8, 11), textColor=_NOTE_GREY)
_TITLE_FALLBACK = ParagraphStyle("title", parent=text_style(GOTHIC, 14, 19), alignment=TA_CENTER)

# The request form: set a little smaller, so the whole form stays on one sheet.
_FORM_GROUP_WIDTH = 25 * mm
_FORM_ITEM_WIDTH = 31 * mm
_FORM_LABEL = text_style(GOTHIC, 9, 12)
_FORM_VALUE = text_style(MINCHO, 9, 12.5)
_FORM_HINT = ParagraphStyle("hint", parent=text_style(MINCHO, 8, 11), textColor=_NOTE_GREY)
_FORM_NOTE = text_style(MINCHO, 8, 11.5)
_FORM_OFFICE = text_style(MINCHO, 11, 14.5)
_FORM_HEAD = ParagraphStyle("form-head", parent=text_style(GOTHIC, 8, 10.5), alignment=TA_CENTER)
_BOX_LINE = 1.1  # the frame of what the requester fills in; the office's block is lighter


def render_notice(data: NoticeData, out: BinaryIO) -> None:
    """Write one decision notice to out as a PDF (A4 portrait): the letter, then, for a
    disclosure, the attachment of what is held, starting on a page of its own."""
    _refuse_number_like(_notice_texts(data))
    own = _grouped(data.own_number) if data.own_number is not None else None
    if own is not None and not data.attachment:
        raise ReportError("the requester's own number is printed in the attachment, which is empty")
    render_counted(
        out, data.pdf_title, lambda canvas, total: _layout_notice(canvas, data, own, total=total)
    )


def render_request_form(data: RequestFormData, out: BinaryIO) -> None:
    """Write the blank 開示等請求書 to out as a PDF (A4 portrait, one sheet unless the office's
    texts are very long)."""
    _refuse_number_like(
        [
            ("office name", data.office_name),
            ("contact", data.contact),
            ("fee", data.fee_note),
            ("answer", data.answer_note),
        ]
    )
    render_counted(
        out, REQUEST_FORM_PDF_TITLE, lambda canvas, total: _layout_form(canvas, data, total=total)
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

    y -= _draw_title(canvas, data.title, flow.width / 2, y, frame)
    return y - 22


def _draw_title(canvas: Canvas, title: str, centre: float, y: float, width: float) -> float:
    """The title centred under y, letter-spaced as on printed forms, smaller if it is long and
    wrapped if even that does not fit; returns the height it takes."""
    for size in (16, 15, 14, 13):
        # The spacing follows every glyph, so the last one's is left out when centring.
        title_width = stringWidth(title, GOTHIC, size) + _TITLE_SPACING * (len(title) - 1)
        if title_width <= width:
            text = canvas.beginText()
            text.setFont(GOTHIC, size)
            text.setCharSpace(_TITLE_SPACING)
            text.setTextOrigin(centre - title_width / 2, y - size)
            text.textOut(title)
            # Character spacing is page state in PDF: without save/restore it spreads later
            # strings too.
            canvas.saveState()
            canvas.drawText(text)
            canvas.restoreState()
            return size + 4
    paragraph = Paragraph(markup(title), _TITLE_FALLBACK)
    _, h = paragraph.wrap(width, y)
    paragraph.drawOn(canvas, centre - width / 2, y - h)
    return h


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
    flow.add(Paragraph(lead, _LEAD), space_after=12)
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
        commands.append(("BACKGROUND", (0, 0), (0, -1), _SHADE))
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


def _refuse_number_like(texts: Sequence[tuple[str, str]]) -> None:
    for name, value in texts:
        if _NUMBER_LIKE.search(value):
            raise ReportError(f"the {name} holds a digit run that could be a My Number")


def _grouped(number: str) -> str:
    if len(number) != 12 or not (number.isascii() and number.isdigit()):
        raise ReportError("own_number must be the 12 digits of a My Number")
    return f"{number[:4]} {number[4:8]} {number[8:]}"


# The request form.


class _Choices(Flowable):
    """Check boxes drawn as squares, each followed by its label, wrapped onto as many lines as
    the width needs: the bundled IPAex fonts have no ☐ glyph."""

    def __init__(self, labels: Sequence[str], size: float = 9) -> None:
        super().__init__()
        self.labels = tuple(labels)
        self.size = size
        self.pitch = size * 1.75
        self._lines: list[list[tuple[float, str]]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        box, gap = self.size, self.size * 1.6
        lines: list[list[tuple[float, str]]] = [[]]
        x = 0.0
        for label in self.labels:
            width = box + 4 + stringWidth(label, MINCHO, self.size)
            if lines[-1] and x + width > availWidth:
                lines.append([])
                x = 0
            lines[-1].append((x, label))
            x += width + gap
        self._lines = lines
        self.width = availWidth
        self.height = (len(lines) - 1) * self.pitch + self.size * 1.2
        return self.width, self.height

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.setFont(MINCHO, size)
        for index, line in enumerate(self._lines):
            baseline = self.height - size * 0.95 - index * self.pitch
            for x, label in line:
                canvas.rect(x, baseline - size * 0.1, size, size, stroke=1, fill=0)
                canvas.drawString(x + size + 4, baseline, label)
        canvas.restoreState()


class _Blanks(Flowable):
    """Printed words with room to write between them (「　　年　　月　　日」, 「〒　　－」): parts
    are (space before, in character widths; word). Drawn at fixed places, because a paragraph
    collapses a run of spaces into one."""

    def __init__(
        self, parts: Sequence[tuple[float, str]], *, size: float = 9, right: bool = False
    ) -> None:
        super().__init__()
        self.parts = tuple(parts)
        self.size = size
        self.right = right
        self.text_width = sum(
            space * size + stringWidth(word, MINCHO, size) for space, word in self.parts
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.size * 1.2
        return self.width, self.height

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        x = self.width - self.text_width if self.right else 0
        canvas.saveState()
        canvas.setFont(MINCHO, size)
        for space, word in self.parts:
            x += space * size
            canvas.drawString(x, size * 0.25, word)
            x += stringWidth(word, MINCHO, size)
        canvas.restoreState()


def _date_blank(*, size: float = 9, era: str = "") -> _Blanks:
    parts = [(0.0, era)] if era else []
    year = 3.5 if size >= 9 else 2.2
    day = 2.5 if size >= 9 else 1.6
    return _Blanks([*parts, (year, "年"), (day, "月"), (day, "日")], size=size, right=not era)


def _postcode_blank() -> _Blanks:
    return _Blanks([(0, "〒"), (3, "－")])


def _layout_form(canvas: Canvas, data: RequestFormData, total: int | None) -> int:
    flow = Flow(
        canvas,
        margin=_FORM_MARGIN,
        footer_title=REQUEST_FORM_PDF_TITLE,
        office_name=data.office_name,
        total=total,
    )
    flow.running = f"{REQUEST_FORM_TITLE}（続き）"
    top, frame = flow.top, flow.frame
    canvas.saveState()
    canvas.setFillColor(_NOTE_GREY)
    canvas.setFont(MINCHO, 7.5)
    canvas.drawRightString(flow.right, top, REQUEST_FORM_VERSION)
    canvas.restoreState()
    y = top - 10
    y -= _draw_title(canvas, REQUEST_FORM_TITLE, flow.width / 2, y, frame) + 14

    # 「御中」 on the left, the date of the request in a box on the right.
    date_width = 72 * mm
    office = Paragraph(f"{markup(data.office_name)} 御中", _FORM_OFFICE)
    _, office_height = office.wrap(frame - date_width - 6 * mm, y)
    office.drawOn(canvas, flow.left, y - office_height)
    # The requester dates and signs the request; an agent signs for the person.
    date_box = Table(
        [
            [Paragraph("請求日", _FORM_LABEL), _date_blank(era="令和")],
            [_label("請求者署名", "（自署）"), ""],
        ],
        colWidths=[22 * mm, date_width - 22 * mm],
        rowHeights=[20, 28],
    )
    date_box.setStyle(
        _form_grid(
            [
                ("BACKGROUND", (0, 0), (0, -1), _SHADE),
                ("BOX", (0, 0), (-1, -1), _BOX_LINE, colors.black),
            ]
        )
    )
    _, date_height = date_box.wrapOn(canvas, date_width, y)
    date_box.drawOn(canvas, flow.right - date_width, y - date_height)
    flow.y = flow.page_top = y - max(office_height, date_height) - 8

    flow.add(
        Paragraph(
            "個人情報の保護に関する法律に基づき、私に関する保有個人データについて、"
            "次のとおり請求します。",
            _LEAD,
        ),
        space_after=1,
    )
    flow.add(
        Paragraph(
            "該当する□にレ印を付けてください。この請求書に個人番号（マイナンバー）を書く"
            "必要はありません。",
            _FORM_HINT,
        ),
        space_after=5,
    )
    for table in (
        _requester_table(frame),
        _agent_table(frame),
        _request_table(frame),
        _identity_table(frame),
        _fee_table(data, frame),
    ):
        # The groups are stacked with their frames touching, so they read as one form.
        flow.add(table, whole=True)
    flow.y -= 5
    office_block = _office_use_table(frame)
    _, block_height = office_block.wrap(frame, flow.top)
    flow.add(
        Paragraph("事業所記入欄（請求者は記入しないでください）", _FORM_HINT),
        space_after=2,
        keep=block_height,
        whole=True,
    )
    flow.add(office_block, whole=True)
    flow.finish_page()
    return flow.page


def _form_table(
    rows: list[list[object]],
    heights: list[float | None],
    extra: list[tuple[object, ...]],
    frame: float,
) -> Table:
    widths = [_FORM_GROUP_WIDTH, _FORM_ITEM_WIDTH, frame - _FORM_GROUP_WIDTH - _FORM_ITEM_WIDTH]
    table = Table(rows, colWidths=widths, rowHeights=heights)
    table.setStyle(
        _form_grid(
            [
                ("BACKGROUND", (0, 0), (1, -1), _SHADE),
                ("BOX", (0, 0), (-1, -1), _BOX_LINE, colors.black),
                *extra,
            ]
        )
    )
    return table


def _form_grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            *extra,
        ]
    )


def _label(text: str, note: str = "") -> Paragraph:
    if note:
        return Paragraph(f"{text}<br/><font size='7'>{note}</font>", _FORM_LABEL)
    return Paragraph(text, _FORM_LABEL)


def _requester_table(frame: float) -> Table:
    rows: list[list[object]] = [
        [_label("ご本人", "（請求の対象と<br/>なる方）"), _label("フリガナ"), ""],
        ["", _label("氏名"), ""],
        ["", _label("生年月日"), _date_blank(era="昭和・平成・令和・西暦")],
        ["", _label("住所"), _postcode_blank()],
        ["", _label("電話番号"), ""],
    ]
    return _form_table(
        rows,
        [16, 24, 18, 28, 18],
        [("SPAN", (0, 0), (0, -1)), ("VALIGN", (2, 3), (2, 3), "TOP")],
        frame,
    )


def _agent_table(frame: float) -> Table:
    note = (
        "※ 代理人による請求の場合は、代理権を確認できる書類（任意代理人：委任状、"
        "法定代理人：戸籍謄本、成年後見登記事項証明書など）と、代理人の本人確認書類を添えて"
        "ください。"
    )
    rows: list[list[object]] = [
        [_label("本人／代理人の別"), "", _Choices(("本人", "任意代理人", "法定代理人"))],
        [_label("代理人", "（代理人による<br/>請求の場合）"), _label("氏名"), ""],
        ["", _label("住所"), _postcode_blank()],
        ["", _label("電話番号"), ""],
        ["", Paragraph(note, _FORM_NOTE), ""],
    ]
    return _form_table(
        rows,
        [18, 22, 26, 18, None],
        [
            ("SPAN", (0, 0), (1, 0)),
            ("SPAN", (0, 1), (0, -1)),
            ("SPAN", (1, 4), (2, 4)),
            ("BACKGROUND", (1, 4), (2, 4), colors.white),
            ("VALIGN", (2, 2), (2, 2), "TOP"),
        ],
        frame,
    )


def _request_table(frame: float) -> Table:
    hint = "（例）給与・社会保険の手続に関する情報（令和5年4月から令和8年3月まで）"
    reason_hint = (
        "訂正・追加・削除は、どの情報がどう事実と異なるか。利用停止・消去・第三者提供の停止は、"
        "その理由（目的外の利用、不正な取得など）をお書きください。"
    )
    rows: list[list[object]] = [
        [
            _label("請求の内容"),
            _label("請求の種類"),
            _Choices(
                ("利用目的の通知", "開示", "訂正・追加・削除", "利用停止・消去", "第三者提供の停止")
            ),
        ],
        ["", _label("対象となる<br/>情報・期間"), Paragraph(hint, _FORM_HINT)],
        [
            "",
            _label("求める内容と<br/>その理由", "（訂正・利用停止等<br/>の場合）"),
            Paragraph(reason_hint, _FORM_HINT),
        ],
        [
            "",
            _label("希望する方法", "（開示の場合）"),
            _Choices(("書面の交付", "電磁的記録（PDF）", "閲覧")),
        ],
        [
            "",
            _label("個人番号"),
            _Choices(("開示の回答にご本人の個人番号の記載も希望する",)),
        ],
    ]
    return _form_table(
        rows,
        [None, 36, 52, 27, None],
        [("SPAN", (0, 0), (0, -1)), ("VALIGN", (2, 1), (2, 2), "TOP")],
        frame,
    )


def _identity_table(frame: float) -> Table:
    notes = (
        "・書類の種類だけを選んでください（書類の番号を書く必要はありません）。"
        "個人番号カードは表面の写しのみ。裏面は送らないでください。<br/>"
        "・健康保険の資格確認書などの写しは、記号・番号を黒く塗りつぶしてください。<br/>"
        "・郵送の場合は、本人確認書類の写しを同封してください。回答はその書類の住所あてに"
        "書留郵便でお送りします。"
    )
    documents = (
        "運転免許証",
        "個人番号カード（表面）",
        "パスポート",
        "在留カード",
        "健康保険の資格確認書",
        "その他（　　　　　　　　）",
    )
    rows: list[list[object]] = [
        [_label("本人確認書類"), _label("書類の種類"), _Choices(documents)],
        ["", Paragraph(notes, _FORM_NOTE), ""],
    ]
    return _form_table(
        rows,
        [None, None],
        [
            ("SPAN", (0, 0), (0, -1)),
            ("SPAN", (1, 1), (2, 1)),
            ("BACKGROUND", (1, 1), (2, 1), colors.white),
        ],
        frame,
    )


def _fee_table(data: RequestFormData, frame: float) -> Table:
    rows: list[list[object]] = [
        [_label("手数料"), "", Paragraph(markup(data.fee_note), _FORM_VALUE)],
        [_label("提出先"), "", Paragraph(markup(data.contact), _FORM_VALUE)],
    ]
    if data.answer_note:
        rows.append([_label("回答"), "", Paragraph(markup(data.answer_note), _FORM_VALUE)])
    return _form_table(
        rows,
        [None] * len(rows),
        [("SPAN", (0, row), (1, row)) for row in range(len(rows))],
        frame,
    )


def _office_use_table(frame: float) -> Table:
    """The office's block: a header row of six items over the boxes to write them in."""
    labels = ("受付日", "受付者", "本人確認の結果", "回答期限の目安", "決定日", "通知日")
    head = [Paragraph(label, _FORM_HEAD) for label in labels]
    date = _date_blank(size=8)
    values: list[object] = [date, "", _Choices(("済", "不備"), size=8), date, date, date]
    table = Table([head, values], colWidths=[frame / 6] * 6, rowHeights=[None, 22])
    table.setStyle(
        _form_grid(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("TOPPADDING", (0, 0), (-1, 0), 2),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ]
        )
    )
    return table
