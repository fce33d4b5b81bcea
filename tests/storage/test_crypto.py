"""Key derivation limits and calibration."""

from __future__ import annotations

import pytest

from storage import crypto


def test_parameters_below_the_owasp_floor_are_refused() -> None:
    with pytest.raises(ValueError):
        crypto.KdfParams(memory_kib=16 * 1024, iterations=2, lanes=1)
    with pytest.raises(ValueError):
        crypto.KdfParams.from_json(
            {"alg": "argon2id", "memory_kib": 19456, "iterations": 1, "lanes": 1}
        )
    assert crypto.DEFAULT_KDF.memory_kib >= 64 * 1024


def test_calibration_raises_iterations_towards_the_target_and_never_lowers_them() -> None:
    base = crypto.FLOOR_KDF
    assert crypto.calibrate(target_seconds=0.0, base=base) == base
    slow = crypto.calibrate(target_seconds=5.0, base=base, max_iterations=9)
    assert slow == crypto.KdfParams(base.memory_kib, 9, base.lanes)
    moderate = crypto.calibrate(target_seconds=0.15, base=base, max_iterations=1000)
    assert moderate.iterations >= base.iterations
    assert moderate.memory_kib == base.memory_kib


def test_sealed_box_binds_its_associated_data() -> None:
    key = crypto.random_key()
    box = crypto.seal(key, b"data key", b"vault|slot|data_key")
    assert crypto.open_sealed(key, box, b"vault|slot|data_key") == bytearray(b"data key")
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_sealed(key, box, b"vault|other-slot|data_key")
    private, public = crypto.new_keypair()
    sealed = crypto.seal_to_public(public, b"number key", b"aad")
    assert crypto.open_from_private(private, sealed, b"aad") == bytearray(b"number key")
    other, _ = crypto.new_keypair()
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_from_private(other, sealed, b"aad")
