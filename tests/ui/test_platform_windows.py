"""The Windows-only paths of ui/platform.py, run on any system against a fake Win32 that checks
prototypes, constants, handles and registrations as Windows would (tests/support/fake_win32.py).
What only a real Windows shows is in packaging/WINDOWS-CHECKLIST.md."""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.bootstrap import Workspace
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.support import fake_win32
from tests.support.fake_win32 import FakeWindows, NativeEvents
from tests.ui.conftest import on_next_modal, open_window, signed_in
from ui import platform, win32
from ui.lock import IdleWatcher
from ui.main import Shell
from ui.tasks import DatabaseThread


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeWindows:
    fake = FakeWindows()
    monkeypatch.setattr(platform, "_win32", fake.win32())
    return fake


@pytest.fixture
def native(monkeypatch: pytest.MonkeyPatch) -> NativeEvents:
    events = NativeEvents()
    events.install(monkeypatch.setattr)
    return events


@pytest.fixture
def guard(windows: FakeWindows) -> Iterator[platform.CaptureGuard]:
    app = QApplication.instance()
    installed = platform.install_capture_guard(app, on_failure=lambda: None)
    assert installed is not None
    yield installed
    app.removeEventFilter(installed)


# --- the declarations themselves ---------------------------------------------------------


def test_every_declared_function_matches_its_documented_prototype(windows: FakeWindows) -> None:
    assert set(win32.PROTOTYPES) == {name for _dll, name in fake_win32.DOCUMENTED}
    for name, prototype in win32.PROTOTYPES.items():
        assert (prototype.dll, name) in fake_win32.DOCUMENTED, name
    api = windows.win32()
    assert api.SetWindowDisplayAffinity(5, platform.WDA_EXCLUDEFROMCAPTURE)
    assert api.GetKeyState(0x14) == 0
    info = win32.LASTINPUTINFO(ctypes.sizeof(win32.LASTINPUTINFO))
    assert api.GetLastInputInfo(ctypes.byref(info))


def test_the_fake_refuses_a_wrong_declaration(windows: FakeWindows) -> None:
    """What the fake is for: RegisterPowerSettingNotification returns a 64-bit handle, which
    ctypes' default restype (int) would cut."""
    library = fake_win32.FakeLibrary(windows, "user32")
    function = library.RegisterPowerSettingNotification
    function.argtypes = [ctypes.c_void_p, ctypes.POINTER(win32.GUID), ctypes.c_ulong]
    with pytest.raises(AssertionError, match="restype"):
        function(5, ctypes.byref(win32.GUID.parse(platform.GUID_LIDSWITCH_STATE_CHANGE)), 0)
    undeclared = library.UnregisterPowerSettingNotification
    with pytest.raises(AssertionError, match="argtypes"):
        undeclared(5)


def test_the_watched_power_settings_are_the_documented_guids() -> None:
    for ours, documented in (
        (platform.GUID_CONSOLE_DISPLAY_STATE, "GUID_CONSOLE_DISPLAY_STATE"),
        (platform.GUID_LIDSWITCH_STATE_CHANGE, "GUID_LIDSWITCH_STATE_CHANGE"),
    ):
        parsed, expected = win32.GUID.parse(ours), fake_win32.guid(documented)
        assert parsed.key() == (
            expected.Data1,
            expected.Data2,
            expected.Data3,
            bytes(expected.Data4),
        )


# --- defect 1: capture exclusion -----------------------------------------------------------


