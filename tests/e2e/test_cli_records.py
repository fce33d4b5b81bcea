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
