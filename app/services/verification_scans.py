"""Optional copies of the documents seen at a 本人確認 (setting, off by default): sealed in the
database under the number key, never written to disk by the program, each deletable alone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import errors
from app.domain.settings import SettingKey
from app.services import audit, numbers
from app.services.guard import storage_errors
from app.session import Session
from storage import number_cipher, verification_repo
from storage.crypto import DecryptionFailed
from storage.verification_repo import ScanInfo

MAX_BYTES = 10 * 1024 * 1024
# Sniffed from the first bytes, never taken from the file name.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
)
MEDIA_LABELS = {"image/png": "PNG画像", "image/jpeg": "JPEG画像", "application/pdf": "PDF"}


@dataclass(frozen=True)
class ScanContent:
    info: ScanInfo
    data: bytes


def _record_id(scan_id: int, verification_id: int) -> str:
    return f"scan:{scan_id}|verification:{verification_id}"


def record_id(scan_id: int, verification_id: int) -> str:
    """What a sealed scan is bound to (a key rotation re-seals it with the same)."""
    return _record_id(scan_id, verification_id)


def enabled(session: Session) -> bool:
    return bool(session.settings.get(SettingKey.VERIFICATION_SCANS, False))


def _verification(session: Session, verification_id: int) -> verification_repo.VerificationRow:
    with storage_errors():
        row = verification_repo.get(session.vault.conn, verification_id)
    if row is None:
        raise errors.NotFound("本人確認記録が見つかりません。")
    numbers.person_for(session, row.person_id)
    return row


def _require_number_key(session: Session, person_id: int) -> None:
    if not session.vault.has_number_key:
        audit.deny(
            session,
            "本人確認書類の写し",
            target=f"person:{person_id}",
            detail={"reason": "no_number_key"},
        )


def media_type(head: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def add_scan(session: Session, verification_id: int, path: Path) -> ScanInfo:
    """Read the file the clerk chose (its size checked before reading), seal it and keep it
    with the record. The chosen file itself is the clerk's to delete."""
    row = _verification(session, verification_id)
    if not enabled(session):
        raise errors.InvalidInput(
            "書類の写しの保存は設定で無効になっています。特定個人情報管理責任者に相談してください。"
        )
    _require_number_key(session, row.person_id)
    try:
        if not path.is_file():
            raise errors.InvalidInput(
                "ファイルが見つかりません。画像かPDFのファイルを選んでください。"
            )
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise errors.InvalidInput(
                f"ファイルが大きすぎます（{size / 1024 / 1024:,.1f} MB）。"
                f"{MAX_BYTES // 1024 // 1024} MB以下の画像かPDFにしてください。"
            )
        if size == 0:
            raise errors.InvalidInput("ファイルが空です。")
        with path.open("rb") as source:
            # At most one byte over the limit, whatever the file grew to since stat().
            content = source.read(MAX_BYTES + 1)
        if len(content) > MAX_BYTES:
            raise errors.InvalidInput(
                f"ファイルが大きすぎます。{MAX_BYTES // 1024 // 1024} MB以下の画像かPDFにしてください。"
            )
    except FileNotFoundError:
        raise errors.InvalidInput("ファイルが見つかりません。") from None
    except PermissionError:
        raise errors.InvalidInput(
            "ファイルを読めません（アクセスが許可されていません）。"
        ) from None
    except OSError:
        raise errors.InvalidInput("ファイルを読めませんでした。") from None
    kind = media_type(content[:8])
    if kind is None:
        raise errors.InvalidInput("保存できるのはPNG・JPEGの画像かPDFだけです。")
    with storage_errors(), session.vault.write() as writer:
        scan_id = verification_repo.next_scan_id(writer.conn)
        verification_repo.insert_scan(
            writer.conn,
            scan_id=scan_id,
            verification_id=verification_id,
            person_id=row.person_id,
            media_type=kind,
            byte_size=len(content),
            sealed=number_cipher.seal_document(
                session.vault.number_key(), content, _record_id(scan_id, verification_id)
            ),
            added_at=session.clock.now().isoformat(timespec="seconds"),
            added_by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "verification.scan_added",
            target=f"person:{row.person_id}",
            detail={"verification": verification_id, "scan": scan_id, "media_type": kind},
        )
        found = verification_repo.scan(writer.conn, scan_id)
    assert found is not None
    return found[0]


def scans(session: Session, verification_id: int) -> list[ScanInfo]:
    _verification(session, verification_id)
    with storage_errors():
        return verification_repo.scans_for(session.vault.conn, verification_id)


def open_scan(session: Session, scan_id: int) -> ScanContent:
    """Decrypted into memory for the screen only; the view is logged like a reveal."""
    info = _scan_info(session, scan_id)
    _require_number_key(session, info.person_id)
    with storage_errors(), session.vault.write() as writer:
        found = verification_repo.scan(writer.conn, scan_id)
        if found is None:
            raise errors.NotFound("書類の写しが見つかりません。")
        try:
            data = number_cipher.open_document(
                session.vault.number_key(), found[1], _record_id(scan_id, info.verification_id)
            )
        except DecryptionFailed:
            raise errors.VaultDamaged() from None
        audit.record(
            writer,
            session,
            "verification.scan_viewed",
            target=f"person:{info.person_id}",
            detail={"verification": info.verification_id, "scan": scan_id},
        )
    return ScanContent(info, data)


def delete_scan(session: Session, scan_id: int) -> None:
    info = _scan_info(session, scan_id)
    with storage_errors(), session.vault.write() as writer:
        verification_repo.delete_scan(writer.conn, scan_id)
        audit.record(
            writer,
            session,
            "verification.scan_deleted",
            target=f"person:{info.person_id}",
            detail={"verification": info.verification_id, "scan": scan_id},
        )


def _scan_info(session: Session, scan_id: int) -> ScanInfo:
    with storage_errors():
        found = verification_repo.scan(session.vault.conn, scan_id)
    if found is None:
        raise errors.NotFound("書類の写しが見つかりません。")
    numbers.person_for(session, found[0].person_id)
    return found[0]
