"""Backups (manager) and restore: same PC with a password, any PC with the recovery key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import errors
from app.clock import Clock
from app.domain import recovery_key
from app.domain.access import Permission
from app.domain.settings import SettingKey
from app.services import audit, auth
from app.services.guard import storage_errors
from app.session import Session
from storage import backup as backup_files
from storage import backup_repo, restore
from storage.errors import CredentialsRejected
from storage.vault import VaultPaths


@dataclass(frozen=True)
class BackupDone:
    path: Path
    size: int
    sha256: str


def make_backup(session: Session, folder: Path) -> BackupDone:
    audit.require(session, Permission.MAKE_BACKUP)
    with storage_errors():
        try:
            info = backup_files.write_backup(session.vault, folder, session.clock.now())
        except OSError as exc:
            if exc.errno == 28:
                raise errors.DiskFull() from None
            raise errors.InvalidInput(
                f"バックアップ先「{folder}」に書き込めません。フォルダーと空き容量を確認してください。"
            ) from None
        with session.vault.write() as writer:
            backup_repo.insert(
                writer.conn,
                created_at=info.created_at,
                file_name=info.path.name,
                folder=str(folder),
                size=info.size,
                sha256=info.sha256,
            )
            audit.record(
                writer,
                session,
                "backup.created",
                target=info.path.name,
                detail={"size": info.size, "sha256": info.sha256},
            )
    rotate(session)
    return BackupDone(info.path, info.size, info.sha256)


@dataclass(frozen=True)
class Rotation:
    destroyed: tuple[str, ...]  # file names removed
    unreachable: tuple[backup_repo.BackupRow, ...]  # past their generation, not found


def generations(session: Session) -> int:
    return int(session.settings.get(SettingKey.BACKUP_GENERATIONS, 7))


def rotate(session: Session) -> Rotation:
    """Keep the newest N backups (setting) and destroy the older ones the program can reach;
    an old backup still holds numbers deleted since, so one out of reach becomes a task."""
    keep = generations(session)
    with storage_errors():
        live = [b for b in backup_repo.all_backups(session.vault.conn) if b.destroyed_at is None]
    destroyed, unreachable = [], []
    for old in live[keep:]:
        path = Path(old.folder) / old.file_name
        try:
            # Only the file we wrote: a different file under that name is left alone.
            if not path.is_file() or backup_files.file_sha256(path) != old.sha256:
                unreachable.append(old)
                continue
            path.unlink()
        except OSError:
            unreachable.append(old)
            continue
        with storage_errors(), session.vault.write() as writer:
            backup_repo.mark_destroyed(
                writer.conn, old.id, session.clock.now().isoformat(timespec="seconds")
            )
            audit.record(writer, session, "backup.destroyed", target=old.file_name)
        destroyed.append(old.file_name)
    return Rotation(tuple(destroyed), tuple(unreachable))


def overdue(session: Session) -> list[backup_repo.BackupRow]:
    """Backups past their generation that still exist on record: not destroyed because they
    were out of reach (another drive, a server folder that was offline)."""
    with storage_errors():
        live = [b for b in backup_repo.all_backups(session.vault.conn) if b.destroyed_at is None]
    return live[generations(session) :]


def confirm_destroyed(session: Session, backup_id: int) -> None:
    """The member destroyed an out-of-reach backup by hand (a USB drive wiped, a file
    deleted on the server)."""
    audit.require(session, Permission.MAKE_BACKUP)
    with storage_errors(), session.vault.write() as writer:
        backup_repo.mark_destroyed(
            writer.conn, backup_id, session.clock.now().isoformat(timespec="seconds")
        )
        audit.record(writer, session, "backup.destroyed_by_hand", detail={"backup": backup_id})


def restore_backup(
    data: VaultPaths,
    backup_file: Path,
    clock: Clock,
    *,
    login: str | None = None,
    password: str | None = None,
    recovery_key_text: str | None = None,
    replace: bool = False,
) -> Session:
    """Verify the backup with the credentials, then swap it in (current files are moved aside,
    never deleted) and open it; the restore is the first event written afterwards."""
    secret = None
    if recovery_key_text is not None:
        try:
            secret = recovery_key.parse(recovery_key_text).secret
        except recovery_key.MalformedRecoveryKey:
            raise errors.RecoveryKeyMalformed() from None
    elif login is None or password is None:
        raise errors.InvalidInput("復元にはユーザー名とパスワード、または回復キーが必要です。")
    if not backup_file.is_file():
        raise errors.InvalidInput(f"バックアップファイル「{backup_file}」が見つかりません。")
    with storage_errors():
        try:
            staging = restore.stage_restore(
                data,
                backup_file,
                login=login,
                password=password,
                recovery_secret=secret,
                replace=replace,
                now=clock.now(),
            )
        except CredentialsRejected as exc:
            if secret is not None:
                raise errors.RecoveryKeyRejected() from None
            # Counted like a failed sign-in (and locked after as many); the user is told
            # how many tries are left, as at sign-in.
            raise errors.SignInFailed(exc.remaining) from None
        aside = restore.commit_restore(data, staging, clock.now())
    if recovery_key_text is not None:
        session = auth.open_with_recovery(data, recovery_key_text, clock)
    else:
        assert login is not None and password is not None
        session = auth.sign_in(data, login, password, clock, record=False)
    with storage_errors():
        previous = session.vault.anchor()
        session.vault.accept_current_log()
        with session.vault.write() as writer:
            audit.record(
                writer,
                session,
                "vault.restored",
                target=backup_file.name,
                detail={
                    "previous_anchor_seq": previous.seq if previous else None,
                    "replaced_files_moved_to": aside.name if aside else None,
                },
            )
    return session
