"""The outputs register (持出し・出力記録, 規程第35条): every print or export that carries a number
is entered in the same write as its per-person access-log events, and later confirmed as
提出済 / 交付済 / 廃棄済 / 返却. A bulk output over the manager's threshold needs a reason
(保有規程第28条). Saving a paper with numbers as a file is an export of its own: an AES-256
encrypted PDF whose password is shown once."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from app import errors, paths
from app.domain import outputs as rules
from app.domain.access import Permission, Role, may
from app.domain.settings import SettingKey
from app.services import audit, numbers
from app.services.guard import renders_paper, storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import individual_request_repo, office_repo, outputs_repo
from storage.outputs_repo import OutputRow
from storage.vault import Writer

REASON_MAX = 200
# No 0/O, 1/l/I: the password is read out or typed from a separate note.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
PASSWORD_GROUPS = 4
PASSWORD_GROUP = 5


class BulkReasonRequired(errors.InvalidInput):
    """More persons than the threshold and no reason given: the UI warns and asks for one."""

    def __init__(self, persons: int, threshold: int) -> None:
        super().__init__(
            f"{persons}人分の個人番号を一度に出力しようとしています（一括出力の目安は"
            f"{threshold}人まで）。出力する理由を記録してください。"
        )
        self.persons = persons
        self.threshold = threshold


@dataclass(frozen=True)
class Order:
    """What the clerk enters before printing: where it goes, how, and why if in bulk."""

    destination: str
    method: str = rules.Method.PAPER.value
    reason: str = ""


@dataclass(frozen=True)
class Entry:
    row: OutputRow
    overdue: bool

    @property
    def number(self) -> str:
        return f"{self.row.id:05d}"


def threshold(session: Session) -> int:
    return int(session.settings.get(SettingKey.BULK_OUTPUT_PERSONS, 10))


def checked(session: Session, order: Order, persons: int) -> Order:
    """The order as it will be registered; raises InvalidInput (BulkReasonRequired for a bulk
    output without a reason) before any number is opened."""
    try:
        destination = rules.destination(order.destination)
        method = rules.method(order.method)
    except rules.InvalidOutput as exc:
        raise errors.InvalidInput(str(exc)) from None
    reason = checked_text(order.reason, "一括出力の理由", REASON_MAX)
    limit = threshold(session)
    if rules.is_bulk(persons, limit) and not reason:
        raise BulkReasonRequired(persons, limit)
    return Order(destination, method.value, reason)


def register(
    writer: Writer,
    session: Session,
    *,
    purpose: str,
    form: str,
    year: int | None,
    person_ids: Iterable[int],
    order: Order,
) -> int:
    """Enter an output inside the caller's write (the one holding its per-person events)."""
    ids = sorted(set(person_ids))
    order = checked(session, order, len(ids))
    output_id = outputs_repo.add(
        writer.conn,
        purpose=purpose,
        form=form,
        year=year,
        person_ids=ids,
        destination=order.destination,
        method=order.method,
        reason=order.reason,
        made_at=session.clock.now().isoformat(timespec="seconds"),
        made_by_name=session.user.display_name,
        made_by=session.user.id or None,
    )
    detail = {
        "form": form,
        "year": year,
        "persons": len(ids),
        "destination": order.destination,
        "method": order.method,
    }
    audit.record(writer, session, "output.registered", target=f"output:{output_id}", detail=detail)
    if rules.is_bulk(len(ids), threshold(session)):
        audit.record(
            writer,
            session,
            "output.bulk_reason",
            target=f"output:{output_id}",
            detail={
                "persons": len(ids),
                "threshold": threshold(session),
                "bulk_reason": order.reason,
            },
        )
    return output_id


def _require_reader(session: Session) -> None:
    if not may(session.user.roles, Permission.HANDLE_NUMBERS):
        audit.require(session, Permission.READ_AUDIT, target="outputs")


def _confirm_days(session: Session) -> int:
    return int(session.settings.get(SettingKey.OUTPUT_CONFIRM_DAYS, 14))


def entries(session: Session, *, open_only: bool = False) -> list[Entry]:
    _require_reader(session)
    with storage_errors():
        rows = outputs_repo.all_rows(session.vault.conn, open_only=open_only)
    return [_entry(session, row) for row in rows]


def _entry(session: Session, row: OutputRow) -> Entry:
    late = row.state == rules.State.OUT and rules.overdue(
        datetime.fromisoformat(row.made_at).date(), _today(session), _confirm_days(session)
    )
    return Entry(row, late)


def _today(session: Session) -> date:
    return session.clock.now().date()


def overdue(session: Session) -> list[Entry]:
    """Outputs still unconfirmed after the setting's days, for the dashboard (no permission
    needed to count them; the dashboard shows only how many)."""
    with storage_errors():
        rows = outputs_repo.all_rows(session.vault.conn, open_only=True)
    return [e for e in (_entry(session, row) for row in rows) if e.overdue]


