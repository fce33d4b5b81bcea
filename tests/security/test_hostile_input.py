"""Hostile input (issue 14, items 10, 12 and 14): import files built to exhaust memory or hang,
keyring backends that would keep the machine secret in plain text, login names that could hold
a number, and files that other users of the PC could read.

The import files are read in a child process (tests/support/hostile_read.py) whose address space
is capped, so a reader that tries to hold gigabytes fails that child instead of the machine, and
one that blocks for ever fails the test by its timeout; the child reports the tracemalloc peak
and the bytes it read, which the tests bound.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from app import errors
from app.services import importing, staff
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, ROOT, Office, run_cli
from tests.support import hostile_files

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MB = 1024 * 1024
PEAK_LIMIT = 100 * MB
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and special files")


def _hostile_read(path: Path) -> dict[str, object]:
    """Read `path` as the import does, in a capped child; what it reported."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.support.hostile_read", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _one_japanese_sentence(report: dict[str, object]) -> str:
    assert "crash" not in report, report
    message = report.get("error")
    assert isinstance(message, str), report
    assert len(message.splitlines()) == 1 and JAPANESE.search(message), message
    return message


def _fifo(tmp: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp / "people.csv"
    os.mkfifo(path)
    return path


def _device(_tmp: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    return Path("/dev/zero")


def _endless_regular_file(_tmp: Path) -> Path:
    """A regular file whose size says 0 and whose content does not end (its process's page
    map: 8 bytes per page of a 128 TB address space)."""
    path = Path("/proc/self/pagemap")
    if not path.exists():
        pytest.skip("no /proc here")
    return path


def _csv_one_line_of_commas(tmp: Path) -> Path:
    """30 MB of commas: one record of thirty million empty cells."""
    path = tmp / "commas.csv"
    with open(path, "wb") as handle:
        for _ in range(30):
            handle.write(b"," * MB)
    return path


def _csv_of_many_short_rows(tmp: Path) -> Path:
    """10 MB of one-letter rows: five million rows where 200,000 are allowed."""
    path = tmp / "rows.csv"
    path.write_bytes(b"a\n" * (5 * MB))
    return path


# name -> (make the file, a word the refusal must contain, most bytes the reader may read)
HOSTILE: dict[str, tuple[Callable[[Path], Path], str, int]] = {
    "a named pipe": (_fifo, "通常のファイルではありません", 64 * 1024),
    "/dev/zero": (_device, "通常のファイルではありません", 64 * 1024),
    "a folder": (lambda tmp: tmp, "フォルダー", 64 * 1024),
    "an endless regular file": (
        _endless_regular_file,
        "大きすぎます",
        importing.MAX_BYTES + MB,
    ),
    "a zip bomb": (hostile_files.zip_bomb, "大きすぎます", 4 * MB),
    "a row of two million cells": (hostile_files.giant_row, "想定外", 4 * MB),
    "a row numbered a thousand million": (hostile_files.far_row, "行数の上限", 4 * MB),
    "an entity expansion": (hostile_files.entity_bomb, "DTD", 4 * MB),
    "a workbook without a sheet": (hostile_files.no_sheet, "シートがありません", 4 * MB),
    "a CSV line of thirty million cells": (_csv_one_line_of_commas, "長すぎます", 31 * MB),
    "a CSV of five million rows": (_csv_of_many_short_rows, "行数が多すぎます", 11 * MB),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_import_file_is_refused_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    make, word, most_read = HOSTILE[kind]
    path = make(tmp_path)
    report = _hostile_read(path)
    message = _one_japanese_sentence(report)
    assert word in message, message
    assert int(report["peak"]) < PEAK_LIMIT, report  # type: ignore[call-overload]
    if report["read"] is not None:
        assert int(report["read"]) <= most_read, report  # type: ignore[call-overload]


def test_a_sheet_that_claims_the_whole_grid_is_read_for_what_it_holds(tmp_path: Path) -> None:
    """4 KB whose <dimension> says A1:XFD1048576 and whose last row holds a word: the reader
    once made a row of 16,384 cells of every missing row (8 GB); what the sheet holds is a
    heading, three people and that word."""
    path = hostile_files.huge_dimension(tmp_path)
    assert path.stat().st_size < 8 * 1024
    report = _hostile_read(path)
    assert report.get("rows") == 5, report
    assert int(report["peak"]) < PEAK_LIMIT, report  # type: ignore[call-overload]


def test_data_beyond_the_last_allowed_column_is_refused_not_dropped(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["区分", "従業員コード", "氏名", "フリガナ"])
    sheet.append(["従業員", "E001", "山田 太郎", "ヤマダ タロウ"])
    sheet.cell(row=2, column=importing.import_files.MAX_COLUMNS + 40, value="メモ")
    path = tmp_path / "wide.xlsx"
    book.save(path)
    with pytest.raises(errors.InvalidInput, match="列が多すぎます"):
        importing.read_table(path)
    csv_path = tmp_path / "wide.csv"
    csv_path.write_text("区分,氏名\n従業員," + "," * 70 + "メモ\n", encoding="utf-8")
    with pytest.raises(errors.InvalidInput, match="列が多すぎます"):
        importing.read_table(csv_path)


# --- through the command: one line, nothing imported ---------------------------------------


@pytest.fixture
def cli_office(tmp_path: Path) -> Path:
    """An office set up by `init`: the manager does the clerical work, so may import."""
    data = tmp_path / "data"
    done = run_cli(
        "--data-dir",
        str(data),
        "init",
        "--office",
        "テスト事業所",
        "--admin",
        MANAGER_LOGIN,
        "--admin-name",
        "管理 花子",
        "--password-stdin",
        "--recovery-sheet",
        str(tmp_path / "sheet.pdf"),
        stdin=MANAGER_PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr
    return data


def _people_count(data: Path) -> str:
    listed = run_cli(
        "--data-dir",
        str(data),
        "people",
        "list",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )
    assert listed.returncode == 0, listed.stderr
    return listed.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "kind",
    ["a named pipe", "/dev/zero", "a folder", "a zip bomb", "a row of two million cells"],
)
def test_a_hostile_import_file_through_the_command_imports_nothing(
    cli_office: Path, tmp_path: Path, kind: str
) -> None:
    make, word, _ = HOSTILE[kind]
    source = tmp_path / "source"
    source.mkdir()
    path = make(source)
    result = run_cli(
        "--data-dir",
        str(cli_office),
        "import",
        "people",
        str(path),
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
        timeout=120,
    )
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mynumber-desk: エラー: "), result.stderr
    assert word in lines[0] and "Traceback" not in result.stderr
    assert _people_count(cli_office) == "0件"


# --- item 12: only the OS keyring, never a plain-text one ---------------------------------


@pytest.fixture
def keyring_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """keyring as an office PC has it: no PYTHON_KEYRING_BACKEND, keyring's own choice."""
    import keyring.core

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    saved = keyring.core._keyring_backend
    yield
    keyring.core._keyring_backend = saved


def _plaintext_keyring(folder: Path) -> object:
    """What keyrings.alt's PlaintextKeyring does: the secret in a file, readable as it is."""
    from keyring.backend import KeyringBackend

    class PlaintextKeyring(KeyringBackend):
        priority = 0.5  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            path = folder / f"{username}.txt"
            return path.read_text(encoding="utf-8") if path.exists() else None

        def set_password(self, service: str, username: str, password: str) -> None:
            (folder / f"{username}.txt").write_text(password, encoding="utf-8")

        def delete_password(self, service: str, username: str) -> None:
            (folder / f"{username}.txt").unlink(missing_ok=True)

    return PlaintextKeyring()


def test_a_plain_text_keyring_backend_is_refused_and_nothing_is_stored(
    keyring_default: None, data, clock, tmp_path: Path
) -> None:
    import keyring

    from app.services import setup

    stash = tmp_path / "plaintext"
    stash.mkdir()
    keyring.set_keyring(_plaintext_keyring(stash))
    with pytest.raises(errors.KeystoreUnavailable) as refused:
        setup.initialize(
            data,
            office_name="事業所",
            admin_login=MANAGER_LOGIN,
            admin_display_name="管理 花子",
            admin_password=MANAGER_PASSWORD,
            clock=clock,
        )
    assert "平文での保存は行いません" in refused.value.message
    assert list(stash.iterdir()) == []
    assert not data.database.exists() and not data.slots.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Secret Service is Linux's")
def test_keyrings_chain_uses_only_its_allowed_member(keyring_default: None, tmp_path) -> None:
    """keyring's chain stores in the first member that works, a plain-text one included:
    only the allowed member is used, alone."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends.chainer import ChainerBackend

    from storage.keystore import KeyringStore

    class Keyring(KeyringBackend):  # named as the Secret Service backend is
        priority = 5  # type: ignore[assignment]
        values: ClassVar[dict[str, str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get(username)

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[username] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop(username, None)

    Keyring.__module__, Keyring.__qualname__ = "keyring.backends.SecretService", "Keyring"
    stash = tmp_path / "plaintext"
    stash.mkdir()

    class Chain(ChainerBackend):
        # Best first, as keyring sorts them.
        backends: ClassVar[list[object]] = [_plaintext_keyring(stash), Keyring()]

    keyring.set_keyring(Chain())
    store = KeyringStore()
    assert store.backend_name == "keyring.backends.SecretService.Keyring"
    store.put("machine", "secret")
    assert Keyring.values == {"machine": "secret"} and list(stash.iterdir()) == []


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_a_backend_named_in_the_environment_must_be_on_the_list_on_every_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    from storage import keystore
    from storage.errors import KeystoreUnavailable

    monkeypatch.setattr(keystore.sys, "platform", platform)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    with pytest.raises(KeystoreUnavailable):
        keystore.KeyringStore()


def test_the_test_keyring_needs_the_test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import keystore
    from storage.errors import KeystoreUnavailable

    assert keystore.KeyringStore().backend_name == "tests.support.file_keyring.FileKeyring"
    monkeypatch.delenv(keystore.ENV_TEST_KEYRING)
    with pytest.raises(KeystoreUnavailable):
        keystore.KeyringStore()
    monkeypatch.setenv(keystore.ENV_TEST_KEYRING, "/tmp/keyring.json")
    monkeypatch.setattr(keystore.sys, "frozen", True, raising=False)
    with pytest.raises(KeystoreUnavailable):
        keystore.KeyringStore()


# --- item 14: no number in a login name; files for this user only --------------------------

NUMBER_LOGINS = [
    "a123456789012",
    "1234-5678-9012",
    "1234.5678.9012x",
    "u1234_5678_9012",
    "ｕ１２３４５６７８９０１２",  # full width, as typed with the IME on
    "a1b2c3d4e5f6g7h8i9j0k1l2",
]


@pytest.mark.parametrize("login", NUMBER_LOGINS)
def test_a_login_name_that_could_hold_a_number_is_refused_without_quoting_it(
    office: Office, login: str
) -> None:
    with pytest.raises(errors.InvalidInput) as refused:
        staff.create_staff(
            office.manager,
            login=login,
            display_name="職員 一郎",
            roles=["clerk"],
            scopes=[],
            initial_password="Quiet-River-Stone-88",
        )
    assert "ユーザー名" in refused.value.message
    assert not re.search(r"[0-9０-９]{4}", refused.value.message), refused.value.message
    assert [m.login_name for m in staff.list_staff(office.manager)] == [MANAGER_LOGIN]


def test_a_display_name_with_digits_is_refused(office: Office) -> None:
    with pytest.raises(errors.InvalidInput, match="氏名に数字は使えません"):
        staff.create_staff(
            office.manager,
            login="tanaka",
            display_name="田中 １２３４－５６７８－９０１２",
            roles=["clerk"],
            scopes=[],
            initial_password="Quiet-River-Stone-88",
        )


def test_init_refuses_a_manager_login_that_could_hold_a_number(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_cli(
        "--data-dir",
        str(data),
        "init",
        "--office",
        "事業所",
        "--admin",
        "kanri-1234-5678-9012",
        "--password-stdin",
        "--recovery-sheet",
        str(tmp_path / "sheet.pdf"),
        stdin=MANAGER_PASSWORD + "\n",
    )
    assert result.returncode == 1
    assert "ユーザー名" in result.stderr and "1234" not in result.stderr + result.stdout
    assert not (data / "vault.db").exists()


def _not_private(*roots: Path) -> list[str]:
    """Every file or folder under `roots` that its group or others may use."""
    found = []
    for root in roots:
        for path in [root, *root.rglob("*")]:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                continue
            if mode & 0o077:
                found.append(f"{oct(mode & 0o777)} {path}")
    return found


@POSIX_ONLY
def test_every_file_the_commands_create_is_for_this_user_only(tmp_path: Path) -> None:
    """After set-up, a member, an import, an export, a report, a backup, a new recovery sheet
    and a demo office: the data folders and every output are 0600 (folders 0700), though the
    commands start with the usual umask (022)."""
    data, out = tmp_path / "data", tmp_path / "out"
    manager = ["--user", MANAGER_LOGIN, "--password-stdin"]

    def cli(*args: str, stdin: str = MANAGER_PASSWORD + "\n") -> None:
        done = run_cli("--data-dir", str(data), *args, stdin=stdin)
        assert done.returncode == 0, done.stderr

    old = os.umask(0o022)  # the umask the commands start with: files 0644 unless we say
    try:
        cli(
            "init",
            "--office",
            "テスト事業所",
            "--admin",
            MANAGER_LOGIN,
            "--admin-name",
            "管理 花子",
            "--password-stdin",
            "--recovery-sheet",
            str(out / "sheet.pdf"),
        )
        cli(
            "users",
            "add",
            "tanaka",
            "--name",
            "田中 一郎",
            "--roles",
            "clerk",
            *manager,
            stdin=f"{MANAGER_PASSWORD}\nQuiet-River-Stone-88\n",
        )
        cli("import", "template", "--out", str(out / "template.csv"))
        cli("import", "people", str(out / "template.csv"), *manager)
        cli("audit", "export", "--out", str(out / "exports" / "audit.csv"), *manager)
        cli(
            "report",
            "deletion-records",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out / "reports" / "ledger.pdf"),
            *manager,
        )
        cli("backup", "--to", str(out / "backups"), *manager)
        cli("recovery-sheet", "--out", str(out / "sheet-2.pdf"), *manager)
        cli("verify", *manager)
        demo = run_cli("--data-dir", str(tmp_path / "demo"), "demo", "--people", "3")
        assert demo.returncode == 0, demo.stderr
    finally:
        os.umask(old)
    assert (data / "vault.db").exists() and list((out / "backups").iterdir())
    assert (tmp_path / "demo" / "demo-recovery-sheet.pdf").exists()
    assert _not_private(data, out, tmp_path / "demo") == []


@POSIX_ONLY
def test_files_are_created_private_even_under_an_open_umask(
    tmp_path: Path, data, clock, open_umask: None
) -> None:
    """Without the entry point's umask (a script, a test, a library user): the database, its
    journal while a write is under way, the slot files, the log and a backup are still 0600."""
    from app.redaction import configure_logging
    from app.services import audit, backup, setup

    result = setup.initialize(
        data,
        office_name="事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
    )
    session = result.session
    try:
        journal = data.database.with_name(data.database.name + "-journal")
        with session.vault.write() as writer:
            audit.record(writer, session, "signout")
            assert journal.exists()
            assert stat.S_IMODE(journal.stat().st_mode) == 0o600
        backup.make_backup(session, tmp_path / "backups")
    finally:
        session.close()
    log_file = configure_logging(tmp_path / "logs")
    assert log_file is not None and log_file.exists()
    assert _not_private(data.data_dir, tmp_path / "backups", tmp_path / "logs") == []


@pytest.fixture
def open_umask() -> Iterator[None]:
    import logging

    root = logging.getLogger()
    saved = list(root.handlers), root.level, sys.excepthook
    old = os.umask(0o022)
    yield
    os.umask(old)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])
    sys.excepthook = saved[2]


@POSIX_ONLY
def test_a_data_folder_left_readable_by_an_earlier_version_is_made_private(
    cli_office: Path,
) -> None:
    for path in [cli_office, *cli_office.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert _not_private(cli_office)
    assert _people_count(cli_office) == "0件"
    assert _not_private(cli_office) == []
