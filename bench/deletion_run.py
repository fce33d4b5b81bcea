"""Deletion run cost: `app.services.deletion.execute` of a run of N numbers against a bare
DELETE of the same scattered rows with secure_delete, on the same kind of file, same run.

    python bench/deletion_run.py [--numbers N] [--office M] [--runs R] [--profile]

Goal (issue #6): a deletion run of 10,000 numbers costs at most 3x a bare DELETE of 10,000
scattered rows with secure_delete on the same file. The goal is for the deletion itself, the
one transaction of `execute` (every date re-checked, numbers, purposes and copies deleted, a
deletion record per number, an audit event per number and one for the run). The number-key
rotation `execute` runs once that has committed (`app.services.number_keys.rotate_if_due`, #14
item 13: every number left re-sealed under a new key; bench/number_key_rotation.py measures it
against its own floor) and the file rebuild after it (`maintenance.rebuild_if_pending`:
VACUUM, then the `database.rebuilt` event; when it fails the deletion stands and the rebuild is
retried at the next sign-in) are timed apart; the rebuild against a bare VACUUM of a file
holding the same rows.

Set-up, once, not timed: a throw-away vault in a temp folder (machine secret in a file; the
test KDF floor, since sign-in is not measured), a CP932 CSV of M synthetic employees (default
30,000, built as bench/import_rows.py builds it: valid synthetic numbers, three purposes)
imported with `importing.commit`, the two-person rule switched off (the office's setting), then
every (M/N)-th employee retired between 2010 and 2017 (a few thousand distinct days) by a bulk
SQL UPDATE of employee and person (status 'left', leave_date, retired_at), so N numbers
scattered through the file are due. Each round, after one warm-up round, on fresh copies of
that folder:
(a) the bare DELETE: `storage.connection.open_database` on a copy with the vault's data key
    (the vault's pragmas: secure_delete on, rollback journal, synchronous FULL), then in one
    transaction DELETE of the N people's my_number_purpose rows and my_number rows;
(b) every row the transaction of (d) writes, bare, on another copy: the DELETEs of (a) and of
    the document copies, the same deletion records (the same bytes, read back from (d)) and
    audit entries with an HMAC chain, in one transaction: what (d1) cannot go below;
(c) a bare VACUUM (`storage.connection.vacuum`) of the file (b) left;
(d) on a third copy, signed in as the manager, who proposes and approves (one member, the
    reason recorded; not timed): `deletion.execute` of the run, split by timing wrappers
    around `number_keys.rotate_if_due` and `maintenance.rebuild_if_pending` into the
    transaction (d1), the rotation (d3) and the rebuild (d2).
It prints the medians and the ratios (d1) / (a) (the goal, <= 3), (d1) / (b), (b) / (a),
(d2) / (c), (d) / (a) and (d) / ((a) + (c)), and the median of the rounds' own (d1) / (a).
`--profile` prints a cProfile of one execute
instead. Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import hmac
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

# Before app.config is imported: slot KDFs are not what this bench measures.
os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from import_rows import LOGIN, PASSWORD, _employees, _session, _write_csv  # noqa: E402

from app.clock import SystemClock  # noqa: E402
from app.services import (  # noqa: E402
    auth,
    deletion,
    importing,
    maintenance,
    number_keys,
    settings,
)
from app.session import Session  # noqa: E402
from storage import connection, crypto, deletion_repo  # noqa: E402
from storage.connection import open_database  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

# Leaving days spread over 2010-04-01 .. 2017-12 (a few thousand distinct days, as a real
# office's leavers have): every form of a 2017 leaver was kept until 2025-01-10 at the latest.
FIRST_LEFT = date(2010, 4, 1)
LEFT_SPREAD_DAYS = 2800
SINGLE_PERSON_REASON = "担当者が一人の事業所のため"
MIN_RUNS = 3


def _build_base(folder: Path, office: int, numbers: int) -> tuple[Path, list[int], bytearray]:
    """The imported office with `numbers` scattered employees retired long ago; returns its
    data folder, the retired people's ids and the data key."""
    csv_path = folder / "employees.csv"
    _write_csv(csv_path, _employees(office))
    (folder / "base").mkdir()
    session = _session(folder / "base")
    try:
        report = importing.commit(session, csv_path)
        if report.problems or report.numbers != office:
            raise SystemExit(f"the bench file did not import cleanly: {report.problems[:3]}")
        settings.change(session, "two_person_rule", "off")
        conn = session.vault.conn
        ids = [r[0] for r in conn.execute("SELECT person_id FROM my_number ORDER BY person_id")]
        step = len(ids) // numbers
        leavers = ids[step - 1 :: step][:numbers]
        rows = [
            ((FIRST_LEFT + timedelta(days=index * 7 % LEFT_SPREAD_DAYS)).isoformat(), pid)
            for index, pid in enumerate(leavers)
        ]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "UPDATE employee SET status = 'left', leave_date = ? WHERE person_id = ?", rows
        )
        conn.executemany("UPDATE person SET retired_at = ? WHERE id = ?", rows)
        conn.execute("COMMIT")
        paths, data_key = session.vault.paths, session.vault.data_key_copy()
    finally:
        session.close()
    return paths.database.parent, leavers, data_key


