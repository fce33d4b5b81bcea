"""Every page of the database file (and of a rollback journal), decrypted without SQLite.

SQLCipher 4's default page format, checked against real vaults (tests/security/test_wipe.py):

- page 1 starts with the 16-byte KDF salt, which takes the place of "SQLite format 3\\0";
  the rest of each page up to the reserve is AES-256-CBC ciphertext, no padding;
- each page ends in an 80-byte reserve: a 16-byte IV, then a 64-byte HMAC-SHA512;
- with a raw key the AES key is the raw key itself (no KDF);
- the HMAC key is PBKDF2-HMAC-SHA512(raw key, salt XOR 0x3a, 2 iterations) of *32* bytes (the
  key size, not the digest size), and the HMAC covers the ciphertext and the IV followed by
  the page number as 4 little-endian bytes.

SQLite's own reads only ever see pages that are in use; this module reads free pages, the
unused tail of pages and the rollback journal too, so a test can prove that a deleted value
is gone from the file and `verify --deep` can check every page's HMAC independently.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from storage import crypto
from storage.connection import Connection

PAGE_SIZE = 4096  # SQLCipher 4 default; the real header is encrypted, so it cannot be read first
SALT_BYTES = 16
IV_BYTES = 16
HMAC_BYTES = 64
RESERVE = IV_BYTES + HMAC_BYTES
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ITERATIONS = 2
KEY_BYTES = 32
SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
# Bytes 16..23 of the plain database header that follow from the page format: page size (2),
# file format write/read versions (1 = rollback journal, 2 = WAL), reserve, payload fractions.
_HEADER_FRACTIONS = bytes([64, 32, 32])
_JOURNAL_STARTS = (JOURNAL_MAGIC, bytes(8))


@dataclass(frozen=True)
class Page:
    """One decrypted page image. `plain` is the usable part (reserve cut off), as SQLite sees
    it: on page 1 the salt is replaced by SQLite's magic again."""

    number: int
    in_journal: bool
    hmac_ok: bool
    plain: bytes = field(repr=False)


@dataclass(frozen=True)
class Hit:
    """A needle found on a page. The needle is kept out of repr, so an assertion message or a
    log line names the page, never the value that was searched for."""

    page: int
    in_journal: bool
    needle: bytes = field(repr=False)


@dataclass(frozen=True)
class ScanReport:
    pages: int
    hmac_failures: tuple[int, ...]
    header_ok: bool
    journal_pages: int
    journal_hmac_failures: int
    # From the open connection when the scan held it (scan_held); None otherwise.
    expected_pages: int | None = None

    @property
    def leftover_pages(self) -> int:
        """Whole pages past the database's own page count. In rollback-journal mode SQLite
        commits a transaction that shrinks the file (our VACUUM) by deleting the journal, and
        only then cuts the file to its new size; a kill in between leaves the old tail in
        place. SQLite never reads it (the header's page count is valid) and the next VACUUM
        cuts it, so pages there whose HMAC checks are left over, not damage."""
        if self.expected_pages is None:
            return 0
        return max(self.pages - self.expected_pages, 0)

    @property
    def ok(self) -> bool:
        # Fewer pages than the database counts is damage (a cut file); more is a leftover
        # tail, checked like every other page (hmac_failures covers it).
        return (
            self.header_ok
            and not self.hmac_failures
            and not self.journal_hmac_failures
            and (self.expected_pages is None or self.pages >= self.expected_pages)
        )


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


class _PageCodec:
    """The keys of one file: the AES key as given, the HMAC key derived from it and the salt."""

    def __init__(self, key: bytes | bytearray, salt: bytes, page_size: int) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("data key must be 32 bytes")
        if len(salt) != SALT_BYTES:
            raise ValueError("file too short for a SQLCipher salt")
        # cryptography keeps its own copy of the AES key either way; ours is the caller's.
        self._aes = algorithms.AES(bytes(key))
        self._hmac_key = bytearray(
            hashlib.pbkdf2_hmac(
                "sha512",
                key,
                bytes(b ^ HMAC_SALT_MASK for b in salt),
                HMAC_KDF_ITERATIONS,
                KEY_BYTES,
            )
        )
        self.page_size = page_size

    def wipe(self) -> None:
        crypto.zero(self._hmac_key)

    def decrypt(self, number: int, image: bytes, *, in_journal: bool = False) -> Page:
        size = self.page_size
        offset = SALT_BYTES if number == 1 else 0
        body = image[offset : size - RESERVE]
        iv = image[size - RESERVE : size - HMAC_BYTES]
        stored = image[size - HMAC_BYTES : size]
        mac = hmac.new(self._hmac_key, body, "sha512")
        mac.update(iv)
        mac.update(number.to_bytes(4, "little"))
        decryptor = Cipher(self._aes, modes.CBC(iv)).decryptor()
        plain = decryptor.update(body) + decryptor.finalize()
        if number == 1:
            plain = SQLITE_MAGIC + plain
        return Page(number, in_journal, hmac.compare_digest(mac.digest(), stored), plain)


