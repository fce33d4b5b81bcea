"""The access-log analysis links a bulk-output flag to the outputs-register entry the output
was written with (its 出力番号), shown in the flag's row; an output the register does not hold
(a paper without numbers) has none."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.log_rules import BULK_OUTPUT
from app.services import audit, log_analysis, settings
from tests.conftest import JST, Office


def test_a_bulk_output_flag_names_its_register_entry(office: Office) -> None:
    settings.change(office.manager, "bulk_output_persons", "3")
    boss = office.manager
    office.clock._now = datetime(2026, 12, 1, 10, tzinfo=JST)
    with boss.vault.write() as writer:
        audit.record_all(
            writer, boss, [("number.form_printed", f"person:{i}", {}) for i in range(4)]
        )
        audit.record(writer, boss, "output.registered", target="output:7")
    office.clock._now = datetime(2026, 12, 1, 11, tzinfo=JST)
    with boss.vault.write() as writer:
        audit.record_all(
            writer, boss, [("verification.printed", f"person:{i}", {}) for i in range(5)]
        )
    office.clock._now = datetime(2026, 12, 1, 12, tzinfo=JST)
    # A later register entry of another output is not taken for the one before.
    with boss.vault.write() as writer:
        audit.record(writer, boss, "output.registered", target="output:8")

    flags = log_analysis.analyse(boss, date(2026, 12, 1), date(2026, 12, 1)).flags

    assert [(f.rule, f.count, f.output_id) for f in flags] == [
        (BULK_OUTPUT, 4, 7),
        (BULK_OUTPUT, 5, None),
    ]
    assert "出力番号 No.00007" in flags[0].what
    assert "出力番号" not in flags[1].what
