"""A PDF with numbers saved as a file: encrypted with AES-256 (PDF 2.0's R6 security handler,
pypdf with `cryptography`), opened only with the password sent separately."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions

from reports.errors import ReportError

# Printing (also at full quality) only: no copying of text, no editing.
_PRINT_ONLY = UserAccessPermissions.PRINT | UserAccessPermissions.PRINT_TO_REPRESENTATION


def encrypt(pdf: bytes, password: str) -> bytes:
    """`pdf` encrypted for opening with `password`; the owner password is a different random
    one nobody keeps, so the permissions (print only) cannot be lifted with the user's."""
    import secrets

    if not password:
        raise ReportError("an export password is required")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(32),
        algorithm="AES-256",
        permissions_flag=_PRINT_ONLY,
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
