"""Registering a number, and the one reveal path: purpose-bound, in scope, logged."""

from __future__ import annotations

from dataclasses import dataclass

from app import errors
from app.domain import my_number
from app.domain.access import Permission, person_in_scope, purpose_in_scope
from app.domain.my_number import MyNumber
from app.domain.purposes import CATALOG, PersonKind
from app.domain.settings import SettingKey
from app.services import audit
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import number_cipher, number_repo, people_repo
from storage.crypto import DecryptionFailed
from storage.people_repo import PersonRecord
from storage.vault import Writer


@dataclass(frozen=True)
class RevealedNumber:
    """What the reveal path hands the screen; its text forms stay masked (MyNumber)."""

    person_id: int
    purpose: str
    number: MyNumber


DUPLICATE_MESSAGE = (
    "この個人番号は別の対象者に登録されています。入力の誤りか、二重登録でないか確認してください。"
)


def _record_id(person_id: int) -> str:
    return f"person:{person_id}"


def record_id(person_id: int) -> str:
    """What a person's sealed number is bound to (a key rotation re-seals it with the same)."""
    return _record_id(person_id)


def person_for(session: Session, person_id: int) -> PersonRecord:
    """The person, if this member may handle them; a refusal is logged."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=_record_id(person_id))
    with storage_errors():
        person = people_repo.get(session.vault.conn, person_id)
    if person is None:
        raise errors.NotFound("対象者が見つかりません。")
    if not person_in_scope(session.user.scopes, person.kind, person.department):
        audit.deny(
            session,
            "担当範囲外の対象者",
            target=_record_id(person_id),
            detail={"reason": "group_scope"},
        )
    return person


REASON_AFTER_DELETION_MAX = 200


def register_number(
    session: Session,
    person_id: int,
    first: str,
    second: str,
    purposes: list[str],
    *,
    reason: str = "",
) -> None:
    """Typed twice, check digit verified, refused if another person has it (without saying
    who); the number waits for identity verification (本人確認) until one is recorded. A person
    whose number was deleted before gets one again only with a `reason` (kept in the log)."""
    person = person_for(session, person_id)
    checked_purposes(session, person, purposes)
    number = checked_entry(first, second)
    if not session.vault.has_number_key:
        audit.deny(
            session,
            "個人番号の登録",
            target=_record_id(person_id),
            detail={"reason": "no_number_key"},
        )
    with storage_errors(), session.vault.write() as writer:
        ensure_registrable(writer, session, person_id, number)
        store_number(writer, session, person_id, number, purposes, reason=reason)


def reason_after_deletion(reason: str) -> str:
    """The reason typed for registering a number again after a deletion, as it is kept."""
    return free_text(reason, "再登録の理由", limit=REASON_AFTER_DELETION_MAX)


def checked_purposes(session: Session, person: PersonRecord, purposes: list[str]) -> None:
    """The purposes a number is collected for: at least one, each fit for this person and in
    the member's scope (a purpose outside it is a logged refusal)."""
    if not purposes:
        raise errors.InvalidInput("利用目的（事務）を1つ以上選んでください。")
    for code in purposes:
        entry = CATALOG.get(code)
        if entry is None:
            raise errors.InvalidInput(f"事務「{my_number.echo(code)}」はありません。")
        if PersonKind(person.kind) not in entry.person_kinds:
            raise errors.InvalidInput(f"「{entry.name}」はこの対象者には使えない事務です。")
        if not purpose_in_scope(session.user.scopes, code):
            audit.deny(
                session,
                "担当外の事務",
                target=_record_id(person.id),
                detail={"reason": "purpose_scope", "purpose": code},
            )


def ensure_registrable(writer: Writer, session: Session, person_id: int, number: MyNumber) -> None:
    """Inside the write: this person has no number yet and nobody else has this one."""
    if number_repo.sealed(writer.conn, person_id) is not None:
        raise errors.InvalidInput("この対象者には既に個人番号が登録されています。")
    index = number_cipher.blind_index(session.vault.blind_index_key(), number.digits())
    if number_repo.index_in_use(writer.conn, index):
        raise errors.InvalidInput(DUPLICATE_MESSAGE)


def is_number_on_file(session: Session, person_id: int, number: MyNumber) -> bool:
    """Whether this is the number stored for the person, compared by blind index: nothing is
    decrypted, so no reveal is involved."""
    index = number_cipher.blind_index(session.vault.blind_index_key(), number.digits())
    with storage_errors():
        return number_repo.owner_of_index(session.vault.conn, index) == person_id


def checked_entry(first: str, second: str) -> MyNumber:
    """The number typed twice: check digit first, then that both entries agree."""
    reason = my_number.problem(first)
    if reason is not None:
        raise errors.InvalidInput(reason)
    if my_number.normalize(first) != my_number.normalize(second):
        raise errors.InvalidInput("1回目と2回目の入力が一致しません。もう一度入力してください。")
    return MyNumber(first)


def store_number(
    writer: Writer,
    session: Session,
    person_id: int,
    number: MyNumber,
    purposes: list[str],
    *,
    source: str | None = None,
    verified: bool = False,
    reason: str = "",
) -> None:
    """Seal (bound to the record id), index and link to its purposes, with the audit event,
    inside the caller's transaction. `verified`: an identity verification is recorded in the
    same transaction. After a deletion of this person's number (read inside the transaction)
    a `reason` is required and the event says it was registered again. The import writes
    many at once with the same two helpers below (its people are new, so none was deleted)."""
    deleted = number_repo.last_deletion(writer.conn, person_id)
    why = reason_after_deletion(reason)
    if deleted is not None and not why:
        raise errors.InvalidInput(
            f"この対象者の個人番号は以前に削除されています（削除記録 No. {deleted}）。"
            "再び登録する理由を入力してください。"
        )
    detail = registered_detail(purposes, source=source, verified=verified)
    if deleted is not None:
        detail |= {"reason": why, "deletion_record": deleted}
    number_repo.insert(
        writer.conn,
        person_id,
        sealed=sealed_number(session.vault.number_key(), person_id, number),
        blind_index=number_cipher.blind_index(session.vault.blind_index_key(), number.digits()),
        purposes=frozenset(purposes),
        registered_by=session.user.id or None,
        now=session.clock.now().isoformat(timespec="seconds"),
    )
    audit.record(
        writer,
        session,
        "number.registered" if deleted is None else "number.registered_after_deletion",
        target=_record_id(person_id),
        detail=detail,
    )


