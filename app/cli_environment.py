"""The CLI's surroundings: the data folder's file modes, its log, and the words for a file
the system refused."""

from __future__ import annotations

import errno
from pathlib import Path

from app.redaction import configure_logging
from storage.atomic import make_private
from storage.layout import VaultPaths


def make_data_private(data_dir: Path) -> None:
    """The files of a data folder made by an earlier version (0644) become the user's alone;
    only a folder that holds our key-slot file, and only our own files in it."""
    paths = VaultPaths(data_dir)
    try:
        if not paths.slots.is_file():
            return
        folders = [data_dir / "logs", paths.upgrade_backups, *data_dir.glob("replaced-*")]
        inside = [child for folder in folders if folder.is_dir() for child in folder.iterdir()]
    except OSError:
        return
    database = paths.database
    make_private(
        [
            data_dir,
            database,
            database.with_name(database.name + "-journal"),
            paths.slots,
            paths.slots.with_name(paths.slots.name + ".bak"),
            paths.slots.with_name(paths.slots.name + ".lock"),
            paths.insecure_secrets,
            data_dir / "demo-recovery-sheet.pdf",
            *folders,
            *inside,
        ]
    )


def start_logging(data_dir: Path, *, command: bool) -> Path | None:
    """The log file in the data folder, if the folder can hold one; a folder that cannot (read
    only, a file in its place) does not stop the command, which then says what is wrong."""
    try:
        if not command and not data_dir.is_dir():
            return configure_logging(None)
        return configure_logging(data_dir / "logs")
    except OSError:
        return configure_logging(None)


_OS_REASONS = {
    errno.EACCES: "権限がありません",
    errno.EPERM: "権限がありません",
    errno.EROFS: "読み取り専用です",
    errno.ENOSPC: "ディスクの空き容量が不足しています",
    errno.ENOENT: "見つかりません",
    errno.ENOTDIR: "途中にフォルダーでないものがあります",
    errno.EISDIR: "フォルダーです",
    errno.EEXIST: "既にあります",
    errno.EBUSY: "使用中です",
    errno.ENAMETOOLONG: "名前が長すぎます",
}


def os_error_text(exc: OSError) -> str:
    """One Japanese sentence for a file the system refused (the path is printed through the
    redactor like every line)."""
    reason = _OS_REASONS.get(exc.errno or 0, "読み書きできませんでした")
    where = f"「{exc.filename}」" if exc.filename else "ファイル"
    return (
        f"{where}を読み書きできません（{reason}）。"
        "フォルダーの権限と空き容量を確認してから、もう一度実行してください。"
    )