def _header_ok(first: Page, page_size: int) -> bool:
    """Page 1's plain header agrees with the format we decrypted it with."""
    header = first.plain[:24]
    stated = int.from_bytes(header[16:18], "big")
    return (
        first.hmac_ok
        and (stated == page_size or (stated == 1 and page_size == 65536))
        and header[18] in (1, 2)
        and header[19] in (1, 2)
        and header[20] == RESERVE
        and header[21:24] == _HEADER_FRACTIONS
    )


def _journal_images(data: bytes, page_size: int) -> Iterator[tuple[int, bytes]]:
    """(page number, page image) of each record of a rollback journal: segments of a header
    (magic, record count, checksum seed, original size, sector size, page size; padded to the
    sector size) then records of page number (4, big-endian), page image, checksum (4). The
    header is SQLite's and unencrypted; the images are encrypted as the pages are on disk.
    Until its first sync (synchronous=FULL) SQLite leaves the magic zeroed: such a journal is
    not hot and would never be played back, but its images are on disk, so they are read."""
    record = 4 + page_size + 4
    offset = 0
    while offset + 28 <= len(data) and data[offset : offset + 8] in _JOURNAL_STARTS:
        sector = int.from_bytes(data[offset + 20 : offset + 24], "big")
        stated = int.from_bytes(data[offset + 24 : offset + 28], "big")
        if stated != page_size or sector < 32 or sector > 65536 or sector & (sector - 1):
            return
        # The record count is 0 until the journal is synced (or all ones with no sync), so
        # records are read to the end of the segment rather than trusted from the header.
        position = offset + sector
        while position + record <= len(data):
            if position % sector == 0 and data[position : position + 8] in _JOURNAL_STARTS:
                break
            number = int.from_bytes(data[position : position + 4], "big")
            if number == 0:
                return  # zero padding: nothing more was written
            yield number, data[position + 4 : position + 4 + page_size]
            position += record
        else:
            return
        offset = position


def pages(
    path: Path, key: bytes | bytearray, *, page_size: int = PAGE_SIZE, journal: bool = True
) -> Iterator[Page]:
    """Every page of the database file in order, free pages included, then (with `journal`)
    every page image in its rollback journal if one exists. The file is read once, whole: the
    caller keeps writers out while it runs (scan_held) or works on a closed file."""
    data = path.read_bytes()
    if len(data) < page_size or len(data) % page_size:
        raise ValueError("database file is not a whole number of pages")
    codec = _PageCodec(key, data[:SALT_BYTES], page_size)
    try:
        for index in range(len(data) // page_size):
            yield codec.decrypt(index + 1, data[index * page_size : (index + 1) * page_size])
        side = journal_path(path)
        if journal and side.exists():
            for number, image in _journal_images(side.read_bytes(), page_size):
                yield codec.decrypt(number, image, in_journal=True)
    finally:
        codec.wipe()


def decrypted_pages(
    path: Path, key: bytes | bytearray, *, page_size: int = PAGE_SIZE, journal: bool = True
) -> Iterator[bytes]:
    for page in pages(path, key, page_size=page_size, journal=journal):
        yield page.plain


def find(
    path: Path,
    key: bytes | bytearray,
    needles: Iterable[bytes],
    *,
    page_size: int = PAGE_SIZE,
    journal: bool = True,
) -> list[Hit]:
    """Each (page, needle) where the needle occurs in a decrypted page. A value split across
    two pages (an overflow chain) is not seen; the values we look for are far smaller than a
    page and live in rows that fit on one."""
    wanted = [bytes(n) for n in needles if n]
    hits = []
    for page in pages(path, key, page_size=page_size, journal=journal):
        hits.extend(
            Hit(page.number, page.in_journal, needle) for needle in wanted if needle in page.plain
        )
    return hits


def scan(path: Path, key: bytes | bytearray, *, page_size: int = PAGE_SIZE) -> ScanReport:
    """Decrypt every page and check every HMAC; holds no plaintext after it returns."""
    count = journal_count = journal_failures = 0
    failures: list[int] = []
    header_ok = False
    for page in pages(path, key, page_size=page_size):
        if page.in_journal:
            journal_count += 1
            journal_failures += not page.hmac_ok
            continue
        count += 1
        if page.number == 1:
            header_ok = _header_ok(page, page_size)
        if not page.hmac_ok:
            failures.append(page.number)
    return ScanReport(count, tuple(failures), header_ok, journal_count, journal_failures)


def scan_held(conn: Connection, path: Path, key: bytes | bytearray) -> ScanReport:
    """scan() while `conn` holds a read transaction, so no other program writes the file while
    it is read; the page size and count come from the open connection."""
    conn.execute("BEGIN")
    try:
        # The first read takes the shared lock that keeps writers out until the end.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        expected = int(conn.execute("PRAGMA page_count").fetchone()[0])
        report = scan(path, key, page_size=page_size)
    finally:
        conn.execute("ROLLBACK")
    return ScanReport(
        report.pages,
        report.hmac_failures,
        report.header_ok,
        report.journal_pages,
        report.journal_hmac_failures,
        expected_pages=expected,
    )
