"""Reportability of a leak incident (漏えい等報告規則第2条) and the report items."""

from __future__ import annotations

from datetime import date

from app.domain.incidents import (
    Checklist,
    IncidentKind,
    IncidentState,
    ReportItems,
    incident_deadlines,
    may_move,
    reportability,
)


def test_one_person_is_enough_when_the_purpose_was_unlawful() -> None:
    found = reportability(IncidentKind.LEAK, Checklist(unlawful_purpose=True, persons=1))
    assert found.reportable and found.items == (2,) and found.unlawful_purpose


def test_a_hundred_persons_are_not_enough_and_a_hundred_and_one_are() -> None:
    assert not reportability(IncidentKind.LEAK, Checklist(persons=100)).reportable
    found = reportability(IncidentKind.LOSS, Checklist(persons=101))
    assert found.reportable and found.items == (4,)


def test_public_exposure_and_several_items_at_once() -> None:
    found = reportability(
        IncidentKind.LEAK, Checklist(publicly_viewable=True, unlawful_purpose=True, persons=150)
    )
    assert found.items == (2, 3, 4)
    assert len(found.reasons) == 3


def test_encryption_and_retrieval_before_anyone_saw_it_exclude_the_report() -> None:
    answers = Checklist(unlawful_purpose=True, persons=500, encrypted=True)
    assert not reportability(IncidentKind.LEAK, answers).reportable
    retrieved = Checklist(persons=500, retrieved_unseen=True)
    assert not reportability(IncidentKind.LEAK, retrieved).reportable
    # Retrieval means nothing for a loss: 101 persons lost is still reportable.
    assert reportability(IncidentKind.LOSS, retrieved).reportable


def test_the_sixty_day_case_follows_the_second_item_also_with_others() -> None:
    known = date(2026, 3, 2)
    both = Checklist(unlawful_purpose=True, persons=200)
    assert incident_deadlines(known, both, IncidentKind.LEAK).final_days == 60
    assert incident_deadlines(known, Checklist(persons=200), IncidentKind.LEAK).final_days == 30
    # Encrypted: not reportable, so no 第2号 either.
    excluded = Checklist(unlawful_purpose=True, encrypted=True)
    assert incident_deadlines(known, excluded, IncidentKind.LEAK).final_days == 30


def test_missing_items_and_state_moves() -> None:
    items = ReportItems({"summary": "誤送付", "cause": " "})
    missing = items.missing()
    assert "概要" not in missing and "原因" in missing and "本人の数" not in missing
    assert len(missing) == 7
    assert may_move(IncidentState.OPEN, IncidentState.PRELIMINARY)
    assert not may_move(IncidentState.OPEN, IncidentState.FINAL)
    assert not may_move(IncidentState.CLOSED, IncidentState.OPEN)
