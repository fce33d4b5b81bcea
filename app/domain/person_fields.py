"""The fields of a person that a clerk may change, their Japanese labels, and the list of
changes a correction record keeps (規程第47条: who, when, why, what; never a number)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain import kana
from app.domain.my_number import looks_like_number
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


# The rules for the fields a clerk types or imports, in one place for registration, correction
# and import. Each returns the cleaned value or raises ValueError with the Japanese reason.
# None of these fields is encrypted, so a value that could be a My Number (a column mapped to
# the wrong field, a number typed in the wrong box) is refused rather than stored in plain.

_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,19}$")


def clean(text: object) -> str:
    return unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()


def _not_a_number(value: str, label: str) -> str:
    if looks_like_number(value):
        raise ValueError(
            f"{label}に個人番号のような数字列は入力できません（入力する欄や列の対応を確認してください）。"
        )
    return value


def check_name(text: object) -> str:
    name = clean(text)
    if any(ch.isdigit() for ch in name):
        raise ValueError("氏名に数字は使えません（個人番号を入れる欄や列を間違えていませんか）。")
    if not 1 <= len(name) <= 60:
        raise ValueError("氏名は1～60文字で入力してください。")
    return name


def check_kana(text: object) -> str:
    value = clean(text)
    if not kana.is_kana(value):
        raise ValueError("フリガナはカタカナ（またはひらがな）で入力してください。")
    return value


def check_code(text: object) -> str:
    value = _not_a_number(clean(text), "従業員コード")
    if not _CODE.match(value):
        raise ValueError("従業員コードは半角英数字20文字以内で入力してください。")
    return value


def check_department(text: object) -> str | None:
    value = _not_a_number(clean(text), "部署")
    if len(value) > 40:
        raise ValueError("部署名は40文字以内で入力してください。")
    return value or None


def check_relation(text: object) -> str:
    value = _not_a_number(clean(text), "続柄")
    if not 1 <= len(value) <= 20:
        raise ValueError("続柄を入力してください（例：配偶者、子）。")
    return value


def check_reason(text: object, what: str = "変更の理由") -> str:
    reason = clean(text)
    if not reason:
        raise ValueError(f"{what}を入力してください（例：入力誤りの訂正、婚姻による氏名変更）。")
    if len(reason) > 200:
        raise ValueError(f"{what}は200文字以内で入力してください。")
    return _not_a_number(reason, what)


PERIODS = (
    ("hire_date", "leave_date"),
    ("valid_from", "valid_to"),
    ("contract_from", "contract_to"),
)


def check_period(fields: dict[str, Value], kind: PersonKind) -> None:
    """Ends not before starts, and an employee is 退職 exactly when a 退職日 is set."""
    for start, end in PERIODS:
        first, last = _iso(fields.get(start)), _iso(fields.get(end))
        if first and last and last < first:
            raise ValueError(f"{LABELS[end]}が{LABELS[start]}より前になっています。")
    if kind == PersonKind.EMPLOYEE and "status" in fields:
        if fields.get("status") == "left" and not fields.get("leave_date"):
            raise ValueError("退職とする場合は退職日を入力してください。")
        if fields.get("status") != "left" and fields.get("leave_date"):
            raise ValueError(
                "退職日が入っています。在職・休職に戻す場合は退職日を空欄にしてください。"
            )


def retired_on(kind: PersonKind, fields: dict[str, Value]) -> str | None:
    """The end of the ongoing need (退職日, 扶養終了日, 契約終了日) that retention counts from;
    an employee only once 退職. The same rule at registration, correction and import."""
    if kind == PersonKind.EMPLOYEE and fields.get("status", "active") != "left":
        return None
    return _iso(fields.get(END_FIELD[kind]))


def _iso(value: Value) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else None
