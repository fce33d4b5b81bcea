"""給与所得の源泉徴収票 rendering: `reports.statutory_form.render_tax_office` of N slips against a
bare canvas drawing the same page.

    python bench/statutory_form.py [--slips N] [--runs R] [--profile]

Goal (issue #16): the 税務署提出用 of 1,000 employees costs at most 1.3x the floor, where the
floor is (a) a bare reportlab canvas, same A6 pages and embedded font, drawing for each slip
every ruled line of the layout, every printed label at its cell's left edge, and every value
(the 12 digits of each number one per cell) with drawString: what any renderer of this form
must draw, with no fitting, wrapping, centring, hatching or copy rules.

(b) is `render_tax_office` of the same N synthetic slips (names and amounts invented; synthetic
numbers that are not anyone's), into memory. Runs are interleaved after one warm-up round;
medians and the ratio (b) / (a) are printed. Prints only, never asserts.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reports import fonts  # noqa: E402
from reports import statutory_form as sf  # noqa: E402
from reports.fonts import GOTHIC, MINCHO  # noqa: E402
from reports.form_layout import FormLayout, load  # noqa: E402

MIN_RUNS = 3


def _slips(count: int) -> list[sf.Slip]:
    slips = []
    for n in range(count):
        values = {
            "address": f"東京都千代田区霞が関三丁目{n % 9 + 1}番{n % 20 + 1}号",
            "name": f"山田 太郎{n}",
            "kana": "ヤマダ タロウ",
            "kind": "給与・賞与",
            "payment": str(3_000_000 + n * 1_000),
            "income_after_deduction": str(2_000_000 + n * 700),
            "deductions_total": "1200000",
            "tax": str(50_000 + n),
            "social_insurance": "450000",
            "spouse_name": "山田 花子",
            "dependant1_name": "山田 一郎",
            "payer_name": "株式会社サンプル商事",
            "payer_address": "東京都港区芝公園1-2-3",
        }
        digits = f"{n:012d}"
        numbers = {"number": digits, "spouse_number": digits, "dependant1_number": digits}
        slips.append(sf.Slip(values, numbers))
    return slips


def _bare(layout: FormLayout, slips: list[sf.Slip]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(layout.page_w * mm, layout.page_h * mm), invariant=1)
    height = layout.page_h
    boxes = {box.id: box for box in layout.boxes}
    for slip in slips:
        canvas.setLineWidth(0.15 * mm)
        for rule in layout.rules:
            if rule.dir == "H":
                y = (height - rule.at) * mm
                canvas.line(rule.start * mm, y, rule.end * mm, y)
            else:
                canvas.line(
                    rule.at * mm, (height - rule.start) * mm, rule.at * mm, (height - rule.end) * mm
                )
        canvas.setFont(MINCHO, 3.4)
        for label in layout.labels:
            canvas.drawString(label.x * mm, (height - label.y - label.h / 2) * mm, label.text)
        for box_id, value in slip.values.items():
            box = boxes[box_id]
            canvas.setFont(GOTHIC, box.pt)
            canvas.drawString(box.x * mm, (height - box.y - box.h) * mm, value)
        for box_id, digits in slip.numbers.items():
            box = boxes[box_id]
            canvas.setFont(GOTHIC, box.pt)
            for digit, edge in zip(digits, box.edges, strict=False):
                canvas.drawString(edge * mm, (height - box.y - box.h) * mm, digit)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slips", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    fonts.configure(ROOT / "resources" / "fonts")
    layout = load("gensen_choshu", 2026)
    slips = _slips(args.slips)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(sf.render_tax_office, layout, slips)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    _bare(layout, slips[:10])
    sf.render_tax_office(layout, slips[:10])
    bare, ours = [], []
    for _ in range(max(args.runs, MIN_RUNS)):
        start = time.perf_counter()
        _bare(layout, slips)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        sf.render_tax_office(layout, slips)
        ours.append(time.perf_counter() - start)
    a, b = statistics.median(bare), statistics.median(ours)
    print(f"slips: {args.slips}")
    print(f"(a) bare canvas:       {a:.3f} s")
    print(f"(b) render_tax_office: {b:.3f} s")
    print(f"ratio (b)/(a): {b / a:.2f} (goal <= 1.3)")


if __name__ == "__main__":
    main()
