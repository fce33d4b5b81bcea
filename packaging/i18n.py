"""Keep the Japanese catalogue in step with the code and compile it.

    python packaging/i18n.py update    # pyside6-lupdate: add new tr() sources to ja.ts
    python packaging/i18n.py compile   # pyside6-lrelease: ja.ts -> ja.qm (bootstrap runs this)
    python packaging/i18n.py fill F    # fill unfinished entries from a Python dict JA in file F

New sources arrive as "unfinished"; a test fails until each has its Japanese text.
"""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "ja.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    scripts = Path(sys.executable).parent
    found = shutil.which(name, path=str(scripts)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (is PySide6 installed in this environment?)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update() -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-ts",
            str(TS),
            "-source-language",
            "en",
            "-target-language",
            "ja",
            "-no-obsolete",
        ],
        cwd=ROOT,
        check=True,
    )


def compile_catalogue(target: Path = QM) -> Path:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(target)], check=True, capture_output=True
    )
    return target


def fill(mapping_file: Path) -> None:
    mapping: dict[str, str] = runpy.run_path(str(mapping_file))["JA"]
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        # Only unfinished entries: the same English word can mean another thing in another
        # context ("People": 人員 in the menu, 人数 in a column), and a finished one stays.
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in mapping:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_catalogue()
    elif command == "fill" and len(sys.argv) == 3:
        fill(Path(sys.argv[2]))
    else:
        print(__doc__)
        raise SystemExit(2)
