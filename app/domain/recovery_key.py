"""The recovery key as printed: 16 random bytes + a 4-byte check, in 8 groups of 4 Base32 chars."""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from dataclasses import dataclass

SECRET_BYTES = 16
_CHECK_BYTES = 4
GROUPS = 8
_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
# Base32 has no 0, 1 or 8; people reading a printed sheet type them for O, I and B.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class MalformedRecoveryKey(ValueError):
    """The text is not a recovery key (wrong length, letters, or a typo caught by the check)."""


@dataclass(frozen=True)
class RecoveryKey:
    secret: bytes

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise ValueError("recovery secret must be 16 bytes")

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"

    @property
    def groups(self) -> tuple[str, ...]:
        check = hashlib.sha256(self.secret).digest()[:_CHECK_BYTES]
        text = base64.b32encode(self.secret + check).decode("ascii")
        return tuple(text[i : i + 4] for i in range(0, len(text), 4))

    @property
    def display(self) -> str:
        return "-".join(self.groups)


def parse(text: str) -> RecoveryKey:
    cleaned = unicodedata.normalize("NFKC", text).upper().translate(_LOOKALIKES)
    cleaned = "".join(ch for ch in cleaned if not ch.isspace() and ch not in "-‐－ー_")
    if len(cleaned) != GROUPS * 4 or not set(cleaned) <= _ALPHABET:
        raise MalformedRecoveryKey("wrong length or characters")
    raw = base64.b32decode(cleaned)
    secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if hashlib.sha256(secret).digest()[:_CHECK_BYTES] != check:
        raise MalformedRecoveryKey("check characters do not match")
    return RecoveryKey(secret)
