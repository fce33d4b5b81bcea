"""The My Number (個人番号) as a value: normalised input, check digit, and a text form that is
always masked, so a number cannot slip into a log, an exception or a repr by accident."""

from __future__ import annotations

import re
import unicodedata
from typing import NoReturn

LENGTH = 12
MASK = "●●●● ●●●● ●●●●"
# What people type between groups: spaces (also full-width), hyphens and their look-alikes.
_SEPARATORS = frozenset(" \t\u3000-‐‑‒–—―－ー−")
# Weights for the 11 digits read left to right (番号法施行令第8条, 総務省令第85号第5条).
_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


class InvalidMyNumber(ValueError):
    """Input that is not a valid My Number; the message says why in Japanese, never echoing
    the digits."""


def check_digit(base11: str) -> int:
    if len(base11) != LENGTH - 1 or not base11.isascii() or not base11.isdigit():
        raise ValueError("check_digit needs 11 ASCII digits")
    remainder = sum(int(d) * w for d, w in zip(base11, _WEIGHTS, strict=True)) % 11
    return 0 if remainder <= 1 else 11 - remainder


def normalize(text: str) -> str:
    """NFKC (full-width digits become ASCII), then spaces and hyphens removed."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in _SEPARATORS)


def problem(text: str) -> str | None:
    """What is wrong with the typed text, in Japanese, or None when it is a valid number."""
    return _problem_of(normalize(text))


def _problem_of(digits: str) -> str | None:
    if not digits:
        return "個人番号を入力してください。"
    if not (digits.isascii() and digits.isdigit()):
        return "個人番号は数字12桁で入力してください（数字以外の文字が含まれています）。"
    if len(digits) != LENGTH:
        return f"個人番号は12桁です（入力は{len(digits)}桁です）。"
    if check_digit(digits[:11]) != int(digits[11]):
        return "個人番号の検査用数字（最後の1桁）が合いません。入力の誤りがないか、書類と照らし合わせてください。"
    return None


class MyNumber:
    """A validated number. `str()`, `repr()` and formatting give the mask; only `digits()` —
    called by the reveal, print and encryption paths — returns the number itself."""

    __slots__ = ("_digits",)

    def __init__(self, text: str) -> None:
        digits = normalize(text)
        reason = _problem_of(digits)
        if reason is not None:
            raise InvalidMyNumber(reason)
        self._digits = digits

    def digits(self) -> str:
        return self._digits

    def grouped(self) -> str:
        """4-4-4 for display in the reveal path only."""
        d = self._digits
        return f"{d[:4]} {d[4:8]} {d[8:]}"

    def __str__(self) -> str:
        return MASK

    def __repr__(self) -> str:
        return f"MyNumber({MASK})"

    def __format__(self, spec: str) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MyNumber) and other._digits == self._digits

    def __hash__(self) -> int:
        return hash(("MyNumber", self._digits))

    def __reduce__(self) -> NoReturn:
        # Pickling would write the digits wherever the pickle goes (a temp file, a queue).
        raise TypeError("a My Number is never pickled")


def parse(text: str) -> MyNumber:
    return MyNumber(text)


_DIGITS_IN = re.compile(r"[0-9０-９]")
_DIGIT = "[0-9０-９]"
_SEP = "[ \t\u00a0\u3000\\-‐‑‒–—―－ー−.]"
# Twelve or more digits, separators allowed between them, not glued to further digits: a My
# Number typed any way (full-width, grouped 4-4-4 with up to three spaces, tabs or dashes
# between groups, as in 「1234 - 5678 - 9012」) and longer runs that contain one.
NUMBER_LIKE = re.compile(f"(?<!{_DIGIT}){_DIGIT}(?:{_SEP}{{0,3}}{_DIGIT}){{11,}}(?!{_DIGIT})")


def looks_like_number(text: str) -> bool:
    """Whether the text holds a digit run that could be a My Number (dates and short codes
    do not): such text is refused in fields that are stored in plain."""
    return NUMBER_LIKE.search(text) is not None


# For free texts that are kept (notes, reasons): also slashes, commas, brackets, underscores
# and middle dots between the groups (「1234/5678/9012」「(1234)5678,9012」). Words (年, 月, 日, と)
# end a run, so a note with its dates and amounts is kept.
_LOOSE_SEP = "[ \t\u00a0\u3000\\-‐‑‒–—―－ー−.．/／_,，()（）・･]"
LOOSE_NUMBER_LIKE = re.compile(
    f"(?<!{_DIGIT}){_DIGIT}(?:{_LOOSE_SEP}{{0,3}}{_DIGIT}){{11,}}(?!{_DIGIT})"
)


def looks_like_number_loosely(text: str) -> bool:
    """`looks_like_number`, with the wider separators a number typed into a note may carry."""
    return LOOSE_NUMBER_LIKE.search(text) is not None


def echo(text: str, limit: int = 20) -> str:
    """User input quoted back in a message, unless it could hold a My Number: then a neutral
    placeholder, so a number typed into the wrong field is never shown or logged again."""
    if len(_DIGITS_IN.findall(text)) >= LENGTH:
        return "（番号のような数字列）"
    return text[:limit]
