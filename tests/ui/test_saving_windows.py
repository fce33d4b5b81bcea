"""Saving on an office PC (#20 item 6): a file open in Excel or Acrobat is said in words, and the
recovery sheet is kept out of a OneDrive-synchronised folder unless the member insists."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QPushButton

from app.paths import cloud_synced_root, first_unsynced
from tests.ui.conftest import on_next_modal
from ui import file_dialogs, saving
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.dialogs.recovery_sheet import RecoverySheetPanel


def _blank_pdf() -> bytes:
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF = _blank_pdf()


def _open_in_excel(monkeypatch: pytest.MonkeyPatch, held: Path) -> None:
    """What Windows answers when another program holds the file: PermissionError (EACCES)."""
    real = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        if self == held:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(saving.Path, "write_bytes", write_bytes)


def _answers(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> list[str]:
    asked: list[str] = []
    answers = iter(paths)

    def save_name(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(next(answers)), ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", save_name)
    return asked


def _shown(texts: list[tuple[str, str]], button: str | None = None):
    def act(box) -> None:
        texts.append((box.windowTitle(), box.text()))
        if button is None:
            box.accept()
        else:
            box.findChild(QPushButton, button).click()

    return act


def test_a_pdf_open_in_acrobat_is_said_in_words(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "利用目的通知書.pdf"
    target.write_bytes(b"the old one")
    _open_in_excel(monkeypatch, target)
    _answers(monkeypatch, target)
    dialog = PdfPreviewDialog("書類", PDF, "書類.pdf")
    qtbot.addWidget(dialog)
    texts: list[tuple[str, str]] = []
    on_next_modal(_shown(texts))
    dialog.save_button.click()
    assert texts and texts[0][0] == "ファイルが開かれています"
    assert "Excel や Acrobat" in texts[0][1] and "利用目的通知書.pdf" in texts[0][1]
    assert target.read_bytes() == b"the old one"


def test_a_recovery_sheet_that_was_not_written_does_not_count_as_kept(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"")
    _open_in_excel(monkeypatch, target)
    _answers(monkeypatch, target)
    panel = RecoverySheetPanel()
    qtbot.addWidget(panel)
    panel.pdf = PDF
    panel.save_button.setEnabled(True)
    texts: list[tuple[str, str]] = []
    on_next_modal(_shown(texts))
    panel.save_button.click()
    assert texts and texts[0][0] == "ファイルが開かれています"
    assert not panel.handled and not panel.confirm.isEnabled()


@pytest.fixture
def one_drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Documents moved into OneDrive by Known Folder Move, Downloads left local."""
    root = tmp_path / "OneDrive - テスト事業所"
    (root / "ドキュメント").mkdir(parents=True)
    (tmp_path / "Downloads").mkdir()
    monkeypatch.setenv("OneDriveCommercial", str(root))
    places = {
        QStandardPaths.StandardLocation.DocumentsLocation: root / "ドキュメント",
        QStandardPaths.StandardLocation.DownloadLocation: tmp_path / "Downloads",
        QStandardPaths.StandardLocation.HomeLocation: tmp_path,
    }
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda kind: str(places.get(kind, tmp_path))
    )
    return root


def test_the_recovery_sheet_is_not_saved_to_onedrive_unless_insisted(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, one_drive: Path
) -> None:
    synced = one_drive / "ドキュメント" / "リカバリーシート.pdf"
    usb = tmp_path / "usb"
    usb.mkdir()
    asked = _answers(monkeypatch, synced, usb / "リカバリーシート.pdf")
    panel = RecoverySheetPanel()
    qtbot.addWidget(panel)
    panel.pdf = PDF
    panel.save_button.setEnabled(True)
    texts: list[tuple[str, str]] = []
    on_next_modal(_shown(texts, "chooseAnotherPlaceButton"))
    panel.save_button.click()
    # The dialog opened in Downloads, not in the synchronised Documents.
    assert Path(asked[0]).parent == tmp_path / "Downloads"
    assert texts and texts[0][0] == "このフォルダーは OneDrive にアップロードされます"
    assert len(asked) == 2
    assert not synced.exists()
    assert (usb / "リカバリーシート.pdf").read_bytes() == PDF
    assert panel.handled


def test_the_member_may_still_save_to_onedrive_after_the_warning(
    qtbot, monkeypatch: pytest.MonkeyPatch, one_drive: Path
) -> None:
    synced = one_drive / "ドキュメント" / "リカバリーシート.pdf"
    _answers(monkeypatch, synced)
    panel = RecoverySheetPanel()
    qtbot.addWidget(panel)
    panel.pdf = PDF
    panel.save_button.setEnabled(True)
    texts: list[tuple[str, str]] = []
    on_next_modal(_shown(texts, "saveHereAnywayButton"))
    panel.save_button.click()
    assert len(texts) == 1 and synced.read_bytes() == PDF and panel.handled


def test_onedrive_folders_are_recognised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(variable, raising=False)
    assert cloud_synced_root(tmp_path / "Documents") is None
    assert cloud_synced_root(tmp_path / "OneDrive" / "Documents") == tmp_path / "OneDrive"
    company = tmp_path / "OneDrive - 株式会社テスト"
    assert cloud_synced_root(company / "Desktop" / "x.pdf") == company
    assert cloud_synced_root(tmp_path / "OneDriveBackup") is None
    monkeypatch.setenv("OneDrive", str(tmp_path / "Cloud"))
    assert cloud_synced_root(tmp_path / "Cloud" / "Documents") == tmp_path / "Cloud"
    assert cloud_synced_root(tmp_path / "CloudX") is None
    assert first_unsynced([tmp_path / "Cloud" / "Documents", tmp_path / "Downloads"]) == (
        tmp_path / "Downloads"
    )
