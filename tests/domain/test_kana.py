"""フリガナ is kept in full-width katakana whatever script it was typed in, and searches fold
every script to the same key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import kana


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("やまだ たろう", "ヤマダ タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"),
        ("ヤマダ　タロウ", "ヤマダ　タロウ"),  # the full-width space stays as typed
        ("ｶﾞｯｺｳ", "ガッコウ"),
        ("ﾊﾟｰﾙ", "パール"),
        ("ゔぁいおりん", "ヴァイオリン"),
        ("いすゞ", "イスヾ"),
        ("スズキ", "スズキ"),
        ("すずキ ﾊﾅｺ", "スズキ ハナコ"),
    ],
)
def test_every_kana_script_is_kept_as_full_width_katakana(typed: str, kept: str) -> None:
    assert kana.to_katakana(typed) == kept


_KANA = st.text(
    st.sampled_from(
        [chr(c) for c in range(0x3041, 0x3097)]
        + [chr(c) for c in range(0x30A1, 0x30F7)]
        + [chr(c) for c in range(0xFF66, 0xFF9E)]
        + ["ｰ", "ー", " ", "　"]
    ),
    min_size=1,
    max_size=20,
)


@given(_KANA)
def test_katakana_is_stable_and_searches_the_same(text: str) -> None:
    kept = kana.to_katakana(text)
    assert kana.to_katakana(kept) == kept
    assert kana.search_key(kept) == kana.search_key(text)
    assert not any("\u3041" <= ch <= "\u309f" or "\uff61" <= ch <= "\uff9f" for ch in kept)
    assert kana.is_kana(kept) == kana.is_kana(text)
