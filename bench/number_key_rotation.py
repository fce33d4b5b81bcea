"""Number-key rotation cost: `app.services.number_keys.rotate` over N stored numbers against the
bare re-seal of the same rows in one transaction on a copy of the same file, same run.

    python bench/number_key_rotation.py [--numbers N] [--runs R] [--profile]

Goal (#14 item 1, SECURITY.md §6a): a rotation after a revocation or a deletion run re-seals
every number in one transaction; for 100,000 numbers it costs at most 1.5x the bare re-seal,
which is itself about 0.3 s of AES-GCM plus the row updates.

Set-up, once, not timed: a throw-away vault in a temp folder (machine secret in a file; the
test KDF floor, since sign-in is not measured) with N synthetic employees (default 100,000,
built as bench/import_rows.py builds them: valid synthetic numbers, three purposes) imported
with `importing.commit`. Each round, after one warm-up round, on fresh copies of that folder:
(a) the cryptography alone, in memory: every sealed number (read beforehand) opened under the
    old key, sealed under a new one and its blind index computed (number_cipher.Resealer);
(b) the bare re-seal: `storage.connection.open_database` on a copy with the vault's data key
    (secure_delete, rollback journal, synchronous FULL), then in one transaction every
    (person_id, sealed) read, (a) done, and one executemany UPDATE of sealed and blind_index;
(c) on another copy, signed in as the manager (not timed): `number_keys.rotate`, i.e. the
    pending key written to the slot file, the transaction of (b) with the key check, the
    deletion records' method and the audit event, then the slot file written again.
It prints the medians and (c) / (b) (the goal, <= 1.5) and (b) / (a). `--profile` prints a
cProfile of one rotation instead. Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import shutil
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

from import_rows import LOGIN, PASSWORD, _employees, _session, _write_csv  # noqa: E402

from app.clock import SystemClock  # noqa: E402
from app.services import auth, importing, number_keys, numbers  # noqa: E402
from storage import crypto, number_cipher, number_key_repo  # noqa: E402
from storage.connection import open_database  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

MIN_RUNS = 3


def _build_base(folder: Path, count: int) -> tuple[Path, bytearray, bytearray]:
    """The imported office; returns its data folder, the data key and the number key."""
    csv_path = folder / "employees.csv"
    _write_csv(csv_path, _employees(count))
    (folder / "base").mkdir()
    session = _session(folder / "base")
    try:
        report = importing.commit(session, csv_path)
        if report.problems or report.numbers != count:
            raise SystemExit(f"the bench file did not import cleanly: {report.problems[:3]}")
        paths = session.vault.paths
        keys = session.vault.data_key_copy(), bytearray(session.vault.number_key())
    finally:
        session.close()
    return paths.database.parent, *keys


def _copy(base: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(base, target)
    return target


def _reseal(rows: list[tuple[int, bytes]], old: bytearray) -> list[tuple[bytes, bytes, int]]:
    new = crypto.random_key()
    resealer = number_cipher.Resealer(old, new)
    try:
        out = []
        for person_id, sealed in rows:
            blob, index = resealer.number(sealed, numbers.record_id(person_id))
            out.append((blob, index, person_id))
        return out
    finally:
        resealer.wipe()
        crypto.zero(new)


def _time_crypto(data: Path, data_key: bytearray, number_key: bytearray) -> float:
    """(a) the re-seal of every number in memory."""
    conn = open_database(VaultPaths(data).database, data_key)
    try:
        rows = [
            (int(p), bytes(s)) for p, s in conn.execute("SELECT person_id, sealed FROM my_number")
        ]
    finally:
        conn.close()
    start = time.perf_counter()
    _reseal(rows, number_key)
    return time.perf_counter() - start


def _time_bare(data: Path, data_key: bytearray, number_key: bytearray) -> float:
    """(b) read, re-seal and UPDATE every number in one transaction."""
    conn = open_database(VaultPaths(data).database, data_key)
    try:
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        rows = [
            (int(p), bytes(s)) for p, s in conn.execute("SELECT person_id, sealed FROM my_number")
        ]
        conn.executemany(
            "UPDATE my_number SET sealed = ?, blind_index = ? WHERE person_id = ?",
            _reseal(rows, number_key),
        )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def _time_rotation(data: Path, count: int) -> float:
    """(c) number_keys.rotate, signed in as the manager (the sign-in not timed)."""
    session = auth.sign_in(VaultPaths(data), LOGIN, PASSWORD, SystemClock())
    try:
        with session.vault.write() as writer:
            number_keys.mark_due(writer.conn, number_keys.REVOCATION, "2026-11-23T09:00:00")
        start = time.perf_counter()
        outcome = number_keys.rotate(session)
        elapsed = time.perf_counter() - start
        if not outcome.rotated or outcome.numbers != count:
            raise SystemExit(f"the rotation did not re-seal every number: {outcome}")
        if number_key_repo.state(session.vault.conn).rotation_due is not None:
            raise SystemExit("the rotation left itself due")
    finally:
        session.close()
    return elapsed


def _profile(data: Path) -> None:
    import cProfile
    import pstats

    session = auth.sign_in(VaultPaths(data), LOGIN, PASSWORD, SystemClock())
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        number_keys.rotate(session)
        profiler.disable()
    finally:
        session.close()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", type=int, default=100_000, help="stored numbers")
    parser.add_argument("--runs", type=int, default=5, help=f"repetitions (at least {MIN_RUNS})")
    parser.add_argument("--profile", action="store_true", help="profile one rotation and stop")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    names = ("crypto", "bare", "rotation")
    samples: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as temp:
        folder = Path(temp)
        print(f"building the office ({args.numbers:,} employees) ...", flush=True)
        base, data_key, number_key = _build_base(folder, args.numbers)
        size = VaultPaths(base).database.stat().st_size
        try:
            if args.profile:
                _profile(_copy(base, folder, "run"))
                return
            for round_index in range(runs + 1):  # round 0 is the warm-up
                crypto_only = _time_crypto(base, data_key, number_key)
                bare = _time_bare(_copy(base, folder, "bare"), data_key, number_key)
                rotation = _time_rotation(_copy(base, folder, "run"), args.numbers)
                if round_index:
                    for name, seconds in zip(names, (crypto_only, bare, rotation), strict=True):
                        samples[name].append(seconds)
        finally:
            crypto.zero(data_key)
            crypto.zero(number_key)

    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(f"file: {args.numbers:,} employees with numbers, {size / 2**20:.1f} MiB")
    labels = {
        "crypto": "(a) re-seal in memory (AES-GCM, index)",
        "bare": "(b) bare re-seal, 1 txn",
        "rotation": "(c) number_keys.rotate",
    }
    for name, label in labels.items():
        low, high = min(samples[name]) * 1000, max(samples[name]) * 1000
        print(f"{label:<40} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    print(
        f"{'rotation (c) / bare re-seal (b)':<38} = {median['rotation'] / median['bare']:5.2f}"
        "  (goal <= 1.50)"
    )
    print(f"{'bare re-seal (b) / crypto (a)':<38} = {median['bare'] / median['crypto']:5.2f}")
    paired = sorted(r / b for r, b in zip(samples["rotation"], samples["bare"], strict=True))
    print(
        f"{'per round (c) / (b), median':<38} = {statistics.median(paired):5.2f}"
        f"   (rounds: {', '.join(f'{r:.2f}' for r in paired)})"
    )


if __name__ == "__main__":
    main()
