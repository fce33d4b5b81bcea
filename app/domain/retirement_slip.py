"""A leaver's 退職所得の源泉徴収票・特別徴収票 (316, 令和8年分 form; FORMS.md §5): the amounts and
facts the clerk types, checked, and which box of the form each goes in.

One form, three copies: 税務署提出用 and 市区町村提出用 (特別徴収票) carry the recipient's 個人番号
and the payer's 法人番号; the 受給者交付用 carries neither. The number is not held here."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.my_number import looks_like_number
from app.domain.payment_slip import japanese_date_parts
from app.domain.withholding_slip import InvalidSlip, Payer
from app.domain.year_end import LEFT_ON, MAX_YEN, RETIREMENT, YearEndEntry

FORM = RETIREMENT
PURPOSE = "tax_withholding"
TAX_OFFICE = "tax_office"
MUNICIPAL = "municipal"
RECIPIENT = "recipient"
COPIES = (TAX_OFFICE, MUNICIPAL, RECIPIENT)
COPY_LABELS = {
    TAX_OFFICE: "税務署提出用",
    MUNICIPAL: "市区町村提出用（特別徴収票）",
    RECIPIENT: "受給者交付用",
}

# The 区分 rows by applicable provision (所得税法第201条第1項第1号 / 第1項第2号 / 第3項) and the
# amounts of each row: 支払金額, 源泉徴収税額, 特別徴収税額 (市町村民税, 道府県民税).
ROWS = ("general", "officer_short", "no_declaration")
ROW_LABELS = {
    "general": "一般（第201条第1項第1号）",
    "officer_short": "特定役員・短期（第201条第1項第2号）",
    "no_declaration": "申告書の提出なし（第201条第3項）",
}
COLUMNS = ("payment", "tax", "municipal_tax", "prefectural_tax")
COLUMN_LABELS = {
    "payment": "支払金額",
    "tax": "源泉徴収税額",
    "municipal_tax": "市町村民税",
    "prefectural_tax": "道府県民税",
}
DEDUCTION = "retirement_deduction"  # 退職所得控除額, yen (printed in 万円)
AMOUNTS = (*(f"{row}_{column}" for row in ROWS for column in COLUMNS), DEDUCTION)

# Facts (text) besides LEFT_ON (退職年月日, ISO).
HIRED_ON = "hired_on"  # 就職年月日, ISO
YEARS = "years_of_service"  # 勤続年数
ADDRESS = "address"
# 1月1日の住所 of the year of payment: that city levies the resident tax on the allowance
# (地方税法第50条の2・第328条) and receives the 特別徴収票.
ADDRESS_JAN1 = "address_jan1"
POSITION = "position"  # 役職名
SPECIAL_CODE = "special_code"  # 「番号」 (令和8年分): 1–7, blank for ordinary severance
REMARKS = "remarks"
TEXTS = (LEFT_ON, HIRED_ON, YEARS, ADDRESS, ADDRESS_JAN1, POSITION, SPECIAL_CODE, REMARKS)
# 「番号」 codes (FORMS.md §5, S31).
SPECIAL_CODES = {
    "1": "確定給付企業年金の一時金",
    "2": "企業型・個人型確定拠出年金の一時金",
    "3": "特定譲渡制限付株式等",
    "4": "ストックオプション",
    "5": "1と2の両方",
    "6": "1と3・4の組合せ",
    "7": "その他の組合せ",
}
TEXT_LIMIT = 60


@dataclass(frozen=True)
class RetirementSlip:
    person_id: int
    year: int
    amounts: Mapping[str, int]
    texts: Mapping[str, str]

    def __post_init__(self) -> None:
        for key, value in self.amounts.items():
            if key not in AMOUNTS:
                raise InvalidSlip("退職所得の源泉徴収票にない金額欄があります。")
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEN:
                raise InvalidSlip("金額は0以上、10桁までの整数（円）で入力してください。")
        if self.amounts.get(DEDUCTION, 0) % 10_000:
            raise InvalidSlip("退職所得控除額は万円単位の金額です。")
        for key, value in self.texts.items():
            if key not in TEXTS:
                raise InvalidSlip("退職所得の源泉徴収票にない記載欄があります。")
            if len(value) > TEXT_LIMIT:
                raise InvalidSlip(f"記載は{TEXT_LIMIT}文字以内にしてください。")
            # The 受給者交付用 prints these texts: never a run that could be a My Number.
            if looks_like_number(unicodedata.normalize("NFKC", value)):
                raise InvalidSlip("記載欄に個人番号のような数字列は入力できません。")
        code = self.texts.get(SPECIAL_CODE, "")
        if code and code not in SPECIAL_CODES:
            raise InvalidSlip("「番号」は1から7のいずれか（通常の退職手当は空欄）です。")
        years = self.texts.get(YEARS, "")
        if years and not (years.isascii() and years.isdigit() and 1 <= int(years) <= 99):
            raise InvalidSlip("勤続年数は1から99の年数で入力してください。")
        days = {}
        for key in (HIRED_ON, LEFT_ON):
            if self.texts.get(key):
                try:
                    days[key] = date.fromisoformat(self.texts[key])
                except ValueError:
                    raise InvalidSlip("就職年月日・退職年月日が正しくありません。") from None
        if HIRED_ON in days and LEFT_ON in days and days[HIRED_ON] > days[LEFT_ON]:
            raise InvalidSlip("就職年月日が退職年月日より後になっています。")

    def entry(self, source: str = "typed") -> YearEndEntry:
        return YearEndEntry(
            self.person_id,
            self.year,
            FORM,
            dict(self.amounts),
            {key: value for key, value in self.texts.items() if value},
            1,
            source,
        )

    @property
    def payment(self) -> int:
        return sum(self.amounts.get(f"{row}_payment", 0) for row in ROWS)

    @property
    def tax(self) -> int:
        return sum(self.amounts.get(f"{row}_tax", 0) for row in ROWS)


def from_entry(entry: YearEndEntry) -> RetirementSlip:
    return RetirementSlip(entry.person_id, entry.year, dict(entry.amounts), dict(entry.facts))


def years_of_service(hired_on: date, left_on: date) -> int:
    """勤続年数: whole years of service, a part of a year counted as one (所得税法施行令第69条)."""
    months = (left_on.year - hired_on.year) * 12 + left_on.month - hired_on.month
    if left_on.day >= hired_on.day:
        months += 1  # the month that was begun counts, as does a part of a year
    return max(1, -(-months // 12))


def standard_deduction(years: int, *, disabled: bool = False) -> int:
    """退職所得控除額 (所得税法第30条第3項・第4項): 40万円 a year up to 20 years, 70万円 a year
    beyond, at least 80万円; 100万円 more for a retirement caused by a disability."""
    amount = 400_000 * years if years <= 20 else 8_000_000 + 700_000 * (years - 20)
    return max(amount, 800_000) + (1_000_000 if disabled else 0)


def box_values(slip: RetirementSlip, name: str, payer: Payer) -> dict[str, str]:
    """Every value of the slip but the numbers, by box id: what any copy may show."""
    texts = slip.texts
    values = {
        "name": name,
        "address": texts.get(ADDRESS, ""),
        "address_jan1": texts.get(ADDRESS_JAN1, ""),
        "position": texts.get(POSITION, ""),
        "special_code": texts.get(SPECIAL_CODE, ""),
        "years_of_service": texts.get(YEARS, ""),
        "remarks": texts.get(REMARKS, ""),
        "payer_name": payer.name,
        "payer_address": payer.address,
        "payer_phone": payer.phone,
    }
    for key, amount in slip.amounts.items():
        values[key] = str(amount // 10_000 if key == DEDUCTION else amount)
    for key in (HIRED_ON, LEFT_ON):
        if texts.get(key):
            values[key] = japanese_date_parts(date.fromisoformat(texts[key]))
    return {key: value for key, value in values.items() if value}
