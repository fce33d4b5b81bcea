"""Writing the new people of an import (and of the bulk demo) a batch at a time, with the
same rows and audit events as a registration one by one writes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from app.clock import FixedClock
from app.domain import kana
from app.domain.import_layout import ImportRow
from app.domain.purposes import PersonKind
from app.services import audit, numbers, people
from app.session import Session
from storage import number_cipher, number_repo, people_repo
from storage.vault import Writer

# Rows per batch, and between two progress reports (and cancel checks).
BATCH = 250

Tick = Callable[[int, int], None]


def write_in_batches(
    writer: Writer,
    session: Session,
    rows: list[ImportRow],
    source: str,
    indexes: list[bytes | None] | None = None,
    tick: Tick | None = None,
) -> dict[str, int]:
    """Every checked row (person, kind row, sealed number, each with its audit event), inside
    the caller's transaction, BATCH rows at a time; `tick(rows written, rows)` after each
    full batch may raise to stop (rollback). `indexes` are the check's blind indexes, one per
    row (None: computed here)."""
    bulk = _BulkWrite(writer, session, source)
    total = len(rows)
    for start in range(0, total, BATCH):
        end = min(start + BATCH, total)
        bulk.write(rows[start:end], None if indexes is None else indexes[start:end])
        if tick is not None and not end % BATCH:
            tick(end, total)
    return bulk.counts


class _BulkWrite:
    """The rows of one write transaction, a batch at a time: the batch's people in one
    statement (ids counted on from the last one, as AUTOINCREMENT would give them), then its
    kind rows, numbers and purposes in one statement each, then its events in row order
    (`person.registered`, then that person's `number.registered`): the same rows and the same
    log as people.insert_person and numbers.store_number row by row (a test pins the two
    together), without a Python call chain, a statement lookup and a detail encoding per row."""

    def __init__(self, writer: Writer, session: Session, source: str) -> None:
        self.writer = writer
        # One transaction, one moment: every row and event carries the time the write began.
        moment = _Moment.of(session.clock.now())
        self.session = replace(session, clock=FixedClock(moment))
        self.now = moment.isoformat(timespec="seconds")
        self.source = source
        self.counts = {"employees": 0, "dependents": 0, "payees": 0, "numbers": 0}
        self.employee_ids: dict[str, int] = {}  # code -> person id, of the rows written so far
        self.departments: dict[str, int] = {}  # name -> id
        # Details built once per kind and per set of purposes (audit.shared_detail).
        self.person_details = {
            kind: audit.shared_detail(people.registered_detail(kind, source)) for kind in PersonKind
        }
        self.number_details: dict[tuple[str, ...], Mapping[str, object]] = {}
        self.number_key: bytearray | None = None  # at the first number: rows without need none

    def write(self, batch: list[ImportRow], indexes: list[bytes | None] | None) -> None:
        conn, now = self.writer.conn, self.now
        people_rows: list[tuple[int, str, str, str, str, str | None, str, str]] = []
        employees: list[tuple[int, str, int | None, str | None]] = []
        dependents: list[tuple[int, int, str, bool, str | None]] = []
        payees: list[tuple[int, str, bool, str | None, str | None, str | None]] = []
        sealed: list[tuple[int, bytes, bytes, frozenset[str]]] = []
        events: list[tuple[str, str, Mapping[str, object]]] = []
        ends: list[tuple[int, str, str]] = []
        first_id = people_repo.next_person_id(conn)
        for offset, row in enumerate(batch):
            kind = row.kind
            assert kind is not None
            person_id = first_id + offset
            record_id = f"person:{person_id}"
            birth_date = row.birth_date.isoformat() if row.birth_date else None
            # Kept in full-width katakana, as a registration on screen keeps it.
            kept_kana = kana.to_katakana(row.kana)
            people_rows.append(
                (
                    person_id,
                    kind.value,
                    row.name,
                    kept_kana,
                    kana.search_key(kept_kana),
                    birth_date,
                    now,
                    now,
                )
            )
            events.append(("person.registered", record_id, self.person_details[kind]))
            if kind == PersonKind.EMPLOYEE:
                hire_date = row.hire_date.isoformat() if row.hire_date else None
                department = self._department_id(row.department)
                employees.append((person_id, row.code, department, hire_date))
                self.employee_ids[row.code] = person_id
                self.counts["employees"] += 1
            elif kind == PersonKind.DEPENDENT:
                owner = self._employee_id(row.employee_code)
                dependents.append((person_id, owner, row.relation, row.pension3, None))
                self.counts["dependents"] += 1
            else:
                payees.append((person_id, row.payment_kind, row.continuing, None, None, None))
                self.counts["payees"] += 1
            if row.ended_on is not None:
                ends.append((person_id, kind.value, row.ended_on.isoformat()))
            if row.number is not None:
                index = None if indexes is None else indexes[offset]
                sealed.append(self._sealed(person_id, row, index))
                events.append(("number.registered", record_id, self._number_detail(row)))
                self.counts["numbers"] += 1
        people_repo.insert_people(conn, people_rows)
        people_repo.insert_employees(conn, employees)
        people_repo.insert_dependents(conn, dependents)
        people_repo.insert_payees(conn, payees)
        people_repo.set_ends(conn, ends)
        number_repo.insert_many(conn, sealed, registered_by=self.session.user.id or None, now=now)
        audit.record_all(self.writer, self.session, events)

    def _department_id(self, name: str) -> int | None:
        if not name:
            return None
        found = self.departments.get(name)
        if found is None:
            found = self.departments[name] = people_repo.department_id(self.writer.conn, name)
        return found

    def _employee_id(self, code: str) -> int:
        """The dependent's employee: a row above it in the file, or one already registered
        (the check found it, in this same transaction)."""
        found = self.employee_ids.get(code)
        if found is not None:
            return found
        registered = people_repo.employee_by_code(self.writer.conn, code)
        assert registered is not None
        return registered[0]

    def _sealed(
        self, person_id: int, row: ImportRow, index: bytes | None
    ) -> tuple[int, bytes, bytes, frozenset[str]]:
        """As numbers.store_number seals and indexes it: bound to the record id."""
        assert row.number is not None
        vault = self.session.vault
        if self.number_key is None:
            self.number_key = vault.number_key()
        digits = row.number.digits()
        if index is None:
            index = number_cipher.blind_index(vault.blind_index_key(), digits)
        sealed = numbers.sealed_number(self.number_key, person_id, row.number)
        return (person_id, sealed, index, frozenset(row.purposes))

    def _number_detail(self, row: ImportRow) -> Mapping[str, object]:
        """The detail numbers.store_number logs with `number.registered` (never the number)."""
        purposes = tuple(sorted(row.purposes))
        detail = self.number_details.get(purposes)
        if detail is None:
            detail = self.number_details[purposes] = audit.shared_detail(
                numbers.registered_detail(purposes, source=self.source)
            )
        return detail


class _Moment(datetime):
    """The one moment of a bulk write, formatted once: the writer formats the time of every
    event it appends (twice per row), and the text of one moment never changes."""

    # Set by `of` only: an instance derived from it (replace, arithmetic) formats as usual.
    _seconds: str | None = None

    @classmethod
    def of(cls, at: datetime) -> _Moment:
        moment = cls(
            at.year,
            at.month,
            at.day,
            at.hour,
            at.minute,
            at.second,
            at.microsecond,
            at.tzinfo,
            fold=at.fold,
        )
        moment._seconds = datetime.isoformat(moment, timespec="seconds")
        return moment

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
        if self._seconds is not None and sep == "T" and timespec == "seconds":
            return self._seconds
        return super().isoformat(sep, timespec)
