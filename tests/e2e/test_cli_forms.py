"""`forms list` and `forms print`: who is due which form with the reason and never a number;
every form the program draws (給与・退職の源泉徴収票, 支払調書, 合計表) and each of its copies; a
copy with numbers written only as an encrypted PDF with the password from standard input, and
entered in the outputs register; the recipient's and the payee's copies plain and without a
number; refusals in one line, writing nothing."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from app.domain.payment_slip import PaymentSlip
from app.domain.retirement_slip import RetirementSlip
from app.domain.year_end import FEES, OFFICER, PAYMENT_KIND, RENT, SALARY, YearEndEntry
from app.services import (
    auth,
    numbers,
    outputs,
    payment_forms,
    people,
    retirement_forms,
    staff,
    year_end,
)
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office, run_cli

NUMBER = "123456789018"
PAYEE_NUMBER = "983205673214"
PAYER_NO = "4010001234567"
PAYEE_CORPORATE = "5010001234566"
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
        "--out", str(out), "--people", "E001,E002,E001",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    reader = pypdf.PdfReader(out)
    assert not reader.is_encrypted  # two slips on one A4 sheet
    text = "".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    assert "受給者交付用" in flat and "山田太郎" in flat and "佐藤花子" in flat
    assert flat.count("山田太郎") == 1 and "（2人）" in made.stdout  # named twice, printed once
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
        (["--copy", "payee"], None, "給与所得の源泉徴収票にこの控えはありません"),
        (["--copy", "recipient", "--people", "#999"], None, "番号「#999」"),
        (["--copy", "recipient", "--payer-number", "4010001234568"], None, "検査用数字"),
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


def test_an_unknown_form_and_a_year_without_content_are_refused(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    unknown = _forms(
        data_dir, "print", "--year", "2026", "--form", "kyuyo", "--copy", "tax-office",
        "--out", str(out), "--pdf-password-stdin", stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert unknown.returncode == 1 and "kyuyoは印刷できません" in unknown.stderr
    assert "不動産の使用料等の支払調書（税務署提出用・支払先への写し）" in unknown.stderr
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


@pytest.fixture
def all_forms(office: Office, data_dir: Path) -> dict[str, int]:
    """Besides the salaries: the officer left with a 退職手当, an individual paid 原稿料 and a
    company paid rent. Returns the payees' person ids (they have no employee code)."""
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        session.user = staff.set_scopes(
            session, MANAGER_LOGIN, [*SCOPES, "purpose:payment_records", "kind:payee"]
        )
        (officer,) = [p for p in people.search(session, "E001").rows]
        retirement_forms.save(
            session,
            RetirementSlip(
                officer.id, 2026,
                {"general_payment": 12_000_000, "general_tax": 0,
                 "retirement_deduction": 15_000_000},
                {"hired_on": "2001-04-01", "left_on": "2026-03-31", "years_of_service": "25"},
            ),
        )  # fmt: skip
        writer = people.register_payee(
            session, name="佐藤 一郎", kana_text="サトウ イチロウ", payment_kind="fees",
            continuing=True,
        )  # fmt: skip
        numbers.register_number(session, writer.id, PAYEE_NUMBER, PAYEE_NUMBER, ["payment_records"])
        payment_forms.save(
            session,
            PaymentSlip(writer.id, 2026, FEES, {"payment": 100_000, "tax": 10_210},
                        {PAYMENT_KIND: "原稿料", "detail": "3回"}, 1),
        )  # fmt: skip
        # 広告宣伝 is summed on its own against 50万円: entered, but not submitted.
        payment_forms.save(
            session,
            PaymentSlip(writer.id, 2026, FEES, {"payment": 400_000, "tax": 40_840},
                        {PAYMENT_KIND: "広告宣伝のための賞金", "detail": "1回"}, 2),
        )  # fmt: skip
        landlord = people.register_payee(
            session, name="株式会社三軒茶屋不動産", kana_text="サンゲンヂャヤフドウサン",
            payment_kind="rent", continuing=True, corporate=PAYEE_CORPORATE,
        )  # fmt: skip
        payment_forms.save(
            session,
            PaymentSlip(landlord.id, 2026, RENT, {"payment": 2_400_000},
                        {PAYMENT_KIND: "家賃", "confirmed_on": "2026-04-01"}, 1),
        )  # fmt: skip
    finally:
        session.close()
    return {"writer": writer.id, "landlord": landlord.id}


def _payees(people_arg: str, ids: dict[str, int]) -> str:
    """`#writer` -> `#<id>`, the payee's number as forms list shows it."""
    for key, person_id in ids.items():
        people_arg = people_arg.replace(f"#{key}", f"#{person_id}")
    return people_arg


def _text(pdf: Path, password: str | None = None) -> str:
    reader = pypdf.PdfReader(pdf, password=password)
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


