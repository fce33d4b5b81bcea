"""Access-log analysis speed (issue 17: over 1,000,000 audit entries, about ten years of a
100-person office, within 2× a bare SQL aggregate of the same counts).

    python bench/audit_analysis.py [--entries N] [--runs R]

Builds a throw-away vault whose access log holds N entries spread over ten years (100 members;
reveals, outputs, failed sign-ins and other events, on weekdays 8:00–18:00 with 2 % of the
moments up to 20:00, in moments of 20 events), then times, interleaved, after one warm-up
round, R times each:

- (a) the bare SQL: the two GROUP BY queries (per day, per member) with the action lists
  written into the text, fetched on the same connection;
- (b) `log_analysis.aggregate`: the counts the charts draw, as the service computes them;
- (c) `log_analysis.analyse`: (b) plus the three anomaly rules, the acknowledgements, the
  members' names and the analysis' own audit event.

It prints the medians and the ratios (b)/(a) (the issue's goal, ≤ 2) and (c)/(a). With
`--charts` it also times (d): (b) plus filling both charts of the dialog (ui/widgets/log_charts)
and painting them offscreen at 1280×400, and prints (d)/(a).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JST = timezone(timedelta(hours=9))
FIRST = date(2016, 12, 1)
YEARS = 10
ACTIONS = (
    ("number.revealed", 30),
    ("number.copied", 5),
    ("notice.purpose_printed", 3),
    ("verification.printed", 2),
    ("signin.failed", 1),
    ("signin.succeeded", 20),
    ("signout", 19),
    ("person.updated", 15),
    ("number.registered", 5),
)


def _fill(session, count: int) -> None:
    from storage.audit_chain import AuditEvent

    rng = random.Random(17)
    names, weights = zip(*ACTIONS, strict=True)
    days = YEARS * 365
    per_moment = 20
    start = datetime(FIRST.year, FIRST.month, FIRST.day, 8, tzinfo=JST)
    moments = count // per_moment
    with session.vault.write() as writer:
        for m in range(moments):
            day = start + timedelta(days=m * days // moments)
            # An office's working days and hours, with a few moments in the evening.
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            late = rng.random() < 0.02
            at = day + timedelta(minutes=rng.randrange(12 * 60 if late else 10 * 60))
            actor = rng.randrange(1, 101)
            events = [
                AuditEvent(
                    actor, f"staff{actor:03d}", action, f"person:{rng.randrange(1, 5000)}", {}
                )
                for action in rng.choices(names, weights, k=per_moment)
            ]
            writer.audit_all(events, at)


def _bare(conn, first: date, last: date) -> int:
    from app.domain.log_rules import FAILED_ACTIONS, REVEAL_ACTIONS
    from app.services.log_analysis import OUTPUT_ACTIONS

    def listed(actions) -> str:
        return "(" + ", ".join(f"'{a}'" for a in actions) + ")"

    every = listed(dict.fromkeys((*REVEAL_ACTIONS, *OUTPUT_ACTIONS, *FAILED_ACTIONS)))
    sums = (
        f"sum(action IN {listed(REVEAL_ACTIONS)}), sum(action IN {listed(OUTPUT_ACTIONS)}),"
        f" sum(action IN {listed(FAILED_ACTIONS)})"
    )
    rows = 0
    for key in ("substr(ts, 1, 10)", "actor_name"):
        rows += len(
            conn.execute(
                f"SELECT {key} AS k, {sums} FROM audit_log WHERE action IN {every}"
                " AND ts >= ? AND ts < ? GROUP BY k ORDER BY k",
                (first.isoformat(), (last + timedelta(days=1)).isoformat()),
            ).fetchall()
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--charts", action="store_true")
    args = parser.parse_args()
    charts = None
    if args.charts:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from ui.widgets.log_charts import DailyChart, MemberChart

        app = QApplication([])
        charts = (DailyChart(), MemberChart())
        for chart in charts:
            chart.resize(1280, 400)
    os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"
    from app.clock import FakeClock
    from app.services import log_analysis, setup
    from storage.vault import VaultPaths

    clock = FakeClock(datetime(2026, 12, 1, 9, tzinfo=JST))
    with tempfile.TemporaryDirectory() as folder:
        result = setup.initialize(
            VaultPaths(Path(folder) / "data"),
            office_name="ベンチ事業所",
            admin_login="kanri",
            admin_display_name="管理 花子",
            admin_password="Blue-Harbor-Lantern-41",
            clock=clock,
            insecure_file_secret=True,
        )
        session = result.session
        started = time.perf_counter()
        _fill(session, args.entries)
        print(f"log filled: {args.entries:,} entries in {time.perf_counter() - started:.1f} s")
        conn = session.vault.conn
        first, last = FIRST, date(2026, 11, 30)
        timings: dict[str, list[float]] = {"bare": [], "aggregate": [], "analyse": [], "charts": []}
        flags = 0
        for run in range(args.runs + 1):
            t0 = time.perf_counter()
            _bare(conn, first, last)
            t1 = time.perf_counter()
            log_analysis.aggregate(conn, first, last)
            t2 = time.perf_counter()
            flags = len(log_analysis.analyse(session, first, last).flags)
            t3 = time.perf_counter()
            if charts is not None:
                by_day, by_user = log_analysis.aggregate(conn, first, last)
                charts[0].show_days(by_day, first, last)
                charts[1].show_members(by_user, {})
                for chart in charts:
                    chart.grab()
                app.processEvents()
            t4 = time.perf_counter()
            if run:  # the first round warms the page cache
                timings["bare"].append(t1 - t0)
                timings["aggregate"].append(t2 - t1)
                timings["analyse"].append(t3 - t2)
                timings["charts"].append(t4 - t3)
        session.close()
    bare, aggregate, analyse, drawn = (statistics.median(timings[k]) for k in timings)
    print(f"(a) bare SQL aggregate (2 GROUP BY)  : {bare * 1000:8.1f} ms")
    print(f"(b) log_analysis.aggregate           : {aggregate * 1000:8.1f} ms")
    print(f"(c) log_analysis.analyse ({flags:,} flags): {analyse * 1000:8.1f} ms")
    print(f"ratio (b)/(a) (goal <= 2)            : {aggregate / bare:8.2f}")
    print(f"ratio (c)/(a)                        : {analyse / bare:8.2f}")
    if charts is not None:
        print(f"(d) aggregate + both charts painted   : {drawn * 1000:8.1f} ms")
        print(f"ratio (d)/(a)                        : {drawn / bare:8.2f}")


if __name__ == "__main__":
    main()
