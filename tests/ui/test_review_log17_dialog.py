"""Review of #17: in アクセス記録の分析, a flag about the signed-in member's own actions is
another's to check under the two-person rule: its button stays off, and the dialog says why."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.bootstrap import Workspace
from app.services import audit
from tests.conftest import JST, MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import open_window
from tests.ui.test_log_analysis_dialog import _open_analysis
from ui.tasks import DatabaseThread


@pytest.fixture
def own_flag(office: Office) -> Office:
    manager = office.manager
    office.clock._now = datetime(2026, 11, 20, 22, 5, tzinfo=JST)  # Friday, after hours
    with manager.vault.write() as writer:
        audit.record(writer, manager, "number.revealed", target="person:1")
    office.clock._now = datetime(2026, 11, 24, 9, 0, tzinfo=JST)
    return office


def test_the_manager_cannot_check_a_flag_about_their_own_reveals(
    qtbot, own_flag: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db, MANAGER_LOGIN, MANAGER_PASSWORD)
    dialog = _open_analysis(qtbot, window)
    assert dialog.flags.rowCount() == 1
    dialog.flags.selectRow(0)
    dialog.note.setText("自分で確認")

    assert not dialog.acknowledge_button.isEnabled()
    message = dialog.findChild(QLabel, "analysisMessage")
    assert "ご自身の操作" in message.text()
    # Every label of the count axes is a whole number (0.2 steps printed as 0, 0, 0, 0, 0, 1).
    for chart in (dialog.daily, dialog.members):
        (axis,) = chart.chart().axes(Qt.Orientation.Vertical)
        assert axis.max() % (axis.tickCount() - 1) == 0, (axis.max(), axis.tickCount())
    dialog.close()
