"""The boundary where storage failures become the typed errors users are shown."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from app import errors
from app.domain import kana, my_number
from storage.connection import DatabaseError, is_busy, is_disk_full, is_not_writable
from storage.errors import StorageError


@contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except StorageError as exc:
        raise errors.from_storage(exc) from None
    except DatabaseError as exc:
        if is_not_writable(exc):
            # A read-only folder is not a damaged database: nothing was written, nothing lost.
            raise errors.DataNotWritable() from None
        # Another program holding the lock, or a full disk, is not damage: the file is fine
        # and the user is told to wait, or to free space, and try again.
        if is_busy(exc):
            raise errors.Busy() from None
        if is_disk_full(exc):
            raise errors.DiskFull() from None
        # A page that fails its HMAC mid-operation surfaces as a plain DatabaseError.
        raise errors.VaultDamaged() from None


def free_text(value: str, label: str, *, limit: int, required: bool = False) -> str:
    """A typed free text (a reason, a note, a name) as it is kept and printed: as typed
    (kana.as_typed: trimmed, full-width brackets and punctuation kept), within `limit`, and
    never a run that could be a number, however written (checked on its NFKC form: a record
    must not hold one)."""
    text = kana.as_typed(value)
    if required and not text.strip():
        raise errors.InvalidInput(f"{label}を入力してください。")
    if len(text) > limit:
        raise errors.InvalidInput(f"{label}は{limit}文字以内で入力してください。")
    if my_number.looks_like_number(unicodedata.normalize("NFKC", text)):
        raise errors.InvalidInput(f"{label}に個人番号のような数字列は記録できません。")
    return text
