"""Review attacks on the payroll import (app.services.payroll_import, owned by `speed`): the
hostile files an office really has: cp932 with 全角 digits, a formula cell, a duplicate row, a
file cut short, a number written with wide spacing."""

from __future__ import annotations

import re
from pathlib import Path

from app import errors
from app.domain.year_end import SALARY
from app.services import payroll_import, year_end
from app.session import Session
from tests.conftest import Office
from tests.services.test_payroll_import import all_logged, line, manager, staffed, write

__all__ = ["manager", "staffed"]


def test_cp932_with_full_width_digits_imports(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "p.csv", [line("Ｅ００１", payment="５，０００，０００", tax="１１３８００")]
    )
    report = payroll_import.commit(manager, path, 2026)
    assert report.problems == [] and report.committed
    stored = year_end.load(manager, staffed["E001"], 2026, SALARY)
    assert stored is not None and stored.amounts["payment"] == 5_000_000


def test_a_formula_cell_is_a_problem(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    for cell in ("=1+2", "＝SUM(A1)", "@cmd", "+5000000"):
        path = write(tmp_path / "p.csv", [line("E001", payment=cell)])
        report = payroll_import.commit(manager, path, 2026)
        assert not report.committed and report.problems, cell


def test_a_duplicate_employee_row_is_a_problem(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001"), line("E001", payment="6,000,000")])
    report = payroll_import.commit(manager, path, 2026)
    assert not report.committed
    assert any("二重" in p for _, p in report.problems)
    assert year_end.load(manager, staffed["E001"], 2026, SALARY) is None


def test_a_file_cut_in_the_middle_of_a_row_imports_nothing(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001"), line("E002")])
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"E002") + 12])  # E002's row ends after its payment
    report = payroll_import.commit(manager, path, 2026)
    stored = year_end.load(manager, staffed["E002"], 2026, SALARY)
    assert not report.committed or (stored is not None and "tax" in stored.amounts)


def test_a_cut_quoted_cell_is_refused(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001")])
    path.write_bytes(path.read_bytes() + '"E002,山田,"5,000,'.encode("cp932"))
    try:
        report = payroll_import.commit(manager, path, 2026)
    except errors.InvalidInput:
        return  # a clear refusal is fine
    assert not report.committed


def test_a_widely_spaced_number_in_a_cell_is_a_problem_and_never_logged(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    spaced = "1234 - 5678 - 9018"
    path = write(tmp_path / "p.csv", [line("E001", tax=spaced), line(spaced)])
    report = payroll_import.commit(manager, path, 2026)
    assert not report.committed
    shown = " ".join(p for _, p in report.problems)
    assert "5678" not in shown
    assert "5678" not in all_logged(office)
    assert not re.search(r"\d{4}\D{1,3}\d{4}\D{1,3}\d{4}", all_logged(office))
