"""Issue 15, items 1–8: the 本人確認 rules a lawyer reviewing the wizard would check first — a photo
of someone else stops everything, the 健康保険証 has ended, each compared field is 一致／相違,
one card needs no comparison, the 通知カード's changes, the fallback reasons, the documents only
the tax 告示 accept, and the post and phone decisions (each with its citation)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.purposes import CATALOG
from app.domain.verification import (
    CATALOGUE,
    Check,
    Comparison,
    FieldResult,
    IdentityField,
    Kind,
    Known,
    Outcome,
    Provider,
    assess,
    document_groups,
)
from app.domain.verification.documents import HEALTH_CARD_LAST_DAY, TAX_PURPOSES
from app.domain.verification.requirements import WAYS
from app.domain.verification.rules import channel_refusal
from tests.domain.verification_cases import (
    AGENT_KNOWN,
    IN,
    ININJO,
    JUMINHYO,
    KNOWN,
    LICENSE,
    MATCHED,
    PENSION,
    PHONE,
    POST,
    PRIOR,
    SELF,
    TODAY,
    VOL,
    WHY,
    A,
    E,
    S,
    doc,
    req,
)

CARD = doc("individual_number_card")


# 1. A photo that is not the person stops the whole check ----------------------------------


def test_a_card_whose_photo_is_someone_else_stops_even_with_other_ways_to_pass() -> None:
    """Before: the card still served 番号確認 and 身元確認 went through two non-photo documents
    or the employer exemption, so the check passed."""
    others = (CARD, doc("eligibility_certificate"), PENSION)
    for request in (
        req(docs=others, comparison=replace(MATCHED, photo_matches_face=False), reasons=WHY),
        req(
            docs=(CARD,),
            flags=KNOWN,
            employer_exemption=True,
            comparison=replace(MATCHED, photo_matches_face=False),
        ),
    ):
        result = assess(request, TODAY)
        assert result.outcome is Outcome.STOPPED and result.stopped
        assert not result.sufficient
        assert result.problems[0].code == "photo_mismatch"
        assert "番号法第16条" in result.problems[0].message


def test_the_agents_photo_is_asked_apart_and_its_mismatch_stops_too() -> None:
    base = req(S, VOL, docs=(ININJO, doc("drivers_license", A), JUMINHYO))
    # The principal's photo says nothing about the agent's.
    only_principal = replace(
        base, comparison=replace(MATCHED, photo_matches_face=True, agent_photo_matches_face=None)
    )
    assert not assess(only_principal, TODAY).sufficient
    assert assess(base, TODAY).sufficient
    wrong = replace(base, comparison=replace(MATCHED, agent_photo_matches_face=False))
    result = assess(wrong, TODAY)
    assert result.stopped
    assert "施行令第12条第2項" in result.problems[0].message


# 2. 健康保険証 and 資格確認書 -------------------------------------------------------------------


def test_the_health_insurance_card_is_refused_for_checks_after_2025_12_01() -> None:
    kenpo = doc("health_insurance_card")
    request = req(docs=(JUMINHYO, kenpo, PENSION), reasons=WHY)
    assert assess(request, HEALTH_CARD_LAST_DAY).sufficient
    after = assess(request, date(2025, 12, 2))
    assert not after.sufficient
    reason = next(r.reason for r in after.refusals if r.code == "health_insurance_card")
    assert "2025年12月1日" in reason and "令和5年法律第48号" in reason
    # The checklist for such a day lists it as refused, with the reason, not as usable.
    groups = document_groups(E, SELF, IN, KNOWN, Known(day=date(2026, 4, 1)))
    identity = next(g for g in groups if g.check is Check.IDENTITY)
    assert CATALOGUE["health_insurance_card"] not in identity.documents
    card = CATALOGUE["health_insurance_card"]
    assert card in identity.not_accepted and "令和5年法律第48号" in identity.reason(card)
    assert CATALOGUE["eligibility_certificate"] in identity.documents


def test_the_eligibility_certificate_takes_the_health_cards_place_as_a_non_photo_document() -> None:
    shikaku = CATALOGUE["eligibility_certificate"]
    assert shikaku.kinds == frozenset({Kind.NON_PHOTO_ID}) and shikaku.needed_for_identity == 2
    assert "第2条第3項" in shikaku.note
    order = list(CATALOGUE)
    assert order.index("eligibility_certificate") < order.index("health_insurance_card")
    one = req(docs=(JUMINHYO, doc("eligibility_certificate")), reasons=WHY)
    assert not assess(one, TODAY).sufficient


def test_example_texts_do_not_name_the_health_insurance_card_first() -> None:
    for ways in WAYS.values():
        for way in ways:
            assert "健康保険証" not in way.label, way.label


# 3. Each compared field is 一致 / 相違 -----------------------------------------------------------


def test_only_the_address_differing_is_a_lawful_match_and_the_difference_is_kept() -> None:
    compared = Comparison.of(
        {
            IdentityField.NAME: (FieldResult.MATCH, ""),
            IdentityField.BIRTH_DATE: (FieldResult.MATCH, ""),
            IdentityField.ADDRESS: (FieldResult.DIFFERS, "旧住所"),
        },
        principal_photo=True,
    )
    result = assess(req(docs=(JUMINHYO, LICENSE), comparison=compared), TODAY)
    assert result.sufficient, result.explanations
    assert compared.result(IdentityField.ADDRESS) is FieldResult.DIFFERS
    assert compared.note(IdentityField.ADDRESS) == "旧住所"


def test_a_name_or_birth_date_that_differs_is_refused_with_what_to_do() -> None:
    for field, words in (
        (IdentityField.NAME, "併記"),
        (IdentityField.BIRTH_DATE, "生年月日は変わらない"),
    ):
        results = {f: (FieldResult.MATCH, "") for f in IdentityField}
        results[field] = (FieldResult.DIFFERS, "通称")
        compared = Comparison.of(results, principal_photo=True)
        result = assess(req(docs=(JUMINHYO, LICENSE), comparison=compared), TODAY)
        assert not result.sufficient
        assert any(words in text for text in result.explanations)


# 4. One 個人番号カード: photo and expiry, no comparison between documents -------------------------


def test_one_card_needs_only_its_photo_and_expiry() -> None:
    """Before: 「氏名と、生年月日または住所の照合ができていません」 for the card alone."""
    request = req(docs=(CARD,), comparison=Comparison(photo_matches_face=True))
    result = assess(request, TODAY)
    assert result.sufficient and not result.comparison_needed
    # A second document brings a comparison back.
    both = req(docs=(JUMINHYO, LICENSE), comparison=Comparison(photo_matches_face=True))
    assert assess(both, TODAY).comparison_needed
    assert not assess(both, TODAY).sufficient


# 5. 通知カード entered as changed ------------------------------------------------------------------


def test_a_changed_notification_card_is_refused_and_the_endorsement_case_explained() -> None:
    changed = req(docs=(doc("notification_card", details_unchanged=False), LICENSE))
    result = assess(changed, TODAY)
    reason = next(r.reason for r in result.refusals if r.code == "notification_card")
    assert "2020年5月25日より前の変更" in reason and "裏書き" in reason
    endorsed = replace(doc("notification_card"), endorsed_before_abolition=True)
    assert assess(req(docs=(endorsed, LICENSE)), TODAY).sufficient


# 6. Fallback routes need their reason -----------------------------------------------------------


def test_a_fallback_way_needs_the_reason_the_usual_document_could_not_be_given() -> None:
    docs = (JUMINHYO, doc("eligibility_certificate"), PENSION)
    without = assess(req(docs=docs), TODAY)
    assert [p.code for p in without.problems] == ["fallback_reason_missing"]
    with_reason = assess(req(docs=docs, reasons=WHY), TODAY)
    assert with_reason.sufficient and with_reason.fallback_checks == (Check.IDENTITY,)
    # With a photo ID too, the usual way is met: no reason asked.
    assert assess(req(docs=(*docs, LICENSE)), TODAY).sufficient


# 7. Documents only some 告示 accept, for the purposes that accept them ---------------------------


def test_notice_only_documents_are_offered_only_for_tax_purposes() -> None:
    assert set(CATALOG) >= TAX_PURPOSES
    notice_only = {c for c, d in CATALOGUE.items() if d.accepted_purposes is not None}
    assert {
        "photo_staff_id",
        "photo_student_id",
        "photo_qualification_certificate",
        "tax_accountant_certificate",
    } <= notice_only

    def offered(purposes: frozenset[str]) -> set[str]:
        groups = document_groups(E, SELF, IN, KNOWN, Known(purposes=purposes))
        return {d.code for g in groups for d in g.documents}

    assert notice_only <= offered(frozenset())  # not known yet: listed with their note
    assert notice_only <= offered(frozenset({"tax_withholding"}))
    for purposes in ({"health_pension"}, {"tax_withholding", "employment_insurance"}):
        assert not notice_only & offered(frozenset(purposes))
        groups = document_groups(E, SELF, IN, KNOWN, Known(purposes=frozenset(purposes)))
        identity = next(g for g in groups if g.check is Check.IDENTITY)
        assert "顔写真付きの社員証" in identity.left_out_note
    refused = assess(
        req(docs=(JUMINHYO, doc("photo_staff_id")), purposes=frozenset({"national_pension_3"})),
        TODAY,
    )
    assert not refused.sufficient


# 8. Post and phone: the prior record by post is allowed, an agent on the phone is not -----------


def test_the_prior_record_match_works_by_post() -> None:
    """Before: 「郵送では使えません」. 規2① is a check against our own file, not a document."""
    request = req(
        channel=POST, docs=(doc("prior_record"), doc("drivers_license", form="copy")), flags=PRIOR
    )
    assert assess(request, TODAY).sufficient
    assert "規2①" not in CATALOGUE["prior_record"].note  # the clerk reads words, not short forms


def test_an_agent_on_the_phone_is_refused_and_the_wizard_says_why() -> None:
    why = channel_refusal(S, Provider.VOLUNTARY_AGENT, PHONE, AGENT_KNOWN)
    assert why is not None
    assert "第9条第3項" in why and "確かめられない" in why and "対面か郵送" in why
    assert channel_refusal(S, VOL, IN, AGENT_KNOWN) is None
