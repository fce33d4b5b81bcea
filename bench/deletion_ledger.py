"""削除・廃棄記録簿 rendering: `render_ledger` of N lines against the floor it cannot go below.

    python bench/deletion_ledger.py [--lines N] [--runs R] [--profile]

Goal (issue): rendering the ledger of 1,000 lines costs at most 1.3x the floor, where the floor
is (a) a bare platypus `Table` of the same N rows under one header row (repeated on every
page), the same ten column widths, each cell a plain `Paragraph` of the same text (line breaks
included) in the same font, size and CJK wrapping, built in a `SimpleDocTemplate` on the same
landscape A4 with the same margins: the table layout, page splitting and drawing the ledger
needs anyway, with no particulars block, no continuation headings, no footers or sheet count,
no escaping and no row styling.

(b) is `reports.deletion_records.render_ledger` of the same N synthetic lines (names, files and
dates invented, no number anywhere), into memory. Both use the bundled IPAex fonts, registered
once before timing. Runs are interleaved after one warm-up round; medians are printed with the
ratio (b) / (a) and the page counts of both (the floor has more room per page: no heading,
no footer). `--profile` prints the top of a cProfile of one ledger instead. Prints only, never
asserts.

Nearly all of both times is reportlab's CJK line breaking of the cells. SimpleDocTemplate
measures each sheet's rows three times (wrap, then split when the table is too tall, then
draw); the ledger lays out with split() alone and draws, so it measures them twice and can come
in under this floor.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reports import fonts  # noqa: E402
from reports.deletion_records import DeletionLine, LedgerData, render_ledger  # noqa: E402
from reports.wareki import seireki_date, wareki_date  # noqa: E402

MIN_RUNS = 3
MARGIN = 12 * mm  # the ledger's margin
# The ledger's ten columns (reports/deletion_records.py), the last taking the rest.
FIXED = [w * mm for w in (10, 25, 32, 42, 38, 26, 23, 23, 21)]
WIDTHS = [*FIXED, landscape(A4)[0] - 2 * MARGIN - sum(FIXED)]
HEADER = [
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
]
NAMES = ["山田 太郎", "佐藤 花子", "長谷川 健一郎", "鈴木 次郎", "田中 美咲"]
KINDS = [("従業員", "総務部"), ("扶養親族", ""), ("支払先（個人）", ""), ("従業員", "介護課")]
FILES = [
    ("給与所得者の扶養控除等申告書ファイル", "令和7年分 扶養控除等申告書（2033年1月10日まで）"),
    ("源泉徴収票作成事務ファイル", "令和6年分 給与所得の源泉徴収票（2032年1月31日まで）"),
    ("雇用保険届出事務ファイル", "雇用保険被保険者資格取得届（2031年3月31日まで）"),
]
TRIGGERS = ["保存期間の経過", "保存期間内の削除（退職により不要）", "本人からの請求"]


def _lines(count: int) -> tuple[DeletionLine, ...]:
    lines = []
    for n in range(1, count + 1):
        kind, department = KINDS[n % len(KINDS)]
        file_name, documents = FILES[n % len(FILES)]
        lines.append(
            DeletionLine(
                record_no=n,
                deleted_on=datetime.date(2026, 4, 1) + datetime.timedelta(days=n % 300),
                person_name=NAMES[n % len(NAMES)],
                person_kind=kind,
                department=department,
                file_name=file_name,
                documents=documents,
                trigger=TRIGGERS[n % len(TRIGGERS)],
                legal_basis="所得税法施行規則第76条の3",
                method="データベースからの上書き消去",
                executed_by="佐藤 花子",
                approved_by="鈴木 一郎",
                approved_on=datetime.date(2026, 3, 20) + datetime.timedelta(days=n % 300),
                backups="2026-11-01のバックアップ（次の世代交代で削除）" if n % 2 else "",
                paper=f"{documents}：2026年12月1日 裁断済（担当 花子）" if n % 3 == 0 else "",
                proposed_by="担当 一郎",
                proposed_on=datetime.date(2026, 3, 18) + datetime.timedelta(days=n % 300),
            )
        )
    return tuple(lines)


def _ledger(lines: tuple[DeletionLine, ...]) -> LedgerData:
    return LedgerData(
        office_name="ベンチ事業所",
        printed_on=datetime.date(2027, 4, 1),
        period_from=datetime.date(2026, 4, 1),
        period_to=datetime.date(2027, 3, 31),
        responsible="理事長 鈴木 一郎",
        lines=lines,
    )


def _floor_texts(line: DeletionLine) -> list[str]:
    """The texts the ledger prints in the row's ten cells, as plain paragraph text."""
    kind = "・".join(part for part in (line.person_kind, line.department) if part)
    proposed = seireki_date(line.proposed_on) if line.proposed_on else ""
    approved = seireki_date(line.approved_on) if line.approved_on else ""
    kept = [text for text in (line.backups, line.paper) if text]
    return [
        str(line.record_no),
        f"{seireki_date(line.deleted_on)}<br/>{wareki_date(line.deleted_on)}",
        f"{line.person_name}<br/>（{kind}）",
        f"{line.file_name}<br/>書類：{line.documents}",
        f"{line.trigger}<br/>根拠：{line.legal_basis}",
        line.method,
        f"{line.proposed_by}<br/>{proposed}",
        f"{line.approved_by}<br/>{approved}",
        line.executed_by,
        "<br/>".join(kept) or "—",
    ]