@pytest.mark.parametrize(
    ("form", "copy", "people_arg", "number", "name", "pages"),
    [
        ("taishoku", "tax-office", "", NUMBER, "山田太郎", 1),
        ("taishoku", "municipal", "E001", NUMBER, "山田太郎", 1),
        # By default only the slip that must be submitted, not the 400,000 yen 広告宣伝 one.
        ("hoshu", "tax-office", "", PAYEE_NUMBER, "佐藤一郎", 1),
        # Chosen by code: every slip of the form.
        ("hoshu", "tax-office", "#writer", PAYEE_NUMBER, "佐藤一郎", 2),
        ("fudosan", "tax-office", "#landlord", PAYEE_CORPORATE, "株式会社三軒茶屋不動産", 1),
        (SALARY, "municipal", "E001", NUMBER, "山田太郎", 1),
    ],
)
def test_each_copy_with_numbers_is_encrypted_and_registered(
    office: Office, all_forms: dict[str, int], data_dir: Path, tmp_path: Path,
    form: str, copy: str, people_arg: str, number: str, name: str, pages: int,
) -> None:  # fmt: skip
    out = tmp_path / "copy.pdf"
    chosen = _payees(people_arg, all_forms)
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", form, "--copy", copy, "--out", str(out),
        "--people", chosen, "--payer-number", PAYER_NO, "--pdf-password-stdin",
        stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "暗号化したPDF" in made.stdout and "（1人）" in made.stdout
    assert not NUMBER_RUN.search(made.stdout + made.stderr)
    assert number.encode() not in out.read_bytes()
    assert pypdf.PdfReader(out).is_encrypted
    assert len(pypdf.PdfReader(out, password=PDF_PASSWORD).pages) == pages
    flat = "".join(_text(out, PDF_PASSWORD).split())
    assert number in flat and PAYER_NO in flat and name in flat
    (entry,) = _registered(office)
    assert entry.row.form == f"{form}/{copy.replace('-', '_')}"
    assert entry.row.persons == 1 and entry.row.method == "pdf"
    assert entry.row.destination == ("市区町村" if copy == "municipal" else "税務署")


@pytest.mark.parametrize(
    ("form", "copy", "people_arg", "name"),
    [
        ("taishoku", "recipient", "", "山田太郎"),
        ("hoshu", "payee", "", "佐藤一郎"),
        ("fudosan", "payee", "#landlord", "株式会社三軒茶屋不動産"),
    ],
)
def test_the_recipient_and_payee_copies_are_plain_with_no_number(
    office: Office, all_forms: dict[str, int], data_dir: Path, tmp_path: Path,
    form: str, copy: str, people_arg: str, name: str,
) -> None:  # fmt: skip
    out = tmp_path / "copy.pdf"
    chosen = _payees(people_arg, all_forms)
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", form, "--copy", copy, "--out", str(out),
        "--people", chosen, "--payer-number", PAYER_NO,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "個人番号は記載されていません" in made.stdout
    assert not pypdf.PdfReader(out).is_encrypted
    text = _text(out)
    flat = "".join(text.split())
    assert name in flat
    # Every slip entered (the 広告宣伝 one too, though it is not submitted).
    assert ("広告宣伝" in flat) == (form == "hoshu")
    # Neither anyone's 個人番号, a company's 法人番号 nor the payer's.
    assert not any(n in flat for n in (NUMBER, PAYEE_NUMBER, PAYEE_CORPORATE, PAYER_NO))
    if copy == "payee":  # (the 退職 slip's amounts run together in the extracted text)
        assert not NUMBER_RUN.search(text)
    assert _registered(office) == []


