"""Key-derivation cost for new key slots (SECURITY.md §5)."""

from __future__ import annotations

import os
from functools import cache

from storage.crypto import FLOOR_KDF, KdfParams, calibrate

# Test suites create hundreds of slots; they may drop to OWASP's floor (never below it).
ENV_FAST_KDF = "MYNUMBER_DESK_FAST_KDF_FOR_TESTS"


def slot_kdf() -> KdfParams:
    """Parameters for a new slot; each slot stores its own, so sign-in never recalibrates."""
    return FLOOR_KDF if os.environ.get(ENV_FAST_KDF) == "1" else _calibrated()


@cache
def _calibrated() -> KdfParams:
    # Measured once per process, only when a slot is created (set-up, new member, new password).
    return calibrate()
