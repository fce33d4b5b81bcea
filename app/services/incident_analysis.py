"""The yearly analysis of leak incidents (規程第14条3: the records of the handling analysed at
least once a year): every incident the office knew of in a year, with its kind, the 号 that
applied, the persons counted, the cause and the measures, and the totals. No person named."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from app.domain.display_dates import japanese_day
from app.domain.incidents import IncidentKind, MeasureState
from app.services import audit, incidents
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import office_repo


@dataclass(frozen=True)
class AnalysisRow:
    number: str
    known_on: str
    kind: str
    title: str
    items: str  # 「第2号」…, or 「報告不要」
    persons: int
    cause: str
    measures: str  # 「実施済み 1・予定 1」
    state: str


@dataclass(frozen=True)
class YearlyAnalysis:
    year: int
    rows: tuple[AnalysisRow, ...]
    by_kind: dict[str, int]
    reportable: int
    persons: int
    measures_open: int


def yearly_analysis(session: Session, year: int) -> YearlyAnalysis:
    """Incidents known in `year` (their known-at day), oldest first. Read by those who read the
    register (manager, supervisor, auditor)."""
    found = [i for i in incidents.list_incidents(session) if i.known_at.year == year]
    found.sort(key=lambda i: (i.known_at, i.id))
    rows = []
    kinds: Counter[str] = Counter()
    open_measures = 0
    for incident in found:
        shown = incidents.detail(session, incident.id)
        states = Counter(m.state for m in shown.measures)
        open_measures += states[MeasureState.PLANNED]
        decided = incident.reportability
        kinds[incident.kind.label] += 1
        rows.append(
            AnalysisRow(
                number=f"No.{incident.id}",
                known_on=japanese_day(incident.known_at, weekday=False),
                kind=incident.kind.label,
                title=incident.title,
                items="・".join(f"第{n}号" for n in decided.items)
                if decided.reportable
                else "報告不要",
                persons=incident.checklist.persons,
                cause=incident.items.text("cause"),
                measures="・".join(
                    f"{state.label} {states[state]}" for state in MeasureState if states[state]
                )
                or "なし",
                state=incident.state.label,
            )
        )
    return YearlyAnalysis(
        year=year,
        rows=tuple(rows),
        by_kind={kind.label: kinds[kind.label] for kind in IncidentKind},
        reportable=sum(1 for r in rows if r.items != "報告不要"),
        persons=sum(r.persons for r in rows),
        measures_open=open_measures,
    )


@renders_paper
def analysis_pdf(session: Session, year: int) -> bytes:
    """The analysis as a PDF (A4 landscape), logged as an output."""
    from app import paths
    from reports import fonts
    from reports.incident_analysis import AnalysisLine, AnalysisSheet, render_analysis

    found = yearly_analysis(session, year)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    totals = (
        f"件数 {len(found.rows)}件（"
        + "、".join(f"{k} {n}件" for k, n in found.by_kind.items())
        + f"）　報告対象 {found.reportable}件　本人の数 合計 {found.persons:,}人"
        + f"　未実施の再発防止策 {found.measures_open}件"
    )
    render_analysis(
        AnalysisSheet(
            office_name=office.name if office else "",
            printed_on=japanese_day(session.clock.now().date()),
            year=year,
            totals=totals,
            lines=tuple(
                AnalysisLine(
                    r.number,
                    r.known_on,
                    r.kind,
                    r.title,
                    r.items,
                    f"{r.persons:,}人",
                    r.cause,
                    r.measures,
                    r.state,
                )
                for r in found.rows
            ),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer, session, "incident.analysis_printed", detail={"records": len(found.rows)}
        )
    return out.getvalue()
