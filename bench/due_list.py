"""Due list cost: `app.services.retention.due_list` over the demo office against a bare SQL scan
of the same tables on the same SQLCipher connection, measured in the same run.

    python bench/due_list.py [--people N] [--data PATH] [--runs R] [--profile]

Goal (issue #6): the due list of the 100,000-employee office (every stored number: about
210,000 with the dependents and payees) costs at most 3x the bare scan. The office is the bulk
demo (`demo --people N`, built once and cached, see bench/demo_office.py); its few leavers
(`app.services.demo.end_some`) leave most numbers ongoing, as in a real office.

The bench signs in as the demo manager and times, interleaved after one warm-up round, R times
each:
(a) the bare scan: the SELECT `storage.deletion_repo.retention_facts` runs (every stored number
    joined to its person, employment, dependency and contract, the purposes folded in),
    fetched with fetchall, no records built;
(b) the service: `retention.due_list(session)` (permission, the facts read, the retention
    rules applied to every number, the due / this year / later lists sorted, the month counts).
A second pair of lines gives the same session a clerk's role and only the 総務部 group in
memory (nothing is written), so the scope filter a clerk's list goes through is measured too.
It prints the counts, the medians and (b) / (a). `--profile` prints the top of a cProfile of
one due list instead. Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from demo_office import LOGIN, PASSWORD, add_arguments, demo_office  # noqa: E402

from app.clock import SystemClock  # noqa: E402
from app.domain.access import Role  # noqa: E402
from app.services import auth, retention  # noqa: E402
from app.session import Session  # noqa: E402
from storage import deletion_repo  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

CLERK_SCOPE = frozenset(
    {
        ("purpose", "tax_withholding"),
        ("purpose", "employment_insurance"),
        ("purpose", "health_pension"),
        ("group", "dept:総務部"),
    }
)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _clerk(session: Session) -> Session:
    """The same session as a clerk of the 総務部 group only, in memory."""
    user = dataclasses.replace(session.user, roles=frozenset({Role.CLERK}), scopes=CLERK_SCOPE)
    return dataclasses.replace(session, user=user)


def _bare(session: Session) -> Callable[[], object]:
    """The SELECT retention_facts runs for every number, rows fetched, nothing built."""
    sql = deletion_repo._FACTS + " ORDER BY p.id"
    conn = session.vault.conn
    return lambda: conn.execute(sql).fetchall()


def _profile(session: Session) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    retention.due_list(session)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile one due list and stop")
    args = parser.parse_args()
    data = demo_office(args.data, args.people)
    session = auth.sign_in(VaultPaths(data), LOGIN, PASSWORD, SystemClock(), record=False)
    try:
        if args.profile:
            _profile(session)
            return
        numbers = session.vault.conn.execute("SELECT count(*) FROM my_number").fetchone()[0]
        print(
            f"Python {sys.version.split()[0]} on {sys.platform}, {args.runs} runs each;"
            f" {numbers:,} stored numbers ({args.people:,} employees)"
        )
        ratios = []
        for label, member in (("manager (all)", session), ("clerk, 総務部", _clerk(session))):
            bare = _bare(member)

            def service(member: Session = member) -> retention.DueList:
                return retention.due_list(member)

            listed = service()  # the warm-up round
            bare()
            bare_times, service_times = [], []
            for _ in range(args.runs):
                bare_times.append(_timed(bare))
                service_times.append(_timed(service))
            b, s = statistics.median(bare_times), statistics.median(service_times)
            ratios.append(s / b)
            print(
                f"{label}: due {len(listed.due):,}, this year {len(listed.this_year):,},"
                f" later {len(listed.later):,}, ongoing {listed.ongoing:,}"
            )
            print(
                f"  (a) bare SELECT, fetchall   median {b * 1000:8.1f} ms"
                f"   (min {min(bare_times) * 1000:.1f}, max {max(bare_times) * 1000:.1f})"
            )
            print(
                f"  (b) retention.due_list      median {s * 1000:8.1f} ms"
                f"   (min {min(service_times) * 1000:.1f}, max {max(service_times) * 1000:.1f})"
            )
            print(f"  due list / bare scan = {s / b:.2f}")
        print(f"worst ratio due list / bare scan: {max(ratios):.2f}  (goal <= 3.00)")
    finally:
        session.close()


if __name__ == "__main__":
    main()
