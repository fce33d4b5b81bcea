"""The blank 開示等請求書 (様式第1号) the office hands to a person who wants to make a request
(個人情報保護法第37条: the office may set how requests are made). It never carries a number."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reports.document import markup, text_style
from reports.flow import Flow, render_counted
from reports.fonts import GOTHIC, MINCHO
from reports.letter_parts import LEAD, NOTE_GREY, SHADE, draw_title, refuse_number_like

REQUEST_FORM_TITLE = "保有個人データの開示等請求書"


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

_FORM_MARGIN = 16 * mm
# The request form: set a little smaller, so the whole form stays on one sheet.
_FORM_GROUP_WIDTH = 25 * mm
_FORM_ITEM_WIDTH = 31 * mm
_FORM_LABEL = text_style(GOTHIC, 9, 12)
_FORM_VALUE = text_style(MINCHO, 9, 12.5)
_FORM_HINT = ParagraphStyle("hint", parent=text_style(MINCHO, 8, 11), textColor=NOTE_GREY)
_FORM_NOTE = text_style(MINCHO, 8, 11.5)
_FORM_OFFICE = text_style(MINCHO, 11, 14.5)
_FORM_HEAD = ParagraphStyle("form-head", parent=text_style(GOTHIC, 8, 10.5), alignment=TA_CENTER)
_BOX_LINE = 1.1  # the frame of what the requester fills in; the office's block is lighter


def render_request_form(data: RequestFormData, out: BinaryIO) -> None:
    """Write the blank 開示等請求書 to out as a PDF (A4 portrait, one sheet unless the office's
    texts are very long)."""
    refuse_number_like(
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
    canvas.setFillColor(NOTE_GREY)
    canvas.setFont(MINCHO, 7.5)
    canvas.drawRightString(flow.right, top, REQUEST_FORM_VERSION)
    canvas.restoreState()
    y = top - 10
    y -= draw_title(canvas, REQUEST_FORM_TITLE, flow.width / 2, y, frame) + 14

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
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
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
            LEAD,
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
                ("BACKGROUND", (0, 0), (1, -1), SHADE),
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
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("TOPPADDING", (0, 0), (-1, 0), 2),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ]
        )
    )
    return table
