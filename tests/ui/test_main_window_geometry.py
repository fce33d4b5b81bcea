"""The main window fits the screen it opens on, stays within it whatever a page asks for,
remembers its size and place, and names the page in its title without doubling the program's
name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Workspace
from tests.ui.conftest import open_window
from ui import window_state
from ui.tasks import DatabaseThread

# A 1366×768 laptop screen less a 40 px task bar, as Windows reports it.
LAPTOP = QRect(0, 0, 1366, 728)


def _settle_layouts(window: QWidget) -> None:
    """Run the layout requests a change posted, then activate the window's layout directly."""
    QApplication.processEvents()
    QApplication.processEvents()
    window.layout().activate()


def _within(window: QWidget, area: QRect) -> bool:
    frame = window.frameGeometry()
    return frame.width() <= area.width() and frame.height() <= area.height()


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(window_state, "available_geometry", lambda widget=None: QRect(LAPTOP))
    return LAPTOP


def test_the_window_opens_within_the_screen_and_a_wide_page_cannot_push_it_past(
    qtbot, workspace: Workspace, db: DatabaseThread, laptop: QRect
) -> None:
    window = open_window(qtbot, workspace, db)
    assert _within(window, laptop), window.frameGeometry()
    assert window.width() >= 1200  # the default 1280 wide, less the frame if any
    # A page that asks for more than any screen has (as the 人員 page once did).
    window.show_page("people")
    window.current_page().setMinimumWidth(3000)
    _settle_layouts(window)
    assert _within(window, laptop), window.frameGeometry()
    # Also while locked and after unlocking nothing grows.
    window.lock("shortcut")
    _settle_layouts(window)
    assert _within(window, laptop), window.frameGeometry()
    # It can be maximised, and a maximised window is left alone.
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()


def test_the_real_screen_too(qtbot, workspace: Workspace, db: DatabaseThread) -> None:
    """The offscreen test screen is smaller than the default size: the window fits it."""
    window = open_window(qtbot, workspace, db)
    area = window.screen().availableGeometry()
    assert _within(window, area), (window.frameGeometry(), area)
    wide = QWidget()
    wide.setMinimumSize(area.width() * 3, area.height() * 3)
    window.pages.addWidget(wide)
    _settle_layouts(window)
    assert _within(window, area), (window.frameGeometry(), area)
    window.close()


def test_size_and_place_are_remembered(qtbot, workspace: Workspace, db: DatabaseThread) -> None:
    first = open_window(qtbot, workspace, db)
    first.setGeometry(30, 40, 770, 540)  # within the offscreen test screen
    geometry = first.geometry()
    first.sign_out_action.trigger()
    second = open_window(qtbot, workspace, db)
    assert second.geometry() == geometry
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized)
    second.close()
    third = open_window(qtbot, workspace, db)
    assert third.isMaximized()
    third.showNormal()
    qtbot.waitUntil(lambda: not third.isMaximized())
    assert third.geometry() == geometry
    third.close()


def test_the_title_names_the_page_and_the_program_only_once(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    app_name = QApplication.applicationDisplayName()
    assert app_name == "マイナンバー管理デスク"
    window = open_window(qtbot, workspace, db)
    assert window.windowTitle() == "ダッシュボード"
    window.show_page("people")
    assert window.windowTitle() == "人員"
    window.lock("shortcut")
    assert window.windowTitle() == "ロック中"
    # What the title bar shows: Qt adds the program's name once.
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title().count(app_name) <= 1
    window.close()


def test_no_page_asks_for_more_width_than_a_laptop_screen_has(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    """A page's minimum width is the whole window's (the pages share one stack): the year-end
    page's one row of print choices once asked for 1,197 px, 1,393 with the navigation."""
    window = open_window(qtbot, workspace, db)  # the manager: every page
    wide = {
        key: page.minimumSizeHint().width()
        for key, page in window.page_by_key.items()
        if page.minimumSizeHint().width() > LAPTOP.width() - 300
    }
    assert wide == {}
    assert window.minimumSizeHint().width() <= LAPTOP.width() - 100
    window.close()
