"""Command-line handlers for the records the office keeps (#17): the incidents register and
its yearly analysis, the audit report of the access-log analysis and the yearly
self-inspection report. Registered in app.commands.HANDLERS; the sign-in is app.commands'."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import errors
from app.cli import print_line
from app.clock import Clock
from app.domain import my_number
from app.session import Session
from storage.atomic import open_private


def shown(out: Path) -> str:
    """The path as a message quotes it: not when it holds a run that could be a number."""
    return my_number.echo(str(out), 260)


def refuse_existing(out: Path) -> None:
    """Before any work: an existing file (or folder) is never replaced."""
    if out.exists():
        raise errors.InvalidInput(f"「{shown(out)}」は既にあります。上書きはしません。")


def save_new(out: Path, data: bytes) -> None:
    """data as a new file that only this user can read: never over a file that appeared since
    the check, and never half written: a write that fails (a full disk) removes what it
    began, so no truncated PDF is left looking like a report."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = open_private(out, new=True)
    except FileExistsError:
        raise errors.InvalidInput(f"「{shown(out)}」は既にあります。上書きはしません。") from None
    except OSError:
        raise errors.InvalidInput(f"「{shown(out)}」に書き込めません。") from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        out.unlink(missing_ok=True)
        raise errors.InvalidInput(
            f"「{shown(out)}」に書き込めませんでした（保存先の空き容量を確認してください）。"
            "書きかけのファイルは残していません。"
        ) from None


def audit_report(session: Session, args: argparse.Namespace) -> int:
    """`audit report --from D --to D --out FILE.pdf` (called by app.commands.cmd_audit)."""
    from app.services import audit_report as report

    out: Path = args.out
    refuse_existing(out)
    made = report.make(session, args.since, args.until)
    save_new(out, made.pdf)
    print_line(f"監査報告書を作成しました: {shown(out)}")
    if made.chain_problem:
        # Written, and said in it; a script must not take it for a clean log.
        print_line(
            "注意: アクセス記録の検証で異常が見つかりました（報告書にも記載しています）。"
            + made.chain_problem,
            stream=sys.stderr,
        )
        return 1
    return 0


def self_inspection_report(session: Session, args: argparse.Namespace) -> int:
    """`report self-inspection --year Y --out FILE.pdf` (called by app.commands.cmd_report)."""
    from app.services import self_inspection

    out: Path = args.out
    refuse_existing(out)
    pdf = self_inspection.report_pdf(session, args.year)
    save_new(out, pdf)
    print_line(f"{args.year}年の自己点検報告書を作成しました: {shown(out)}")
    return 0


def _incident_analysis(session: Session, year: int, out: Path) -> int:
    from app.services import incident_analysis

    refuse_existing(out)
    pdf = incident_analysis.analysis_pdf(session, year)
    save_new(out, pdf)
    print_line(f"漏えい等事案の年次分析を作成しました: {shown(out)}")
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
