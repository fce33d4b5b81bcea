"""Changing a person's record: every change keeps a correction record (規程第47条) with who,
when, why and what, in the same transaction as the change and its audit event."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain import kana, my_number
from app.domain.person_fields import (
    EDITABLE,
    EMPLOYEE_STATUS,
    END_FIELD,
    FieldChange,
    Value,
    changes,
    correction_keep_until,
)
from app.domain.purposes import PersonKind
from app.services import audit, numbers, people
from app.services.guard import storage_errors
from app.session import Session
from storage import corrections_repo, number_cipher, number_repo, people_repo
from storage.corrections_repo import CorrectionRecord
from storage.people_repo import PersonDetails
from storage.vault import Writer

_DATES = {
    "birth_date": "生年月日",
    "hire_date": "入社日",
    "leave_date": "退職日",
    "valid_from": "扶養開始日",
    "valid_to": "扶養終了日",
    "contract_from": "契約開始日",
    "contract_to": "契約終了日",
}
_PERIODS = (
    ("hire_date", "leave_date"),
    ("valid_from", "valid_to"),
    ("contract_from", "contract_to"),
)


@dataclass(frozen=True)
class EditResult:
    details: PersonDetails
    changed: list[str]  # the labels of the changed fields; empty when nothing changed


def valid_reason(text: str) -> str:
    reason = unicodedata.normalize("NFKC", text).strip()
    if not reason:
        raise errors.InvalidInput(
            "変更の理由を入力してください（例：入力誤りの訂正、婚姻による氏名変更）。"
        )
    if len(reason) > 200:
        raise errors.InvalidInput("変更の理由は200文字以内で入力してください。")
    if my_number.echo(reason, 200) != reason:
        raise errors.InvalidInput("変更の理由に個人番号のような数字列は書けません。")
    return reason


def _current(details: PersonDetails) -> dict[str, Value]:
    kind = PersonKind(details.kind)
    return {field: getattr(details, field) for field in EDITABLE[kind]}


def _validated(details: PersonDetails, values: dict[str, Value]) -> dict[str, object]:
    """Column values for the fields given, checked with the rules of registration."""
    kind = PersonKind(details.kind)
    unknown = set(values) - set(EDITABLE[kind])
    if unknown:
        raise errors.InvalidInput("この対象者には変更できない項目が含まれています。")
    out: dict[str, object] = {}
    for field, value in values.items():
        if field == "name":
            out["name"] = people.valid_name(str(value or ""))
        elif field == "kana":
            out["kana"] = people.valid_kana(str(value or ""))
            out["kana_key"] = kana.search_key(str(out["kana"]))
        elif field in _DATES:
            if value is not None and not isinstance(value, date):
                raise errors.InvalidInput(f"{_DATES[field]}の日付が正しくありません。")
            out[field] = people.valid_date(value, _DATES[field])
        elif field == "code":
            out["code"] = people.valid_code(str(value or ""))
        elif field == "department":
            out["department"] = people.valid_department(str(value) if value else None)
        elif field == "status":
            if value not in EMPLOYEE_STATUS:
                raise errors.InvalidInput("在職状況は在職・休職・退職から選んでください。")
            out["status"] = value
        elif field == "relation":
            out["relation"] = people.valid_relation(str(value or ""))
        elif field == "payment_kind":
            out["payment_kind"] = people.valid_payment_kind(str(value or ""))
        elif field == "corporate_number":
            out["corporate_number"] = people.valid_corporate_number(str(value or ""))
        else:  # pension_category3, continuing
            out[field] = int(bool(value))
    merged = {**_current(details), **out}
    for start, end in _PERIODS:
        if start in EDITABLE[kind]:
            people.valid_period(
                _text(merged.get(start)), _text(merged.get(end)), _DATES[start], _DATES[end]
            )
    if kind == PersonKind.EMPLOYEE and merged.get("status") == "left" and not merged["leave_date"]:
        raise errors.InvalidInput("退職とする場合は退職日を入力してください。")
    return out


def _text(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


def _retired_at(kind: PersonKind, merged: dict[str, object]) -> str | None:
    """The end of the ongoing need: the retention rules count from it."""
    if kind == PersonKind.EMPLOYEE and merged.get("status") != "left":
        return None
    return _text(merged.get(END_FIELD[kind]))


def edit_person(
    session: Session, person_id: int, values: dict[str, Value], reason: str
) -> EditResult:
    """Change the given fields; nothing changed writes nothing."""
    return _change(session, person_id, values, reason, action="person.updated")


def retire(session: Session, person_id: int, on: date, reason: str) -> EditResult:
    """退職 (employee), 扶養から外れる (dependent), 契約終了 (payee) on the given day."""
    person = numbers.person_for(session, person_id)
    kind = PersonKind(person.kind)
    values: dict[str, Value] = {END_FIELD[kind]: on}
    if kind == PersonKind.EMPLOYEE:
        values["status"] = "left"
    return _change(session, person_id, values, reason, action="person.retired")


def _change(
    session: Session, person_id: int, values: dict[str, Value], reason: str, *, action: str
) -> EditResult:
    person = numbers.person_for(session, person_id)
    kind = PersonKind(person.kind)
    reason_text = valid_reason(reason)
    with storage_errors():
        details = people_repo.details(session.vault.conn, person_id)
    assert details is not None
    columns = _validated(details, values)
    if "department" in columns and columns["department"] != details.department:
        # Moving someone into a department outside one's own groups is refused like
        # registering them there.
        people.check_scope(session, kind.value, columns["department"], f"person:{person_id}")
    shown = {k: v for k, v in columns.items() if k != "kana_key"}
    found = changes(kind, _current(details), {k: _as_value(k, v) for k, v in shown.items()})
    if not found:
        return EditResult(details, [])
    merged = {**_current(details), **columns}
    retired_at = _retired_at(kind, merged)
    if retired_at != details.retired_at:
        columns["retired_at"] = retired_at
    with storage_errors(), session.vault.write() as writer:
        if (
            "code" in columns
            and columns["code"] != details.code
            and people_repo.employee_code_taken(writer.conn, str(columns["code"]))
        ):
            raise errors.InvalidInput(
                f"従業員コード「{my_number.echo(str(columns['code']))}」は既に使われています。"
            )
        people_repo.update_person(writer.conn, person_id, kind.value, columns, now=_now(session))
        correction_id = _record(writer, session, person_id, reason_text, found)
        audit.record(
            writer,
            session,
            action,
            target=f"person:{person_id}",
            detail={"fields": [c.field for c in found], "correction": correction_id},
        )
        updated = people_repo.details(writer.conn, person_id)
    assert updated is not None
    return EditResult(updated, [c.label for c in found])


def _as_value(field: str, value: object) -> Value:
    if field in ("pension_category3", "continuing"):
        return bool(value)
    return value if value is None or isinstance(value, str | bool | date) else str(value)


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _record(
    writer: Writer, session: Session, person_id: int, reason: str, found: list[FieldChange]
) -> int:
    return corrections_repo.insert(
        writer.conn,
        person_id=person_id,
        changed_at=_now(session),
        changed_by=session.user.id or None,
        changed_by_name=session.user.display_name or session.user.login_name,
        reason=reason,
        changes=[
            {"field": c.field, "label": c.label, "before": c.before, "after": c.after}
            for c in found
        ],
        keep_until=correction_keep_until(session.clock.now().date()).isoformat(),
    )


def correct_number(session: Session, person_id: int, first: str, second: str, reason: str) -> None:
    """Replace a wrongly entered (or officially changed) number. The old one is deleted
    (secure_delete overwrites it), the new one waits for 番号確認 again, and the correction
    record says that the number changed, never either value."""
    reason_text = valid_reason(reason)
    numbers.person_for(session, person_id)
    with storage_errors():
        purposes = sorted(number_repo.purposes(session.vault.conn, person_id))
    if not purposes:
        raise errors.NotFound("この対象者の個人番号は登録されていません。")
    number = numbers.checked_entry(first, second)
    with storage_errors(), session.vault.write() as writer:
        index = number_cipher.blind_index(session.vault.blind_index_key(), number.digits())
        if number_repo.owner_of_index(writer.conn, index) not in (None, person_id):
            raise errors.InvalidInput(numbers.DUPLICATE_MESSAGE)
        if number_repo.owner_of_index(writer.conn, index) == person_id:
            raise errors.InvalidInput("登録されている個人番号と同じです。変更はありません。")
        number_repo.delete(writer.conn, person_id)
        numbers.store_number(writer, session, person_id, number, purposes, source="correction")
        change = FieldChange("my_number", "（記録しない）", "（記録しない）")
        correction_id = _record(writer, session, person_id, reason_text, [change])
        audit.record(
            writer,
            session,
            "number.corrected",
            target=f"person:{person_id}",
            detail={"correction": correction_id},
        )


def history(session: Session, person_id: int) -> list[CorrectionRecord]:
    """The correction records of one person, newest first."""
    people.readable(session, person_id)
    with storage_errors():
        return corrections_repo.for_person(session.vault.conn, person_id)
