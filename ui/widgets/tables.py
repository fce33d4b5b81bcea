"""The one way a list the user reads but never edits in place is set up: rows selected whole,
no row numbers, one column taking the spare width, the others at a width that fits a typical
value (sizing to contents reads every row, which a long list cannot afford)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget

Single = QAbstractItemView.SelectionMode.SingleSelection
Extended = QAbstractItemView.SelectionMode.ExtendedSelection


def make_read_only(
    view: QTableView,
    *,
    stretch: int,
    widths: Mapping[int, int] | Iterable[tuple[int, int]] = (),
    selection: QAbstractItemView.SelectionMode | None = Single,
) -> None:
    """Set a table up as a read-only list; `selection` None leaves Qt's default (for a list
    nothing is done with but reading)."""
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if selection is not None:
        view.setSelectionMode(selection)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    pairs = widths.items() if isinstance(widths, Mapping) else widths
    for column, width in pairs:
        view.setColumnWidth(column, width)


def read_only_table(
    name: str,
    headers: Sequence[str],
    *,
    stretch: int,
    widths: Mapping[int, int] | Iterable[tuple[int, int]] = (),
    selection: QAbstractItemView.SelectionMode | None = Single,
) -> QTableWidget:
    """A new read-only QTableWidget with these column headers (see `make_read_only`)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    make_read_only(table, stretch=stretch, widths=widths, selection=selection)
    return table
