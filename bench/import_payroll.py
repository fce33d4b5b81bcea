"""Payroll import cost: `payroll_import.commit` of N rows against the floor it cannot go below,
measured in one run.

    python bench/import_payroll.py [--rows N] [--runs R] [--profile]

Goal (issue #16 item 3): importing a 1,000-row year-end CSV costs at most 2x the floor, where
the floor is a bare INSERT of the same year_end_entry rows (amounts and facts as JSON) plus their
audit events (one per slip and the import's summary, HMAC-chained), in one transaction, on the
same kind of SQLCipher connection (the vault's own pragmas and raw key).

Each round builds a throw-away vault (machine secret in a file; test KDF floor, since sign-in
is not measured) with N registered employees, times (a) the floor on a raw connection (year
2025, so it leaves the import's year empty), then signs in and times (b) the commit of the year
2026 file, and (c) a re-import of the same file (every slip unchanged, nothing written but the
summary). Medians after one warm-up round; the ratio (b) / (a) is printed, in wall-clock time
and in this process's CPU time (steadier on a shared PC). Prints only.
"""

from __future__ import annotations

import argparse
import csv
import hmac
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.clock import SystemClock  # noqa: E402
from app.domain.import_mapping import ImportOptions  # noqa: E402
from app.domain.purposes import PersonKind  # noqa: E402
from app.services import auth, importing, payroll_import, setup, staff  # noqa: E402
from app.session import Session  # noqa: E402
from storage import crypto  # noqa: E402
from storage.connection import open_database  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

LOGIN = "kanri"
PASSWORD = "Blue-Harbor-Lantern-41"
SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent"]
HEADER = [
    "社員番号",
    "氏名",
    "支払金額",
    "給与所得控除後の金額",
    "所得控除の額の合計額",
    "源泉徴収税額",
    "社会保険料等の金額",
    "生命保険料の控除額",
    "基礎控除の額",
    "役員",
    "退職日",
]
MIN_RUNS = 3
# CPU seconds of this process per measurement (the warm-up's included, dropped at the end): on a
# shared, loaded PC the wall-clock times swing by 2x from run to run, the CPU times much less.
CPU: dict[str, list[float]] = {"floor": [], "commit": [], "again": []}


def _amounts(index: int) -> dict[str, int]:
    payment = 3_000_000 + index * 1_000
    return {
        "payment": payment,
        "income_after_deduction": payment * 7 // 10,
        "deductions_total": 1_300_000,
        "tax": 80_000 + index,
        "social_insurance": 450_000,
        "life_insurance": 40_000,
        "basic_deduction": 680_000,
    }


def _csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for index in range(rows):
        amounts = _amounts(index)
        writer.writerow(
            [f"E{index + 1:06d}", "山田 太郎", *(f"{v:,}" for v in amounts.values()), "", ""]
        )
    return buffer.getvalue().encode("cp932")


def _people_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["従業員コード", "氏名", "フリガナ", "部署"])
    for index in range(rows):
        writer.writerow([f"E{index + 1:06d}", "山田 太郎", "ヤマダ タロウ", "総務部"])
    return buffer.getvalue().encode("utf-8")


def _vault(folder: Path, rows: int) -> VaultPaths:
    paths = VaultPaths(folder / "data")
    result = setup.initialize(
        paths,
        office_name="ベンチ事業所",
        admin_login=LOGIN,
        admin_display_name="管理 花子",
        admin_password=PASSWORD,
        clock=SystemClock(),
        insecure_file_secret=True,
    )
    session = result.session
    try:
        session.user = staff.set_scopes(session, LOGIN, SCOPES)
        people = folder / "people.csv"
        people.write_bytes(_people_csv(rows))
        report = importing.commit(session, people, options=ImportOptions(kind=PersonKind.EMPLOYEE))
        if report.problems:
            raise SystemExit(f"the people file did not import: {report.problems[:3]}")
    finally:
        session.close()
    return paths


def _session(paths: VaultPaths) -> Session:
    return auth.sign_in(paths, LOGIN, PASSWORD, SystemClock())


