"""People search cost: the `people.search` service call against the bare SQL query for the
same page on the same SQLCipher connection, measured in the same run.

    python bench/people_search.py [--people N] [--data PATH] [--runs R] [--before]

Goal (issue): searching by フリガナ prefix and by substring at 100,000 employees costs at most
2x the bare query. The office is the bulk demo (`demo --people N`: N employees, about as many
dependents, N/10 payees; built once and cached, see bench/demo_office.py).

For each search text the bench times, interleaved after one warm-up round, R times each:
(a) the bare query: `storage.people_repo.page_statement` for the same WHERE
    (`people_repo.search_condition`) without the total, LIMIT 200, rows fetched, no records
    built. For a text that is the one pass over the matching people the repository runs
    (an exact total of a substring search needs that pass; a plan that stops after 200
    matches in フリガナ order is faster for a common text and far slower for a rare one);
(b) the service: `app.services.people.search(session, text)` — NFKC, permission and scope,
    page and exact total, PersonRecords.
It prints the medians and (b) / (a). The manager holds every scope; the "dept scope" lines
give the same session only the 総務部 group in memory (nothing is written), so the scope
condition and the masked listing are measured too. `--before` also times, once per text,
the query this replaced (a count and a page over the six-way join with four LIKEs) for
comparison. Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from demo_office import LOGIN, PASSWORD, add_arguments, demo_office  # noqa: E402

from app.clock import SystemClock  # noqa: E402
from app.domain import kana  # noqa: E402
from app.services import auth, people  # noqa: E402
from app.session import Session  # noqa: E402
from storage import people_repo  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

LIMIT = 200
CASES = [
    ("フリガナ prefix (katakana)", "タナカ", False),
    ("フリガナ prefix (hiragana)", "さとう", False),
    ("フリガナ prefix (half-width)", "ﾔﾏﾓﾄ", False),
    ("フリガナ substring", "ロウ", False),
    ("フリガナ substring, rarer", "ミサキ", False),
    ("氏名 substring", "花子", False),
    ("department", "総務", False),
    ("employee code (one match)", "E0999", False),
    ("no text: the first page", "", False),
    ("dept scope: no text (masked listing)", "", True),
    ("dept scope: フリガナ substring", "ロウ", True),
]
# What people_repo.search ran before: a count and a page, each over the six-way join.
_BEFORE_SELECT = """
SELECT p.id, p.kind, p.name, p.kana, p.birth_date, p.retired_at, e.code,
       COALESCE(d1.name, d2.name), dep.employee_id, dep.relation,
       n.person_id IS NOT NULL, COALESCE(n.verification_pending, 0)
FROM person p
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d1 ON d1.id = e.department_id
LEFT JOIN dependent dep ON dep.person_id = p.id
LEFT JOIN employee owner ON owner.person_id = dep.employee_id
LEFT JOIN department d2 ON d2.id = owner.department_id
LEFT JOIN my_number n ON n.person_id = p.id
"""
_BEFORE_WHERE = (
    " WHERE p.kana_key LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\'"
    " OR e.code LIKE ? ESCAPE '\\' OR COALESCE(d1.name, d2.name) LIKE ? ESCAPE '\\'"
)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


DEPT_SCOPE = frozenset({("purpose", "tax_withholding"), ("group", "dept:総務部")})


def _member(session: Session, dept_scope: bool) -> Session:
    if not dept_scope:
        return session
    return dataclasses.replace(session, user=dataclasses.replace(session.user, scopes=DEPT_SCOPE))


def _bare(session: Session, text: str, dept_scope: bool) -> Callable[[], object]:
    """The WHERE the service builds for this member and text, LIMIT 200, no total, no
    records. With the 総務部 scope that is the page of the member's own people, which a
    masked listing shows first."""
    query = unicodedata.normalize("NFKC", text).strip()
    scope = None
    if dept_scope:
        scope = people_repo.SearchScope(departments=frozenset({"総務部"}), others_listed=False)
    where, params = people_repo.search_condition(query, kana.search_key(query), scope)
    sql = people_repo.page_statement(where, with_total=False)
    bound = {**params, "limit": LIMIT, "offset": 0}
    conn = session.vault.conn
    return lambda: conn.execute(sql, bound).fetchall()


def _before(session: Session, text: str) -> float:
    conn = session.vault.conn
    select = _BEFORE_SELECT
    where, params = "", []
    if text:
        text = unicodedata.normalize("NFKC", text).strip()
        like = f"%{text}%"
        where, params = _BEFORE_WHERE, [f"%{kana.search_key(text)}%", like, like, like]

    def run() -> None:
        conn.execute("SELECT count(*) FROM (" + select + where + ")", params).fetchone()
        conn.execute(
            select + where + " ORDER BY p.kana_key, p.id LIMIT ?", [*params, LIMIT]
        ).fetchall()

    return _timed(run)


def main() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", action="store_true", help="also time the replaced query")
    args = parser.parse_args()
    data = demo_office(args.data, args.people)
    session = auth.sign_in(VaultPaths(data), LOGIN, PASSWORD, SystemClock(), record=False)
    try:
        people_count = session.vault.conn.execute("SELECT count(*) FROM person").fetchone()[0]
        print(f"{people_count:,} people ({args.people:,} employees), {args.runs} runs each")
        print(f"{'total':>8} {'bare SQL':>10} {'service':>10} {'ratio':>6}", end="")
        print(f" {'before':>9}  search" if args.before else "  search")
        ratios = []
        for label, text, scoped in CASES:
            member = _member(session, scoped)
            bare = _bare(member, text, scoped)

            def service(member: Session = member, text: str = text) -> people.PeoplePage:
                return people.search(member, text, limit=LIMIT)

            total = service().total
            bare()
            bare_times, service_times = [], []
            for _ in range(args.runs):
                bare_times.append(_timed(bare))
                service_times.append(_timed(service))
            b, s = statistics.median(bare_times), statistics.median(service_times)
            ratios.append(s / b)
            line = f"{total:8,} {b * 1000:8.1f}ms {s * 1000:8.1f}ms {s / b:6.2f}"
            if args.before:
                line += f" {_before(member, text) * 1000:7.0f}ms"
            print(f"{line}  {label}" + (f"「{text}」" if text else ""))
        print(f"worst ratio service / bare SQL: {max(ratios):.2f}  (goal <= 2.00)")
    finally:
        session.close()


if __name__ == "__main__":
    main()
