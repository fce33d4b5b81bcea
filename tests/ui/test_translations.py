"""Every visible string goes through tr(), and the Japanese catalogue is complete."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "ja.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found = {}
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_no_entry_is_unfinished_empty_or_obsolete() -> None:
    problems = []
    for (context, source), message in _messages(TS).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source}")
        elif not (translation.text or "").strip():
            problems.append(f"{context}: {source} (empty)")
    assert problems == []


def test_every_source_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    """lupdate over the code today must find nothing that ja.ts lacks."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set()


def test_placeholders_survive_translation() -> None:
    for (_context, source), message in _messages(TS).items():
        translated = message.findtext("translation") or ""
        for marker in ("%1", "%2", "%3"):
            assert (marker in source) == (marker in translated), source


def test_japanese_is_loaded_by_default(qapp) -> None:
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "ダッシュボード"
    assert QCoreApplication.translate("SignInDialog", "Sign in") == "サインイン"