def _time_floor(lines: tuple[DeletionLine, ...]) -> tuple[float, int]:
    start = time.perf_counter()
    style = ParagraphStyle("floor", fontName=fonts.MINCHO, fontSize=8, leading=10.5, wordWrap="CJK")
    rows = [[Paragraph(text, style) for text in HEADER]]
    rows += [[Paragraph(text, style) for text in _floor_texts(line)] for line in lines]
    table = Table(rows, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.MINCHO),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    out = io.BytesIO()
    # SimpleDocTemplate's frame pads by 6 pt: the margins are reduced by as much, so the table
    # gets the ledger's exact width.
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=MARGIN - 6,
        rightMargin=MARGIN - 6,
        topMargin=MARGIN - 6,
        bottomMargin=MARGIN - 6,
        invariant=1,
        initialFontName=fonts.MINCHO,
    )
    doc.build([table])
    return time.perf_counter() - start, doc.page


def _time_ledger(lines: tuple[DeletionLine, ...]) -> tuple[float, int]:
    data = _ledger(lines)
    out = io.BytesIO()
    start = time.perf_counter()
    render_ledger(data, out)
    elapsed = time.perf_counter() - start
    # The page count from the PDF's page tree, without a PDF library: reportlab writes one
    # "/Type /Page" per sheet.
    return elapsed, out.getvalue().count(b"/Type /Page\n")


def _profile(lines: tuple[DeletionLine, ...]) -> None:
    import cProfile
    import pstats

    data = _ledger(lines)
    profiler = cProfile.Profile()
    profiler.enable()
    render_ledger(data, io.BytesIO())
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one ledger and stop")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    fonts.configure(ROOT / "resources" / "fonts")
    lines = _lines(args.lines)
    if args.profile:
        _profile(lines)
        return
    samples: dict[str, list[float]] = {"floor": [], "ledger": []}
    pages: dict[str, int] = {}
    for round_index in range(runs + 1):  # round 0 is the warm-up
        for name, timer in (("floor", _time_floor), ("ledger", _time_ledger)):
            seconds, pages[name] = timer(lines)
            if round_index:
                samples[name].append(seconds)

    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(f"lines: {len(lines):,} deletion records")
    labels = {
        "floor": "(a) bare Table in a SimpleDocTemplate",
        "ledger": "(b) render_ledger",
    }
    for name, label in labels.items():
        low, high = min(samples[name]) * 1000, max(samples[name]) * 1000
        print(
            f"{label:<38} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})"
            f"   {pages[name]} pages"
        )
    print(f"ledger / floor = {median['ledger'] / median['floor']:.2f} (goal <= 1.30)")


if __name__ == "__main__":
    main()
