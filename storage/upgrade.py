"""The first start after an upgrade: a verified copy of the database, then the migrations,
and the copy put back if a migration fails.

Copies live in the data folder's `pre-upgrade/` as `vault-schema<N>-on-<YYYYMMDD>T<HHMMSS>.db`
(the schema the database had, and the local time of the copy), encrypted with the database's
own key. Letters part the digits: the name never looks like a My Number, so the redactor
leaves it whole where the failure message names it (a name of 12+ digits with hyphens, as
`…19-20261207-120000`, came out as `[REDACTED]` on the command line).

Retention: the `KEEP` newest copies are kept; older ones are removed only after a new copy
has verified, so the copy just made (and with it at least one copy) always stays.

One program at a time upgrades a data folder (`one_upgrade_at_a_time`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from storage import file_lock, migrate
from storage.connection import Connection, open_database
from storage.errors import UpgradeCopyFailed, UpgradeFailed, VaultBusy

log = logging.getLogger(__name__)

KEEP = 3
PATTERN = "vault-schema*.db"


def copy_name(version: int, at: datetime, folder: Path) -> Path:
    stem = f"vault-schema{version}-on-{at:%Y%m%d}T{at:%H%M%S}"
    target = folder / f"{stem}.db"
    serial = 1
    while target.exists():
        serial += 1
        target = folder / f"{stem}-n{serial}.db"
    return target


def _table_counts(conn: Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def pre_upgrade_copy(
    folder: Path, conn: Connection, data_key: bytearray, version: int, at: datetime | None = None
) -> Path:
    """Copy the database into `folder` and verify the copy (opens with the same key, passes
    the integrity check, same schema version, same rows in every table) before any migration
    runs. Raises `UpgradeCopyFailed` (nothing changed) if it cannot."""
    partial: Path | None = None
    try:
        folder.mkdir(exist_ok=True)
        target_path = copy_name(version, at or datetime.now().astimezone(), folder)
        partial = target_path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        target = open_database(partial, data_key, create=True)
        try:
            conn.backup(target)
        finally:
            target.close()
        _verify(partial, data_key, version, _table_counts(conn))
        os.replace(partial, target_path)
    except Exception as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        log.error("the pre-upgrade copy of schema %d failed: %s", version, type(exc).__name__)
        if isinstance(exc, UpgradeCopyFailed):
            raise
        raise UpgradeCopyFailed("the pre-upgrade copy could not be made") from exc
    prune(folder, keep_also=target_path)
    return target_path


def _verify(path: Path, data_key: bytearray, version: int, counts: dict[str, int]) -> None:
    copy = open_database(path, data_key)
    try:
        if copy.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise UpgradeCopyFailed("the pre-upgrade copy fails the integrity check")
        if migrate.current_version(copy) != version:
            raise UpgradeCopyFailed("the pre-upgrade copy has another schema version")
        if _table_counts(copy) != counts:
            raise UpgradeCopyFailed("the pre-upgrade copy is incomplete")
    finally:
        copy.close()


def copies(folder: Path) -> list[Path]:
    """Pre-upgrade copies, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(PATTERN), key=lambda p: (p.stat().st_mtime_ns, p.name))


def prune(folder: Path, *, keep_also: Path) -> None:
    found = copies(folder)
    if keep_also in found:
        found.remove(keep_also)
        found.append(keep_also)
    for old in found[: max(0, len(found) - KEEP)]:
        try:
            old.unlink()
        except OSError:
            log.warning("an old pre-upgrade copy could not be removed")


@contextlib.contextmanager
def one_upgrade_at_a_time(folder: Path) -> Iterator[None]:
    """Hold `<folder>.lock` (beside the copies' folder, in the data folder) across the copy,
    the migrations and a restore. Two programs started at once after an upgrade (the GUI
    twice, or the GUI and a command) would otherwise both read the old schema, both run its
    first step, and the one that lost the race would "restore" its copy over the schema the
    other had just brought up (and over anything written since). The one that waits then
    reads the new schema and has nothing to do."""
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(file_lock.exclusive(folder))
        except OSError as exc:
            log.error("the upgrade lock could not be taken: %s", type(exc).__name__)
            if exc.errno == errno.EDEADLK:  # Windows gave up waiting (about 10 s)
                raise VaultBusy("another program is upgrading this data") from exc
            raise UpgradeCopyFailed("the upgrade lock could not be taken") from exc
        yield


def upgrade(conn: Connection, folder: Path, data_key: bytearray) -> int:
    """Migrate `conn` to the head with a verified copy first. If a step fails, the database
    is put back from the copy (so the older program still opens it) and `UpgradeFailed`
    names the copy; the next start tries again. One program at a time upgrades a folder."""
    version = migrate.current_version(conn)
    if 0 < version < migrate.head_version():
        with one_upgrade_at_a_time(folder):
            return _upgrade(conn, folder, data_key)  # reads the version again, under the lock
    return _upgrade(conn, folder, data_key)


def _upgrade(conn: Connection, folder: Path, data_key: bytearray) -> int:
    made: list[Path] = []

    def before(version: int) -> None:
        made.append(pre_upgrade_copy(folder, conn, data_key, version))

    try:
        return migrate.migrate(conn, before_upgrade=before)
    except UpgradeFailed as failed:
        cause = type(failed.__cause__).__name__
        log.error("schema migration %d failed (%s)", failed.failed_step, cause)
        if not made:
            raise
        failed.copy_name = made[0].name
        failed.copy_folder = str(made[0].parent)
        if failed.current_version != failed.from_version:
            try:
                _restore(made[0], conn, data_key)
            except Exception:
                log.exception("restoring the pre-upgrade copy failed")
                failed.current_version = migrate.current_version(conn)
                raise failed from failed.__cause__
        failed.restored = True  # the database is as it was before the upgrade
        failed.current_version = migrate.current_version(conn)
        raise


def _restore(copy_path: Path, conn: Connection, data_key: bytearray) -> None:
    source = open_database(copy_path, data_key)
    try:
        source.backup(conn)
    finally:
        source.close()
    if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
        raise UpgradeCopyFailed("the restored database fails the integrity check")
