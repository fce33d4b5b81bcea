"""What every page needs: the workspace, the database thread and the current session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.bootstrap import Workspace
from app.session import Session
from ui.errors import retryable, show_error
from ui.tasks import DatabaseThread


class UiContext:
    def __init__(self, workspace: Workspace, db: DatabaseThread, session: Session) -> None:
        self.workspace = workspace
        self.db = db
        self.session: Session | None = session

    def run(
        self,
        work: Callable[[Session], Any],
        *,
        owner: QObject,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run a service call with the current session on the database thread. While locked
        there is no session and nothing runs."""
        session = self.session
        if session is None:
            return

        def fail(error: BaseException) -> None:
            parent = owner if isinstance(owner, QWidget) else None
            if not retryable(error):
                show_error(parent, error)
                return
            # Busy data (another window or command) is offered again with the same callbacks.
            show_error(
                parent,
                error,
                retry=lambda: self.run(work, owner=owner, on_done=on_done, on_error=on_error),
            )

        self.db.run_task(
            lambda: work(session), owner=owner, on_done=on_done, on_error=on_error or fail
        )
