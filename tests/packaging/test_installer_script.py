"""packaging/windows/mynumber-desk.iss, checked as far as a machine without Inno Setup can
(packaging/windows/check_iss.py): a per-user install, the data folder never touched, the
version in step, and only files the build has."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_iss", ROOT / "packaging" / "windows" / "check_iss.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


check_iss = _checker()
SPEC = (ROOT / "packaging" / "mynumber-desk.spec").read_text(encoding="utf-8")
# The programs the spec makes, and the manual PDF packaging/build.py writes beside them: what
# the build has is read from the two files that make it, so a renamed file fails here.
PROGRAMS = [f"{name}.exe" for name in re.findall(r'EXE\(.*name="([^"]+)"', SPEC)]
MANUAL_PDF = re.search(
    r'^MANUAL_PDF = "([^"]+)"',
    (ROOT / "packaging" / "build.py").read_text(encoding="utf-8"),
    re.MULTILINE,
).group(1)  # type: ignore[union-attr]


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """A build folder as packaging/build.py leaves it on Windows."""
    folder = tmp_path / "dist" / "mynumber-desk"
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "_internal" / "resources" / "app.qss").write_text("", encoding="utf-8")
    for name in PROGRAMS:
        (folder / name).write_bytes(b"MZ")
    (folder / MANUAL_PDF).write_bytes(b"%PDF-1.4")
    return folder


def test_the_script_carries_every_program_and_the_manual_the_build_makes() -> None:
    assert sorted(PROGRAMS) == ["mynumber-desk-gui.exe", "mynumber-desk.exe"]
    sources = {
        entry["Source"].rsplit("\\", 1)[-1]
        for entry in check_iss.parse(check_iss.SCRIPT).sections["Files"]
    }
    assert sources == {*PROGRAMS, MANUAL_PDF, "*"}
    icons = [entry["Filename"] for entry in check_iss.parse(check_iss.SCRIPT).sections["Icons"]]
    assert f"{{app}}\\{MANUAL_PDF}" in icons


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = check_iss.SCRIPT.read_text(encoding="utf-8-sig")
    assert old in text
    path = tmp_path / "variant.iss"
    path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")
    return path


def test_the_installer_script_keeps_every_rule(build: Path) -> None:
    assert check_iss.problems(check_iss.SCRIPT, build) == []
    script = check_iss.parse(check_iss.SCRIPT)
    assert script.setup["PrivilegesRequired"] == "lowest"
    assert "SignTool" not in script.setup  # only with /DSign on the signing machine
    assert check_iss.parse(check_iss.SCRIPT, frozenset({"Sign"})).setup["SignTool"] == "signtool"


def test_a_file_the_build_lacks_is_found(build: Path) -> None:
    (build / "mynumber-desk-gui.exe").unlink()
    found = check_iss.problems(check_iss.SCRIPT, build)
    assert any("mynumber-desk-gui.exe" in problem for problem in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("\nPrivilegesRequired=lowest", "\nPrivilegesRequired=admin", "administrator"),
        (
            "[Icons]",
            '[UninstallDelete]\nType: filesandordirs; Name: "{localappdata}\\MyNumberDesk"\n\n[Icons]',
            "UninstallDelete",
        ),
        ('#define AppVersion "0.1.0"', '#define AppVersion "0.0.9"', "VERSION"),
        (
            'Filename: "{app}\\{#AppExe}"; WorkingDir',
            'Filename: "{app}\\other.exe"; WorkingDir',
            "not installed",
        ),
        ("DefaultDirName={autopf}", "DefaultDirName={userappdata}", "{autopf}"),
        # The uninstaller deleting the data some other way than [UninstallDelete]:
        (
            "[Icons]",
            '[UninstallRun]\nFilename: "{cmd}"; Parameters: "/c rmdir /s /q '
            '""{%LOCALAPPDATA}\\MyNumberDesk"""; Flags: runhidden\n\n[Icons]',
            "touches the data folder",
        ),
        (
            "[Icons]",
            "[Code]\nprocedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);\n"
            "begin\n  DelTree(ExpandConstant('{localappdata}\\MyNumberDesk'), True, True, True);\n"
            "end;\n\n[Icons]",
            "[Code] may delete",
        ),
        (
            'Name: "{app}\\_internal"',
            'Name: "{app}\\..\\..\\MyNumber*"',
            "'..'",
        ),
        (
            "DefaultDirName={autopf}\\MyNumber Desk",
            "DefaultDirName={autopf}\\..\\MyNumberDesk",
            "DefaultDirName may be the data folder",
        ),
    ],
)
def test_a_broken_rule_is_found(
    tmp_path: Path, build: Path, old: str, new: str, expected: str
) -> None:
    found = check_iss.problems(_variant(tmp_path, old, new), build)
    assert any(expected in problem for problem in found), found


def test_a_script_without_its_bom_is_found(tmp_path: Path, build: Path) -> None:
    path = tmp_path / "no-bom.iss"
    path.write_text(check_iss.SCRIPT.read_text(encoding="utf-8-sig"), encoding="utf-8")
    assert any("BOM" in problem for problem in check_iss.problems(path, build))
