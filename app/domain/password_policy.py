"""The password rules of SPEC §1, each with the reason a user is shown."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

MIN_LENGTH = 12
MAX_LENGTH = 256


@dataclass(frozen=True)
class PasswordRule:
    code: str
    text: str
    reason: str


RULES = {
    rule.code: rule
    for rule in (
        PasswordRule(
            "length",
            f"{MIN_LENGTH}文字以上",
            "短いパスワードは総当たりで短時間に破られます。長さが最も効果的な対策です。",
        ),
        PasswordRule(
            "too_long", f"{MAX_LENGTH}文字以下", "入力ミスや貼り付けの誤りを防ぐための上限です。"
        ),
        PasswordRule(
            "not_login",
            "ユーザー名・氏名を含まない",
            "ユーザー名や氏名は他人にも知られているため、真っ先に試されます。",
        ),
        PasswordRule(
            "not_common",
            "よく使われるパスワードや推測しやすい並びでない",
            "流出したパスワードの一覧や単純な並び（1234…、aaaa…、キーボード配列）は最初に試されます。",
        ),
    )
}


def normalize(password: str) -> str:
    """NFKC, so a full-width password typed with the IME on is the same password."""
    return unicodedata.normalize("NFKC", password)


def violations(
    password: str,
    *,
    login: str,
    display_name: str,
    is_guessable: Callable[[str], bool],
) -> list[PasswordRule]:
    """The rules this password breaks, in display order; empty when it is acceptable.

    `is_guessable` is the common-password and pattern check, injected so that this module stays
    free of third-party code.
    """
    text = normalize(password)
    broken = []
    if len(text) < MIN_LENGTH:
        broken.append(RULES["length"])
    if len(text) > MAX_LENGTH:
        broken.append(RULES["too_long"])
    folded = text.casefold()
    names = [login, display_name, *display_name.split()]
    if any(len(n.strip()) >= 3 and normalize(n).casefold().strip() in folded for n in names):
        broken.append(RULES["not_login"])
    if _is_monotonous(text) or is_guessable(text):
        broken.append(RULES["not_common"])
    return broken


def _is_monotonous(text: str) -> bool:
    """Few distinct characters, or a run that steps by a constant (abcd…, 9876…)."""
    if len(set(text)) <= 3:
        return True
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return len(steps) == 1 and abs(next(iter(steps))) <= 1
