"""Audit-chain verification speed (SECURITY.md LOG-01: 100k entries in under a second).

    python bench/audit_chain.py [--entries N]

Prints the time to verify N entries in a real SQLCipher vault next to the floor measured in
the same run: the same N HMAC-SHA256 computations over the same bytes with no database.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    count = parser.parse_args().entries
    os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"
    from app.clock import SystemClock
    from app.services import audit, setup

    with tempfile.TemporaryDirectory() as folder:
        from storage.vault import VaultPaths

        result = setup.initialize(
            VaultPaths(Path(folder) / "data"),
            office_name="ベンチ事業所",
            admin_login="kanri",
            admin_display_name="管理 花子",
            admin_password="Blue-Harbor-Lantern-41",
            clock=SystemClock(),
            insecure_file_secret=True,
        )
        session = result.session
        with session.vault.write() as writer:
            for n in range(count):
                audit.record(
                    writer,
                    session,
                    "bench.event",
                    target=f"person-{n}",
                    detail={"purpose": "tax_withholding", "n": n},
                )
        rows = session.vault.conn.execute(
            "SELECT seq, ts, actor_id, actor_name, action, target, detail FROM audit_log"
        ).fetchall()
        payloads = [repr(row).encode("utf-8") for row in rows]
        key = os.urandom(32)
        start = time.perf_counter()
        previous = b"\0" * 32
        for payload in payloads:
            previous = hmac.new(key, previous + payload, hashlib.sha256).digest()
        floor = time.perf_counter() - start
        start = time.perf_counter()
        head = session.vault.verify_audit()
        verify = time.perf_counter() - start
        session.close()
    print(f"entries verified                 : {head.seq:,}")
    print(f"floor: bare HMAC chain, no SQL   : {floor * 1000:8.1f} ms")
    print(f"verify_audit (SQLCipher + chain) : {verify * 1000:8.1f} ms")
    print(f"ratio verify / floor             : {verify / floor:8.2f}")
    print(f"LOG-01 goal (< 1 s for 100k)     : {'met' if verify < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
