"""Key-derivation cost for new key slots (SECURITY.md §5)."""

from __future__ import annotations

import os

from storage.crypto import DEFAULT_KDF, FLOOR_KDF, KdfParams

# Test suites create hundreds of slots; they may drop to OWASP's floor (never below it).
ENV_FAST_KDF = "MYNUMBER_DESK_FAST_KDF_FOR_TESTS"


def slot_kdf() -> KdfParams:
    return FLOOR_KDF if os.environ.get(ENV_FAST_KDF) == "1" else DEFAULT_KDF
