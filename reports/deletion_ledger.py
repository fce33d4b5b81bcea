"""The 削除・廃棄記録簿 (規程第36条第2項): for a period, every number deleted, every backup
destroyed and every request file discarded, with the file, the 責任者・取扱部署, who proposed,
approved and did it, and a box for the responsible person's check (中小規模事業者: 削除・廃棄
したことを責任ある立場の者が確認する). A4 landscape, as many sheets as needed."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table

from reports.deletion_records import (
    EMPTY_LEDGER_TEXT,
    LEDGER_NO_NUMBER_NOTICE,
    LEDGER_PDF_TITLE,
    LEDGER_TITLE,
    NOTE_GREY,
    SHADE,
    DeletionLine,
    LedgerData,
    draw_spaced_title,
    grid,
)
from reports.document import (
    PRODUCT_NAME,
    clip_text,
    draw_page_footer,
    markup,
    new_canvas,
    text_style,
)
from reports.fonts import GOTHIC, MINCHO
from reports.sheets import Block, draw_sheets, paginate
from reports.wareki import japanese_date, seireki_date, wareki_date

_PAGE = landscape(A4)
_MARGIN = 12 * mm
_FRAME = _PAGE[0] - 2 * _MARGIN
_FOOTER_Y = 12 * mm
# The closing line sits on every sheet just above the footer rule; the body stays above it.
_NOTICE_Y = _FOOTER_Y + 18
_BOTTOM = _NOTICE_Y + 12
_CONTINUED_GAP = 20  # from the top margin to the body on a continuation sheet
_SECTION_GAP = 10

# No., 削除日・方法, 対象者, 書類, 理由・根拠, 提案・承認, 実行者, バックアップ, 紙の書類; the rest
# (18 mm) is the responsible person's box. Sized so an ordinary leaver's row takes four lines
# at 8 pt: a date (「令和12年11月30日」, 「提案 2030年11月30日」) fits on one line, the four
# document names of an employee on four.
_DELETION_WIDTHS = tuple(w * mm for w in (11, 27, 24, 53, 45, 32, 17, 23, 23))
_DELETION_HEADER = (
    "No.",
    "削除日<br/>（方法）",
    "対象者<br/>（区分・部署）",
    "書類",
    "削除の理由・根拠",
    "提案者・承認者<br/>（日付）",
    "実行者",
    "バックアップ",
    "紙の書類",
    "責任者確認",
)
_BACKUP_WIDTHS = tuple(w * mm for w in (11, 27, 72, 55, 56, 30))
_BACKUP_HEADER = (
    "No.",
    "消去日",
    "バックアップ<br/>（作成日時・ファイル名）",
    "保存先",
    "方法",
    "実行者",
    "責任者確認",
)
_REQUEST_WIDTHS = tuple(w * mm for w in (11, 27, 50, 30, 25, 70, 30))
_REQUEST_HEADER = (
    "No.",
    "廃棄日",
    "請求の種類",
    "通知番号",
    "保存期限",
    "方法",
    "実行者",
    "責任者確認",
)

# Built once: a 1,000-line ledger has 11,000 cells, and a style object per cell is measurable.
_CELL = text_style(MINCHO, 8, 10.5)
_HEAD_CELL = ParagraphStyle("ledger-head", parent=text_style(GOTHIC, 8, 10.5), alignment=TA_CENTER)
_NO_CELL = ParagraphStyle("ledger-no", parent=_CELL, alignment=TA_RIGHT)
_CENTRE_CELL = ParagraphStyle("ledger-centre", parent=_CELL, alignment=TA_CENTER)
_CHECK_CELL = ParagraphStyle(
    "ledger-check", parent=text_style(MINCHO, 7, 10.5), textColor=NOTE_GREY
)
_LEAD = text_style(MINCHO, 9, 13)
_LABEL = text_style(GOTHIC, 9, 12.5)
_VALUE = text_style(MINCHO, 9, 12.5)
_SECTION = text_style(GOTHIC, 9.5, 13)
# Each row's box for the responsible person: who checked, and when, by hand.
_CHECK = "確認者<br/><br/>確認日"


def render_ledger(data: LedgerData, out: BinaryIO) -> None:
    """Write the 削除・廃棄記録簿 of data's period to out as a PDF: the particulars, then the
    numbers deleted, the backups destroyed and the request files discarded, each a table
    continued on as many sheets as needed under its column header."""
    canvas = new_canvas(out, LEDGER_PDF_TITLE, pagesize=_PAGE)
    width, height = _PAGE
    top = height - _MARGIN
    methods = tuple(dict.fromkeys(line.method for line in data.lines))
    body_top = _draw_heading(canvas, data, methods, width, top)
    sheets = paginate(
        _blocks(data, methods),
        _FRAME,
        first_room=body_top - _BOTTOM,
        room=top - _CONTINUED_GAP - _BOTTOM,
        what=LEDGER_TITLE,
    )

    def furniture(page: int, total: int) -> None:
        if page > 1:
            _draw_continuation_heading(canvas, data, width, top)
        _footer(canvas, data, page, total)

    draw_sheets(canvas, sheets, _MARGIN, body_top, top - _CONTINUED_GAP, furniture)
    canvas.save()


def _marker(index: int) -> str:
    """①, ②, … for the methods (a 21st method would be odd data; it gets a plain number)."""
    return chr(0x2460 + index) if index < 20 else f"({index + 1})"


def _draw_heading(
    canvas: Canvas, data: LedgerData, methods: tuple[str, ...], width: float, top: float
) -> float:
    """Title, the record's particulars and the lead sentence; returns where the body starts."""
    draw_spaced_title(canvas, LEDGER_TITLE, width / 2, top - 14, 15)
    period = f"{wareki_date(data.period_from)} 〜 {wareki_date(data.period_to)}"
    label_width = 42 * mm
    value_width = _FRAME / 2 - label_width
    rows = [
        [
            Paragraph("事業所名", _LABEL),
            Paragraph(markup(data.office_name), _VALUE),
            Paragraph("特定個人情報管理責任者", _LABEL),
            Paragraph(markup(data.responsible) or "—", _VALUE),
        ],
        [
            Paragraph("特定個人情報ファイル<br/>（種類・名称）", _LABEL),
            Paragraph(markup("、".join(data.file_names)) or "—", _VALUE),
            Paragraph("取扱部署", _LABEL),
            Paragraph(markup(data.handling_department), _VALUE),
        ],
        [
            Paragraph("対象期間", _LABEL),
            Paragraph(period, _VALUE),
            Paragraph("作成日", _LABEL),
            Paragraph(japanese_date(data.printed_on), _VALUE),
        ],
    ]
    extra: list[tuple[object, ...]] = []
    if methods:
        # Printed once here; each row names its method by its mark.
        legend = "<br/>".join(f"{_marker(i)} {markup(m)}" for i, m in enumerate(methods))
        rows.append([Paragraph("個人番号の削除の方法", _LABEL), Paragraph(legend, _VALUE), "", ""])
        extra.append(("SPAN", (1, 3), (3, 3)))
    particulars = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    particulars.setStyle(
        grid(
            [
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 0), (2, 2), SHADE),
                *extra,
            ]
        )
    )
    y = top - 30
    _, h = particulars.wrapOn(canvas, _FRAME, y)
    particulars.drawOn(canvas, _MARGIN, y - h)
    y -= h + 7
    lead = Paragraph(
        "特定個人情報取扱規程に基づき、対象期間に行った個人番号（特定個人情報）の削除、"
        "バックアップの消去及び開示等の請求の記録の廃棄を記録します。"
        "各欄は、特定個人情報管理責任者が確認し、確認者と確認日を記入してください。",
        _LEAD,
    )
    _, h = lead.wrapOn(canvas, _FRAME, y)
    lead.drawOn(canvas, _MARGIN, y - h)
    return y - h - 8


