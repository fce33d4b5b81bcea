"""The fields of a person that a clerk may change, their Japanese labels, and the list of
changes a correction record keeps (規程第47条: who, when, why, what; never a number)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.purposes import PersonKind

# Correction records are kept at least one year (規程第47条); the retention issue deletes them
# no earlier than this.
CORRECTION_KEEP_DAYS = 366

EMPLOYEE_STATUS = {"active": "在職", "on_leave": "休職", "left": "退職"}
PAYMENT_KINDS = {
    "fees": "報酬・料金",
    "rent": "不動産の使用料等",
    "property": "不動産等の譲受けの対価",
    "dividends": "配当",
}

LABELS = {
    "name": "氏名",
    "kana": "フリガナ",
    "birth_date": "生年月日",
    "code": "従業員コード",
    "department": "部署",
    "hire_date": "入社日",
    "leave_date": "退職日",
    "status": "在職状況",
    "relation": "続柄",
    "pension_category3": "国民年金第3号被保険者",
    "valid_from": "扶養開始日",
    "valid_to": "扶養終了日",
    "payment_kind": "支払の種類",
    "continuing": "契約の形態",
    "contract_from": "契約開始日",
    "contract_to": "契約終了日",
    "corporate_number": "法人番号",
    "retired_at": "終了日",
    "my_number": "個人番号",
}

EDITABLE: dict[PersonKind, tuple[str, ...]] = {
    PersonKind.EMPLOYEE: (
        "name",
        "kana",
        "birth_date",
        "code",
        "department",
        "hire_date",
        "leave_date",
        "status",
    ),
    PersonKind.DEPENDENT: (
        "name",
        "kana",
        "birth_date",
        "relation",
        "pension_category3",
        "valid_from",
        "valid_to",
    ),
    PersonKind.PAYEE: (
        "name",
        "kana",
        "payment_kind",
        "continuing",
        "contract_from",
        "contract_to",
        "corporate_number",
    ),
}

# What "retire" means for each kind: the end of the ongoing need the retention rules start from.
END_FIELD = {
    PersonKind.EMPLOYEE: "leave_date",
    PersonKind.DEPENDENT: "valid_to",
    PersonKind.PAYEE: "contract_to",
}
END_LABEL = {
    PersonKind.EMPLOYEE: "退職",
    PersonKind.DEPENDENT: "扶養終了",
    PersonKind.PAYEE: "契約終了",
}

Value = str | bool | date | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return LABELS.get(self.field, self.field)


def display(field: str, value: Value) -> str:
    """A value as the correction record and the screen show it."""
    if value is None or value == "":
        return "（なし）"
    if field == "status":
        return EMPLOYEE_STATUS.get(str(value), str(value))
    if field == "payment_kind":
        return PAYMENT_KINDS.get(str(value), str(value))
    if field == "continuing":
        return "継続的な契約" if value else "単発"
    if field == "pension_category3":
        return "該当" if value else "非該当"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def changes(
    kind: PersonKind, before: dict[str, Value], after: dict[str, Value]
) -> list[FieldChange]:
    """The fields of `kind` whose value differs, in the order of EDITABLE."""
    return [
        FieldChange(field, display(field, before.get(field)), display(field, after.get(field)))
        for field in EDITABLE[kind]
        if field in after and _same(before.get(field)) != _same(after.get(field))
    ]


def _same(value: Value) -> Value:
    if isinstance(value, date):
        return value.isoformat()
    return None if value == "" else value


def correction_keep_until(changed_on: date) -> date:
    return changed_on + timedelta(days=CORRECTION_KEEP_DAYS)
