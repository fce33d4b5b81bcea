"""Opening the SQLCipher database: raw key, engine guards, pragmas and the authorizer."""

from __future__ import annotations

import os
import re
from pathlib import Path

import sqlcipher3

from storage.errors import DiskFull, UnsafeEngine, VaultBusy, VaultCorrupt, VaultMissing

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

# Pinned because the security facts in SECURITY.md were measured on this build; a new wheel is
# re-measured before this set grows.
ALLOWED_CIPHER_VERSIONS = frozenset({"4.19.0 community"})
REQUIRED_COMPILE_OPTIONS = frozenset({"TEMP_STORE=2", "THREADSAFE=1"})
MIN_OPENSSL = (3, 5)  # 3.5 is the LTS line supported to 2030

# Rollback journal, not WAL: one process with one connection gains nothing from WAL readers,
# while the -wal file keeps old page images of deleted numbers until a checkpoint
# (SECURITY.md §2); DELETE/FULL survived every kill -9 in SECURITY.md §7 and in our crash test.
JOURNAL_MODE = "delete"

CACHE_KIB = 32 * 1024
# How long a statement waits for another program's lock before SQLITE_BUSY (VaultBusy).
BUSY_TIMEOUT_SECONDS = 5.0
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_FULL = 5, 6, 13
_DENIED_PRAGMAS = frozenset(
    {"key", "rekey", "hexkey", "hexrekey", "temp_store_directory", "cipher_memory_security"}
)
_DENIED_PRAGMA_WRITES = frozenset(
    {
        "temp_store",
        "secure_delete",
        "synchronous",
        "journal_mode",
        "writable_schema",
        "trusted_schema",
        "cipher_log_level",
        "cipher_log",
    }
)
_DENIED_FUNCTIONS = frozenset({"load_extension", "sqlcipher_export", "fts3_tokenizer"})


def _authorize(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _src: str | None
) -> int:
    """Deny what could write plaintext or escape the vault: ATTACH (a plaintext export path,
    SECURITY.md §11.6), extension loading, and changing the safety pragmas after open."""
    if action in (sqlcipher3.SQLITE_ATTACH, sqlcipher3.SQLITE_DETACH):
        return sqlcipher3.SQLITE_DENY
    if action == sqlcipher3.SQLITE_PRAGMA and arg1 is not None:
        name = arg1.lower()
        if name in _DENIED_PRAGMAS or (name in _DENIED_PRAGMA_WRITES and arg2 is not None):
            return sqlcipher3.SQLITE_DENY
    if (
        action == sqlcipher3.SQLITE_FUNCTION
        and arg2 is not None
        and arg2.lower() in _DENIED_FUNCTIONS
    ):
        return sqlcipher3.SQLITE_DENY
    return sqlcipher3.SQLITE_OK


def vacuum(conn: Connection) -> None:
    """Rebuild the file so no freed page keeps a deleted row (SECURITY.md §2). VACUUM attaches
    its own temporary copy (an ATTACH with no file name), so that one attach is allowed for
    this statement only; the copy stays in memory (TEMP_STORE=2, checked at open)."""

    def allow_vacuum_copy(
        action: int, arg1: str | None, arg2: str | None, db: str | None, src: str | None
    ) -> int:
        if action in (sqlcipher3.SQLITE_ATTACH, sqlcipher3.SQLITE_DETACH) and not arg1:
            return sqlcipher3.SQLITE_OK
        return _authorize(action, arg1, arg2, db, src)

    conn.set_authorizer(allow_vacuum_copy)
    try:
        conn.execute("VACUUM")
    finally:
        conn.set_authorizer(_authorize)


