"""One 支払調書 slip of a payee's year: 報酬、料金、契約金及び賞金の支払調書 (309) or 不動産の使用料等の
支払調書 (313) (FORMS.md §3, §4), as the clerk types it and as the form's boxes take it.

A payee can have several slips a year, one per 区分 (原稿料 and 講演料, say): each is stored as
its own year-end entry (person, year, form, slip). The numbers are not held here: the payee's
個人番号 comes from the vault, a corporation's 法人番号 from the payee record, the broker's
法人番号 is typed (it is not a 特定個人情報)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain import corporate_number
from app.domain.my_number import looks_like_number
from app.domain.withholding_slip import InvalidSlip, Payer
from app.domain.year_end import FEES, MAX_YEN, PAYMENT_KIND, RENT, YearEndEntry

FORMS = (FEES, RENT)
PURPOSE = "payment_records"
TAX_OFFICE = "tax_office"
PAYEE = "payee"
COPIES = (TAX_OFFICE, PAYEE)
COPY_LABELS = {TAX_OFFICE: "税務署提出用", PAYEE: "支払を受ける者用（写し・番号なし）"}

# Amounts (whole yen) by form; "<box>_inner" is the 内書き (未払 / 未徴収) of that box.
AMOUNTS = {
    FEES: ("payment", "payment_inner", "tax", "tax_inner"),
    RENT: ("payment", "broker_fee"),
}
# Text facts by form, besides PAYMENT_KIND (区分).
DETAIL = "detail"  # 細目
REMARKS = "remarks"  # 摘要
PAYEE_ADDRESS = "payee_address"
PROPERTY = "property"  # 物件の所在地
BASIS = "basis"  # 計算の基礎
BROKER_NAME = "broker_name"
BROKER_ADDRESS = "broker_address"
BROKER_NUMBER = "broker_number"  # the broker's 法人番号
CONFIRMED_ON = "confirmed_on"  # 支払確定年月日, ISO date
TEXTS = {
    FEES: (PAYMENT_KIND, DETAIL, REMARKS, PAYEE_ADDRESS),
    RENT: (
        PAYMENT_KIND,
        DETAIL,
        REMARKS,
        PAYEE_ADDRESS,
        PROPERTY,
        BASIS,
        BROKER_NAME,
        BROKER_ADDRESS,
        BROKER_NUMBER,
        CONFIRMED_ON,
    ),
}
# The 区分 a clerk usually writes (FORMS.md §3, §4); any other text is allowed.
CATEGORIES = {
    FEES: (
        "原稿料",
        "講演料",
        "デザイン料",
        "税理士報酬",
        "弁護士報酬",
        "司法書士報酬",
        "社会保険労務士報酬",
    ),
    RENT: ("地代", "家賃", "権利金", "更新料", "駐車場代"),
}
TEXT_LIMIT = 60
_ERAS = (
    (date(2019, 5, 1), "令和", 2018),
    (date(1989, 1, 8), "平成", 1988),
    (date(1926, 12, 25), "昭和", 1925),
)


@dataclass(frozen=True)
class PaymentSlip:
    """One slip: what the clerk typed, checked. Amounts are whole yen, never negative."""

    person_id: int
    year: int
    form: str
    amounts: Mapping[str, int]
    texts: Mapping[str, str]
    slip: int = 1

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise InvalidSlip("支払調書の種類が正しくありません。")
        if self.slip < 1:
            raise InvalidSlip("支払調書の番号が正しくありません。")
        for key, value in self.amounts.items():
            if key not in AMOUNTS[self.form]:
                raise InvalidSlip("この支払調書にない金額欄があります。")
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEN:
                raise InvalidSlip("金額は0以上、10桁までの整数（円）で入力してください。")
        for box in ("payment", "tax"):
            if self.amounts.get(f"{box}_inner", 0) > self.amounts.get(box, 0):
                raise InvalidSlip("内書き（未払・未徴収）は本体の金額以下にしてください。")
        for key, value in self.texts.items():
            if key not in TEXTS[self.form]:
                raise InvalidSlip("この支払調書にない記載欄があります。")
            if len(value) > TEXT_LIMIT:
                raise InvalidSlip(f"記載は{TEXT_LIMIT}文字以内にしてください。")
            # The payee's 写し prints these texts: never a run that could be a My Number.
            if key != BROKER_NUMBER and looks_like_number(unicodedata.normalize("NFKC", value)):
                raise InvalidSlip("記載欄に個人番号のような数字列は入力できません。")
        if not self.texts.get(PAYMENT_KIND, "").strip():
            raise InvalidSlip("区分を入力してください。")
        if self.texts.get(BROKER_NUMBER):
            try:
                corporate_number.parse(self.texts[BROKER_NUMBER])
            except corporate_number.InvalidCorporateNumber as exc:
                raise InvalidSlip(f"あっせんをした者の{exc}") from None
        if self.texts.get(CONFIRMED_ON):
            try:
                date.fromisoformat(self.texts[CONFIRMED_ON])
            except ValueError:
                raise InvalidSlip("支払確定年月日が正しくありません。") from None

    def entry(self, source: str = "typed") -> YearEndEntry:
        """The slip as stored (app.services.year_end)."""
        return YearEndEntry(
            self.person_id,
            self.year,
            self.form,
            dict(self.amounts),
            {key: value for key, value in self.texts.items() if value},
            self.slip,
            source,
        )


def from_entry(entry: YearEndEntry) -> PaymentSlip:
    return PaymentSlip(
        entry.person_id, entry.year, entry.form, dict(entry.amounts), dict(entry.facts), entry.slip
    )


def japanese_date_parts(day: date) -> str:
    """元号年/月/日 as the date boxes take it: 2026-04-01 -> 令和8/4/1."""
    for start, era, offset in _ERAS:
        if day >= start:
            return f"{era}{day.year - offset}/{day.month}/{day.day}"
    raise InvalidSlip("昭和より前の日付は記載できません。")


def box_values(slip: PaymentSlip, payee_name: str, payer: Payer) -> dict[str, str]:
    """Every value of the slip but the numbers, by box id: what any copy may show."""
    texts = slip.texts
    values = {
        "payee_name": payee_name,
        "payee_address": texts.get(PAYEE_ADDRESS, ""),
        "category": texts.get(PAYMENT_KIND, ""),
        "detail": texts.get(DETAIL, ""),
        "remarks": texts.get(REMARKS, ""),
        "payer_name": payer.name,
        "payer_address": payer.address,
        "payer_phone": payer.phone,
    }
    values.update({key: str(amount) for key, amount in slip.amounts.items()})
    if slip.form == RENT:
        values.update(
            property=texts.get(PROPERTY, ""),
            basis=texts.get(BASIS, ""),
            broker_name=texts.get(BROKER_NAME, ""),
            broker_address=texts.get(BROKER_ADDRESS, ""),
        )
        if texts.get(CONFIRMED_ON):
            values["confirmed_on"] = japanese_date_parts(date.fromisoformat(texts[CONFIRMED_ON]))
    return {key: value for key, value in values.items() if value}


def payee_number_cells(corporate: str | None) -> str | None:
    """A corporation's 法人番号 as its 13 digits (checked), or None for an individual payee,
    whose 個人番号 the service opens from the vault."""
    if not corporate:
        return None
    try:
        return corporate_number.parse(corporate).digits
    except corporate_number.InvalidCorporateNumber as exc:
        raise InvalidSlip(f"支払を受ける者の{exc}") from None
