"""削除・廃棄記録簿 (the deletion records of a period, 規程第36条) and 削除証明書 (one person's,
on request). They say what was deleted, why, when and by whom; never a number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reports.document import (
    PRODUCT_NAME,
    clip_text,
    draw_page_footer,
    fit_font_size,
    markup,
    new_canvas,
    text_style,
)
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date, seireki_date, wareki_date

LEDGER_TITLE = "特定個人情報の削除・廃棄記録簿"
LEDGER_PDF_TITLE = "削除・廃棄記録簿"
CERTIFICATE_TITLE = "個人番号削除証明書"
CERTIFICATE_PDF_TITLE = "削除証明書"

LEDGER_NO_NUMBER_NOTICE = "この記録簿には個人番号を記載していません。"
CERTIFICATE_NO_NUMBER_NOTICE = "この証明書には個人番号を記載していません。"
EMPTY_LEDGER_TEXT = "この期間の削除・廃棄の記録はありません。"


@dataclass(frozen=True)
class DeletionLine:
    """One deletion record: a person's number removed from one file, with its approval."""

    record_no: int
    deleted_on: datetime.date
    person_name: str
    person_kind: str  # 従業員 / 扶養親族 / 支払先（個人）
    department: str  # "" when none
    file_name: str  # 特定個人情報ファイルの種類・名称
    documents: str  # the documents behind the date, e.g. 「令和7年分 扶養控除等申告書（2033年1月10日まで）」
    trigger: str  # 保存期間の経過 / 保存期間内の削除（理由） / 本人からの請求
    legal_basis: str
    method: str
    executed_by: str
    approved_by: str
    approved_on: datetime.date | None
    backups: str  # backups still holding it, e.g. 「2026-11-01のバックアップ（次の世代交代で削除）」, or ""
    paper: str  # paper to shred, with its confirmation, e.g. 「令和7年分 扶養控除等申告書：2026年12月1日 裁断済（担当 一郎）」, or ""
    # Who proposed the deletion (the two-person rule: proposer, approver, executor are named
    # apart, so one person doing two of them shows), and when; "" / None when not known.
    proposed_by: str = ""
    proposed_on: datetime.date | None = None
    # False while the method is still pending (the number key not yet replaced): the
    # certificate then does not say the deletion cannot be undone.
    irrecoverable: bool = True


@dataclass(frozen=True)
class LedgerData:
    """The 削除・廃棄記録簿 of one period, lines in the order they are to be printed."""

    office_name: str
    printed_on: datetime.date
    period_from: datetime.date
    period_to: datetime.date
    responsible: str  # 特定個人情報管理責任者
    lines: tuple[DeletionLine, ...]


@dataclass(frozen=True)
class CertificateData:
    """The 削除証明書 handed to one person for one of their deletion records."""

    office_name: str
    printed_on: datetime.date
    responsible: str
    person_name: str
    line: DeletionLine


# Shared layout.
_FOOTER_Y = 12 * mm
# Lowest point body content may reach: clear of the footer rule drawn at _FOOTER_Y + 11.
_BOTTOM = _FOOTER_Y + 22
_SHADE = colors.Color(0.93, 0.93, 0.93)
_NOTE_GREY = colors.Color(0.3, 0.3, 0.3)
_SEAL_GREY = colors.Color(0.55, 0.55, 0.55)
_TITLE_SPACING = 3

# Ledger layout: landscape, so the ten columns keep readable widths at 8 pt.
_LEDGER_PAGE = landscape(A4)
_LEDGER_MARGIN = 12 * mm
_LEDGER_FRAME = _LEDGER_PAGE[0] - 2 * _LEDGER_MARGIN
# No., 削除日, 対象者, ファイル・書類, 理由・根拠, 方法, 提案者, 承認者, 実行者; the rest (about
# 33 mm) goes to バックアップ・紙の書類. A date column holds 「2026年11月23日」 on one line at 8 pt,
# and so do the proposer's and approver's (a name of seven characters fits them too).
_FIXED_WIDTHS = tuple(w * mm for w in (10, 25, 32, 42, 38, 26, 23, 23, 21))
_LEDGER_WIDTHS = (*_FIXED_WIDTHS, _LEDGER_FRAME - sum(_FIXED_WIDTHS))
_LEDGER_HEADER = (
    "No.",
    "削除日",
    "対象者<br/>（区分・部署）",
    "ファイルの種類・名称<br/>書類",
    "削除の理由・根拠",
    "方法",
    "提案者<br/>（提案日）",
    "承認者<br/>（承認日）",
    "実行者",
    "バックアップ・<br/>紙の書類",
)
_NOTICE_SPACE = 6  # between the table and the closing line
_CONTINUED_GAP = 20  # from the top margin to the table on a continuation sheet

