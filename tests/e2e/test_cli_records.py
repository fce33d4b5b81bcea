"""`report ledger`: the management ledger from the command line, refused to a clerk."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from tests.conftest import (
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
    run_cli,
)

NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")


def _report(data: Path, login: str, password: str, out: Path):
    return run_cli(
        "--data-dir",
        str(data),
        "report",
        "ledger",
        "--out",
        str(out),
        "--user",
        login,
        "--password-stdin",
        stdin=password + "\n",
    )


def test_report_ledger_writes_the_pdf_and_a_clerk_is_refused(
    office: Office, tmp_path: Path
) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    office.manager.close()
    out = tmp_path / "台帳.pdf"
    made = _report(office.data.data_dir, MANAGER_LOGIN, MANAGER_PASSWORD, out)
    assert made.returncode == 0, made.stderr
    assert "特定個人情報管理台帳を作成しました" in made.stdout
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages).replace(" ", "")
    assert "アクセス権を有する者" in text and not NUMBER_RUN.search(text.replace("\n", ""))
    again = _report(office.data.data_dir, MANAGER_LOGIN, MANAGER_PASSWORD, out)
    assert again.returncode == 1 and "上書きはしません" in again.stderr
    refused = _report(office.data.data_dir, "tanaka", CLERK_PASSWORD, tmp_path / "x.pdf")
    assert refused.returncode == 1 and "権限がありません" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_incidents_list_shows_state_and_deadline(office: Office) -> None:
    from datetime import datetime

    from app.domain.incidents import Checklist, IncidentKind
    from app.services import incidents
    from tests.conftest import JST

    known = datetime(2026, 11, 21, 15, 30, tzinfo=JST)
    incidents.register(
        office.manager,
        title="名簿の誤送付",
        kind=IncidentKind.LEAK,
        discovered_at=known,
        known_at=known,
        checklist=Checklist(persons=150),
    )
    office.manager.close()
    listed = run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "incidents",
        "list",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )
    assert listed.returncode == 0, listed.stderr
    assert (
        "No.1\t対応中\t漏えい\t名簿の誤送付\t知った日 2026年11月21日（土）\t報告が必要"
        in listed.stdout
    )
    # Day 30 is Sunday 12/20: the deadline is Monday 12/21.
    assert "確報期限 2026年12月21日（月）" in listed.stdout and "1件" in listed.stdout


def test_incidents_analysis_writes_the_yearly_pdf(office: Office, tmp_path: Path) -> None:
    office.manager.close()
    out = tmp_path / "分析.pdf"
    made = run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "incidents",
        "analysis",
        "--year",
        "2026",
        "--out",
        str(out),
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )
    assert made.returncode == 0, made.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages).replace(" ", "")
    assert "この年に登録された事案はありません" in text.replace("\n", "")


def _self_inspection(data: Path, login: str, password: str, out: Path, year: str = "2026"):
    return run_cli(
        "--data-dir",
        str(data),
        "report",
        "self-inspection",
        "--year",
        year,
        "--out",
        str(out),
        "--user",
        login,
        "--password-stdin",
        stdin=password + "\n",
    )


def test_report_self_inspection_writes_the_pdf_and_a_clerk_is_refused(
    office: Office, tmp_path: Path
) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    office.manager.close()
    out = tmp_path / "点検.pdf"
    made = _self_inspection(office.data.data_dir, MANAGER_LOGIN, MANAGER_PASSWORD, out)
    assert made.returncode == 0, made.stderr
    assert "2026年の自己点検報告書を作成しました" in made.stdout
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    text = text.replace(" ", "").replace("\n", "")
    assert "自己点検報告書" in text and "アクセス記録の検証" in text and "対応表" in text
    assert not NUMBER_RUN.search(text)
    refused = _self_inspection(office.data.data_dir, "tanaka", CLERK_PASSWORD, tmp_path / "x.pdf")
    assert refused.returncode == 1 and "権限がありません" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    wrong = _self_inspection(
        office.data.data_dir, MANAGER_LOGIN, MANAGER_PASSWORD, tmp_path / "y.pdf", year="2015"
    )
    assert wrong.returncode == 1 and "2016年" in wrong.stderr
