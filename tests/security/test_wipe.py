"""Proof of wipe (SECURITY.md §2): after a real deletion run every page of the file, free pages
included, is decrypted with the raw data key outside SQLite (storage/page_scan.py) and none
holds a deleted number in any form, its sealed blob, its blind index or its document copy,
while the numbers kept are still found as ciphertext: the scan sees row data, so it can fail.

No assertion message carries a needle: hits name pages only (page_scan.Hit hides the needle).
"""

from __future__ import annotations

import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import auth, deletion, demo, settings, staff, verification, verification_scans
from app.services.verification import NewNumber, VerificationEntry
from app.session import Session
from storage import connection, crypto, deletion_repo, page_scan
from tests.conftest import CLERK_PASSWORD, MANAGER_PASSWORD, Office, add_member
from tests.support.files import flip_byte

EMPLOYEES = 60  # about 130 numbers with dependents and payees: a few dozen pages of them
SCANNED_NUMBER = "123456789018"
CARD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"card back side: scan-marker-7f3a"
TABLES = ("my_number", "my_number_purpose", "verification_scan", "deletion_record", "audit_log")


def number_forms(number: str) -> list[bytes]:
    """How a number could sit in a page as text: ASCII, grouped 4-4-4 (space, hyphen),
    full-width (UTF-8) with and without an ideographic space, and UTF-16LE."""
    grouped = f"{number[:4]} {number[4:8]} {number[8:]}"
    wide = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert unicodedata.normalize("NFKC", wide) == number
    wide_grouped = "\u3000".join((wide[:4], wide[4:8], wide[8:]))
    return [
        number.encode(),
        grouped.encode(),
        grouped.replace(" ", "-").encode(),
        wide.encode(),
        wide_grouped.encode(),
        number.encode("utf-16-le"),
    ]


@dataclass
class Stored:
    """The bytes of each person's number as they sit in the rows, read before anything goes."""

    sealed: dict[int, bytes] = field(repr=False)
    blind_index: dict[int, bytes] = field(repr=False)
    scans: dict[int, bytes] = field(repr=False)

    def needles(self, people: list[int]) -> list[bytes]:
        return [
            blob
            for table in (self.sealed, self.blind_index, self.scans)
            for pid, blob in table.items()
            if pid in people
        ]


def _stored(conn: connection.Connection) -> Stored:
    sealed, index = {}, {}
    for pid, blob, blind in conn.execute("SELECT person_id, sealed, blind_index FROM my_number"):
        sealed[int(pid)], index[int(pid)] = bytes(blob), bytes(blind)
    scans = {
        int(pid): bytes(blob)
        for pid, blob in conn.execute("SELECT person_id, sealed FROM verification_scan")
    }
    return Stored(sealed, index, scans)


@dataclass
class WipeOffice:
    office: Office
    clerk: Session
    scanned_person: int
    numbers: list[str] = field(repr=False)  # every number registered, as text

    @property
    def manager(self) -> Session:
        return self.office.manager


@pytest.fixture
def wipe_office(office: Office, tmp_path: Path) -> WipeOffice:
    """An office of about 130 numbers (the demo's bulk path, every number sealed and logged)
    and one employee verified with a copy of the card kept."""
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", demo.ALL_SCOPES)
    demo.populate(manager, EMPLOYEES, bulk=True)
    numbers = [SCANNED_NUMBER]
    for entry in demo.synthetic_office(EMPLOYEES):
        numbers.append(entry.number)
        numbers.extend(d.number for d in getattr(entry, "dependents", ()))

    from app.services import people

    person = people.register_employee(
        manager,
        code="S001",
        name="写し 保存",
        kana_text="ウツシ ホゾン",
        birth_date=date(1980, 4, 1),
    )
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(PresentedDocument("individual_number_card", expires_on=date(2030, 1, 1)),),
        comparison=Comparison(
            frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True
        ),
    )
    entry = VerificationEntry(
        request,
        date(2026, 11, 23),
        new_number=NewNumber(SCANNED_NUMBER, SCANNED_NUMBER, ("tax_withholding",)),
    )
    record = verification.record(manager, person.id, entry).id
    settings.change(manager, "verification_scans", "on")
    card = tmp_path / "card.png"
    card.write_bytes(CARD)
    verification_scans.add_scan(manager, record, card)
    card.unlink()

    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=demo.ALL_SCOPES)
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    yield WipeOffice(office, clerk, person.id, numbers)
    clerk.close()


