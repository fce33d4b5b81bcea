"""The command line's `forms` group: its arguments (app.cli builds the parser with them; the
handlers are app/commands_forms.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

FORM_COPIES = ("tax-office", "municipal", "recipient", "payee")


def forms_arguments(
    commands: argparse._SubParsersAction,
    parser_class: type[argparse.ArgumentParser],
    user_args: Callable[[argparse.ArgumentParser], None],
) -> None:
    """`forms list` and `forms print` (handled in app/commands_forms.py)."""
    forms = commands.add_parser("forms", help="法定調書（源泉徴収票・支払調書）の提出範囲と印刷")
    actions = forms.add_subparsers(dest="forms_command", required=True, parser_class=parser_class)
    listing = actions.add_parser(
        "list", help="その年分の対象者ごとの帳票と提出の要否・理由（個人番号は表示しません）"
    )
    listing.add_argument("--year", type=int, required=True, help="年分（西暦）")
    user_args(listing)
    printing = actions.add_parser(
        "print",
        help="帳票をPDFに書き出す（番号が記載される控えは暗号化し、出力記録に登録します）",
    )
    printing.add_argument("--year", type=int, required=True, help="年分（西暦）")
    printing.add_argument(
        "--form",
        required=True,
        help="帳票: gensen_choshu（給与所得の源泉徴収票）, taishoku（退職所得の源泉徴収票・"
        "特別徴収票）, hoshu（報酬、料金、契約金及び賞金の支払調書）, fudosan（不動産の使用料等の"
        "支払調書）, gokeihyo（法定調書合計表）",
    )
    printing.add_argument(
        "--copy",
        choices=FORM_COPIES,
        help="tax-office: 税務署提出用、municipal: 市区町村提出用（給与支払報告書・特別徴収票）、"
        "recipient: 受給者交付用、payee: 支払調書の支払先への写し（合計表は省略可）",
    )
    printing.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    printing.add_argument(
        "--people",
        default="",
        help="従業員コードをカンマ区切りで。コードのない支払先は forms list に出る #番号"
        "（既定: 税務署提出用・市区町村提出用は提出が必要な分、受給者交付用・支払先への写しは"
        "入力済みの全員。合計表には指定しません）",
    )
    printing.add_argument(
        "--payer-number",
        default="",
        help="支払者（事業所）の法人番号13桁。省略すると設定画面で登録した事業所の法人番号を"
        "記載します（指定するとこの印刷だけそちらを記載。どちらもなければ空欄）",
    )
    printing.add_argument(
        "--destination",
        default="",
        help="提出先・交付先（既定: 税務署提出用は税務署、市区町村提出用は市区町村）",
    )
    printing.add_argument("--reason", default="", help="一括出力の理由（人数が目安を超える場合）")
    printing.add_argument(
        "--pdf-password-stdin",
        action="store_true",
        help="PDFのパスワードを標準入力の2行目から読む（番号が記載される控えでは必須）",
    )
    user_args(printing)
