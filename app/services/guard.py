"""The boundary where storage failures become the typed errors users are shown."""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from app import errors
from app.domain import kana, my_number
from reports.errors import FontsMissing, ReportError
from storage.connection import DatabaseError, is_busy, is_disk_full, is_not_writable
from storage.errors import StorageError

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


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


def renders_paper(service: Callable[P, R]) -> Callable[P, R]:
    """For a service that renders a paper: a paper that cannot be laid out (a value too long
    for a sheet) or fonts that cannot be loaded become an AppError told in Japanese, never the
    crash dialog. The renderer's own words (English, no personal data) go to the log."""

    @functools.wraps(service)
    def render(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return service(*args, **kwargs)
        except FontsMissing as exc:
            log.warning("%s: fonts missing: %s", service.__name__, exc)
            raise errors.PrintFontsMissing() from None
        except ReportError as exc:
            log.warning("%s: the paper could not be laid out: %s", service.__name__, exc)
            raise errors.PaperLayoutFailed() from None

    render.renders_paper = True  # type: ignore[attr-defined]
    return render


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
