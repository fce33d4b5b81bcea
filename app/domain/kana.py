"""Folding フリガナ for search: hiragana, katakana and half-width katakana all match."""

from __future__ import annotations

import unicodedata

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}


def search_key(text: str) -> str:
    """NFKC (half-width katakana becomes full-width), hiragana to katakana, no spaces, ASCII
    upper case: ﾀﾅｶ, たなか and タナカ give the same key."""
    folded = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def is_kana(text: str) -> bool:
    """Whether a フリガナ field holds only kana (either script), the long mark and spaces."""
    key = search_key(text)
    return bool(key) and all("\u30a0" <= ch <= "\u30ff" for ch in key)
