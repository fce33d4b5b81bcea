"""委託先管理表 (規程第42–43条): each consignee, what is consigned, the selection check, the
contract's ten clauses, sub-consignees, the April hearings and the deletion certificates
received. Company data and the office's own records only: no 特定個人情報."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import markup, text_style
from reports.flow import Flow, render_counted
from reports.fonts import GOTHIC, MINCHO
from reports.wareki import japanese_date

TITLE = "委託先管理表"
PDF_TITLE = TITLE
_MARGIN = 14 * mm
_SHADE = colors.Color(0.94, 0.94, 0.94)
_CELL = text_style(MINCHO, 8.5, 11.5)
_HEAD = text_style(GOTHIC, 8.5, 11.5)
_NOTE = text_style(MINCHO, 8.5, 12)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 15, 20), alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=text_style(MINCHO, 10, 14), alignment=TA_RIGHT)
_CENTRE = ParagraphStyle("centre", parent=_CELL, alignment=TA_CENTER)


@dataclass(frozen=True)
class ConsigneeLine:
    name: str
    corporate_number: str  # "" when not given
    address: str
    contact: str
    work: str  # the 事務 and what is consigned, in words
    state: str
    selection: str  # 「2025年5月1日確認　6項目中6項目」 and what is missing
    contract: str  # 「2025年5月20日　1年　10項目中10項目」 and what is missing
    approved: str  # the day and by whom, or 「—」
    hearing: str  # the April hearing owed now: held / due / overdue / 「—」


@dataclass(frozen=True)
class SubLine:
    consignee: str
    name: str
    scope: str
    approved: str
    withdrawn: str


@dataclass(frozen=True)
class HearingLine:
    consignee: str
    year: str
    kind: str
    held: str
    result: str
    text: str


@dataclass(frozen=True)
class CertificateLine:
    consignee: str
    received: str
    description: str


@dataclass(frozen=True)
class Register:
    office_name: str
    as_of: datetime.date
    consignees: tuple[ConsigneeLine, ...]
    subs: tuple[SubLine, ...]
    hearings: tuple[HearingLine, ...]
    certificates: tuple[CertificateLine, ...]


def render_consignee_register(register: Register, out: BinaryIO) -> None:
    """Write the register to out as a PDF (A4 portrait), 「n／total」 on every page."""
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, register, total))


def _layout(canvas: Canvas, register: Register, total: int | None) -> int:
    flow = Flow(
        canvas,
        margin=_MARGIN,
        footer_title=PDF_TITLE,
        office_name=register.office_name,
        total=total,
    )
    as_of = f"{japanese_date(register.as_of)}現在"
    flow.running = f"{TITLE}（続き）"
    flow.running_right = as_of
    flow.add(Paragraph(TITLE, _TITLE), space_after=8)
    flow.add(Paragraph(as_of, _RIGHT), space_after=2)
    flow.add(Paragraph(markup(register.office_name), _RIGHT), space_after=10)
    flow.add(
        Paragraph(
            "個人番号関係事務の委託先について、規程第42条・第43条に定める選定、契約、再委託の許諾、"
            "毎年4月の点検（ヒアリング）及び削除・廃棄の証明の受領の状況を記録します。"
            "特定個人情報等は記載していません。",
            _NOTE,
        ),
        space_after=10,
    )
    frame = flow.frame
    flow.section("1　委託先", _consignees(register, frame))
    flow.section("2　選定（第42条第3項）と契約（同条第4項）", _checks(register, frame))
    flow.section("3　再委託の許諾（第43条）", _subs(register, frame))
    flow.section("4　点検（ヒアリング、第42条第5項）", _hearings(register, frame))
    flow.section("5　削除・廃棄の証明の受領", _certificates(register, frame))
    flow.finish_page()
    return flow.page


def _p(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(markup(text or "—"), style)


def _table(
    head: list[str],
    rows: list[list[str]],
    widths: list[float],
    empty: str,
    centred: tuple[int, ...] = (),
) -> Table:
    body: list[list[object]] = [
        [_p(text, _CENTRE if i in centred else _CELL) for i, text in enumerate(row)] for row in rows
    ]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    if not body:
        body = [[_p(empty), *[""] * (len(head) - 1)]]
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(
        [[_p(h, _HEAD) for h in head], *body], colWidths=widths, repeatRows=1, splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a row split over pages starts at its top
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *extra,
            ]
        )
    )
    return table


def _rest(frame: float, fixed: list[float]) -> float:
    return frame - sum(fixed)


def _consignees(register: Register, frame: float) -> Table:
    fixed = [20 * mm, 44 * mm, 28 * mm, 34 * mm]
    rows = [
        [
            "\n".join(
                t
                for t in (
                    c.name,
                    f"法人番号 {c.corporate_number}" if c.corporate_number else "",
                    c.address,
                    c.contact,
                )
                if t
            ),
            c.state,
            c.work,
            c.approved,
            c.hearing,
        ]
        for c in register.consignees
    ]
    return _table(
        [
            "委託先（法人番号・所在地・連絡先）",
            "状態",
            "委託する事務・業務",
            "承認・終了",
            "4月の点検",
        ],
        rows,
        [_rest(frame, fixed), *fixed],
        "登録された委託先はありません。",
        centred=(1,),
    )


def _checks(register: Register, frame: float) -> Table:
    name = 42 * mm
    half = (frame - name) / 2
    rows = [[c.name, c.selection, c.contract] for c in register.consignees]
    return _table(
        ["委託先", "選定の確認（6項目）", "委託契約（10項目）"],
        rows,
        [name, half, half],
        "登録された委託先はありません。",
    )


def _subs(register: Register, frame: float) -> Table:
    fixed = [40 * mm, 44 * mm, 34 * mm, 24 * mm]
    rows = [[s.consignee, s.name, s.scope, s.approved, s.withdrawn] for s in register.subs]
    return _table(
        ["委託先", "再委託先", "再委託する業務", "許諾", "取消日"],
        rows,
        [fixed[0], fixed[1], _rest(frame, fixed), fixed[2], fixed[3]],
        "許諾した再委託はありません。",
    )


def _hearings(register: Register, frame: float) -> Table:
    fixed = [40 * mm, 14 * mm, 30 * mm, 32 * mm, 16 * mm]
    rows = [[h.consignee, h.year, h.kind, h.held, h.result, h.text] for h in register.hearings]
    return _table(
        ["委託先", "年", "種類", "実施日・実施者", "結果", "確認した内容・改善の求め"],
        rows,
        [*fixed, _rest(frame, fixed)],
        "記録された点検はありません。",
        centred=(1, 4),
    )


def _certificates(register: Register, frame: float) -> Table:
    fixed = [40 * mm, 32 * mm]
    rows = [[c.consignee, c.received, c.description] for c in register.certificates]
    return _table(
        ["委託先", "受領日", "証明の内容"],
        rows,
        [*fixed, _rest(frame, fixed)],
        "受領した削除・廃棄の証明はありません。",
    )
