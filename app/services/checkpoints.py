"""Signed checkpoints of the access log, made by the members who hold a signing key (the
manager and the auditor) at their sign-ins and sign-outs, at each `verify`, and on their first
change of a day; checked by `verify` and the access-log page (storage/checkpoints.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app import errors
from app.domain.display_dates import japanese_time
from app.services.guard import storage_errors
from app.session import Session
from storage import checkpoints, roster
from storage.checkpoints import AUDITOR, MANAGER, CheckpointReport
from storage.keyslots import AUDITOR_KEY, MANAGER_KEY
from storage.vault import Vault

DAILY = timedelta(days=1)


@dataclass(frozen=True)
class Sealed:
    """The newest signed checkpoint of the access log and how many entries follow it (those a
    member with the files could still cut off unnoticed)."""

    seq: int
    made_at: str
    signer: str
    after: int

    @classmethod
    def of(cls, report: CheckpointReport) -> Sealed | None:
        if report.last is None:
            return None
        last = report.last
        return cls(last.seq, last.made_at, last.signer, report.after)

    def describe(self) -> str:
        who = "特定個人情報管理責任者" if self.signer == "manager" else "監査責任者"
        text = f"第{self.seq:,}番まで（{japanese_time(self.made_at)}、{who}の署名）"
        if self.after:
            text += f"。その後の{self.after:,}件は、まだ署名されていませんでした"
        return text


def can_sign(opened: Vault) -> bool:
    return opened.has_role_key(MANAGER_KEY) or opened.has_role_key(AUDITOR_KEY)


def make(session: Session) -> None:
    """A checkpoint of the log as it is now, signed with the manager key (or, for the
    auditor, the auditor key); nothing for a member who holds neither."""
    opened = session.vault
    if not can_sign(opened):
        return
    signer, name = (
        (MANAGER, MANAGER_KEY)
        if opened.has_role_key(MANAGER_KEY)
        else (
            AUDITOR,
            AUDITOR_KEY,
        )
    )
    with storage_errors(), opened.write() as writer:
        state = roster.state(writer.conn, opened.pin, opened.vault_id)
        checkpoints.make(
            writer.conn,
            opened.vault_id,
            opened.audit_head(),
            roster_seq=state.newest.roster.seq if state.newest else 0,
            signer=signer,
            key=opened.role_key(name),
            made_at=session.clock.now().isoformat(timespec="seconds"),
        )


def make_daily(session: Session) -> None:
    """After a change: a checkpoint when the newest is a day old (a session left open)."""
    with storage_errors():
        last = checkpoints.last_made_at(session.vault.conn)
    if last is None or session.clock.now() - datetime.fromisoformat(last) >= DAILY:
        make(session)


def watch(session: Session) -> None:
    """Let the manager's and the auditor's sessions checkpoint daily as they write."""
    if can_sign(session.vault):
        session.vault.on_commit = lambda: make_daily(session)


def check(session: Session) -> CheckpointReport:
    """Every checkpoint against the log (whose links the caller has verified); raises when
    one does not hold."""
    opened = session.vault
    with storage_errors():
        state = roster.state(opened.conn, opened.pin, opened.vault_id)
        publics = {MANAGER: opened.pin}
        if state.newest is not None:
            publics[AUDITOR] = state.newest.roster.auditor_public_bytes
        report = checkpoints.check(
            opened.conn,
            opened.vault_id,
            opened.audit_head(),
            publics,
            state.newest.roster.seq if state.newest else 0,
        )
    if report.problems:
        raise errors.AuditCheckpointBroken(report.problems)
    return report
