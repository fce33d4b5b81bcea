"""フリガナ: stored in full-width katakana whatever was typed, and folded for search
(hiragana, katakana and half-width katakana all match)."""

from __future__ import annotations

import re
import unicodedata

# ぁ..ゖ to ァ..ヶ, and the hiragana iteration marks ゝゞ to ヽヾ.
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in (*range(0x3041, 0x3097), 0x309D, 0x309E)}
# Half-width katakana with their sound marks (ｶﾞ is two characters, ガ one).
_HALF_WIDTH_KATAKANA = re.compile("[\uff61-\uff9f]+")


def to_katakana(text: str) -> str:
    """The フリガナ as it is kept: hiragana and half-width katakana become full-width
    katakana (ｶﾞ and が both become ガ); everything else, spaces included, stays as typed."""
    full = _HALF_WIDTH_KATAKANA.sub(lambda run: unicodedata.normalize("NFKC", run[0]), text)
    return full.translate(_HIRAGANA_TO_KATAKANA)


def as_typed(text: str) -> str:
    """A free text as it is kept and printed: trimmed, half-width katakana made full-width,
    and everything else as typed. NFKC would also turn full-width brackets, punctuation and
    spaces into ASCII ones (「（」 into 「(」): that is for matching, not for what is printed."""
    return _HALF_WIDTH_KATAKANA.sub(lambda run: unicodedata.normalize("NFKC", run[0]), text).strip()


def search_key(text: str) -> str:
    """NFKC (half-width katakana becomes full-width), hiragana to katakana, no spaces, ASCII
    upper case: ﾀﾅｶ, たなか and タナカ give the same key."""
    folded = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def is_kana(text: str) -> bool:
    """Whether a フリガナ field holds only kana (either script), the long mark and spaces."""
    key = search_key(text)
    return bool(key) and all("\u30a0" <= ch <= "\u30ff" for ch in key)
