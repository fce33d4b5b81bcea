"""The boundary where storage failures become the typed errors users are shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app import errors
from storage.connection import DatabaseError
from storage.errors import StorageError


@contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except StorageError as exc:
        raise errors.from_storage(exc) from None
    except DatabaseError:
        # A page that fails its HMAC mid-operation surfaces as a plain DatabaseError.
        raise errors.VaultDamaged() from None
