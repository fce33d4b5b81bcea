"""People page first paint: the real 人員 page showing its first page of rows right after
sign-in, against a bare QTableView over the same rows, measured in the same run.

    python bench/people_page.py [--people N] [--data PATH] [--runs R]

Goal (issue): at 100,000 employees the page's first paint with rows costs at most 2x the bare
view's. Offscreen (QT_QPA_PLATFORM=offscreen), in one process with the Japanese catalogue and
font, as the application starts. The office is the bulk demo, built once and cached (see
bench/demo_office.py). Each run, interleaved after one warm-up round, R times each:

(a) bare: a QStandardItemModel filled with the display texts of the same 200 rows (already in
    memory: no SQL), a QTableView over it, shown, until the viewport has painted;
(b) page: the manager signs in on the database thread (not timed: a fresh session, so the
    SQLCipher page cache is cold as after a real sign-in), then `PeopleListPage(context)` is
    built, shown and loaded (`people.search` on the database thread through `run_task`,
    `PeopleTableModel.set_page`) until its table's viewport has painted the rows.

Prints the medians and (b) / (a). Prints only, never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from demo_office import LOGIN, PASSWORD, add_arguments, demo_office  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget  # noqa: E402

from app.bootstrap import Workspace  # noqa: E402
from app.clock import SystemClock  # noqa: E402
from app.services import auth, people  # noqa: E402
from ui.application import create_application  # noqa: E402
from ui.context import UiContext  # noqa: E402
from ui.models.people_table_model import PeopleColumn, PeopleTableModel  # noqa: E402
from ui.pages.people_page import PAGE_SIZE, PeopleListPage  # noqa: E402
from ui.tasks import DatabaseThread  # noqa: E402

SIZE = (1100, 800)


class PaintedWithRows(QObject):
    """Ends the wait right after the viewport's first paint with `rows` rows in its model."""

    def __init__(self, view: QTableView, rows: int, loop: QEventLoop) -> None:
        super().__init__()
        self.view, self.rows, self.loop = view, rows, loop
        self.done_at: float | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.done_at is None
            and self.view.model().rowCount() >= self.rows
        ):
            QTimer.singleShot(0, self._painted)  # after this paint has run
        return False

    def _painted(self) -> None:
        if self.done_at is None:
            self.done_at = time.perf_counter()
            self.loop.quit()


def _wait_for_paint(view: QTableView, rows: int, show: QWidget, start: float) -> float:
    loop = QEventLoop()
    watch = PaintedWithRows(view, rows, loop)
    show.show()
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    if watch.done_at is None:
        raise SystemExit("no paint with rows within a minute")
    return watch.done_at - start


def _dispose(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()


def _bare(headers: list[str], texts: list[list[str]]) -> float:
    start = time.perf_counter()
    model = QStandardItemModel(len(texts), len(headers))
    model.setHorizontalHeaderLabels(headers)
    for row, values in enumerate(texts):
        for column, value in enumerate(values):
            model.setItem(row, column, QStandardItem(value))
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(*SIZE)
    elapsed = _wait_for_paint(view, len(texts), view, start)
    _dispose(view)
    return elapsed


def _page(workspace: Workspace, db: DatabaseThread, rows: int) -> float:
    session = db.call(
        lambda: auth.sign_in(workspace.paths, LOGIN, PASSWORD, workspace.clock, record=False)
    )
    context = UiContext(workspace, db, session)
    start = time.perf_counter()
    page = PeopleListPage(context)
    page.resize(*SIZE)
    page.load()
    elapsed = _wait_for_paint(page.table, rows, page, start)
    _dispose(page)
    db.call(session.close)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = demo_office(args.data, args.people)
    create_application()
    db = DatabaseThread()
    workspace = Workspace(data, SystemClock())
    try:
        session = db.call(
            lambda: auth.sign_in(workspace.paths, LOGIN, PASSWORD, workspace.clock, record=False)
        )
        first = db.call(lambda: people.search(session, "", limit=PAGE_SIZE))
        db.call(session.close)
        model = PeopleTableModel()
        model.set_page(first)
        texts = [
            [str(model.data(model.index(row, column))) for column in PeopleColumn]
            for row in range(model.rowCount())
        ]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in PeopleColumn]
        rows = len(texts)
        print(f"{first.total:,} people ({args.people:,} employees), first page {rows} rows")
        (
            _bare(headers, texts),
            _page(workspace, db, rows),
        )  # warm-up: imports, fonts, first-use caches
        bare_times, page_times = [], []
        for _ in range(args.runs):
            bare_times.append(_bare(headers, texts))
            page_times.append(_page(workspace, db, rows))
    finally:
        db.shutdown()
    bare, page = statistics.median(bare_times), statistics.median(page_times)
    print(f"bare QTableView, 200 rows, first paint : {bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"people page after sign-in, first paint : {page * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio page / bare                      : {page / bare:7.2f}  (goal <= 2.00)")


if __name__ == "__main__":
    main()
