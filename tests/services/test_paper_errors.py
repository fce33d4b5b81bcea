"""A paper that cannot be made (a value too long for a sheet, fonts that cannot be loaded)
is an AppError told in Japanese, never the crash dialog (issue 15 item 12): every service that
renders a paper says so."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.services import deletion, numbers, people, staff
from tests.conftest import MANAGER_PASSWORD, Office
from tests.services.number_deletion import delete_number

ROOT = Path(__file__).resolve().parents[2]
NUMBER = "123456789018"


@pytest.mark.parametrize(
    ("failure", "shown"),
    [("layout", errors.PaperLayoutFailed), ("fonts", errors.PrintFontsMissing)],
)
def test_a_paper_that_cannot_be_made_is_a_japanese_error(
    office: Office, monkeypatch: pytest.MonkeyPatch, failure: str, shown: type
) -> None:
    """Whatever the paper: the renderer's error never reaches the crash dialog."""
    from reports import document
    from reports.errors import FontsMissing, ReportError

    def fail() -> None:
        raise ReportError("overflow") if failure == "layout" else FontsMissing("no font")

    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", ["purpose:tax_withholding", "kind:employee"])
    person = people.register_employee(
        manager, code="E001", name="退職 一郎", kana_text="タイショク"
    )
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    record = delete_number(manager, person.id, MANAGER_PASSWORD)
    monkeypatch.setattr(document, "require_fonts", fail)
    for make in (
        lambda: deletion.certificate_pdf(manager, record.id),
        lambda: deletion.ledger_pdf(manager, date(2026, 1, 1), date(2026, 12, 31)),
    ):
        with pytest.raises(shown) as raised:
            make()
        assert isinstance(raised.value, errors.AppError)
        assert "書類を作成できませんでした" in raised.value.message


def test_every_service_that_renders_a_paper_turns_its_errors_into_japanese() -> None:
    """Any function of app/services that calls a reports renderer (render_*) carries
    renders_paper."""
    unguarded = []
    for path in sorted((ROOT / "app" / "services").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            calls = {
                call.func.id
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            }
            decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
            if any(name.startswith("render_") for name in calls) and (
                "renders_paper" not in decorators
            ):
                unguarded.append(f"{path.name}:{node.name}")
    assert unguarded == []
