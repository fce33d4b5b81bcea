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
    "keyring": "キーリング",
}


def _secret_store(data_dir: Path) -> str:
    from storage.keystore import KIND_FILE, keyring_backend_in_use
    from storage.layout import VaultPaths, peek_secret_store

    paths = VaultPaths(data_dir)
    kind = peek_secret_store(paths) if paths.exists() else None
    if kind == KIND_FILE:
        return f"file (insecure, demo/development only): {paths.insecure_secrets}"
    return keyring_backend_in_use()


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


def version_text(facts: Facts) -> str:
    """The command line's lines: label, a colon, the value."""
    return "\n".join(f"{CLI_LABELS.get(key, key)}: {value}" for key, value in facts)
