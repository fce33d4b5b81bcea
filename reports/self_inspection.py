"""特定個人情報等の取扱いに関する自己点検報告書 (規程第4章; 保有規程第54条): the year's sections,
each a finding and a table, a signature block for the 事務取扱責任者 and the 特定個人情報管理責任者,
and the compliance map (対応表) as an appendix. Holds no number and no person's name."""

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

TITLE = "特定個人情報等の取扱いに関する自己点検報告書"
PDF_TITLE = "自己点検報告書"
_MARGIN = 16 * mm
_SHADE = colors.Color(0.94, 0.94, 0.94)
_MARK = colors.Color(1.0, 0.93, 0.85)
_CELL = text_style(MINCHO, 8.5, 11.5)
_HEAD = text_style(GOTHIC, 8.5, 11.5)
_SMALL = text_style(MINCHO, 7.5, 10)
_SMALL_HEAD = text_style(GOTHIC, 7.5, 10)
_NOTE = text_style(MINCHO, 9, 13)
_FINDING = text_style(MINCHO, 9, 13)
_ALERT = text_style(GOTHIC, 9, 13)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 14, 19), alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=text_style(MINCHO, 10, 14), alignment=TA_RIGHT)
_CENTRE = ParagraphStyle("centre", parent=_CELL, alignment=TA_CENTER)


@dataclass(frozen=True)
class Section:
    title: str
    finding: str
    headers: tuple[str, ...]
    widths: tuple[float, ...]  # relative
    rows: tuple[tuple[str, ...], ...]
    empty: str
    attention: bool


@dataclass(frozen=True)
class Report:
    office_name: str
    year: int
    made_on: datetime.date
    sections: tuple[Section, ...]
    supervisors: tuple[str, ...]
    managers: tuple[str, ...]
    # (regulation, article, title, what is done, where)
    compliance: tuple[tuple[str, str, str, str, str], ...]


def render_self_inspection(report: Report, out: BinaryIO) -> None:
    """Write the report to out as a PDF (A4 portrait), 「n／total」 on every page."""
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, report, total))


def _layout(canvas: Canvas, report: Report, total: int | None) -> int:
    flow = Flow(
        canvas, margin=_MARGIN, footer_title=PDF_TITLE, office_name=report.office_name, total=total
    )
    flow.running = f"{PDF_TITLE}（{report.year}年）（続き）"
    flow.running_right = report.office_name
    flow.add(Paragraph(f"{TITLE}（{report.year}年）", _TITLE), space_after=8)
    flow.add(Paragraph(f"作成日 {japanese_date(report.made_on)}", _RIGHT), space_after=2)
    flow.add(Paragraph(markup(report.office_name), _RIGHT), space_after=10)
    marked = sum(1 for s in report.sections if s.attention)
    flow.add(
        Paragraph(
            f"{report.year}年の特定個人情報等の取扱状況を、本プログラムに記録された情報から点検しました。"
            "個人番号と本人の氏名は記載していません。"
            + (
                f"確認が必要な項目が{marked}件あります（見出しに【要確認】と表示）。"
                if marked
                else "確認が必要な項目はありません。"
            ),
            _NOTE,
        ),
        space_after=10,
    )
    for number, section in enumerate(report.sections, start=1):
        _section(flow, number, section)
    _signatures(flow, report)
    flow.new_page()
    _appendix(flow, report)
    flow.finish_page()
    return flow.page


def _section(flow: Flow, number: int, section: Section) -> None:
    mark = "【要確認】" if section.attention else ""
    heading = f"{number}　{section.title}{mark}"
    finding = Paragraph(markup(section.finding), _ALERT if section.attention else _FINDING)
    flow.section(heading, _table(section, flow.frame, finding), space_after=12)


def _table(section: Section, frame: float, finding: Paragraph) -> Table:
    scale = frame / sum(section.widths)
    widths = [w * scale for w in section.widths]
    columns = len(section.headers)
    body: list[list[object]] = [
        [Paragraph(markup(cell), _CELL) for cell in row] for row in section.rows
    ]
    extra: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 1), (-1, 1), _SHADE),
    ]
    if section.attention:
        extra.append(("BACKGROUND", (0, 0), (-1, 0), _MARK))
    if not body:
        body = [[Paragraph(markup(section.empty), _CELL), *[""] * (columns - 1)]]
        extra.append(("SPAN", (0, 2), (-1, 2)))
    table = Table(
        [
            [finding, *[""] * (columns - 1)],
            [Paragraph(markup(h), _HEAD) for h in section.headers],
            *body,
        ],
        colWidths=widths,
        repeatRows=2,
    )
    table.setStyle(_grid(extra))
    return table


def _signatures(flow: Flow, report: Report) -> None:
    rows = [
        ("事務取扱責任者", "、".join(report.supervisors)),
        ("特定個人情報管理責任者", "、".join(report.managers)),
    ]
    head = ["役職", "氏名（登録されている方）", "署名又は記名押印", "確認日"]
    fixed = [44 * mm, 44 * mm, 0, 34 * mm]
    widths = [fixed[0], fixed[1], flow.frame - sum(fixed), fixed[3]]
    table = Table(
        [
            [Paragraph(h, _HEAD) for h in head],
            *[
                [
                    Paragraph(title, _CELL),
                    Paragraph(markup(names) or "（未登録）", _CELL),
                    "",
                    Paragraph("　　年　　月　　日", _CENTRE),
                ]
                for title, names in rows
            ],
        ],
        colWidths=widths,
        rowHeights=[None, 16 * mm, 16 * mm],
    )
    table.setStyle(_grid([("BACKGROUND", (0, 0), (-1, 0), _SHADE)]))
    flow.section(
        f"{len(report.sections) + 1}　点検の確認",
        table,
        space_after=6,
    )
    flow.add(
        Paragraph(
            "上記のとおり点検し、確認が必要な項目への対応を指示しました。"
            "本報告書は代表者による見直し（規程第52条）に用います。",
            _NOTE,
        )
    )


def _appendix(flow: Flow, report: Report) -> None:
    flow.add(Paragraph("別表　規程の条項と本プログラムの対応表", _TITLE), space_after=6)
    flow.add(
        Paragraph(
            "各条項について、本プログラムが行うことと、その画面を示します。"
            "プログラムでは扱えない条項は「運用で対応」とし、事業所で行うことを記載しています。",
            _NOTE,
        ),
        space_after=8,
    )
    regulations: list[str] = []
    for row in report.compliance:
        if row[0] not in regulations:
            regulations.append(row[0])
    for index, regulation in enumerate(regulations, start=1):
        rows = [row for row in report.compliance if row[0] == regulation]
        head = ["条項", "見出し", "本プログラムの対応", "画面"]
        fixed = [26 * mm, 34 * mm, 0, 30 * mm]
        widths = [fixed[0], fixed[1], flow.frame - sum(fixed), fixed[3]]
        table = Table(
            [
                [Paragraph(h, _SMALL_HEAD) for h in head],
                *[[Paragraph(markup(cell), _SMALL) for cell in row[1:]] for row in rows],
            ],
            colWidths=widths,
            repeatRows=1,
        )
        table.setStyle(_grid([("BACKGROUND", (0, 0), (-1, 0), _SHADE)]))
        flow.section(f"別表{index}　{regulation}", table, space_after=12)


def _grid(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )
