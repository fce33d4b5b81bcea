"""Where the audit anchor (the chain head kept outside the database) lives in this PC's store.

The anchor is keyed by the vault id *and* the data folder: a restore drill into another folder
on the same PC holds the same vault (same id, same machine secret), and with one anchor for
both, each folder's writes moved the other's anchor, so the live data reported a broken log
forever after. The folder is named by a hash of its resolved path (case-folded where the file
system ignores case), so a copy and the original never share an anchor. A folder that is
moved meets no anchor at its new place; its first write stores one, as after any loss of the
anchor.

Anchors were first named by the vault id alone; that name is read once and moved to the
folder's own name (the first folder of the vault to open after the upgrade takes it).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from storage.errors import KeystoreUnavailable
from storage.keystore import SecretStore

log = logging.getLogger(__name__)


def folder_tag(data_dir: Path) -> str:
    resolved = os.path.normcase(str(data_dir.resolve()))
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]


def anchor_name(vault_id: str, data_dir: Path) -> str:
    return f"audit-anchor:{vault_id}:{folder_tag(data_dir)}"


def legacy_anchor_name(vault_id: str) -> str:
    return f"audit-anchor:{vault_id}"


def read(store: SecretStore, vault_id: str, data_dir: Path) -> str | None:
    """The folder's anchor; until it is moved, the one named by the vault id alone."""
    value = store.get(anchor_name(vault_id, data_dir))
    if value is None:
        value = store.get(legacy_anchor_name(vault_id))
    return value


def adopt_legacy(store: SecretStore, vault_id: str, data_dir: Path) -> None:
    """Move an anchor named by the vault id alone to this folder's name, once. Failing to
    move it is harmless: `read` still finds it under the old name."""
    name = anchor_name(vault_id, data_dir)
    if store.get(name) is not None:
        return
    legacy = legacy_anchor_name(vault_id)
    value = store.get(legacy)
    if value is None:
        return
    try:
        store.put(name, value)
        store.delete(legacy)
    except (KeystoreUnavailable, OSError):
        log.warning("audit anchor kept under its old name for now")


def forget(store: SecretStore, vault_id: str, data_dir: Path) -> None:
    for name in (anchor_name(vault_id, data_dir), legacy_anchor_name(vault_id)):
        store.delete(name)
