"""Command-line handlers for the records the office keeps (#17): the incidents register and
its yearly analysis, the audit report of the access-log analysis and the yearly
self-inspection report. Registered in app.commands.HANDLERS; the sign-in is app.commands'."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import errors
from app.cli import print_line
from app.clock import Clock
from app.session import Session
from storage.atomic import write_private


def audit_report(session: Session, args: argparse.Namespace) -> int:
    """`audit report --from D --to D --out FILE.pdf` (called by app.commands.cmd_audit)."""
    from app.services import audit_report as report

    out: Path = args.out
    if out.exists():
        raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
    pdf = report.report_pdf(session, args.since, args.until)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, pdf)
    except OSError:
        raise errors.InvalidInput(f"「{out}」に書き込めません。") from None
    print_line(f"監査報告書を作成しました: {out}")
    return 0


def self_inspection_report(session: Session, args: argparse.Namespace) -> int:
    """`report self-inspection --year Y --out FILE.pdf` (called by app.commands.cmd_report)."""
    from app.services import self_inspection

    out: Path = args.out
    if out.exists():
        raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
    pdf = self_inspection.report_pdf(session, args.year)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, pdf)
    except OSError:
        raise errors.InvalidInput(f"「{out}」に書き込めません。") from None
    print_line(f"{args.year}年の自己点検報告書を作成しました: {out}")
    return 0


def _incident_analysis(session: Session, year: int, out: Path) -> int:
    from app.services import incident_analysis

    if out.exists():
        raise errors.InvalidInput(f"「{out}」は既にあります。上書きはしません。")
    pdf = incident_analysis.analysis_pdf(session, year)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, pdf)
    except OSError:
        raise errors.InvalidInput(f"「{out}」に書き込めません。") from None
    print_line(f"漏えい等事案の年次分析を作成しました: {out}")
    return 0


def cmd_incidents(args: argparse.Namespace, data_dir: Path, clock: Clock) -> int:
    def work(session: Session, _lines: list[str]) -> int:
        from app.domain.display_dates import japanese_day
        from app.services import incidents

        if args.incidents_command == "analysis":
            return _incident_analysis(session, args.year, args.out)
        found = incidents.list_incidents(session)
        for incident in found:
            reportable = incident.reportability.reportable
            print_line(
                "\t".join(
                    [
                        f"No.{incident.id}",
                        incident.state.label,
                        incident.kind.label,
                        incident.title,
                        f"知った日 {japanese_day(incident.known_at)}",
                        "報告が必要" if reportable else "報告の義務なし",
                        f"確報期限 {japanese_day(incident.deadlines.final_by)}"
                        if reportable
                        else "-",
                    ]
                )
            )
        print_line(f"{len(found)}件")
        return 0

    from app.commands import _with_session

    return _with_session(args, data_dir, clock, work)
