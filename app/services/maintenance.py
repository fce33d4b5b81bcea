"""Rebuilding the database file after numbers were deleted, so no freed page keeps them
(SECURITY.md §2). The need is recorded with the deletion, so a rebuild that fails or is cut off
is tried again at the next sign-in instead of being forgotten."""

from __future__ import annotations

import logging

from app.services import audit
from app.session import Session
from storage import connection, deletion_repo
from storage.connection import DatabaseError
from storage.errors import StorageError

log = logging.getLogger(__name__)


def rebuild_if_pending(session: Session) -> bool:
    """True when the file is rebuilt (or needed no rebuild). A failure is logged and left for
    the next try: the deletion itself is committed and must not be reported as lost."""
    conn = session.vault.conn
    try:
        # A rebuild killed after its commit but before it cut the file leaves the old tail
        # (and the flag, cleared only after the rebuild): both ask for another VACUUM.
        if not deletion_repo.rebuild_pending(conn) and not connection.leftover_pages(
            conn, session.vault.paths.database
        ):
            return True
        connection.vacuum(conn)
        with session.vault.write() as writer:
            deletion_repo.clear_rebuild(writer.conn)
            audit.record(writer, session, "database.rebuilt")
    except (DatabaseError, StorageError, OSError) as exc:
        log.warning("database rebuild after deletion postponed: %s", type(exc).__name__)
        return False
    return True
