"""End to end: the `mynumber-desk` command in a subprocess, on real files in temp folders.

Every call goes through `_cli`, which also checks that nothing the command printed contains a
run of twelve digits (SPEC §9: no command ever prints a number) and that no traceback escaped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from app.services import audit, backup, staff
from tests.conftest import (
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    ROOT,
    Office,
    add_member,
    run_cli,
)
from tests.support.files import flip_byte

# Twelve digits, ASCII or full-width (`\d` is Unicode-aware), optionally grouped by one separator.
NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
RECOVERY_KEY_LIKE = re.compile(r"(?:[A-Z2-7]{4}[- ]?){7}[A-Z2-7]{4}")
LOCK_TIME = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}")
PAGE = 4096
TEMPORARY = "Copper-Meadow-Falcon-35"
NEW_PASSWORD = "Violet-Canyon-Ember-74"


def _lines(*values: str) -> str:
    return "".join(value + "\n" for value in values)


def _cli(
    data: Path, *args: str, stdin: str = "", keyring: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`mynumber-desk --data-dir DATA ARGS`; `keyring` stands for another PC's keyring."""
    env = {"MYNUMBER_DESK_TEST_KEYRING_FILE": str(keyring)} if keyring else None
    result = run_cli("--data-dir", str(data), *args, stdin=stdin, env=env)
    printed = result.stdout + result.stderr
    assert not NUMBER_RUN.search(printed), f"a twelve-digit run was printed: {printed!r}"
    assert "Traceback" not in printed, printed
    return result


def _as_manager(
    data: Path, *args: str, extra: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A command signed in as the manager; `extra` is a second stdin line (a new password)."""
    stdin = _lines(MANAGER_PASSWORD, extra) if extra is not None else _lines(MANAGER_PASSWORD)
    return _cli(data, *args, "--user", MANAGER_LOGIN, "--password-stdin", stdin=stdin)


def _error_line(result: subprocess.CompletedProcess[str]) -> str:
    """Expected failures: exit 1 and exactly one Japanese line of ours on stderr."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mynumber-desk: エラー: "), lines[0]
    assert JAPANESE.search(lines[0]), lines[0]
    return lines[0]