def _blocks(data: LedgerData, methods: tuple[str, ...]) -> list[Block]:
    marks = {method: _marker(i) for i, method in enumerate(methods)}
    deletions = (
        _table(
            _DELETION_HEADER, _DELETION_WIDTHS, [_deletion_row(line, marks) for line in data.lines]
        )
        if data.lines
        else Paragraph(EMPTY_LEDGER_TEXT, _CELL)
    )
    backups = (
        _table(
            _BACKUP_HEADER,
            _BACKUP_WIDTHS,
            [
                [
                    Paragraph(str(n), _NO_CELL),
                    _day_cell(b.destroyed_on),
                    Paragraph(f"{markup(b.made)} 作成<br/>{markup(b.file_name)}", _CELL),
                    Paragraph(markup(b.folder) or "—", _CELL),
                    Paragraph(markup(b.method), _CELL),
                    Paragraph(markup(b.by) or "—", _CELL),
                    Paragraph(_CHECK, _CHECK_CELL),
                ]
                for n, b in enumerate(data.destroyed_backups, start=1)
            ],
        )
        if data.destroyed_backups
        else Paragraph("この期間に消去したバックアップはありません。", _CELL)
    )
    requests = (
        _table(
            _REQUEST_HEADER,
            _REQUEST_WIDTHS,
            [
                [
                    Paragraph(str(n), _NO_CELL),
                    _day_cell(r.discarded_on),
                    Paragraph(markup(r.kind), _CELL),
                    Paragraph(markup(r.notice_no) or "—", _CELL),
                    Paragraph(seireki_date(r.kept_until) if r.kept_until else "—", _CELL),
                    Paragraph(markup(r.method), _CELL),
                    Paragraph(markup(r.by) or "—", _CELL),
                    Paragraph(_CHECK, _CHECK_CELL),
                ]
                for n, r in enumerate(data.discarded_requests, start=1)
            ],
        )
        if data.discarded_requests
        else Paragraph("この期間に廃棄した開示等の請求の記録はありません。", _CELL)
    )
    return [
        Block(Paragraph(f"1　個人番号の削除（{len(data.lines)}件）", _SECTION), 4, True),
        Block(deletions, _SECTION_GAP),
        Block(
            Paragraph(f"2　バックアップの消去（{len(data.destroyed_backups)}件）", _SECTION),
            4,
            True,
        ),
        Block(backups, _SECTION_GAP),
        Block(
            Paragraph(f"3　開示等の請求の記録の廃棄（{len(data.discarded_requests)}件）", _SECTION),
            4,
            True,
        ),
        Block(requests),
    ]


def _table(header: tuple[str, ...], widths: tuple[float, ...], rows: list[list]) -> Table:
    # The last column (the responsible person's box) takes what the others leave.
    col_widths = [*widths, _FRAME - sum(widths)]
    head = [Paragraph(text, _HEAD_CELL) for text in header]
    # repeatRows: every sheet of a long table keeps its column header.
    table = Table([head, *rows], colWidths=col_widths, repeatRows=1)
    table.setStyle(
        grid(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _day_cell(day) -> Paragraph:
    return Paragraph(f"{seireki_date(day)}<br/>{wareki_date(day)}", _CELL)


def _deletion_row(line: DeletionLine, marks: dict[str, str]) -> list[Paragraph]:
    kind = "・".join(part for part in (line.person_kind, line.department) if part)
    person = markup(line.person_name) + (f"<br/>（{markup(kind)}）" if kind else "")
    why = markup(line.trigger)
    if line.basis:
        why += f"<br/>根拠：{markup(line.basis)}"
    if line.reason:
        why += f"<br/>理由：{markup(line.reason)}"
    deleted = (
        f"{seireki_date(line.deleted_on)}<br/>{wareki_date(line.deleted_on)}"
        f"<br/>方法 {marks[line.method]}"
    )
    return [
        Paragraph(str(line.record_no), _NO_CELL),
        Paragraph(deleted, _CELL),
        Paragraph(person, _CELL),
        Paragraph(markup("、".join(line.documents)) or "—", _CELL),
        Paragraph(why, _CELL),
        Paragraph(_proposed_and_approved(line), _CELL),
        Paragraph(markup(line.executed_by) or "—", _CELL),
        Paragraph(markup(line.backups_summary) or "なし", _CELL),
        Paragraph(_paper(line), _CELL),
        Paragraph(_CHECK, _CHECK_CELL),
    ]


def _proposed_and_approved(line: DeletionLine) -> str:
    """Who proposed and who approved, each with the day (the executor has a column of its
    own, and the day of the deletion is the row's)."""
    parts = []
    for act, name, day in (
        ("提案", line.proposed_by, line.proposed_on),
        ("承認", line.approved_by, line.approved_on),
    ):
        when = f" {seireki_date(day)}" if name and day is not None else ""
        parts.append(f"{act}{when}<br/>{markup(name) or '—'}")
    return "<br/>".join(parts)


def _paper(line: DeletionLine) -> str:
    """The paper to shred: named only when it is not the documents beside it, then whether
    it was shredded, when and by whom."""
    if not line.paper:
        return "なし"
    names = "" if line.paper == line.documents else markup("、".join(line.paper)) + "<br/>"
    if line.paper_disposed_on is None:
        return names + "廃棄の確認待ち"
    return (
        f"{names}廃棄済<br/>{seireki_date(line.paper_disposed_on)}"
        f"<br/>{markup(line.paper_disposed_by)}"
    )


def _draw_continuation_heading(canvas: Canvas, data: LedgerData, width: float, top: float) -> None:
    """Every sheet names its ledger, so a loose continuation sheet can be filed back."""
    left = f"{LEDGER_TITLE}（続き）"
    canvas.setFont(GOTHIC, 9)
    canvas.drawString(_MARGIN, top - 8, left)
    right = (
        f"対象期間 {wareki_date(data.period_from)} 〜 {wareki_date(data.period_to)}"
        f"　{data.office_name}"
    )
    room = _FRAME - stringWidth(left, GOTHIC, 9) - 20
    canvas.setFont(MINCHO, 9)
    canvas.drawRightString(width - _MARGIN, top - 8, clip_text(right, MINCHO, 9, room))


def _footer(canvas: Canvas, data: LedgerData, page: int, total: int) -> None:
    canvas.saveState()
    canvas.setFont(MINCHO, 8)
    canvas.setFillColor(NOTE_GREY)
    canvas.drawString(_MARGIN, _NOTICE_Y, LEDGER_NO_NUMBER_NOTICE)
    canvas.restoreState()
    left = f"{PRODUCT_NAME}　{LEDGER_PDF_TITLE}"
    if total > 1:
        left += f"（{page}／{total}）"
    room = _FRAME - stringWidth(left, GOTHIC, 7.5) - 20
    office = clip_text(data.office_name, GOTHIC, 7.5, room)
    draw_page_footer(canvas, left, office, _MARGIN, _PAGE[0] - _MARGIN, _FOOTER_Y)
