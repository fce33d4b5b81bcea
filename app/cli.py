"""The `mynumber-desk` command: administration and scripts; the GUI when no command is given.

Expected failures print one line on stderr and exit 1 (2 for usage); no command prints a number.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from app import errors
from app.cli_environment import make_data_private, os_error_text, start_logging
from app.cli_forms import forms_arguments
from app.cli_io import configure_output, read_lines
from app.clock import Clock, SystemClock
from app.paths import ENV_DATA_DIR, STORE_PYTHON_REFUSAL, default_data_dir, store_python
from app.redaction import FILE_ONLY, redact
from storage.atomic import keep_files_private
from storage.errors import StorageError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliUsageError(Exception):
    """A usage mistake found after parsing (e.g. stdin missing a line)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(redact(f"{self.prog}: 使い方の誤り: {message}") + "\n")
        raise SystemExit(EXIT_USAGE)


def stdin_lines(count: int, what: str, *, passwords: bool = True) -> list[str]:
    """Passwords (or a recovery key) from standard input, one per line, in the encoding of
    app/cli_io.py; exactly one line ending is taken off. A password line that ends in a space
    is refused, not trimmed and not tried: cmd's `echo pw | ...` sends the space before the
    bar, and a guess either way would count toward the account lockout (or, for a new
    password, set one the member does not know)."""
    # The bytes under sys.stdin, to decode them as documented; a stream without them (one a
    # caller put there) is read as the text it is.
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        lines = read_lines(stdin, count)
    except UnicodeDecodeError:
        raise CliUsageError(
            f"標準入力の{what}を読めません（試行には数えていません）。"
            "UTF-8（またはBOM付きUTF-16）で渡してください。"
        ) from None
    found = []
    for index, line in enumerate(lines):
        if line is None:
            raise CliUsageError(f"標準入力に{what}の{index + 1}行目がありません。")
        if passwords and line != line.rstrip():
            raise CliUsageError(
                f"標準入力の{what}の{index + 1}行目が空白で終わっています（試行には数えていません）。"
                "cmd の「echo パスワード | 」は | の前の空白も送ります。"
                "「echo パスワード| mynumber-desk …」のように | の直前を詰めるか、ファイルから渡してください。"
            )
        found.append(line)
    return found