def _snapshot(folder: Path) -> dict[str, str]:
    """Hash of every file in the data folder except the program's own log."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.relative_to(folder).parts
    }


def _init(data: Path, sheet: Path, password: str = MANAGER_PASSWORD):
    return _cli(
        data,
        "init",
        "--office",
        "テスト事業所",
        "--admin",
        MANAGER_LOGIN,
        "--admin-name",
        "管理 花子",
        "--password-stdin",
        "--recovery-sheet",
        str(sheet),
        stdin=_lines(password),
    )


@pytest.fixture
def desk(office: Office) -> Office:
    """An initialised office with a clerk `tanaka`, every session closed: only the CLI works."""
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    office.manager.close()
    return office


@pytest.fixture
def backup_file(office: Office, tmp_path: Path) -> Path:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    done = backup.make_backup(office.manager, tmp_path / "usb")
    office.manager.close()
    return done.path


# --- init and verify --------------------------------------------------------------------


def test_init_writes_the_sheet_prints_no_secret_and_verifies(tmp_path: Path) -> None:
    data, sheet = tmp_path / "data", tmp_path / "sheets" / "recovery.pdf"
    result = _init(data, sheet)
    assert result.returncode == 0, result.stderr
    pdf = sheet.read_bytes()
    assert pdf.startswith(b"%PDF")
    printed = result.stdout + result.stderr
    assert MANAGER_PASSWORD not in printed
    assert not RECOVERY_KEY_LIKE.search(printed), printed
    # The key as printed on the sheet (each group's letters are drawn spaced out).
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    groups = [g.replace(" ", "") for g in re.findall(r"^([A-Z2-7](?: [A-Z2-7]){3})$", text, re.M)]
    assert len(groups) == 8, text  # the sheet carries the key, 8 groups of 4
    for group in groups:
        assert group not in printed
    assert str(sheet) in result.stdout

    files = _cli(data, "verify")
    assert files.returncode == 0, files.stderr
    assert "正常" in files.stdout

    full = _cli(
        data, "verify", "--user", MANAGER_LOGIN, "--password-stdin", stdin=_lines(MANAGER_PASSWORD)
    )
    assert full.returncode == 0, full.stderr
    assert "正常" in full.stdout
    assert MANAGER_PASSWORD not in full.stdout + full.stderr


def test_verify_deep_decrypts_every_page_and_checks_each_hmac(desk: Office) -> None:
    from app.services import auth, numbers, people, staff

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    person = people.register_employee(session, code="E001", name="山田 太郎", kana_text="ヤマダ")
    numbers.register_number(session, person.id, "123456789018", "123456789018", ["tax_withholding"])
    session.close()
    data = desk.data.data_dir

    deep = _as_manager(data, "verify", "--deep")
    assert deep.returncode == 0, deep.stderr
    line = next(line for line in deep.stdout.splitlines() if "HMAC" in line)
    assert line.startswith("全ページの復号とHMAC検証: 正常"), line
    read = re.search(r"（([\d,]+)ページ", line)
    assert read is not None, line
    # Every page of the file, not only those SQLite has in use.
    assert int(read.group(1).replace(",", "")) == desk.data.database.stat().st_size // PAGE
    assert not Path(str(desk.data.database) + "-journal").exists()

    # Without --deep the pages are not decrypted outside SQLite, and it says nothing of it.
    plain = _as_manager(data, "verify")
    assert plain.returncode == 0, plain.stderr
    assert "HMAC" not in plain.stdout
    # Deep needs the data key, so it needs a member's password.
    assert _cli(data, "verify", "--deep").returncode == 2


def test_after_init_the_manager_imports_at_once_unless_set_up_without_the_work(
    tmp_path: Path,
) -> None:
    template = tmp_path / "template.csv"
    assert _cli(tmp_path / "x", "import", "template", "--out", str(template)).returncode == 0
    data = tmp_path / "data"
    made = _init(data, tmp_path / "recovery.pdf")
    assert made.returncode == 0, made.stderr
    assert "事務取扱担当者を兼ね" in made.stdout
    done = _as_manager(data, "import", "people", str(template))
    assert done.returncode == 0, done.stderr
    listed = _as_manager(data, "people", "list")
    assert listed.returncode == 0 and "山田" in listed.stdout, listed.stdout

    only = tmp_path / "only"
    made = _cli(
        only,
        "init",
        "--office",
        "テスト事業所",
        "--admin",
        MANAGER_LOGIN,
        "--password-stdin",
        "--recovery-sheet",
        str(tmp_path / "only.pdf"),
        "--no-clerical",
        stdin=_lines(MANAGER_PASSWORD),
    )
    assert made.returncode == 0, made.stderr
    assert "users add" in made.stdout
    refused = _as_manager(only, "import", "people", str(template))
    assert refused.returncode == 1
    assert "担当範囲外" in refused.stderr and "何も取り込んでいません" in refused.stderr
    # Purposes are named as a clerk knows them, never by their code.
    assert "源泉徴収事務" in refused.stderr and "tax_withholding" not in refused.stderr


def test_init_into_an_initialised_folder_changes_nothing(
    tmp_path: Path, keyring_file: Path
) -> None:
    data = tmp_path / "data"
    assert _init(data, tmp_path / "first.pdf").returncode == 0
    before = _snapshot(data)
    keyring_before = keyring_file.read_bytes()
    second_sheet = tmp_path / "second.pdf"

    result = _init(data, second_sheet, password="Other-Harbor-Lantern-58")
    line = _error_line(result)
    assert "既にデータがあります" in line
    assert _snapshot(data) == before
    assert keyring_file.read_bytes() == keyring_before
    assert not second_sheet.exists()


def test_init_with_a_weak_password_lists_the_rules_and_leaves_nothing(tmp_path: Path) -> None:
    data, sheet = tmp_path / "data", tmp_path / "recovery.pdf"
    result = _init(data, sheet, password="password1234")
    line = _error_line(result)
    assert "パスワードが条件を満たしていません" in line
    assert "よく使われるパスワードや推測しやすい並びでない" in line
    assert "password1234" not in result.stdout + result.stderr
    assert not sheet.exists()
    left = sorted(p.relative_to(data).parts[0] for p in data.rglob("*")) if data.exists() else []
    assert set(left) <= {"logs"}, left


# --- signing in --------------------------------------------------------------------------


def test_wrong_passwords_count_down_then_lock_until_the_manager_unlocks(desk: Office) -> None:
    data = desk.data.data_dir

    def clerk_verify(password: str) -> subprocess.CompletedProcess[str]:
        return _cli(data, "verify", "--user", "tanaka", "--password-stdin", stdin=_lines(password))

    for remaining in (4, 3, 2, 1):
        line = _error_line(clerk_verify("Wrong-Guess-Pass-00"))
        assert "パスワードが違います" in line
        assert f"あと{remaining}回" in line
    locked = _error_line(clerk_verify("Wrong-Guess-Pass-00"))
    assert "ロックされています" in locked
    assert LOCK_TIME.search(locked), locked
    # The right password does not get past the lock.
    assert "ロックされています" in _error_line(clerk_verify(CLERK_PASSWORD))

    unlock = _as_manager(data, "users", "unlock", "tanaka")
    assert unlock.returncode == 0, unlock.stderr
    assert "ロックを解除しました" in unlock.stdout

    again = _cli(
        data,
        "passwd",
        "--user",
        "tanaka",
        "--password-stdin",
        stdin=_lines(CLERK_PASSWORD, NEW_PASSWORD),
    )
    assert again.returncode == 0, again.stderr
    assert "パスワードを変更しました" in again.stdout


# --- staff accounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("users", "list"), id="users-list"),
        pytest.param(("settings", "list"), id="settings-list"),
        pytest.param(("audit", "export", "--out", "{tmp}/log.csv"), id="audit-export"),
        pytest.param(("backup", "--to", "{tmp}/usb"), id="backup"),
        pytest.param(("verify",), id="verify"),
    ],
)
def test_a_temporary_password_must_be_changed_before_any_command(
    office: Office, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A manager-role member, so only the pending password change can stop them."""
    staff.create_staff(
        office.manager,
        login="suzuki",
        display_name="鈴木 一郎",
        roles=["manager"],
        scopes=[],
        initial_password=TEMPORARY,
    )
    office.manager.close()
    result = _cli(
        office.data.data_dir,
        *(a.replace("{tmp}", str(tmp_path)) for a in args),
        "--user",
        "suzuki",
        "--password-stdin",
        stdin=_lines(TEMPORARY),
    )
    assert "passwd" in _error_line(result)
    assert not (tmp_path / "log.csv").exists()
    assert not (tmp_path / "usb").exists()


