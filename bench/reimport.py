"""Re-import cost: `importing.commit` of an updated file of N people, K of them changed, against
the first import of the same file, same run.

    python bench/reimport.py [--rows N] [--changes K] [--runs R] [--profile]

Goal (issue #19): re-importing 10,000 people with 100 changes costs at most 2x the first import
of the same file. The floor is (a), the first import: `importing.commit` of a CP932 CSV of N
synthetic employees in the issue's payroll layout (社員番号, 姓, 名, 姓（フリガナ）, 名（フリガナ）,
生年月日, 入社年月日, 部門名, マイナンバー: split names joined, no 区分 column, so the whole
file is imported as employees), each with a valid synthetic number and five departments,
on a fresh throw-away vault (machine secret in a file; the test KDF floor, since sign-in is not
measured).
(b) is the re-import on that same vault, right after (a): the same file with K people changed
(every (N/K)-th: a department moved and, for every other one, a new family name), everyone
matched by code and compared field by field, the K changes written as corrections with the
import as their reason, the number of every other person found on file (never re-sealed).
(c) is the dry run of the same updated file (its check alone), for where the time goes.
Rounds are interleaved after one warm-up round; medians are printed with (b) / (a) (the goal,
<= 2) and the rounds' own (b) / (a). `--profile` prints a cProfile of one re-import instead.
Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Before app.config is imported: slot KDFs are not what this bench measures.
os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from import_rows import DEPARTMENTS, _numbers, _session  # noqa: E402

from app.domain.import_mapping import ImportOptions  # noqa: E402
from app.domain.purposes import PersonKind  # noqa: E402
from app.services import importing  # noqa: E402

HEADER = ["社員番号", "姓", "名", "姓（フリガナ）", "名（フリガナ）", "生年月日", "入社年月日"]
HEADER += ["部門名", "マイナンバー"]
EMPLOYEES = ImportOptions(kind=PersonKind.EMPLOYEE)
MIN_RUNS = 3


def _rows(count: int) -> list[list[str]]:
    return [
        [
            f"E{index + 1:06d}",
            "山田",
            "太郎",
            "ヤマダ",
            "タロウ",
            "1980/4/1",
            "2010/4/1",
            DEPARTMENTS[index % len(DEPARTMENTS)],
            number,
        ]
        for index, number in enumerate(_numbers(count))
    ]


def _changed(rows: list[list[str]], changes: int) -> list[list[str]]:
    """Every (N/K)-th person moved to another department; every other one of them also
    takes a new family name (a marriage)."""
    updated = [list(row) for row in rows]
    step = len(rows) // changes
    for count, index in enumerate(range(0, step * changes, step)):
        row = updated[index]
        row[7] = DEPARTMENTS[(DEPARTMENTS.index(row[7]) + 1) % len(DEPARTMENTS)]
        if count % 2:
            row[1], row[3] = "佐藤", "サトウ"
    return updated


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode("cp932"))
    return path


def _round(folder: Path, first: Path, updated: Path, rows: int, changes: int) -> dict[str, float]:
    session = _session(folder)
    try:
        start = time.perf_counter()
        report = importing.commit(session, first, options=EMPLOYEES)
        imported = time.perf_counter() - start
        if report.blocked or report.new != rows:
            raise SystemExit(f"the first file did not import cleanly: {report.problems[:3]}")
        start = time.perf_counter()
        checked = importing.dry_run(session, updated, options=EMPLOYEES)
        check = time.perf_counter() - start
        start = time.perf_counter()
        again = importing.commit(session, updated, options=EMPLOYEES)
        reimported = time.perf_counter() - start
    finally:
        session.close()
    expected = (0, changes, rows - changes)
    if (again.new, again.changed, again.unchanged) != expected or checked.blocked:
        raise SystemExit(f"the re-import was not {expected}: {again.problems[:3]}")
    return {"first": imported, "reimport": reimported, "check": check}


def _profile(folder: Path, first: Path, updated: Path) -> None:
    import cProfile
    import pstats

    session = _session(folder)
    try:
        importing.commit(session, first, options=EMPLOYEES)
        profiler = cProfile.Profile()
        profiler.enable()
        importing.commit(session, updated, options=EMPLOYEES)
        profiler.disable()
    finally:
        session.close()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one re-import and stop")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    rows = _rows(args.rows)
    samples: dict[str, list[float]] = {"first": [], "reimport": [], "check": []}
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as temp:
        folder = Path(temp)
        first = _write(folder / "2025.csv", rows)
        updated = _write(folder / "2026.csv", _changed(rows, args.changes))
        counter = iter(range(1_000_000))

        def fresh() -> Path:
            path = folder / f"vault-{next(counter)}"
            path.mkdir()
            return path

        if args.profile:
            _profile(fresh(), first, updated)
            return
        for round_index in range(runs + 1):  # round 0 is the warm-up
            measured = _round(fresh(), first, updated, args.rows, args.changes)
            if round_index:
                for name, seconds in measured.items():
                    samples[name].append(seconds)

    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    own = [r / f for r, f in zip(samples["reimport"], samples["first"], strict=True)]
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(f"rows: {args.rows:,} employees with numbers; changed in the update: {args.changes:,}")
    labels = {
        "first": "(a) first import, importing.commit",
        "reimport": "(b) re-import with the changes",
        "check": "(c) its dry run (the check alone)",
    }
    for name, label in labels.items():
        low, high = min(samples[name]) * 1000, max(samples[name]) * 1000
        print(f"{label:<40} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    print(f"re-import / first import (b) / (a) = {median['reimport'] / median['first']:.2f}")
    print(f"  the rounds' own (b) / (a): median {statistics.median(own):.2f} (goal <= 2.00)")


if __name__ == "__main__":
    main()