# Built once: a 1,000-line ledger has 9,000 cells, and a style object per cell is measurable.
_CELL = text_style(MINCHO, 8, 10.5)
_HEAD_CELL = ParagraphStyle("ledger-head", parent=text_style(GOTHIC, 8, 10.5), alignment=TA_CENTER)
_NO_CELL = ParagraphStyle("ledger-no", parent=_CELL, alignment=TA_RIGHT)
_LEAD = text_style(MINCHO, 9, 13)
_LABEL = text_style(GOTHIC, 9, 12.5)
_VALUE = text_style(MINCHO, 9, 12.5)
_NOTE = ParagraphStyle("note", parent=text_style(MINCHO, 8, 11), textColor=_NOTE_GREY)

# Certificate layout.
_CERT_MARGIN = 20 * mm
_CERT_LABEL_WIDTH = 32 * mm
_CERT_LABEL = text_style(GOTHIC, 10, 14)
_CERT_VALUE = text_style(MINCHO, 10, 14)
_CERT_BODY = text_style(MINCHO, 10.5, 17)
_CERT_NOTE = text_style(MINCHO, 9, 14)
_SIGNATURE_HEIGHT = 64  # office, title and name lines beside the seal box


def render_ledger(data: LedgerData, out: BinaryIO) -> None:
    """Write the 削除・廃棄記録簿 of data's period to out as a PDF (A4 landscape): one row per
    deletion, continued on as many sheets as needed under the same column header."""
    canvas = new_canvas(out, LEDGER_PDF_TITLE, pagesize=_LEDGER_PAGE)
    width, height = _LEDGER_PAGE
    top = height - _LEDGER_MARGIN
    table_top = _draw_ledger_heading(canvas, data, width, top)
    notice = Paragraph(LEDGER_NO_NUMBER_NOTICE, _NOTE)
    _, notice_height = notice.wrap(_LEDGER_FRAME, height)
    # Laid out completely before anything is drawn: the footer says 「n／total」 so a missing
    # sheet shows, and the total is then known in the same single layout pass.
    parts, notice_alone = _paginate(
        _ledger_table(data.lines),
        first_room=table_top - _BOTTOM,
        room=top - _CONTINUED_GAP - _BOTTOM,
        keep=notice_height + _NOTICE_SPACE,
    )
    total = len(parts) + notice_alone
    y = table_top
    for page, part in enumerate(parts, start=1):
        if page > 1:
            canvas.showPage()
            y = _draw_continuation_heading(canvas, data, width, top)
        _, h = part.wrapOn(canvas, _LEDGER_FRAME, y - _BOTTOM)
        part.drawOn(canvas, _LEDGER_MARGIN, y - h)
        y -= h + _NOTICE_SPACE
        if page < total:
            _ledger_footer(canvas, data, page, total)
    if notice_alone:
        canvas.showPage()
        y = _draw_continuation_heading(canvas, data, width, top)
    notice.drawOn(canvas, _LEDGER_MARGIN, y - notice_height)
    _ledger_footer(canvas, data, total, total)
    canvas.save()


def _draw_ledger_heading(canvas: Canvas, data: LedgerData, width: float, top: float) -> float:
    """Title, the record's particulars and the lead sentence; returns where the table starts."""
    _draw_spaced_title(canvas, LEDGER_TITLE, width / 2, top - 14, 15)
    period = f"{wareki_date(data.period_from)} 〜 {wareki_date(data.period_to)}"
    label_width = 42 * mm
    value_width = _LEDGER_FRAME / 2 - label_width
    particulars = Table(
        [
            [
                Paragraph("事業所名", _LABEL),
                Paragraph(markup(data.office_name), _VALUE),
                Paragraph("特定個人情報管理責任者", _LABEL),
                Paragraph(markup(data.responsible) or "—", _VALUE),
            ],
            [
                Paragraph("対象期間", _LABEL),
                Paragraph(period, _VALUE),
                Paragraph("作成日", _LABEL),
                Paragraph(japanese_date(data.printed_on), _VALUE),
            ],
        ],
        colWidths=[label_width, value_width, label_width, value_width],
    )
    particulars.setStyle(
        _grid(
            [
                ("BACKGROUND", (0, 0), (0, -1), _SHADE),
                ("BACKGROUND", (2, 0), (2, -1), _SHADE),
            ]
        )
    )
    y = top - 30
    _, h = particulars.wrapOn(canvas, _LEDGER_FRAME, y)
    particulars.drawOn(canvas, _LEDGER_MARGIN, y - h)
    y -= h + 7
    lead = Paragraph(
        "特定個人情報取扱規程に基づき、対象期間に行った個人番号（特定個人情報）の削除・廃棄を"
        f"記録します。（記録件数 {len(data.lines)}件）",
        _LEAD,
    )
    _, h = lead.wrapOn(canvas, _LEDGER_FRAME, y)
    lead.drawOn(canvas, _LEDGER_MARGIN, y - h)
    return y - h - 6


