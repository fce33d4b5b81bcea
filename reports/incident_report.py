"""漏えい等事案の報告（下書き）: what the office will enter in the PPC's report form for one
incident (漏えい等報告規則第3条): the facts, which 号 of 規則第2条 apply, the deadlines and the
nine items. It names no person and holds no number: persons are counted, never listed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.document import add_label_row, markup, text_style
from reports.flow import Flow, render_counted
from reports.fonts import GOTHIC, MINCHO

TITLE = "漏えい等事案の報告（下書き）"
PDF_TITLE = "漏えい等事案の報告（下書き）"
_MARGIN = 18 * mm
_LABEL = 46 * mm
_PAD = 6  # left and right padding of a cell, together
_SHADE = colors.Color(0.94, 0.94, 0.94)
_CELL = text_style(MINCHO, 9.5, 13.5)
_HEAD = text_style(GOTHIC, 9, 12.5)
_NOTE = text_style(MINCHO, 8.5, 12)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 15, 20), alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=text_style(MINCHO, 10, 14), alignment=TA_RIGHT)


@dataclass(frozen=True)
class IncidentSheet:
    """Every value already in words (dates formatted by the caller)."""

    office_name: str
    printed_on: str
    number: str  # e.g. 「No.3」
    facts: tuple[tuple[str, str], ...]  # (label, value): title, kind, times, who found it
    decision: tuple[tuple[str, str], ...]  # reportability, 号, deadlines, states
    items: tuple[tuple[str, str], ...]  # the nine items, in order (label, text)
    measures: tuple[str, ...]  # one line each, with its state


def render_incident_report(sheet: IncidentSheet, out: BinaryIO) -> None:
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, sheet, total=total))


def _layout(canvas: Canvas, sheet: IncidentSheet, total: int | None) -> int:
    flow = Flow(
        canvas, margin=_MARGIN, footer_title=PDF_TITLE, office_name=sheet.office_name, total=total
    )
    flow.running = f"{TITLE}（続き）"
    flow.running_right = f"漏えい等事案 {sheet.number}"
    flow.add(Paragraph(TITLE, _TITLE), space_after=8)
    flow.add(Paragraph(f"作成日 {markup(sheet.printed_on)}", _RIGHT), space_after=2)
    flow.add(Paragraph(markup(sheet.office_name), _RIGHT), space_after=10)
    flow.add(
        Paragraph(
            "個人情報保護委員会への報告（漏えい等報告規則第3条）のための下書きです。"
            "報告は委員会のウェブサイトの報告フォームから行います。"
            "本書には本人の氏名・個人番号を記載していません。",
            _NOTE,
        ),
        space_after=10,
    )
    flow.section("1　事案の概要", _pairs(sheet.facts, flow.frame))
    flow.section("2　報告の要否と期限", _pairs(sheet.decision, flow.frame))
    flow.section("3　報告事項（規則第3条第1項）", _pairs(sheet.items, flow.frame, numbered=True))
    measures = tuple((f"{i}", text) for i, text in enumerate(sheet.measures, start=1)) or (
        ("—", "登録されていません。"),
    )
    flow.section("4　再発防止策（規程第14条）", _pairs(measures, flow.frame, label=12 * mm))
    flow.finish_page()
    return flow.page


_CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def _pairs(
    rows: tuple[tuple[str, str], ...],
    frame: float,
    *,
    numbered: bool = False,
    label: float = _LABEL,
) -> Table:
    cells: list[list[object]] = []
    commands: list[tuple[object, ...]] = []
    for index, (key, value) in enumerate(rows):
        shown = f"{_CIRCLED[index]} {key}" if numbered and index < len(_CIRCLED) else key
        add_label_row(
            cells,
            commands,
            Paragraph(markup(shown), _HEAD),
            Paragraph(markup(value) or "（未記入）", _CELL),
            frame - label - _PAD,
        )
    table = Table(cells, colWidths=[label, frame - label])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), MINCHO),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("LINEAFTER", (0, 0), (0, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), _SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *commands,
            ]
        )
    )
    return table
