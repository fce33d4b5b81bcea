"""本人確認記録: what was checked when a number was received (番号法第16条), printed per
verification. It names document types and the fields compared, never a number or a document's
own number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reports.document import (
    PRODUCT_NAME,
    add_label_row,
    clip_text,
    draw_page_footer,
    fit_font_size,
    markup,
    text_style,
)
from reports.errors import ReportError
from reports.flow import render_counted
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date

TITLE = "本人確認記録"
PDF_TITLE = "本人確認記録"


@dataclass(frozen=True)
class CheckLine:
    """One check (番号確認, 身元確認, 代理権の確認, 代理人の身元確認) and how it was met."""

    label: str
    means: str  # e.g. 「個人番号カード（原本）」, or 「身元確認書類の省略（番号法施行規則第2条第6項）」


@dataclass(frozen=True)
class DocumentLine:
    name: str  # 書類の種類
    holder: str  # 本人 / 代理人 / — (a 委任状 or a 戸籍謄本 is no one's ID)
    form: str  # 原本 / 写し / 画像データ / ICチップの読み取り / —
    # What was confirmed on it: 「2031年4月1日まで（有効期限内を確認）」, 「有効期限の記載なし」
    validity: str = ""


@dataclass(frozen=True)
class VerificationRecordData:
    office_name: str
    printed_on: datetime.date
    record_no: int
    person_name: str
    person_kana: str
    person_kind: str  # 従業員 / 扶養親族等 / 支払先
    code: str  # 従業員コード or ""
    verified_on: datetime.date
    subject: str  # Subject.label
    # Who handed the number over, the agent's name once: 「任意代理人　山田 太郎（夫）」; for a
    # dependant on the employee's form, the employee.
    provider: str
    channel: str  # 対面 / 郵送 / オンライン / 電話, or the employee's form
    outcome: str  # Outcome.label
    checks: tuple[CheckLine, ...]  # empty for "verified by the employee"
    documents: tuple[DocumentLine, ...]
    fields_compared: str  # e.g. 「氏名・生年月日（一致）」
    # Dependents on the employee's form: the employee's own record this one relies on.
    linked_record: str  # e.g. 「山田 太郎（No. 12、令和8年4月1日の本人確認記録）」 or ""
    clerk: str  # display name of the member who recorded it
    recorded_at: datetime.datetime
    note: str  # free text, may be ""
    purposes: str = ""  # 「源泉徴収事務、健康保険・厚生年金保険届出事務」
    # 「本人の書類の顔写真と来た本人の顔を見比べ、一致（個人番号カード）」; "" when none was seen
    photo_check: str = ""
    # A dependant on the employee's form: whose dependant the person is (the employee is the
    # provider, the form with its year the channel).
    dependant_of: str = ""
    # A 確認者印 box beside the closing notice, for a reviewer's seal (optional).
    seal_box: bool = True


# Layout. The label column is wide enough for 「従業員の本人確認記録」 on one line at 9.5 pt.
_MARGIN = 18 * mm
_LABEL_WIDTH = 40 * mm
_FOOTER_Y = 12 * mm
# Lowest point body content may reach: clear of the footer rule drawn at _FOOTER_Y + 11.
_BOTTOM = _FOOTER_Y + 24
_SHADE = colors.Color(0.93, 0.93, 0.93)
_NOTE_GREY = colors.Color(0.3, 0.3, 0.3)
# A section heading is only placed if this much of its table fits under it, so a heading is
# never left alone at the foot of a page.
_KEEP_WITH_HEADING = 48
_TITLE_SPACING = 4
_CELL_PADDING = 5
_HEADING_GAP = 3
# A label table's value taller than this is cut into pieces that may go on different pages.
_SEAL_WIDTH = 24 * mm
_SEAL_HEIGHT = 20 * mm
NO_NUMBER_NOTICE = "この記録には個人番号および書類の番号を記載していません。"
VERIFIED_BY_EMPLOYEE_TEXT = "従業員が個人番号関係事務実施者として本人確認を行ったもの"


def render_verification_record(data: VerificationRecordData, out: BinaryIO) -> None:
    """Write the 本人確認記録 of one verification to out as a PDF (A4, one page unless the
    document list is long, in which case it continues under the same column header)."""
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, data, total=total))


def _layout(canvas: Canvas, data: VerificationRecordData, total: int | None) -> int:
    width, height = A4
    flow = _Flow(canvas, data, width, height, total)
    flow.draw_heading_block()
    flow.add(
        Paragraph(
            "番号法第16条に基づき、個人番号の提供を受けた際に行った本人確認の内容を記録します。",
            _style(size=9.5, leading=14),
        ),
        space_after=8,
    )
    flow.section("1　対象者", _who_table(data, flow.frame))
    flow.section("2　確認した内容", _checks_table(data, flow.frame))
    flow.section("3　確認に用いた書類", _documents_table(data, flow.frame))
    # The closing rows and the notice that follows them are kept on one sheet: a signature-like
    # block split over two pages reads as if something were missing.
    closing = _closing(data, flow.frame)
    _, closing_height = closing.wrap(flow.frame, flow.top)
    flow.section(
        "4　照合と結果", _result_table(data, flow.frame), whole=True, keep=closing_height + 8
    )
    flow.add(closing)
    flow.finish_page()
    return flow.page


class _Flow:
    """A top-to-bottom cursor over the pages of one record: draws flowables, splits the ones
    that can be split (the tables) at a page end, and puts the footer on every page."""

    def __init__(
        self,
        canvas: Canvas,
        data: VerificationRecordData,
        width: float,
        height: float,
        total: int | None,
    ) -> None:
        self.canvas = canvas
        self.data = data
        self.width = width
        self.top = height - _MARGIN
        self.frame = width - 2 * _MARGIN
        self.total = total
        self.page = 1
        self.y = self.top

    def draw_heading_block(self) -> None:
        canvas, data = self.canvas, self.data
        right = self.width - _MARGIN
        # Short form titles are set with a little letter spacing, as on printed office forms;
        # the spacing follows every glyph, so the last one's is left out when centring.
        title = canvas.beginText()
        title.setFont(GOTHIC, 16)
        title.setCharSpace(_TITLE_SPACING)
        title_width = stringWidth(TITLE, GOTHIC, 16) + _TITLE_SPACING * (len(TITLE) - 1)
        title.setTextOrigin((self.width - title_width) / 2, self.top - 12)
        title.textOut(TITLE)
        # The character spacing is page state in PDF: without the save/restore it would spread
        # every later string on the page too.
        canvas.saveState()
        canvas.drawText(title)
        canvas.restoreState()
        canvas.setFont(MINCHO, 10)
        canvas.drawRightString(right, self.top - 38, f"記録番号 No. {data.record_no}")
        canvas.drawRightString(right, self.top - 53, f"作成日 {japanese_date(data.printed_on)}")
        # A long office name is shrunk a little, then wrapped, rather than run into the margin.
        size = fit_font_size(data.office_name, MINCHO, 10, self.frame * 0.7, min_size=8.5)
        office = Paragraph(
            escape(data.office_name),
            ParagraphStyle(
                "office",
                parent=_style(size=size, leading=size + 3),
                alignment=TA_RIGHT,
            ),
        )
        _, h = office.wrap(self.frame * 0.7, self.top)
        office.drawOn(canvas, right - self.frame * 0.7, self.top - 60 - h)
        self.y = self.top - 74 - h

    def section(self, heading: str, table: Table, *, whole: bool = False, keep: float = 0) -> None:
        """A heading and its table. whole: the table goes on one page, with the heading, as long
        as it fits on an empty page; else it is split like any other."""
        heading_para = Paragraph(heading, _style(GOTHIC, size=10.5, leading=14))
        _, heading_height = heading_para.wrap(self.frame, self.top)
        _, table_height = table.wrap(self.frame, self.top)
        capacity = self.continued_top() - _BOTTOM - heading_height - _HEADING_GAP
        whole = whole and table_height + keep <= capacity
        # The gap under the heading counts too, else a heading can stay alone at the foot of a
        # page whose table then goes to the next by those 3 points.
        with_next = table_height + keep + _HEADING_GAP if whole else _KEEP_WITH_HEADING
        self.add(heading_para, space_after=_HEADING_GAP, keep=with_next)
        # Kept with what follows only when whole: a table too tall for a page must split.
        self.add(table, space_after=8, whole=whole, keep=keep if whole else 0)

    def add(
        self, flowable: Flowable, space_after: float = 0, keep: float = 0, whole: bool = False
    ) -> None:
        """Draw flowable at the cursor. keep: height that must also fit below it (what follows
        belongs with it). whole: start a new page rather than split it, unless it does not fit
        on an empty page either."""
        while True:
            room = self.y - _BOTTOM
            _, h = flowable.wrapOn(self.canvas, self.frame, room)
            fresh = self.y >= self.continued_top()
            # keep is best effort: on an empty page there is nothing better to move to.
            if h + keep <= room or (fresh and h <= room):
                flowable.drawOn(self.canvas, _MARGIN, self.y - h)
                self.y -= h + space_after
                return
            parts = flowable.split(self.frame, room) if fresh or not (whole or keep) else []
            # Tables and paragraphs split into exactly two: what fits here and the rest.
            if len(parts) == 2:
                head, flowable = parts
                _, h = head.wrapOn(self.canvas, self.frame, room)
                head.drawOn(self.canvas, _MARGIN, self.y - h)
            elif fresh:
                # Already at the top of an empty page: another page would not help.
                raise ReportError("a part of the 本人確認記録 is too long to fit on a page")
            self.new_page()

    def continued_top(self) -> float:
        return self.top - 22

    def new_page(self) -> None:
        self.finish_page()
        self.canvas.showPage()
        self.page += 1
        # Every sheet names its record, so a loose continuation page can be filed back.
        canvas, data = self.canvas, self.data
        left = f"{TITLE}（続き）"
        canvas.setFont(GOTHIC, 9)
        canvas.drawString(_MARGIN, self.top - 8, left)
        right = f"記録番号 No. {data.record_no}　{data.person_name}"
        room = self.frame - stringWidth(left, GOTHIC, 9) - 20
        canvas.setFont(MINCHO, 9)
        canvas.drawRightString(
            self.width - _MARGIN, self.top - 8, clip_text(right, MINCHO, 9, room)
        )
        self.y = self.continued_top()

    def finish_page(self) -> None:
        left = f"{PRODUCT_NAME}　{PDF_TITLE}"
        if self.total is not None and self.total > 1:
            left += f"（{self.page}／{self.total}）"
        room = self.frame - stringWidth(left, GOTHIC, 7.5) - 20
        office = clip_text(self.data.office_name, GOTHIC, 7.5, room)
        draw_page_footer(self.canvas, left, office, _MARGIN, self.width - _MARGIN, _FOOTER_Y)


def _closing(data: VerificationRecordData, frame: float) -> Table:
    """The closing notice, and on its right the optional 確認者印 box."""
    notice = Paragraph(NO_NUMBER_NOTICE, _style(size=8, leading=11, color=_NOTE_GREY))
    if not data.seal_box:
        table = Table([[notice]], colWidths=[frame])
        table.setStyle(
            TableStyle([("FONT", (0, 0), (-1, -1), MINCHO), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        return table
    seal = Table(
        [[_cell("確認者印", GOTHIC)], [""]],
        colWidths=[_SEAL_WIDTH],
        rowHeights=[6 * mm, _SEAL_HEIGHT],
    )
    seal.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, 0), _SHADE),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    table = Table([[notice, seal]], colWidths=[frame - _SEAL_WIDTH, _SEAL_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _who_table(data: VerificationRecordData, frame: float) -> Table:
    name = f"{data.person_name}（{data.person_kana}）" if data.person_kana else data.person_name
    rows = [
        ("氏名（フリガナ）", name),
        ("区分・コード", f"{data.person_kind}　{data.code or '—'}"),
    ]
    if data.dependant_of:
        rows.append(("扶養の関係", data.dependant_of))
    rows += [
        ("番号の提供者", data.provider),
        ("確認の方法", data.channel),
    ]
    rows += [
        ("確認日", japanese_date(data.verified_on)),
        ("確認の対象", data.subject),
        ("利用目的", data.purposes or "—"),
    ]
    return _label_table(rows, frame)


def _checks_table(data: VerificationRecordData, frame: float) -> Table:
    header = [_cell("確認の種類", GOTHIC), _cell("確認の方法・用いた書類", GOTHIC)]
    extra: list[tuple[object, ...]] = []
    if data.checks:
        body = [[_cell(line.label, GOTHIC), _cell(line.means)] for line in data.checks]
    else:
        text = VERIFIED_BY_EMPLOYEE_TEXT
        if data.linked_record:
            text += f"（従業員の本人確認記録：{data.linked_record}）"
        body = [[_cell(text), ""]]
        extra.append(("SPAN", (0, 1), (1, 1)))
    table = Table([header, *body], colWidths=[_LABEL_WIDTH, frame - _LABEL_WIDTH], repeatRows=1)
    table.setStyle(_grid(header_row=True, label_column=bool(data.checks), extra=extra))
    return table


def _documents_table(data: VerificationRecordData, frame: float) -> Table:
    header = [
        _cell(text, GOTHIC) for text in ("書類の種類", "持ち主", "原本・写し", "有効期限など")
    ]
    body = [
        [
            _cell(doc.name),
            _cell(doc.holder or "—"),
            _cell(doc.form or "—"),
            _cell(doc.validity or "—"),
        ]
        for doc in data.documents
    ] or [[_cell("—"), _cell("—"), _cell("—"), _cell("—")]]
    widths = [frame - 104 * mm, 16 * mm, 24 * mm, 64 * mm]
    # repeatRows: a list continued on the next page keeps its column header.
    table = Table([header, *body], colWidths=widths, repeatRows=1)
    # A list is set a little tighter than the label tables, so a long one takes fewer sheets.
    table.setStyle(
        _grid(
            header_row=True,
            label_column=False,
            extra=[("TOPPADDING", (0, 1), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 3.5)],
        )
    )
    return table


def _result_table(data: VerificationRecordData, frame: float) -> Table:
    rows: list[tuple[str, str]] = [("照合した事項", data.fields_compared or "—")]
    if data.photo_check:
        rows.append(("顔写真の照合", data.photo_check))
    rows.append(("結果", data.outcome))
    if data.linked_record:
        rows.append(("従業員の本人確認記録", data.linked_record))
    recorded = f"{japanese_date(data.recorded_at.date())}　{data.recorded_at:%H:%M}"
    rows += [("備考", data.note or "—"), ("記録者", data.clerk), ("記録日時", recorded)]
    return _label_table(rows, frame, emphasise="結果")


def _label_table(rows: list[tuple[str, str]], frame: float, *, emphasise: str = "") -> Table:
    """Label | value rows, a long value cut into pieces (document.add_label_row)."""
    value_width = frame - _LABEL_WIDTH - 2 * _CELL_PADDING
    cells: list[list[object]] = []
    commands: list[tuple[object, ...]] = []
    for label, value in rows:
        add_label_row(
            cells,
            commands,
            _cell(label, GOTHIC),
            _cell(value, GOTHIC if label == emphasise else MINCHO),
            value_width,
        )
    table = Table(cells, colWidths=[_LABEL_WIDTH, frame - _LABEL_WIDTH])
    table.setStyle(_grid(header_row=False, label_column=True, inner=False, extra=commands))
    return table


def _cell(text: str, font: str = MINCHO) -> Paragraph:
    # Values are plain text from the database: escape them so a 「<」 or 「&」 in a note is
    # printed, not parsed as paragraph markup; line breaks typed in a note are kept.
    return Paragraph(markup(text), _style(font))


def _style(
    font: str = MINCHO, size: float = 9.5, leading: float = 13.5, color: Color | None = None
) -> ParagraphStyle:
    style = text_style(font, size, leading)
    if color is not None:
        style.textColor = color
    return style


def _grid(
    *,
    header_row: bool,
    label_column: bool,
    inner: bool = True,
    extra: list[tuple[object, ...]] | None = None,
) -> TableStyle:
    """The form's table style. inner=False draws only the box and the column rules: the caller
    then draws the row rules itself (see _label_table)."""
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
        ("INNERGRID" if inner else "LINEAFTER", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    if header_row:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _SHADE))
    if label_column:
        commands.append(("BACKGROUND", (0, 1 if header_row else 0), (0, -1), _SHADE))
    return TableStyle([*commands, *(extra or [])])
