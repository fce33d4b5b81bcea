"""Backup files: the database and its key slots in one authenticated, encrypted container.

Layout: magic, a JSON header (format, ids, salt, the key-slot file), then AES-256-GCM chunks of
the database bytes. The chunk key comes from the data key, which the slots inside the header
yield to a staff password (same PC) or to the recovery key (any PC). Every chunk's associated
data binds the header hash, its index and a final flag, so an altered, reordered or truncated
file is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage import crypto
from storage.atomic import fsync_dir, open_private, replace
from storage.connection import DatabaseError, integrity_problems, open_database
from storage.errors import BackupInvalid, VaultCorrupt
from storage.file_lock import exclusive
from storage.keyslots import SlotFile
from storage.vault import Vault

MAGIC = b"MNDBAK01"
CHUNK = 1024 * 1024
_LEN = struct.Struct(">I")
_MAX_HEADER = 4 * 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    created_at: str
    backup_id: str


@dataclass(frozen=True)
class BackupHeader:
    raw: bytes
    data: dict

    @property
    def vault_id(self) -> str:
        return str(self.data["vault_id"])

    def slot_file(self, path: Path) -> SlotFile:
        return SlotFile.parse(path, json.dumps(self.data["keyslots"]).encode("utf-8"))


def _chunk_key(data_key: bytes | bytearray, header: dict) -> bytearray:
    return crypto.hkdf(data_key, salt=crypto.unb64(header["salt"]), info=b"backup v1")


def _aad(header_hash: bytes, index: int, final: bool) -> bytes:
    return header_hash + struct.pack(">Q?", index, final)


def backup_name(now: datetime) -> str:
    # Date and time apart, so the name never looks like a 12-digit number to the redactor.
    return f"mynumber-desk-{now.strftime('%Y-%m-%d_%H%M%S')}.mndbackup"


def write_backup(vault: Vault, folder: Path, now: datetime) -> BackupInfo:
    """Write, read back and verify a backup; only a verified file gets its final name."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A backup killed mid-write leaves its .partial file; it was never verified, so it goes.
    for stale in folder.glob("*.mndbackup.partial"):
        stale.unlink(missing_ok=True)
    final = folder / backup_name(now)
    partial = folder / (final.name + ".partial")
    snapshot = vault.paths.data_dir / ".backup-snapshot.db"
    data_key = vault.data_key_copy()
    try:
        snapshot.unlink(missing_ok=True)
        target = open_database(snapshot, data_key, create=True)
        try:
            # The copy and the slot file it goes with are taken under the slot file's lock,
            # which a number-key rotation holds from its first write to its last: never a
            # database under one key with slots holding only the other.
            with exclusive(vault.paths.slots):
                vault.backup_into(target)
                keyslots = vault.current_slots().data
            if integrity_problems(target):
                raise VaultCorrupt("the database copy does not pass the integrity check")
        finally:
            target.close()
        header = {
            "format": "mynumber-desk/backup",
            "version": 1,
            "backup_id": str(uuid.uuid4()),
            "vault_id": vault.vault_id,
            "created_at": now.isoformat(timespec="seconds"),
            "salt": crypto.b64(os.urandom(16)),
            "db_size": snapshot.stat().st_size,
            "keyslots": keyslots,
        }
        header_raw = json.dumps(header, sort_keys=True).encode("utf-8")
        key = _chunk_key(data_key, header)
        try:
            digest = _write_container(partial, snapshot, header_raw, key)
            _check_container(partial, key, expected_db_sha256=digest)
        finally:
            crypto.zero(key)
        replace(partial, final)
        fsync_dir(folder)
        file_hash = file_sha256(final)
        return BackupInfo(
            final, final.stat().st_size, file_hash, header["created_at"], header["backup_id"]
        )
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        snapshot.unlink(missing_ok=True)
        crypto.zero(data_key)


