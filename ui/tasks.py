"""The database thread and `run_task`: every service call runs there, results come back to Qt.

One SQLCipher connection belongs to one thread (sqlite3's check_same_thread), and the KDF must
never block the GUI, so sign-in and every later call go through one single-worker executor.
Callbacks are dropped when their owner widget is gone.

The worker thread never holds the last reference to anything of the GUI. The callbacks, their
owner and the work itself stay with the GUI thread (in the relay) and are let go there; the
worker only hands over the outcome, under a lock the GUI takes before delivering it, so by then
the worker has dropped its own references. Otherwise a dialog (PySide's QDialog.exec() gives
its ownership to Python) whose last reference sat in a finished job could be destroyed on the
worker thread: its running timers (a line edit's cursor blink) stay registered with the GUI
thread and fire on freed memory, which crashed or aborted the test run under load (issue 13).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


@dataclass
class _Job:
    """What the GUI thread keeps of a job until its outcome arrives."""

    work: Callable[[], Any] | None
    owner: QObject
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


class _Relay(QObject):
    """Lives in the GUI thread; a queued signal carries each job's outcome back to it."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, _Job] = {}
        # Held by the worker while it hands an outcome over and drops its references to it.
        self.handover = threading.Lock()
        self.finished.connect(self._deliver)

    @Slot(object)
    def _deliver(self, outcome: tuple[int, bool, Any]) -> None:
        with self.handover:
            pass  # the worker has let go: what is released below is released here
        job_id, ok, value = outcome
        job = self.jobs.pop(job_id)
        if not isValid(job.owner):
            return
        if ok:
            if job.on_done is not None:
                job.on_done(value)
        elif job.on_error is not None:
            job.on_error(value)
        else:
            log.error("background task failed", exc_info=value)


class DatabaseThread:
    """The single worker that owns the vault connection for the life of the window."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault")
        self._relay = _Relay()
        self._ids = itertools.count()

    def run_task(
        self,
        fn: Callable[[], Any],
        *,
        owner: QObject,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[None]:
        """Run `fn` (which never touches widgets) on the database thread; `on_done` or
        `on_error` then runs on the GUI thread, unless `owner` is gone by then."""
        job_id = next(self._ids)
        self._relay.jobs[job_id] = _Job(fn, owner, on_done, on_error)
        # The worker gets the work through a box it empties, not as an argument the
        # executor would keep until after the GUI has delivered.
        return self._executor.submit(self._work, job_id, [fn])

    def _work(self, job_id: int, box: list[Callable[[], Any]]) -> None:
        """On the worker thread: run, hand the outcome over, keep nothing."""
        fn = box.pop()
        try:
            outcome: tuple[int, bool, Any] = (job_id, True, fn())
        except BaseException as error:  # handed to on_error on the GUI thread
            outcome = (job_id, False, error)
        del fn
        relay = self._relay
        with relay.handover:
            relay.finished.emit(outcome)
            del outcome

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run on the database thread and wait: only for shutdown and tests."""
        return self._executor.submit(fn).result()

    @property
    def busy(self) -> bool:
        return bool(self._relay.jobs)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