def _create_private(path: Path) -> None:
    """A new database file is created 0600 before SQLite opens it (SQLite's own default is
    0644); its journal takes the database's mode, so it is the user's alone too."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return
    os.close(fd)


def leftover_pages(conn: Connection, path: Path) -> int:
    """Whole pages of the file past the database's own page count: the old tail a VACUUM
    leaves when it is cut off between its commit (the journal deleted) and the truncation
    that follows. SQLite ignores it and only another VACUUM removes it."""
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    return max(path.stat().st_size // page_size - count, 0)


def _key_literal(data_key: bytes | bytearray) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    # Hex of a random key: no quoting hazard, and SQLCipher skips its own KDF for it.
    return "x'" + bytes(data_key).hex() + "'"


def open_database(path: Path, data_key: bytes | bytearray, *, create: bool = False) -> Connection:
    """Open (or create) the database with a verified raw key and every guard in place."""
    if not create and not path.exists():
        raise VaultMissing(str(path.name))
    if create:
        _create_private(path)
    try:
        conn = sqlcipher3.connect(
            str(path),
            isolation_level=None,
            check_same_thread=True,
            timeout=BUSY_TIMEOUT_SECONDS,
        )
    except sqlcipher3.OperationalError as exc:
        raise VaultMissing("database cannot be opened") from exc
    try:
        # Process-global and must precede the key, or a wrong key prints to stderr (SECURITY §2).
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{_key_literal(data_key)}"')
        try:
            # PRAGMA key never fails; the first real read is the test of the key.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            # Another program writing (a lock held past the wait) is not a wrong key.
            raise_busy_from(exc)
            raise VaultCorrupt("database does not decrypt: damaged or not ours") from exc
        check_engine(conn)
        _set_pragmas(conn)
        conn.set_authorizer(_authorize)
    except BaseException:
        conn.close()
        raise
    return conn


def _set_pragmas(conn: Connection) -> None:
    try:
        for pragma in (
            f"PRAGMA journal_mode = {JOURNAL_MODE}",
            "PRAGMA synchronous = FULL",
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = ON",
            "PRAGMA trusted_schema = OFF",
            # 32 MiB of decrypted pages (the default is 8): an office of 30,000 is a file of
            # about 40 MiB, and a pass that reads a page again (a deletion run re-checking
            # every date, then deleting) would otherwise decrypt it twice.
            f"PRAGMA cache_size = -{CACHE_KIB}",
        ):
            conn.execute(pragma).fetchall()
    except sqlcipher3.DatabaseError as exc:
        raise_busy_from(exc)
        raise


def check_engine(conn: Connection) -> None:
    """Refuse an engine that could write plaintext or that was never measured (DB-02)."""
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if version is None or version[0] not in ALLOWED_CIPHER_VERSIONS:
        raise UnsafeEngine(f"SQLCipher version not allowed: {version[0] if version else None}")
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    missing = REQUIRED_COMPILE_OPTIONS - options
    if missing:
        raise UnsafeEngine(f"SQLCipher built without {sorted(missing)}")
    temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
    if temp_store == 1:
        raise UnsafeEngine("temp_store=FILE would write plaintext temp files")
    provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
    match = re.match(r"OpenSSL (\d+)\.(\d+)", provider[0] if provider else "")
    if not match or (int(match.group(1)), int(match.group(2))) < MIN_OPENSSL:
        raise UnsafeEngine(f"crypto provider not supported: {provider[0] if provider else None}")


def integrity_problems(conn: Connection) -> list[str]:
    """Both checks: SQLCipher's page HMACs (empty when clean) and SQLite's b-tree check."""
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
    if problems:
        return problems
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    return [] if result == ["ok"] else result


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_disk_full(exc: BaseException) -> bool:
    return _primary_code(exc) == _SQLITE_FULL or "disk is full" in str(exc)


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY (another connection holds the lock past the wait; its extended codes too)
    or SQLITE_LOCKED: the file is fine and the same call can be tried again."""
    if not isinstance(exc, sqlcipher3.Error):
        return False
    return _primary_code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in str(exc)


def raise_busy_from(exc: BaseException) -> None:
    if is_busy(exc):
        raise VaultBusy("the database is in use by another program") from exc


def is_not_writable(exc: BaseException) -> bool:
    """SQLite could not write the file or create its journal (a read-only folder or file)."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN
    return code in (3, 8, 14) or "readonly database" in text or "unable to open" in text


def raise_disk_full_from(exc: BaseException) -> None:
    if is_disk_full(exc) or (isinstance(exc, OSError) and exc.errno == 28):
        raise DiskFull("no space left; the change was rolled back") from exc


def engine_versions() -> tuple[str, str]:
    """SQLCipher's version and its crypto provider's (the OpenSSL it was built with), read
    from a throwaway in-memory database under a random key: no data folder is opened."""
    conn = sqlcipher3.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        conn.execute(f'PRAGMA key = "{_key_literal(os.urandom(32))}"')
        provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
    finally:
        conn.close()
    return (version[0] if version else "?"), (provider[0] if provider else "?")
