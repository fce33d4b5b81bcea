"""The statutory forms (法定調書) a year's content is kept for, and the facts about a person's
year that decide which copies must be submitted (FORMS.md §2.2, §3–§5).

Content is kept per person, year, form and slip (storage.year_end_repo): amounts in whole yen
by the form's box id, facts as text. Never a number: the forms take numbers from the vault."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Form codes, as in resources/forms/<form>/ and the outputs register.
SALARY = "gensen_choshu"  # 給与所得の源泉徴収票 / 給与支払報告書 (375 / 315)
RETIREMENT = "taishoku"  # 退職所得の源泉徴収票・特別徴収票 (316)
FEES = "hoshu"  # 報酬、料金、契約金及び賞金の支払調書 (309)
RENT = "fudosan"  # 不動産の使用料等の支払調書 (313)
SUMMARY = "gokeihyo"  # 給与所得の源泉徴収票等の法定調書合計表
FORMS = {
    SALARY: "給与所得の源泉徴収票",
    RETIREMENT: "退職所得の源泉徴収票・特別徴収票",
    FEES: "報酬、料金、契約金及び賞金の支払調書",
    RENT: "不動産の使用料等の支払調書",
    SUMMARY: "給与所得の源泉徴収票等の法定調書合計表",
}

# Facts of a person's year (keys of YearEndEntry.facts). A flag is "1" when set.
OFFICER = "officer"  # 法人の役員 (相談役・顧問を含む) at any time of the year
PROFESSIONAL = "professional"  # 弁護士・司法書士・税理士等 paid as salary
NO_ADJUSTMENT = "no_adjustment"  # 年末調整をしなかった reason: see NO_ADJUSTMENT_REASONS
NO_ADJUSTMENT_REASONS = {
    "left": "年の中途で退職",
    "disaster": "災害により源泉徴収の猶予",
    "over_20m": "主たる給与が2,000万円超",
    "otsu": "扶養控除等申告書の提出なし（乙欄・丙欄）",
}
LEFT_ON = "left_on"  # ISO date the employee left during the year
PAYMENT_KIND = "payment_kind"  # 支払調書の区分 (原稿料, 講演料, 税理士報酬, 地代, 家賃 ...)
FACT_KEYS = (OFFICER, PROFESSIONAL, NO_ADJUSTMENT, LEFT_ON, PAYMENT_KIND)


@dataclass(frozen=True)
class YearEndEntry:
    """One slip's stored content: amounts by box id (whole yen, never negative) and facts."""

    person_id: int
    year: int
    form: str
    amounts: Mapping[str, int]
    facts: Mapping[str, str] = field(default_factory=dict)
    slip: int = 1
    source: str = "typed"

    def flag(self, key: str) -> bool:
        return self.facts.get(key, "") == "1"
