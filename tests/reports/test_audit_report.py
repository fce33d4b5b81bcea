"""監査報告書: the analysis of a period as a PDF with the flags and their acknowledgement, the
chain head and the newest signed checkpoint; read back as text, it holds no number and its
metadata say nothing of the office; `audit report` writes it from the command line."""

from __future__ import annotations

import io
import os
import re
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest

from app import errors
from app.services import audit, audit_report, auth, checkpoints, log_analysis, numbers, people
from tests.conftest import (
    CLERK_PASSWORD,
    JST,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
    run_cli,
)

NUMBER = "123456789018"
NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")


@pytest.fixture
def logged(office: Office) -> Office:
    manager = office.manager
    from app.services import staff

    manager.user = staff.set_scopes(
        manager, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    person = people.register_employee(
        manager, code="E001", name="表示 太郎", kana_text="ヒョウジ タロウ"
    )
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    office.clock._now = datetime(2026, 11, 24, 21, 15, tzinfo=JST)  # Tuesday evening
    numbers.reveal(manager, person.id, "tax_withholding")
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    return office


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace(" ", "")


def test_the_report_holds_counts_flags_checks_and_the_chain_but_no_number(
    logged: Office,
) -> None:
    (flag,) = log_analysis.analyse(logged.manager, date(2026, 11, 1), date(2026, 11, 30)).flags
    supervisor = auth.sign_in(logged.data, "sekinin", SUPERVISOR_PASSWORD, logged.clock)
    log_analysis.acknowledge(supervisor, flag, "年末調整の準備で残業")
    supervisor.close()
    checkpoints.make(logged.manager)
    verified = audit.verify_chain(logged.manager)

    pdf = audit_report.report_pdf(logged.manager, date(2026, 11, 1), date(2026, 11, 30))
    if shots := os.environ.get("AUDIT_REPORT_SHOT"):
        Path(shots).write_bytes(pdf)

    text = _text(pdf)
    flat = text.replace("\n", "")
    assert "監査報告書" in flat and "2026年11月1日（令和8年11月1日）から" in flat
    assert "勤務時間外の個人番号の表示" in flat and "年末調整の準備で残業" in flat
    assert "職員Sekinin" in flat  # who checked it
    assert verified.head_fingerprint in flat
    assert verified.sealed is not None and verified.sealed.replace(" ", "") in flat
    assert not NUMBER_RUN.search(flat) and NUMBER not in flat
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    assert "テスト事業所" not in " ".join(str(v) for v in info.values())
    actions = [e.action for e in audit_repo_entries(logged)]
    assert actions[-1] == "audit.report_printed"


def audit_repo_entries(office: Office):
    from storage import audit_repo

    return list(audit_repo.entries(office.manager.vault.conn))


def test_a_clerk_gets_no_report(logged: Office) -> None:
    clerk = auth.sign_in(logged.data, "tanto", CLERK_PASSWORD, logged.clock)
    with pytest.raises(errors.PermissionDenied):
        audit_report.report_pdf(clerk, date(2026, 11, 1), date(2026, 11, 30))
    clerk.close()


def test_audit_report_from_the_command_line(logged: Office, tmp_path: Path) -> None:
    logged.manager.close()
    out = tmp_path / "監査報告書.pdf"

    def run(login: str, password: str, target: Path):
        return run_cli(
            "--data-dir",
            str(logged.data.data_dir),
            "audit",
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            str(target),
            "--user",
            login,
            "--password-stdin",
            stdin=password + "\n",
        )

    made = run(MANAGER_LOGIN, MANAGER_PASSWORD, out)
    assert made.returncode == 0, made.stderr
    assert "監査報告書を作成しました" in made.stdout
    assert "勤務時間外" in _text(out.read_bytes()).replace("\n", "")
    refused = run("tanto", CLERK_PASSWORD, tmp_path / "x.pdf")
    assert refused.returncode == 1 and not (tmp_path / "x.pdf").exists()
