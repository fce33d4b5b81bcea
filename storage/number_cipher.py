"""My Numbers at rest: AES-256-GCM under the number key with the record id as associated data
(a ciphertext moved to another record does not decrypt), and a keyed blind index that finds a
duplicate without decrypting anything.

The number key is sealed only into slots of roles that may see numbers, so the auditor's
session (data key only) can read every record but neither decrypt nor index a number.
"""

from __future__ import annotations

import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage import crypto

_VERSION = b"\x01"
_NONCE = 12


def seal_number(number_key: bytes | bytearray, digits: str, record_id: str) -> bytes:
    nonce = os.urandom(_NONCE)
    sealed = AESGCM(bytes(number_key)).encrypt(nonce, digits.encode("ascii"), _aad(record_id))
    return _VERSION + nonce + sealed


def open_number(number_key: bytes | bytearray, blob: bytes, record_id: str) -> str:
    if len(blob) < 1 + _NONCE + 16 or blob[:1] != _VERSION:
        raise crypto.DecryptionFailed("not a sealed number")
    nonce, sealed = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
    try:
        return AESGCM(bytes(number_key)).decrypt(nonce, sealed, _aad(record_id)).decode("ascii")
    except InvalidTag as exc:
        raise crypto.DecryptionFailed("number does not authenticate") from exc


def index_key(number_key: bytes | bytearray) -> bytearray:
    """The blind index's own key, derived from the number key (the vault keeps it while open
    and zeroes it with the number key)."""
    return crypto.hkdf(number_key, salt=b"", info=b"blind-index v1")


def blind_index(index_key: bytes | bytearray, digits: str) -> bytes:
    """The same number gives the same index under one office's key, and nothing usable
    elsewhere; used only to refuse a duplicate, never as an identifier (DOMAIN.md §1 notes)."""
    return hmac.digest(bytes(index_key), digits.encode("ascii"), "sha256")


def _aad(record_id: str) -> bytes:
    return b"my-number|" + record_id.encode("utf-8")
