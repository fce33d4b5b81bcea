"""Command-line handlers for the year's statutory forms (#16 item 10): `forms list` (who is due
which form, submission required or not and why; never a number) and `forms print` (one copy
of any form the program draws, for chosen people, as a PDF: a copy with numbers only AES-256
encrypted with the password read from standard input, and entered in the outputs register).
Registered in app.commands.HANDLERS; the sign-in is app.commands'.

People are chosen by their employee code; a payee has none and is chosen as `#<id>`, the
person's record number that never changes and that `forms list` shows in the code column."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import errors
from app.cli import print_line
from app.clock import Clock
from app.domain import corporate_number
from app.domain.display_dates import japanese_day
from app.domain.my_number import looks_like_number
from app.domain.payment_slip import PAYEE
from app.domain.withholding_slip import MUNICIPAL, RECIPIENT, TAX_OFFICE
from app.domain.year_end import FORMS, SALARY, SUMMARY
from app.session import Session
from storage.atomic import write_private

if TYPE_CHECKING:
    from app.services.forms_due import SlipDue

# --copy on the command line (app.cli FORM_COPIES) -> the copy's code; "payee" is the payee's
# 写し of a 支払調書 (no number).
COPIES = {
    "tax-office": TAX_OFFICE,
    "municipal": MUNICIPAL,
    "recipient": RECIPIENT,
    "payee": PAYEE,
}
PDF_PASSWORD = "PDFのパスワード"
# The copies that carry the payer's 法人番号 (the 合計表's is its TAX_OFFICE copy); printed
# blank when the office has none set and none is given, which this note says.
PAYER_NUMBER_COPIES = (TAX_OFFICE, MUNICIPAL)
NO_PAYER_NUMBER = (
    "注意: 支払者の法人番号の欄は空欄で印刷しました（事業所の法人番号が登録されておらず、"
    "--payer-number の指定もありません）。法人の場合は、設定画面で事業所の法人番号を登録するか、"
    "--payer-number で指定して印刷し直してください（個人事業者の個人番号はこのプログラムでは"
    "記載しません）。"
)


def person_key(code: str, person_id: int) -> str:
    """How `forms list` shows a person and `--people` takes them: the employee code, or
    `#<id>` for a person without one (a payee)."""
    return code or f"#{person_id}"


def _yen_count(count: int) -> str:
    return f"{count}枚"


def _list(session: Session, year: int) -> int:
    from app.services import forms_due

    due = forms_due.for_year(session, year)
    for person in due.people:
        head = [person_key(person.code, person.person_id), person.name]
        if not person.slips:
            print_line("\t".join([*head, FORMS[SALARY], forms_due.NOT_ENTERED, "-"]))
            continue
        for slip in person.slips:
            columns = [*head, FORMS[slip.form], f"税務署: {slip.tax_office.need.label}"]
            columns.append(slip.tax_office.reason)
            if slip.municipal is not None:
                columns.append(f"給与支払報告書: {slip.municipal.need.label}")
            print_line("\t".join(columns))
    print_line(f"{year}年分 提出期限 {japanese_day(due.due_on)}")
    for count in due.counts:
        if not count.slips:
            continue
        line = (
            f"合計表 {FORMS[count.form]}: {_yen_count(count.slips)}"
            f"（税務署へ提出 {_yen_count(count.tax_office)}"
        )
        if count.form == SALARY:
            line += f"、給与支払報告書 {_yen_count(count.municipal)}"
        print_line(line + "）")
    for check in due.efiling:
        if check.required:
            print_line(
                f"電子提出が必要: {FORMS[check.form]}（{check.basis_year}年分の税務署提出"
                f" {_yen_count(check.basis_count)}、基準 {check.threshold}枚以上）"
            )
        elif check.coming:
            print_line(
                f"注意: {FORMS[check.form]}は今年分が{_yen_count(check.count)}です。"
                f"{year + 2}年分からe-Tax等での提出が必要になります。"
            )
    if due.not_entered:
        print_line(f"未入力 {due.not_entered}人")
    print_line(f"{len(due.people)}人")
    return 0


def _shown_code(code: str) -> str:
    return "（番号のような値）" if looks_like_number(code) else code


def _due(form: str, copy: str, slip: SlipDue) -> bool:
    """Whether the slip goes in with the copy: the tax office's and the city's copies take the
    slips that must be submitted (the 特別徴収票 those whose 退職 slip goes to the tax office);
    the others every slip entered."""
    if slip.form != form:
        return False
    if copy == MUNICIPAL and slip.municipal is not None:
        return slip.municipal.required
    if copy in (TAX_OFFICE, MUNICIPAL):
        return slip.tax_office.required
    return True


def _chosen(
    session: Session, year: int, form: str, copy: str, codes: str
) -> tuple[list[int], dict[int, set[int]] | None]:
    """The people to print and, by default, which of their slips: the codes (or `#<id>`)
    given with all their slips of the form, else the slips the copy is due for."""
    from app.services import forms_due

    due = forms_due.for_year(session, year)
    having = [p for p in due.people if any(s.form == form for s in p.slips)]
    if codes.strip():
        by_code = {person_key(p.code, p.person_id): p for p in due.people}
        chosen = []
        for code in (c.strip() for c in codes.split(",")):
            if not code:
                continue
            if code not in by_code:
                forms_due.log_unseen(session, year, code)
                what = "番号" if code.startswith("#") else "従業員コード"
                raise errors.InvalidInput(
                    f"{what}「{_shown_code(code)}」の人は{year}年分の対象者にいません"
                    "（担当範囲外の人を含みます。番号は forms list で確かめてください）。"
                )
            person = by_code[code]
            if person not in having:
                raise errors.InvalidInput(
                    f"{person.name}さんの{year}年分の{FORMS[form]}の内容がまだ入力されていません。"
                )
            if person.person_id not in chosen:  # named twice: printed once
                chosen.append(person.person_id)
        return chosen, None
    slips = {p.person_id: {s.slip for s in p.slips if _due(form, copy, s)} for p in having}
    slips = {person_id: numbers for person_id, numbers in slips.items() if numbers}
    if not slips:
        raise errors.InvalidInput(
            f"{year}年分の{FORMS.get(form, form)}で、この控えを印刷する人がいません。"
        )
    return list(slips), slips


def _print(session: Session, args: argparse.Namespace, lines: list[str]) -> int:
    from app.services import forms, forms_print, outputs

    copy = _copy(args)
    numbered = forms_print.numbered(args.form, copy)
    password = outputs.checked_pdf_password(lines[0]) if numbered else None
    summary = args.form == SUMMARY
    chosen, slips = [], None
    if not summary:
        chosen, slips = _chosen(session, args.year, args.form, copy, args.people)
    order = None
    if numbered:
        destination = args.destination.strip() or forms.default_order(copy).destination
        order = outputs.Order(destination, "pdf", args.reason.strip())
    rendered = forms_print.print_copy(
        session,
        args.year,
        args.form,
        copy,
        chosen,
        order,
        payer_number=args.payer_number,
        slips=slips,
    )
    out: Path = args.out
    if rendered.output_id is None:
        data = rendered.pdf
    else:
        data, _ = outputs.export_pdf(session, rendered.output_id, rendered.pdf, password=password)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, data, new=True)
    except OSError:
        raise errors.InvalidInput(f"「{out}」に書き込めません。") from None
    what = FORMS[args.form] if summary else f"{FORMS[args.form]}（{len(chosen)}人）"
    if rendered.output_id is None:
        print_line(f"{what}を書き出しました（個人番号は記載されていません）: {out}")
    else:
        print_line(
            f"{what}を暗号化したPDFに書き出しました: {out}"
            f"（出力記録 No.{rendered.output_id:05d}。パスワードは別の経路で伝えてください）"
        )
    if (
        copy in PAYER_NUMBER_COPIES
        and not forms_print.payer(session, args.payer_number).corporate_number
    ):
        print_line(NO_PAYER_NUMBER, sys.stderr)
    return 0


def _copy(args: argparse.Namespace) -> str:
    """The copy asked for; the 合計表 has only the one to the tax office."""
    if args.copy is None:
        if args.form == SUMMARY:
            return TAX_OFFICE
        raise errors.InvalidInput(
            "--copy で控えを指定してください（tax-office, municipal, recipient, payee）。"
        )
    return COPIES[args.copy]


def _checked_print(args: argparse.Namespace) -> bool:
    """What can be refused before the sign-in; whether the copy carries numbers."""
    from app.services import forms_print

    out: Path = args.out
    if out.exists():
        raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
    if out.suffix.lower() != ".pdf":
        raise errors.InvalidInput("保存先は .pdf のファイル名にしてください。")
    copy = _copy(args)
    forms_print.check_printable(args.form, copy)
    if args.form == SUMMARY and args.people.strip():
        raise errors.InvalidInput("合計表はその年分の全員の合計です。--people は指定できません。")
    if args.payer_number:
        try:
            corporate_number.parse(args.payer_number)
        except corporate_number.InvalidCorporateNumber as exc:
            raise errors.InvalidInput(f"--payer-number: {exc}") from None
    return forms_print.numbered(args.form, copy)


def cmd_forms(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    from app.commands import _with_session

    if args.forms_command == "list":
        return _with_session(args, data_dir, clock, lambda s, _l: _list(s, args.year))
    numbered = _checked_print(args)
    if numbered and not args.pdf_password_stdin:
        raise errors.InvalidInput(
            "個人番号が記載される控えは、暗号化したPDFにだけ書き出します。"
            "--pdf-password-stdin を指定し、標準入力の2行目でPDFのパスワードを渡してください。"
        )
    if not numbered and args.pdf_password_stdin:
        raise errors.InvalidInput(
            "この控えには個人番号が記載されないため、PDFのパスワードは使いません。"
            "--pdf-password-stdin を外してください。"
        )
    extra = PDF_PASSWORD if numbered else None
    return _with_session(args, data_dir, clock, lambda s, lines: _print(s, args, lines), extra)
