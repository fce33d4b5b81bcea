"""Deletion certificates received from consignees (削除・廃棄の証明, 規程第15条⑤ and 第42条
第4項⑥): the file the consignee sent is kept inside the encrypted database — never copied to a
temporary file — and shown from memory, each view logged. Limits and the media-type sniffing
are the verification copies' (app.services.verification_scans)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import errors
from app.domain.access import Permission
from app.services import audit
from app.services.consignees import get_row, past_day, require_reader
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.services.verification_scans import MAX_BYTES, media_type
from app.session import Session
from storage import consignee_repo
from storage.consignee_repo import CertificateRow

DESCRIPTION_LIMIT = 200
_MB = MAX_BYTES // 1024 // 1024
# A certificate is a letter of a page or a few. Each page is drawn as an image to be shown, so
# a page metres wide or thousands of small pages (both fit in a few kilobytes) would exhaust
# the memory of whoever opens it: refused when kept.
MAX_PAGES = 30
MAX_SIDE_POINTS = 2384.0  # A1's long side (an A4 page is 842)


@dataclass(frozen=True)
class CertificateContent:
    info: CertificateRow
    data: bytes


def read_file(path: Path) -> tuple[bytes, str]:
    """The file's bytes and sniffed media type; its size is checked before it is read, and at
    most one byte past the limit is ever read."""
    try:
        if not path.is_file():
            raise errors.InvalidInput(
                "ファイルが見つかりません。PDFか画像のファイルを選んでください。"
            )
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise errors.InvalidInput(
                f"ファイルが大きすぎます（{size / 1024 / 1024:,.1f} MB）。"
                f"{_MB} MB以下のPDF・PNG・JPEGにしてください。"
            )
        if size == 0:
            raise errors.InvalidInput("ファイルが空です。")
        with path.open("rb") as source:
            content = source.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise errors.InvalidInput("ファイルが見つかりません。") from None
    except PermissionError:
        raise errors.InvalidInput(
            "ファイルを読めません（アクセスが許可されていません）。"
        ) from None
    except OSError:
        raise errors.InvalidInput("ファイルを読めませんでした。") from None
    if len(content) > MAX_BYTES:
        raise errors.InvalidInput(
            f"ファイルが大きすぎます。{_MB} MB以下のPDF・PNG・JPEGにしてください。"
        )
    kind = media_type(content[:8])
    if kind is None:
        raise errors.InvalidInput(
            "保存できるのはPDFとPNG・JPEGの画像だけです（ファイルの中身で判定しています）。"
        )
    if kind == "application/pdf":
        _check_pages(content)
    return content, kind


def _check_pages(content: bytes) -> None:
    """A PDF that opens, with pages of a paper's size and not too many of them."""
    from app.services import printing

    try:
        sizes = printing.sizes_of(content)
    except Exception:  # the PDF library's own error for any damaged or hostile file
        raise errors.InvalidInput(
            "PDFとして読めません。ファイルが壊れていないか確認してください。"
        ) from None
    if not sizes:
        raise errors.InvalidInput("ページのないPDFです。")
    if len(sizes) > MAX_PAGES:
        raise errors.InvalidInput(
            f"ページが多すぎます（{len(sizes):,}ページ）。{MAX_PAGES}ページ以下のPDFにしてください。"
        )
    if any(max(width, height) > MAX_SIDE_POINTS for width, height in sizes):
        raise errors.InvalidInput(
            "用紙が大きすぎるページがあります。A1以下の用紙のPDFにしてください。"
        )


def add_certificate(
    session: Session, consignee_id: int, path: Path, *, received_on: date, description: str
) -> CertificateRow:
    """Keep the certificate the consignee sent; the chosen file itself stays where it was."""
    audit.require(
        session, Permission.RECORD_CONSIGNEE_CERTIFICATES, target=f"consignee:{consignee_id}"
    )
    what = checked_text(description, "証明の内容", DESCRIPTION_LIMIT, required=True)
    day = past_day(session, received_on, "受領日")
    content, kind = read_file(path)
    with storage_errors(), session.vault.write() as writer:
        get_row(writer.conn, consignee_id)
        certificate_id = consignee_repo.insert_certificate(
            writer.conn,
            consignee_id=consignee_id,
            received_on=day,
            description=what,
            media_type=kind,
            content=content,
            now=session.clock.now().isoformat(timespec="seconds"),
            by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.certificate_added",
            target=f"consignee:{consignee_id}",
            detail={"certificate": certificate_id, "media_type": kind, "size": len(content)},
        )
        found = consignee_repo.certificate(writer.conn, certificate_id)
    assert found is not None
    return found


def open_certificate(session: Session, certificate_id: int) -> CertificateContent:
    """Read into memory for the screen; the view is logged."""
    require_reader(session)
    with storage_errors(), session.vault.write() as writer:
        info = consignee_repo.certificate(writer.conn, certificate_id)
        data = consignee_repo.certificate_content(writer.conn, certificate_id)
        if info is None or data is None:
            raise errors.NotFound("削除証明のファイルが見つかりません。")
        audit.record(
            writer,
            session,
            "consignee.certificate_viewed",
            target=f"consignee:{info.consignee_id}",
            detail={"certificate": certificate_id},
        )
    return CertificateContent(info, data)
