"""Unlock cost: full sign-in against what it cannot avoid, measured in the same run.

    python bench/unlock.py [--runs N]

With the Argon2id parameters a new slot gets on this PC (64 MiB, iterations calibrated to
about half a second; never the test floor) it times
(a) one bare Argon2id derivation, (b) a raw SQLCipher open of the vault with its raw key plus the
first read, and (c) a full sign-in (app.services.auth.sign_in, record=False) and close. Each is
repeated N >= 7 times, interleaved, after one warm-up round; medians are printed with the ratio
`sign-in / (KDF + raw open)` and the sign-in's own overhead `sign-in - KDF` (goal <= 30 ms).
Prints only, never asserts on time. The data folder is a throw-away demo-style vault whose
machine secret is in a file (insecure_file_secret=True), so no OS keyring is needed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Before app.config is imported: this bench measures the real cost, not the test floor.
os.environ.pop("MYNUMBER_DESK_FAST_KDF_FOR_TESTS", None)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import config  # noqa: E402
from app.clock import SystemClock  # noqa: E402
from app.services import auth, setup  # noqa: E402
from storage import crypto  # noqa: E402
from storage.connection import open_database  # noqa: E402
from storage.keyslots import SlotFile  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

LOGIN = "kanri"
PASSWORD = "Blue-Harbor-Lantern-41"
MIN_RUNS = 7


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _slot_kdf(paths: VaultPaths) -> crypto.KdfParams:
    slots = SlotFile.load(paths.slots)
    for slot in slots.slots.values():
        if slot.get("kind") == "user":
            return crypto.KdfParams.from_json(slot["private_key"]["kdf"])
    raise SystemExit("no user slot in the bench vault")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help=f"repetitions (at least {MIN_RUNS})")
    runs = max(parser.parse_args().runs, MIN_RUNS)
    kdf = config.slot_kdf()
    if kdf.memory_kib < crypto.DEFAULT_KDF.memory_kib or kdf == crypto.FLOOR_KDF:
        raise SystemExit("the KDF in force is the test floor; unset MYNUMBER_DESK_FAST_KDF...")

    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="mnd-bench-") as folder:
        paths = VaultPaths(Path(folder) / "data")
        result = setup.initialize(
            paths,
            office_name="ベンチ事業所",
            admin_login=LOGIN,
            admin_display_name="管理 花子",
            admin_password=PASSWORD,
            clock=clock,
            insecure_file_secret=True,
        )
        data_key = result.session.vault.data_key_copy()
        result.session.close()
        if _slot_kdf(paths) != kdf:
            raise SystemExit(f"the user slot was made with {_slot_kdf(paths)}, not {kdf}")

        password = PASSWORD.encode("utf-8")

        def bare_kdf() -> None:
            crypto.zero(crypto.argon2id(password, os.urandom(16), kdf))

        def raw_open() -> None:
            conn = open_database(paths.database, data_key)
            try:
                conn.execute("SELECT count(*) FROM staff").fetchone()
            finally:
                conn.close()

        def sign_in() -> None:
            auth.sign_in(paths, LOGIN, PASSWORD, clock, record=False).close()

        cases = {"kdf": bare_kdf, "raw": raw_open, "signin": sign_in}
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for action in cases.values():  # warm-up: imports, page cache, first allocation
            action()
        for _ in range(runs):
            for name, action in cases.items():
                samples[name].append(_timed(action))
        crypto.zero(data_key)

    median = {name: _ms(statistics.median(values)) for name, values in samples.items()}
    spread = {name: (_ms(min(values)), _ms(max(values))) for name, values in samples.items()}
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, {runs} runs")
    print(
        f"Argon2id: memory {kdf.memory_kib // 1024} MiB, "
        f"iterations {kdf.iterations}, lanes {kdf.lanes} (calibrated on this PC)"
    )
    labels = {
        "kdf": "(a) Argon2id alone",
        "raw": "(b) raw SQLCipher open + first read",
        "signin": "(c) full sign-in (record=False) + close",
    }
    for name, label in labels.items():
        low, high = spread[name]
        print(f"{label:<42} median {median[name]:8.1f} ms   (min {low:.1f}, max {high:.1f})")
    floor = median["kdf"] + median["raw"]
    print(f"sign-in / (KDF + raw open) = {median['signin'] / floor:.2f}")
    print(f"sign-in - KDF = {median['signin'] - median['kdf']:.0f} ms (goal <= 30 ms)")


if __name__ == "__main__":
    main()
