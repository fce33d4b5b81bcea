"""Typed storage failures; texts are technical English and never hold personal data."""

from __future__ import annotations

from datetime import datetime


class StorageError(Exception):
    """Base of every failure the storage layer reports on purpose."""


class VaultMissing(StorageError):
    """No database in the data folder."""


class VaultExists(StorageError):
    """A database is already there; creating one would overwrite it."""


class CredentialsRejected(StorageError):
    """The password (or recovery key) does not open any slot; `remaining` tries before a lock."""

    def __init__(self, message: str, remaining: int | None = None) -> None:
        super().__init__(message)
        self.remaining = remaining


class AccountLocked(StorageError):
    """Too many failed sign-ins: locked until `until`, or until a manager unlocks (`until` None)."""

    def __init__(self, message: str, until: datetime | None) -> None:
        super().__init__(message)
        self.until = until


class RoleKeyMissing(StorageError):
    """The session's slot holds no key the action needs (the number key, the manager's or the
    auditor's signing key): the role was changed, or the grant was cut off by a crash."""


class SlotDisabled(StorageError):
    """The password is right but the account was disabled; its slot holds no keys."""


class MachineMismatch(StorageError):
    """This PC's keyring has no machine secret for this database: copied from another PC."""


class KeystoreUnavailable(StorageError):
    """No usable OS keyring; the program refuses to fall back to plaintext."""


class SlotFileInvalid(StorageError):
    """The key-slot sidecar is missing, unreadable or altered."""


class VaultCorrupt(StorageError):
    """SQLCipher reports bad pages, or the database does not decrypt with a verified key."""

    def __init__(self, message: str, bad_pages: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.bad_pages = bad_pages


class VaultBusy(StorageError):
    """Another program holds the database's lock longer than the wait allows (SQLITE_BUSY):
    nothing is wrong with the file, and the same action can simply be tried again."""


class SlotFileOutdated(SlotFileInvalid):
    """A slot file from before signed rosters (format 1, never released): the data of a trial
    install, which this version does not convert."""


class SlotFileTooNew(SlotFileInvalid):
    """A slot file of a later format: written by a newer version of the program (this one was
    installed over it, a downgrade). Refused as the newer program's data, never as damage:
    "damaged, restore a backup" would send the office to an older backup."""


class SlotValueInvalid(SlotFileInvalid):
    """The key-slot file parses but holds a value outside what the program accepts (a KDF
    cost that would hang or crash it); refused before the value is used."""


class UnsafeEngine(StorageError):
    """The SQLCipher build or settings would leak plaintext (SECURITY.md §10 DB-02)."""


class SchemaTooNew(StorageError):
    """The database was written by a newer version of the program."""


class UpgradeCopyFailed(StorageError):
    """The copy taken before a schema upgrade could not be made or did not verify; no
    migration ran, the database is as it was."""


class UpgradeFailed(StorageError):
    """A schema migration failed. `from_version` is the schema the database had; `restored`
    says whether it was put back from the pre-upgrade copy `copy_name` (in the pre-upgrade
    folder); `current_version` is the schema it is at now (each step is one transaction)."""

    def __init__(
        self,
        message: str,
        *,
        from_version: int,
        failed_step: int,
        current_version: int,
        copy_name: str | None = None,
        restored: bool = False,
        copy_folder: str | None = None,
    ) -> None:
        super().__init__(message)
        self.from_version = from_version
        self.failed_step = failed_step
        self.current_version = current_version
        self.copy_name = copy_name
        self.copy_folder = copy_folder
        self.restored = restored


class AuditChainBroken(StorageError):
    """The audit chain fails verification; `seq` is the first entry that does not check."""

    def __init__(self, message: str, seq: int) -> None:
        super().__init__(message)
        self.seq = seq


class AuditAnchorMissing(StorageError):
    """The chain head kept outside the database is gone, so truncation cannot be ruled out."""


class BackupInvalid(StorageError):
    """A backup file is truncated, altered, or not a backup of ours."""


class DiskFull(StorageError):
    """The disk refused a write; nothing was changed."""


class RecoverySlotMismatch(StorageError):
    """The recovery slot in the slot file is not the one the signed roster names: a new
    number key sealed to it could not be recovered with the office's recovery key."""


class NumberKeyStale(StorageError):
    """Another program replaced the number key since this session opened (a rotation): the
    session no longer holds the key the data is under."""


class FileInUse(StorageError, PermissionError):
    """Windows kept refusing to replace a file another process holds open (an antivirus scan,
    a backup agent, the running program); still an OSError for code that handles those."""


class VaultInUse(StorageError):
    """The program is running on this data folder; its files cannot be swapped under it."""
