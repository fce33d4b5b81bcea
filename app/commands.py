"""What each CLI command does: read credentials, call one service, print a Japanese summary."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app import commands_forms, commands_payroll, commands_records, errors
from app.cli import CliUsageError, print_line, stdin_lines
from app.clock import Clock
from app.domain import scopes as scope_rules
from app.domain.import_mapping import WHOLE_FILE_KINDS, ImportOptions, UserMapping
from app.domain.settings import SETTINGS
from app.services import audit, auth, backup, demo, importing, people, setup, staff, verify
from app.services import settings as settings_service
from app.services.import_diff import NUMBER_DIFFERS
from app.session import Session
from storage import vault
from storage.atomic import write_private
from storage.errors import StorageError

Handler = Callable[[argparse.Namespace, Path, Clock], int]


def warn_if_insecure(data_dir: Path) -> None:
    paths = vault.VaultPaths(data_dir)
    if not paths.slots.exists():
        return
    try:
        insecure = vault.describe(paths).secret_store == "file"
    except (StorageError, OSError):
        return  # the command itself reports it, in its own words
    if insecure:
        print_line(
            "警告: このデータフォルダーはデモ／開発用です。PCに結び付ける秘密鍵がキーリングではなく"
            "ファイルに保存されています。実際の個人番号を登録しないでください。",
            sys.stderr,
        )


def _signed_in(
    args: argparse.Namespace, data_dir: Path, clock: Clock, extra: str | None = None
) -> tuple[Session, list[str]]:
    """Sign in with the password on stdin's first line; `extra` names a second line to read."""
    if not args.password_stdin:
        raise CliUsageError("--password-stdin を指定し、パスワードを標準入力から渡してください。")
    lines = (
        stdin_lines(2, f"パスワード（自分、{extra}）") if extra else stdin_lines(1, "パスワード")
    )
    session = auth.sign_in(vault.VaultPaths(data_dir), args.user, lines[0], clock)
    if session.user.must_change_password:
        auth.sign_out(session)
        raise errors.PasswordChangeRequired(
            "パスワードの変更が必要です。先に「mynumber-desk passwd」で新しいパスワードを設定してください。"
        )
    return session, lines[1:]


def _with_session(
    args: argparse.Namespace,
    data_dir: Path,
    clock: Clock,
    work: Callable[[Session, list[str]], int],
    extra: str | None = None,
) -> int:
    session, lines = _signed_in(args, data_dir, clock, extra)
    try:
        return work(session, lines)
    finally:
        if session.is_open:
            auth.sign_out(session)


