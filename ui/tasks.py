"""The database thread and `run_task`: every service call runs there, results come back to Qt.

One SQLCipher connection belongs to one thread (sqlite3's check_same_thread), and the KDF must
never block the GUI, so sign-in and every later call go through one single-worker executor.
Callbacks are dropped when their owner widget is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; a queued signal carries each finished future back to it."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.pending: set[Future[Any]] = set()
        self.finished.connect(self._deliver)

    @Slot(object)
    def _deliver(self, job: tuple[Future[Any], QObject, Callable | None, Callable | None]) -> None:
        future, owner, on_done, on_error = job
        self.pending.discard(future)
        if not isValid(owner):
            return
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background task failed", exc_info=error)


class DatabaseThread:
    """The single worker that owns the vault connection for the life of the window."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault")
        self._relay = _Relay()

    def run_task(
        self,
        fn: Callable[[], Any],
        *,
        owner: QObject,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Run `fn` (which never touches widgets) on the database thread."""
        future = self._executor.submit(fn)
        self._relay.pending.add(future)
        future.add_done_callback(lambda f: self._relay.finished.emit((f, owner, on_done, on_error)))
        return future

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run on the database thread and wait: only for shutdown and tests."""
        return self._executor.submit(fn).result()

    @property
    def busy(self) -> bool:
        return bool(self._relay.pending)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