def confirm(session: Session, output_id: int, state: str) -> Entry:
    """提出済 / 交付済 / 廃棄済 / 返却, by whom and when; once."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=f"output:{output_id}")
    try:
        rules.confirmed_state(state)
    except rules.InvalidOutput as exc:
        raise errors.InvalidInput(str(exc)) from None
    with storage_errors(), session.vault.write() as writer:
        row = outputs_repo.get(writer.conn, output_id)
        if row is None:
            raise errors.NotFound("この出力の記録はありません。")
        _still_out(row)
        try:
            target = rules.confirmed_state(state, row.destination)
        except rules.InvalidOutput as exc:
            raise errors.InvalidInput(str(exc)) from None
        outputs_repo.confirm(
            writer.conn,
            output_id,
            target.value,
            session.clock.now().isoformat(timespec="seconds"),
            session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "output.confirmed",
            target=f"output:{output_id}",
            detail={"state": target.value},
        )
        row = outputs_repo.get(writer.conn, output_id)
    assert row is not None
    return _entry(session, row)


def _still_out(row: OutputRow) -> None:
    if row.state == rules.State.WITHDRAWN:
        raise errors.InvalidInput("この出力は取り消されています（出力せず）。")
    if row.state != rules.State.OUT:
        raise errors.InvalidInput("この出力は既に確認済みです。")


def withdraw(session: Session, output_id: int) -> Entry:
    """取消（出力せず）: the copy was rendered for the preview and closed without being printed
    or saved, so nothing left the desk. Only while 確認待ち, only by the member who made it or
    the manager (an entry whose maker is not known, made before migration 0021 without its
    access-log event, only by the manager). The per-person events of its rendering stay: the
    numbers were on screen."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=f"output:{output_id}")
    with storage_errors():
        row = outputs_repo.get(session.vault.conn, output_id)
    if row is None:
        raise errors.NotFound("この出力の記録はありません。")
    own = row.made_by is not None and row.made_by == session.user.id
    if not own and Role.MANAGER not in session.user.roles:
        audit.deny(
            session,
            "他の職員が登録した出力の取消",
            target=f"output:{output_id}",
            detail={"reason": "not_maker"},
        )
    with storage_errors(), session.vault.write() as writer:
        row = outputs_repo.get(writer.conn, output_id)
        assert row is not None
        _still_out(row)
        outputs_repo.confirm(
            writer.conn,
            output_id,
            rules.State.WITHDRAWN.value,
            session.clock.now().isoformat(timespec="seconds"),
            session.user.display_name,
        )
        if row.form == "disclosure_notice":
            # The person's own number never left in that notice: it may be printed again.
            individual_request_repo.undo_disclosure_of(writer.conn, output_id)
        audit.record(
            writer,
            session,
            "output.withdrawn",
            target=f"output:{output_id}",
            detail={"form": row.form, "persons": row.persons, "destination": row.destination},
        )
        row = outputs_repo.get(writer.conn, output_id)
    assert row is not None
    return _entry(session, row)


PDF_PASSWORD_MIN = 12


def checked_pdf_password(password: str) -> str:
    """A password the caller chose for an export: long enough to resist guessing offline."""
    if len(password) < PDF_PASSWORD_MIN or password != password.strip():
        raise errors.InvalidInput(
            f"PDFのパスワードは前後に空白のない{PDF_PASSWORD_MIN}文字以上にしてください。"
        )
    return password


def new_password() -> str:
    groups = (
        "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_GROUP))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


@renders_paper
def export_pdf(
    session: Session,
    output_id: int,
    pdf: bytes,
    destination: str | None = None,
    *,
    password: str | None = None,
) -> tuple[bytes, str]:
    """The paper of output `output_id` as an AES-256 encrypted PDF and its password (shown
    once, to be sent separately), with one access-log event per person. An output made as a
    PDF is saved once under its own entry; saving a printed one is a further output (method
    PDF) to `destination`. Never a plain PDF with numbers. `password`: the one the caller
    chose (the CLI's --pdf-password-stdin), checked by `checked_pdf_password`; else a new one."""
    from reports.encrypted_pdf import encrypt

    audit.require(session, Permission.HANDLE_NUMBERS, target=f"output:{output_id}")
    with storage_errors():
        source = outputs_repo.get(session.vault.conn, output_id)
        ids = outputs_repo.person_ids(session.vault.conn, output_id) if source else []
    if source is None:
        raise errors.NotFound("この出力の記録はありません。")
    password = new_password() if password is None else checked_pdf_password(password)
    locked = encrypt(pdf, password)
    own_entry = source.method == rules.Method.PDF and source.saved_at is None
    order = Order(destination or source.destination, rules.Method.PDF.value, source.reason)
    with storage_errors(), session.vault.write() as writer:
        if own_entry:
            saved_id = output_id
        else:
            saved_id = register(
                writer,
                session,
                purpose=source.purpose,
                form=source.form,
                year=source.year,
                person_ids=ids,
                order=order,
            )
        outputs_repo.mark_saved(
            writer.conn, saved_id, session.clock.now().isoformat(timespec="seconds")
        )
        detail = audit.shared_detail(
            {"form": source.form, "year": source.year, "output": saved_id, "printed_as": output_id}
        )
        audit.record_all(
            writer,
            session,
            [("number.form_exported", numbers.record_id(pid), detail) for pid in ids],
        )
    return locked, password


@renders_paper
def register_pdf(session: Session) -> bytes:
    """The printable 持出し・出力記録: every entry, no number, no person's name."""
    import io

    from reports import fonts
    from reports.output_register import RegisterLine, render

    _require_reader(session)
    with storage_errors():
        rows = outputs_repo.all_rows(session.vault.conn)
        office = office_repo.get(session.vault.conn)
    lines = [
        RegisterLine(
            number=f"{row.id:05d}",
            made_at=datetime.fromisoformat(row.made_at),
            made_by=row.made_by_name,
            purpose=row.purpose,
            form=rules.FORM_LABELS.get(row.form, row.form),
            year=row.year,
            persons=row.persons,
            destination=row.destination,
            method=rules.Method(row.method).label,
            reason=row.reason,
            state=rules.State(row.state).label,
            confirmed_at=datetime.fromisoformat(row.confirmed_at) if row.confirmed_at else None,
            confirmed_by=row.confirmed_by_name,
        )
        for row in rows
    ]
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render(lines, office.name if office else "", session.clock.now().date(), out)
    with storage_errors(), session.vault.write() as writer:
        audit.record(writer, session, "output.register_printed", detail={"entries": len(rows)})
    return out.getvalue()
