"""Command-line handlers for the payroll (year-end) import: `import payroll-template --year Y
--out FILE.csv` and `import payroll FILE --year Y [--dry-run] [--accept-count-differences]
[--mapping MAP.json]` with the usual --user/--password-stdin. Dispatched from
app.commands.cmd_import; the sign-in is app.commands'. Nothing printed holds a number: rows are
named by their line and employee code, amounts are never printed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app import errors
from app.cli import print_line
from app.clock import Clock
from app.domain import my_number
from app.domain.payroll_fields import FIELDS
from app.session import Session
from storage.atomic import write_private

if TYPE_CHECKING:
    from app.services.payroll_import import PayrollReport

COMMANDS = ("payroll", "payroll-template")


def add_parsers(
    actions: argparse._SubParsersAction, user_args: Callable[[argparse.ArgumentParser], None]
) -> None:
    """The two subcommands under `import` (called by app.cli.build_parser)."""
    template = actions.add_parser(
        "payroll-template", help="給与データ（源泉徴収票の金額等）の取込み用CSVの見本を作る"
    )
    template.add_argument("--year", type=int, required=True, help="年分（例: 2026）")
    template.add_argument("--out", type=Path, required=True)
    payroll = actions.add_parser(
        "payroll",
        help="給与データ（源泉徴収票の金額等）を取り込む（CSV・.xlsx、全件か0件、個人番号の列は不可）",
    )
    payroll.add_argument("file", type=Path)
    payroll.add_argument("--year", type=int, required=True, help="年分（例: 2026）")
    payroll.add_argument(
        "--dry-run",
        action="store_true",
        help="確認のみ（使った列の対応、新規・訂正・変更なしの人数、問題を表示し、何も書き込まない）",
    )
    payroll.add_argument(
        "--accept-count-differences",
        action="store_true",
        help="扶養親族の人数が登録と違う行を、確認したうえで取り込む",
    )
    payroll.add_argument(
        "--mapping",
        type=Path,
        metavar="MAP.json",
        help='列の対応表（例: {"支払金額": "課税支給額", "従業員コード": 1}）',
    )
    user_args(payroll)


def cmd_payroll(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    from app.services import payroll_import, payroll_template

    payroll_import.check_year(args.year)
    if args.import_command == "payroll-template":
        out: Path = args.out
        if out.exists():
            raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
        write_private(out, payroll_template.template_csv())
        print_line(
            f"給与データの取込み用CSVの見本を作りました: {out}（{args.year}年分。"
            "例の行は対象者の取込み見本の従業員です）"
        )
        return 0
    wanted = _mapping_file(args.mapping) if args.mapping is not None else None

    def work(session: Session, _lines: list[str]) -> int:
        mapping = None
        if wanted is not None:
            mapping = resolve_mapping(wanted, payroll_import.headers(args.file))
        options = payroll_import.PayrollOptions(accept_counts=args.accept_count_differences)
        run = payroll_import.dry_run if args.dry_run else payroll_import.commit
        report = run(session, args.file, args.year, mapping, options)
        return _print(report, args.dry_run)

    from app.commands import _with_session

    return _with_session(args, data_dir, clock, work)


def _print(report: PayrollReport, dry_run: bool) -> int:
    if dry_run:
        print_line("列の対応:")
        for line in report.mapping:
            print_line(f"  {line}")
    for line, problem in report.problems:
        print_line(f"{line}行目: {problem}", sys.stderr)
    for line, difference in report.count_differences:
        print_line(f"{line}行目: {difference}", sys.stderr)
    if report.problems:
        print_line(f"問題 {len(report.problems)}件。何も取り込んでいません。", sys.stderr)
        return 1
    if report.blocked:
        print_line(
            "扶養親族の人数が登録と違う行があります。源泉徴収票には登録されている扶養親族が"
            "記載されます。確認して問題なければ --accept-count-differences を付けて実行して"
            "ください。何も取り込んでいません。",
            sys.stderr,
        )
        return 1
    counts = f"新規 {report.new}人、訂正 {report.changed}人、変更なし {report.unchanged}人"
    if dry_run:
        for change in report.changes:
            if change.fields:
                print_line(
                    f"{change.line}行目: {my_number.echo(change.code)} の訂正: "
                    + "、".join(change.fields)
                )
        print_line(
            f"{report.year}年分 {report.rows}行を確認しました（{counts}）。問題はありません"
            "（まだ取り込んでいません）。"
        )
        return 0
    print_line(f"{report.year}年分 {report.rows}行を取り込みました（{counts}）。")
    return 0


def _mapping_file(path: Path) -> object:
    """The --mapping file: JSON, read before signing in (a mistake costs no sign-in)."""
    label = my_number.echo(path.name, 120)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise errors.InvalidInput(
            f"対応表「{label}」を読めません（UTF-8のJSONにしてください）。"
        ) from None
    try:
        return json.loads(text)
    except ValueError:
        raise errors.InvalidInput(f"対応表「{label}」はJSONとして読めません。") from None


def resolve_mapping(data: object, headers: list[str]) -> dict[str, int]:
    """The automatic mapping changed field by field: a field (its key or Japanese label) ->
    a header, a column number counted from 1, or null to leave it out."""
    from app.domain.payroll_fields import map_headers

    if not isinstance(data, dict):
        raise errors.InvalidInput(
            '対応表は {"支払金額": "課税支給額", …} の形のJSONにしてください。'
        )
    by_label = {label: key for key, label in FIELDS.items()}
    mapping = map_headers(headers)
    for name, value in data.items():
        key = name if name in FIELDS else by_label.get(name)
        if key is None:
            raise errors.InvalidInput(
                f"対応表の項目「{my_number.echo(str(name))}」は給与データの項目ではありません。"
            )
        if value is None:
            mapping.pop(key, None)
        elif isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= len(headers):
            mapping[key] = value - 1
        elif isinstance(value, str) and value in headers:
            mapping[key] = headers.index(value)
        else:
            raise errors.InvalidInput(
                f"対応表の「{FIELDS[key]}」の列「{my_number.echo(str(value))}」が"
                "ファイルの見出しにありません。"
            )
    return mapping