def _time_floor(paths: VaultPaths, rows: int) -> float:
    """The same slips and their events, bare, in one transaction."""
    session = _session(paths)
    data_key = session.vault.data_key_copy()
    session.close()
    conn = open_database(paths.database, data_key)
    crypto.zero(data_key)
    chain = hmac.new(os.urandom(32), digestmod="sha256")
    now = "2026-12-07T09:00:00+09:00"
    try:
        ids = [r[0] for r in conn.execute("SELECT person_id FROM employee ORDER BY person_id")]
        seq, mac = conn.execute("SELECT max(seq), mac FROM audit_log").fetchone()
        start, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN IMMEDIATE")
        for index, person_id in enumerate(ids[:rows]):
            amounts = json.dumps(_amounts(index), ensure_ascii=False, sort_keys=True)
            conn.execute(
                "INSERT INTO year_end_entry (person_id, year, form, slip, amounts, facts, source,"
                " updated_at, updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, 2025, "gensen_choshu", 1, amounts, "{}", "import:p.csv", now, LOGIN),
            )
            events = [("year_end.saved", f"person:{person_id}")]
            if index == rows - 1:
                events.append(("payroll.imported", "p.csv"))
            for action, target in events:
                seq += 1
                link = chain.copy()
                link.update(mac)
                link.update(f"{seq}|{action}|{target}".encode())
                mac = link.digest()
                conn.execute(
                    "INSERT INTO audit_log (seq, ts, actor_id, actor_name, action, target,"
                    " detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, now, 1, LOGIN, action, target, '{"fields": ["payment"]}', mac),
                )
        conn.execute("COMMIT")
        CPU["floor"].append(time.process_time() - cpu)
        return time.perf_counter() - start
    finally:
        conn.close()


def _time_commit(paths: VaultPaths, csv_path: Path, rows: int, fresh: bool) -> float:
    session = _session(paths)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        report = payroll_import.commit(session, csv_path, 2026)
        elapsed = time.perf_counter() - start
        CPU["commit" if fresh else "again"].append(time.process_time() - cpu)
    finally:
        session.close()
    expected = (rows, 0) if fresh else (0, rows)
    if not report.committed or (report.new, report.unchanged) != expected:
        raise SystemExit(f"the bench file did not import cleanly: {report.problems[:3]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one commit and stop")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    samples: dict[str, list[float]] = {"floor": [], "commit": [], "again": []}
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as temp:
        folder = Path(temp)
        csv_path = folder / "payroll.csv"
        csv_path.write_bytes(_csv(args.rows))
        for round_index in range(runs + 1):  # round 0 is the warm-up
            where = folder / f"round-{round_index}"
            where.mkdir()
            paths = _vault(where, args.rows)
            if args.profile:
                import cProfile
                import pstats

                session = _session(paths)
                profiler = cProfile.Profile()
                profiler.enable()
                payroll_import.commit(session, csv_path, 2026)
                profiler.disable()
                session.close()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
                return
            measured = {
                "floor": _time_floor(paths, args.rows),
                "commit": _time_commit(paths, csv_path, args.rows, fresh=True),
                "again": _time_commit(paths, csv_path, args.rows, fresh=False),
            }
            if round_index:
                for name, seconds in measured.items():
                    samples[name].append(seconds)
    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(f"rows: {args.rows:,} employees' slips of one year")
    labels = {
        "floor": "(a) bare INSERT slips + events, 1 txn",
        "commit": "(b) payroll_import.commit (new slips)",
        "again": "(c) the same file again (all unchanged)",
    }
    for name, label in labels.items():
        low, high = min(samples[name]) * 1000, max(samples[name]) * 1000
        print(f"{label:<42} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    print(f"import / floor = {median['commit'] / median['floor']:.2f} (goal <= 2.00)")
    cpu = {name: statistics.median(values[1:]) * 1000 for name, values in CPU.items()}
    print(
        f"CPU time: floor {cpu['floor']:.1f} ms, import {cpu['commit']:.1f} ms, again "
        f"{cpu['again']:.1f} ms; import / floor = {cpu['commit'] / cpu['floor']:.2f}"
    )


if __name__ == "__main__":
    main()
