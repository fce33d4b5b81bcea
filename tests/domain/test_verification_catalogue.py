"""The 本人確認 document catalogue against DOMAIN.md §2.2/§2.5, and the questions the wizard
asks before any document is seen (channels, exemptions, checklists)."""

from __future__ import annotations

import re

import pytest

from app.domain.verification import (
    CATALOGUE,
    SUBJECTS,
    Channel,
    Check,
    Flags,
    Form,
    Kind,
    PresentedDocument,
    Provider,
    Subject,
    accepted_forms,
    allowed_channels,
    allowed_providers,
    applicable_checks,
    assess,
    document,
    document_groups,
    employer_exemption_available,
    employer_exemption_unmet,
)
from app.domain.verification.terms import CITATIONS
from tests.domain.verification_cases import (
    AGENT_KNOWN,
    AUTHORITY_AND_CORPORATE_CODES,
    D_KENPO,
    D_TAX,
    FAILING,
    IN,
    KNOWN,
    LEGAL,
    NUMBER_DOCUMENT_CODES,
    ONLINE,
    PAYEE,
    PHONE,
    POST,
    PRIOR,
    SELF,
    TODAY,
    VOL,
    E,
    S,
)

PHOTO_IDS_RULE_1_1 = {
    "運転免許証",
    "運転経歴証明書",
    "旅券（パスポート）",
    "身体障害者手帳",
    "精神障害者保健福祉手帳",
    "療育手帳",
    "在留カード",
    "特別永住者証明書",
}
PHOTO_IDS_BY_NOTICE = {
    "税理士証票",
    "顔写真付きの社員証",
    "顔写真付きの学生証",
    "顔写真付きの資格証明書",
}
NON_PHOTO_RULE_2_3 = {
    "公的医療保険の被保険者証（健康保険証）",
    "資格確認書（健康保険）",
    "年金手帳",
    "児童扶養手当証書",
    "特別児童扶養手当証書",
    "顔写真のない社員証",
    "顔写真のない学生証",
    "公共料金（電気・ガス・水道など）の領収書",
    "税金の領収書",
    "社会保険料の領収書",
    "納税証明書",
}


def _names(kind: Kind) -> set[str]:
    return {d.name for d in CATALOGUE.values() if kind in d.kinds}


def test_the_catalogue_holds_exactly_the_lists_of_domain_md() -> None:
    assert _names(Kind.PHOTO_ID) == PHOTO_IDS_RULE_1_1 | PHOTO_IDS_BY_NOTICE | {
        "個人番号カード（マイナンバーカード）"
    }
    assert _names(Kind.NON_PHOTO_ID) == NON_PHOTO_RULE_2_3
    number_codes = {d.code for d in CATALOGUE.values() if Kind.NUMBER_DOCUMENT in d.kinds}
    assert number_codes == NUMBER_DOCUMENT_CODES
    assert _names(Kind.LEGAL_STATUS) == {
        "戸籍謄本（戸籍全部事項証明書）",
        "住民票の写し（続柄が書かれたもの）",
        "成年後見の登記事項証明書",
    }
    assert _names(Kind.POWER_OF_ATTORNEY) == {"委任状"}
    assert {
        d.code
        for d in CATALOGUE.values()
        if d.kinds
        & {
            Kind.LEGAL_STATUS,
            Kind.POWER_OF_ATTORNEY,
            Kind.AUTHORITY_FALLBACK,
            Kind.CORPORATE_REGISTRY,
            Kind.CORPORATE_STAFF_ID,
        }
    } == AUTHORITY_AND_CORPORATE_CODES


def test_every_entry_is_named_in_japanese_and_cites_its_rule() -> None:
    for entry in CATALOGUE.values():
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry.name), entry.code
        assert any(citation in entry.basis for citation in CITATIONS), entry.code


