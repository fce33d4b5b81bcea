"""Review of the records the office keeps (#17): attacks on the services, their papers and
their rules that an earlier version failed."""

from __future__ import annotations

import io
from datetime import timedelta

import pypdf

from app.domain.incidents import IncidentKind
from app.services import consignee_register, consignees, incident_analysis, incidents
from tests.conftest import Office


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return "".join(page.extract_text() or "" for page in pages).replace("\n", "")


def test_the_yearly_analysis_prints_a_cause_as_long_as_the_register_keeps(office: Office) -> None:
    manager = office.manager
    known = office.clock.now() - timedelta(hours=2)
    found = incidents.register(
        manager, title="誤送付", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
    )
    cause = "".join(f"原因その{i:04d}。" for i in range(300))[: incidents.TEXT_LIMIT]
    incidents.set_report_items(manager, found.id, {"cause": cause})

    text = _text(incident_analysis.analysis_pdf(manager, 2026))

    # Every word of it, over as many pages as it takes (it was refused as too long).
    assert cause[:20] in text and cause[-20:] in text


def test_the_consignee_register_prints_the_longest_texts_it_keeps(office: Office) -> None:
    manager = office.manager
    work = "".join(f"業務その{i:04d}。" for i in range(200))[: consignees.TEXT_LIMIT]
    consignees.register(
        manager,
        consignees.Company(
            name="委" * consignees.NAME_LIMIT,
            address="所" * consignees.SHORT_LIMIT,
            contact="連" * consignees.SHORT_LIMIT,
            work=work,
        ),
    )

    text = _text(consignee_register.register_pdf(manager))

    assert work[:20] in text and work[-20:] in text
