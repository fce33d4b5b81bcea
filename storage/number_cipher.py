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
    return _seal(number_key, digits.encode("ascii"), _aad(record_id))


def open_number(number_key: bytes | bytearray, blob: bytes, record_id: str) -> str:
    return _open(number_key, blob, _aad(record_id)).decode("ascii")


def seal_document(number_key: bytes | bytearray, content: bytes, record_id: str) -> bytes:
    """A copy of an identity document (it may show the number, so it is 特定個人情報 too):
    under the number key, which the auditor's session never holds."""
    return _seal(number_key, content, b"document|" + record_id.encode("utf-8"))


def open_document(number_key: bytes | bytearray, blob: bytes, record_id: str) -> bytes:
    return _open(number_key, blob, b"document|" + record_id.encode("utf-8"))


def _seal(key: bytes | bytearray, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return _VERSION + nonce + AESGCM(bytes(key)).encrypt(nonce, plaintext, aad)


def _open(key: bytes | bytearray, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < 1 + _NONCE + 16 or blob[:1] != _VERSION:
        raise crypto.DecryptionFailed("not a sealed value")
    nonce, sealed = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
    try:
        return AESGCM(bytes(key)).decrypt(nonce, sealed, aad)
    except InvalidTag as exc:
        raise crypto.DecryptionFailed("sealed value does not authenticate") from exc


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


def key_check(number_key: bytes | bytearray) -> bytes:
    """What the database keeps of the number key in use: tells the current key from an old
    or a pending one (a rotation) without holding either."""
    return hmac.digest(bytes(number_key), b"number-key check v1", "sha256")


class Resealer:
    """Every number and document moved from one number key to the next (a rotation): one
    AES-GCM context per key for the whole pass, the new blind index computed on the way."""

    def __init__(self, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
        self._old = AESGCM(bytes(old_key))
        self._new = AESGCM(bytes(new_key))
        self._index = index_key(new_key)

    def number(self, blob: bytes, record_id: str) -> tuple[bytes, bytes]:
        """(sealed under the new key, blind index under the new key)."""
        aad = _aad(record_id)
        digits = self._reopen(blob, aad)
        nonce = os.urandom(_NONCE)
        sealed = _VERSION + nonce + self._new.encrypt(nonce, digits, aad)
        return sealed, hmac.digest(self._index, digits, "sha256")

    def document(self, blob: bytes, record_id: str) -> bytes:
        aad = b"document|" + record_id.encode("utf-8")
        content = self._reopen(blob, aad)
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._new.encrypt(nonce, content, aad)

    def _reopen(self, blob: bytes, aad: bytes) -> bytes:
        if len(blob) < 1 + _NONCE + 16 or blob[:1] != _VERSION:
            raise crypto.DecryptionFailed("not a sealed value")
        try:
            return self._old.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], aad)
        except InvalidTag as exc:
            raise crypto.DecryptionFailed("sealed value does not authenticate") from exc

    def wipe(self) -> None:
        crypto.zero(self._index)