def test_manager_manages_a_member_through_the_cli(desk: Office) -> None:
    data = desk.data.data_dir
    added = _as_manager(
        data,
        "users",
        "add",
        "suzuki",
        "--name",
        "鈴木 一郎",
        "--roles",
        "clerk",
        extra=TEMPORARY,
    )
    assert added.returncode == 0, added.stderr
    assert "suzuki" in added.stdout
    assert TEMPORARY not in added.stdout + added.stderr

    def as_suzuki(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        return _cli(data, *args, "--user", "suzuki", "--password-stdin", stdin=stdin)

    assert "passwd" in _error_line(as_suzuki("settings", "list", stdin=_lines(TEMPORARY)))
    changed = as_suzuki("passwd", stdin=_lines(TEMPORARY, NEW_PASSWORD))
    assert changed.returncode == 0, changed.stderr
    # Signed in now; a clerk may not list staff, which proves the password change took.
    assert "権限がありません" in _error_line(as_suzuki("users", "list", stdin=_lines(NEW_PASSWORD)))

    listed = _as_manager(data, "users", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split("\t")[0]: line for line in listed.stdout.splitlines()}
    assert "特定個人情報管理責任者" in rows[MANAGER_LOGIN]
    assert "事務取扱担当者" in rows["suzuki"]
    assert "有効" in rows["suzuki"] and "要パスワード変更" not in rows["suzuki"]

    roles = _as_manager(data, "users", "set-roles", "suzuki", "--roles", "clerk,supervisor")
    assert roles.returncode == 0, roles.stderr
    assert "事務取扱責任者" in roles.stdout

    scopes = _as_manager(
        data,
        "users",
        "set-scopes",
        "suzuki",
        "--scope",
        "purpose:tax_withholding",
        "--scope",
        "kind:employee",
    )
    assert scopes.returncode == 0, scopes.stderr
    assert "源泉徴収事務" in scopes.stdout and "従業員" in scopes.stdout
    listed = _as_manager(data, "users", "list")
    row = next(line for line in listed.stdout.splitlines() if line.startswith("suzuki\t"))
    assert "事務取扱責任者" in row and "源泉徴収事務" in row and "従業員" in row

    disabled = _as_manager(data, "users", "disable", "suzuki")
    assert disabled.returncode == 0, disabled.stderr
    assert "無効にされています" in _error_line(as_suzuki("verify", stdin=_lines(NEW_PASSWORD)))
    row = next(
        line
        for line in _as_manager(data, "users", "list").stdout.splitlines()
        if line.startswith("suzuki\t")
    )
    assert "\t無効" in row

    reset = _as_manager(data, "users", "reset-password", "suzuki", extra=TEMPORARY)
    assert reset.returncode == 0, reset.stderr
    # Enabled again, with a temporary password to change first.
    assert "passwd" in _error_line(as_suzuki("settings", "list", stdin=_lines(TEMPORARY)))
    final = as_suzuki("passwd", stdin=_lines(TEMPORARY, NEW_PASSWORD + "x"))
    assert final.returncode == 0, final.stderr
    verified = as_suzuki("verify", stdin=_lines(NEW_PASSWORD + "x"))
    assert verified.returncode == 0, verified.stderr


def test_clerk_denied_the_staff_list_and_the_denial_is_in_the_exported_log(
    desk: Office, tmp_path: Path
) -> None:
    data = desk.data.data_dir
    denied = _cli(
        data, "users", "list", "--user", "tanaka", "--password-stdin", stdin=_lines(CLERK_PASSWORD)
    )
    line = _error_line(denied)
    assert "職員アカウントの管理" in line and "権限がありません" in line
    assert denied.stdout == ""

    out = tmp_path / "export" / "log.csv"
    exported = _as_manager(data, "audit", "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    denials = [r for r in rows if r["操作"] == "権限のない操作の拒否"]
    assert [r["ログイン名"] for r in denials] == ["tanaka"]
    assert denials[0]["詳細"] == "拒否した操作：職員アカウントの管理"


# --- audit export and settings -----------------------------------------------------------


def test_audit_export_is_excel_ready_csv(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _init(data, tmp_path / "recovery.pdf").returncode == 0
    out = tmp_path / "log.csv"
    result = _as_manager(data, "audit", "export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == audit.CSV_COLUMNS
    assert rows[0][:4] == ["通し番号", "日時", "操作者", "ログイン名"]
    by_action = {row[5]: row for row in rows[1:]}
    for label in ("データベース作成", "職員アカウント作成", "サインイン"):
        assert label in by_action
    created = by_action["職員アカウント作成"]
    assert created[2:4] == ["管理 花子", MANAGER_LOGIN]
    assert created[6:8] == [f"管理 花子（{MANAGER_LOGIN}）", "職員"]
    assert created[9].startswith(
        "役割：事務取扱担当者、特定個人情報管理責任者／担当範囲：扶養親族、従業員"
    )
    text = raw.decode("utf-8-sig")
    assert "{" not in text and "vault.created" not in text and "manager" not in text

    old_excel = tmp_path / "log-sjis.csv"
    result = _as_manager(data, "audit", "export", "--out", str(old_excel), "--encoding", "cp932")
    assert result.returncode == 0, result.stderr
    again = list(csv.reader(io.StringIO(old_excel.read_bytes().decode("cp932"), newline="")))
    assert again[0] == rows[0] and again[1][5] == "データベース作成"

    # An export never overwrites a file already there.
    kept = old_excel.read_bytes()
    result = _as_manager(data, "audit", "export", "--out", str(old_excel))
    assert result.returncode != 0 and "上書きはしません" in result.stderr
    assert old_excel.read_bytes() == kept


def test_settings_change_and_range(desk: Office) -> None:
    data = desk.data.data_dir
    changed = _as_manager(data, "settings", "set", "auto_lock_minutes", "10")
    assert changed.returncode == 0, changed.stderr
    listed = _as_manager(data, "settings", "list")
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if line.startswith("auto_lock_minutes"))
    assert row.split("\t")[-1] == "10"

    refused = _as_manager(data, "settings", "set", "auto_lock_minutes", "99")
    assert "1から30の範囲" in _error_line(refused)
    listed = _as_manager(data, "settings", "list")
    row = next(line for line in listed.stdout.splitlines() if line.startswith("auto_lock_minutes"))
    assert row.split("\t")[-1] == "10"


# --- backup, restore, another PC ---------------------------------------------------------


def test_backup_restores_on_another_pc_with_the_recovery_key(desk: Office, tmp_path: Path) -> None:
    data = desk.data.data_dir
    usb = tmp_path / "usb"
    made = _as_manager(data, "backup", "--to", str(usb))
    assert made.returncode == 0, made.stderr
    (backup_path,) = usb.glob("*.mndbackup")

    other_pc = tmp_path / "keyring-other-pc.json"
    target = tmp_path / "new-pc-data"
    target.mkdir()
    restored = _cli(
        target,
        "restore",
        "--from",
        str(backup_path),
        "--recovery-key-stdin",
        stdin=_lines(desk.recovery_key_text),
        keyring=other_pc,
    )
    assert restored.returncode == 0, restored.stderr
    assert desk.recovery_key_text not in restored.stdout + restored.stderr
    assert "結び付け直しました" in restored.stdout

    for login, password in ((MANAGER_LOGIN, MANAGER_PASSWORD), ("tanaka", CLERK_PASSWORD)):
        check = _cli(
            target,
            "passwd",
            "--user",
            login,
            "--password-stdin",
            stdin=_lines(password, NEW_PASSWORD),
            keyring=other_pc,
        )
        assert check.returncode == 0, (login, check.stderr)
    verified = _cli(
        target,
        "verify",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=_lines(NEW_PASSWORD),
        keyring=other_pc,
    )
    assert verified.returncode == 0, verified.stderr


def test_a_copied_folder_does_not_open_on_another_pc(desk: Office, tmp_path: Path) -> None:
    """KEY-03: database and slot file copied; the right password alone opens nothing."""
    copy = tmp_path / "copied"
    copy.mkdir()
    for name in ("vault.db", "keyslots.json"):
        shutil.copy2(desk.data.data_dir / name, copy / name)
    other_pc = tmp_path / "keyring-other-pc.json"
    for args, stdin in (
        (("verify",), ""),
        (("verify", "--user", MANAGER_LOGIN, "--password-stdin"), _lines(MANAGER_PASSWORD)),
    ):
        result = _cli(copy, *args, stdin=stdin, keyring=other_pc)
        assert "このPC" in _error_line(result) and "回復キー" in result.stderr


@pytest.mark.parametrize("damage", ["truncated", "altered"])
@pytest.mark.parametrize("into", ["empty-folder", "folder-with-data"])
def test_damaged_backup_is_refused_and_nothing_changes(
    office: Office, backup_file: Path, tmp_path: Path, damage: str, into: str
) -> None:
    raw = backup_file.read_bytes()
    if damage == "truncated":
        backup_file.write_bytes(raw[: len(raw) // 2])
    else:
        flip_byte(backup_file, len(raw) // 2)

    if into == "empty-folder":
        target = tmp_path / "new-pc-data"
        target.mkdir()
        result = _cli(
            target,
            "restore",
            "--from",
            str(backup_file),
            "--recovery-key-stdin",
            stdin=_lines(office.recovery_key_text),
            keyring=tmp_path / "keyring-other-pc.json",
        )
        line = _error_line(result)
        assert not (target / "vault.db").exists()
        assert not (target / "keyslots.json").exists()
        assert {p.name for p in target.iterdir()} <= {"logs"}
    else:
        target = office.data.data_dir
        before = _snapshot(target)
        result = _cli(
            target,
            "restore",
            "--from",
            str(backup_file),
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
            "--replace",
            stdin=_lines(MANAGER_PASSWORD),
        )
        line = _error_line(result)
        assert _snapshot(target) == before
        assert not list(target.glob("replaced-*"))
    assert "バックアップファイルが壊れているか" in line
    assert "何も上書きしていません" in line


def test_restore_over_existing_data_needs_replace_and_keeps_the_old_files(
    office: Office, backup_file: Path
) -> None:
    data = office.data.data_dir
    # A member added after the backup: gone once the backup is restored.
    later = _as_manager(
        data, "users", "add", "later", "--name", "後日 追加", "--roles", "clerk", extra=TEMPORARY
    )
    assert later.returncode == 0, later.stderr
    before = _snapshot(data)

    refused = _as_manager(data, "restore", "--from", str(backup_file))
    assert "既にデータがあります" in _error_line(refused)
    assert _snapshot(data) == before

    replaced = _as_manager(data, "restore", "--from", str(backup_file), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    (aside,) = data.glob("replaced-*")
    # Named, with what it holds and what to do with it (no backup list tracks it).
    assert f"「{aside}」に移しました（個人番号を含みます）" in replaced.stdout
    assert "このフォルダーを削除してください" in replaced.stdout
    for name in ("vault.db", "keyslots.json"):
        assert hashlib.sha256((aside / name).read_bytes()).hexdigest() == before[name]

    listed = _as_manager(data, "users", "list")
    assert listed.returncode == 0, listed.stderr
    logins = {line.split("\t")[0] for line in listed.stdout.splitlines()}
    assert logins == {MANAGER_LOGIN, "tanaka"}
    verified = _as_manager(data, "verify")
    assert verified.returncode == 0, verified.stderr


# --- usage mistakes, damage --------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("users",),
        ("users", "list", "--password-stdin"),
        ("backup", "--to", "usb", "--password-stdin"),
        ("restore", "--from", "x.mndbackup", "--password-stdin"),
        ("init", "--office", "テスト", "--password-stdin", "--recovery-sheet", "r.pdf"),
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_usage_mistakes_exit_2_without_a_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = _cli(tmp_path / "data", *args, stdin=_lines(MANAGER_PASSWORD))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "使い方の誤り" in result.stderr
    assert not (tmp_path / "data" / "vault.db").exists()


def test_flipped_page_is_reported_and_the_file_is_left_as_found(office: Office) -> None:
    office.manager.close()
    database = office.data.database
    pages = database.stat().st_size // PAGE
    assert pages >= 4
    flip_byte(database, (pages // 2) * PAGE + 100)  # well past the salt in the first 16 bytes
    before = _snapshot(office.data.data_dir)

    result = _as_manager(office.data.data_dir, "verify")
    line = _error_line(result)
    assert "壊れているか、改ざんされています" in line
    for noise in ("hmac", "sqlcipher", "error core"):
        assert noise not in result.stderr.lower()
    assert _snapshot(office.data.data_dir) == before
    assert not Path(str(database) + "-journal").exists()


# --- a number typed where it does not belong is never echoed -----------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("123456789012",), id="as-command"),
        pytest.param(
            (
                "audit",
                "export",
                "--out",
                "x.csv",
                "--since",
                "1234-5678-9012",
                "--user",
                "kanri",
                "--password-stdin",
            ),
            id="as-date",
        ),
        pytest.param(
            (
                "users",
                "set-roles",
                "123456789012",
                "--roles",
                "clerk",
                "--user",
                "kanri",
                "--password-stdin",
            ),
            id="as-login",
        ),
        pytest.param(
            (
                "settings",
                "set",
                "１２３４５６７８９０１２",
                "5",
                "--user",
                "kanri",
                "--password-stdin",
            ),
            id="as-setting-key",
        ),
        pytest.param(
            (
                "users",
                "add",
                "suzuki",
                "--name",
                "鈴木 123456789012",
                "--roles",
                "clerk",
                "--user",
                "kanri",
                "--password-stdin",
            ),
            id="in-a-name",
        ),
    ],
)
def test_a_number_typed_into_an_argument_is_never_echoed(
    desk: Office, args: tuple[str, ...]
) -> None:
    result = _cli(desk.data.data_dir, *args, stdin=_lines(MANAGER_PASSWORD, TEMPORARY))
    assert result.returncode in (1, 2), result.stderr


def test_recovery_sheet_reissue_through_the_cli(desk: Office, tmp_path: Path) -> None:
    sheet = tmp_path / "new-sheet.pdf"
    done = _as_manager(desk.data.data_dir, "recovery-sheet", "--out", str(sheet))
    assert done.returncode == 0, done.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    again = _as_manager(desk.data.data_dir, "recovery-sheet", "--out", str(sheet))
    assert "まだ存在しない" in _error_line(again)
    # The old sheet no longer opens this data.
    from app import errors
    from app.services import auth

    with pytest.raises(errors.RecoveryKeyRejected):
        auth.open_with_recovery(desk.data, desk.recovery_key_text, desk.clock)


def test_people_list_shows_who_has_a_number_but_never_the_number(desk: Office) -> None:
    from datetime import date

    from app.services import auth, numbers, people, staff

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    person = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        department="総務部",
        hire_date=date(2020, 4, 1),
    )
    numbers.register_number(session, person.id, "123456789018", "123456789018", ["tax_withholding"])
    session.close()
    listed = _as_manager(desk.data.data_dir, "people", "list", "--search", "やまだ")
    assert listed.returncode == 0, listed.stderr
    assert (
        "E001\t山田 太郎\tヤマダ タロウ\t従業員\t総務部\t番号登録済み（本人確認待ち）"
        in listed.stdout
    )
    assert "1件" in listed.stdout
    # A manager whose groups no longer hold 総務部 sees the row masked, as on screen.
    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    staff.set_scopes(session, MANAGER_LOGIN, ["purpose:tax_withholding", "dept:介護課"])
    session.close()
    masked = _as_manager(desk.data.data_dir, "people", "list")
    assert masked.returncode == 0, masked.stderr
    assert "-\t（担当範囲外）\t\t従業員\t-\t担当範囲外" in masked.stdout
    assert "山田" not in masked.stdout and "E001" not in masked.stdout


def test_import_template_dry_run_and_commit_through_the_cli(desk: Office, tmp_path: Path) -> None:
    from app.services import auth, staff

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    staff.set_scopes(
        session,
        MANAGER_LOGIN,
        [
            "purpose:tax_withholding",
            "purpose:employment_insurance",
            "purpose:health_pension",
            "kind:employee",
        ],
    )
    session.close()
    template = tmp_path / "template.csv"
    made = _cli(desk.data.data_dir, "import", "template", "--out", str(template))
    assert made.returncode == 0, made.stderr
    # As payroll software would re-save it: CP932.
    exported = tmp_path / "export.csv"
    exported.write_bytes(template.read_bytes().decode("utf-8-sig").encode("cp932"))
    checked = _as_manager(desk.data.data_dir, "import", "people", str(exported), "--dry-run")
    assert checked.returncode == 0, checked.stderr
    assert "問題はありません" in checked.stdout
    done = _as_manager(desk.data.data_dir, "import", "people", str(exported))
    assert done.returncode == 0, done.stderr
    assert "個人番号 1" in done.stdout and "削除してください" in done.stdout
    # The same file again names the same person: nothing new, nothing changed.
    again = _as_manager(desk.data.data_dir, "import", "people", str(exported))
    assert again.returncode == 0, again.stderr
    assert "新規 0人、更新 0人、変更なし 1人" in again.stdout


def test_importing_a_payroll_export_with_its_kind_a_mapping_and_a_dry_run(
    desk: Office, tmp_path: Path
) -> None:
    """`import people FILE --kind --mapping --dry-run` on a file as payroll software writes
    it; every output is scanned for a twelve-digit run by _cli."""
    import json

    from app.services import auth
    from tests.support.payroll_exports import PRODUCTS, number, product_export, write_csv

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    staff.set_scopes(
        session,
        MANAGER_LOGIN,
        [
            "purpose:tax_withholding",
            "purpose:employment_insurance",
            "purpose:health_pension",
            "kind:employee",
        ],
    )
    session.close()
    data = desk.data.data_dir
    exported = product_export(tmp_path / "給与ソフト.csv", "issue #19")
    header = [h if h != "部門名" else "所属部署名" for h, _f in PRODUCTS["issue #19"]]
    rows = list(csv.reader(io.StringIO(exported.read_bytes().decode("cp932"))))[1:]
    rows[1][header.index("マイナンバー")] = number(77, leading_zero=True)
    write_csv(exported, header, rows)
    mapping = tmp_path / "対応表.json"
    mapping.write_text(json.dumps({"部署": "所属部署名"}, ensure_ascii=False), encoding="utf-8")

    line = _error_line(_as_manager(data, "import", "people", str(exported), "--dry-run"))
    assert "区分" in line and "従業員か支払先か" in line
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"部署": "部門"}', encoding="utf-8")
    line = _error_line(
        _as_manager(data, "import", "people", str(exported), "--mapping", str(wrong), "--dry-run")
    )
    assert "「部門」がファイルの見出しにありません" in line

    options = ["--kind", "employee", "--mapping", str(mapping)]
    checked = _as_manager(data, "import", "people", str(exported), *options, "--dry-run")
    assert checked.returncode == 0, checked.stderr
    out = checked.stdout
    assert "列の対応:" in out and "氏名 ← 姓 ＋ 名" in out and "部署 ← 所属部署名" in out
    assert "フリガナ ← 姓（フリガナ） ＋ 名（フリガナ）" in out
    assert "新規 3人、更新 0人、変更なし 0人" in out and "まだ取り込んでいません" in out

    done = _as_manager(data, "import", "people", str(exported), *options)
    assert done.returncode == 0, done.stderr
    assert "新規 3人" in done.stdout and "個人番号 3" in done.stdout
    assert "削除してください" in done.stdout

    rows[0][header.index("所属部署名")] = "経理部"
    rows[1][header.index("マイナンバー")] = number(77, leading_zero=True)[1:]  # as Excel left it
    write_csv(exported, header, rows)
    damaged = _as_manager(data, "import", "people", str(exported), *options, "--dry-run")
    assert damaged.returncode == 1
    assert "3行目: 個人番号が11桁です" in damaged.stderr
    fixed = [*options, "--restore-leading-zero"]
    again = _as_manager(data, "import", "people", str(exported), *fixed, "--dry-run")
    assert again.returncode == 0, again.stderr
    assert "2行目: E0001 山田 太郎 の部署: 総務部 → 経理部" in again.stdout
    assert "新規 0人、更新 1人、変更なし 2人" in again.stdout
    assert "登録済みの番号と違います" not in again.stderr  # the restored one is the same


def test_retention_due_and_the_deletion_ledger_through_the_cli(
    desk: Office, tmp_path: Path
) -> None:
    from datetime import date

    from app.services import auth, corrections, deletion, numbers, people, settings, staff

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    left = people.register_employee(
        session,
        code="E001",
        name="退職 一郎",
        kana_text="タイショク イチロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(session, left.id, "123456789018", "123456789018", ["tax_withholding"])
    corrections.retire(session, left.id, date(2016, 3, 31), "自己都合退職")
    session.close()
    due = _as_manager(desk.data.data_dir, "retention", "due")
    assert due.returncode == 0, due.stderr
    assert "削除できる\tE001\t退職 一郎\t従業員\t-\t2024年1月11日\t" in due.stdout
    assert "所得税法施行規則第76条の3" in due.stdout
    before = _as_manager(desk.data.data_dir, "retention", "due", "--as-of", "2024-01-10")
    assert "削除できる 0件" in before.stdout

    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    settings.change(session, "two_person_rule", "off")
    run = deletion.propose(session, [left.id])
    deletion.approve(session, run.id, MANAGER_PASSWORD, single_person_reason="担当者が一人のため")
    deletion.execute(session, run.id)
    session.close()
    out = tmp_path / "記録簿.pdf"
    made = _as_manager(
        desk.data.data_dir,
        "report",
        "deletion-records",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
    )
    assert made.returncode == 0, made.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages).replace(" ", "")
    assert "退職一郎" in text and not NUMBER_RUN.search(text.replace("\n", ""))
    again = _as_manager(
        desk.data.data_dir,
        "report",
        "deletion-records",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
    )
    assert "上書きはしません" in _error_line(again)
    wrong = _as_manager(desk.data.data_dir, "retention", "due", "--as-of", "2026/11/01")
    assert wrong.returncode == 2 and "YYYY-MM-DD" in wrong.stderr


# --- issue 14 item 11: no traceback ever, one Japanese line --------------------------------


def test_a_data_folder_that_is_a_file_gets_one_line(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("not a folder", encoding="utf-8")
    for args in (("verify",), ("people", "list", "--user", MANAGER_LOGIN, "--password-stdin")):
        line = _error_line(_cli(not_a_folder, *args, stdin=_lines(MANAGER_PASSWORD)))
        assert "フォルダーではありません" in line
    assert not_a_folder.read_text(encoding="utf-8") == "not a folder"


def test_no_usable_keyring_on_an_existing_folder_fails_closed_in_one_line(desk: Office) -> None:
    before = _snapshot(desk.data.data_dir)
    data = str(desk.data.data_dir)
    for args in (("verify",), ("people", "list", "--user", MANAGER_LOGIN, "--password-stdin")):
        result = run_cli(
            "--data-dir",
            data,
            *args,
            stdin=_lines(MANAGER_PASSWORD),
            env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        )
        assert "Traceback" not in result.stderr, result.stderr
        line = _error_line(result)
        assert "キーリング" in line and "平文での保存は行いません" in line
    assert _snapshot(desk.data.data_dir) == before


def test_a_long_japanese_passphrase_is_judged_and_an_overlong_one_refused(desk: Office) -> None:
    """zxcvbn refuses more than 72 characters: the check must not crash on them."""
    data = desk.data.data_dir
    passphrase = "春の小川はさらさら行くよ岸のすみれやれんげの花に" * 3 + "山川草木花鳥風月"
    assert len(passphrase) == 80
    changed = _cli(
        data,
        "passwd",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=_lines(MANAGER_PASSWORD, passphrase),
    )
    assert changed.returncode == 0, changed.stderr
    assert "パスワードを変更しました" in changed.stdout
    overlong = "静かな川の石と青い港の灯り" * 20  # 260 characters
    line = _error_line(
        _cli(
            data,
            "passwd",
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
            stdin=_lines(passphrase, overlong),
        )
    )
    assert "256文字以下" in line
    listed = _cli(
        data,
        "people",
        "list",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=_lines(passphrase),
    )
    assert listed.returncode == 0, listed.stderr


def test_a_folder_or_a_workbook_without_a_sheet_as_the_import_file(
    desk: Office, tmp_path: Path
) -> None:
    from tests.support import hostile_files

    folder = tmp_path / "exports"
    folder.mkdir()
    line = _error_line(_as_manager(desk.data.data_dir, "import", "people", str(folder)))
    assert "フォルダーです" in line
    no_sheet = hostile_files.no_sheet(tmp_path)
    line = _error_line(_as_manager(desk.data.data_dir, "import", "people", str(no_sheet)))
    assert "シートがありません" in line
    listed = _as_manager(desk.data.data_dir, "people", "list")
    assert listed.stdout.strip().splitlines()[-1] == "0件"


def test_a_key_slot_without_its_private_key_is_a_damaged_key_file(desk: Office) -> None:
    import json

    slots = json.loads(desk.data.slots.read_text(encoding="utf-8"))
    for slot in slots["slots"].values():
        if slot.get("kind") == "user":
            del slot["private_key"]
            break
    desk.data.slots.write_text(json.dumps(slots), encoding="utf-8")
    for args in (("verify",), ("people", "list", "--user", MANAGER_LOGIN, "--password-stdin")):
        line = _error_line(_cli(desk.data.data_dir, *args, stdin=_lines(MANAGER_PASSWORD)))
        assert "鍵ファイル（keyslots.json）" in line


def test_an_unexpected_error_is_one_line_and_its_traceback_only_in_the_log(
    desk: Office,
) -> None:
    """A bug (here a handler that raises with a number in its message) must not print a
    traceback: one line naming the log, the traceback redacted in the log."""
    script = (
        "import sys\n"
        "from app import commands\n"
        "def broken(args, data_dir, clock):\n"
        "    raise RuntimeError('bug near 1234 5678 9012')\n"
        "commands.HANDLERS['people'] = broken\n"
        "from ui import launcher\n"
        "raise SystemExit(launcher.main())\n"
    )
    data = desk.data.data_dir
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "--data-dir",
            str(data),
            "people",
            "list",
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
        ],
        input=_lines(MANAGER_PASSWORD),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    log_file = data / "logs" / "mynumber-desk.log"
    assert lines[0] == f"mynumber-desk: 予期しないエラーが発生しました。（詳細はログ: {log_file}）"
    log_text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log_text and "RuntimeError" in log_text
    assert not NUMBER_RUN.search(log_text + result.stderr + result.stdout)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="POSIX permissions (root ignores them)"
)
def test_a_read_only_data_folder_really_chmod(desk: Office) -> None:
    data = desk.data.data_dir
    before = _snapshot(data)
    data.chmod(0o500)
    try:
        line = _error_line(_as_manager(data, "people", "list"))
    finally:
        data.chmod(0o700)
    assert "書き込めません" in line
    assert _snapshot(data) == before


@pytest.fixture
def cli_in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """app.cli.main in this process: its logging, excepthook and umask are put back after."""
    import logging

    root = logging.getLogger()
    saved = list(root.handlers), root.level, sys.excepthook
    umask = os.umask(0o077)
    os.umask(umask)
    yield
    os.umask(umask)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])
    sys.excepthook = saved[2]


def test_a_read_only_data_folder_says_so_and_loses_nothing(
    desk: Office,
    cli_in_process: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The folder as read-only media or a folder without write permission leave it (root
    ignores permissions, so the refusals are made here): SQLite may read but not write, and
    no file can be created or replaced in the folder."""
    import errno
    import io

    from app import cli
    from app.services import auth, verify
    from storage import connection, vault

    data = desk.data.data_dir
    before = _snapshot(data)
    opened = connection.open_database

    def read_only_database(path: Path, key: bytes | bytearray, **kwargs: object):
        conn = opened(path, key, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA query_only = ON")
        return conn

    real_open = os.open

    def no_new_files(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).is_relative_to(data) and flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(vault, "open_database", read_only_database)
        patched.setattr(os, "open", no_new_files)
        for args in (
            ["people", "list"],
            ["users", "add", "suzuki", "--name", "鈴木 一郎", "--roles", "clerk"],
            ["settings", "set", "reveal_seconds", "30"],
        ):
            stdin = _lines(MANAGER_PASSWORD, "Quiet-River-Stone-88")
            patched.setattr(sys, "stdin", io.StringIO(stdin))
            code = cli.main(
                ["--data-dir", str(data), *args, "--user", MANAGER_LOGIN, "--password-stdin"],
                clock=desk.clock,
            )
            captured = capsys.readouterr()
            assert code == 1, captured
            lines = captured.err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("mynumber-desk: エラー: "), captured.err
            assert "書き込めません" in lines[0] and "Traceback" not in captured.err
    assert _snapshot(data) == before
    session = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)
    try:
        assert [m.login_name for m in staff.list_staff(session)] == [MANAGER_LOGIN, "tanaka"]
    finally:
        session.close()
    assert verify.verify_vault(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock)


# --- faults that are not damage, restore as a counted sign-in, slot-file bounds (#14) -----

from tests.security.test_faults_not_damage import (  # noqa: E402
    DAMAGE_WORDS,
    CutRebuild,
    cut_rebuild,  # noqa: F401 (a fixture)
)


def test_verify_deep_after_a_rebuild_cut_before_its_truncation_says_healthy(
    office: Office,
    cut_rebuild: CutRebuild,  # noqa: F811
) -> None:
    deep = _as_manager(office.data.data_dir, "verify", "--deep")
    assert deep.returncode == 0, deep.stderr
    assert "全ページの復号とHMAC検証: 正常" in deep.stdout
    assert not any(word in deep.stdout + deep.stderr for word in DAMAGE_WORDS)
    # The rebuild was finished: the file is as long as the database, nothing left over.
    assert office.data.database.stat().st_size < len(cut_rebuild.before)


def test_a_command_kept_waiting_by_another_program_is_told_to_retry_not_to_restore(
    desk: Office,
) -> None:
    from app.services import auth

    holder = auth.sign_in(desk.data, MANAGER_LOGIN, MANAGER_PASSWORD, desk.clock, record=False)
    holder.vault.conn.execute("BEGIN EXCLUSIVE")
    try:
        waited = _as_manager(desk.data.data_dir, "verify")
    finally:
        holder.vault.conn.execute("ROLLBACK")
        holder.close()
    line = _error_line(waited)
    assert "使用中" in line and "もう一度" in line
    assert not any(word in line for word in DAMAGE_WORDS), line
    again = _as_manager(desk.data.data_dir, "verify")
    assert again.returncode == 0, again.stderr


def test_restore_with_wrong_passwords_locks_like_a_sign_in(
    backup_file: Path, tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"

    def restore(password: str) -> subprocess.CompletedProcess[str]:
        return _cli(
            scratch,
            "restore",
            "--from",
            str(backup_file),
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
            stdin=_lines(password),
        )

    for left in (4, 3, 2, 1):
        assert f"あと{left}回" in _error_line(restore("Wrong-Guess-Apple-12"))
    assert "ロックされています" in _error_line(restore("Wrong-Guess-Apple-12"))
    # Locked: the right password is refused as well, and nothing was restored.
    assert "ロックされています" in _error_line(restore(MANAGER_PASSWORD))
    assert not (scratch / "vault.db").exists()


def test_a_huge_kdf_cost_in_the_slot_file_is_refused_without_hanging(desk: Office) -> None:
    import json

    slots = json.loads(desk.data.slots.read_text(encoding="utf-8"))
    for slot in slots["slots"].values():
        if slot["kind"] == "user":
            slot["private_key"]["kdf"]["iterations"] = 2**31
    desk.data.slots.write_text(json.dumps(slots), encoding="utf-8")
    # Signing in derived a key with 2^31 passes (days) before; now it is refused at once
    # (run_cli's timeout would fail the test otherwise).
    line = _error_line(_as_manager(desk.data.data_dir, "verify"))
    assert "鍵スロットのファイル" in line and "不正な値" in line