def print_line(text: str, stream: TextIO | None = None) -> None:
    """Every line the CLI prints passes the redactor: not even an echo shows a number."""
    (stream or sys.stdout).write(redact(text) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mynumber-desk", description="マイナンバー管理デスク")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="データフォルダー（既定: 環境変数 MYNUMBER_DESK_DATA_DIR またはユーザーのデータフォルダー）",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="このプログラムと SQLCipher・OpenSSL・Qt・Python の版、データフォルダーとキーリングを表示する",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = commands.add_parser("init", help="事業所のデータを新規作成する")
    init.add_argument("--office", required=True, help="事業所名")
    init.add_argument("--admin", required=True, help="特定個人情報管理責任者のユーザー名")
    init.add_argument("--admin-name", help="管理責任者の氏名（既定: ユーザー名）")
    init.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="管理責任者のパスワードを標準入力から読む",
    )
    init.add_argument(
        "--recovery-sheet", type=Path, required=True, help="回復キーを印刷するPDFの保存先"
    )
    init.add_argument(
        "--no-clerical",
        action="store_true",
        help="管理責任者に事務取扱担当者の役割と担当範囲を付けない（事務を別の職員が行う場合）",
    )
    init.add_argument(
        "--insecure-file-secret",
        action="store_true",
        help="開発用: マシン秘密鍵をキーリングではなくファイルに保存する",
    )

    demo = commands.add_parser("demo", help="デモ用の事業所を作成する")
    demo.add_argument(
        "--people",
        type=int,
        default=200,
        help="従業員の人数（扶養親族・支払先はこれに応じて作成。既定200。1,000人以上は一括登録）",
    )

    verify = commands.add_parser("verify", help="データの整合性とアクセス記録の連鎖を検証する")
    verify.add_argument(
        "--deep",
        action="store_true",
        help="ファイルの全ページ（空きページを含む）を復号し、各ページのHMACも検証する",
    )
    _user_args(verify, required=False)

    backup = commands.add_parser("backup", help="暗号化バックアップを作成する")
    backup.add_argument("--to", type=Path, required=True, help="保存先フォルダー")
    _user_args(backup)

    restore = commands.add_parser("restore", help="バックアップから復元する")
    restore.add_argument("--from", dest="source", type=Path, required=True)
    restore.add_argument("--user")
    how = restore.add_mutually_exclusive_group(required=True)
    how.add_argument("--password-stdin", action="store_true")
    how.add_argument(
        "--recovery-key-stdin",
        action="store_true",
        help="別のPCで復元する: 回復キーを標準入力から読む",
    )
    restore.add_argument(
        "--replace", action="store_true", help="既存のデータを退避して置き換える（削除はしません）"
    )

    sheet = commands.add_parser(
        "recovery-sheet", help="回復キーを再発行し、新しいリカバリーシートPDFを作る（管理責任者）"
    )
    sheet.add_argument("--out", type=Path, required=True, help="新しいリカバリーシートの保存先")
    _user_args(sheet)

    passwd = commands.add_parser("passwd", help="自分のパスワードを変更する（標準入力: 現在、新）")
    _user_args(passwd)

    users = commands.add_parser("users", help="職員アカウントの管理（管理責任者）")
    actions = users.add_subparsers(dest="users_command", required=True, parser_class=_Parser)
    _user_args(actions.add_parser("list", help="一覧"))
    add = actions.add_parser(
        "add", help="追加（標準入力: 自分のパスワード、新しい職員の初期パスワード）"
    )
    add.add_argument("login")
    add.add_argument("--name", required=True, help="氏名")
    add.add_argument("--roles", required=True, help="clerk,supervisor,manager,auditor から")
    add.add_argument(
        "--scope",
        action="append",
        default=[],
        help="担当範囲: purpose:事務コード / kind:employee|dependent|payee / dept:部署名",
    )
    _user_args(add)
    for name, text in (("disable", "無効化"), ("unlock", "ロック解除")):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("login")
        _user_args(sub)
    set_roles = actions.add_parser("set-roles", help="役割の変更")
    set_roles.add_argument("login")
    set_roles.add_argument("--roles", required=True)
    _user_args(set_roles)
    set_scopes = actions.add_parser("set-scopes", help="担当範囲の変更")
    set_scopes.add_argument("login")
    set_scopes.add_argument("--scope", action="append", default=[])
    _user_args(set_scopes)
    reset = actions.add_parser(
        "reset-password", help="パスワードのリセット（標準入力: 自分のパスワード、仮パスワード）"
    )
    reset.add_argument("login")
    _user_args(reset)

    settings = commands.add_parser("settings", help="設定（管理責任者）")
    setting_actions = settings.add_subparsers(
        dest="settings_command", required=True, parser_class=_Parser
    )
    _user_args(setting_actions.add_parser("list"))
    set_one = setting_actions.add_parser("set")
    set_one.add_argument("key")
    set_one.add_argument("value")
    _user_args(set_one)

    people = commands.add_parser("people", help="対象者（個人番号は表示しません）")
    people_actions = people.add_subparsers(
        dest="people_command", required=True, parser_class=_Parser
    )
    people_list = people_actions.add_parser("list", help="一覧（番号の登録の有無のみ表示）")
    people_list.add_argument("--search", default="", help="氏名・フリガナ・コード・部署で絞り込む")
    _user_args(people_list)

    importing = commands.add_parser("import", help="対象者と個人番号の取込み（CSV・Excel）")
    import_actions = importing.add_subparsers(
        dest="import_command", required=True, parser_class=_Parser
    )
    template = import_actions.add_parser("template", help="取込み用CSVの見本を作る")
    template.add_argument("--out", type=Path, required=True)
    import_people = import_actions.add_parser(
        "people", help="CSV（UTF-8 / Shift_JIS）または .xlsx を取り込む（全件か0件）"
    )
    import_people.add_argument("file", type=Path)
    import_people.add_argument(
        "--kind",
        choices=("employee", "payee"),
        help="区分の列がない一覧の内容（employee: 従業員、payee: 支払先）",
    )
    import_people.add_argument(
        "--mapping",
        type=Path,
        metavar="MAP.json",
        help='列の対応表（例: {"氏名": ["姓", "名"], "従業員コード": "社員番号"}）',
    )
    import_people.add_argument(
        "--dry-run",
        action="store_true",
        help="確認のみ（使った列の対応、新規・更新・変更なしの人数、問題を表示し、何も書き込まない）",
    )
    import_people.add_argument(
        "--restore-leading-zero",
        action="store_true",
        help="11桁の個人番号に先頭の0を補う（検査用数字が合うものだけ）",
    )
    import_people.add_argument(
        "--accept-name-matches",
        action="store_true",
        help="氏名と生年月日で見つかった人を登録済みの同じ人として扱う",
    )
    _user_args(import_people)
    from app import commands_payroll

    commands_payroll.add_parsers(import_actions, _user_args)

    retention = commands.add_parser(
        "retention", help="個人番号の保存期間と削除（番号は表示しません）"
    )
    retention_actions = retention.add_subparsers(
        dest="retention_command", required=True, parser_class=_Parser
    )
    due = retention_actions.add_parser("due", help="削除できる日の一覧（理由と法令の根拠つき）")
    due.add_argument("--as-of", type=_day_arg, help="この日現在で判定する（既定: 今日）")
    due.add_argument(
        "--all", action="store_true", help="削除できる日が先の番号や利用中の番号も表示する"
    )
    _user_args(due)

    report = commands.add_parser("report", help="帳票をPDFで作る")
    report_actions = report.add_subparsers(
        dest="report_command", required=True, parser_class=_Parser
    )
    ledger = report_actions.add_parser(
        "deletion-records", help="削除・廃棄記録簿（期間内に削除した記録）"
    )
    ledger.add_argument("--from", dest="since", type=_day_arg, required=True)
    ledger.add_argument("--to", dest="until", type=_day_arg, required=True)
    ledger.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    _user_args(ledger)
    management = report_actions.add_parser(
        "ledger", help="特定個人情報管理台帳（個人情報は含まれません）"
    )
    management.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    _user_args(management)
    inspection = report_actions.add_parser(
        "self-inspection",
        help="自己点検報告書（対応表つき。個人番号・本人の氏名は含まれません）",
    )
    inspection.add_argument("--year", type=int, required=True, help="点検する年（西暦）")
    inspection.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    _user_args(inspection)

    incidents = commands.add_parser("incidents", help="漏えい等事案（個人番号は含まれません）")
    incident_actions = incidents.add_subparsers(
        dest="incidents_command", required=True, parser_class=_Parser
    )
    _user_args(incident_actions.add_parser("list", help="一覧（状態・報告の要否・確報の期限）"))
    analysis = incident_actions.add_parser(
        "analysis", help="年次分析（規程第14条3）をPDFで作る（氏名・番号は含まれません）"
    )
    analysis.add_argument("--year", type=int, required=True, help="事案を知った年（西暦）")
    analysis.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    _user_args(analysis)

    audit = commands.add_parser("audit", help="アクセス記録")
    audit_actions = audit.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    export = audit_actions.add_parser("export", help="CSVに書き出す（個人番号は含まれません）")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--since", type=_date_arg)
    export.add_argument("--until", type=_date_arg)
    export.add_argument(
        "--encoding",
        choices=("utf-8", "cp932"),
        default="utf-8",
        help="文字コード（既定: BOM付きUTF-8。古いExcelには cp932）",
    )
    _user_args(export)
    audit_report = audit_actions.add_parser(
        "report", help="監査報告書（アクセス記録の分析）をPDFで作る（個人番号は含まれません）"
    )
    audit_report.add_argument("--from", dest="since", type=_day_arg, required=True)
    audit_report.add_argument("--to", dest="until", type=_day_arg, required=True)
    audit_report.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    _user_args(audit_report)
    forms_arguments(commands, _Parser, _user_args)

    manual = commands.add_parser(
        "manual", help="操作マニュアルをPDFで作る（サインイン不要。個人情報は含まれません）"
    )
    manual.add_argument("--out", type=Path, required=True, help="保存先のPDF")
    return parser


