"""Applies the numbered SQL migrations under `PRAGMA user_version`, one transaction each."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

from storage.connection import Connection
from storage.errors import SchemaTooNew, UpgradeFailed

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migration numbers are not contiguous: {numbers}")
    return found


def head_version() -> int:
    return len(migrations())


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, before_upgrade: Callable[[int], None] | None = None) -> int:
    """Bring the schema to the head; `before_upgrade(version)` runs first (the pre-upgrade
    backup) whenever an existing database is about to change. Returns the new version.
    A failing step raises `UpgradeFailed`; the steps before it stay committed."""
    version = current_version(conn)
    pending = [(n, sql) for n, sql in migrations() if n > version]
    if version > head_version():
        raise SchemaTooNew(f"database schema {version} is newer than this program")
    if pending and version > 0 and before_upgrade is not None:
        before_upgrade(version)
    for number, sql in pending:
        # executescript would commit on its own; the whole step and its version bump are one
        # transaction, so a crash leaves the previous version intact.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except Exception as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if version == 0:
                raise  # a new database, not an upgrade: the creation is undone whole
            raise UpgradeFailed(
                f"migration {number} failed",
                from_version=version,
                failed_step=number,
                current_version=current_version(conn),
            ) from exc
        except BaseException:
            # A crash (interrupt, exit): the open step is rolled back and the next start
            # resumes from the last committed one.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return current_version(conn)
