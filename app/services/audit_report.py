"""監査報告書: the access-log analysis of a period as a PDF with the chain's head and newest
signed checkpoint, for the supervisor, the manager and the auditor; its output is logged."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain.access import Permission
from app.domain.display_dates import japanese_time
from app.domain.log_rules import AFTER_HOURS, BULK_OUTPUT, BURST, RULE_LABELS
from app.services import audit, log_analysis
from app.services.guard import storage_errors
from app.services.log_analysis import Analysis, Counts
from app.session import Session
from storage import office_repo
from storage.log_analysis_repo import Acknowledgement

CHAIN_ERRORS = (errors.AuditChainBroken, errors.AuditCheckpointBroken, errors.AuditAnchorMissing)


def _months(days: tuple[Counts, ...]) -> list[Counts]:
    """The days' counts summed per month (a few hundred rows at most)."""
    months: dict[str, list[int]] = {}
    for day in days:
        sums = months.setdefault(day.key[:7], [0, 0, 0])
        sums[0] += day.reveals
        sums[1] += day.outputs
        sums[2] += day.failed
    return [Counts(key, *sums) for key, sums in months.items()]


def _checked(analysis: Analysis, ack: object) -> str:
    if not isinstance(ack, Acknowledgement):
        return "未確認"
    by = analysis.names.get(ack.acknowledged_by_name, ack.acknowledged_by_name)
    return f"{by}（{japanese_time(ack.acknowledged_at)}）：{ack.note}"


@dataclass(frozen=True)
class Made:
    pdf: bytes
    chain_problem: str  # what the verification found, empty when the log holds


def report_pdf(session: Session, first: date, last: date) -> bytes:
    """`make`'s PDF."""
    return make(session, first, last).pdf


def chain_problem(session: Session) -> str:
    """'' when the access log's links, anchor and signed checkpoints hold; else what broke,
    said above the analysis screen's counts as the report says it at its top."""
    audit.require(session, Permission.READ_AUDIT)
    try:
        audit.verify_chain(session)
    except CHAIN_ERRORS as exc:
        return exc.message
    return ""


def make(session: Session, first: date, last: date) -> Made:
    """The report of the period; raises PermissionDenied (logged) for a clerk. When the log
    does not hold (`audit.verify_chain`'s errors) the report is still made and says so at its
    top and in its section on the log, its counts marked as drawn from an unverified log."""
    from app import paths
    from reports import audit_report as sheet
    from reports import fonts

    audit.require(session, Permission.READ_AUDIT)
    analysis = log_analysis.compute(session, first, last)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    try:
        verified = audit.verify_chain(session)
        problem = ""
    except CHAIN_ERRORS as exc:
        # The report says so instead of refusing: the auditor needs it most then.
        with storage_errors():
            head = session.vault.audit_head()
        verified = audit.VerifyResult(head.seq, head.fingerprint, None, None)
        problem = exc.message
    total = analysis.total()

    def line(label: str, counts: Counts) -> sheet.CountLine:
        return sheet.CountLine(label, counts.reveals, counts.outputs, counts.failed)

    report = sheet.AuditReport(
        office_name=office.name if office else "",
        made_on=session.clock.now().date(),
        first=first,
        last=last,
        total=line("合計", total),
        months=tuple(
            line(f"{int(c.key[:4])}年{int(c.key[5:7])}月", c) for c in _months(analysis.by_day)
        ),
        members=tuple(line(analysis.names.get(c.key, c.key), c) for c in analysis.by_user),
        rules=tuple(
            f"{RULE_LABELS[rule]}：{analysis.rules.describe(rule)}"
            for rule in (AFTER_HOURS, BURST, BULK_OUTPUT)
        ),
        flags=tuple(
            sheet.FlagLine(
                RULE_LABELS[f.rule],
                analysis.names.get(f.actor_name, f.actor_name),
                f.what,
                _checked(analysis, f.acknowledgement),
            )
            for f in analysis.flags
        ),
        entries=verified.entries,
        head_fingerprint=verified.head_fingerprint,
        sealed=verified.sealed or "まだありません",
        chain_problem=problem,
    )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    sheet.render_audit_report(report, out)
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "audit.report_printed",
            detail={"from": first.isoformat(), "to": last.isoformat()},
        )
    return Made(out.getvalue(), problem)