def _draw_continuation_heading(canvas: Canvas, data: LedgerData, width: float, top: float) -> float:
    """Every sheet names its ledger, so a loose continuation sheet can be filed back."""
    left = f"{LEDGER_TITLE}（続き）"
    canvas.setFont(GOTHIC, 9)
    canvas.drawString(_LEDGER_MARGIN, top - 8, left)
    right = (
        f"対象期間 {wareki_date(data.period_from)} 〜 {wareki_date(data.period_to)}"
        f"　{data.office_name}"
    )
    room = _LEDGER_FRAME - stringWidth(left, GOTHIC, 9) - 20
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(width - _LEDGER_MARGIN, top - 8, clip_text(right, MINCHO, 9, room))
    return top - _CONTINUED_GAP


def _ledger_footer(canvas: Canvas, data: LedgerData, page: int, total: int) -> None:
    left = f"{PRODUCT_NAME}　{LEDGER_PDF_TITLE}"
    if total > 1:
        left += f"（{page}／{total}）"
    room = _LEDGER_FRAME - stringWidth(left, GOTHIC, 7.5) - 20
    office = clip_text(data.office_name, GOTHIC, 7.5, room)
    draw_page_footer(
        canvas, left, office, _LEDGER_MARGIN, _LEDGER_PAGE[0] - _LEDGER_MARGIN, _FOOTER_Y
    )


