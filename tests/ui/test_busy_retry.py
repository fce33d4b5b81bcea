"""Busy data in the GUI (issue 14 item 6): another window or command holding the database is
said to be in use, never damaged, and the same action can be tried again from the message."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app import errors
from app.bootstrap import Workspace
from app.session import Session
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import on_next_modal, signed_in
from ui.context import UiContext
from ui.tasks import DatabaseThread


def test_busy_is_shown_as_in_use_and_the_action_runs_again_on_retry(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(workspace, db, session)
    owner = QWidget()
    qtbot.addWidget(owner)
    calls: list[int] = []
    done: list[str] = []
    seen: dict[str, str] = {}

    def work(_session: Session) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise errors.Busy()
        return "saved"

    def retry(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen["name"], seen["text"], seen["title"] = box.objectName(), box.text(), box.windowTitle()
        button = box.findChild(QPushButton, "busyRetryButton")
        if button is None:
            box.close()  # no way to try again: the test fails below, without hanging
            return
        button.click()

    on_next_modal(retry)
    context.run(work, owner=owner, on_done=done.append)
    qtbot.waitUntil(lambda: "text" in seen, timeout=10000)
    assert seen["name"] == "busyBox"
    qtbot.waitUntil(lambda: done == ["saved"], timeout=10000)
    assert len(calls) == 2
    assert "使用中" in seen["text"]
    assert "破損" not in seen["text"] and "壊れ" not in seen["text"]
    assert seen["title"] == "データを使用中です"
    db.call(session.close)


def test_closing_the_busy_message_does_not_run_the_action_again(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(workspace, db, session)
    owner = QWidget()
    qtbot.addWidget(owner)
    calls: list[int] = []
    closed: list[bool] = []

    def work(_session: Session) -> None:
        calls.append(1)
        raise errors.Busy()

    def close(box: QWidget) -> None:
        button = box.findChild(QPushButton, "busyCloseButton")
        if button is None:
            box.close()
            return
        closed.append(button.text() == "閉じる")
        button.click()

    on_next_modal(close)
    context.run(work, owner=owner)
    qtbot.waitUntil(lambda: closed == [True], timeout=10000)
    db.call(lambda: None)
    assert calls == [1]
    db.call(session.close)
