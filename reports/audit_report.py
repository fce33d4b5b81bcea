"""監査報告書 (アクセス記録の分析, 規程第13条 点検): the period, the counts of reveals, outputs and
failed sign-ins per member and per month, the anomaly flags with their rule and who checked
them, and the state of the access log (its head and newest signed checkpoint). It holds no
特定個人情報: members' names and counts only."""

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

TITLE = "監査報告書（アクセス記録の分析）"
PDF_TITLE = "監査報告書"
_MARGIN = 16 * mm
_SHADE = colors.Color(0.94, 0.94, 0.94)
_CELL = text_style(MINCHO, 9, 12.5)
_HEAD = text_style(GOTHIC, 9, 12.5)
_NOTE = text_style(MINCHO, 8.5, 12)
_ALERT = text_style(GOTHIC, 10, 15)
_NUMBER = ParagraphStyle("number", parent=_CELL, alignment=TA_RIGHT)
_TITLE = ParagraphStyle("title", parent=text_style(GOTHIC, 15, 20), alignment=TA_CENTER)
_RIGHT = ParagraphStyle("right", parent=text_style(MINCHO, 10, 14), alignment=TA_RIGHT)


@dataclass(frozen=True)
class CountLine:
    label: str  # a member's name or a month
    reveals: int
    outputs: int
    failed: int


@dataclass(frozen=True)
class FlagLine:
    rule: str
    member: str
    what: str
    checked: str  # who, when and the note; or 未確認


@dataclass(frozen=True)
class AuditReport:
    office_name: str
    made_on: datetime.date
    first: datetime.date
    last: datetime.date
    total: CountLine
    months: tuple[CountLine, ...]
    members: tuple[CountLine, ...]
    rules: tuple[str, ...]
    flags: tuple[FlagLine, ...]
    entries: int
    head_fingerprint: str
    sealed: str  # the newest signed checkpoint in words
    # What the verification found when the log does not hold (a row altered or missing, a
    # checkpoint or the outside anchor not matching); empty when it holds.
    chain_problem: str = ""


def render_audit_report(report: AuditReport, out: BinaryIO) -> None:
    """Write the report to out as a PDF (A4 portrait), 「n／total」 on every page."""
    render_counted(out, PDF_TITLE, lambda canvas, total: _layout(canvas, report, total=total))


def _layout(canvas: Canvas, report: AuditReport, total: int | None) -> int:
    flow = Flow(
        canvas, margin=_MARGIN, footer_title=PDF_TITLE, office_name=report.office_name, total=total
    )
    period = f"{japanese_date(report.first)}から{japanese_date(report.last)}まで"
    flow.running = f"{TITLE}（続き）"
    flow.running_right = period
    flow.add(Paragraph(TITLE, _TITLE), space_after=8)
    flow.add(Paragraph(f"作成日　{japanese_date(report.made_on)}", _RIGHT), space_after=2)
    flow.add(Paragraph(markup(report.office_name), _RIGHT), space_after=10)
    flow.add(
        Paragraph(
            f"対象期間：{period}。アクセス記録から個人番号の表示・コピー・出力、書類の出力、"
            "サインインの失敗を数え、注意事項（下記の基準に当たる操作）と確認の結果を記録します。"
            "特定個人情報等は記載していません。",
            _NOTE,
        ),
        space_after=10,
    )
    if report.chain_problem:
        flow.add(
            Paragraph(
                "【注意】アクセス記録の検証で異常が見つかりました。"
                + markup(report.chain_problem)
                + "以下の件数と注意事項は、改ざん・欠落のおそれがある記録から数えたもので、"
                "正しいとは限りません（5を参照）。",
                _ALERT,
            ),
            space_after=10,
        )
    flow.section("1　件数（職員別）", _counts("職員", [*report.members, report.total], flow.frame))
    flow.section("2　件数（月別）", _counts("月", [*report.months, report.total], flow.frame))
    flow.add(
        Paragraph(
            "表示等は個人番号の表示・コピー・本人への開示・個人番号を記載した法定調書の出力、"
            "出力は書類の印刷・書き出し、サインイン失敗は誤ったパスワードでのサインインの件数です。",
            _NOTE,
        ),
        space_after=10,
    )
    flow.section("3　注意事項の基準", _rules(report, flow.frame))
    flow.section("4　注意事項と確認", _flags(report, flow.frame))
    flow.section("5　アクセス記録の状態", _chain(report, flow.frame))
    flow.add(Paragraph("確認者（署名）　　　　　　　　　　　　　　　　　　　　　印", _RIGHT))
    flow.finish_page()
    return flow.page


def _grid(extra: list[tuple]) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), MINCHO),  # else an unembedded Helvetica is referenced
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def _counts(head: str, lines: list[CountLine], frame: float) -> Table:
    fixed = [30 * mm] * 3
    widths = [frame - sum(fixed), *fixed]
    body = [
        [
            Paragraph(markup(line.label), _HEAD if index == len(lines) - 1 else _CELL),
            Paragraph(f"{line.reveals:,}件", _NUMBER),
            Paragraph(f"{line.outputs:,}件", _NUMBER),
            Paragraph(f"{line.failed:,}件", _NUMBER),
        ]
        for index, line in enumerate(lines)
    ]
    titles = [head, "個人番号の表示等", "出力", "サインイン失敗"]
    table = Table([[Paragraph(t, _HEAD) for t in titles], *body], colWidths=widths, repeatRows=1)
    table.setStyle(
        _grid([("BACKGROUND", (0, 0), (-1, 0), _SHADE), ("BACKGROUND", (0, -1), (-1, -1), _SHADE)])
    )
    return table


def _rules(report: AuditReport, frame: float) -> Table:
    table = Table([[Paragraph(markup(r), _CELL)] for r in report.rules], colWidths=[frame])
    table.setStyle(_grid([]))
    return table


def _flags(report: AuditReport, frame: float) -> Table:
    fixed = [36 * mm, 24 * mm, 52 * mm]
    widths = [fixed[0], fixed[1], frame - sum(fixed), fixed[2]]
    rows = [
        [
            Paragraph(markup(f.rule), _CELL),
            Paragraph(markup(f.member), _CELL),
            Paragraph(markup(f.what), _CELL),
            Paragraph(markup(f.checked), _CELL),
        ]
        for f in report.flags
    ] or [[Paragraph("この期間に注意事項はありません。", _CELL), "", "", ""]]
    titles = ["基準", "職員", "内容", "確認（確認者・日時・内容）"]
    table = Table([[Paragraph(t, _HEAD) for t in titles], *rows], colWidths=widths, repeatRows=1)
    extra: list[tuple] = [("BACKGROUND", (0, 0), (-1, 0), _SHADE)]
    if not report.flags:
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(_grid(extra))
    return table


def _chain(report: AuditReport, frame: float) -> Table:
    rows = [
        ("記録の件数（検証済み）", f"{report.entries:,}件"),
        ("最新の記録の指紋", report.head_fingerprint),
        ("最新の署名済みチェックポイント", report.sealed),
    ]
    if report.chain_problem:
        rows = [
            ("検証の結果", "異常あり：" + report.chain_problem),
            ("記録の件数（未検証）", f"{report.entries:,}件"),
            ("最新の記録の指紋（未検証）", report.head_fingerprint),
        ]
    label = 58 * mm
    table = Table(
        [[Paragraph(k, _HEAD), Paragraph(markup(v), _CELL)] for k, v in rows],
        colWidths=[label, frame - label],
    )
    table.setStyle(_grid([("BACKGROUND", (0, 0), (0, -1), _SHADE)]))
    return table
