"""Changing a person's record: every change keeps a correction record (規程第47条) with who,
when, why and what, in the same transaction as the change and its audit event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain import kana, person_fields
from app.domain.access import purpose_in_scope
from app.domain.my_number import looks_like_number
from app.domain.person_fields import (
    EDITABLE,
    EMPLOYEE_STATUS,
    END_FIELD,
    END_LABEL,
    LABELS,
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

_DATES = frozenset(
    {"birth_date", "hire_date", "leave_date", "valid_from", "valid_to"}
    | {"contract_from", "contract_to"}
)


@dataclass(frozen=True)
class EditResult:
    details: PersonDetails
    changed: list[str]  # the labels of the changed fields; empty when nothing changed


def valid_reason(text: str) -> str:
    return people.field(person_fields.check_reason, text)


def _current(details: PersonDetails) -> dict[str, Value]:
    kind = PersonKind(details.kind)
    return {field: getattr(details, field) for field in EDITABLE[kind]}


def _unchanged(field: str, before: Value, after: Value) -> bool:
    """Compared as stored, so a field left as it was is not checked again (a record imported
    before a rule existed can still have its other fields corrected)."""
    if field in _DATES:
        return (after.isoformat() if isinstance(after, date) else after) == before
    if field in ("pension_category3", "continuing"):
        return bool(after) == bool(before)
    return person_fields.clean(after) == person_fields.clean(before)


def _validated(details: PersonDetails, values: dict[str, Value]) -> dict[str, object]:
    """Column values for the fields that change, checked with the rules of registration."""
    kind = PersonKind(details.kind)
    if set(values) - set(EDITABLE[kind]):
        raise errors.InvalidInput("この対象者には変更できない項目が含まれています。")
    current = _current(details)
    out: dict[str, object] = {}
    for field, value in values.items():
        if _unchanged(field, current[field], value):
            continue
        if field == "name":
            out["name"] = people.valid_name(str(value or ""))
        elif field == "kana":
            out["kana"] = people.valid_kana(str(value or ""))
            out["kana_key"] = kana.search_key(str(out["kana"]))
        elif field in _DATES:
            if value is not None and not isinstance(value, date):
                raise errors.InvalidInput(f"{LABELS[field]}の日付が正しくありません。")
            out[field] = people.valid_date(value, LABELS[field])
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
    people.valid_period({**current, **out}, kind)  # type: ignore[arg-type]
    return out


def edit_person(
    session: Session, person_id: int, values: dict[str, Value], reason: str
) -> EditResult:
    """Change the given fields; when nothing changes nothing is written (and no reason is
    needed)."""
    return _change(session, person_id, values, reason, action="person.updated")


def retire(session: Session, person_id: int, on: date, reason: str) -> EditResult:
    """退職 (employee), 扶養終了 (dependent), 契約終了 (payee) on the given day, once; a wrong
    day is corrected through edit_person."""
    person = numbers.person_for(session, person_id)
    kind = PersonKind(person.kind)
    if person.retired_at is not None:
        raise errors.InvalidInput(
            f"既に{END_LABEL[kind]}（{person.retired_at}）が登録されています。"
            "日付の訂正は「記録を訂正」から行ってください。"
        )
    values: dict[str, Value] = {END_FIELD[kind]: on}
    if kind == PersonKind.EMPLOYEE:
        values["status"] = "left"
    return _change(session, person_id, values, reason, action="person.retired")


def _change(
    session: Session, person_id: int, values: dict[str, Value], reason: str, *, action: str
) -> EditResult:
    person = numbers.person_for(session, person_id)
    kind = PersonKind(person.kind)
    with storage_errors():
        details = people_repo.details(session.vault.conn, person_id)
    assert details is not None
    columns = _validated(details, values)
    if "department" in columns:
        # Moving someone into a department outside one's own groups is refused like
        # registering them there.
        people.check_scope(session, kind.value, columns["department"], f"person:{person_id}")
    if not changes(kind, _current(details), _shown(columns)):
        return EditResult(details, [])
    reason_text = valid_reason(reason)
    with storage_errors(), session.vault.write() as writer:
        found = _write_change(writer, session, details, columns, reason_text, action)
        updated = people_repo.details(writer.conn, person_id)
    assert updated is not None
    return EditResult(updated, [c.label for c in found])


def correct_within(
    writer: Writer,
    session: Session,
    details: PersonDetails,
    values: dict[str, Value],
    reason: str,
    *,
    action: str = "person.updated",
) -> list[FieldChange]:
    """edit_person's change inside the caller's transaction (an import applies its changes
    this way, with the import as the reason): the same checks, correction record and event.
    The caller has checked the scope."""
    columns = _validated(details, values)
    if not changes(PersonKind(details.kind), _current(details), _shown(columns)):
        return []
    return _write_change(writer, session, details, columns, valid_reason(reason), action)


def _shown(columns: dict[str, object]) -> dict[str, Value]:
    return {k: _as_value(k, v) for k, v in columns.items() if k != "kana_key"}


def _write_change(
    writer: Writer,
    session: Session,
    details: PersonDetails,
    columns: dict[str, object],
    reason: str,
    action: str,
) -> list[FieldChange]:
    kind, person_id = PersonKind(details.kind), details.id
    shown = _shown(columns)
    found = changes(kind, _current(details), shown)
    retired_at = person_fields.retired_on(kind, {**_current(details), **shown})
    if retired_at != details.retired_at:
        columns["retired_at"] = retired_at
    if "code" in columns:
        people.ensure_code_free(writer, str(columns["code"]))
    people_repo.update_person(writer.conn, person_id, kind.value, columns, now=_now(session))
    correction_id = _record(writer, session, person_id, reason, found)
    audit.record(
        writer,
        session,
        action,
        target=f"person:{person_id}",
        detail={"fields": [c.field for c in found], "correction": correction_id},
    )
    return found


def _as_value(field: str, value: object) -> Value:
    if field in ("pension_category3", "continuing"):
        return bool(value)
    return value if value is None or isinstance(value, str | bool | date) else str(value)


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _kept(value: str) -> str:
    """A shown value as the record keeps it: never something that could be a number (a value
    stored before the field refused one)."""
    return "（番号のような数字列）" if looks_like_number(value) else value


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
            {"field": c.field, "label": c.label, "before": _kept(c.before), "after": _kept(c.after)}
            for c in found
        ],
        keep_until=correction_keep_until(session.clock.now().date()).isoformat(),
    )


def correct_number(session: Session, person_id: int, first: str, second: str, reason: str) -> None:
    """Replace a wrongly entered (or officially changed) number. Only a member whose 事務
    cover every purpose it was collected for may; the old one is deleted (secure_delete
    overwrites it), the new one waits for 番号確認 again, and the correction record says that
    the number changed, never either value."""
    numbers.person_for(session, person_id)
    with storage_errors():
        purposes = sorted(number_repo.purposes(session.vault.conn, person_id))
    if not purposes:
        raise errors.NotFound("この対象者の個人番号は登録されていません。")
    for code in purposes:
        if not purpose_in_scope(session.user.scopes, code):
            audit.deny(
                session,
                "担当外の事務",
                target=f"person:{person_id}",
                detail={"reason": "purpose_scope", "purpose": code},
            )
    number = numbers.checked_entry(first, second)
    reason_text = valid_reason(reason)
    with storage_errors(), session.vault.write() as writer:
        index = number_cipher.blind_index(session.vault.blind_index_key(), number.digits())
        owner = number_repo.owner_of_index(writer.conn, index)
        if owner == person_id:
            raise errors.InvalidInput("登録されている個人番号と同じです。変更はありません。")
        if owner is not None:
            raise errors.InvalidInput(numbers.DUPLICATE_MESSAGE)
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