def test_each_window_is_excluded_from_capture_through_the_declared_call(
    qtbot, windows: FakeWindows, guard: platform.CaptureGuard
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    hwnd = int(dialog.internalWinId())
    assert windows.affinity[hwnd] == fake_win32.WDA_EXCLUDEFROMCAPTURE
    assert not guard.failed


def test_a_window_being_destroyed_is_skipped_not_reported(
    qtbot, windows: FakeWindows, guard: platform.CaptureGuard
) -> None:
    """Qt sends WinIdChange with no handle when a window goes; SetWindowDisplayAffinity(NULL)
    fails, which showed the red banner at every run."""
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert all(hwnd for hwnd, _affinity in windows.called("SetWindowDisplayAffinity"))
    assert not guard.failed


def test_a_window_without_a_handle_is_not_given_one(qtbot) -> None:
    calls: list[int] = []
    guard = platform.CaptureGuard(lambda hwnd: calls.append(hwnd) or bool(hwnd), lambda: None)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    guard.protect(dialog)
    assert calls == [] and int(dialog.internalWinId()) == 0 and not guard.failed


def test_a_refused_exclude_from_capture_falls_back_to_monitor_only(
    qtbot, windows: FakeWindows, guard: platform.CaptureGuard, caplog
) -> None:
    windows.exclude_from_capture_supported = False  # before Windows 10 2004
    caplog.set_level(logging.INFO, logger="ui.platform")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    hwnd = int(dialog.internalWinId())
    assert windows.called("SetWindowDisplayAffinity")[-2:] == [
        (hwnd, fake_win32.WDA_EXCLUDEFROMCAPTURE),
        (hwnd, fake_win32.WDA_MONITOR),
    ]
    assert windows.affinity[hwnd] == fake_win32.WDA_MONITOR
    assert not guard.failed
    assert "error 87" in caplog.text


# --- defect 4: session lock, sleep, lid, display --------------------------------------------


def test_the_window_registers_checks_and_unregisters_on_sign_out(
    qtbot, workspace: Workspace, db: DatabaseThread, windows: FakeWindows, native: NativeEvents
) -> None:
    window = open_window(qtbot, workspace, db)
    hwnd = int(window.winId())
    assert windows.called("WTSRegisterSessionNotification") == [
        (hwnd, fake_win32.NOTIFY_FOR_THIS_SESSION)
    ]
    assert windows.session_windows == {hwnd}
    assert sorted(name for _hwnd, name in windows.power.values()) == [
        "GUID_CONSOLE_DISPLAY_STATE",
        "GUID_LIDSWITCH_STATE_CHANGE",
    ]
    assert len(native.filters) == 1
    window.sign_out()
    assert windows.session_windows == set()
    assert windows.power == {}
    assert native.filters == []
    assert windows.error == 0  # every unregistration named what was registered


def test_a_failed_registration_is_logged_and_not_undone(
    qtbot, workspace: Workspace, db: DatabaseThread, windows: FakeWindows, native, caplog
) -> None:
    windows.session_registration_error = fake_win32.RPC_S_INVALID_BINDING
    window = open_window(qtbot, workspace, db)
    assert "WTSRegisterSessionNotification failed (error 1702)" in caplog.text
    window.close()
    assert windows.called("WTSUnRegisterSessionNotification") == []
    assert native.filters == []


@pytest.mark.parametrize(
    ("what", "send", "locks"),
    [
        ("Win+L", lambda n, h: n.send(h, 0x02B1, fake_win32.WTS_SESSION_LOCK), True),
        (
            "remote disconnect",
            lambda n, h: n.send(h, 0x02B1, fake_win32.WTS_REMOTE_DISCONNECT),
            True,
        ),
        ("unlock", lambda n, h: n.send(h, 0x02B1, fake_win32.WTS_SESSION_UNLOCK), False),
        ("sleep", lambda n, h: n.send(h, 0x0218, fake_win32.PBT_APMSUSPEND), True),
        ("resume", lambda n, h: n.send(h, 0x0218, fake_win32.PBT_APMRESUMEAUTOMATIC), True),
        ("battery", lambda n, h: n.send(h, 0x0218, fake_win32.PBT_APMPOWERSTATUSCHANGE), False),
        (
            "lid closed",
            lambda n, h: n.send_power_setting(h, "GUID_LIDSWITCH_STATE_CHANGE", 0),
            True,
        ),
        (
            "lid opened",
            lambda n, h: n.send_power_setting(h, "GUID_LIDSWITCH_STATE_CHANGE", 1),
            False,
        ),
        (
            "display off",
            lambda n, h: n.send_power_setting(h, "GUID_CONSOLE_DISPLAY_STATE", 0),
            True,
        ),
        (
            "display dimmed",
            lambda n, h: n.send_power_setting(h, "GUID_CONSOLE_DISPLAY_STATE", 2),
            False,
        ),
        ("on AC power", lambda n, h: n.send_power_setting(h, "GUID_ACDC_POWER_SOURCE", 0), False),
        ("another window", lambda n, h: n.send(h + 1, 0x02B1, fake_win32.WTS_SESSION_LOCK), False),
    ],
)
def test_what_locks_the_window(
    qtbot,
    workspace: Workspace,
    db: DatabaseThread,
    windows: FakeWindows,
    native: NativeEvents,
    what: str,
    send,
    locks: bool,
) -> None:
    window = open_window(qtbot, workspace, db)
    send(native, int(window.winId()))
    assert window.locked is locks, what
    window.close()


def test_win_l_at_the_sign_in_prompt_after_a_sign_out_does_not_quit(
    qtbot,
    workspace: Workspace,
    db: DatabaseThread,
    windows: FakeWindows,
    native: NativeEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    shell = Shell(workspace, db)
    shell.open_main(signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD))
    first = shell.window
    assert first is not None
    hwnd = int(first.winId())
    asked_to_quit: list[str] = []
    prompt_stayed: list[bool] = []

    def answer_quit_box() -> None:  # the old code asked 「終了しますか」 from inside the lock
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked_to_quit.append(box.text())
            box.reject()
        else:
            QTimer.singleShot(20, answer_quit_box)

    def at_prompt(dialog) -> None:
        QTimer.singleShot(20, answer_quit_box)
        native.send(hwnd, fake_win32.WM_WTSSESSION_CHANGE, fake_win32.WTS_SESSION_LOCK)
        prompt_stayed.append(dialog.isVisible())
        if dialog.isVisible():
            dialog.login_edit.setText(MANAGER_LOGIN)
            dialog.password_edit.setText(MANAGER_PASSWORD)
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    on_next_modal(at_prompt)
    first.sign_out()
    assert prompt_stayed == [True] and asked_to_quit == []
    assert quits == []
    assert shell.window is not None and shell.window is not first
    assert not shell.window.locked
    assert windows.session_windows == {int(shell.window.winId())}
    shell.window.close()


# --- defect 7: the session's idle time counts ---------------------------------------------


class _Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_input_in_a_native_dialog_of_ours_keeps_the_window_unlocked(windows: FakeWindows) -> None:
    """Qt sees no input in a native file dialog; the session does, while it is in front."""
    clock = _Monotonic()
    watcher = IdleWatcher(300, monotonic=clock)
    watcher.active = True
    clock.now += 400
    windows.tick = windows.last_input + 10_000  # the member typed 10 s ago
    assert platform.system_idle_seconds() == 10.0
    assert watcher.seconds_left() == 290
    expired: list[bool] = []
    watcher.expired.connect(lambda: expired.append(True))
    watcher.check()
    assert expired == []


def test_input_in_another_program_does_not_keep_this_one_unlocked(windows: FakeWindows) -> None:
    clock = _Monotonic()
    watcher = IdleWatcher(300, monotonic=clock)
    watcher.active = True
    clock.now += 400
    windows.tick = windows.last_input + 10_000
    windows.foreground = (0x20_0000, 4)  # Excel in front
    assert platform.system_idle_seconds() is None
    expired: list[bool] = []
    watcher.expired.connect(lambda: expired.append(True))
    watcher.check()
    assert expired == [True]


def test_the_idle_time_survives_the_tick_count_wrap(windows: FakeWindows) -> None:
    windows.last_input = 0xFFFF_FFFF - 999
    windows.tick = 0x1_0000_0000 + 4000  # 49.7 days after boot, 5 s later
    assert platform.system_idle_seconds() == 5.0


def test_caps_lock_is_read_through_the_declared_call(windows: FakeWindows) -> None:
    assert platform.caps_lock_on() is False
    windows.caps_lock = True
    assert platform.caps_lock_on() is True
    assert windows.called("GetKeyState") == [(0x14,), (0x14,)]


# --- defect 7: no console window behind the GUI ----------------------------------------------


def test_a_windowed_entry_point_starts_the_gui_without_console_streams(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import tomllib

    from tests.conftest import ROOT
    from ui import launcher

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["gui-scripts"]["mynumber-desk-gui"] == "ui.launcher:gui_main"
    started: list[object] = []
    monkeypatch.setattr(launcher, "_start_gui", lambda data_dir: started.append(data_dir) or 0)
    monkeypatch.setattr("sys.argv", ["mynumber-desk-gui", "--data-dir", str(tmp_path)])
    monkeypatch.setattr("sys.stdout", None)  # pythonw.exe: no console, no streams
    monkeypatch.setattr("sys.stderr", None)
    assert launcher.gui_main() == 0
    assert started == [tmp_path]
