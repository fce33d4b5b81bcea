"""Properties of the 本人確認 decision that hold for every request, not only the table's rows."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.verification import (
    CATALOGUE,
    EXEMPTIONS,
    Channel,
    Check,
    Comparison,
    Flags,
    Form,
    Holder,
    IdentityField,
    Outcome,
    PresentedDocument,
    Provider,
    Subject,
    VerificationRequest,
    agent_exemption_available,
    allowed_channels,
    assess,
    document_groups,
    employer_exemption_available,
    employer_verifies,
)
from app.domain.verification.terms import CITATIONS
from tests.domain.verification_cases import (
    AUTHORITY_AND_CORPORATE_CODES,
    FUTURE,
    PASSING,
    PAST,
    TODAY,
)

CODES = sorted(CATALOGUE)
NOT_PAPER = frozenset({"prior_record", "employer_credentials", "phone_questions"})
PAPERS = sorted(set(CODES) - NOT_PAPER)
DEPENDENTS = (Subject.DEPENDENT_TAX, Subject.DEPENDENT_KENPO)

presented = st.builds(
    PresentedDocument,
    st.sampled_from(CODES),
    st.sampled_from(Holder),
    st.sampled_from(Form),
    st.sampled_from([None, PAST, TODAY, FUTURE]),
    st.sampled_from([None, date(2011, 3, 1), date(2015, 4, 1)]),
    st.sampled_from([None, True, False]),
)
flags = st.builds(Flags, st.booleans(), st.booleans(), st.booleans(), st.booleans())
comparisons = st.builds(
    Comparison,
    st.frozensets(st.sampled_from(IdentityField)),
    st.booleans(),
    st.sampled_from([None, True, False]),
)
random_requests = st.builds(
    VerificationRequest,
    st.sampled_from(Subject),
    st.sampled_from(Provider),
    st.sampled_from(Channel),
    st.lists(presented, max_size=6).map(tuple),
    flags,
    comparisons,
    st.booleans(),
    st.booleans(),
)


@st.composite
def near_passing(draw: st.DrawFn) -> VerificationRequest:
    """A passing row of the table with a few random documents added, in a random order."""
    base = draw(st.sampled_from(PASSING)).request
    docs = [*base.documents, *draw(st.lists(presented, max_size=3))]
    return replace(base, documents=tuple(draw(st.permutations(docs))))


requests = st.one_of(random_requests, near_passing())


def keys(request: VerificationRequest) -> frozenset[tuple[str, Check | None]]:
    return frozenset((p.code, p.check) for p in assess(request, TODAY).problems)


def irrelevant_documents(request: VerificationRequest) -> st.SearchStrategy[PresentedDocument]:
    """Documents that, by DOMAIN.md alone, can serve nothing in this request."""
    options = [
        presented.map(lambda d: replace(d, code="number_notice")),
        presented.map(lambda d: replace(d, expires_on=PAST)),
    ]
    if request.subject in DEPENDENTS:
        options.append(presented)
    if request.provider is Provider.SELF:
        options.append(presented.map(lambda d: replace(d, holder=Holder.AGENT)))
        options.append(
            st.builds(
                replace,
                presented,
                code=st.sampled_from(sorted(AUTHORITY_AND_CORPORATE_CODES)),
            )
        )
        if request.channel is Channel.IN_PERSON:
            options.append(
                st.builds(
                    replace,
                    presented,
                    code=st.sampled_from(PAPERS),
                    form=st.sampled_from([Form.COPY, Form.IMAGE, Form.IC_CHIP]),
                )
            )
    if request.channel is Channel.PHONE:
        options.append(st.builds(replace, presented, code=st.sampled_from(PAPERS)))
    return st.one_of(options)


@given(requests, st.randoms(use_true_random=False))
def test_the_result_never_depends_on_document_order(
    request: VerificationRequest, rng: random.Random
) -> None:
    docs = list(request.documents)
    rng.shuffle(docs)
    assert assess(replace(request, documents=tuple(docs)), TODAY) == assess(request, TODAY)


@given(requests, st.data())
@settings(max_examples=300)
def test_an_irrelevant_document_never_changes_the_outcome(
    request: VerificationRequest, data: st.DataObject
) -> None:
    extra = data.draw(irrelevant_documents(request))
    before = assess(request, TODAY)
    after = assess(replace(request, documents=(*request.documents, extra)), TODAY)
    assert after.sufficient is before.sufficient
    assert keys(replace(request, documents=(*request.documents, extra))) == keys(request)


@given(requests, presented)
def test_adding_a_document_never_turns_a_pass_into_a_failure(
    request: VerificationRequest, extra: PresentedDocument
) -> None:
    if assess(request, TODAY).sufficient:
        assert assess(replace(request, documents=(*request.documents, extra)), TODAY).sufficient


@given(near_passing(), st.data())
@settings(max_examples=300)
def test_removing_the_only_document_that_served_a_check_fails(
    request: VerificationRequest, data: st.DataObject
) -> None:
    result = assess(request, TODAY)
    if not result.sufficient or not request.documents:
        return
    index = data.draw(st.integers(0, len(request.documents) - 1))
    code = request.documents[index].code
    rest = request.documents[:index] + request.documents[index + 1 :]
    if any(item.code == code for item in rest):
        return
    if any(check.means == (code,) for check in result.checks):
        assert not assess(replace(request, documents=rest), TODAY).sufficient


@given(requests)
@settings(max_examples=300)
def test_removing_everything_that_served_a_check_fails_unless_it_was_an_exemption(
    request: VerificationRequest,
) -> None:
    result = assess(request, TODAY)
    for check in result.checks:
        if not check.satisfied or set(check.means) & set(EXEMPTIONS):
            continue
        rest = tuple(item for item in request.documents if item.code not in check.means)
        after = assess(replace(request, documents=rest), TODAY)
        assert not after.sufficient
        assert check.check in after.missing


@given(requests)
@settings(max_examples=300)
def test_the_number_check_is_never_skipped(request: VerificationRequest) -> None:
    result = assess(request, TODAY)
    if result.outcome is Outcome.VERIFIED:
        number = result.result(Check.NUMBER)
        assert number is not None and number.means
        assert not set(number.means) & set(EXEMPTIONS)


@given(requests)
def test_phone_without_a_prior_record_is_never_sufficient(request: VerificationRequest) -> None:
    request = replace(
        request,
        channel=Channel.PHONE,
        flags=replace(request.flags, prior_verified_record_exists=False),
    )
    if employer_verifies(request.subject):
        assert not assess(request, TODAY).sufficient


@given(requests)
@settings(max_examples=300)
def test_an_exemption_counts_only_when_the_wizard_would_offer_it(
    request: VerificationRequest,
) -> None:
    result = assess(request, TODAY)
    subject, provider, channel, flags = (
        request.subject,
        request.provider,
        request.channel,
        request.flags,
    )
    means = set(result.means_used)
    if "employer_exemption" in means:
        assert employer_exemption_available(subject, provider, channel, flags)
        assert subject is Subject.EMPLOYEE and channel is Channel.IN_PERSON
    if "agent_exemption" in means:
        assert agent_exemption_available(provider, channel, flags)


@given(requests)
@settings(max_examples=300)
def test_whatever_counted_was_on_the_wizards_checklist(request: VerificationRequest) -> None:
    result = assess(request, TODAY)
    if result.outcome is not Outcome.VERIFIED:
        return
    subject, provider, channel, flags = (
        request.subject,
        request.provider,
        request.channel,
        request.flags,
    )
    assert channel in allowed_channels(subject, provider, flags)
    groups = {g.check: g for g in document_groups(subject, provider, channel, flags)}
    for check in result.checks:
        group = groups[check.check]
        offered = {d.code for d in group.documents}
        if group.exemption is not None:
            offered.add(group.exemption.code)
        assert set(check.means) <= offered


@given(requests)
def test_dependents_depend_only_on_the_link_to_the_employee(request: VerificationRequest) -> None:
    for subject in DEPENDENTS:
        result = assess(replace(request, subject=subject), TODAY)
        linked = request.flags.employee_verification_linked
        assert result.outcome is (Outcome.VERIFIED_BY_EMPLOYEE if linked else Outcome.INSUFFICIENT)
        assert result.checks == () and result.refusals == ()


@given(requests)
def test_every_message_names_a_rule(request: VerificationRequest) -> None:
    result = assess(request, TODAY)
    for text in [*result.explanations, *(r.reason for r in result.refusals)]:
        assert any(citation in text for citation in CITATIONS), text
    for check in result.checks:
        assert check.explanation.startswith(check.check.label)
