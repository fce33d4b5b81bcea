"""Check the Inno Setup script as far as a machine without Inno Setup can: its structure, the
rules it must keep (per-user install, the data folder never touched, the version), and that
every file it names exists in the build.

    python3 packaging/windows/check_iss.py [BUILD_FOLDER]   # default dist/mynumber-desk

A build made on Linux has `mynumber-desk` where Windows has `mynumber-desk.exe`; the check
accepts either. Standard library only. Exit 0 when every check holds, 1 with the problems.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = HERE / "mynumber-desk.iss"
KNOWN_SECTIONS = {
    "Setup",
    "Languages",
    "Files",
    "InstallDelete",
    "Icons",
    "Tasks",
    "Run",
    "UninstallRun",
    "UninstallDelete",
    "Registry",
    "Dirs",
    "Code",
}
ENTRY = re.compile(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')
# Any spelling of the data folder or of the AppData folders it lies in: an Inno constant
# ({localappdata}, {userappdata}), an environment constant ({%LOCALAPPDATA}) or %VARIABLE%.
DATA_FOLDER_WORDS = ("mynumberdesk", "appdata")
# The values of an entry that name what it writes, deletes, starts or passes to a program.
TARGET_KEYS = ("Name", "DestDir", "Filename", "Parameters", "WorkingDir")
# [Code] could delete anything at uninstall; what a machine without Inno Setup can check is
# that it names neither the data folder nor a deleting function.
CODE_DELETES = ("deltree", "deletefile", "delaydeletefile", "removedir", "exec(", "shellexec(")


@dataclass
class Script:
    defines: dict[str, str] = field(default_factory=dict)
    setup: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    code: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _expand(text: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), text)


def _entry(line: str) -> dict[str, str]:
    found = {}
    for match in ENTRY.finditer(line):
        value = match.group(2).strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        found[match.group(1)] = value
    return found


def parse(path: Path, defined: frozenset[str] = frozenset()) -> Script:
    """The preprocessor lines this script uses (#define, #ifdef, #ifndef, #endif), then the
    sections: [Setup] as directives, the others as `Name: value; ...` entries."""
    script = Script()
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        script.problems.append("not UTF-8 with a BOM (Inno Setup would misread the Japanese)")
    skipping: list[bool] = []
    section = None
    for number, line in enumerate(raw.decode("utf-8-sig").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            words = stripped.split(None, 2)
            if words[0] in ("#ifdef", "#ifndef"):
                present = words[1] in script.defines or words[1] in defined
                skipping.append(present != (words[0] == "#ifdef"))
            elif words[0] == "#endif":
                if not skipping:
                    script.problems.append(f"line {number}: #endif without #if")
                else:
                    skipping.pop()
            elif words[0] == "#define" and not any(skipping):
                script.defines[words[1]] = words[2].strip().strip('"') if len(words) > 2 else ""
            elif words[0] != "#define":
                script.problems.append(f"line {number}: preprocessor line not understood")
            continue
        if any(skipping) or not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
            if section not in KNOWN_SECTIONS:
                script.problems.append(f"line {number}: unknown section [{section}]")
            script.sections.setdefault(section, [])
            continue
        text = _expand(stripped, script.defines)
        if section == "Code":
            script.code.append(text)  # Pascal, not entries
            continue
        if section is None:
            script.problems.append(f"line {number}: text before any section")
        elif section == "Setup":
            key, sep, value = text.partition("=")
            if not sep:
                script.problems.append(f"line {number}: [Setup] line without '='")
            script.setup[key.strip()] = value.strip()
        else:
            entry = _entry(text)
            if not entry:
                script.problems.append(f"line {number}: [{section}] entry not understood")
            script.sections[section].append(entry)
    if skipping:
        script.problems.append("#ifdef/#ifndef without #endif")
    return script


def _built(build: Path, relative: str) -> list[Path]:
    """The build's files for a Source pattern (a Windows name or its Linux twin)."""
    relative = relative.replace("\\", "/")
    if "*" in relative:
        folder = build / relative.rsplit("/", 1)[0]
        return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    for candidate in (relative, relative.removesuffix(".exe")):
        if (build / candidate).is_file():
            return [build / candidate]
    return []


def _program_version() -> str | None:
    for line in (ROOT / "app" / "about.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("VERSION = "):
            return line.split('"')[1]
    return None


def problems(path: Path = SCRIPT, build: Path | None = None) -> list[str]:
    script = parse(path)
    found = list(script.problems)
    setup = script.setup
    for key in ("AppId", "AppName", "AppVersion", "DefaultDirName", "OutputBaseFilename"):
        if not setup.get(key):
            found.append(f"[Setup] {key} is missing")
    if setup.get("PrivilegesRequired", "").lower() != "lowest":
        found.append("PrivilegesRequired is not lowest: the install would need an administrator")
    if not setup.get("DefaultDirName", "").startswith("{autopf}"):
        found.append("DefaultDirName is not under {autopf} (%LOCALAPPDATA%\\Programs per user)")
    if setup.get("AppVersion") != _program_version():
        found.append(f"AppVersion {setup.get('AppVersion')} is not app/about.py's VERSION")
    if script.sections.get("UninstallDelete"):
        found.append(
            "[UninstallDelete] present: the uninstaller must remove only what it installed"
        )
    default_dir = setup.get("DefaultDirName", "").lower()
    if ".." in default_dir or any(word in default_dir for word in DATA_FOLDER_WORDS):
        found.append(f"DefaultDirName may be the data folder: {default_dir}")
    for section, entries in script.sections.items():
        for entry in entries:
            for key in TARGET_KEYS:
                target = entry.get(key, "").lower()
                if any(word in target for word in DATA_FOLDER_WORDS):
                    found.append(f"[{section}] touches the data folder: {target}")
                elif ".." in target.replace("\\", "/").split("/"):
                    found.append(f"[{section}] leaves the program folder by '..': {target}")
            target = (entry.get("Name") or "").lower()
            if section == "InstallDelete" and not target.startswith("{app}"):
                found.append(f"[InstallDelete] outside the program folder: {target}")
    for line in script.code:
        lowered = line.lower()
        if any(word in lowered for word in (*DATA_FOLDER_WORDS, *CODE_DELETES)):
            found.append(f"[Code] may delete or name the data folder: {line}")
    installed = set()
    build_dir = script.defines.get("BuildDir", "")
    for entry in script.sections.get("Files", []):
        source = entry.get("Source", "")
        dest = entry.get("DestDir", "")
        if not source.startswith(build_dir) or not dest.startswith("{app}"):
            found.append(f"[Files] entry outside the build or the program folder: {source}")
            continue
        relative = source[len(build_dir) :].lstrip("\\")
        if "*" not in relative:
            installed.add(dest.replace("{app}", "").strip("\\") + relative.rsplit("\\")[-1])
        if build is not None and not _built(build, relative):
            found.append(f"[Files] names what the build lacks: {relative}")
    for section in ("Icons", "Run"):
        for entry in script.sections.get(section, []):
            target = entry.get("Filename", "")
            if target.startswith("{app}\\") and target[len("{app}\\") :] not in installed:
                found.append(f"[{section}] starts a file that is not installed: {target}")
    if not any(
        e.get("Name", "").startswith("{autoprograms}") for e in script.sections.get("Icons", [])
    ):
        found.append("no start-menu entry ({autoprograms})")
    return found


def icon_problems(path: Path = SCRIPT) -> list[str]:
    """The setup icon, which packaging/build.py draws next to the build."""
    icon = parse(path).setup.get("SetupIconFile", "")
    if icon and not (path.parent / icon.replace("\\", "/")).is_file():
        return [f"SetupIconFile missing: {icon} (packaging/build.py draws it)"]
    return []


def main(argv: list[str]) -> int:
    build = Path(argv[0]) if argv else ROOT / "dist" / "mynumber-desk"
    if not build.is_dir():
        print(f"{build} がありません。先に packaging/build.py を実行してください。")
        return 2
    found = problems(SCRIPT, build) + icon_problems(SCRIPT)
    for problem in found:
        print(f"mynumber-desk.iss: {problem}")
    if not found:
        print(f"mynumber-desk.iss: every check holds against {build}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