def _write_container(path: Path, snapshot: Path, header_raw: bytes, key: bytearray) -> str:
    header_hash = hashlib.sha256(header_raw).digest()
    aead = AESGCM(bytes(key))
    db_hash = hashlib.sha256()
    with open_private(path) as out, open(snapshot, "rb") as src:
        out.write(MAGIC + _LEN.pack(len(header_raw)) + header_raw)
        index = 0
        block = src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            final = not following
            db_hash.update(block)
            nonce = os.urandom(12)
            sealed = nonce + aead.encrypt(nonce, block, _aad(header_hash, index, final))
            out.write(_LEN.pack(len(sealed)) + sealed)
            if final:
                break
            block, index = following, index + 1
        out.flush()
        os.fsync(out.fileno())
    return db_hash.hexdigest()


def read_header(path: Path) -> BackupHeader:
    try:
        with open(path, "rb") as src:
            return _read_header(src)
    except OSError as exc:
        raise BackupInvalid("backup file cannot be read") from exc


def _read_header(src: BinaryIO) -> BackupHeader:
    if src.read(len(MAGIC)) != MAGIC:
        raise BackupInvalid("not a MyNumber Desk backup")
    size_raw = src.read(_LEN.size)
    if len(size_raw) != _LEN.size:
        raise BackupInvalid("backup truncated in its header")
    (size,) = _LEN.unpack(size_raw)
    if size > _MAX_HEADER:
        raise BackupInvalid("backup header too large")
    raw = src.read(size)
    if len(raw) != size:
        raise BackupInvalid("backup truncated in its header")
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != "mynumber-desk/backup" or data.get("version") != 1:
            raise BackupInvalid("unsupported backup format")
        uuid.UUID(str(data["vault_id"]))
        crypto.unb64(data["salt"])
        if not isinstance(data["keyslots"], dict):
            raise BackupInvalid("backup has no key slots")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BackupInvalid("backup header unreadable") from exc
    return BackupHeader(raw, data)


def _chunks(path: Path, key: bytearray) -> Iterator[bytes]:
    """Decrypted database blocks; raises BackupInvalid on any alteration or truncation."""
    with open(path, "rb") as src:
        header = _read_header(src)
        header_hash = hashlib.sha256(header.raw).digest()
        aead = AESGCM(bytes(key))
        index = 0
        while True:
            size_raw = src.read(_LEN.size)
            if len(size_raw) != _LEN.size:
                raise BackupInvalid("backup truncated: the final block is missing")
            (size,) = _LEN.unpack(size_raw)
            if size > CHUNK + 64:
                raise BackupInvalid("backup block size is invalid")
            sealed = src.read(size)
            if len(sealed) != size:
                raise BackupInvalid("backup truncated inside a block")
            nonce, body = sealed[:12], sealed[12:]
            for final in (False, True):
                try:
                    block = aead.decrypt(nonce, body, _aad(header_hash, index, final))
                    break
                except InvalidTag:
                    continue
            else:
                raise BackupInvalid(f"backup block {index} was altered")
            yield block
            if final:
                if src.read(1):
                    raise BackupInvalid("backup has data after its final block")
                return
            index += 1


def _check_container(path: Path, key: bytearray, *, expected_db_sha256: str) -> None:
    digest = hashlib.sha256()
    for block in _chunks(path, key):
        digest.update(block)
    if digest.hexdigest() != expected_db_sha256:
        raise BackupInvalid("backup read back differs from what was written")


def extract_database(path: Path, data_key: bytes | bytearray, target: Path) -> None:
    """Decrypt the database of a verified backup into `target` and check it opens cleanly."""
    header = read_header(path)
    key = _chunk_key(data_key, header.data)
    try:
        with open_private(target) as out:
            for block in _chunks(path, key):
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        crypto.zero(key)
    try:
        conn = open_database(target, data_key)
    except (VaultCorrupt, DatabaseError) as exc:
        target.unlink(missing_ok=True)
        raise BackupInvalid("the database inside the backup does not open") from exc
    try:
        if integrity_problems(conn):
            raise BackupInvalid("the database inside the backup fails its integrity check")
    except BaseException:
        conn.close()
        target.unlink(missing_ok=True)
        raise
    conn.close()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as src:
        for block in iter(lambda: src.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