def test_photo_counts_as_one_and_non_photo_needs_two() -> None:
    assert document("drivers_license").has_photo
    assert document("drivers_license").needed_for_identity == 1
    assert not document("health_insurance_card").has_photo
    assert document("health_insurance_card").needed_for_identity == 2
    assert document("individual_number_card").kinds == {Kind.NUMBER_DOCUMENT, Kind.PHOTO_ID}
    assert Kind.PHOTO_ID not in document("notification_card").kinds


def test_the_number_notice_is_never_accepted_and_says_why() -> None:
    notice = document("number_notice")
    assert notice.kinds == frozenset() and notice.channels == frozenset()
    assert notice.refusal is not None and "認められていません" in notice.refusal
    for channel in Channel:
        for provider in Provider:
            for check in Check:
                assert accepted_forms(notice, channel, check, provider) == frozenset()


@pytest.mark.parametrize(
    ("code", "channel", "check", "provider", "forms"),
    [
        ("drivers_license", IN, Check.IDENTITY, SELF, {Form.ORIGINAL}),
        ("drivers_license", POST, Check.IDENTITY, SELF, {Form.ORIGINAL, Form.COPY}),
        ("drivers_license", ONLINE, Check.IDENTITY, SELF, {Form.IMAGE}),
        ("drivers_license", PHONE, Check.IDENTITY, SELF, set()),
        ("individual_number_card", ONLINE, Check.NUMBER, SELF, {Form.IMAGE, Form.IC_CHIP}),
        ("individual_number_card", IN, Check.NUMBER, VOL, {Form.ORIGINAL, Form.COPY}),
        ("resident_record_with_number", IN, Check.NUMBER, LEGAL, {Form.ORIGINAL, Form.COPY}),
        ("resident_record_with_number", IN, Check.NUMBER, SELF, {Form.ORIGINAL}),
        ("health_insurance_card", ONLINE, Check.IDENTITY, SELF, set()),
        ("power_of_attorney", POST, Check.AUTHORITY, VOL, {Form.ORIGINAL}),
        ("principal_only_document", POST, Check.AUTHORITY, VOL, set()),
        ("prior_record", IN, Check.NUMBER, SELF, set()),  # not a paper: no form asked
    ],
)
def test_accepted_forms(
    code: str, channel: Channel, check: Check, provider: Provider, forms: set[Form]
) -> None:
    assert accepted_forms(document(code), channel, check, provider) == forms


def test_an_unknown_document_code_is_refused_in_japanese() -> None:
    with pytest.raises(ValueError, match="この一覧にありません"):
        PresentedDocument("my_own_card")
    with pytest.raises(ValueError, match="番号のような数字列"):
        document("123456789018")


@pytest.mark.parametrize(
    ("subject", "provider", "flags", "channels"),
    [
        (E, SELF, Flags(), (IN, POST, ONLINE)),
        (E, SELF, PRIOR, (IN, POST, ONLINE, PHONE)),
        (PAYEE, SELF, PRIOR, (IN, POST, ONLINE, PHONE)),
        (S, SELF, Flags(), (IN, POST, ONLINE)),
        (S, VOL, PRIOR, (IN, POST)),
        (E, LEGAL, PRIOR, (IN, POST)),
        (D_TAX, SELF, PRIOR, ()),
        (D_KENPO, SELF, PRIOR, ()),
    ],
)
def test_allowed_channels(
    subject: Subject, provider: Provider, flags: Flags, channels: tuple[Channel, ...]
) -> None:
    assert allowed_channels(subject, provider, flags) == channels


def test_providers_and_checks_per_subject() -> None:
    assert allowed_providers(D_TAX) == () and applicable_checks(D_TAX, SELF) == ()
    assert allowed_providers(S) == (SELF, VOL, LEGAL)
    assert applicable_checks(E, SELF) == (Check.NUMBER, Check.IDENTITY)
    assert applicable_checks(PAYEE, LEGAL) == (Check.AUTHORITY, Check.AGENT_IDENTITY, Check.NUMBER)


