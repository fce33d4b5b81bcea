"""kill -9 during a deletion run of about 2,000 numbers (SECURITY.md §7; SPEC §4).

A child (tests/support/crash_child.py, mode `delete`) signs in as the clerk and executes one
approved run; the parent kills it at a random moment, reopens the data folder and checks that
the run happened whole or not at all: every number of the run gone with a deletion record
each, the run executed and the events logged; or every number there, no record, the run still
approved. Never a mix. Both page checks pass and the audit chain verifies every time, and a
kill during the number-key rotation or the VACUUM that follow the commit leaves the committed
deletion in place; whatever the kill left, the manager's slot gives the key every number left
opens with, and a kill inside the rotation is finished by the next sign-in (#14 item 13).

The office is built once and its files (database, slot file, this PC's keyring) are copied
back before each cycle, so every child meets the same approved run.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from random import Random

import pytest

from app.services import auth, deletion, demo, numbers, staff
from app.session import Session
from storage import crypto, number_cipher, number_key_repo, page_scan
from storage.connection import Connection, integrity_problems
from storage.vault import VaultPaths
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member
from tests.storage.test_crash import Child, Children

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows needs TerminateProcess"),
]

CLERK = "tanto"
EMPLOYEES = 950  # with dependents and payees: about 2,000 numbers
KEPT_OUT = 25  # numbers left out of the run: they must survive every outcome
CYCLES = 12  # the first runs to the end untouched and times the two phases


@dataclass
class Template:
    files: dict[Path, bytes]  # every file of the data folder and this PC's keyring
    run_id: int
    in_run: list[int]
    outside: list[int]
    sealed: list[bytes]  # the sealed blobs of the run's numbers, for the wipe check

    def restore(self, data: VaultPaths) -> None:
        for stale in data.data_dir.glob("vault.db-*"):
            stale.unlink()
        for path, content in self.files.items():
            path.write_bytes(content)


@pytest.fixture
def approved_run(office: Office, keyring_file: Path) -> Template:
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, demo.ALL_SCOPES)
    demo.populate(manager, EMPLOYEES, bulk=True)
    add_member(office, CLERK, ["clerk"], CLERK_PASSWORD, scopes=demo.ALL_SCOPES)
    conn = manager.vault.conn
    everyone = [int(r[0]) for r in conn.execute("SELECT person_id FROM my_number ORDER BY 1")]
    in_run, outside = everyone[KEPT_OUT:], everyone[:KEPT_OUT]
    clerk = auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    try:
        run = deletion.propose(clerk, in_run, reason="事業の廃止により利用の必要がなくなったため")
    finally:
        clerk.close()
    deletion.approve(manager, run.id, MANAGER_PASSWORD)
    marks = ", ".join("?" for _ in in_run)
    sealed = [
        bytes(r[0])
        for r in conn.execute(f"SELECT sealed FROM my_number WHERE person_id IN ({marks})", in_run)
    ]
    manager.close()
    files = {
        path: path.read_bytes()
        for path in (office.data.database, office.data.slots, keyring_file)
        if path.exists()
    }
    assert not page_scan.journal_path(office.data.database).exists()
    return Template(files, run.id, in_run, outside, sealed)


# A journal SQLite does not roll back: killed before its header was written (empty) or before
# its first sync (the magic still zeroed).
_NOT_HOT = (b"", bytes(8))


@dataclass(frozen=True)
class Outcome:
    executed: bool  # True: all of the run happened; False: none of it
    left_of_deleted: int  # copies of the run's sealed blobs on any page after the reopen
    free_pages: int  # left by a rebuild that did not finish
    leftover_pages: int  # past the page count: a rebuild killed between commit and truncation


def _count(conn: Connection, sql: str, params: tuple[object, ...] | list[int] = ()) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def _check(session: Session, template: Template, cycle: int) -> Outcome:
    """Sound, and all or nothing; how many blobs of the deleted numbers any page still has."""
    conn = session.vault.conn
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == [], cycle
    assert integrity_problems(conn) == [], cycle
    session.vault.verify_audit()
    marks = ", ".join("?" for _ in template.in_run)
    present = _count(
        conn, f"SELECT count(*) FROM my_number WHERE person_id IN ({marks})", template.in_run
    )
    purposes = _count(
        conn,
        f"SELECT count(*) FROM my_number_purpose WHERE person_id IN ({marks})",
        template.in_run,
    )
    records = _count(
        conn, "SELECT count(*) FROM deletion_record WHERE run_id = ?", (template.run_id,)
    )
    deleted_events = _count(conn, "SELECT count(*) FROM audit_log WHERE action = 'number.deleted'")
    executed_events = _count(
        conn, "SELECT count(*) FROM audit_log WHERE action = 'deletion.executed'"
    )
    state = conn.execute(
        "SELECT state FROM deletion_run WHERE id = ?", (template.run_id,)
    ).fetchone()[0]
    outside = ", ".join("?" for _ in template.outside)
    assert _count(
        conn, f"SELECT count(*) FROM my_number WHERE person_id IN ({outside})", template.outside
    ) == len(template.outside), f"cycle {cycle}: a number outside the run went"
    # Killed anywhere in the number-key rotation that follows the commit (#14 item 13): the
    # key the manager's slot gives (the old, the pending or the new one, as the database's
    # check says) opens every number left.
    for person_id, sealed in conn.execute("SELECT person_id, sealed FROM my_number"):
        number_cipher.open_number(
            session.vault.number_key(), bytes(sealed), numbers.record_id(person_id)
        )
    seen = (state, present, purposes > 0, records, deleted_events, executed_events)
    everything = ("executed", 0, False, len(template.in_run), len(template.in_run), 1)
    nothing = ("approved", len(template.in_run), True, 0, 0, 0)
    assert seen in (everything, nothing), f"cycle {cycle}: a partial run {seen}"
    left = 0
    if seen == everything:
        key = session.vault.data_key_copy()
        try:
            left = len(page_scan.find(session.vault.paths.database, key, template.sealed))
        finally:
            crypto.zero(key)
    free = _count(conn, "PRAGMA freelist_count")
    # What `verify --deep` checks: every page of the file decrypted and its HMAC recomputed.
    # A tail left past the page count is not damage (issue 14 item 6).
    key = session.vault.data_key_copy()
    try:
        report = page_scan.scan_held(conn, session.vault.paths.database, key)
    finally:
        crypto.zero(key)
    assert report.ok, f"cycle {cycle}: deep check reports damage {report}"
    return Outcome(seen == everything, left, free, report.leftover_pages)


def test_a_killed_deletion_run_happened_whole_or_not_at_all(
    office: Office, approved_run: Template, tmp_path: Path
) -> None:
    template = approved_run
    data = office.data
    rng = Random(20261126)
    stderr_dir = tmp_path / "child-stderr"
    stderr_dir.mkdir()
    pool = Children(("delete", str(data.data_dir), CLERK), CYCLES, stderr_dir)
    to_vacuum = vacuum_time = rotation_time = 0.0
    tally = dict.fromkeys(
        ("untouched", "before-vacuum", "in-rotation", "rotated", "in-vacuum", "after"), 0
    )
    outcomes = {True: 0, False: 0}
    hot_journals = stale_journals = tails = 0
    log: list[str] = []
    left_after_kill_in_vacuum: list[tuple[int, int]] = []
    try:
        for cycle in range(CYCLES):
            template.restore(data)
            child: Child = pool.take()
            child.go(CLERK_PASSWORD, str(template.run_id))
            child.wait_for("EXECUTING")
            if cycle == 0:
                # Untouched: the run completes and tells how long each phase takes here.
                _n, first, second, third = child.wait_for("ACK ").split()[1:]
                to_vacuum, vacuum_time, rotation_time = float(first), float(second), float(third)
            elif cycle % 3 == 0:
                # Aimed at the rebuild, which starts only after the deletion has committed:
                # first it builds the new copy in memory, then writes it over the file.
                child.wait_for("VACUUM")
                time.sleep(rng.uniform(0.0, vacuum_time))
            elif cycle % 3 == 1:
                # Aimed at the number-key rotation between the commit and the rebuild: its
                # slot-file writes and its transaction (#14 item 13).
                child.wait_for("ROTATE")
                time.sleep(rng.uniform(0.0, rotation_time))
            else:
                time.sleep(rng.uniform(0.0, (to_vacuum + vacuum_time) * 1.5))
            lines = child.kill()
            journal = page_scan.journal_path(data.database)
            journal_left = journal.exists()
            hot = journal_left and journal.read_bytes()[:8] not in _NOT_HOT
            hot_journals += hot
            if cycle == 0:
                phase = "untouched"
            elif "VACUUMED" in lines:
                phase = "after"
            elif "VACUUM" in lines:
                phase = "in-vacuum"
            elif "ROTATED" in lines:
                phase = "rotated"  # between the rotation and the rebuild
            elif "ROTATE" in lines:
                phase = "in-rotation"
            else:
                phase = "before-vacuum"  # in the transaction, or between COMMIT and VACUUM
            tally[phase] += 1
            log.append(f"{phase}{'+hot' if hot else '+journal' if journal_left else ''}")

            session = auth.sign_in(
                data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False
            )
            try:
                outcome = _check(session, template, cycle)
            finally:
                session.close()
            outcomes[outcome.executed] += 1
            tails += outcome.leftover_pages > 0
            if phase == "in-rotation":
                # The next sign-in holding the key finishes (or redoes) the rotation.
                session = auth.sign_in(data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
                try:
                    _check(session, template, cycle)
                    assert number_key_repo.state(session.vault.conn).rotation_due is None
                    assert not session.vault.number_key_pending(), f"cycle {cycle}"
                finally:
                    session.close()
            if "ROTATE" in lines or any(line.startswith("ACK ") for line in lines):
                # The commit came before the rebuild: a kill from here on cannot undo it.
                assert outcome.executed, f"cycle {cycle}: committed deletion lost ({phase})"
            if phase == "in-vacuum":
                left_after_kill_in_vacuum.append((outcome.left_of_deleted, outcome.free_pages))
            if phase in ("untouched", "after"):
                assert outcome.left_of_deleted == 0, f"cycle {cycle}: blobs left after VACUUM"
            if journal.exists():
                # Killed before the journal's first sync: SQLite zeroes the magic until then
                # (or had not written the header at all), so the journal is not hot, the file was never written, and the reopen leaves
                # the journal alone. The next write transaction replaces and removes it.
                assert journal.read_bytes()[:8] in _NOT_HOT, f"cycle {cycle}: hot journal left"
                stale_journals += 1
                auth.sign_in(data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock).close()
                assert not journal.exists(), f"cycle {cycle}"
    finally:
        for child in pool.started:
            if child.proc.returncode is None:
                child.kill()
    # The untouched cycle and the kills aimed at the rebuild or the rotation all came after
    # the commit; wherever else the kills landed, only the all-or-nothing rule is asserted.
    after_commit = sum(
        tally[p] for p in ("untouched", "in-rotation", "rotated", "in-vacuum", "after")
    )
    assert after_commit >= 1 + 2 * ((CYCLES - 1) // 3)
    assert outcomes[True] >= 1 + 2 * ((CYCLES - 1) // 3)
    print(
        f"\ndeletion crash: {CYCLES} runs of {len(template.in_run)} numbers "
        f"(to the rebuild {to_vacuum:.3f} s, rotation {rotation_time:.3f} s, VACUUM "
        f"{vacuum_time:.3f} s); kills by phase {tally}; "
        f"outcomes: {outcomes[True]} whole, {outcomes[False]} none, 0 partial; "
        f"{hot_journals} hot journals rolled back, {stale_journals} journals not hot (kept until "
        f"the next write), {tails} tails past the page count (healthy); cycles {log}; "
        f"(copies of deleted blobs, free pages) after a kill "
        f"in VACUUM: "
        f"{left_after_kill_in_vacuum}"
    )
