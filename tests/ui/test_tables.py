"""The read-only list set-up every page and dialog uses (ui/widgets/tables.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.widgets.tables import Extended, read_only_table


def test_a_read_only_table_selects_whole_rows_and_never_edits(qtbot) -> None:
    table = read_only_table("listTable", ["A", "B", "C"], stretch=1, widths={0: 120, 2: 80})
    qtbot.addWidget(table)
    assert table.objectName() == "listTable"
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["A", "B", "C"]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.verticalHeader().isHidden()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert (table.columnWidth(0), table.columnWidth(2)) == (120, 80)


def test_selection_mode_can_be_extended_or_left_alone(qtbot) -> None:
    extended = read_only_table("a", ["A"], stretch=0, selection=Extended)
    untouched = read_only_table("b", ["A"], stretch=0, selection=None)
    qtbot.addWidget(extended)
    qtbot.addWidget(untouched)
    assert extended.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    # Qt's default for a table view, kept as it was.
    assert untouched.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