@pytest.mark.parametrize(
    ("subject", "provider", "channel", "flags", "available", "unmet_words"),
    [
        (E, SELF, IN, KNOWN, True, ()),
        (E, SELF, IN, Flags(), False, ("入社時",)),
        (E, SELF, POST, KNOWN, False, ("対面",)),
        (E, SELF, ONLINE, KNOWN, False, ("対面",)),
        (
            E,
            SELF,
            PHONE,
            Flags(known_employee_verified_at_hiring=True, prior_verified_record_exists=True),
            False,
            ("対面",),
        ),
        (E, VOL, IN, KNOWN, False, ("代理人",)),
        (S, SELF, IN, KNOWN, False, ("従業員本人の番号に限ります",)),
        (PAYEE, SELF, IN, KNOWN, False, ("従業員本人の番号に限ります",)),
    ],
)
def test_the_employer_exemption_is_offered_only_when_its_conditions_hold(
    subject: Subject,
    provider: Provider,
    channel: Channel,
    flags: Flags,
    available: bool,
    unmet_words: tuple[str, ...],
) -> None:
    assert employer_exemption_available(subject, provider, channel, flags) is available
    unmet = "".join(employer_exemption_unmet(subject, provider, channel, flags))
    for words in unmet_words:
        assert words in unmet
    offered = [
        g.exemption for g in document_groups(subject, provider, channel, flags) if g.exemption
    ]
    if available:
        assert [e.code for e in offered] == ["employer_exemption"]
    else:
        assert "employer_exemption" not in [e.code for e in offered]


def test_no_checklist_ever_offers_to_skip_the_number_check() -> None:
    for subject in Subject:
        for provider in Provider:
            for channel in Channel:
                for flags in (Flags(), KNOWN, PRIOR, AGENT_KNOWN, Flags(True, True, True, True)):
                    for group in document_groups(subject, provider, channel, flags):
                        if group.check is Check.NUMBER:
                            assert group.exemption is None
                            assert [d.code for d in group.not_accepted] == ["number_notice"]
                            assert group.documents


def test_checklists_show_only_what_applies() -> None:
    phone = document_groups(E, SELF, PHONE, PRIOR)
    assert [[d.code for d in g.documents] for g in phone] == [["prior_record"], ["phone_questions"]]
    assert document_groups(E, SELF, PHONE, Flags()) == ()
    assert document_groups(D_TAX, SELF, IN, Flags()) == ()
    online = {d.code for g in document_groups(E, SELF, ONLINE, Flags()) for d in g.documents}
    assert "health_insurance_card" not in online and "employer_credentials" not in online
    assert "prior_record" not in online
    in_person = document_groups(E, SELF, IN, Flags())
    assert [g.check for g in in_person] == [Check.NUMBER, Check.IDENTITY]
    assert in_person[1].exemption is None
    assert not {d.code for g in in_person for d in g.documents} & AUTHORITY_AND_CORPORATE_CODES
    legal = document_groups(E, LEGAL, IN, Flags())
    assert "power_of_attorney" not in {d.code for d in legal[0].documents}
    assert "family_register" in {d.code for d in legal[0].documents}
    for group in in_person + legal:
        assert group.requirement and group.channel_note


def test_subject_notes_name_their_rule() -> None:
    for rule in SUBJECTS.values():
        assert any(citation in rule.note for citation in CITATIONS), rule.subject
    assert "支払調書" in SUBJECTS[PAYEE].note
    assert "検査用数字" in SUBJECTS[D_TAX].note


def test_explanations_are_plain_japanese() -> None:
    texts = []
    for case in FAILING:
        result = assess(case.request, TODAY)
        texts += list(result.explanations) + [r.reason for r in result.refusals]
    for text in texts:
        words = set(re.findall(r"[A-Za-z]{3,}", text)) - {"FAQ"}
        assert not words, text
        assert "1234" not in text
