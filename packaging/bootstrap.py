"""Set up the project's virtual environment, then start the program or run the checks.

    python3 packaging/bootstrap.py start   # set up, create a demo office if there is no data, start
    python3 packaging/bootstrap.py test    # set up, then ruff, import-linter and the test suite

Works on a fresh clone with only Python 3.11+ and the package registries (Windows: `py` instead
of `python3`). Standard library only, because it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
LOCAL_DATA = ROOT / ".local-data"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _inputs_hash() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "packaging/constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create .venv and install the project with pinned versions; skipped when up to date."""
    python = _venv_python()
    if not python.exists():
        print("仮想環境を作成しています… (.venv)", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _inputs_hash()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("必要なパッケージをインストールしています…", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run(
            [*pip, "install", "-c", str(ROOT / "packaging/constraints.txt"), "-e", f"{ROOT}[dev]"],
            check=True,
        )
        STAMP.write_text(wanted)
    # The compiled catalogue is a build product (ignored by git), refreshed on every run.
    subprocess.run([str(python), str(ROOT / "packaging/i18n.py"), "compile"], check=True)
    return python


def _tool(python: Path, name: str) -> str:
    scripts = python.parent
    exe = scripts / (name + (".exe" if os.name == "nt" else ""))
    return str(exe)


def start(python: Path) -> int:
    env = dict(os.environ)
    # A clone keeps its data inside the checkout unless told otherwise, so trying the program
    # never touches a real office's data folder.
    env.setdefault("MYNUMBER_DESK_DATA_DIR", str(LOCAL_DATA))
    data_dir = Path(env["MYNUMBER_DESK_DATA_DIR"])
    command = _tool(python, "mynumber-desk")
    if not (data_dir / "vault.db").exists():
        print(f"データがないため、デモ事業所を作成します: {data_dir}", flush=True)
        subprocess.run([command, "demo"], env=env, check=True)
    return subprocess.run([command], env=env).returncode


def test(python: Path, extra: list[str]) -> int:
    steps = [
        [_tool(python, "ruff"), "check", "."],
        [_tool(python, "ruff"), "format", "--check", "."],
        [_tool(python, "lint-imports")],
        [str(python), "-m", "pytest", *extra],
    ]
    for step in steps:
        print(
            "$ " + " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)),
            flush=True,
        )
        result = subprocess.run(step, cwd=ROOT)
        if result.returncode != 0:
            return result.returncode
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("start", "test"):
        print(__doc__)
        return 2
    python = ensure_environment()
    if argv[0] == "start":
        return start(python)
    return test(python, argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
