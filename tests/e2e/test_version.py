"""`mynumber-desk --version`: the versions under the program, the data folder and the
keyring in use, printed without signing in and without touching the data folder."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from app import about
from tests.conftest import ROOT, Office, run_cli

NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")


def _version(data_dir: Path) -> dict[str, str]:
    result = run_cli("--data-dir", str(data_dir), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not NUMBER_RUN.search(result.stdout)
    lines = dict(line.split(": ", 1) for line in result.stdout.strip().splitlines())
    labels = about.CLI_LABELS
    return {key: lines[label] for key, label in labels.items() if label in lines}


def test_version_prints_every_engine_and_leaves_a_new_folder_alone(tmp_path: Path) -> None:
    folder = tmp_path / "not-yet"
    facts = _version(folder)
    assert facts["program"] == about.VERSION
    assert facts["sqlcipher"] == "4.19.0 community"
    assert re.fullmatch(r"OpenSSL 3\.\d+\.\d+.*", facts["openssl"])
    assert re.fullmatch(r"6\.\d+\.\d+", facts["qt"])
    assert re.fullmatch(r"6\.\d+\.\d+", facts["pyside6"])
    assert facts["python"].startswith("3.")
    assert facts["build"] == "source"
    assert facts["data_dir"] == str(folder)
    # The suite's keyring (tests/conftest.py) is what an unfrozen program would use here.
    assert facts["keyring"] == "tests.support.file_keyring.FileKeyring"
    assert not folder.exists()


def test_version_names_the_demo_file_store_of_an_insecure_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "keyslots.json").write_text('{"secret_store": "file"}', encoding="utf-8")
    facts = _version(folder)
    assert facts["keyring"] == (
        "ファイル（デモ・開発用。OSの資格情報ストアではありません）: "
        + str(folder / "insecure-machine-secret.json")
    )


def test_version_says_why_a_refused_backend_is_not_used(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    facts = _version(office.data.data_dir)
    assert facts["keyring"] == "使用できません（configured keyring backend not allowed）"


def test_the_program_version_is_the_package_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == about.VERSION


def test_version_of_a_folder_that_cannot_be_looked_into(tmp_path: Path) -> None:
    """Checking the folder fails (here a name longer than the system allows; on Windows a
    folder without permission): the versions are printed all the same, not an error."""
    folder = tmp_path / ("長い名前" * 80)
    facts = _version(folder)
    assert facts["program"] == about.VERSION
    assert facts["data_dir"] == str(folder)
    assert facts["keyring"] == "tests.support.file_keyring.FileKeyring"
