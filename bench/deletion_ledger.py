"""削除・廃棄記録簿 rendering: `render_ledger` of N lines against the floor it cannot go below.

    python bench/deletion_ledger.py [--lines N] [--runs R] [--profile]

Goal (issue): rendering the ledger of 1,000 lines costs at most 1.3x the floor, where the floor
is (a) a bare platypus `Table` of the same N rows under one header row (repeated on every
page), the same eleven column widths, each cell a plain `Paragraph` of the same text (line breaks
included) in the same font, size and CJK wrapping, built in a `SimpleDocTemplate` on the same
landscape A4 with the same margins: the table layout, page splitting and drawing the ledger
needs anyway, with no particulars block, no continuation headings, no footers or sheet count,
no escaping and no row styling.

(b) is `reports.deletion_ledger.render_ledger` of the same N synthetic lines (names, files and
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
from reports.deletion_ledger import render_ledger  # noqa: E402
from reports.deletion_records import DeletionLine, HeldBackup, LedgerData  # noqa: E402
from reports.wareki import seireki_date, wareki_date  # noqa: E402

MIN_RUNS = 3
MARGIN = 12 * mm  # the ledger's margin
# The ledger's eleven columns (reports/deletion_ledger.py), the last taking the rest.
FIXED = [w * mm for w in (11, 27, 24, 53, 45, 32, 17, 23, 23)]
WIDTHS = [*FIXED, landscape(A4)[0] - 2 * MARGIN - sum(FIXED)]
HEADER = [
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
]
NAMES = ["山田 太郎", "佐藤 花子", "長谷川 健一郎", "鈴木 次郎", "田中 美咲"]
KINDS = [("従業員", "総務部"), ("扶養親族", ""), ("支払先（個人）", ""), ("従業員", "介護課")]
DOCUMENTS = [
    (
        "給与所得者の扶養控除等（異動）申告書",
        "退職所得の受給に関する申告書",
        "雇用保険の被保険者に関する書類",
        "健康保険・厚生年金保険に関する書類",
    ),
    ("給与所得者の扶養控除等（異動）申告書",),
    ("支払調書（控え）",),
]
TRIGGERS = [
    (
        "保存期間の経過（利用の必要もなくなった）",
        "所得税法施行規則第76条の3（2033年1月10日まで保存）",
        "",
    ),
    ("保存期間内の削除（理由を記録し特定個人情報管理責任者が承認）", "", "退職により不要"),
    (
        "本人からの請求",
        "個人情報保護法第35条（利用停止等の請求）",
        "開示等の請求 No.3 に基づく消去",
    ),
]
METHOD = "暗号化された個人番号を削除し、その領域をゼロで上書きした上で、暗号鍵を更新して旧鍵を消去"
CHECK = "確認者<br/><br/>確認日"


def _lines(count: int) -> tuple[DeletionLine, ...]:
    lines = []
    backup = HeldBackup(
        "2026年11月1日 09:00", "mynumber-desk.mndbackup", "あと7回の作成で消去", False
    )
    for n in range(1, count + 1):
        kind, department = KINDS[n % len(KINDS)]
        documents = DOCUMENTS[n % len(DOCUMENTS)]
        trigger, basis, reason = TRIGGERS[n % len(TRIGGERS)]
        lines.append(
            DeletionLine(
                record_no=n,
                deleted_on=datetime.date(2026, 4, 1) + datetime.timedelta(days=n % 300),
                person_name=NAMES[n % len(NAMES)],
                person_kind=kind,
                department=department,
                file_name="個人番号（マイナンバー管理デスクの特定個人情報ファイル）",
                documents=documents,
                trigger=trigger,
                basis=basis,
                reason=reason,
                method=METHOD,
                executed_by="佐藤 花子",
                approved_by="鈴木 一郎",
                approved_on=datetime.date(2026, 3, 20) + datetime.timedelta(days=n % 300),
                proposed_by="担当 一郎",
                proposed_on=datetime.date(2026, 3, 18) + datetime.timedelta(days=n % 300),
                backups=(backup,) * 7 if n % 2 else (),
                backups_summary="7件に残存：あと7回の作成で全て消去" if n % 2 else "",
                paper=documents if n % 3 == 0 else (),
                paper_disposed_on=datetime.date(2026, 12, 1) if n % 3 == 0 else None,
                paper_disposed_by="担当 花子",
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
        file_names=("個人番号（マイナンバー管理デスクの特定個人情報ファイル）",),
        handling_department="総務部",
    )


def _floor_texts(line: DeletionLine) -> list[str]:
    """The texts the ledger prints in the row's eleven cells, as plain paragraph text."""
    kind = "・".join(part for part in (line.person_kind, line.department) if part)
    why = "<br/>".join(
        text
        for text in (
            line.trigger,
            line.basis and f"根拠：{line.basis}",
            line.reason and f"理由：{line.reason}",
        )
        if text
    )
    proposed = seireki_date(line.proposed_on) if line.proposed_on else ""
    approved = seireki_date(line.approved_on) if line.approved_on else ""
    paper = (
        f"廃棄済<br/>{seireki_date(line.paper_disposed_on)}<br/>{line.paper_disposed_by}"
        if line.paper_disposed_on
        else "なし"
    )
    return [
        str(line.record_no),
        f"{seireki_date(line.deleted_on)}<br/>{wareki_date(line.deleted_on)}<br/>方法 ①",
        f"{line.person_name}<br/>（{kind}）",
        "、".join(line.documents),
        why,
        f"提案 {proposed}<br/>{line.proposed_by}<br/>承認 {approved}<br/>{line.approved_by}",
        line.executed_by,
        line.backups_summary or "なし",
        paper,
        CHECK,
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