def cmd_init(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    sheet: Path = args.recovery_sheet
    if sheet.suffix.lower() != ".pdf":
        raise errors.InvalidInput("リカバリーシートの保存先は .pdf のファイル名にしてください。")
    if sheet.exists():
        raise errors.InvalidInput(
            f"「{sheet}」は既にあります。上書きはしません。別の名前を指定してください。"
        )
    try:
        # Claim the file before the vault exists: a sheet that cannot be written must not
        # leave a database nobody can recover.
        sheet.parent.mkdir(parents=True, exist_ok=True)
        write_private(sheet, b"", new=True)
    except OSError:
        raise errors.InvalidInput(
            f"「{sheet}」に書き込めません。保存先を確認してください。"
        ) from None
    (password,) = stdin_lines(1, "パスワード")
    paths = vault.VaultPaths(data_dir)
    try:
        result = setup.initialize(
            paths,
            office_name=args.office,
            admin_login=args.admin,
            admin_display_name=args.admin_name or args.admin,
            admin_password=password,
            clock=clock,
            insecure_file_secret=args.insecure_file_secret,
            manager_does_clerical_work=not args.no_clerical,
        )
    except BaseException:
        sheet.unlink(missing_ok=True)
        raise
    try:
        write_private(sheet, setup.recovery_sheet_pdf(result.session, result.recovery_key))
    finally:
        result.session.close()
    print_line(f"事業所のデータを作成しました: {data_dir}")
    print_line(f"リカバリーシート（回復キー）を保存しました: {sheet}")
    if args.no_clerical:
        print_line(
            "管理責任者は事務取扱担当者を兼ねていません。個人番号の事務を行う職員を"
            "「users add」で追加してください。"
        )
    else:
        print_line(
            "管理責任者は事務取扱担当者を兼ね、すべての事務と対象者を担当します"
            "（事務を別の職員に任せるときは「users set-roles」「users set-scopes」で変更できます）。"
        )
    print_line(
        "リカバリーシートを印刷して金庫に保管し、PC上のPDFファイルは印刷後に削除してください。"
    )
    return 0


def cmd_demo(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    paths = vault.VaultPaths(data_dir)
    result, accounts = demo.create_demo(paths, clock, people_count=args.people)
    try:
        sheet = data_dir / "demo-recovery-sheet.pdf"
        write_private(sheet, setup.recovery_sheet_pdf(result.session, result.recovery_key))
    finally:
        result.session.close()
    print_line(f"デモ事業所を作成しました: {data_dir}")
    print_line("デモ用アカウント（ユーザー名 / パスワード / 役割）:")
    for account in accounts:
        roles = "・".join(role.label for role in account.roles)
        print_line(f"  {account.login} / {account.password} / {roles}")
    print_line(f"デモ用リカバリーシート: {sheet}")
    return 0


def cmd_verify(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    paths = vault.VaultPaths(data_dir)
    if args.user is None:
        if args.deep:
            raise CliUsageError("--deep には --user と --password-stdin が必要です。")
        files = verify.check_files(paths)
        print_line(
            f"鍵ファイルとこのPCの秘密鍵: 正常（データベースID {files.vault_id}、職員スロット {files.user_slots}）"
        )
        print_line(
            "ページ・構造・アクセス記録の検証には --user と --password-stdin を指定してください。"
        )
        return 0
    if not args.password_stdin:
        raise CliUsageError("--password-stdin を指定してください。")
    (password,) = stdin_lines(1, "パスワード")
    result = verify.verify_vault(paths, args.user, password, clock, deep=args.deep)
    print_line("データベースのページと構造: 正常")
    if result.deep is not None:
        journal = (
            f"、ジャーナル {result.deep.journal_pages}ページ" if result.deep.journal_pages else ""
        )
        print_line(
            f"全ページの復号とHMAC検証: 正常（{result.deep.pages:,}ページ{journal}を読み、"
            "すべてのページのHMAC-SHA512が一致）"
        )
    print_line(
        f"アクセス記録: {result.audit_entries}件、連鎖は正常（最新の指紋 {result.audit_fingerprint}）"
    )
    sealed = result.sealed.describe() if result.sealed else "まだありません"
    now = "。今回の検証の時点で署名しました" if result.signed_now else ""
    print_line(f"アクセス記録の署名付きチェックポイント: {sealed}{now}")
    print_line(
        f"管理責任者の署名鍵の指紋: {result.manager_key_fingerprint}"
        "（回復キーの用紙に印刷された指紋と同じであることを確かめてください）"
    )
    return 0


def cmd_backup(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        done = backup.make_backup(session, args.to)
        print_line(
            f"バックアップを作成し、読み戻して検証しました: {done.path}（{done.size:,}バイト）"
        )
        return 0

    return _with_session(args, data_dir, clock, work)


def cmd_restore(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    paths = vault.VaultPaths(data_dir)
    set_aside_before = set(data_dir.glob("replaced-on-*"))
    if args.recovery_key_stdin:
        (key_text,) = stdin_lines(1, "回復キー", passwords=False)
        session = backup.restore_backup(
            paths, args.source, clock, recovery_key_text=key_text, replace=args.replace
        )
    else:
        if not args.user:
            raise CliUsageError("--password-stdin には --user が必要です。")
        (password,) = stdin_lines(1, "パスワード")
        session = backup.restore_backup(
            paths, args.source, clock, login=args.user, password=password, replace=args.replace
        )
    rebound = session.vault.rebound
    session.close()
    print_line(f"バックアップから復元しました: {args.source.name}")
    for aside in sorted(set(data_dir.glob("replaced-on-*")) - set_aside_before):
        # The replaced database and slot file: a copy with numbers no backup list tracks.
        print_line(
            f"置き換える前のファイルは「{aside}」に移しました（個人番号を含みます）。"
            "復元した内容を確かめたら、このフォルダーを削除してください。"
        )
    if rebound:
        print_line(
            "このPCにデータを結び付け直しました。各職員は従来のパスワードでサインインできます。"
        )
    return 0


def cmd_recovery_sheet(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".pdf" or out.exists():
        raise errors.InvalidInput("保存先は、まだ存在しない .pdf のファイル名にしてください。")

    def work(session: Session, _lines: list[str]) -> int:
        key = setup.reissue_recovery_key(session)
        try:
            write_private(out, setup.recovery_sheet_pdf(session, key))
        except OSError:
            raise errors.InvalidInput(
                f"「{out}」に書き込めません。回復キーは既に再発行されています。"
                "もう一度このコマンドを実行して、書き込める場所に保存してください。"
            ) from None
        print_line(f"回復キーを再発行し、新しいリカバリーシートを保存しました: {out}")
        print_line(
            "古いリカバリーシートは、このデータを開けなくなりました（古いバックアップは開けます）。"
        )
        return 0

    return _with_session(args, data_dir, clock, work)


def cmd_passwd(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    if not args.password_stdin:
        raise CliUsageError("--password-stdin を指定してください。")
    old, new = stdin_lines(2, "パスワード（現在、新）")
    session = auth.sign_in(vault.VaultPaths(data_dir), args.user, old, clock)
    try:
        auth.change_password(session, old, new)
    finally:
        auth.sign_out(session)
    print_line("パスワードを変更しました。")
    return 0


def _scope_text(member_scopes: frozenset[tuple[str, str]]) -> str:
    return "、".join(scope_rules.label(k, v) for k, v in sorted(member_scopes)) or "（なし）"


def cmd_users(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    sub = args.users_command

    def work(session: Session, lines: list[str]) -> int:
        if sub == "list":
            for member in staff.list_staff(session):
                state = "有効" if member.active else "無効"
                if member.must_change_password:
                    state += "・要パスワード変更"
                print_line(
                    f"{member.login_name}\t{member.display_name}\t{member.role_labels}\t{state}\t"
                    f"{_scope_text(member.scopes)}"
                )
        elif sub == "add":
            change = staff.create_staff(
                session,
                login=args.login,
                display_name=args.name,
                roles=args.roles.split(","),
                scopes=args.scope,
                initial_password=lines[0],
            )
            print_line(
                f"職員「{change.member.login_name}」を作成しました"
                "（初回サインイン時にパスワード変更が必要です）。"
            )
            for warning in change.warnings:
                print_line(f"注意: {warning}")
        elif sub == "disable":
            change = staff.disable_staff(session, args.login)
            print_line(f"職員「{change.member.login_name}」を無効にしました。")
            for notice in change.notices:
                print_line(f"注意: {notice}")
        elif sub == "unlock":
            staff.unlock_staff(session, args.login)
            print_line(f"職員「{args.login}」のロックを解除しました。")
        elif sub == "set-roles":
            change = staff.set_roles(session, args.login, args.roles.split(","))
            print_line(f"職員「{change.member.login_name}」の役割: {change.member.role_labels}")
            for warning in (*change.warnings, *change.notices):
                print_line(f"注意: {warning}")
        elif sub == "set-scopes":
            member = staff.set_scopes(session, args.login, args.scope)
            print_line(f"職員「{member.login_name}」の担当範囲: {_scope_text(member.scopes)}")
        elif sub == "reset-password":
            change = staff.reset_password(session, args.login, lines[0])
            print_line(
                f"職員「{change.member.login_name}」のパスワードをリセットしました"
                "（次回サインイン時に変更が必要です）。"
            )
            for notice in change.notices:
                print_line(f"注意: {notice}")
        return 0

    extra = "新しい職員の仮パスワード" if sub in ("add", "reset-password") else None
    return _with_session(args, data_dir, clock, work, extra)


def cmd_settings(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        if args.settings_command == "set":
            key, value = settings_service.change(session, args.key, args.value)
            print_line(f"{SETTINGS[key].label}を「{SETTINGS[key].render(value)}」に変更しました。")
        else:
            for key, value in settings_service.current(session).items():
                print_line(f"{key.value}\t{SETTINGS[key].label}\t{SETTINGS[key].render(value)}")
        return 0

    return _with_session(args, data_dir, clock, work)


def cmd_people(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    kinds = {"employee": "従業員", "dependent": "扶養親族", "payee": "支払先"}

    def work(session: Session, _lines: list[str]) -> int:
        offset = 0
        while True:
            page = people.search(session, args.search, offset=offset, limit=500)
            for person in page.rows:
                state = "番号登録済み" if person.has_number else "番号未登録"
                if person.has_number and person.verification_pending:
                    state += "（本人確認待ち）"
                if not person.in_scope:
                    state = "担当範囲外"
                print_line(
                    "\t".join(
                        [
                            person.code or "-",
                            person.name,
                            person.kana,
                            kinds[person.kind],
                            person.department or "-",
                            state,
                        ]
                    )
                )
            offset += len(page.rows)
            if not page.rows or offset >= page.total:
                print_line(f"{page.total}件")
                return 0

    return _with_session(args, data_dir, clock, work)


def cmd_import(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    if args.import_command in commands_payroll.COMMANDS:
        return commands_payroll.cmd_payroll(args, data_dir, clock)
    if args.import_command == "template":
        out: Path = args.out
        if out.exists():
            raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
        write_private(out, importing.template_csv())
        print_line(f"取込み用CSVの見本を作りました: {out}（例の行の個人番号は架空のものです）")
        return 0

    mapping = _mapping_file(args.mapping) if args.mapping is not None else None
    options = ImportOptions(
        kind=WHOLE_FILE_KINDS.get(args.kind or ""),
        restore_zero=args.restore_leading_zero,
        accept_name_matches=args.accept_name_matches,
    )

    def work(session: Session, _lines: list[str]) -> int:
        run = importing.dry_run if args.dry_run else importing.commit
        report = run(session, args.file, mapping, options=options)
        if args.dry_run:
            print_line("列の対応:")
            for line in report.mapping:
                print_line(f"  {line}")
        for line, problem in report.problems:
            print_line(f"{line}行目: {problem}", sys.stderr)
        for line, who in report.notices:
            print_line(f"{line}行目: {who}：{NUMBER_DIFFERS}", sys.stderr)
        if report.problems:
            print_line(f"問題 {len(report.problems)}件。何も取り込んでいません。", sys.stderr)
            return 1
        for line, who in report.name_matches:
            print_line(f"{line}行目: {who} を氏名と生年月日で登録済みの人と照合しました。")
        if not report.confirmed:
            print_line(
                "氏名と生年月日で照合した人がいます。同じ人でよければ --accept-name-matches を"
                "付けて実行してください。何も取り込んでいません。",
                sys.stderr,
            )
            return 1
        counts = f"新規 {report.new}人、更新 {report.changed}人、変更なし {report.unchanged}人"
        if args.dry_run:
            for change in report.changes:
                print_line(
                    f"{change.line}行目: {change.who} の{change.field}: "
                    f"{change.before} → {change.after}"
                )
            print_line(
                f"{report.lines}行を確認しました（{counts}）。問題はありません"
                "（まだ取り込んでいません）。"
            )
            return 0
        print_line(
            f"{report.lines}行を取り込みました（{counts}。登録: 従業員 {report.employees}、"
            f"扶養親族 {report.dependents}、支払先 {report.payees}、個人番号 {report.numbers}）。"
        )
        if report.with_numbers:
            print_line(
                f"注意: 「{importing.file_label(args.file)}」は個人番号を含む特定個人情報ファイルです。"
                "取込みが済んだら、ごみ箱も含めて速やかに削除してください。"
            )
        return 0

    return _with_session(args, data_dir, clock, work)


def _mapping_file(path: Path) -> UserMapping:
    """The --mapping file: JSON, small, read before signing in (a mistake costs no sign-in)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise errors.InvalidInput(
            f"対応表「{importing.file_label(path)}」を読めません（UTF-8のJSONにしてください）。"
        ) from None
    try:
        return UserMapping(json.loads(text))
    except ValueError:
        raise errors.InvalidInput(
            f"対応表「{importing.file_label(path)}」はJSONとして読めません。"
        ) from None


def cmd_audit(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        if args.audit_command == "report":
            return commands_records.audit_report(session, args)
        data = audit.export_csv(session, since=args.since, until=args.until, encoding=args.encoding)
        # As every report: a new file only, never half written.
        commands_records.save_new(args.out, data)
        print_line(f"アクセス記録を書き出しました: {args.out}")
        return 0

    return _with_session(args, data_dir, clock, work)


def cmd_retention(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        from app.domain.retention import japanese_date
        from app.services import retention

        listed = retention.due_list(session, args.as_of)
        groups = [("削除できる", listed.due)]
        if args.all:
            groups += [("今年中", listed.this_year), ("来年以降", listed.later)]
        for label, entries in groups:
            for entry in entries:
                day = entry.retention.may_delete_from
                deciding = entry.retention.deciding
                print_line(
                    "\t".join(
                        [
                            label,
                            entry.code or "-",
                            entry.name,
                            entry.kind.label,
                            entry.department or "-",
                            japanese_date(day) if day else "-",
                            f"{deciding.label}（{deciding.basis}）",
                        ]
                    )
                )
        print_line(
            f"{japanese_date(listed.as_of)}現在: 削除できる {len(listed.due)}件、今年中 "
            f"{len(listed.this_year)}件、来年以降 {len(listed.later)}件、利用中 {listed.ongoing}件"
        )
        return 0

    return _with_session(args, data_dir, clock, work)


def cmd_report(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        from app.services import deletion

        if args.report_command == "self-inspection":
            return commands_records.self_inspection_report(session, args)
        out: Path = args.out
        commands_records.refuse_existing(out)
        if args.report_command == "ledger":
            from app.services import ledger

            pdf, name = ledger.ledger_pdf(session), "特定個人情報管理台帳"
        else:
            pdf, name = deletion.ledger_pdf(session, args.since, args.until), "削除・廃棄記録簿"
        commands_records.save_new(out, pdf)
        print_line(f"{name}を作成しました: {commands_records.shown(out)}")
        return 0

    return _with_session(args, data_dir, clock, work)


HANDLERS: dict[str, Handler] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "verify": cmd_verify,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "passwd": cmd_passwd,
    "recovery-sheet": cmd_recovery_sheet,
    "users": cmd_users,
    "settings": cmd_settings,
    "audit": cmd_audit,
    "people": cmd_people,
    "import": cmd_import,
    "retention": cmd_retention,
    "report": cmd_report,
    "incidents": commands_records.cmd_incidents,
    "forms": commands_forms.cmd_forms,
}
