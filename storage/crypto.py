"""Cryptographic primitives of the vault: Argon2id, HKDF, AES-256-GCM wrapping, X25519 sealing,
Ed25519 signatures."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12

# OWASP's floor for Argon2id (SECURITY.md §5); nothing below it is ever accepted, even from a file.
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_ITERATIONS = 2
FLOOR_LANES = 1
# Ceilings, because the parameters are read from a file anyone with the folder can edit: a
# memory cost of 2^31 KiB makes Argon2id fail to allocate (or take the PC's memory), 2^31
# passes hang a sign-in for days. Calibration stays far below (64 MiB, at most 24 passes).
CEILING_MEMORY_KIB = 1024 * 1024  # 1 GiB
CEILING_ITERATIONS = 64
CEILING_LANES = 16


class DecryptionFailed(Exception):
    """A wrapped value did not authenticate: wrong key, or the bytes were altered."""


class KdfParamsOutOfRange(ValueError):
    """Argon2id parameters that are not whole numbers within the floor and the ceiling."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored per key slot so it can rise later without a migration."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        values = (self.memory_kib, self.iterations, self.lanes)
        if any(type(value) is not int for value in values):
            raise KdfParamsOutOfRange("Argon2id parameters must be whole numbers")
        if (
            self.memory_kib < FLOOR_MEMORY_KIB
            or self.iterations < FLOOR_ITERATIONS
            or self.lanes < FLOOR_LANES
        ):
            raise KdfParamsOutOfRange("Argon2id parameters below the OWASP floor")
        if (
            self.memory_kib > CEILING_MEMORY_KIB
            or self.iterations > CEILING_ITERATIONS
            or self.lanes > CEILING_LANES
        ):
            raise KdfParamsOutOfRange("Argon2id parameters above the ceiling")

    def to_json(self) -> dict[str, int | str]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        """Raises KeyError for a missing value, KdfParamsOutOfRange for one that is not a
        whole number within bounds (a float, a text, a bool, 2^31), ValueError otherwise."""
        if data.get("alg") != "argon2id":
            raise ValueError("unknown KDF")
        return cls(
            memory_kib=data["memory_kib"],  # type: ignore[arg-type]
            iterations=data["iterations"],  # type: ignore[arg-type]
            lanes=data["lanes"],  # type: ignore[arg-type]
        )


DEFAULT_KDF = KdfParams()
FLOOR_KDF = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)


def calibrate(
    target_seconds: float = 0.6, base: KdfParams = DEFAULT_KDF, max_iterations: int = 24
) -> KdfParams:
    """Raise the iteration count until one derivation takes about `target_seconds` on this PC
    (SECURITY.md KDF-01: 0.5-1.0 s). Memory and lanes stay; the time grows ~linearly with
    iterations. A PC already slower than the target keeps the base parameters."""
    start = time.perf_counter()
    zero(argon2id(b"calibration", os.urandom(16), base))
    elapsed = time.perf_counter() - start
    if elapsed >= target_seconds:
        return base
    iterations = math.ceil(base.iterations * target_seconds / max(elapsed, 1e-3))
    return KdfParams(
        base.memory_kib, min(max(iterations, base.iterations), max_iterations), base.lanes
    )


def random_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))


def argon2id(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return bytearray(kdf.derive(secret))


def hkdf(ikm: bytes | bytearray, *, salt: bytes, info: bytes) -> bytearray:
    return bytearray(
        HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(bytes(ikm))
    )


def seal(key: bytes | bytearray, plaintext: bytes | bytearray, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(NONCE_BYTES)
    ct = AESGCM(bytes(key)).encrypt(nonce, bytes(plaintext), aad)
    return {"nonce": b64(nonce), "ct": b64(ct)}


def open_sealed(key: bytes | bytearray, box: dict[str, str], aad: bytes) -> bytearray:
    try:
        return bytearray(AESGCM(bytes(key)).decrypt(unb64(box["nonce"]), unb64(box["ct"]), aad))
    except (InvalidTag, KeyError, ValueError) as exc:
        raise DecryptionFailed from exc


def new_keypair() -> tuple[bytearray, bytes]:
    """An X25519 pair: lets a manager grant keys to a slot without knowing its password."""
    private = X25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return bytearray(raw_private), raw_public


def seal_to_public(public_key: bytes, plaintext: bytes | bytearray, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    eph_public = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    key = hkdf(shared, salt=eph_public + public_key, info=b"mynumber-desk seal v1")
    try:
        box = seal(key, plaintext, aad)
    finally:
        zero(key)
    box["epk"] = b64(eph_public)
    return box


def open_from_private(private_key: bytes | bytearray, box: dict[str, str], aad: bytes) -> bytearray:
    try:
        private = X25519PrivateKey.from_private_bytes(bytes(private_key))
        eph_public = unb64(box["epk"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
        public = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
    except (KeyError, ValueError) as exc:
        raise DecryptionFailed from exc
    key = hkdf(shared, salt=eph_public + public, info=b"mynumber-desk seal v1")
    try:
        return open_sealed(key, box, aad)
    finally:
        zero(key)


def new_signing_key() -> bytearray:
    """An Ed25519 seed: the office's manager and auditor keys sign the roster and the log's
    checkpoints (SECURITY.md §6a), which the data key every member holds cannot forge."""
    return random_key()


def signing_public(seed: bytes | bytearray) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(bytes(seed))
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def sign(seed: bytes | bytearray, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(bytes(seed)).sign(message)


def signature_valid(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    """A public key as people compare it on paper: 16 hex digits in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def mac(key: bytes | bytearray, message: bytes) -> bytes:
    return hmac.new(bytes(key), message, "sha256").digest()


def mac_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def zero(buffer: bytearray | None) -> None:
    """Overwrite a key buffer in place; Python bytes copies cannot be wiped, so keys stay bytearrays."""
    if buffer is None:
        return
    for i in range(len(buffer)):
        buffer[i] = 0


def b64(data: bytes | bytearray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
