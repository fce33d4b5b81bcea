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
# Ten digits: the widest amount box of any form (FORMS.md §6).
MAX_YEN = 9_999_999_999


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


# What each stored field is called, for the access log and error messages. A form module adds
# its own amounts here; an unknown key is shown as it is.
FIELD_LABELS = {
    OFFICER: "役員",
    PROFESSIONAL: "弁護士・税理士等",
    NO_ADJUSTMENT: "年末調整をしなかった理由",
    LEFT_ON: "退職日",
    PAYMENT_KIND: "区分",
    "payment": "支払金額",
    "income_after_deduction": "給与所得控除後の金額",
    "deductions_total": "所得控除の額の合計額",
    "tax": "源泉徴収税額",
    "spouse_deduction": "配偶者（特別）控除の額",
    "specified_relative_deduction": "特定親族特別控除の額",
    "social_insurance": "社会保険料等の金額",
    "life_insurance": "生命保険料の控除額",
    "earthquake_insurance": "地震保険料の控除額",
    "housing_loan": "住宅借入金等特別控除の額",
    "basic_deduction": "基礎控除の額",
    "income_adjustment": "所得金額調整控除額",
    "spouse_income": "配偶者の合計所得",
    "national_pension": "国民年金保険料等の金額",
    "life_new": "新生命保険料の金額",
    "life_old": "旧生命保険料の金額",
    "care_medical": "介護医療保険料の金額",
    "pension_new": "新個人年金保険料の金額",
    "pension_old": "旧個人年金保険料の金額",
    "old_long_term": "旧長期損害保険料の金額",
    # 支払調書 (報酬・不動産)
    "payment_inner": "支払金額のうち未払",
    "tax_inner": "源泉徴収税額のうち未徴収",
    "broker_fee": "あっせん手数料",
    "detail": "細目",
    "remarks": "摘要",
    "payee_address": "支払を受ける者の住所",
    "property": "物件の所在地",
    "basis": "計算の基礎",
    "broker_name": "あっせんをした者の氏名又は名称",
    "broker_address": "あっせんをした者の住所",
    "broker_number": "あっせんをした者の法人番号",
    "confirmed_on": "支払確定年月日",
    # 退職所得の源泉徴収票
    "general_payment": "支払金額（一般）",
    "general_tax": "源泉徴収税額（一般）",
    "general_municipal_tax": "市町村民税（一般）",
    "general_prefectural_tax": "道府県民税（一般）",
    "officer_short_payment": "支払金額（特定役員・短期）",
    "officer_short_tax": "源泉徴収税額（特定役員・短期）",
    "officer_short_municipal_tax": "市町村民税（特定役員・短期）",
    "officer_short_prefectural_tax": "道府県民税（特定役員・短期）",
    "no_declaration_payment": "支払金額（申告書の提出なし）",
    "no_declaration_tax": "源泉徴収税額（申告書の提出なし）",
    "no_declaration_municipal_tax": "市町村民税（申告書の提出なし）",
    "no_declaration_prefectural_tax": "道府県民税（申告書の提出なし）",
    "retirement_deduction": "退職所得控除額",
    "years_of_service": "勤続年数",
    "hired_on": "就職年月日",
    "address": "住所",
    "address_jan1": "1月1日の住所",
    "position": "役職名",
    "special_code": "番号（退職手当等の種類）",
}
