"""Import cost: `importing.commit` of N rows against the floor it cannot go below, same run.

    python bench/import_rows.py [--rows N] [--runs R] [--profile]

Goal (issue): importing 10,000 rows costs at most 2x the floor, where the floor is
(a) a bare INSERT of N person rows and N employee rows, in one transaction, on the same kind of
SQLCipher connection (the vault's own pragmas and raw key), plus
(b) AES-256-GCM sealing N numbers with the record id as associated data
(storage.number_cipher.seal_number).

Each run builds a throw-away vault in a temp folder (machine secret in a file, so no OS keyring
is needed; the test KDF floor, since sign-in is not what is measured), writes a CSV of N
synthetic employees with valid synthetic numbers (check digit correct, none real), and times
(c) `importing.commit` on it. (a) runs in a second throw-away database opened with the same
`storage.connection.open_database`, so both start from an empty person table. Two more figures
say where the time goes: (d) `importing.dry_run` (the check alone) and (e) every row the import
writes (person, employee, number, purposes, two audit entries with their HMAC chain) inserted
bare. Runs are interleaved after one warm-up round; medians are printed with the ratios
(c) / ((a) + (b)) and (c) / (e). `--profile` prints the top of a cProfile of one commit
instead. Prints only, never asserts.
"""

from __future__ import annotations

import argparse
import csv
import hmac
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# Before app.config is imported: slot KDFs are not what this bench measures.
os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.clock import SystemClock  # noqa: E402
from app.domain.import_layout import FIELDS  # noqa: E402
from app.services import demo, importing, setup, staff  # noqa: E402
from app.session import Session  # noqa: E402
from storage import crypto, number_cipher  # noqa: E402
from storage.connection import open_database  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

LOGIN = "kanri"
PASSWORD = "Blue-Harbor-Lantern-41"
SCOPES = ["purpose:tax_withholding", "purpose:employment_insurance", "purpose:health_pension"]
SCOPES += ["kind:employee"]
DEPARTMENTS = ["総務部", "経理部", "介護課", "営業部", "製造部"]
MIN_RUNS = 3


