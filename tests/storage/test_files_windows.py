"""Files on Windows (#20 item 6): a replace another process holds for a moment is retried, one
held for good is a clear refusal, and a restore never swaps files under the running GUI."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest

from app import errors
from app.bootstrap import Workspace
from app.services import backup
from storage import atomic
from storage import errors as storage_errors
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

ERROR_SHARING_VIOLATION = 32


def _held(times: int, winerror: int | None = ERROR_SHARING_VIOLATION):
    """os.replace as Windows answers while an antivirus scan holds the file `times` times."""
    real = atomic.os.replace
    left = [times]

    def replace(source: Path, target: Path) -> None:
        if left[0] > 0:
            left[0] -= 1
            exc = PermissionError(errno.EACCES, "The process cannot access the file")
            if winerror is not None:
                exc.winerror = winerror  # type: ignore[misc]  # what Windows sets
            raise exc
        real(source, target)

    return replace


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    taken: list[float] = []
    monkeypatch.setattr(atomic, "_pause", taken.append)
    return taken


def test_a_file_held_for_a_moment_is_replaced_after_a_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "slots.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", _held(2))
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert pauses == [0.05, 0.1]


def test_a_file_held_for_good_is_a_clear_refusal_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    target = tmp_path / "slots.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", _held(100, winerror=5))
    with pytest.raises(storage_errors.FileInUse) as held:
        atomic.write_atomic(target, b"new")
    assert isinstance(held.value, PermissionError)  # code that handles OSError still does
    assert held.value.filename == "slots.json"
    assert len(pauses) == len(atomic.RETRY_PAUSES) and sum(pauses) < 5
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["slots.json"]
    message = errors.from_storage(held.value).message
    assert "他のプログラム" in message and "しばらく待って" in message


def test_a_refusal_that_is_not_a_held_file_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    monkeypatch.setattr(atomic.os, "replace", _held(1, winerror=None))
    with pytest.raises(PermissionError) as refused:
        atomic.write_atomic(tmp_path / "x", b"new")
    assert not isinstance(refused.value, storage_errors.FileInUse)
    assert pauses == []


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_restore_refuses_while_the_gui_runs_on_the_folder(office: Office, tmp_path: Path) -> None:
    made = backup.make_backup(office.manager, tmp_path / "usb")
    office.manager.close()
    running = Workspace(office.data.data_dir, office.clock).hold_in_use()
    assert running is not None
    before = _hashes(office.data.data_dir)
    try:
        with pytest.raises(errors.VaultInUse) as refused:
            backup.restore_backup(
                office.data,
                made.path,
                office.clock,
                login=MANAGER_LOGIN,
                password=MANAGER_PASSWORD,
                replace=True,
            )
        assert "画面を閉じて" in refused.value.message
        assert _hashes(office.data.data_dir) == before
        assert not list(office.data.data_dir.glob("replaced-*"))
    finally:
        running.release()
    session = backup.restore_backup(
        office.data,
        made.path,
        office.clock,
        login=MANAGER_LOGIN,
        password=MANAGER_PASSWORD,
        replace=True,
    )
    session.close()


def test_a_second_window_on_the_same_folder_does_not_take_the_mark(office: Office) -> None:
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    first = workspace.hold_in_use()
    assert first is not None
    assert workspace.hold_in_use() is None
    first.release()
    again = workspace.hold_in_use()
    assert again is not None
    again.release()
