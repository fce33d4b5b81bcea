"""Number encryption and the blind index."""

from __future__ import annotations

import pytest

from storage import crypto
from storage.number_cipher import blind_index, open_number, seal_number

NUMBER = "123456789018"


def test_round_trip_and_no_plaintext_in_the_blob() -> None:
    key = crypto.random_key()
    blob = seal_number(key, NUMBER, "person:1")
    assert NUMBER.encode() not in blob
    assert open_number(key, blob, "person:1") == NUMBER
    assert seal_number(key, NUMBER, "person:1") != blob  # a fresh nonce each time


@pytest.mark.parametrize("change", ["record", "key", "byte", "truncate"])
def test_moved_altered_or_foreign_ciphertext_does_not_open(change: str) -> None:
    key = crypto.random_key()
    blob = bytearray(seal_number(key, NUMBER, "person:1"))
    record, use_key = "person:1", key
    if change == "record":
        record = "person:2"
    elif change == "key":
        use_key = crypto.random_key()
    elif change == "byte":
        blob[-1] ^= 1
    else:
        blob = blob[:20]
    with pytest.raises(crypto.DecryptionFailed):
        open_number(use_key, bytes(blob), record)


def test_blind_index_finds_duplicates_only_under_the_same_key() -> None:
    key = crypto.random_key()
    assert blind_index(key, NUMBER) == blind_index(key, NUMBER)
    assert blind_index(key, NUMBER) != blind_index(key, "983205673214")
    assert blind_index(crypto.random_key(), NUMBER) != blind_index(key, NUMBER)
    assert NUMBER.encode() not in blind_index(key, NUMBER)