def test_the_summary_table_carries_only_the_payers_number(
    office: Office, all_forms: dict[str, int], data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "合計表.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", "gokeihyo", "--out", str(out),
        "--payer-number", PAYER_NO,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert not pypdf.PdfReader(out).is_encrypted
    flat = "".join(_text(out).split())
    assert "法定調書合計表" in flat and PAYER_NO in flat
    assert NUMBER not in flat and PAYEE_NUMBER not in flat
    assert _registered(office) == []


def test_the_list_names_a_payee_by_the_number_print_takes(
    all_forms: dict[str, int], data_dir: Path
) -> None:
    listed = _forms(data_dir, "list", "--year", "2026")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert any(line.startswith(f"#{all_forms['writer']}\t佐藤 一郎\t報酬") for line in lines)
    assert any(
        line.startswith(f"#{all_forms['landlord']}\t株式会社三軒茶屋不動産") for line in lines
    )
    assert any(line.startswith("E001\t山田 太郎\t退職所得の源泉徴収票") for line in lines)


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["--form", "hoshu", "--copy", "municipal"], None, "この控えはありません"),
        (["--form", "hoshu", "--copy", "tax-office"], None, "--pdf-password-stdin"),
        (["--form", "fudosan", "--copy", "payee", "--pdf-password-stdin"], None, "使いません"),
        (["--form", "gokeihyo", "--people", "E001"], None, "--people は指定できません"),
        (["--form", "taishoku"], None, "--copy で控えを指定"),
        # No company's rent is due at the tax office, so no one by default.
        (["--form", "fudosan", "--copy", "tax-office", "--pdf-password-stdin"],
         f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n", "印刷する人がいません"),
        (["--form", "taishoku", "--copy", "recipient", "--people", "E002"], None,
         "退職所得の源泉徴収票・特別徴収票の内容がまだ入力されていません"),
    ],
)  # fmt: skip
def test_other_forms_refusals_write_nothing(
    office: Office, all_forms: dict[str, int], data_dir: Path, tmp_path: Path,
    args: list[str], stdin: str | None, words: str,
) -> None:  # fmt: skip
    out = tmp_path / "x.pdf"
    done = _forms(
        data_dir, "print", "--year", "2026", "--out", str(out), *args,
        stdin=stdin or MANAGER_PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 1, done.stdout
    assert words in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    assert _registered(office) == []


OFFICE_NO = "8999900000001"


def _office_number(office: Office, number: str) -> None:
    from app.services import office_contact

    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        office_contact.change_contact(
            session, request_desk="総務部", address="", phone="", corporate_number=number
        )
    finally:
        session.close()


def test_without_payer_number_the_offices_number_is_printed_and_never_on_the_payees_copy(
    office: Office, all_forms: dict[str, int], data_dir: Path, tmp_path: Path
) -> None:
    _office_number(office, OFFICE_NO)
    submitted = tmp_path / "税務署提出用.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", "hoshu", "--copy", "tax-office",
        "--out", str(submitted), "--pdf-password-stdin",
        stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # no note: the payer's number is on the form
    assert OFFICE_NO.encode() not in submitted.read_bytes()
    flat = "".join(_text(submitted, PDF_PASSWORD).split())
    assert OFFICE_NO in flat and PAYEE_NUMBER in flat

    copy = tmp_path / "写し.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", "hoshu", "--copy", "payee",
        "--out", str(copy),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    flat = "".join(_text(copy).split())
    assert "佐藤一郎" in flat and OFFICE_NO not in flat and PAYEE_NUMBER not in flat

    # --payer-number still overrides the office's for one print.
    other = tmp_path / "別の番号.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", "gokeihyo", "--out", str(other),
        "--payer-number", PAYER_NO,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    flat = "".join(_text(other).split())
    assert PAYER_NO in flat and OFFICE_NO not in flat


def test_with_no_payer_number_anywhere_the_box_is_blank_and_a_note_says_so(
    office: Office, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "税務署提出用.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--copy", "tax-office",
        "--out", str(out), "--pdf-password-stdin",
        stdin=f"{MANAGER_PASSWORD}\n{PDF_PASSWORD}\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "暗号化したPDF" in made.stdout
    assert "支払者の法人番号の欄は空欄で印刷しました" in made.stderr
    assert "設定画面で事業所の法人番号を登録するか" in made.stderr
    assert "--payer-number" in made.stderr and len(made.stderr.splitlines()) == 1
    # The recipient's copy never carries it: nothing to say there.
    plain = tmp_path / "受給者交付用.pdf"
    made = _forms(
        data_dir, "print", "--year", "2026", "--form", SALARY, "--copy", "recipient",
        "--out", str(plain),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""


def test_people_outside_the_clerks_groups_are_refused_and_the_try_logged(
    office: Office, data_dir: Path, tmp_path: Path
) -> None:
    from tests.conftest import CLERK_PASSWORD, add_member

    office.manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    other = people.register_employee(
        office.manager, code="E009", name="高橋 次郎", kana_text="タカハシ ジロウ",
        department="経理部",
    )  # fmt: skip
    numbers.register_number(
        office.manager, other.id, PAYEE_NUMBER, PAYEE_NUMBER, ["tax_withholding"]
    )
    year_end.save(office.manager, YearEndEntry(other.id, 2026, SALARY, {"payment": 6_000_000}))
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["purpose:tax_withholding", "dept:総務部"]
    )
    out = tmp_path / "bulk.pdf"
    printed = run_cli(
        "--data-dir", str(data_dir), "forms", "print", "--year", "2026", "--form", SALARY,
        "--copy", "tax-office", "--people", "E001,E009", "--out", str(out),
        "--user", "tanaka", "--password-stdin", "--pdf-password-stdin",
        stdin=CLERK_PASSWORD + "\n" + PDF_PASSWORD + "\n",
    )  # fmt: skip
    assert printed.returncode == 1 and "E009" in printed.stderr
    assert not out.exists()
    denied = office.manager.vault.conn.execute(
        "SELECT actor_name, target, detail FROM audit_log WHERE action = 'access.denied'"
    ).fetchall()
    assert [(actor, target) for actor, target, _ in denied] == [
        ("tanaka", numbers.record_id(other.id))
    ]
    assert "group_scope" in denied[0][2]
    # Someone who is nobody's is refused with the same words and logs nothing.
    unknown = run_cli(
        "--data-dir", str(data_dir), "forms", "print", "--year", "2026", "--form", SALARY,
        "--copy", "tax-office", "--people", "E001,E404", "--out", str(out),
        "--user", "tanaka", "--password-stdin", "--pdf-password-stdin",
        stdin=CLERK_PASSWORD + "\n" + PDF_PASSWORD + "\n",
    )  # fmt: skip
    assert unknown.returncode == 1
    assert printed.stderr.replace("E009", "E404") == unknown.stderr
    count = office.manager.vault.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'access.denied'"
    ).fetchone()[0]
    assert count == 1
    office.manager.close()