def _ledger_table(lines: tuple[DeletionLine, ...]) -> Table:
    header = [Paragraph(text, _HEAD_CELL) for text in _LEDGER_HEADER]
    extra: list[tuple[object, ...]] = []
    if lines:
        body = [_ledger_row(line) for line in lines]
    else:
        body = [[Paragraph(EMPTY_LEDGER_TEXT, _CELL)] + [""] * (len(_LEDGER_HEADER) - 1)]
        extra.append(("SPAN", (0, 1), (-1, 1)))
    # repeatRows: every sheet of a long ledger keeps its column header.
    table = Table([header, *body], colWidths=_LEDGER_WIDTHS, repeatRows=1)
    table.setStyle(
        _grid(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def _ledger_row(line: DeletionLine) -> list[Paragraph]:
    kind = "・".join(part for part in (line.person_kind, line.department) if part)
    person = markup(line.person_name) + (f"<br/>（{markup(kind)}）" if kind else "")
    file_and_documents = markup(line.file_name)
    if line.documents:
        file_and_documents += f"<br/>書類：{markup(line.documents)}"
    reason = markup(line.trigger)
    if line.legal_basis:
        reason += f"<br/>根拠：{markup(line.legal_basis)}"
    kept = []
    if line.backups:
        kept.append(f"バックアップ：{markup(line.backups)}")
    if line.paper:
        kept.append(f"紙の書類：{markup(line.paper)}")
    return [
        Paragraph(str(line.record_no), _NO_CELL),
        Paragraph(f"{seireki_date(line.deleted_on)}<br/>{wareki_date(line.deleted_on)}", _CELL),
        Paragraph(person, _CELL),
        Paragraph(file_and_documents, _CELL),
        Paragraph(reason, _CELL),
        Paragraph(markup(line.method), _CELL),
        Paragraph(_dated(line.proposed_by, line.proposed_on, "提案", in_ledger=True), _CELL),
        Paragraph(_dated(line.approved_by, line.approved_on, "承認", in_ledger=True), _CELL),
        Paragraph(markup(line.executed_by) or "—", _CELL),
        Paragraph("<br/>".join(kept) or "—", _CELL),
    ]


def _paginate(
    table: Table, first_room: float, room: float, keep: float
) -> tuple[list[Table], bool]:
    """Cut table into one part per sheet: first_room is the height free on the first sheet,
    room on the others, and keep the height of the closing line, which must follow the last
    row on the same sheet. Returns the parts and whether the closing line needs a sheet of
    its own (only when the last sheet's single row leaves it no room)."""
    parts: list[Table] = []
    rest, avail = table, first_room
    while True:
        # split() first, not wrap() then split(): each measures the rows of one sheet (the CJK
        # line breaking that dominates the time), and the parts it returns carry their row
        # heights, so a sheet's rows are measured once here and once more when drawn.
        pieces = rest.split(_LEDGER_FRAME, avail)
        if len(pieces) == 2:
            head, rest = pieces
            parts.append(head)
            avail = room
            continue
        if not pieces:
            # A row taller than the free part of a sheet: the texts are short by design, so
            # this is bad data, not something another sheet would fix.
            raise ReportError("a row of the 削除・廃棄記録簿 is too long to fit on a page")
        # The rest fits on this sheet; the closing line must come under its last row.
        _, h = rest.wrap(_LEDGER_FRAME, avail)
        if h + keep <= avail:
            return [*parts, rest], False
        # It does not: the last rows move on to the next sheet with it, if there is more than
        # one; a single row stays and the line goes on a sheet of its own.
        pieces = rest.split(_LEDGER_FRAME, avail - keep)
        if len(pieces) != 2:
            return [*parts, rest], True
        head, rest = pieces
        parts.append(head)
        avail = room


def render_certificate(data: CertificateData, out: BinaryIO) -> None:
    """Write the 削除証明書 of one deletion record to out as a PDF (A4 portrait, one page)."""
    canvas = new_canvas(out, CERTIFICATE_PDF_TITLE)
    width, height = A4
    left, right = _CERT_MARGIN, width - _CERT_MARGIN
    frame = right - left
    line = data.line
    top = height - _CERT_MARGIN
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(right, top, japanese_date(data.printed_on))
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(right, top - 15, f"削除記録 No. {line.record_no}")
    addressee = f"{data.person_name} 様"
    size = fit_font_size(addressee, MINCHO, 13, frame * 0.6, min_size=7)
    canvas.setFont(MINCHO, size)
    canvas.drawString(left, top - 40, addressee)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 45, left + max(70 * mm, stringWidth(addressee, MINCHO, size)), top - 45)
    _draw_spaced_title(canvas, CERTIFICATE_TITLE, width / 2, top - 92, 17)

    y = top - 122
    y = _place(
        canvas,
        Paragraph(
            f"当事業所は、{japanese_date(line.deleted_on)}、保管していたあなたの個人番号"
            "（特定個人情報）を、下記のとおり"
            + ("復元できない方法により" if line.irrecoverable else "")
            + "削除したことを証明します。",
            _CERT_BODY,
        ),
        left,
        y,
        frame,
        space_after=12,
    )
    y = _place(
        canvas,
        Paragraph("記", ParagraphStyle("ki", _CERT_BODY, alignment=TA_CENTER)),
        left,
        y,
        frame,
        space_after=8,
    )
    rows = [
        ("対象のファイル", markup(line.file_name)),
        ("書類", markup(line.documents) or "—"),
        (
            "理由・根拠",
            markup(line.trigger)
            + (f"<br/>根拠：{markup(line.legal_basis)}" if line.legal_basis else ""),
        ),
        ("方法", markup(line.method)),
        ("削除日", japanese_date(line.deleted_on)),
        ("提案者", _dated(line.proposed_by, line.proposed_on, "提案", in_ledger=False)),
        ("承認者", _dated(line.approved_by, line.approved_on, "承認", in_ledger=False)),
        ("実行者", markup(line.executed_by) or "—"),
    ]
    if line.paper:
        rows.append(("紙の書類", markup(line.paper)))
    table = Table(
        [[Paragraph(label, _CERT_LABEL), Paragraph(value, _CERT_VALUE)] for label, value in rows],
        colWidths=[_CERT_LABEL_WIDTH, frame - _CERT_LABEL_WIDTH],
    )
    table.setStyle(
        _grid(
            [
                ("BACKGROUND", (0, 0), (0, -1), _SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    y = _place(canvas, table, left, y, frame, space_after=10)
    if line.backups:
        y = _place(
            canvas,
            Paragraph(
                "※ 削除の前に作成した次のバックアップ（暗号化して保管）には、なお記録が残って"
                f"います。これらは記載の時期に消去します。<br/>・{markup(line.backups)}",
                _CERT_NOTE,
            ),
            left,
            y,
            frame,
            space_after=8,
        )
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(right, y - 12, "以上")
    _draw_certificate_signature(canvas, data, left, right, y - 36)
    canvas.setFont(MINCHO, 8)
    canvas.setFillColor(_NOTE_GREY)
    canvas.drawString(left, _BOTTOM - 2, CERTIFICATE_NO_NUMBER_NOTICE)
    canvas.setFillColor(colors.black)
    room = frame - stringWidth(f"{PRODUCT_NAME}　{CERTIFICATE_PDF_TITLE}", GOTHIC, 7.5) - 20
    draw_page_footer(
        canvas,
        f"{PRODUCT_NAME}　{CERTIFICATE_PDF_TITLE}",
        clip_text(data.office_name, GOTHIC, 7.5, room),
        left,
        right,
        _FOOTER_Y,
    )
    canvas.save()


def _draw_certificate_signature(
    canvas: Canvas, data: CertificateData, left: float, right: float, y: float
) -> None:
    """The issuer under the text, from y down: office, responsible person and a seal box, as
    on a printed certificate."""
    seal = 17 * mm
    # Clear of the closing line drawn just above the footer.
    if y - _SIGNATURE_HEIGHT < _BOTTOM + 14:
        raise ReportError("the 削除証明書 does not fit on one page")
    base = y
    text_right = right - seal - 8
    width = text_right - (left + (right - left) * 0.35)
    office = fit_font_size(data.office_name, MINCHO, 11, width, min_size=7)
    canvas.setFont(MINCHO, office)
    canvas.drawRightString(text_right, base - 16, data.office_name)
    canvas.setFont(MINCHO, 9.5)
    canvas.drawRightString(text_right, base - 36, "特定個人情報管理責任者")
    name = fit_font_size(data.responsible, MINCHO, 11, width, min_size=7)
    canvas.setFont(MINCHO, name)
    canvas.drawRightString(text_right, base - 54, data.responsible)
    canvas.saveState()
    canvas.setStrokeColor(_SEAL_GREY)
    canvas.setFillColor(_SEAL_GREY)
    canvas.setLineWidth(0.6)
    canvas.rect(right - seal, base - 58, seal, seal, stroke=1, fill=0)
    canvas.setFont(MINCHO, 9)
    canvas.drawCentredString(right - seal / 2, base - 58 + seal / 2 - 3, "印")
    canvas.restoreState()


def _place(
    canvas: Canvas, flowable: Flowable, x: float, y: float, width: float, space_after: float
) -> float:
    _, h = flowable.wrapOn(canvas, width, y)
    if y - h < _BOTTOM:
        raise ReportError("the 削除証明書 does not fit on one page")
    flowable.drawOn(canvas, x, y - h)
    return y - h - space_after


def _dated(name: str, day: datetime.date | None, act: str, *, in_ledger: bool) -> str:
    """A proposer or approver with the day they did it: 「鈴木 一郎（2026年11月20日 承認）」."""
    if not name:
        return "—"
    if day is None:
        return markup(name)
    # The ledger's column header says 「（承認日）」, and a bare date fits its narrow column.
    if in_ledger:
        return f"{markup(name)}<br/>{seireki_date(day)}"
    return f"{markup(name)}（{seireki_date(day)} {act}）"


def _draw_spaced_title(canvas: Canvas, title: str, centre: float, y: float, size: float) -> None:
    # Form titles are set with a little letter spacing; the spacing follows every glyph, so the
    # last one's is left out when centring.
    text = canvas.beginText()
    text.setFont(GOTHIC, size)
    text.setCharSpace(_TITLE_SPACING)
    title_width = stringWidth(title, GOTHIC, size) + _TITLE_SPACING * (len(title) - 1)
    text.setTextOrigin(centre - title_width / 2, y)
    text.textOut(title)
    # Character spacing is page state in PDF: without save/restore it spreads later strings too.
    canvas.saveState()
    canvas.drawText(text)
    canvas.restoreState()


def _grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *extra,
        ]
    )
