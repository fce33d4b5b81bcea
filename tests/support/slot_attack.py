"""What a password opens from the files of a data folder, tried as someone holding a copy of
the folder and this PC's keyring would try it, whatever the database says.

Every file of the folder that reads as a slot file counts (the live `keyslots.json`, its
`.bak`, temp files a kill left behind), every slot of the login in it is tried on its own, and
the `disabled` mark is struck out first: it is not sealed, so editing it away costs nothing
(what a disabled slot really protects with is that its sealed keys are gone).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage import vault
from storage.errors import StorageError
from storage.keyslots import MachineKeys, SlotFile


@dataclass(frozen=True)
class Opened:
    file: str  # name of the file in the data folder
    slot_id: str
    number_key: bool  # the number key opened too, not only the data key


@dataclass(frozen=True)
class SlotCopy:
    """A file of the folder that reads as a slot file, with this PC's keys for it."""

    name: str  # its path in the data folder
    slots: SlotFile
    keys: MachineKeys


def slot_files(data: vault.VaultPaths) -> list[SlotCopy]:
    """Every file in the data folder that reads as a slot file and this PC's keyring opens
    the outer layer of, the live one first."""
    found = []
    for path in sorted(data.data_dir.rglob("*"), key=lambda p: (p != data.slots, p.name)):
        if not path.is_file():
            continue
        try:
            slots = SlotFile.parse(path, path.read_bytes())
            keys = vault.machine_keys_for(slots, vault.secret_store_for(data, slots.secret_store))
        except (StorageError, OSError):
            continue
        found.append(SlotCopy(str(path.relative_to(data.data_dir)), slots, keys))
    return found


def what_opens(copies: list[SlotCopy], login: str, password: str) -> list[Opened]:
    """Each slot of `login`, in each of the files, that `password` opens a key from."""
    opened = []
    for copy in copies:
        for slot_id in copy.slots.user_slots_for(copy.keys, login):
            slot = {k: v for k, v in copy.slots.slots[slot_id].items() if k != "disabled"}
            alone = SlotFile(copy.slots.path, {**copy.slots.data, "slots": {slot_id: slot}})
            try:
                unlocked = alone.unlock_user(copy.keys, login, password)
            except StorageError:
                continue
            opened.append(Opened(copy.name, slot_id, unlocked.number_key is not None))
            unlocked.wipe()
    return opened
