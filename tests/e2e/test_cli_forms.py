"""`forms list` and `forms print`: who is due which form with the reason and never a number;
a copy with numbers written only as an encrypted PDF with the password from standard input,
and entered in the outputs register; the recipient copy plain; refusals in one line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from app.domain.year_end import OFFICER, SALARY, YearEndEntry
from app.services import auth, numbers, outputs, people, staff, year_end
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office, run_cli

NUMBER = "123456789018"
NUMBER_RUN = re.compile(r"\d(?:[ \u3000\-－ー]?\d){11}")
SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent"]
PDF_PASSWORD = "Paper-Crane-Window-93"


@pytest.fixture
def data_dir(office: Office) -> Path:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    officer = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, officer.id, NUMBER, NUMBER, ["tax_withholding"])
    year_end.save(
        session, YearEndEntry(officer.id, 2026, SALARY, {"payment": 1_500_001}, {OFFICER: "1"})
    )
    clerk = people.register_employee(
        session, code="E002", name="佐藤 花子", kana_text="サトウ ハナコ", department="総務部"
    )
    year_end.save(session, YearEndEntry(clerk.id, 2026, SALARY, {"payment": 4_000_000}))
    people.register_employee(
        session, code="E003", name="鈴木 一郎", kana_text="スズキ イチロウ", department="総務部"
    )
    session.close()
    return office.data.data_dir


def _forms(data_dir: Path, *args: str, stdin: str = MANAGER_PASSWORD + "\n"):
    return run_cli(
        "--data-dir",
        str(data_dir),
        "forms",
        *args,
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=stdin,
    )


def _registered(office: Office) -> list[outputs.Entry]:
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        return outputs.entries(session)
    finally:
        session.close()


def test_list_names_each_form_with_its_reason_and_no_number(data_dir: Path) -> None:
    listed = _forms(data_dir, "list", "--year", "2026")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert (
        "E001\t山田 太郎\t給与所得の源泉徴収票\t税務署: 提出が必要\t"
        "役員で支払金額が150万円を超えるため提出が必要\t給与支払報告書: 提出が必要"
    ) in lines
    assert any(line.startswith("E002\t佐藤 花子") and "提出は不要" in line for line in lines)
    assert "E003\t鈴木 一郎\t給与所得の源泉徴収票\t未入力\t-" in lines
    assert "2026年分 提出期限 2027年2月1日（月）" in lines
    assert "合計表 給与所得の源泉徴収票: 2枚（税務署へ提出 1枚、給与支払報告書 2枚）" in lines
    assert "未入力 1人" in lines
    assert not NUMBER_RUN.search(listed.stdout + listed.stderr)


def test_a_copy_with_numbers_is_written_only_encrypted_and_registered(
    office: Office, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "税務署提出用.pdf"
    refused = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--copy", "tax-office",
        "--out", str(out),
    )  # fmt: skip
    assert refused.returncode == 1 and "--pdf-password-stdin" in refused.stderr
    assert not out.exists()

    made = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--copy", "tax-office",
        "--out", str(out), "--pdf-password-stdin", "--destination", "税理士",
        stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "暗号化したPDF" in made.stdout and "No.00001" in made.stdout
    assert not NUMBER_RUN.search(made.stdout + made.stderr)
    locked = out.read_bytes()
    assert NUMBER.encode() not in locked
    reader = pypdf.PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    opened = pypdf.PdfReader(io.BytesIO(locked), password=PDF_PASSWORD)
    text = "".join("".join(page.extract_text().split()) for page in opened.pages)
    # By default the people the copy must go in for: the officer only.
    assert NUMBER in text and "山田太郎" in text and "佐藤花子" not in text
    (entry,) = _registered(office)
    assert entry.row.form == f"{SALARY}/tax_office" and entry.row.method == "pdf"
    assert entry.row.persons == 1 and entry.row.destination == "税理士"
    assert entry.row.saved_at is not None


def test_the_recipient_copy_is_plain_and_carries_no_number(
    office: Office, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "受給者交付用.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--copy", "recipient",
        "--out", str(out), "--people", "E001,E002",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    reader = pypdf.PdfReader(out)
    assert not reader.is_encrypted  # two slips on one A4 sheet
    text = "".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    assert "受給者交付用" in flat and "山田太郎" in flat and "佐藤花子" in flat
    assert not NUMBER_RUN.search(text.replace("\n", ""))
    assert _registered(office) == []


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        # A wrong sign-in password: nothing opened, nothing written.
        (["--copy", "tax-office", "--pdf-password-stdin"], "Wrong-Password-000\nPaper-Crane-Window-93\n", "パスワード"),
        # A PDF password too short to protect the file.
        (["--copy", "tax-office", "--pdf-password-stdin"], f"{MANAGER_PASSWORD}\nshort\n", "12文字以上"),
        (["--copy", "recipient", "--people", "X999"], None, "従業員コード「X999」"),
        (["--copy", "recipient", "--people", "E003"], None, "まだ入力されていません"),
        (["--copy", "payee"], None, "印刷できる帳票: 給与所得の源泉徴収票"),
    ],
)  # fmt: skip
def test_refusals_write_nothing(
    office: Office, data_dir: Path, tmp_path: Path, args: list[str], stdin, words: str
) -> None:
    out = tmp_path / "x.pdf"
    done = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--out", str(out), *args,
        stdin=stdin or MANAGER_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 1, done.stdout
    assert words in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    assert _registered(office) == []


def test_a_form_without_a_layout_and_a_year_without_content_are_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    fees = _forms(
        data_dir, "print", "--year", "2026", "--form", "hoshu", "--copy", "tax-office",
        "--out", str(out), "--pdf-password-stdin", stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert (
        fees.returncode == 1
        and "報酬、料金、契約金及び賞金の支払調書はまだ印刷できません" in fees.stderr
    )
    empty = _forms(
        data_dir, "print", "--year", "2025", "--form", SALARY, "--copy", "recipient",
        "--out", str(out),
    )  # fmt: skip
    assert empty.returncode == 1 and "印刷する人がいません" in empty.stderr
    assert not out.exists()


def test_the_auditor_is_refused_the_list(office: Office, data_dir: Path) -> None:
    from tests.conftest import AUDITOR_PASSWORD, add_member

    office.manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    office.manager.close()
    listed = run_cli(
        "--data-dir", str(data_dir), "forms", "list", "--year", "2026",
        "--user", "kansa", "--password-stdin", stdin=AUDITOR_PASSWORD + "\n",
    )  # fmt: skip
    assert listed.returncode == 1 and "権限がありません" in listed.stderr
    assert "山田" not in listed.stdout
