"""The office the kill -9 campaign works on, and how its checks look at it: signing in, what a
member looks like to the user, verify, the staff table as a kill left it.

The office lives in one folder with one keyring file for the whole campaign (the audit anchor
in the keyring is named after the folder, so every kill must use the same path).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app import errors
from app.clock import FakeClock
from app.services import auth, verify
from app.session import Session
from storage import staff_repo, vault
from storage.connection import open_database
from tests.support.slot_attack import SlotCopy, slot_files, what_opens


@dataclass(frozen=True)
class View:
    """One member as the user sees them after a sign-in: the staff row, and which of their
    passwords open their own slot in the live slot file, with or without the number key."""

    exists: bool
    active: bool = False
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    must_change: bool = False
    slot: str = ""  # "start": the slot of the starting state, "new": another one
    opens: tuple[str, ...] = ()  # labels of the passwords (see CampaignOffice.label)
    number_key: bool = False

    def asked_to_change(self) -> View:
        """The member's new password in effect, the database still asking for a change."""
        return replace(self, must_change=True)


class CampaignOffice:
    def __init__(
        self, root: Path, clock: FakeClock, book: dict[str, list[str]], manager: str
    ) -> None:
        self.data = vault.VaultPaths(root / "data")
        self.keyring = root / "keyring-this-pc.json"
        self.clock = clock
        self.book = book  # every password each login has had or been given, in order
        self.manager = manager
        self.data_key = b""  # for reading the database as a kill left it, without a sign-in
        self.start_slot: str | None = None  # the changed member's slot before the operation

    def label(self, login: str, password: str) -> str:
        """`login#n`: the n-th password of the login in the book (no password in messages)."""
        return f"{login}#{self.book[login].index(password)}"

    def password(self, label: str) -> str:
        login, index = label.split("#")
        return self.book[login][int(index)]

    # --- signing in ---------------------------------------------------------------------

    def sign_in(self, login: str, password: str) -> Session:
        return auth.sign_in(self.data, login, password, self.clock)

    def sign_in_manager(self) -> Session:
        return self.sign_in(*self.manager_credentials())

    def manager_credentials(self) -> tuple[str, str]:
        """The manager with the password the live slot file takes now (their own change may
        be the operation killed); found without a failed sign-in, which would be counted."""
        live = self.live_slot_file()
        for password in self.book[self.manager]:
            if what_opens(live, self.manager, password):
                return self.manager, password
        raise AssertionError("no password of the manager opens the live slot file")

    def verify(self) -> list[str]:
        """verify as the manager runs it: the slot-file mismatches it reports, or the name of
        any other error (a damaged database, a broken audit chain), or nothing."""
        try:
            verify.verify_vault(self.data, *self.manager_credentials(), self.clock)
        except errors.SlotFileMismatch as exc:
            return list(exc.problems)
        except errors.AppError as exc:
            return [type(exc).__name__]
        return []

    # --- reading ------------------------------------------------------------------------

    def members_as_left(self) -> dict[str, staff_repo.StaffRecord]:
        """The staff table as a kill left it, read without a sign-in (nothing written but
        the rollback of a transaction the kill cut)."""
        conn = open_database(self.data.database, self.data_key)
        try:
            return {r.login_name: r for r in staff_repo.all_staff(conn)}
        finally:
            conn.close()

    def look(self, login: str, action: str) -> tuple[View, int]:
        """The member's view, and how many `action` events of theirs the access log holds,
        after the manager's sign-in (which finishes interrupted work)."""
        manager = self.sign_in_manager()
        try:
            return self._view(manager, login), self._events(manager, login, action)
        finally:
            manager.close()

    def live_slot_file(self) -> list[SlotCopy]:
        return [f for f in slot_files(self.data) if f.name == self.data.slots.name]

    def _view(self, session: Session, login: str) -> View:
        record = staff_repo.by_login(session.vault.conn, login)
        if record is None:
            return View(exists=False)
        live = self.live_slot_file()
        opens = [
            (self.label(login, password), o)
            for password in self.book[login]
            for o in what_opens(live, login, password)
            if o.slot_id == record.slot_id
        ]
        return View(
            exists=True,
            active=record.active,
            roles=tuple(sorted(record.roles)),
            scopes=tuple(sorted(f"{k}:{v}" for k, v in record.scopes)),
            must_change=record.must_change_password,
            slot="start" if record.slot_id == self.start_slot else "new",
            opens=tuple(sorted(label for label, _ in opens)),
            number_key=any(o.number_key for _, o in opens),
        )

    def _events(self, session: Session, login: str, action: str) -> int:
        row = session.vault.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = ? AND (target = ? OR actor_name = ?)",
            (action, login, login),
        ).fetchone()
        return int(row[0])
