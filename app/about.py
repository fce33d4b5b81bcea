"""What `mynumber-desk --version` and the About dialog show: the program's version, the
versions of the engines under it, and the data folder and keyring in use.

Read without signing in and without opening the database; nothing here is personal data."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from pathlib import Path

# The program's version; pyproject.toml's [project] version says the same (a test checks),
# kept here because a frozen build carries no package metadata.
VERSION = "0.1.0"

Facts = list[tuple[str, str]]

# The command line's labels; the About dialog translates the same keys through Qt.
CLI_LABELS = {
    "program": "マイナンバー管理デスク",
    "sqlcipher": "SQLCipher",
    "openssl": "OpenSSL",
    "qt": "Qt",
    "pyside6": "PySide6",
    "python": "Python",
    "build": "実行形式",
    "data_dir": "データフォルダー",
    "keyring": "PCの鍵の保管先",
}


# The keyring fact's value: an OS backend's name, or one of these prefixes and a detail.
KEYRING_FILE = "file: "
KEYRING_UNAVAILABLE = "unavailable: "


def _secret_store(data_dir: Path) -> str:
    from storage.keystore import KIND_FILE, keyring_backend_in_use
    from storage.layout import VaultPaths, peek_secret_store

    paths = VaultPaths(data_dir)
    try:
        kind = peek_secret_store(paths) if paths.exists() else None
    except (OSError, ValueError):
        # A folder that cannot even be looked into (no permission, a name too long): the
        # versions are still shown, and the store this PC would use.
        kind = None
    if kind == KIND_FILE:
        return KEYRING_FILE + str(paths.insecure_secrets)
    backend, reason = keyring_backend_in_use()
    return backend if backend is not None else KEYRING_UNAVAILABLE + reason


def keyring_kind(value: str) -> tuple[str, str]:
    """("os", backend), ("file", the demo secret file) or ("unavailable", why)."""
    for kind, prefix in (("file", KEYRING_FILE), ("unavailable", KEYRING_UNAVAILABLE)):
        if value.startswith(prefix):
            return kind, value[len(prefix) :]
    return "os", value


def version_facts(data_dir: Path, gui_facts: Callable[[], Facts] | None = None) -> Facts:
    """(key, value) pairs in display order (keys as in CLI_LABELS). `gui_facts` adds Qt and
    PySide6 (the ui layer passes it in, since app may not import Qt)."""
    from storage.connection import engine_versions

    sqlcipher, provider = engine_versions()
    facts: Facts = [("program", VERSION), ("sqlcipher", sqlcipher), ("openssl", provider)]
    if gui_facts is not None:
        facts += gui_facts()
    facts += [
        ("python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("build", "frozen" if getattr(sys, "frozen", False) else "source"),
        ("data_dir", str(data_dir)),
        ("keyring", _secret_store(data_dir)),
    ]
    return facts


def _cli_value(key: str, value: str) -> str:
    if key != "keyring":
        return value
    kind, detail = keyring_kind(value)
    if kind == "file":
        return f"ファイル（デモ・開発用。OSの資格情報ストアではありません）: {detail}"
    if kind == "unavailable":
        return f"使用できません（{detail}）"
    return detail


def version_text(facts: Facts) -> str:
    """The command line's lines: label, a colon, the value."""
    return "\n".join(
        f"{CLI_LABELS.get(key, key)}: {_cli_value(key, value)}" for key, value in facts
    )