def _date_arg(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text).astimezone()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付「{text}」は YYYY-MM-DD の形で指定してください"
        ) from None


def _day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付「{text}」は YYYY-MM-DD の形で指定してください"
        ) from None


def _user_args(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, help="サインインするユーザー名")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        required=required,
        help="パスワードを標準入力から読む",
    )


def main(
    argv: Sequence[str] | None = None,
    *,
    clock: Clock | None = None,
    start_gui: Callable[[Path], int] | None = None,
    gui_versions: Callable[[], list[tuple[str, str]]] | None = None,
) -> int:
    """Run one command; with none, hand over to `start_gui` (injected by the ui launcher,
    since app may not import ui). Whatever happens, stderr gets one Japanese line at most and
    a traceback goes only to the log file."""
    keep_files_private()
    configure_output((sys.stdout, sys.stderr))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is None and not os.environ.get(ENV_DATA_DIR) and store_python():
        # Before anything is written: the default folder would be silently redirected.
        _fail(STORE_PYTHON_REFUSAL)
        return EXIT_FAILED
    data_dir = args.data_dir or default_data_dir()
    if args.version:
        # Before the folder is touched or a log started: nothing is created or opened.
        return _print_version(data_dir, gui_versions)
    if args.command == "manual":
        # No data folder is created, opened or logged to: the manual holds nothing personal.
        return _write_manual(args.out)
    make_data_private(data_dir)
    log_file = start_logging(data_dir, command=args.command is not None)
    try:
        if args.command is None:
            if start_gui is None:
                parser.print_help()
                return EXIT_USAGE
            return start_gui(data_dir)
        return _run(args, data_dir, clock or SystemClock())
    except errors.AppError as exc:
        _fail(exc.message)
        log.info("command %s failed: %s", args.command, exc.code)
    except StorageError as exc:
        mapped = errors.from_storage(exc)
        _fail(mapped.message)
        log.info("command %s failed: %s", args.command, mapped.code)
    except CliUsageError as exc:
        print_line(f"mynumber-desk: 使い方の誤り: {exc}", sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print_line("mynumber-desk: 中断しました。", sys.stderr)
    except OSError as exc:
        _fail(os_error_text(exc))
        log.warning("command %s failed on a file", args.command, exc_info=True, extra=FILE_ONLY)
    except Exception:
        log.error("unexpected error in command %s", args.command, exc_info=True, extra=FILE_ONLY)
        where = f"（詳細はログ: {log_file}）" if log_file else "（ログを書き込めませんでした）"
        print_line(f"mynumber-desk: 予期しないエラーが発生しました。{where}", sys.stderr)
    return EXIT_FAILED


def _run(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    if data_dir.exists() and not data_dir.is_dir():
        raise errors.InvalidInput(
            f"データフォルダーに指定した「{data_dir}」はフォルダーではありません。"
            "--data-dir にはフォルダーを指定してください。"
        )
    from app import commands

    handler: Callable[[argparse.Namespace, Path, Clock], int] = commands.HANDLERS[args.command]
    commands.warn_if_insecure(data_dir)
    return handler(args, data_dir, clock)


def _print_version(data_dir: Path, gui_versions: Callable[[], list[tuple[str, str]]] | None) -> int:
    from app.about import version_facts, version_text
    from app.redaction import configure_logging

    configure_logging(None)  # errors only, one line, on stderr; no log file in the folder
    print_line(version_text(version_facts(data_dir, gui_versions)))
    return EXIT_OK


def _write_manual(out: Path) -> int:
    from app.redaction import configure_logging
    from app.services import manual

    configure_logging(None)
    try:
        pdf = manual.manual_pdf()
        out.write_bytes(pdf)
    except errors.AppError as exc:
        _fail(exc.message)
        return EXIT_FAILED
    except OSError as exc:
        _fail(os_error_text(exc))
        return EXIT_FAILED
    print_line(f"操作マニュアルを保存しました: {out}")
    return EXIT_OK


def _fail(message: str) -> None:
    print_line(f"mynumber-desk: エラー: {message}", sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
