"""Identity verification (本人確認): the cases of every row of DOMAIN.md §2.7, passing and failing,
and the failing variants generated from every passing combination (each document removed,
expired, or a copy where the original is needed; the identity details not compared)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.verification import (
    CATALOGUE,
    DECISION_TABLE,
    EXEMPTIONS,
    SUBJECTS,
    Assessment,
    Check,
    Comparison,
    Flags,
    Outcome,
    PresentedDocument,
    VerificationRequest,
    applicable_checks,
    assess,
    document_groups,
)
from app.domain.verification.terms import CITATIONS
from tests.domain.verification_cases import (
    AGENT_KNOWN,
    COPY,
    D_KENPO,
    D_TAX,
    FAILING,
    IN,
    KNOWN,
    NUMBER_DOCUMENT_CODES,
    ORIG,
    PASSING,
    PAST,
    PHONE,
    SELF,
    TODAY,
    VOL,
    Failing,
    Holder,
    Passing,
    S,
    doc,
    req,
)


def problem_keys(result: Assessment) -> frozenset[str]:
    return frozenset(
        p.check.value if p.check is not None and p.code == "missing" else p.code
        for p in result.problems
    )


def _id(case: Passing | Failing) -> str:
    return f"row{case.row}-{case.name}"


def test_every_row_of_the_decision_table_has_passing_and_failing_cases() -> None:
    rows = {row.number for row in DECISION_TABLE}
    assert rows == set(range(15))
    assert {case.row for case in PASSING} == rows
    assert {case.row for case in FAILING} == rows


def test_the_decision_table_is_in_japanese_and_cites_a_rule() -> None:
    for row in DECISION_TABLE:
        assert row.condition and row.outcome
        assert any(citation in row.basis for citation in CITATIONS), row.number


@pytest.mark.parametrize("case", PASSING, ids=_id)
def test_passing_combination(case: Passing) -> None:
    result = assess(case.request, TODAY)
    assert result.problems == ()
    assert result.sufficient
    if case.row == 0:
        assert result.outcome is Outcome.VERIFIED_BY_EMPLOYEE
        assert result.checks == ()
        return
    assert result.outcome is Outcome.VERIFIED
    assert [r.check for r in result.checks] == list(
        applicable_checks(case.request.subject, case.request.provider)
    )
    for check_result in result.checks:
        assert check_result.satisfied and check_result.means
        assert check_result.explanation.startswith(check_result.check.label)
    # 番号確認 is never skipped: always a document or our own verified record.
    number = result.result(Check.NUMBER)
    assert number is not None and not set(number.means) & set(EXEMPTIONS)


@pytest.mark.parametrize("case", FAILING, ids=_id)
def test_failing_variant(case: Failing) -> None:
    result = assess(case.request, case.day)
    assert not result.sufficient
    # A photo showing someone else stops the whole check; anything else is only insufficient.
    stopped = "photo_mismatch" in case.problems
    assert result.outcome is (Outcome.STOPPED if stopped else Outcome.INSUFFICIENT)
    assert problem_keys(result) == case.problems
    text = "".join(result.explanations)
    for words in case.mentions:
        assert words in text, words
    for problem in result.problems:
        if problem.check is not None:
            assert problem.message.startswith(problem.check.label), problem.message
        assert any(citation in problem.message for citation in CITATIONS), problem.message


def _minimal() -> list[tuple[Passing, int]]:
    return [(c, i) for c in PASSING if c.minimal for i in range(len(c.request.documents))]


def _variant_id(value: object) -> str:
    if isinstance(value, Passing):
        return _id(value)
    return f"doc{value}"


def _without(request: VerificationRequest, index: int) -> VerificationRequest:
    docs = request.documents
    return replace(request, documents=docs[:index] + docs[index + 1 :])


def _with(request: VerificationRequest, index: int, item: PresentedDocument) -> VerificationRequest:
    docs = list(request.documents)
    docs[index] = item
    return replace(request, documents=tuple(docs))


@pytest.mark.parametrize(("case", "index"), _minimal(), ids=_variant_id)
def test_removing_any_document_of_a_minimal_combination_fails(case: Passing, index: int) -> None:
    removed = case.request.documents[index]
    result = assess(_without(case.request, index), TODAY)
    assert not result.sufficient
    if case.row != 0:
        assert result.missing, removed.code


def _papers() -> list[tuple[Passing, int]]:
    return [(c, i) for c, i in _minimal() if CATALOGUE[c.request.documents[i].code].physical]


@pytest.mark.parametrize(("case", "index"), _papers(), ids=_variant_id)
def test_an_expired_document_is_refused(case: Passing, index: int) -> None:
    item = case.request.documents[index]
    result = assess(_with(case.request, index, replace(item, expires_on=PAST)), TODAY)
    assert not result.sufficient
    assert any("有効期限" in r.reason and r.code == item.code for r in result.refusals)


def _copy_where_original_needed() -> list[tuple[Passing, int]]:
    out = []
    for case, index in _papers():
        item = case.request.documents[index]
        if case.request.channel is not IN:
            continue
        # The one in-person exception: the 本人's 番号確認書類 brought by an agent (§2.5).
        agent_brings_number = (
            case.request.provider is not SELF
            and item.holder is Holder.PRINCIPAL
            and item.code in NUMBER_DOCUMENT_CODES
        )
        if item.form is ORIG and not agent_brings_number:
            out.append((case, index))
    return out


@pytest.mark.parametrize(("case", "index"), _copy_where_original_needed(), ids=_variant_id)
def test_a_copy_where_the_original_is_needed_is_refused(case: Passing, index: int) -> None:
    item = case.request.documents[index]
    result = assess(_with(case.request, index, replace(item, form=COPY)), TODAY)
    assert not result.sufficient
    assert any("原本に限ります" in r.reason for r in result.refusals)


def _card_alone(case: Passing) -> bool:
    """One 個人番号カード gave both checks (DOMAIN.md §2.7 row 1)."""
    result = assess(case.request, TODAY)
    return (
        case.row != 0
        and case.request.provider is SELF
        and all(
            "individual_number_card" in r.means
            for r in result.checks
            if r.check in (Check.NUMBER, Check.IDENTITY)
        )
    )


@pytest.mark.parametrize("case", [c for c in PASSING if c.row != 0 and not _card_alone(c)], ids=_id)
def test_without_comparing_the_identity_details_it_fails(case: Passing) -> None:
    request = replace(
        case.request,
        comparison=Comparison(photo_matches_face=True, agent_photo_matches_face=True),
    )
    assert problem_keys(assess(request, TODAY)) == {"details_not_compared"}


@pytest.mark.parametrize("case", [c for c in PASSING if _card_alone(c)], ids=_id)
def test_one_card_alone_needs_no_comparison_between_documents(case: Passing) -> None:
    """Row 1: the card is both documents, so there is nothing to compare it with; the photo
    (in person) and the expiry are what is checked."""
    request = replace(case.request, comparison=Comparison(photo_matches_face=True))
    result = assess(request, TODAY)
    assert result.sufficient and not result.comparison_needed
    # Its photo and expiry still count: an expired card, or an unchecked photo, fails.
    expired = replace(
        request,
        documents=tuple(replace(d, expires_on=PAST) for d in request.documents),
    )
    assert not assess(expired, TODAY).sufficient
    if request.channel is IN:
        unchecked = replace(request, comparison=Comparison())
        assert not assess(unchecked, TODAY).sufficient


@pytest.mark.parametrize("case", [c for c in PASSING if c.minimal and c.row != 0], ids=_id)
def test_a_number_notice_added_never_helps_and_is_reported(case: Passing) -> None:
    request = replace(case.request, documents=(*case.request.documents, doc("number_notice")))
    result = assess(request, TODAY)
    assert result.sufficient
    assert [r.code for r in result.refusals] == ["number_notice"]
    assert "個人番号通知書" in result.refusals[0].reason


def test_a_refused_number_notice_beside_a_card_is_reported_not_blocking() -> None:
    result = assess(req(docs=(doc("number_notice"), doc("individual_number_card"))), TODAY)
    assert result.sufficient
    assert result.refusals[0].check is Check.NUMBER
    assert result.means_used == ("individual_number_card",)


def test_what_satisfied_which_check_is_kept_for_the_record() -> None:
    result = assess(req(docs=(doc("drivers_license"), doc("resident_record_with_number"))), TODAY)
    assert [(r.check, r.means) for r in result.checks] == [
        (Check.NUMBER, ("resident_record_with_number",)),
        (Check.IDENTITY, ("drivers_license",)),
    ]
    assert result.checks[1].explanation == "身元確認：「運転免許証」で確かめました。"
    exempt = assess(
        req(docs=(doc("resident_record_with_number"),), flags=KNOWN, employer_exemption=True),
        TODAY,
    )
    identity = exempt.result(Check.IDENTITY)
    assert identity is not None and identity.means == ("employer_exemption",)
    assert "第2条第6項" in identity.explanation


def test_documents_no_check_needs_are_listed_as_unused() -> None:
    result = assess(
        req(
            docs=(
                doc("individual_number_card"),
                doc("power_of_attorney"),
                doc("drivers_license", Holder.AGENT),
            )
        ),
        TODAY,
    )
    assert result.sufficient
    assert result.unused == (
        ("drivers_license", Holder.AGENT),
        ("power_of_attorney", Holder.PRINCIPAL),
    )


def test_dependents_on_the_employees_form_ignore_documents_provider_and_channel() -> None:
    for subject in (D_TAX, D_KENPO):
        result = assess(
            req(
                subject,
                VOL,
                PHONE,
                (doc("number_notice"),),
                flags=Flags(employee_verification_linked=True),
            ),
            TODAY,
        )
        assert result.outcome is Outcome.VERIFIED_BY_EMPLOYEE
        assert result.unused == (("number_notice", Holder.PRINCIPAL),)


def test_a_spouse_through_the_employee_as_agent_needs_the_employers_verification() -> None:
    """Issue 5 'done when': a 第3号 spouse through the employee as agent."""
    assert SUBJECTS[S].employer_verifies
    groups = document_groups(S, VOL, IN, AGENT_KNOWN)
    assert [g.check for g in groups] == [Check.AUTHORITY, Check.AGENT_IDENTITY, Check.NUMBER]
    assert groups[1].exemption is not None and groups[1].exemption.code == "agent_exemption"
    assert "委任状" in SUBJECTS[S].note and "法定代理人ではありません" in SUBJECTS[S].note
