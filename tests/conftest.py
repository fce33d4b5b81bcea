"""Shared fixtures: a real vault in a temp folder, a test keyring file, a fake clock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Set before anything imports keyring or Qt; subprocesses inherit them.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.file_keyring.FileKeyring"
os.environ["MYNUMBER_DESK_FAST_KDF_FOR_TESTS"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
)

from app.clock import FakeClock  # noqa: E402
from app.services import setup, staff  # noqa: E402
from app.session import Session  # noqa: E402
from storage.vault import VaultPaths  # noqa: E402

JST = timezone(timedelta(hours=9))
MANAGER_LOGIN = "kanri"
MANAGER_PASSWORD = "Blue-Harbor-Lantern-41"
CLERK_PASSWORD = "Quiet-River-Stone-88"
AUDITOR_PASSWORD = "Amber-Field-Comet-27"
SUPERVISOR_PASSWORD = "Silver-Maple-Orbit-63"


@pytest.fixture(autouse=True)
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This PC's keyring, as a file; a second file stands for another PC."""
    path = tmp_path / "keyring-this-pc.json"
    monkeypatch.setenv("MYNUMBER_DESK_TEST_KEYRING_FILE", str(path))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=JST))


@pytest.fixture
def data(tmp_path: Path) -> VaultPaths:
    return VaultPaths(tmp_path / "data")


@dataclass
class Office:
    data: VaultPaths
    clock: FakeClock
    manager: Session
    recovery_key_text: str


@pytest.fixture
def office(data: VaultPaths, clock: FakeClock) -> Iterator[Office]:
    """An initialised office with its manager signed in (keyring-backed, not demo)."""
    result = setup.initialize(
        data,
        office_name="テスト事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
        # Most tests give each member the roles and scopes they test with.
        manager_does_clerical_work=False,
    )
    yield Office(data, clock, result.session, result.recovery_key.display)
    if result.session.is_open:
        result.session.close()


def add_member(
    office: Office, login: str, roles: list[str], password: str, scopes: list[str] | None = None
) -> None:
    """Create a member and let them choose their own password, as a real first sign-in does."""
    from app.services import auth

    temporary = "Temp-" + password[::-1]
    staff.create_staff(
        office.manager,
        login=login,
        display_name="職員 " + login.capitalize(),
        roles=roles,
        scopes=scopes or [],
        initial_password=temporary,
    )
    session = auth.sign_in(office.data, login, temporary, office.clock)
    try:
        auth.change_password(session, temporary, password)
    finally:
        session.close()


def run_cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a subprocess, as an administrator would run it. Its
    output is read as UTF-8, which the CLI writes to any pipe on every system (app/cli_io.py;
    on Windows a pipe would otherwise get cp932), and stdin is sent as UTF-8, which it reads."""
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
