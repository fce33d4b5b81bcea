"""Build the one-folder program an office installs: `dist/mynumber-desk/`.

    python3 packaging/build.py            # Windows: py packaging\\build.py

Makes (or reuses) a build venv with exactly the versions of packaging/constraints.txt, the
program's run-time dependencies only (no test tools) and PyInstaller; compiles the Japanese
catalogue; draws the icon; runs packaging/mynumber-desk.spec; prints the folder's size.
Standard library only, because it runs before anything is installed. The venv is
build/venv unless MYNUMBER_DESK_BUILD_VENV names another folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
FOLDER = DIST / "mynumber-desk"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
# The user manual as a PDF beside the programs, for the office to print before installing.
# The installer script names the files it carries; add this one there to ship it.
MANUAL_PDF = "操作マニュアル.pdf"
# The build tools, pinned in constraints.txt with the reason.
BUILD_TOOLS = ["pyinstaller", "pyinstaller-hooks-contrib", "altgraph"]


def build_venv() -> Path:
    return Path(os.environ.get("MYNUMBER_DESK_BUILD_VENV") or BUILD / "venv")


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def ensure_venv() -> Path:
    folder = build_venv()
    python = venv_python(folder)
    if not python.exists():
        print(f"ビルド用の仮想環境を作成しています… ({folder})", flush=True)
        venv.EnvBuilder(with_pip=True).create(folder)
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "packaging/constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    stamp = folder / ".installed-from"
    if not stamp.exists() or stamp.read_text() != digest.hexdigest():
        print("ビルドに必要なパッケージをインストールしています…", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install"]
        subprocess.run(
            [*pip, "-c", str(CONSTRAINTS), *runtime_requirements(), *BUILD_TOOLS], check=True
        )
        stamp.write_text(digest.hexdigest())
    return python


def folder_size(folder: Path) -> int:
    """Bytes on disk, a linked library counted once."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def version_info(version: str) -> str:
    """The Windows version resource (file properties) in PyInstaller's format."""
    numbers = (*(int(part) for part in version.split(".")[:3]), 0)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041104b0', [
      StringStruct('CompanyName', 'MyNumber Desk'),
      StringStruct('FileDescription', 'マイナンバー管理デスク'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'mynumber-desk'),
      StringStruct('OriginalFilename', 'mynumber-desk.exe'),
      StringStruct('ProductName', 'マイナンバー管理デスク'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0411, 1200])])
  ]
)
"""


def program_version() -> str:
    for line in (ROOT / "app" / "about.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("VERSION = "):
            return line.split('"')[1]
    raise SystemExit("app/about.py has no VERSION")


def build_manual(env: dict[str, str]) -> None:
    """The manual made by the frozen program itself (`mynumber-desk manual`): this also shows
    that the bundled fonts, chapters and screenshots load from the built folder."""
    import tempfile

    program = FOLDER / ("mynumber-desk.exe" if os.name == "nt" else "mynumber-desk")
    with tempfile.TemporaryDirectory(prefix="mynumber-desk-manual-") as scratch:
        # The command never touches the data folder; an empty one keeps the build's own away.
        subprocess.run(
            [str(program), "--data-dir", scratch, "manual", "--out", str(FOLDER / MANUAL_PDF)],
            check=True,
            env=env,
        )


def main(argv: list[str]) -> int:
    started = time.monotonic()
    python = ensure_venv()
    BUILD.mkdir(exist_ok=True)
    env = {**os.environ, "MYNUMBER_DESK_BUILD_DIR": str(BUILD), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([str(python), str(ROOT / "packaging" / "i18n.py"), "compile"], check=True)
    subprocess.run(
        [str(python), str(ROOT / "packaging" / "make_icon.py"), str(BUILD / "mynumber-desk.ico")],
        check=True,
        env=env,
    )
    (BUILD / "version-info.txt").write_text(version_info(program_version()), encoding="utf-8")
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "packaging" / "mynumber-desk.spec"),
            *argv,
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    build_manual(env)
    size = folder_size(FOLDER)
    print(
        f"{FOLDER}: {size / 1024 / 1024:.0f} MiB, "
        f"{sum(1 for p in FOLDER.rglob('*') if p.is_file() and not p.is_symlink())} files, "
        f"{time.monotonic() - started:.0f} s",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