def _people_with_numbers(session: Session) -> list[int]:
    return [
        int(r[0])
        for r in session.vault.conn.execute("SELECT person_id FROM my_number ORDER BY person_id")
    ]


def _run(wipe: WipeOffice, doomed: list[int]) -> deletion.ExecutionReport:
    """propose (clerk) → approve (the manager, with their password) → execute (clerk)."""
    run = deletion.propose(
        wipe.clerk, doomed, reason="本人からの申出により利用の必要がなくなったため"
    )
    deletion.approve(wipe.manager, run.id, MANAGER_PASSWORD)
    return deletion.execute(wipe.clerk, run.id)


def _found(hits: list[page_scan.Hit]) -> set[bytes]:
    return {hit.needle for hit in hits}


def test_page_format_is_read_right_on_a_real_vault(wipe_office: WipeOffice) -> None:
    """The decryption checked against the file SQLCipher wrote: page 1's plain header has
    the page size, reserve and payload fractions of the format, the schema page names our
    tables, every page's HMAC matches, and the count is SQLite's own page count."""
    conn = wipe_office.manager.vault.conn
    path = wipe_office.office.data.database
    key = wipe_office.manager.vault.data_key_copy()
    try:
        first = next(page_scan.pages(path, key))
        assert first.number == 1 and first.hmac_ok
        header = first.plain[:24]
        assert header[:16] == b"SQLite format 3\x00"  # restored: on disk it is the salt
        assert int.from_bytes(header[16:18], "big") == 4096
        assert (header[20], header[21:24]) == (80, bytes([64, 32, 32]))
        assert (
            int.from_bytes(first.plain[28:32], "big")
            == conn.execute("PRAGMA page_count").fetchone()[0]
        )
        # After the 100-byte file header, page 1 is the schema b-tree's root: a table b-tree
        # page, a leaf (13) while the schema fits and interior (5) once it spans more pages.
        assert first.plain[100] in (5, 13)
        schema = page_scan.find(path, key, [f"CREATE TABLE {name} ".encode() for name in TABLES])
        assert _found(schema) == {f"CREATE TABLE {name} ".encode() for name in TABLES}

        report = page_scan.scan_held(conn, path, key)
        assert report.ok and report.header_ok and report.hmac_failures == ()
        assert report.pages == report.expected_pages == path.stat().st_size // 4096

        # A wrong key decrypts nothing and no HMAC matches.
        wrong = page_scan.scan(path, bytes(32))
        assert not wrong.header_ok and len(wrong.hmac_failures) == wrong.pages
    finally:
        crypto.zero(key)


def test_a_flipped_byte_fails_exactly_that_pages_hmac(
    wipe_office: WipeOffice, tmp_path: Path
) -> None:
    source = wipe_office.office.data.database
    copy = tmp_path / "copy.db"
    shutil.copyfile(source, copy)
    pages = copy.stat().st_size // 4096
    key = wipe_office.manager.vault.data_key_copy()
    try:
        assert page_scan.scan(copy, key).hmac_failures == ()
        target = pages // 2 + 1
        flip_byte(copy, (target - 1) * 4096 + 1000)
        assert page_scan.scan(copy, key).hmac_failures == (target,)
        # The IV and the HMAC itself are covered too.
        flip_byte(copy, 3 * 4096 - 70)
        flip_byte(copy, 4 * 4096 - 1)
        assert page_scan.scan(copy, key).hmac_failures == tuple(sorted({3, 4, target}))
    finally:
        crypto.zero(key)


