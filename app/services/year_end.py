"""Year-end content of the statutory forms: one slip's amounts and facts per person, year and
form, typed by the clerk or imported from payroll. Every save is logged with the fields it
changed (names only: the amounts stay in the encrypted database, not in the access log)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app import errors
from app.domain.access import Permission, person_in_scope
from app.domain.year_end import FORMS, YearEndEntry
from app.services import audit, numbers
from app.services.guard import storage_errors
from app.session import Session
from storage import people_repo, year_end_repo
from storage.vault import Writer
from storage.year_end_repo import YearEndRow

MAX_YEN = 9_999_999_999  # ten digits: the widest amount box of any form


def _target(person_id: int) -> str:
    return numbers.record_id(person_id)


def _checked(entry: YearEndEntry) -> None:
    if entry.form not in FORMS:
        raise errors.InvalidInput("この帳票にはまだ対応していません。")
    for value in entry.amounts.values():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEN:
            raise errors.InvalidInput("金額は0以上、10桁までの整数（円）で入力してください。")


def _entry(row: YearEndRow) -> YearEndEntry:
    return YearEndEntry(
        row.person_id, row.year, row.form, row.amounts, row.facts, row.slip, row.source
    )


def changed_fields(before: YearEndEntry | None, after: YearEndEntry) -> list[str]:
    """Names of the amounts and facts that differ, sorted (all of them for a new slip)."""
    if before is None:
        return sorted({*after.amounts, *after.facts})
    if before.amounts == after.amounts and before.facts == after.facts:
        return []  # the common case of a re-import, without building the sets
    old_amounts = dict(before.amounts) if before else {}
    old_facts = dict(before.facts) if before else {}
    keys = {
        key
        for key in set(old_amounts) | set(after.amounts)
        if old_amounts.get(key) != after.amounts.get(key)
    } | {
        key
        for key in set(old_facts) | set(after.facts)
        if old_facts.get(key) != after.facts.get(key)
    }
    return sorted(keys)


def write(writer: Writer, session: Session, entry: YearEndEntry) -> list[str]:
    """Store one slip inside the caller's write (an import writes many in one); returns the
    fields changed, logged as year_end.saved (new) or year_end.corrected. Nothing is written or
    logged when nothing changed."""
    _checked(entry)
    row = year_end_repo.get(writer.conn, entry.person_id, entry.year, entry.form, entry.slip)
    before = _entry(row) if row else None
    changed = changed_fields(before, entry)
    if before is not None and not changed:
        return []
    year_end_repo.put(
        writer.conn,
        person_id=entry.person_id,
        year=entry.year,
        form=entry.form,
        slip=entry.slip,
        amounts=entry.amounts,
        facts=entry.facts,
        source=entry.source,
        updated_at=session.clock.now().isoformat(timespec="seconds"),
        updated_by_name=session.user.display_name,
    )
    audit.record(
        writer,
        session,
        "year_end.saved" if before is None else "year_end.corrected",
        target=_target(entry.person_id),
        detail={
            "form": entry.form,
            "year": entry.year,
            "slip": entry.slip,
            "fields": changed,
            "source": entry.source,
        },
    )
    return changed


def write_all(
    writer: Writer,
    session: Session,
    changes: list[tuple[YearEndEntry | None, YearEndEntry]],
) -> None:
    """Store many slips inside the caller's write, each (what is stored now, as the caller
    read it in this write; the slip to store), logged each as `write` logs one: an import's
    slips in one statement and one append to the log. Slips that did not change are skipped."""
    rows = []
    events = []
    # An import's slips mostly change the same fields: one encoded detail serves them all. A
    # new slip's changed fields are all its names, so its detail is found by them, unsorted.
    details: dict[tuple, Mapping[str, Any]] = {}
    for before, entry in changes:
        _checked(entry)
        form, year, slip, source = entry.form, entry.year, entry.slip, entry.source
        if before is None:
            key: tuple = (form, year, slip, source, *entry.amounts, "", *entry.facts)
            detail = details.get(key)
            if detail is None:
                detail = details[key] = _detail(entry, changed_fields(None, entry))
        else:
            changed = changed_fields(before, entry)
            if not changed:
                continue
            key = (form, year, slip, source, tuple(changed))
            detail = details.get(key)
            if detail is None:
                detail = details[key] = _detail(entry, changed)
        rows.append((entry.person_id, year, form, slip, entry.amounts, entry.facts, source))
        action = "year_end.saved" if before is None else "year_end.corrected"
        events.append((action, _target(entry.person_id), detail))
    if not rows:
        return
    year_end_repo.put_all(
        writer.conn,
        rows,
        updated_at=session.clock.now().isoformat(timespec="seconds"),
        updated_by_name=session.user.display_name,
    )
    audit.record_all(writer, session, events)


def _detail(entry: YearEndEntry, changed: list[str]) -> Mapping[str, Any]:
    return audit.shared_detail(
        {
            "form": entry.form,
            "year": entry.year,
            "slip": entry.slip,
            "fields": changed,
            "source": entry.source,
        }
    )


def save(session: Session, entry: YearEndEntry) -> list[str]:
    """Store one slip the clerk typed (see `write`)."""
    numbers.person_for(session, entry.person_id)
    with storage_errors(), session.vault.write() as writer:
        return write(writer, session, entry)


def load(
    session: Session, person_id: int, year: int, form: str, slip: int = 1
) -> YearEndEntry | None:
    numbers.person_for(session, person_id)
    with storage_errors():
        row = year_end_repo.get(session.vault.conn, person_id, year, form, slip)
    return _entry(row) if row else None


def for_year(session: Session, year: int, form: str | None = None) -> list[YearEndEntry]:
    """Every stored slip of the year the member may handle (their scope), by person and slip."""
    audit.require(session, Permission.HANDLE_NUMBERS)
    with storage_errors():
        conn = session.vault.conn
        rows = year_end_repo.for_year(conn, year, form)
        people = {pid: people_repo.get(conn, pid) for pid in {row.person_id for row in rows}}
    allowed = {
        pid
        for pid, person in people.items()
        if person is not None
        and person_in_scope(session.user.scopes, person.kind, person.department)
    }
    return [_entry(row) for row in rows if row.person_id in allowed]
