"""特定個人情報管理台帳 (規程第16条): the files the office keeps, their purposes and deletion
status, who may reach them, and the 管理区域・取扱区域. It holds no 特定個人情報."""

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

TITLE = "特定個人情報管理台帳"
PDF_TITLE = TITLE
_MARGIN = 16 * mm
_SHADE = colors.Color(0.94, 0.94, 0.94)
_CELL = text_style(MINCHO, 9, 12.5)
_HEAD = text_style(GOTHIC, 9, 12.5)
_NOTE = text_style(MINCHO, 8.5, 12)
_NUMBER = ParagraphStyle("number", parent=_CELL, alignment=TA_RIGHT)
_CENTRE = ParagraphStyle("centre", parent=_CELL, alignment=TA_CENTER)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 15, 20), alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=text_style(MINCHO, 10, 14), alignment=TA_RIGHT)


@dataclass(frozen=True)
class FileLine:
    name: str
    kind: str
    purposes: str
    held: int
    due: int | None  # None: does not apply to this file
    deleted: int | None


@dataclass(frozen=True)
class AccessLine:
    name: str
    roles: str
    numbers: bool
    scope: str


@dataclass(frozen=True)
class Ledger:
    office_name: str
    as_of: datetime.date
    responsible: str
    department: str
    management_area: str
    handling_area: str
    files: tuple[FileLine, ...]
    access: tuple[AccessLine, ...]


def render_management_ledger(ledger: Ledger, out: BinaryIO) -> None:
    """Write the ledger to out as a PDF (A4 portrait), 「n／total」 on every page."""
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, ledger, total=total))


def _layout(canvas: Canvas, ledger: Ledger, total: int | None) -> int:
    flow = Flow(
        canvas, margin=_MARGIN, footer_title=PDF_TITLE, office_name=ledger.office_name, total=total
    )
    flow.running = f"{TITLE}（続き）"
    flow.running_right = f"{japanese_date(ledger.as_of)}現在"
    flow.add(Paragraph(TITLE, _TITLE), space_after=8)
    flow.add(Paragraph(f"{japanese_date(ledger.as_of)}現在", _RIGHT), space_after=2)
    flow.add(Paragraph(markup(ledger.office_name), _RIGHT), space_after=10)
    flow.add(
        Paragraph(
            "特定個人情報ファイルの取扱状況を確認するため、規程第16条に定める事項を記録します。"
            "この台帳は登録された情報と設定から作成したもので、特定個人情報等は記載していません。",
            _NOTE,
        ),
        space_after=10,
    )
    flow.section("1　責任者・取扱部署・区域", _organisation(ledger, flow.frame))
    flow.section("2　特定個人情報ファイル", _files(ledger, flow.frame))
    flow.add(
        Paragraph(
            "保有件数は作成日現在の件数、削除期限到来はそのうち保存期間を過ぎて削除すべきもの、"
            "削除済みは削除・廃棄記録のある件数です（「—」は該当しない項目）。",
            _NOTE,
        ),
        space_after=12,
    )
    flow.section("3　アクセス権を有する者", _access(ledger, flow.frame))
    flow.finish_page()
    return flow.page


def _organisation(ledger: Ledger, frame: float) -> Table:
    rows = [
        ("責任者（特定個人情報管理責任者）", ledger.responsible),
        ("取扱部署（窓口）", ledger.department),
        ("管理区域（情報システムを管理する区域）", ledger.management_area),
        ("取扱区域（事務を実施する区域）", ledger.handling_area),
    ]
    label = 58 * mm
    table = Table(
        [[Paragraph(k, _HEAD), Paragraph(markup(v), _CELL)] for k, v in rows],
        colWidths=[label, frame - label],
    )
    table.setStyle(_grid([("BACKGROUND", (0, 0), (0, -1), _SHADE)]))
    return table


def _count(value: int | None) -> Paragraph:
    return Paragraph("—" if value is None else f"{value:,}件", _NUMBER)


def _files(ledger: Ledger, frame: float) -> Table:
    head = ["名称", "種類（媒体）", "利用目的", "保有件数", "うち削除期限到来", "削除済み"]
    fixed = [43 * mm, 34 * mm, 17 * mm, 19 * mm, 17 * mm]
    widths = [fixed[0], fixed[1], frame - sum(fixed), *fixed[2:]]
    body = [
        [
            Paragraph(markup(f.name), _CELL),
            Paragraph(markup(f.kind), _CELL),
            Paragraph(markup(f.purposes), _CELL),
            _count(f.held),
            _count(f.due),
            _count(f.deleted),
        ]
        for f in ledger.files
    ]
    table = Table([[Paragraph(h, _HEAD) for h in head], *body], colWidths=widths, repeatRows=1)
    table.setStyle(_grid([("BACKGROUND", (0, 0), (-1, 0), _SHADE)]))
    return table


def _access(ledger: Ledger, frame: float) -> Table:
    head = ["氏名", "役割", "個人番号", "担当範囲（事務・対象者）"]
    fixed = [34 * mm, 46 * mm, 18 * mm]
    widths = [*fixed, frame - sum(fixed)]
    body: list[list[object]] = [
        [
            Paragraph(markup(h.name), _CELL),
            Paragraph(markup(h.roles), _CELL),
            Paragraph("取扱い可" if h.numbers else "不可", _CENTRE),
            Paragraph(markup(h.scope), _CELL),
        ]
        for h in ledger.access
    ]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    if not body:
        body = [[Paragraph("有効な職員アカウントはありません。", _CELL), "", "", ""]]
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table([[Paragraph(h, _HEAD) for h in head], *body], colWidths=widths, repeatRows=1)
    table.setStyle(_grid(extra))
    return table


def _grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )
