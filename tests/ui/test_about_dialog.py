"""ヘルプ > バージョン情報 shows what `--version` prints: the versions, the data folder and
the keyring in use."""

from __future__ import annotations

import os
import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app import about
from app.bootstrap import Workspace
from tests.ui.conftest import on_next_modal, open_window
from ui.dialogs.about_dialog import AboutDialog
from ui.tasks import DatabaseThread


def test_the_help_menu_opens_the_versions_of_everything(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    seen: dict[str, str] = {}

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, AboutDialog)
        seen.update({key: label.text() for key, label in dialog.values.items()})
        shot = os.environ.get("MYNUMBER_DESK_SHOT_DIR")
        if shot:
            dialog.grab().save(os.path.join(shot, "about.png"))
        dialog.reject()

    on_next_modal(read)
    action = window.findChild(QAction, "aboutAction")
    assert action is not None
    action.trigger()
    assert seen["program"] == about.VERSION
    assert seen["sqlcipher"] == "4.19.0 community"
    assert seen["openssl"].startswith("OpenSSL 3.")
    assert re.fullmatch(r"6\.\d+\.\d+", seen["qt"])
    assert re.fullmatch(r"6\.\d+\.\d+", seen["pyside6"])
    assert seen["data_dir"] == str(workspace.data_dir)
    assert seen["keyring"] == "tests.support.file_keyring.FileKeyring"
    assert seen["build"] == "ソースから実行"


def test_the_dialog_says_in_japanese_when_no_os_keyring_holds_the_key(
    qtbot, tmp_path, monkeypatch
) -> None:
    demo = tmp_path / "demo"
    demo.mkdir()
    (demo / "keyslots.json").write_text('{"secret_store": "file"}', encoding="utf-8")
    dialog = AboutDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.values["keyring"].text() == (
        "データと同じフォルダーのファイル（デモ・開発用。OSの資格情報ストアではありません）: "
        + str(demo / "insecure-machine-secret.json")
    )
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    refused = AboutDialog(tmp_path / "new")
    qtbot.addWidget(refused)
    assert refused.values["keyring"].text() == (
        "使用できません（configured keyring backend not allowed）"
    )
    assert not (tmp_path / "new").exists()
