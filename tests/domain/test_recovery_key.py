"""The printed recovery key: round trip, typo detection, forgiving input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.recovery_key import MalformedRecoveryKey, RecoveryKey, parse


@given(st.binary(min_size=16, max_size=16))
def test_display_parses_back(secret: bytes) -> None:
    key = RecoveryKey(secret)
    assert len(key.groups) == 8
    assert all(len(group) == 4 for group in key.groups)
    assert parse(key.display).secret == secret
    assert parse(" ".join(key.groups).lower()).secret == secret


@given(st.binary(min_size=16, max_size=16), st.integers(0, 31), st.data())
def test_any_single_character_typo_is_caught(secret: bytes, position: int, data) -> None:
    text = "".join(RecoveryKey(secret).groups)
    replacement = data.draw(
        st.sampled_from([c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" if c != text[position]])
    )
    typo = text[:position] + replacement + text[position + 1 :]
    # 32 characters carry exactly 160 bits (no padding), so every character is checked.
    with pytest.raises(MalformedRecoveryKey):
        parse(typo)


def test_full_width_and_lookalike_digits_are_accepted() -> None:
    key = RecoveryKey(bytes(range(16)))
    text = key.display.replace("O", "0").replace("I", "1")
    full_width = text.translate(
        {ord(c): ord(c) + 0xFEE0 for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"}
    )
    assert parse(text).secret == key.secret
    assert parse(full_width.replace("-", "－")).secret == key.secret


@pytest.mark.parametrize(
    "text", ["", "ABCD", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD", "!" * 32]
)
def test_malformed(text: str) -> None:
    with pytest.raises(MalformedRecoveryKey):
        parse(text)


def test_repr_hides_the_secret() -> None:
    key = RecoveryKey(bytes(range(16)))
    assert key.groups[0] not in repr(key)
