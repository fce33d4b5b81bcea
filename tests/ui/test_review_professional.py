"""Review finding: the fact 弁護士・司法書士・税理士等 (the 250万円 range of the 給与所得の源泉徴収票,
FORMS.md §2.2) could not be set anywhere, so such an employee paid 250万〜500万円 was always
「提出は不要」. The clerk now ticks it with the 役員 box."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from app.domain import submission_range
from app.domain.year_end import PROFESSIONAL, SALARY, YearEndEntry
from ui.dialogs.year_end_fields import YearEndFields


def test_the_professional_fact_is_typed_shown_and_decides_the_range(qtbot) -> None:
    fields = YearEndFields(2026)
    qtbot.addWidget(fields)
    box = fields.findChild(QCheckBox, "slipProfessional")
    assert box is not None and not box.isChecked()
    fields.amounts["payment"].setText("3000000")
    box.setChecked(True)
    entry = fields.entry(7)
    assert entry.facts.get(PROFESSIONAL) == "1"
    assert submission_range.salary_tax_office(entry).required
    fields.show_entry(YearEndEntry(7, 2026, SALARY, {"payment": 3_000_000}, {PROFESSIONAL: "1"}))
    assert box.isChecked()
    box.setChecked(False)
    assert PROFESSIONAL not in fields.entry(7).facts
    assert not submission_range.salary_tax_office(fields.entry(7)).required
