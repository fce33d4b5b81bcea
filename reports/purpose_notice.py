"""利用目的通知書: the purposes for which the office uses a person's My Number (番号法 and
個人情報保護法第21条), one letter per addressee: their own number's purposes and, for an
employee, each dependant's. It never shows a number."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import IDEOGRAPHIC_SPACE, markup, new_canvas, text_style
from reports.flow import Flow
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date

TITLE = "個人番号の利用目的について（通知）"
PDF_TITLE = "利用目的通知書"
EVERYONE = "従業員・関係者 各位"
DEFAULT_SENDER_TITLE = "特定個人情報管理責任者"
_MARGIN = 20 * mm
_SHADE = colors.Color(0.92, 0.92, 0.92)
_GROUP_SHADE = colors.Color(0.97, 0.97, 0.97)

_BODY = text_style(MINCHO, 10.5, 17)
_ADDRESSEE = text_style(MINCHO, 12, 16)
_OFFICE = ParagraphStyle("office", parent=text_style(MINCHO, 11, 15), alignment=TA_RIGHT)
_SENDER = ParagraphStyle("sender", parent=text_style(MINCHO, 10.5, 15), alignment=TA_RIGHT)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 16, 21), alignment=TA_CENTER)
_HEAD = text_style(GOTHIC, 9.5, 13)
_CELL = text_style(MINCHO, 9.5, 14)
_BASIS = text_style(MINCHO, 8.5, 12)
_ITEM = ParagraphStyle(
    "item", parent=text_style(MINCHO, 10, 15), leftIndent=12, firstLineIndent=-12
)
_RIGHT = ParagraphStyle("right", parent=_BODY, alignment=TA_RIGHT)


@dataclass(frozen=True)
class PurposeLine:
    name: str
    legal_basis: str


@dataclass(frozen=True)
class PurposeGroup:
    """The purposes of one person's number, under a heading saying whose: 「あなたの個人番号」,
    「扶養親族 山田 花子 様（配偶者）の個人番号」."""

    heading: str
    purposes: tuple[PurposeLine, ...]


@dataclass(frozen=True)
class PurposeNotice:
    addressee: str | None  # None: a notice for everyone (posted, or handed out at collection)
    purposes: tuple[PurposeLine, ...]  # the addressee's own number's (everyone's, if None)
    # Whose numbers the letter is about, as the lead sentence says it: 「あなたの個人番号」,
    # 「あなた及びあなたの扶養親族の個人番号」, …; "" for the default of the addressee.
    whose: str = ""
    # Further numbers the letter covers, each with its heading: an employee's dependants.
    # With any, the addressee's own purposes get the heading own_heading.
    groups: tuple[PurposeGroup, ...] = ()
    own_heading: str = "あなたの個人番号"


@dataclass(frozen=True)
class PurposeNoticeData:
    office_name: str
    issued_on: datetime.date
    notices: tuple[PurposeNotice, ...]
    sender_title: str = DEFAULT_SENDER_TITLE
    sender_name: str = ""
    contact: str = ""  # the desk, address and phone for questions and requests


def render_purpose_notices(data: PurposeNoticeData, out: BinaryIO) -> None:
    """One letter per notice, each starting on a new page and numbered 「n／total」 on its own."""
    canvas = new_canvas(out, PDF_TITLE)
    for index, notice in enumerate(data.notices):
        if index:
            canvas.showPage()
        # A throwaway pass counts the letter's pages, so its footer can say 「n／total」.
        pages = _layout(new_canvas(io.BytesIO(), PDF_TITLE), data, notice, total=None)
        _layout(canvas, data, notice, total=pages)
    canvas.save()


def _whose(notice: PurposeNotice) -> str:
    if notice.whose:
        return notice.whose
    if notice.addressee is None:
        return "従業員及びその扶養親族、並びに当事業所が報酬等をお支払いする方の個人番号"
    return "あなたの個人番号"


def _layout(canvas, data: PurposeNoticeData, notice: PurposeNotice, total: int | None) -> int:
    flow = Flow(
        canvas, margin=_MARGIN, footer_title=PDF_TITLE, office_name=data.office_name, total=total
    )
    flow.running = f"{PDF_TITLE}（続き）"
    flow.running_right = f"{notice.addressee} 様" if notice.addressee else EVERYONE
    _letter_head(flow, data, notice)
    flow.add(
        Paragraph(
            "当事業所は、行政手続における特定の個人を識別するための番号の利用等に関する法律"
            f"（番号法）に基づき、{markup(_whose(notice))}を、次の利用目的の範囲内でのみ"
            "取り扱います。",
            _BODY,
        ),
        space_after=12,
    )
    flow.add(_purposes_table(notice, flow.frame), space_after=16)
    items = _items(data)
    contact = _contact_table(data.contact, flow.frame) if data.contact else None
    _, contact_height = contact.wrap(flow.frame, flow.top) if contact else (0, 0)
    for index, text in enumerate(items):
        last = index == len(items) - 1
        # The last item points to the contact under it: they stay on one page.
        flow.add(
            Paragraph(text, _ITEM), space_after=8 if last else 3, keep=contact_height if last else 0
        )
    if contact is not None:
        flow.add(contact, space_after=8, whole=True)
    flow.add(Paragraph("以上", _RIGHT))
    flow.finish_page()
    return flow.page


def _letter_head(flow: Flow, data: PurposeNoticeData, notice: PurposeNotice) -> None:
    """Date, addressee, the office and who signs for it (each wrapped when long), the title."""
    frame = flow.frame
    flow.add(Paragraph(japanese_date(data.issued_on), _RIGHT), space_after=10)
    addressee = f"{markup(notice.addressee)} 様" if notice.addressee else EVERYONE
    flow.add(_underlined(Paragraph(addressee, _ADDRESSEE), frame), space_after=12)
    block = frame * 0.7
    sender = IDEOGRAPHIC_SPACE.join(
        markup(part) for part in (data.sender_title, data.sender_name) if part
    )
    rows = [[Paragraph(markup(data.office_name), _OFFICE)], [Paragraph(sender, _SENDER)]]
    signature = Table(rows, colWidths=[block], hAlign="RIGHT")
    signature.setStyle(_padding(0, 1))
    flow.add(signature, space_after=20)
    flow.add(Paragraph(TITLE, _TITLE), space_after=14)


def _underlined(paragraph: Paragraph, frame: float) -> Table:
    table = Table([[paragraph]], colWidths=[frame * 0.62], hAlign="LEFT")
    table.setStyle(
        TableStyle([*_padding(0, 2).getCommands(), ("LINEBELOW", (0, 0), (-1, -1), 0.6, "black")])
    )
    return table


def _purposes_table(notice: PurposeNotice, frame: float) -> Table:
    rows: list[list[object]] = [
        [
            Paragraph("No.", _HEAD),
            Paragraph("利用目的（事務）", _HEAD),
            Paragraph("根拠法令", _HEAD),
        ]
    ]
    commands: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    groups = list(notice.groups)
    if notice.purposes:
        groups.insert(0, PurposeGroup(notice.own_heading, notice.purposes))
    headed = bool(notice.groups)
    number = 0
    for group in groups:
        if headed:
            row = len(rows)
            rows.append([Paragraph(markup(group.heading), _HEAD), "", ""])
            commands += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), _GROUP_SHADE),
            ]
        if not group.purposes:
            row = len(rows)
            rows.append([Paragraph("個人番号を保有していません。", _CELL), "", ""])
            commands.append(("SPAN", (0, row), (-1, row)))
        for line in group.purposes:
            number += 1
            rows.append(
                [
                    Paragraph(str(number), _CELL),
                    Paragraph(markup(line.name), _CELL),
                    Paragraph(markup(line.legal_basis), _BASIS),
                ]
            )
    name_width = frame * 0.55
    table = Table(rows, colWidths=[12 * mm, name_width, frame - 12 * mm - name_width], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                *commands,
            ]
        )
    )
    return table


def _items(data: PurposeNoticeData) -> list[str]:
    to = "下記のお問合せ先" if data.contact else f"上記の{markup(data.sender_title)}"
    return [
        "1. 上記の利用目的以外で個人番号を利用することはありません（番号法第9条）。",
        "2. 個人番号の提供を受ける際は、番号法第16条に基づき、番号確認と身元確認（本人確認）を"
        "行います。",
        "3. 個人番号は、利用目的の事務に必要な期間と法令で定められた保存期間が過ぎた後、"
        "速やかに削除・廃棄し、その記録を残します。",
        "4. ご自身の個人番号に関する開示・訂正・利用停止等のご請求、お問い合わせは、"
        f"{to}までお申し出ください。",
    ]


def _contact_table(contact: str, frame: float) -> Table:
    table = Table(
        [[Paragraph("お問合せ先", _HEAD), Paragraph(markup(contact), _CELL)]],
        colWidths=[28 * mm, frame - 28 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("LINEAFTER", (0, 0), (0, 0), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, 0), _SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _padding(horizontal: float, vertical: float) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
        ]
    )
