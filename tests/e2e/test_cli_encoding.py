"""The CLI on a Windows console and in pipes (#20 item 5): what it prints to a file or pipe is
UTF-8 whatever the system's code page, and --password-stdin reads UTF-8 (BOM or not) or UTF-16
with a BOM, takes exactly one line ending off, and refuses what it cannot read or a trailing
space without counting a try."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app import cli
from app.cli_io import configure_output, read_lines
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office, run_cli

LOCKOUT_TRIES = 5


def _settings_list(office: Office, monkeypatch: pytest.MonkeyPatch, stdin: bytes) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return cli.main(
        [
            "--data-dir",
            str(office.data.data_dir),
            "settings",
            "list",
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
        ],
        clock=office.clock,
    )


@pytest.fixture
def desk(office: Office) -> Office:
    office.manager.close()
    return office


@pytest.mark.parametrize(
    "stdin",
    [
        MANAGER_PASSWORD.encode() + b"\n",
        MANAGER_PASSWORD.encode() + b"\r\n",  # cmd, a file saved by Notepad
        b"\xef\xbb\xbf" + MANAGER_PASSWORD.encode() + b"\r\n",  # Notepad's UTF-8 with BOM
        (MANAGER_PASSWORD + "\r\n").encode("utf-16"),  # PowerShell 5.1: "pw" > file
        MANAGER_PASSWORD.encode(),  # no line ending at all
    ],
    ids=["lf", "crlf", "utf8-bom", "utf16-bom", "no-ending"],
)
def test_a_password_arrives_whole_in_every_encoding_windows_makes(
    desk: Office, monkeypatch: pytest.MonkeyPatch, stdin: bytes, capsys
) -> None:
    assert _settings_list(desk, monkeypatch, stdin) == cli.EXIT_OK, capsys.readouterr().err


@pytest.mark.parametrize(
    ("stdin", "said"),
    [
        (MANAGER_PASSWORD.encode() + b" \r\n", "空白で終わっています"),  # echo pw | ...
        (MANAGER_PASSWORD.encode() + b"\r\r\n", "空白で終わっています"),  # one ending only
        ("Blue-港-Lantern-41\r\n".encode("cp932"), "UTF-8"),  # a Shift_JIS file
    ],
    ids=["cmd-echo-space", "two-endings", "shift-jis"],
)
def test_what_cannot_be_the_password_is_refused_without_counting_a_try(
    desk: Office, monkeypatch: pytest.MonkeyPatch, stdin: bytes, said: str, capsys
) -> None:
    for _ in range(LOCKOUT_TRIES + 1):
        assert _settings_list(desk, monkeypatch, stdin) == cli.EXIT_USAGE
        err = capsys.readouterr().err
        assert said in err and "試行には数えていません" in err, err
    # Had any of them been tried, the account would now be locked.
    assert _settings_list(desk, monkeypatch, MANAGER_PASSWORD.encode() + b"\n") == cli.EXIT_OK


def test_output_to_a_file_or_pipe_is_utf8_whatever_the_code_page() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp932")  # Windows' redirected stdout
    configure_output([stream])
    stream.write("𠮷田 花子\n")
    stream.flush()
    assert raw.getvalue() == "𠮷田 花子\n".encode()


def test_read_lines_takes_exactly_one_ending_and_says_what_is_missing() -> None:
    assert read_lines(io.BytesIO(b"a\r\nb\n"), 2) == ["a", "b"]
    assert read_lines(io.BytesIO(b"a\n"), 2) == ["a", None]
    assert read_lines(io.BytesIO("a\u2028b\n".encode()), 1) == ["a\u2028b"]
    assert read_lines(None, 1) == [None]


def test_a_redirected_cli_prints_a_name_its_code_page_cannot_hold(tmp_path: Path) -> None:
    """As on Windows, where a pipe gets the ANSI code page (cp932) unless the CLI chooses."""
    data = tmp_path / "𠮷田事務所"
    result = run_cli(
        "--data-dir",
        str(data),
        "init",
        "--office",
        "𠮷田事務所",
        "--admin",
        MANAGER_LOGIN,
        "--admin-name",
        "𠮷田 花子",
        "--password-stdin",
        "--recovery-sheet",
        str(tmp_path / "sheet.pdf"),
        stdin=MANAGER_PASSWORD + "\n",
        env={"PYTHONIOENCODING": "cp932"},
    )
    assert result.returncode == 0, result.stderr
    assert "𠮷田事務所" in result.stdout


STORE_PYTHON = (
    r"C:\Program Files\WindowsApps"
    r"\PythonSoftwareFoundation.Python.3.11_3.11.2544.0_x64__qbz5n2kfra8p0"
)


def test_store_python_refuses_the_default_data_folder_before_writing_anything(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    """Store Python keeps writes under AppData in its private copy, deleted with it."""
    monkeypatch.setattr(sys, "base_prefix", STORE_PYTHON)
    monkeypatch.delenv("MYNUMBER_DESK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "appdata"))
    code = cli.main(["users", "list", "--user", MANAGER_LOGIN, "--password-stdin"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED and "Microsoft Store" in err and "--data-dir" in err
    assert not (tmp_path / "appdata").exists()
    # A folder named by the member is used as given.
    monkeypatch.setenv("MYNUMBER_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(MANAGER_PASSWORD + "\n"))
    cli.main(["users", "list", "--user", MANAGER_LOGIN, "--password-stdin"])
    assert "Microsoft Store" not in capsys.readouterr().err
