"""Typed errors raised by services, each with a stable code and the Japanese text users see.

Texts name what happened and what to do; they never carry a My Number, a password or a key.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.display_dates import japanese_time
from app.domain.my_number import looks_like_number
from storage import errors as storage_errors


class AppError(Exception):
    code = "app_error"
    message = "処理を完了できませんでした。"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message

    def __str__(self) -> str:
        return self.message


class PermissionDenied(AppError):
    code = "permission_denied"

    def __init__(self, action_label: str) -> None:
        super().__init__(
            f"この操作（{action_label}）を行う権限がありません。操作は記録されました。"
        )


class InvalidInput(AppError):
    code = "invalid_input"


class NotFound(AppError):
    code = "not_found"


class PasswordRejected(AppError):
    code = "password_policy"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("パスワードが条件を満たしていません：" + "／".join(problems))


class SignInFailed(AppError):
    code = "signin_failed"

    def __init__(self, remaining: int | None) -> None:
        self.remaining = remaining
        text = "ユーザー名またはパスワードが違います。"
        if remaining is not None and remaining > 0:
            text += f"あと{remaining}回失敗するとアカウントが一時的にロックされます。"
        super().__init__(text)


class AccountLocked(AppError):
    code = "account_locked"

    def __init__(self, until: datetime | None) -> None:
        self.until = until
        if until is None:
            text = (
                "サインインの失敗が続いたため、アカウントはロックされています。"
                "特定個人情報管理責任者にロック解除を依頼してください。"
            )
        else:
            text = (
                "サインインの失敗が続いたため、アカウントは"
                f"{japanese_time(until)}までロックされています。"
                "急ぐ場合は特定個人情報管理責任者にロック解除を依頼してください。"
            )
        super().__init__(text)


class AccountDisabled(AppError):
    code = "account_disabled"
    message = "このアカウントは無効にされています。特定個人情報管理責任者に確認してください。"


class PasswordChangeRequired(AppError):
    code = "password_change_required"
    message = "初回（またはリセット後）のサインインです。新しいパスワードを設定してください。"


class MachineMismatch(AppError):
    code = "machine_mismatch"
    message = (
        "このデータはこのPC（このWindowsユーザー）に結び付けられていません。"
        "別のPCからコピーされたか、このPCの資格情報が失われています。"
        "回復キー（リカバリーシート）を使って復元してください。"
    )


class KeystoreUnavailable(AppError):
    code = "keystore_unavailable"
    message = (
        "OSの資格情報ストア（キーリング）を利用できないため、安全にデータを開けません。"
        "平文での保存は行いません。システム管理者に確認してください。"
    )


class VaultDamaged(AppError):
    code = "vault_damaged"
    message = (
        "データベースが壊れているか、改ざんされています。データには一切書き込んでいません。"
        "最新のバックアップから復元してください。"
    )


class SlotFileMismatch(AppError):
    """The staff rows or the key-slot file disagree with the signed roster: an edit outside
    the program, or a change a crash cut in half. The data itself is readable; the manager
    must look at the accounts."""

    code = "slot_file_mismatch"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "、".join(dict.fromkeys(_problem_text(p) for p in problems[:6]))
        more = "など" if len(problems) > 6 else ""
        super().__init__(
            "職員アカウントの権限の情報または鍵スロットのファイル（keyslots.json）が、"
            f"特定個人情報管理責任者の署名と一致しません（{len(problems)}件：{shown}{more}）。"
            "プログラムの外で書き換えられたか、操作が途中で中断された可能性があります。"
            "データには書き込んでいません。特定個人情報管理責任者に連絡してください。"
        )


_PROBLEM_TEXTS = {
    "rows": "「{}」の役割・担当範囲・状態",
    "missing": "「{}」の鍵スロットがない",
    "other_login": "「{}」の鍵スロットが別人のもの",
    "public_key": "「{}」の鍵スロットが署名されたものと違う",
    "state": "「{}」の有効・無効",
    "number_key": "「{}」が役割にない鍵（個人番号の鍵）を持つ",
    "manager_key": "「{}」が役割にない鍵（管理責任者の署名鍵）を持つ",
    "auditor_key": "「{}」が役割にない鍵（監査責任者の署名鍵）を持つ",
    "orphan": "持ち主のいない鍵スロット",
    "recovery": "回復用のスロット",
    "forged": "署名の合わない権限の情報",
    "unsigned": "署名された権限の情報がない",
}


def _problem_text(code: str) -> str:
    kind, _, login = code.partition(":")
    return _PROBLEM_TEXTS.get(kind, "その他").format(login)


class RoleKeyMissing(AppError):
    code = "role_key_missing"
    message = (
        "この操作に必要な鍵が、あなたの鍵スロットにありません（役割が変わった直後や、"
        "操作が途中で中断された後に起こります）。特定個人情報管理責任者がサインインすると"
        "付与されますので、その後にもう一度サインインしてください。"
    )


class AuthorityInvalid(AppError):
    """No version of the signed roster verifies, or it does not name the slot that opened:
    the staff data was edited outside the program (SECURITY.md §6a)."""

    code = "authority_invalid"
    message = (
        "職員アカウントの権限の情報が、特定個人情報管理責任者の署名と一致しません。"
        "プログラムの外で書き換えられた可能性があるため、このアカウントでは開けません。"
        "特定個人情報管理責任者に連絡してください（回復キーで開くと確認と署名のし直しができます）。"
    )


class AuthorityChanged(AppError):
    """The staff rows changed outside the program during the session; nothing is signed over
    them. A new sign-in puts them back as signed."""

    code = "authority_changed"
    message = (
        "職員アカウントの権限の情報が、署名された内容と違っています。"
        "プログラムの外で書き換えられた可能性があるため、変更は保存していません。"
        "いったんサインアウトしてサインインし直してください（署名された内容に戻ります）。"
    )


class Busy(AppError):
    """Another window or command holds the database longer than the wait allows; the data is
    fine and the same action can be tried again."""

    code = "busy"
    message = (
        "別の画面またはコマンドがデータを使用中です。しばらく待ってからもう一度お試しください。"
    )


class KeyFileDamaged(AppError):
    code = "keyfile_damaged"
    message = (
        "鍵ファイル（keyslots.json）が読めないか、改ざんされています。"
        "同じフォルダーの keyslots.json.bak を確認するか、バックアップから復元してください。"
    )


class KeyFileOutdated(AppError):
    code = "keyfile_outdated"
    message = (
        "このデータフォルダーは、公開前の試用版で作られた形式（鍵スロットの形式1）のため、"
        "この版では開けません。試用のデータであれば、フォルダーを別の場所へ移してから起動し直すと、"
        "新しい事業所として始められます。"
    )


class KeyFileInvalidValue(AppError):
    code = "keyfile_invalid_value"
    message = (
        "鍵スロットのファイル（keyslots.json）に不正な値があります。"
        "改ざんされたか壊れている可能性があるため、使用を中止しました。"
        "同じフォルダーの keyslots.json.bak を確認するか、バックアップから復元してください。"
    )


class AuditChainBroken(AppError):
    code = "audit_chain_broken"

    def __init__(self, seq: int) -> None:
        self.seq = seq
        super().__init__(
            f"アクセス記録の第{seq}番で改ざんまたは欠落を検出しました。"
            "監査責任者と特定個人情報管理責任者に報告してください。"
        )


class AuditCheckpointBroken(AppError):
    """A signed checkpoint of the access log does not hold: history it covered was changed
    or cut, or a checkpoint was forged."""

    code = "audit_checkpoint_broken"

    def __init__(self, problems: tuple[str, ...]) -> None:
        self.problems = problems
        shown = "、".join(_CHECKPOINT_TEXTS.get(p, "その他") for p in problems)
        super().__init__(
            f"アクセス記録の署名付きチェックポイントが記録と一致しません（{shown}）。"
            "署名された時点までの記録が書き換えられたか削られた可能性があります。"
            "監査責任者と特定個人情報管理責任者に報告してください。"
        )


_CHECKPOINT_TEXTS = {
    "forged": "署名の合わないチェックポイント",
    "rewritten": "署名後に書き換えられた記録",
    "truncated": "署名後に削られた記録",
    "roster": "署名より古い権限の情報",
}


class AuditAnchorMissing(AppError):
    code = "audit_anchor_missing"
    message = (
        "アクセス記録の控え（データベースの外に保存している最新位置）が見つかりません。"
        "記録が古い状態に戻されていないか確認できないため、監査責任者に報告してください。"
    )


class BackupRejected(AppError):
    code = "backup_rejected"
    message = (
        "バックアップファイルが壊れているか、改ざんされているか、途中で切れています。"
        "何も上書きしていません。別のバックアップを選んでください。"
    )


class AlreadyInitialized(AppError):
    code = "already_initialized"
    message = "このデータフォルダーには既にデータがあります。何も変更していません。"


class NotInitialized(AppError):
    code = "not_initialized"
    message = "データフォルダーにデータがありません。初期設定（init）または復元（restore）を行ってください。"


class DiskFull(AppError):
    code = "disk_full"
    message = (
        "ディスクの空き容量が不足しているため保存できませんでした。"
        "この操作は取り消され、既存のデータは失われていません。空き容量を確保してから再度実行してください。"
    )


class DataNotWritable(AppError):
    code = "data_not_writable"
    message = (
        "データフォルダーに書き込めません（読み取り専用か、書き込みの権限がありません）。"
        "この操作は保存されず、既存のデータはそのままです。フォルダーの権限を確認してください。"
    )


class FileInUse(AppError):
    code = "file_in_use"
    message = (
        "ファイルが他のプログラム（ウイルス対策ソフトやバックアップなど）に使用されているため、"
        "書き込めませんでした。既存のデータはそのままです。しばらく待ってから、もう一度実行してください。"
    )


class VaultInUse(AppError):
    code = "vault_in_use"
    message = (
        "このデータフォルダーをマイナンバー管理デスクの画面が開いているため、復元できません。"
        "画面を閉じてから、もう一度実行してください。データは変更していません。"
    )


class UnsafeEngine(AppError):
    code = "unsafe_engine"
    message = (
        "暗号化データベースの部品が想定外の版または設定です。安全のため起動を中止しました。"
        "正規のインストーラーで入れ直してください。"
    )


class SchemaTooNew(AppError):
    code = "schema_too_new"
    message = (
        "このデータは新しい版のマイナンバー管理デスクで作成・更新されています。"
        "データは変更していません。最新版をインストールしてから開いてください。"
    )


class UpgradeBackupFailed(AppError):
    code = "upgrade_backup_failed"
    message = (
        "新しい版に合わせてデータを更新する前のバックアップを作成できなかったため、更新を中止しました。"
        "データは変更していません。ディスクの空き容量を確認してから、もう一度起動してください。"
    )


class UpgradeFailed(AppError):
    """A schema migration failed on the first start after an upgrade. Names the pre-upgrade
    copy (in the data folder's pre-upgrade folder) the data can be restored from."""

    code = "upgrade_failed"

    def __init__(
        self, copy_name: str | None, restored: bool, copy_folder: str | None = None
    ) -> None:
        self.copy_name = copy_name
        self.restored = restored
        text = "新しい版に合わせたデータの更新に失敗しました。"
        if restored:
            text += (
                "データは更新前の状態に戻しており、失われたデータはありません。"
                "次回の起動時に更新をやり直します。"
            )
        else:
            text += (
                "更新は途中の段階で止まっています。失われたデータはありません。"
                "次回の起動時に更新をやり直します。"
            )
        if copy_name:
            # The whole folder: the message is shown at sign-in, before the About dialog
            # (which names the data folder) can be opened. Never a path that looks like a
            # number. The copy is the office's whole database: kept, not sent anywhere.
            where = (
                f"「{copy_folder}」フォルダー"
                if copy_folder and not looks_like_number(copy_folder)
                else "データフォルダーの「pre-upgrade」フォルダー"
            )
            text += (
                f"更新前のデータは、{where}に「{copy_name}」として保存しています。"
                "このファイルは削除せず、繰り返し失敗する場合はPCの管理者にご連絡ください。"
            )
        super().__init__(text)


class RecoveryKeyMalformed(AppError):
    code = "recovery_key_malformed"
    message = (
        "回復キーの形式が正しくありません。リカバリーシートの英数字32文字（4文字ずつ8組）を"
        "そのまま入力してください。"
    )


class RecoveryKeyRejected(AppError):
    code = "recovery_key_rejected"
    message = "回復キーがこのデータと一致しません。別の事業所・別の時期のリカバリーシートでないか確認してください。"


class ImportCancelled(AppError):
    """The user stopped a check or an import; nothing was written (an import's transaction
    was rolled back whole)."""

    code = "import_cancelled"
    message = "取込みを中止しました。何も取り込んでいません。"

    def __init__(self, stage: str, done: int, total: int) -> None:
        self.stage, self.done, self.total = stage, done, total
        super().__init__()


class ConflictingChange(AppError):
    code = "conflict"


class NumberKeyChanged(AppError):
    """Another window or command replaced the number key (after a staff change or a deletion
    run) since this session signed in; nothing was sealed with the old one."""

    code = "number_key_changed"
    message = (
        "個人番号の暗号鍵が別の画面またはコマンドで更新されました。この操作は保存していません。"
        "いったんサインアウトしてサインインし直してください。"
    )


class NumberKeyRotationRefused(AppError):
    """The recovery slot in the slot file is not the one the signed roster names: a new number
    key sealed to it could not be recovered with the office's recovery key."""

    code = "number_key_rotation_refused"
    message = (
        "鍵スロットのファイル（keyslots.json）の回復キーの情報が、署名された記録と一致しないため、"
        "個人番号の暗号鍵を更新できませんでした。データは何も変更していません。"
        "回復キーを再発行するか、特定個人情報管理責任者に連絡してください。"
    )


class PaperLayoutFailed(AppError):
    """A paper could not be laid out: some value is too long for a sheet (reports raise a
    ReportError; app.services.guard.renders_paper turns it into this)."""

    code = "paper_layout_failed"
    message = (
        "書類を作成できませんでした。記載する内容の一部が長すぎて、用紙に収まりません。"
        "データは変更していません。備考などの長い入力を短くしてから、もう一度作成してください。"
    )


class PrintFontsMissing(AppError):
    code = "print_fonts_missing"
    message = (
        "印刷用の日本語フォントを読み込めないため、書類を作成できませんでした。"
        "データは変更していません。マイナンバー管理デスクを入れ直してください。"
    )


def from_storage(exc: storage_errors.StorageError) -> AppError:
    """The one translation of storage failures into what a user is told."""
    match exc:
        case storage_errors.AccountLocked():
            return AccountLocked(exc.until)
        case storage_errors.CredentialsRejected():
            return SignInFailed(exc.remaining)
        case storage_errors.SlotDisabled():
            return AccountDisabled()
        case storage_errors.RoleKeyMissing():
            return RoleKeyMissing()
        case storage_errors.MachineMismatch():
            return MachineMismatch()
        case storage_errors.KeystoreUnavailable():
            return KeystoreUnavailable()
        case storage_errors.SlotValueInvalid():
            return KeyFileInvalidValue()
        case storage_errors.SlotFileOutdated():
            return KeyFileOutdated()
        case storage_errors.SlotFileTooNew():
            return SchemaTooNew()
        case storage_errors.SlotFileInvalid():
            return KeyFileDamaged()
        case storage_errors.VaultBusy():
            return Busy()
        case storage_errors.VaultCorrupt():
            return VaultDamaged()
        case storage_errors.AuditChainBroken():
            return AuditChainBroken(exc.seq)
        case storage_errors.AuditAnchorMissing():
            return AuditAnchorMissing()
        case storage_errors.BackupInvalid():
            return BackupRejected()
        case storage_errors.VaultExists():
            return AlreadyInitialized()
        case storage_errors.VaultMissing():
            return NotInitialized()
        case storage_errors.DiskFull():
            return DiskFull()
        case storage_errors.SchemaTooNew():
            return SchemaTooNew()
        case storage_errors.UpgradeCopyFailed():
            return UpgradeBackupFailed()
        case storage_errors.UpgradeFailed():
            return UpgradeFailed(exc.copy_name, exc.restored, exc.copy_folder)
        case storage_errors.UnsafeEngine():
            return UnsafeEngine()
        case storage_errors.NumberKeyStale():
            return NumberKeyChanged()
        case storage_errors.RecoverySlotMismatch():
            return NumberKeyRotationRefused()
        case storage_errors.FileInUse():
            return FileInUse()
        case storage_errors.VaultInUse():
            return VaultInUse()
    return AppError()