def _numbers(count: int, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    while len(seen) < count:
        seen.add(demo.synthetic_number(rng))
    return sorted(seen, key=lambda _n: rng.random())


def _employees(count: int) -> list[dict[str, str]]:
    rows = []
    for index, number in enumerate(_numbers(count)):
        rows.append(
            {
                "kind": "従業員",
                "code": f"E{index + 1:06d}",
                "name": "山田 太郎",
                "kana": "ヤマダ タロウ",
                "birth_date": "1980-04-01",
                "department": DEPARTMENTS[index % len(DEPARTMENTS)],
                "hire_date": "2010-04-01",
                "number": number,
                "purposes": "源泉徴収事務、雇用保険届出事務、健康保険・厚生年金保険届出事務",
            }
        )
    return rows


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    for row in rows:
        writer.writerow([row.get(key, "") for key in FIELDS])
    path.write_bytes(buffer.getvalue().encode("cp932"))


def _session(folder: Path) -> Session:
    result = setup.initialize(
        VaultPaths(folder / "data"),
        office_name="ベンチ事業所",
        admin_login=LOGIN,
        admin_display_name="管理 花子",
        admin_password=PASSWORD,
        clock=SystemClock(),
        insecure_file_secret=True,
    )
    session = result.session
    session.user = staff.set_scopes(session, LOGIN, SCOPES)
    return session


def _time_commit(folder: Path, csv_path: Path, rows: int) -> float:
    session = _session(folder)
    try:
        start = time.perf_counter()
        report = importing.commit(session, csv_path)
        elapsed = time.perf_counter() - start
    finally:
        session.close()
    if report.problems or report.numbers != rows:
        raise SystemExit(f"the bench file did not import cleanly: {report.problems[:3]}")
    return elapsed


def _time_dry_run(folder: Path, csv_path: Path) -> float:
    session = _session(folder)
    try:
        start = time.perf_counter()
        importing.dry_run(session, csv_path)
        return time.perf_counter() - start
    finally:
        session.close()


def _time_bare_insert(folder: Path, rows: list[dict[str, str]]) -> float:
    """The same person and employee rows, prepared, in one transaction, on a fresh vault
    database (same schema, pragmas and raw key); no checks, no audit, no numbers."""
    session = _session(folder)
    paths, data_key = session.vault.paths, session.vault.data_key_copy()
    session.close()
    conn = open_database(paths.database, data_key)
    crypto.zero(data_key)
    now = "2026-11-23T09:00:00+09:00"
    try:
        conn.executemany(
            "INSERT INTO department (name) VALUES (?)", [(name,) for name in DEPARTMENTS]
        )
        dept_ids = dict(conn.execute("SELECT name, id FROM department").fetchall())
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for row in rows:
            cur = conn.execute(
                "INSERT INTO person (kind, name, kana, kana_key, birth_date, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ("employee", row["name"], row["kana"], "ヤマダタロウ", row["birth_date"], now, now),
            )
            conn.execute(
                "INSERT INTO employee (person_id, code, department_id, hire_date)"
                " VALUES (?, ?, ?, ?)",
                (cur.lastrowid, row["code"], dept_ids[row["department"]], row["hire_date"]),
            )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def _time_same_rows_bare(folder: Path, rows: list[dict[str, str]]) -> float:
    """Every row the import writes (person, employee, my_number, its three purposes and two
    audit entries, indexes included), sealed, indexed and HMAC-chained, with none of the
    import's checks or service layers: what the import's writing cannot go below."""
    session = _session(folder)
    paths, data_key = session.vault.paths, session.vault.data_key_copy()
    session.close()
    conn = open_database(paths.database, data_key)
    crypto.zero(data_key)
    key = os.urandom(32)
    sealer, index_key = AESGCM(key), crypto.hkdf(key, salt=b"", info=b"bench index")
    chain = hmac.new(os.urandom(32), digestmod="sha256")
    now = "2026-11-23T09:00:00+09:00"
    purposes = ("employment_insurance", "health_pension", "tax_withholding")
    try:
        conn.executemany(
            "INSERT INTO department (name) VALUES (?)", [(name,) for name in DEPARTMENTS]
        )
        dept_ids = dict(conn.execute("SELECT name, id FROM department").fetchall())
        seq, mac = conn.execute("SELECT max(seq), mac FROM audit_log").fetchone()
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for row in rows:
            person_id = conn.execute(
                "INSERT INTO person (kind, name, kana, kana_key, birth_date, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ("employee", row["name"], row["kana"], "ヤマダタロウ", row["birth_date"], now, now),
            ).lastrowid
            conn.execute(
                "INSERT INTO employee (person_id, code, department_id, hire_date)"
                " VALUES (?, ?, ?, ?)",
                (person_id, row["code"], dept_ids[row["department"]], row["hire_date"]),
            )
            digits = row["number"].encode("ascii")
            nonce = os.urandom(12)
            conn.execute(
                "INSERT INTO my_number (person_id, sealed, blind_index, registered_at)"
                " VALUES (?, ?, ?, ?)",
                (
                    person_id,
                    b"\x01" + nonce + sealer.encrypt(nonce, digits, b"person:%d" % person_id),
                    hmac.digest(bytes(index_key), digits, "sha256"),
                    now,
                ),
            )
            conn.executemany(
                "INSERT INTO my_number_purpose (person_id, purpose) VALUES (?, ?)",
                [(person_id, purpose) for purpose in purposes],
            )
            for action in ("person.registered", "number.registered"):
                seq += 1
                link = chain.copy()
                link.update(mac)
                link.update(f"{seq}|{action}|person:{person_id}".encode())
                mac = link.digest()
                conn.execute(
                    "INSERT INTO audit_log (seq, ts, actor_id, actor_name, action, target,"
                    " detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        seq,
                        now,
                        1,
                        LOGIN,
                        action,
                        f"person:{person_id}",
                        '{"source": "import"}',
                        mac,
                    ),
                )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def _time_sealing(rows: list[dict[str, str]]) -> float:
    key = bytearray(os.urandom(32))
    start = time.perf_counter()
    for person_id, row in enumerate(rows, start=1):
        number_cipher.seal_number(key, row["number"], f"person:{person_id}")
    elapsed = time.perf_counter() - start
    crypto.zero(key)
    return elapsed


def _profile(folder: Path, csv_path: Path) -> None:
    import cProfile
    import pstats

    session = _session(folder)
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        importing.commit(session, csv_path)
        profiler.disable()
    finally:
        session.close()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one commit and stop")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    rows = _employees(args.rows)
    samples: dict[str, list[float]] = {
        name: [] for name in ("insert", "seal", "commit", "check", "same_rows")
    }
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as temp:
        folder = Path(temp)
        csv_path = folder / "employees.csv"
        _write_csv(csv_path, rows)
        counter = iter(range(1_000_000))

        def fresh() -> Path:
            path = folder / f"vault-{next(counter)}"
            path.mkdir()
            return path

        if args.profile:
            _profile(fresh(), csv_path)
            return
        for round_index in range(runs + 1):  # round 0 is the warm-up
            measured = {
                "insert": _time_bare_insert(fresh(), rows),
                "seal": _time_sealing(rows),
                "commit": _time_commit(fresh(), csv_path, len(rows)),
                "check": _time_dry_run(fresh(), csv_path),
                "same_rows": _time_same_rows_bare(fresh(), rows),
            }
            if round_index:
                for name, seconds in measured.items():
                    samples[name].append(seconds)

    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    floor = median["insert"] + median["seal"]
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(f"rows: {len(rows):,} employees, each with a number")
    labels = {
        "insert": "(a) bare INSERT person + employee, 1 txn",
        "seal": "(b) AES-GCM sealing of the numbers",
        "commit": "(c) importing.commit",
        "check": "(d) importing.dry_run (its check alone)",
        "same_rows": "(e) every row the import writes, bare",
    }
    for name, label in labels.items():
        low, high = min(samples[name]) * 1000, max(samples[name]) * 1000
        print(f"{label:<44} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    print(f"floor (a) + (b)                              median {floor:8.1f} ms")
    print(f"import / floor (a) + (b) = {median['commit'] / floor:.2f} (goal <= 2.00)")
    print(f"import / (e)             = {median['commit'] / median['same_rows']:.2f}")


if __name__ == "__main__":
    main()
