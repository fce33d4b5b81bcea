"""Restoring a backup into a data folder: verify everything first, then swap files in."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from storage import crypto, pc_counter
from storage.atomic import replace as replace_file
from storage.backup import extract_database, read_header
from storage.errors import (
    BackupInvalid,
    SlotFileInvalid,
    SlotFileTooNew,
    VaultExists,
    VaultInUse,
)
from storage.file_lock import in_use
from storage.vault import VaultPaths, machine_keys_for, secret_store_for


def stage_restore(
    paths: VaultPaths,
    backup: Path,
    *,
    login: str | None,
    password: str | None,
    recovery_secret: bytes | None,
    replace: bool,
    now: datetime,
) -> Path:
    """Check the backup with the given credentials and build the restored files in a staging
    folder beside the data; nothing in the data folder changes but the count of a wrong
    password (storage/pc_counter.py). Returns the staging folder."""
    if paths.exists() and not replace:
        raise VaultExists(str(paths.data_dir))
    _refuse_while_running(paths)
    header = read_header(backup)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    staging = paths.data_dir / ".restore-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        staged = VaultPaths(staging)
        try:
            slot_file = header.slot_file(staged.slots)
        except SlotFileTooNew:
            raise  # a newer program's backup: said so, not called damaged
        except SlotFileInvalid as exc:
            raise BackupInvalid("the key slots inside the backup are invalid") from exc
        if recovery_secret is not None:
            recovered = slot_file.unlock_recovery(recovery_secret)
            data_key = bytearray(recovered.data_key)
            recovered.wipe()
        else:
            assert login is not None and password is not None
            store = secret_store_for(paths, slot_file.secret_store)
            keys = machine_keys_for(slot_file, store)
            try:
                live = pc_counter.live_slots(paths, slot_file.vault_id, keys)
                unlocked = pc_counter.unlock_user(
                    store,
                    keys,
                    slot_file,
                    live,
                    login,
                    password,
                    now,
                    event=pc_counter.RESTORE_FAILED,
                )
            finally:
                keys.wipe()
            data_key = bytearray(unlocked.data_key)
            unlocked.wipe()
        try:
            extract_database(backup, data_key, staged.database)
        finally:
            crypto.zero(data_key)
        slot_file.data["generation"] = int(slot_file.data.get("generation", 0))
        slot_file.save()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def commit_restore(paths: VaultPaths, staging: Path, now: datetime) -> Path | None:
    """Move the current files aside (never deleted) and the staged ones in.

    Returns the folder holding the replaced files, if there were any.
    """
    _refuse_while_running(paths)
    aside = None
    if paths.exists():
        # Letters part the digits: the access log names this folder, and a name of 12+
        # digits with a hyphen (replaced-20261207-120000) was shown as a number-like run.
        aside = paths.data_dir / f"replaced-on-{now:%Y%m%d}T{now:%H%M%S}"
        aside.mkdir()
        for current in (
            paths.database,
            paths.slots,
            paths.slots.with_name(paths.slots.name + ".bak"),
        ):
            if current.exists():
                replace_file(current, aside / current.name)
    staged = VaultPaths(staging)
    replace_file(staged.database, paths.database)
    replace_file(staged.slots, paths.slots)
    shutil.rmtree(staging, ignore_errors=True)
    return aside


def _refuse_while_running(paths: VaultPaths) -> None:
    if in_use(paths.data_dir):
        raise VaultInUse("the program is running on this data folder")
