"""アクセス記録の分析 from the records page: the charts, a flag raised by an after-hours reveal,
acknowledged by the supervisor with a note; the auditor reads it but cannot acknowledge."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import Workspace
from app.services import audit
from tests.conftest import AUDITOR_PASSWORD, JST, SUPERVISOR_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.dialogs.log_analysis_dialog import LogAnalysisDialog
from ui.tasks import DatabaseThread


@pytest.fixture
def flagged(office: Office) -> Office:
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    manager = office.manager
    for hour, minute in ((10, 0), (22, 5), (22, 40)):  # Friday 20 November
        office.clock._now = datetime(2026, 11, 20, hour, minute, tzinfo=JST)
        with manager.vault.write() as writer:
            audit.record(writer, manager, "number.revealed", target="person:1")
    office.clock._now = datetime(2026, 11, 24, 9, 0, tzinfo=JST)
    return office


def _open_analysis(qtbot, window) -> LogAnalysisDialog:
    page = window.show_page("records")
    qtbot.mouseClick(page.analysis_button, Qt.MouseButton.LeftButton)
    dialog = page.analysis_dialog
    assert isinstance(dialog, LogAnalysisDialog)
    qtbot.waitUntil(lambda: dialog.analysis is not None, timeout=10000)
    return dialog


def _actions(window, db: DatabaseThread) -> list[str]:
    session = window.context.session
    return db.call(
        lambda: [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log")]
    )


def test_a_flag_is_raised_and_acknowledged_by_the_supervisor(
    qtbot, flagged: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db, "sekinin", SUPERVISOR_PASSWORD)
    dialog = _open_analysis(qtbot, window)

    assert dialog.flags.rowCount() == 1
    assert "1回" not in dialog.flags.item(0, 2).text() and "2回" in dialog.flags.item(0, 2).text()
    assert dialog.daily.points == 1 and dialog.members.members == ["管理 花子"]
    assert "3" in dialog.summary.text()
    assert not dialog.acknowledge_button.isEnabled()
    dialog.flags.selectRow(0)
    assert "19" in dialog.rule.text()
    assert not dialog.acknowledge_button.isEnabled()  # no note yet
    dialog.note.setText("決算準備の残業。本人に確認")
    assert dialog.acknowledge_button.isEnabled()
    qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: (
            "決算準備の残業" in (dialog.flags.item(0, 3).text() if dialog.flags.item(0, 3) else "")
        ),
        timeout=10000,
    )
    assert "職員 Sekinin" in dialog.flags.item(0, 3).text()
    dialog.flags.selectRow(0)
    assert not dialog.acknowledge_button.isEnabled()  # already checked
    actions = _actions(window, db)
    assert actions.count("audit.flag_acknowledged") == 1
    assert actions.count("audit.analyzed") == 2  # opened, then again after the check
    dialog.close()


def test_the_auditor_reads_the_flags_but_cannot_acknowledge(
    qtbot, flagged: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    dialog = _open_analysis(qtbot, window)
    assert dialog.flags.rowCount() == 1
    assert dialog.acknowledge_button.isHidden() and dialog.note.isHidden()
    dialog.close()


def test_a_log_that_fails_its_check_is_said_above_the_counts(
    qtbot, flagged: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    """As the audit report does: the screen's counts come from an unverified log, and it says
    so; an intact log shows no warning."""
    window = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    dialog = _open_analysis(qtbot, window)
    qtbot.waitUntil(lambda: dialog.chain_checked, timeout=10000)  # it runs after the counts
    assert dialog.chain_warning.isHidden()
    dialog.close()

    def tamper(session) -> None:  # an insider's raw write, past the log's own trigger
        session.vault.conn.execute("DROP TRIGGER audit_log_no_update")
        session.vault.conn.execute("UPDATE audit_log SET action = 'number.revealed' WHERE seq = 2")

    session = window.context.session
    db.call(lambda: tamper(session))
    dialog = _open_analysis(qtbot, window)
    qtbot.waitUntil(lambda: dialog.chain_warning.isVisible(), timeout=10000)
    text = dialog.chain_warning.text()
    assert "アクセス記録の検証で問題" in text and "第2番" in text
    dialog.close()