def test_a_deletion_run_leaves_no_trace_in_any_page(wipe_office: WipeOffice) -> None:
    wipe = wipe_office
    path = wipe.office.data.database
    everyone = _people_with_numbers(wipe.manager)
    doomed = sorted({*everyone[::2], wipe.scanned_person})
    kept = [pid for pid in everyone if pid not in doomed]
    stored = _stored(wipe.manager.vault.conn)
    assert stored.scans.keys() == {wipe.scanned_person}
    gone, staying = stored.needles(doomed), stored.needles(kept)
    plaintext = [form for number in wipe.numbers for form in number_forms(number)]
    key = wipe.manager.vault.data_key_copy()
    try:
        # Before: the scanner sees every blob that is about to go, and no plaintext at all.
        assert _found(page_scan.find(path, key, gone)) == set(gone)
        assert page_scan.find(path, key, plaintext) == []

        report = _run(wipe, doomed)
        assert report.deleted == len(doomed) and report.kept == ()
        assert _people_with_numbers(wipe.manager) == kept
        # The run committed and the rebuild finished: no journal is left to read.
        assert not page_scan.journal_path(path).exists()
        assert wipe.manager.vault.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0

        # After: nothing of the deleted numbers on any page, in any form...
        assert page_scan.find(path, key, gone) == []
        assert page_scan.find(path, key, plaintext) == []
        # ...the kept numbers re-sealed under the new number key (#14 item 13), with nothing
        # left of their old ciphertexts, and each still there: the scan reads row data.
        assert page_scan.find(path, key, staying) == []
        resealed = _stored(wipe.manager.vault.conn).needles(kept)
        assert _found(page_scan.find(path, key, resealed)) == set(resealed)
        scan = page_scan.scan_held(wipe.manager.vault.conn, path, key)
        assert scan.ok and scan.journal_pages == 0
    finally:
        crypto.zero(key)


def test_without_the_rebuild_secure_delete_alone_is_measured(
    wipe_office: WipeOffice, tmp_path: Path
) -> None:
    """Control: the same deletion on a copy, in one transaction, with no VACUUM. What
    secure_delete alone leaves is printed (it depends on how the b-trees rebalance); only
    what is stable is asserted: the rows are gone, pages are left free, the kept blobs are
    found, and the rebuild then leaves nothing."""
    wipe = wipe_office
    everyone = _people_with_numbers(wipe.manager)
    doomed = sorted({*everyone[::2], wipe.scanned_person})
    kept = [pid for pid in everyone if pid not in doomed]
    stored = _stored(wipe.manager.vault.conn)
    gone, staying = stored.needles(doomed), stored.needles(kept)
    copy = tmp_path / "no-vacuum.db"
    assert not page_scan.journal_path(wipe.office.data.database).exists()
    shutil.copyfile(wipe.office.data.database, copy)
    key = wipe.manager.vault.data_key_copy()
    try:
        conn = connection.open_database(copy, key)
        try:
            conn.execute("BEGIN IMMEDIATE")
            deletion_repo.delete_numbers(conn, doomed)
            conn.execute("COMMIT")
            assert conn.execute("SELECT count(*) FROM my_number").fetchone()[0] == len(kept)
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            left = page_scan.find(copy, key, gone)
            assert not page_scan.journal_path(copy).exists()
            assert _found(page_scan.find(copy, key, staying)) == set(staying)
            connection.vacuum(conn)
            after = page_scan.find(copy, key, gone)
        finally:
            conn.close()
        print(
            f"\nwipe control: {len(doomed)} numbers deleted without VACUUM: {free} free pages, "
            f"{len(left)} copies of {len(_found(left))} of {len(gone)} deleted blobs left on "
            f"pages {sorted({h.page for h in left})}; after VACUUM {len(after)}"
        )
        assert free > 0
        assert after == []
    finally:
        crypto.zero(key)


def test_the_journal_is_read_while_a_deletion_is_in_flight(wipe_office: WipeOffice) -> None:
    """The rollback journal holds the pages as they were before the transaction (encrypted
    like the file, HMAC included): the scanner reads it, and a rolled-back or committed
    transaction leaves no journal file behind."""
    wipe = wipe_office
    path = wipe.office.data.database
    conn = wipe.manager.vault.conn
    everyone = _people_with_numbers(wipe.manager)
    doomed = everyone[: len(everyone) // 2]
    gone = _stored(conn).needles(doomed)
    key = wipe.manager.vault.data_key_copy()
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            deletion_repo.delete_numbers(conn, doomed)
            assert page_scan.journal_path(path).exists()
            report = page_scan.scan(path, key)
            assert report.journal_pages > 0 and report.journal_hmac_failures == 0
            in_journal = [hit for hit in page_scan.find(path, key, gone) if hit.in_journal]
            assert in_journal, "the journal's page images were not decrypted"
        finally:
            conn.execute("ROLLBACK")
        assert not page_scan.journal_path(path).exists()
        assert len(_people_with_numbers(wipe.manager)) == len(everyone)
    finally:
        crypto.zero(key)
