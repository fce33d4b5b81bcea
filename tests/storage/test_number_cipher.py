"""Number encryption and the blind index."""

from __future__ import annotations

import pytest

from storage import crypto
from storage.number_cipher import blind_index, index_key, open_number, seal_number

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
    own = index_key(key)
    assert blind_index(own, NUMBER) == blind_index(index_key(key), NUMBER)
    assert blind_index(own, NUMBER) != blind_index(own, "983205673214")
    assert blind_index(index_key(crypto.random_key()), NUMBER) != blind_index(own, NUMBER)
    assert NUMBER.encode() not in blind_index(own, NUMBER)
    assert bytes(own) != bytes(key)  # a key of its own, not the number key
