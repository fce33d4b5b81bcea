"""The yearly self-inspection report (自己点検, 規程第4章・第9条⑤; 保有規程第54条; 別添1 C-e):
assembled from the year's records by the section builders of app/services/inspection_sections,
with a signature block for the 事務取扱責任者 and the 特定個人情報管理責任者 and the compliance
map appended. Read and printed by those who read the records (manager, supervisor, auditor:
READ_AUDIT); it carries no number and no person's name, only staff names and counts."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain import compliance_map
from app.domain.access import Permission, Role
from app.domain.inspection_report import InspectionSection
from app.services import audit
from app.services.guard import renders_paper, storage_errors
from app.services.inspection_sections import SECTION_BUILDERS
from app.session import Session
from storage import office_repo, staff_repo

FIRST_YEAR = 2016  # the My Number system's first year


@dataclass(frozen=True)
class SelfInspection:
    office_name: str
    year: int
    made_on: date
    sections: tuple[InspectionSection, ...]
    supervisors: tuple[str, ...]  # 事務取扱責任者 (names of active accounts)
    managers: tuple[str, ...]  # 特定個人情報管理責任者

    @property
    def attention(self) -> int:
        return sum(1 for s in self.sections if s.attention)


def _checked_year(session: Session, year: int) -> int:
    this_year = session.clock.now().year
    if not FIRST_YEAR <= year <= this_year:
        raise errors.InvalidInput(
            f"点検の年は{FIRST_YEAR}年から{this_year}年の間で指定してください。"
        )
    return year


def build(session: Session, year: int) -> SelfInspection:
    """The report's content for `year`, as of today."""
    audit.require(session, Permission.READ_AUDIT, target="inspection")
    year = _checked_year(session, year)
    today = session.clock.now().date()
    sections = tuple(builder(session, year, today) for builder in SECTION_BUILDERS)
    with storage_errors():
        office = office_repo.get(session.vault.conn)
        members = [r for r in staff_repo.all_staff(session.vault.conn) if r.active]
    return SelfInspection(
        office.name if office else "",
        year,
        today,
        sections,
        tuple(r.display_name for r in members if Role.SUPERVISOR.value in r.roles),
        tuple(r.display_name for r in members if Role.MANAGER.value in r.roles),
    )


def compliance_rows() -> list[tuple[str, str, str, str, str]]:
    """The compliance map as the report and the screen show it: regulation, article, title,
    what the program (or the office) does, and where."""
    rows = []
    for article in compliance_map.ARTICLES:
        where = "、".join(compliance_map.SCREENS[key].label for key in article.screens)
        if not article.served:
            where = "運用で対応"
        elif not where:
            where = "プログラム全体"
        rows.append((article.regulation.label, article.article, article.title, article.does, where))
    return rows


@renders_paper
def report_pdf(session: Session, year: int) -> bytes:
    """The report as a PDF; printing it is an event of the access log."""
    from app import paths
    from reports import fonts
    from reports import self_inspection as sheet

    found = build(session, year)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    sheet.render_self_inspection(
        sheet.Report(
            office_name=found.office_name,
            year=found.year,
            made_on=found.made_on,
            sections=tuple(
                sheet.Section(s.title, s.finding, s.headers, s.widths, s.rows, s.empty, s.attention)
                for s in found.sections
            ),
            supervisors=found.supervisors,
            managers=found.managers,
            compliance=tuple(compliance_rows()),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer, session, "inspection.printed", target="inspection", detail={"year": year}
        )
    return out.getvalue()
