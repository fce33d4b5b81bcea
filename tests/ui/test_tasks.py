"""run_task: results come back on the GUI thread, and whatever the callbacks hold (their owner
widget, the dialog they close) is let go there too, never on the database thread."""

from __future__ import annotations

import threading
import weakref

from PySide6.QtCore import QObject, QTimer

from app import errors
from ui.tasks import DatabaseThread


class _Owner(QObject):
    def __init__(self, delivered: threading.Event) -> None:
        super().__init__()
        self.delivered = delivered
        self.seen: list[object] = []

    def done(self, value: object) -> None:
        self.seen.append(value)
        # Set once the delivery is over and the GUI thread has dropped what it held.
        QTimer.singleShot(0, self.delivered.set)


def _released_on(qtbot, fails: bool) -> list[bool]:
    """Run one task whose owner only the task keeps, the worker held back after the work as
    a loaded machine holds it, and say on which thread the owner was let go."""
    db = DatabaseThread()
    delivered = threading.Event()
    owner = _Owner(delivered)
    freed_on_gui: list[bool] = []
    watch = weakref.ref(  # noqa: F841 - the weak reference must live to call back
        owner, lambda _r: freed_on_gui.append(threading.current_thread() is threading.main_thread())
    )

    registered = threading.Event()

    def work() -> int:
        registered.wait(5)  # the hold below is in place before the work ends
        if fails:
            raise errors.InvalidInput("refused")
        return 42

    future = db.run_task(work, owner=owner, on_done=owner.done, on_error=owner.done)
    future.add_done_callback(lambda _f: delivered.wait(5))
    del future, owner
    registered.set()
    try:
        qtbot.waitUntil(lambda: delivered.is_set() and bool(freed_on_gui), timeout=10000)
    finally:
        db.shutdown()
    return freed_on_gui


def test_a_tasks_owner_and_callbacks_are_let_go_on_the_gui_thread(qtbot) -> None:
    """Issue 13: a dialog whose last reference sat in a finished job was destroyed on the
    database thread; its timers then fired on freed memory and the run aborted."""
    assert _released_on(qtbot, fails=False) == [True]


def test_so_are_they_after_a_refusal(qtbot) -> None:
    assert _released_on(qtbot, fails=True) == [True]


def test_results_and_refusals_arrive_in_order_on_the_gui_thread(qtbot) -> None:
    db = DatabaseThread()
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []

    def note(kind: str, value: object) -> None:
        seen.append((kind, value, threading.current_thread() is threading.main_thread()))

    def refuse() -> None:
        raise errors.InvalidInput("no")

    try:
        for value in (1, 2):
            db.run_task(lambda v=value: v, owner=owner, on_done=lambda r: note("done", r))
        db.run_task(refuse, owner=owner, on_error=lambda e: note("error", type(e).__name__))
        assert db.busy
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=10000)
        assert seen == [("done", 1, True), ("done", 2, True), ("error", "InvalidInput", True)]
        assert not db.busy
        # A gone owner gets nothing.
        gone = QObject()
        db.run_task(lambda: 3, owner=gone, on_done=lambda r: note("late", r))
        gone.deleteLater()
        qtbot.waitUntil(lambda: not db.busy, timeout=10000)
        assert len(seen) == 3
    finally:
        db.shutdown()