def _copy(base: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(base, target)
    return target


def _time_bare_delete(data: Path, data_key: bytearray, leavers: list[int]) -> float:
    """(a) the bare DELETE of the numbers and their purposes in one transaction."""
    conn = open_database(VaultPaths(data).database, data_key)
    rows = [(pid,) for pid in leavers]
    try:
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM my_number_purpose WHERE person_id = ?", rows)
        conn.executemany("DELETE FROM my_number WHERE person_id = ?", rows)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


# What one execute wrote: its reason sets, its deletion records (every column but the id) and
# its audit entries.
Written = tuple[list[tuple], list[tuple], list[tuple]]
_RECORD_COLUMNS = list(deletion_repo.RECORD_COLUMNS)


def _written(session: Session, run_id: int, after_seq: int) -> Written:
    conn = session.vault.conn
    records = conn.execute(
        f"SELECT {', '.join(_RECORD_COLUMNS)} FROM deletion_record WHERE run_id = ? ORDER BY id",
        (run_id,),
    ).fetchall()
    sets = conn.execute(
        "SELECT id, reasons, paper FROM deletion_reason_set WHERE id IN"
        " (SELECT reason_set_id FROM deletion_record WHERE run_id = ?)",
        (run_id,),
    ).fetchall()
    events = conn.execute(
        "SELECT ts, actor_id, actor_name, action, target, detail FROM audit_log WHERE seq > ?"
        " ORDER BY seq",
        (after_seq,),
    ).fetchall()
    # The run's own row does not exist in the bare copy; the rebuild's and the rotation's
    # events are not the transaction's, and the transaction wrote the method as pending (the
    # rotation then settled it).
    method = _RECORD_COLUMNS.index("method")
    rows = [
        (None, *row[1:method], number_keys.DELETION_METHOD_PENDING, *row[method + 1 :])
        for row in records
    ]
    later = {"database.rebuilt", "vault.number_key_rotated"}
    return sets, rows, [e for e in events if e[3] not in later]


def _time_same_rows_bare(
    data: Path, data_key: bytearray, leavers: list[int], written: Written
) -> tuple[float, float]:
    """(b) every row execute's transaction writes, bare: the DELETEs of (a) and of the copies,
    the same deletion records (same bytes) and audit entries with an HMAC chain, one
    transaction; then (c) a bare VACUUM of the file it leaves."""
    sets, records, events = written
    conn = open_database(VaultPaths(data).database, data_key)
    rows = [(pid,) for pid in leavers]
    chain = hmac.new(os.urandom(32), digestmod="sha256")
    marks = ", ".join("?" for _ in _RECORD_COLUMNS)
    try:
        seq, mac = conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC").fetchone()
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM verification_scan WHERE person_id = ?", rows)
        conn.executemany("DELETE FROM my_number_purpose WHERE person_id = ?", rows)
        conn.executemany("DELETE FROM my_number WHERE person_id = ?", rows)
        conn.executemany(
            "INSERT INTO deletion_reason_set (id, reasons, paper) VALUES (?, ?, ?)", sets
        )
        conn.executemany(
            f"INSERT INTO deletion_record ({', '.join(_RECORD_COLUMNS)}) VALUES ({marks})",
            records,
        )
        for ts, actor_id, actor_name, action, target, detail in events:
            seq += 1
            link = chain.copy()
            link.update(mac)
            link.update(f"{seq}|{ts}|{actor_id}|{actor_name}|{action}|{target}|{detail}".encode())
            mac = link.digest()
            conn.execute(
                "INSERT INTO audit_log (seq, ts, actor_id, actor_name, action, target, detail,"
                " mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, ts, actor_id, actor_name, action, target, detail, mac),
            )
        conn.execute("COMMIT")
        written_in = time.perf_counter() - start
        start = time.perf_counter()
        connection.vacuum(conn)
        return written_in, time.perf_counter() - start
    finally:
        conn.close()


def _approved_run(data: Path, leavers: list[int]) -> tuple[Session, int]:
    session = auth.sign_in(VaultPaths(data), LOGIN, PASSWORD, SystemClock())
    run = deletion.propose(session, leavers)
    deletion.approve(session, run.id, PASSWORD, single_person_reason=SINGLE_PERSON_REASON)
    return session, run.id


def _time_execute(data: Path, leavers: list[int]) -> tuple[float, float, float, Written]:
    """(d) deletion.execute, (d2) the rebuild and (d3) the key rotation it runs after its
    transaction."""
    session, run_id = _approved_run(data, leavers)
    after_seq = session.vault.audit_head().seq
    rebuild, rotate = maintenance.rebuild_if_pending, number_keys.rotate_if_due
    spent: dict[str, float] = {}

    def timed(name: str, call):  # type: ignore[no-untyped-def]
        def run(member: Session):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return call(member)
            finally:
                spent[name] = time.perf_counter() - start

        return run

    maintenance.rebuild_if_pending = timed("rebuild", rebuild)
    number_keys.rotate_if_due = timed("rotation", rotate)
    try:
        start = time.perf_counter()
        report = deletion.execute(session, run_id)
        elapsed = time.perf_counter() - start
        written = _written(session, run_id, after_seq)
    finally:
        maintenance.rebuild_if_pending, number_keys.rotate_if_due = rebuild, rotate
        session.close()
    clean = report.rebuilt and report.key_rotated and len(spent) == 2
    if report.deleted != len(leavers) or report.kept or not clean:
        raise SystemExit(f"the run did not delete cleanly: {report.deleted} deleted")
    return elapsed, spent["rebuild"], spent["rotation"], written


def _profile(data: Path, leavers: list[int]) -> None:
    import cProfile
    import pstats

    session, run_id = _approved_run(data, leavers)
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        deletion.execute(session, run_id)
        profiler.disable()
    finally:
        session.close()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", type=int, default=10_000, help="numbers in the run")
    parser.add_argument("--office", type=int, default=30_000, help="employees in the office")
    parser.add_argument("--runs", type=int, default=5, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one execute and stop")
    args = parser.parse_args()
    if not 0 < args.numbers <= args.office:
        raise SystemExit("--numbers must be between 1 and --office")
    runs = max(args.runs, MIN_RUNS)
    names = ("delete", "same_rows", "vacuum", "run", "rebuild", "rotation")
    samples: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as temp:
        folder = Path(temp)
        print(f"building the office ({args.office:,} employees) ...", flush=True)
        base, leavers, data_key = _build_base(folder, args.office, args.numbers)
        size = VaultPaths(base).database.stat().st_size
        try:
            if args.profile:
                _profile(_copy(base, folder, "run"), leavers)
                return
            for round_index in range(runs + 1):  # round 0 is the warm-up
                delete = _time_bare_delete(_copy(base, folder, "bare"), data_key, leavers)
                run, rebuild, rotation, written = _time_execute(_copy(base, folder, "run"), leavers)
                same, vacuum = _time_same_rows_bare(
                    _copy(base, folder, "bare"), data_key, leavers, written
                )
                if round_index:
                    for name, seconds in zip(
                        names, (delete, same, vacuum, run, rebuild, rotation), strict=True
                    ):
                        samples[name].append(seconds)
        finally:
            crypto.zero(data_key)

    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    transaction = [
        r - b - k
        for r, b, k in zip(samples["run"], samples["rebuild"], samples["rotation"], strict=True)
    ]
    median["transaction"] = statistics.median(transaction) * 1000
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(
        f"file: {args.office:,} employees with numbers, {size / 2**20:.1f} MiB;"
        f" run: {len(leavers):,} numbers, one in {args.office // args.numbers}"
    )
    labels = {
        "delete": "(a) bare DELETE, secure_delete, 1 txn",
        "same_rows": "(b) every row (d1) writes, bare, 1 txn",
        "vacuum": "(c) bare VACUUM of the file (b) left",
        "run": "(d) deletion.execute, all of it",
        "transaction": "(d1) its transaction, (d) - (d2) - (d3)",
        "rebuild": "(d2) its rebuild (rebuild_if_pending)",
        "rotation": "(d3) its key rotation (rotate_if_due)",
    }
    values = {**samples, "transaction": transaction}
    for name, label in labels.items():
        low, high = min(values[name]) * 1000, max(values[name]) * 1000
        print(f"{label:<40} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    ratios = [
        ("deletion (d1) / bare DELETE (a)", median["transaction"] / median["delete"]),
        ("deletion (d1) / its rows bare (b)", median["transaction"] / median["same_rows"]),
        ("its rows bare (b) / bare DELETE (a)", median["same_rows"] / median["delete"]),
        ("rebuild (d2) / bare VACUUM (c)", median["rebuild"] / median["vacuum"]),
        ("whole run (d) / bare DELETE (a)", median["run"] / median["delete"]),
        ("whole run (d) / ((a) + (c))", median["run"] / (median["delete"] + median["vacuum"])),
    ]
    for index, (label, ratio) in enumerate(ratios):
        print(f"{label:<38} = {ratio:5.2f}" + ("  (goal <= 3.00)" if index == 0 else ""))
    # Each round's (a) and (d1) run minutes apart at most: their ratio, round by round, is less
    # moved by the machine's drift than the ratio of medians taken over all rounds.
    paired = sorted(t / d for t, d in zip(transaction, samples["delete"], strict=True))
    print(
        f"{'per round (d1) / (a), median':<38} = {statistics.median(paired):5.2f}"
        f"   (rounds: {', '.join(f'{r:.2f}' for r in paired)})"
    )


if __name__ == "__main__":
    main()
