"""The corporate number (法人番号, 13 digits, check digit first): public, not 特定個人情報."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.my_number import normalize

LENGTH = 13


class InvalidCorporateNumber(ValueError):
    """Not a valid corporate number; the message says why in Japanese."""


def check_digit(base12: str) -> int:
    """法人番号の指定等に関する省令 第2条: 9 - (Σ Pn·Qn mod 9), Qn = 1 for odd n from the right."""
    if len(base12) != LENGTH - 1 or not base12.isascii() or not base12.isdigit():
        raise ValueError("check_digit needs 12 ASCII digits")
    total = sum(int(base12[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return 9 - total % 9


@dataclass(frozen=True)
class CorporateNumber:
    digits: str

    def __post_init__(self) -> None:
        d = self.digits
        if not (len(d) == LENGTH and d.isascii() and d.isdigit()):
            raise InvalidCorporateNumber("法人番号は数字13桁で入力してください。")
        if check_digit(d[1:]) != int(d[0]):
            raise InvalidCorporateNumber(
                "法人番号の検査用数字（先頭の1桁）が合いません。入力の誤りがないか確認してください。"
            )


def parse(text: str) -> CorporateNumber:
    return CorporateNumber(normalize(text))
