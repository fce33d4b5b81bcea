"""The consignee rules of 規程第42条: the points and clauses quoted from the regulation, when
a consignee may be approved, and which April hearing is owed on a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.consignees import (
    CLAUSE_CODES,
    CONTRACT_CLAUSES,
    SELECTION_CODES,
    SELECTION_POINTS,
    answers,
    approval_gaps,
    hearing_owed,
    hearing_status,
    hearing_year,
)

REGULATION = next((Path("/work/shared/regulations")).glob("004_*.txt"), None)
ALL_POINTS = dict.fromkeys(SELECTION_CODES, True)
ALL_CLAUSES = dict.fromkeys(CLAUSE_CODES, True)


def test_six_points_and_ten_clauses_with_their_articles() -> None:
    assert len(SELECTION_POINTS) == 6 and len(CONTRACT_CLAUSES) == 10
    assert [p.article for p in SELECTION_POINTS] == [f"第42条第3項{n}" for n in "①②③④⑤⑥"]
    assert [c.article for c in CONTRACT_CLAUSES] == [f"第42条第4項{n}" for n in "①②③④⑤⑥⑦⑧⑨⑩"]


@pytest.mark.skipif(REGULATION is None, reason="the regulation text is not on this machine")
def test_the_texts_are_the_regulations_words() -> None:
    assert REGULATION is not None
    text = REGULATION.read_text(encoding="utf-8")
    for point in (*SELECTION_POINTS[:5], *CONTRACT_CLAUSES):
        assert point.text in text, point.code


def test_approval_needs_all_six_points_a_dated_contract_and_all_ten_clauses() -> None:
    assert approval_gaps(ALL_POINTS, ALL_CLAUSES, date(2026, 3, 1)) == ()
    gaps = approval_gaps({**ALL_POINTS, "antisocial": False}, ALL_CLAUSES, date(2026, 3, 1))
    assert gaps == ("選定：暴力団員等に該当しないこと（第42条第3項⑥）",)
    assert approval_gaps(ALL_POINTS, ALL_CLAUSES, None) == ("委託契約の締結日",)
    gaps = approval_gaps(ALL_POINTS, {**ALL_CLAUSES, "on_site_audit": False}, date(2026, 3, 1))
    assert gaps == ("契約：実地の調査（第42条第4項⑩）",)
    assert len(approval_gaps({}, {}, None)) == 6 + 1 + 10


def test_answers_fill_the_missing_and_refuse_the_unknown() -> None:
    assert answers(SELECTION_CODES, {"facilities": True})["technology"] is False
    with pytest.raises(ValueError):
        answers(SELECTION_CODES, {"on_site_audit": True})


@pytest.mark.parametrize(
    ("on", "year"),
    [
        (date(2026, 1, 5), 2025),
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
        (date(2026, 12, 31), 2026),
    ],
)
def test_the_hearing_year_of_a_day(on: date, year: int) -> None:
    assert hearing_year(on) == year


@pytest.mark.parametrize(
    ("approved", "ended", "owed"),
    [
        (None, None, False),  # never approved: no numbers, no hearing
        (date(2025, 6, 1), None, True),
        (date(2026, 3, 31), None, True),
        (date(2026, 4, 1), None, False),  # approved in April: first heard next April
        (date(2025, 6, 1), date(2026, 4, 30), False),  # ended by the end of April
        (date(2025, 6, 1), date(2026, 5, 1), True),
    ],
)
def test_whose_april_2026_hearing_is_owed(
    approved: date | None, ended: date | None, owed: bool
) -> None:
    assert hearing_owed(approved, ended, 2026) is owed


def test_due_through_april_then_overdue_until_held() -> None:
    approved = date(2025, 6, 1)
    due = hearing_status(approved, None, frozenset(), date(2026, 4, 30))
    assert due is not None and not due.overdue and not due.held
    assert due.due_on == date(2026, 4, 30)
    late = hearing_status(approved, None, frozenset(), date(2026, 5, 1))
    assert late is not None and late.overdue
    held = hearing_status(approved, None, frozenset({2026}), date(2026, 5, 1))
    assert held is not None and held.held and not held.overdue
    # In March 2027 the missed 2026 hearing is still the one owed.
    still = hearing_status(approved, None, frozenset(), date(2027, 3, 1))
    assert still is not None and still.year == 2026 and still.overdue
    assert hearing_status(None, None, frozenset(), date(2026, 5, 1)) is None
