"""Scopes of a clerk (規程第7条2): the 事務 (purposes) and the groups of people assigned.

The purpose catalog here is the short list needed for staff scopes; the people issue replaces it
with the full catalog of DOMAIN.md §3.1 (legal basis, retention rule).
"""

from __future__ import annotations

PURPOSES: dict[str, str] = {
    "tax_withholding": "源泉徴収事務（扶養控除等申告書・源泉徴収票・給与支払報告書）",
    "payment_records": "支払調書作成事務（報酬・料金、不動産の使用料等）",
    "employment_insurance": "雇用保険届出事務",
    "health_pension": "健康保険・厚生年金保険届出事務",
    "national_pension_3": "国民年金第3号被保険者届出事務",
}

PERSON_KIND_GROUPS: dict[str, str] = {
    "kind:employee": "従業員",
    "kind:dependent": "扶養親族",
    "kind:payee": "支払先（個人）",
}

DEPARTMENT_PREFIX = "dept:"


def parse_scope(text: str) -> tuple[str, str]:
    """`purpose:CODE`, `kind:employee|dependent|payee` or `dept:部署名` → (kind, value)."""
    value = text.strip()
    if value.startswith("purpose:"):
        code = value.removeprefix("purpose:")
        if code not in PURPOSES:
            raise ValueError(f"事務「{code}」はありません。使えるもの：{'、'.join(PURPOSES)}")
        return ("purpose", code)
    if value in PERSON_KIND_GROUPS:
        return ("group", value)
    if value.startswith(DEPARTMENT_PREFIX) and len(value) > len(DEPARTMENT_PREFIX):
        return ("group", value)
    raise ValueError(
        f"範囲「{value}」を解釈できません。purpose:事務コード、kind:employee など、dept:部署名 の形で指定してください。"
    )


def label(kind: str, value: str) -> str:
    if kind == "purpose":
        return PURPOSES.get(value, value)
    if value.startswith(DEPARTMENT_PREFIX):
        return "部署：" + value.removeprefix(DEPARTMENT_PREFIX)
    return PERSON_KIND_GROUPS.get(value, value)