def sealed_number(number_key: bytes | bytearray, person_id: int, number: MyNumber) -> bytes:
    """The ciphertext of a number, bound to its person's record id."""
    return number_cipher.seal_number(number_key, number.digits(), _record_id(person_id))


def registered_detail(
    purposes: list[str] | tuple[str, ...], *, source: str | None, verified: bool = False
) -> dict[str, object]:
    """The detail of `number.registered` (never the number)."""
    detail: dict[str, object] = {
        "purposes": sorted(purposes),
        "verification": "recorded" if verified else "pending",
    }
    if source:
        detail["source"] = source
    return detail


def _open(session: Session, person_id: int, purpose: str, action: str) -> RevealedNumber:
    require_open(session, person_id, purpose)
    with storage_errors(), session.vault.write() as writer:
        digits = _decrypted(writer, session, person_id)
        audit.record(
            writer, session, action, target=_record_id(person_id), detail={"purpose": purpose}
        )
    return RevealedNumber(person_id, purpose, MyNumber(digits))


def require_open(session: Session, person_id: int, purpose: str) -> None:
    """What any use of a stored number needs, each refusal logged: the person in the member's
    scope, the purpose in scope and among those the number was collected for, the number key."""
    person_for(session, person_id)
    if not purpose_in_scope(session.user.scopes, purpose):
        audit.deny(
            session,
            "担当外の事務",
            target=_record_id(person_id),
            detail={"reason": "purpose_scope", "purpose": purpose},
        )
    if not session.vault.has_number_key:
        audit.deny(
            session,
            "個人番号の閲覧",
            target=_record_id(person_id),
            detail={"reason": "no_number_key"},
        )
    with storage_errors():
        collected_for = number_repo.purposes(session.vault.conn, person_id)
    if purpose not in collected_for:
        # A use outside the purposes it was collected for (番号法第9条) is a refused try too.
        audit.deny(
            session,
            "取得時の利用目的以外での利用",
            target=_record_id(person_id),
            detail={"reason": "not_collected_for", "purpose": purpose},
        )


def open_for_form(writer: Writer, session: Session, person_id: int) -> MyNumber:
    """A number for a statutory form, inside the caller's write, which logs the output (one
    event per person per form). Call require_open for it first."""
    return MyNumber(_decrypted(writer, session, person_id))


def _decrypted(writer: Writer, session: Session, person_id: int) -> str:
    """Inside the write that logs it: the one place a stored number is decrypted."""
    sealed = number_repo.sealed(writer.conn, person_id)
    if sealed is None:
        raise errors.NotFound("この対象者の個人番号は登録されていません。")
    try:
        return number_cipher.open_number(session.vault.number_key(), sealed, _record_id(person_id))
    except DecryptionFailed:
        raise errors.VaultDamaged() from None


def reveal(session: Session, person_id: int, purpose: str) -> RevealedNumber:
    """Decrypt for display; the event is written in the same transaction as the read."""
    return _open(session, person_id, purpose, "number.revealed")


def copy(session: Session, person_id: int, purpose: str) -> RevealedNumber:
    """Like reveal, for the clipboard; logged as a copy. The manager can switch copying off."""
    if not session.settings.get(SettingKey.COPY_ALLOWED, True):
        audit.deny(
            session,
            "個人番号のコピー（設定で無効）",
            target=_record_id(person_id),
            detail={"reason": "copy_disabled"},
        )
    return _open(session, person_id, purpose, "number.copied")


def require_disclosure(session: Session, person_id: int) -> None:
    """Before the write of a disclosure: the manager, with the number key (refusals logged)."""
    audit.require(session, Permission.DECIDE_REQUESTS, target=_record_id(person_id))
    if not session.vault.has_number_key:
        audit.deny(
            session,
            "個人番号の開示",
            target=_record_id(person_id),
            detail={"reason": "no_number_key"},
        )


def disclose_to_person(
    writer: Writer, session: Session, person_id: int, request_id: int
) -> MyNumber:
    """The person's own number for their 開示 notice (guideline 第4-3-(2)C), inside the caller's
    write (which also marks it disclosed, so it is given once); logged like a reveal. Call
    require_disclosure first."""
    digits = _decrypted(writer, session, person_id)
    audit.record(
        writer,
        session,
        "number.disclosed",
        target=_record_id(person_id),
        detail={"request": request_id},
    )
    return MyNumber(digits)


def purposes_for(session: Session, person_id: int) -> list[str]:
    """The purposes a reveal may name: collected for this number and in the member's scope."""
    person_for(session, person_id)
    with storage_errors():
        collected = number_repo.purposes(session.vault.conn, person_id)
    return sorted(code for code in collected if purpose_in_scope(session.user.scopes, code))


def registrable_purposes(session: Session, person_id: int) -> list[str]:
    """Purposes a number for this person may be collected for by this member."""
    person = person_for(session, person_id)
    kind = PersonKind(person.kind)
    return [
        code
        for code, entry in CATALOG.items()
        if kind in entry.person_kinds and purpose_in_scope(session.user.scopes, code)
    ]
