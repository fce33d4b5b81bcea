"""Requests for every row of DOMAIN.md §2.7: the passing combinations (minimal unless marked) and
the failing variants with what must be reported. Shared by the table and the property tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.domain.verification import (
    CATALOGUE,
    Channel,
    Check,
    Comparison,
    Flags,
    Form,
    Holder,
    IdentityField,
    PresentedDocument,
    Provider,
    Subject,
    VerificationRequest,
)

TODAY = date(2025, 10, 1)
FUTURE = date(2030, 3, 31)
PAST = date(2025, 9, 30)  # expired yesterday
MATCHED = Comparison(
    frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}),
    True,
    True,
    agent_photo_matches_face=True,
)
BY_ADDRESS = Comparison(frozenset({IdentityField.NAME, IdentityField.ADDRESS}), True, True)
# Why the usual document could not be given, for the fallback ways (規2③, 規6①三, 規9①).
WHY = (
    (Check.IDENTITY, "顔写真付きの身分証明書を持っていない"),
    (Check.AGENT_IDENTITY, "顔写真付きの身分証明書を持っていない"),
    (Check.AUTHORITY, "本人が入院中で委任状を書けない"),
)
TAX = frozenset({"tax_withholding"})
PENSION_3 = frozenset({"national_pension_3"})

# "Not given by the test": the helper fills in a valid value.
_UNSET: Any = object()

E, S, D_TAX, D_KENPO, PAYEE = (
    Subject.EMPLOYEE,
    Subject.SPOUSE_3GO,
    Subject.DEPENDENT_TAX,
    Subject.DEPENDENT_KENPO,
    Subject.PAYEE,
)
SELF, VOL, LEGAL = Provider.SELF, Provider.VOLUNTARY_AGENT, Provider.LEGAL_AGENT
IN, POST, ONLINE, PHONE = Channel.IN_PERSON, Channel.POST, Channel.ONLINE, Channel.PHONE
P, A = Holder.PRINCIPAL, Holder.AGENT
ORIG, COPY, IMAGE, IC = Form.ORIGINAL, Form.COPY, Form.IMAGE, Form.IC_CHIP

# Written out from DOMAIN.md, not read from the catalogue, so the tests do not trust it.
NUMBER_DOCUMENT_CODES = frozenset(
    {
        "individual_number_card",
        "resident_record_with_number",
        "resident_record_certificate_with_number",
        "notification_card",
    }
)
AUTHORITY_AND_CORPORATE_CODES = frozenset(
    {
        "family_register",
        "resident_record_with_relationship",
        "guardianship_registry",
        "power_of_attorney",
        "authority_declaration",
        "principal_only_document",
        "corporate_registry",
        "corporate_staff_id",
    }
)


def doc(
    code: str,
    holder: Holder = P,
    form: Form = ORIG,
    *,
    expires_on: date | None = _UNSET,
    issued_on: date | None = _UNSET,
    details_unchanged: bool | None = _UNSET,
) -> PresentedDocument:
    """A document as a careful clerk enters it: expiry, issue date and 通知カード facts filled
    in with valid values unless the test says otherwise."""
    entry = CATALOGUE[code]
    if expires_on is _UNSET:
        expires_on = FUTURE if entry.has_expiry else None
    if issued_on is _UNSET:
        issued_on = date(2015, 4, 1) if entry.issued_from else None
    if details_unchanged is _UNSET:
        details_unchanged = True if entry.needs_unchanged_details else None
    return PresentedDocument(code, holder, form, expires_on, issued_on, details_unchanged)


def req(
    subject: Subject = E,
    provider: Provider = SELF,
    channel: Channel = IN,
    docs: tuple[PresentedDocument, ...] = (),
    *,
    flags: Flags | None = None,
    comparison: Comparison = MATCHED,
    employer_exemption: bool = False,
    agent_exemption: bool = False,
    purposes: frozenset[str] = frozenset(),
    reasons: tuple[tuple[Check, str], ...] = (),
) -> VerificationRequest:
    return VerificationRequest(
        subject,
        provider,
        channel,
        docs,
        flags or Flags(),
        comparison,
        employer_exemption,
        agent_exemption,
        purposes,
        reasons,
    )


KNOWN = Flags(known_employee_verified_at_hiring=True)
PRIOR = Flags(prior_verified_record_exists=True)
KNOWN_PRIOR = Flags(known_employee_verified_at_hiring=True, prior_verified_record_exists=True)
AGENT_KNOWN = Flags(agent_known_employee_verified_at_hiring=True)
LINKED = Flags(employee_verification_linked=True)


@dataclass(frozen=True)
class Passing:
    row: int
    name: str
    request: VerificationRequest
    # Minimal: every document in it is needed (the removal and spoiling variants apply).
    minimal: bool = True


@dataclass(frozen=True)
class Failing:
    row: int
    name: str
    request: VerificationRequest
    # Exactly the problems expected: a check value for a missing check, else a problem code.
    problems: frozenset[str]
    # Words the explanations must contain.
    mentions: tuple[str, ...] = ()
    # The day of the check (expiry dates and documents that ended are judged on it).
    day: date = TODAY


def fails(*keys: str) -> frozenset[str]:
    return frozenset(keys)


CARD = doc("individual_number_card")
JUMINHYO = doc("resident_record_with_number")
LICENSE = doc("drivers_license")
KENPO = doc("health_insurance_card")
PENSION = doc("pension_book")
ININJO = doc("power_of_attorney")

PASSING: tuple[Passing, ...] = (
    Passing(0, "扶養親族（扶養控除等申告書）、従業員の確認を紐づけ", req(D_TAX, flags=LINKED)),
    Passing(0, "被扶養者（健保）、従業員の確認を紐づけ", req(D_KENPO, flags=LINKED)),
    Passing(1, "本人・対面・個人番号カード", req(docs=(CARD,))),
    Passing(2, "住民票（番号付）＋運転免許証", req(docs=(JUMINHYO, LICENSE))),
    Passing(
        2,
        "変更のない通知カード＋パスポート",
        req(docs=(doc("notification_card"), doc("passport"))),
    ),
    Passing(
        2,
        "住民票記載事項証明書＋在留カード（氏名と住所で照合）",
        req(
            docs=(doc("resident_record_certificate_with_number"), doc("residence_card")),
            comparison=BY_ADDRESS,
        ),
    ),
    Passing(
        2,
        "住民票＋2012年4月以降の運転経歴証明書",
        req(docs=(JUMINHYO, doc("driving_history_certificate"))),
    ),
    Passing(
        2, "住民票＋税理士証票（告示）", req(docs=(JUMINHYO, doc("tax_accountant_certificate")))
    ),
    Passing(
        2,
        "住民票＋顔写真付きの社員証（源泉徴収のための番号）",
        req(docs=(JUMINHYO, doc("photo_staff_id")), purposes=TAX),
    ),
    Passing(3, "住民票＋健康保険証＋年金手帳", req(docs=(JUMINHYO, KENPO, PENSION), reasons=WHY)),
    Passing(
        3,
        "住民票＋資格確認書＋年金手帳",
        req(docs=(JUMINHYO, doc("eligibility_certificate"), PENSION), reasons=WHY),
    ),
    Passing(
        3,
        "住民票＋公共料金の領収書＋納税証明書（税の事務）",
        req(
            docs=(JUMINHYO, doc("utility_receipt"), doc("tax_payment_certificate")),
            purposes=TAX,
            reasons=WHY,
        ),
    ),
    Passing(
        2,
        "住民票＋住所だけ違う運転免許証（旧住所）：氏名と生年月日が一致",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(
                frozenset(IdentityField),
                False,
                True,
                differing=frozenset({IdentityField.ADDRESS}),
                notes=((IdentityField.ADDRESS, "旧住所"),),
            ),
        ),
    ),
    Passing(
        4,
        "入社時確認済みの従業員・対面・省略＋住民票",
        req(docs=(JUMINHYO,), flags=KNOWN, employer_exemption=True),
    ),
    Passing(
        4,
        "入社時確認済みの従業員・対面・省略＋個人番号カード",
        req(docs=(CARD,), flags=KNOWN, employer_exemption=True),
    ),
    Passing(
        5,
        "通知カード（変更なし）＋在留カード",
        req(docs=(doc("notification_card"), doc("residence_card"))),
    ),
    Passing(
        6,
        "個人番号通知書を出されたが個人番号カードもある",
        req(docs=(doc("number_notice"), CARD)),
        minimal=False,
    ),
    Passing(
        7,
        "郵送：住民票の写し＋運転免許証の写し",
        req(
            channel=POST,
            docs=(doc("resident_record_with_number", form=COPY), doc("drivers_license", form=COPY)),
        ),
    ),
    Passing(
        7,
        "郵送：個人番号カードの写し",
        req(channel=POST, docs=(doc("individual_number_card", form=COPY),)),
    ),
    Passing(
        7,
        "郵送：住民票の原本＋顔写真のない書類2点の写し",
        req(
            channel=POST,
            docs=(
                JUMINHYO,
                doc("health_insurance_card", form=COPY),
                doc("pension_book", form=COPY),
            ),
            reasons=WHY,
        ),
    ),
    Passing(
        8,
        "オンライン：カードのICチップ",
        req(channel=ONLINE, docs=(doc("individual_number_card", form=IC),)),
    ),
    Passing(
        8,
        "オンライン：カードの画像",
        req(channel=ONLINE, docs=(doc("individual_number_card", form=IMAGE),)),
    ),
    Passing(
        8,
        "オンライン：住民票の画像＋運転免許証の画像",
        req(
            channel=ONLINE,
            docs=(
                doc("resident_record_with_number", form=IMAGE),
                doc("drivers_license", form=IMAGE),
            ),
        ),
    ),
    Passing(
        8,
        "オンライン：前の記録との照合＋事業者発行のID",
        req(channel=ONLINE, docs=(doc("prior_record"), doc("employer_credentials")), flags=PRIOR),
    ),
    Passing(
        8,
        "オンライン：住民票の画像＋入社時確認済みの従業員に発行したID",
        req(
            channel=ONLINE,
            docs=(doc("resident_record_with_number", form=IMAGE), doc("employer_credentials")),
            flags=KNOWN,
        ),
    ),
    Passing(
        9,
        "電話：記録のある従業員、照合＋本人しか知り得ない事項",
        req(channel=PHONE, docs=(doc("prior_record"), doc("phone_questions")), flags=PRIOR),
    ),
    Passing(
        9,
        "電話：記録のある支払先",
        req(PAYEE, channel=PHONE, docs=(doc("prior_record"), doc("phone_questions")), flags=PRIOR),
    ),
    Passing(
        10,
        "毎年の申告書：前の記録との照合＋省略",
        req(docs=(doc("prior_record"),), flags=KNOWN_PRIOR, employer_exemption=True),
    ),
    Passing(
        10,
        "毎年の申告書：前の記録との照合＋運転免許証",
        req(docs=(doc("prior_record"), LICENSE), flags=PRIOR),
    ),
    Passing(
        10,
        "郵送の申告書：前の記録との照合＋運転免許証の写し（規2①は書類の提示ではない）",
        req(
            channel=POST, docs=(doc("prior_record"), doc("drivers_license", form=COPY)), flags=PRIOR
        ),
    ),
    Passing(
        11,
        "従業員が配偶者の代理：委任状＋従業員の運転免許証＋配偶者の住民票の写し",
        req(
            S,
            VOL,
            docs=(ININJO, doc("drivers_license", A), doc("resident_record_with_number", form=COPY)),
        ),
    ),
    Passing(
        11,
        "従業員が配偶者の代理：委任状＋代理人の省略（規9④）＋配偶者のカードの写し",
        req(
            S,
            VOL,
            docs=(ININJO, doc("individual_number_card", form=COPY)),
            flags=AGENT_KNOWN,
            agent_exemption=True,
        ),
    ),
    Passing(
        11,
        "郵送の代理：委任状の原本＋代理人の免許証の写し＋本人の住民票の写し",
        req(
            S,
            VOL,
            POST,
            docs=(
                ININJO,
                doc("drivers_license", A, COPY),
                doc("resident_record_with_number", form=COPY),
            ),
        ),
    ),
    Passing(
        11,
        "法人の代理人：委任状＋登記事項証明書＋社員証＋本人の住民票",
        req(
            PAYEE,
            VOL,
            docs=(ININJO, doc("corporate_registry", A), doc("corporate_staff_id", A), JUMINHYO),
        ),
    ),
    Passing(
        11,
        "代理人の顔写真のない書類2点＋本人の通知カード",
        req(
            S,
            VOL,
            docs=(
                ININJO,
                doc("health_insurance_card", A),
                doc("pension_book", A),
                doc("notification_card"),
            ),
            reasons=WHY,
        ),
    ),
    Passing(
        11,
        "委任状が難しい：本人が押印した書類＋代理人の免許証＋本人の住民票",
        req(
            S,
            VOL,
            docs=(doc("authority_declaration"), doc("drivers_license", A), JUMINHYO),
            reasons=WHY,
        ),
    ),
    Passing(
        12,
        "親権者：戸籍謄本＋親の運転免許証＋本人の住民票",
        req(E, LEGAL, docs=(doc("family_register"), doc("drivers_license", A), JUMINHYO)),
    ),
    Passing(
        12,
        "成年後見人（郵送）：登記事項証明書の写し＋後見人のカードの写し＋本人のカードの写し",
        req(
            PAYEE,
            LEGAL,
            POST,
            docs=(
                doc("guardianship_registry", form=COPY),
                doc("individual_number_card", A, COPY),
                doc("individual_number_card", P, COPY),
            ),
        ),
    ),
    Passing(
        12,
        "親権者：続柄のある住民票＋親のパスポート＋本人の通知カード",
        req(
            E,
            LEGAL,
            docs=(
                doc("resident_record_with_relationship"),
                doc("passport", A),
                doc("notification_card"),
            ),
        ),
    ),
    Passing(13, "配偶者本人・対面・個人番号カード", req(S, docs=(CARD,))),
    Passing(
        13,
        "配偶者本人・郵送・住民票＋顔写真のない書類2点の写し",
        req(
            S,
            channel=POST,
            docs=(
                doc("resident_record_with_number", form=COPY),
                doc("health_insurance_card", form=COPY),
                doc("pension_book", form=COPY),
            ),
            reasons=WHY,
        ),
    ),
    Passing(
        13,
        "配偶者本人・オンライン・カードのICチップ",
        req(S, channel=ONLINE, docs=(doc("individual_number_card", form=IC),)),
    ),
    Passing(
        14,
        "支払先・郵送・住民票の写し＋免許証の写し",
        req(
            PAYEE,
            channel=POST,
            docs=(doc("resident_record_with_number", form=COPY), doc("drivers_license", form=COPY)),
        ),
    ),
    Passing(14, "支払先・対面・個人番号カード", req(PAYEE, docs=(CARD,))),
    Passing(
        1,
        "個人番号カード1枚：書類どうしの照合は要らない",
        req(docs=(CARD,), comparison=Comparison(photo_matches_face=True)),
    ),
    Passing(
        5,
        "通知カード（2020年5月25日より前の変更が裏書きされ、今の住民票と同じ）＋運転免許証",
        req(docs=(replace(doc("notification_card"), endorsed_before_abolition=True), LICENSE)),
    ),
)

FAILING: tuple[Failing, ...] = (
    Failing(
        0,
        "扶養親族：従業員の確認が紐づいていない",
        req(D_TAX),
        fails("employee_verification_not_linked"),
        ("従業員",),
    ),
    Failing(
        0,
        "被扶養者：従業員の確認が紐づいていない",
        req(D_KENPO),
        fails("employee_verification_not_linked"),
        ("従業員",),
    ),
    Failing(
        0,
        "扶養親族：書類があっても従業員の確認が要る",
        req(D_TAX, docs=(CARD,)),
        fails("employee_verification_not_linked"),
        ("第4-3-(1)1B",),
    ),
    Failing(1, "書類なし", req(), fails("number", "identity"), ("番号確認", "身元確認")),
    Failing(
        1,
        "期限切れのカード",
        req(docs=(doc("individual_number_card", expires_on=PAST),)),
        fails("number", "identity"),
        ("有効期限（2025年9月30日）が切れています",),
    ),
    Failing(
        1,
        "カードの有効期限を入れていない",
        req(docs=(doc("individual_number_card", expires_on=None),)),
        fails("number", "identity"),
        ("有効期限が入力されていません",),
    ),
    Failing(
        1,
        "対面でカードの写し",
        req(docs=(doc("individual_number_card", form=COPY),)),
        fails("number", "identity"),
        ("写し（コピー）は使えません", "原本に限ります"),
    ),
    Failing(
        1,
        "顔写真を見比べていない",
        req(docs=(CARD,), comparison=replace(MATCHED, photo_matches_face=None)),
        fails("identity"),
        ("顔写真と、来た本人の顔を見比べてください",),
    ),
    Failing(
        1,
        "顔写真と顔が違う：本人確認全体を中止",
        req(docs=(CARD,), comparison=replace(MATCHED, photo_matches_face=False)),
        fails("photo_mismatch", "identity"),
        ("一致しない", "中止してください"),
    ),
    Failing(
        1,
        "顔写真が違うカードは、ほかの書類や入社時の確認で補えない",
        req(
            docs=(CARD, doc("eligibility_certificate"), PENSION),
            flags=KNOWN,
            employer_exemption=True,
            comparison=replace(MATCHED, photo_matches_face=False),
            reasons=WHY,
        ),
        fails("photo_mismatch"),
        ("補うことはできません",),
    ),
    Failing(
        1,
        "本人が来たのに代理人のカードとして入力",
        req(docs=(doc("individual_number_card", A),)),
        fails("number", "identity"),
    ),
    Failing(
        2,
        "照合していない",
        req(docs=(JUMINHYO, LICENSE), comparison=Comparison(photo_matches_face=True)),
        fails("details_not_compared"),
        ("氏名と、生年月日または住所",),
    ),
    Failing(
        2,
        "氏名だけ照合",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(frozenset({IdentityField.NAME}), True, True),
        ),
        fails("details_not_compared"),
    ),
    Failing(
        2,
        "住所が違い、生年月日を照合していない",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(
                frozenset({IdentityField.NAME, IdentityField.ADDRESS}),
                False,
                True,
                differing=frozenset({IdentityField.ADDRESS}),
                notes=((IdentityField.ADDRESS, "旧住所"),),
            ),
        ),
        fails("details_not_compared"),
        ("生年月日を照合してください",),
    ),
    Failing(
        2,
        "住所の違いの内容を書いていない",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(
                frozenset(IdentityField), False, True, differing=frozenset({IdentityField.ADDRESS})
            ),
        ),
        fails("difference_not_explained"),
        ("住所の違いの内容",),
    ),
    Failing(
        2,
        "氏名が違う（旧姓）",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(
                frozenset(IdentityField),
                False,
                True,
                differing=frozenset({IdentityField.NAME}),
                notes=((IdentityField.NAME, "旧姓・旧氏"),),
            ),
        ),
        fails("details_mismatch"),
        ("氏名が書類の間で違います（メモ：旧姓・旧氏）", "併記"),
    ),
    Failing(
        2,
        "生年月日が違う",
        req(
            docs=(JUMINHYO, LICENSE),
            comparison=Comparison(
                frozenset(IdentityField),
                False,
                True,
                differing=frozenset({IdentityField.BIRTH_DATE}),
                notes=((IdentityField.BIRTH_DATE, "1日違い"),),
            ),
        ),
        fails("details_mismatch"),
        ("生年月日は変わらない",),
    ),
    Failing(
        1,
        "照合した項目が一致しない",
        req(docs=(CARD,), comparison=replace(MATCHED, all_match=False)),
        fails("details_mismatch"),
        ("一致しません",),
    ),
    Failing(
        2,
        "番号確認の書類がない",
        req(docs=(LICENSE,)),
        fails("number"),
        ("番号確認ができていません",),
    ),
    Failing(
        2,
        "顔写真付きの書類がない（住民票だけ）",
        req(docs=(JUMINHYO,)),
        fails("identity"),
        ("身元確認ができていません",),
    ),
    Failing(
        2,
        "期限切れの運転免許証",
        req(docs=(JUMINHYO, doc("drivers_license", expires_on=PAST))),
        fails("identity"),
        ("運転免許証", "有効期限"),
    ),
    Failing(
        2,
        "対面で運転免許証の写し",
        req(docs=(JUMINHYO, doc("drivers_license", form=COPY))),
        fails("identity"),
        ("原本に限ります",),
    ),
    Failing(
        2,
        "2012年4月より前の運転経歴証明書",
        req(docs=(JUMINHYO, doc("driving_history_certificate", issued_on=date(2011, 3, 1)))),
        fails("identity"),
        ("2012年4月1日より前",),
    ),
    Failing(
        2,
        "運転経歴証明書の交付日を入れていない",
        req(docs=(JUMINHYO, doc("driving_history_certificate", issued_on=None))),
        fails("identity"),
        ("交付日",),
    ),
    Failing(
        2,
        "通知カードは身元確認に使えない",
        req(docs=(JUMINHYO, doc("notification_card"))),
        fails("identity"),
    ),
    Failing(
        3,
        "顔写真のない書類2点だが、顔写真付きの書類を出せない理由がない",
        req(docs=(JUMINHYO, doc("eligibility_certificate"), PENSION)),
        fails("fallback_reason_missing"),
        ("身元確認：顔写真付きの身分証明書を出すことが難しい理由", "第2条第3項"),
    ),
    Failing(
        3,
        "2025年12月2日以降の確認に健康保険証",
        req(docs=(JUMINHYO, KENPO, PENSION), reasons=WHY),
        fails("identity"),
        ("2025年12月1日までにすべて有効期限が来ました", "令和5年法律第48号"),
        date(2025, 12, 2),
    ),
    Failing(
        3,
        "告示の書類（公共料金の領収書・顔写真のない社員証）を雇用保険の番号に",
        req(
            docs=(JUMINHYO, doc("utility_receipt"), doc("staff_id_without_photo")),
            purposes=frozenset({"tax_withholding", "employment_insurance"}),
            reasons=WHY,
        ),
        fails("identity"),
        ("税の事務（源泉徴収・支払調書）のための番号に限ります",),
    ),
    Failing(
        2,
        "顔写真付きの社員証を健康保険・厚生年金の番号に",
        req(docs=(JUMINHYO, doc("photo_staff_id")), purposes=frozenset({"health_pension"})),
        fails("identity"),
        ("告示",),
    ),
    Failing(
        3,
        "顔写真のない書類が1点だけ",
        req(docs=(JUMINHYO, KENPO)),
        fails("identity"),
        ("顔写真のない書類があと1点必要です", "第2条第3項"),
    ),
    Failing(
        3,
        "同じ種類の書類2枚は1点",
        req(docs=(JUMINHYO, KENPO, KENPO)),
        fails("identity"),
        ("あと1点",),
    ),
    Failing(
        3,
        "期限切れの資格確認書＋年金手帳",
        req(docs=(JUMINHYO, doc("eligibility_certificate", expires_on=PAST), PENSION)),
        fails("identity"),
        ("資格確認書", "有効期限"),
    ),
    Failing(
        4,
        "省略しても番号確認は要る",
        req(flags=KNOWN, employer_exemption=True),
        fails("number"),
        ("番号確認ができていません",),
    ),
    Failing(
        4,
        "入社時の本人確認がないのに省略",
        req(docs=(JUMINHYO,), employer_exemption=True),
        fails("identity"),
        ("身元確認書類の省略", "入社時"),
    ),
    Failing(
        4,
        "代理人の場合に従業員の省略",
        req(E, VOL, docs=(ININJO, JUMINHYO), flags=KNOWN, employer_exemption=True),
        fails("agent_identity"),
    ),
    Failing(
        5,
        "通知カードの記載が変わっている",
        req(docs=(doc("notification_card", details_unchanged=False), LICENSE)),
        fails("number"),
        (
            "今の住民票と違う",
            "個人番号カードか、住民票の写し（個人番号付き）",
            "附則第6条第2項",
            "裏書き",
            "2020年5月25日以降の変更",
        ),
    ),
    Failing(
        5,
        "通知カードの記載を確かめていない",
        req(docs=(doc("notification_card", details_unchanged=None), LICENSE)),
        fails("number"),
        ("同じかを確かめて",),
    ),
    Failing(
        5,
        "代理人が持ってきた変更のある通知カード",
        req(
            S,
            VOL,
            docs=(
                ININJO,
                doc("drivers_license", A),
                doc("notification_card", details_unchanged=False),
            ),
        ),
        fails("number"),
        ("今の住民票と違う",),
    ),
    Failing(
        6,
        "個人番号通知書＋運転免許証",
        req(docs=(doc("number_notice"), LICENSE)),
        fails("number"),
        ("個人番号通知書", "本人確認の書類として認められていません"),
    ),
    Failing(
        6, "個人番号通知書だけ", req(docs=(doc("number_notice"),)), fails("number", "identity")
    ),
    Failing(
        6,
        "郵送で個人番号通知書の写し",
        req(
            channel=POST, docs=(doc("number_notice", form=COPY), doc("drivers_license", form=COPY))
        ),
        fails("number"),
        ("個人番号通知書",),
    ),
    Failing(
        7,
        "郵送で身元確認書類の省略",
        req(
            channel=POST,
            docs=(doc("resident_record_with_number", form=COPY),),
            flags=KNOWN,
            employer_exemption=True,
        ),
        fails("identity"),
        ("対面で受け取る場合に限ります",),
    ),
    Failing(
        7,
        "郵送で期限切れの免許証の写し",
        req(
            channel=POST,
            docs=(
                doc("resident_record_with_number", form=COPY),
                doc("drivers_license", form=COPY, expires_on=PAST),
            ),
        ),
        fails("identity"),
        ("有効期限",),
    ),
    Failing(
        7,
        "郵送で画像データ",
        req(
            channel=POST,
            docs=(
                doc("resident_record_with_number", form=COPY),
                doc("drivers_license", form=IMAGE),
            ),
        ),
        fails("identity"),
        ("画像データは使えません",),
    ),
    Failing(
        7,
        "郵送で前の記録との照合だが、記録がない",
        req(channel=POST, docs=(doc("prior_record"), doc("drivers_license", form=COPY))),
        fails("number"),
        ("前に本人確認をした記録がない",),
    ),
    Failing(
        8,
        "オンラインで事業者IDだが前の確認がない",
        req(
            channel=ONLINE,
            docs=(doc("resident_record_with_number", form=IMAGE), doc("employer_credentials")),
        ),
        fails("identity"),
        ("本人確認をしたうえで発行したIDに限ります",),
    ),
    Failing(
        8,
        "オンラインで顔写真のない書類の画像",
        req(
            channel=ONLINE,
            docs=(
                doc("resident_record_with_number", form=IMAGE),
                doc("health_insurance_card", form=IMAGE),
                doc("pension_book", form=IMAGE),
            ),
        ),
        fails("identity"),
        ("オンラインでは使えません",),
    ),
    Failing(
        8,
        "オンラインで原本という入力",
        req(channel=ONLINE, docs=(doc("resident_record_with_number", form=IMAGE), LICENSE)),
        fails("identity"),
        ("原本は使えません",),
    ),
    Failing(
        8,
        "オンラインで記録のない人の照合",
        req(channel=ONLINE, docs=(doc("prior_record"), doc("drivers_license", form=IMAGE))),
        fails("number"),
        ("前に本人確認をした記録がない",),
    ),
    Failing(
        9,
        "電話：前の記録がない",
        req(channel=PHONE, docs=(doc("prior_record"), doc("phone_questions"))),
        fails("channel_not_allowed", "number", "identity"),
        ("電話で受け付けられるのは", "第2条第5項"),
    ),
    Failing(
        9,
        "電話：事項の確認をしていない",
        req(channel=PHONE, docs=(doc("prior_record"),), flags=PRIOR),
        fails("identity"),
    ),
    Failing(
        9,
        "電話で書類",
        req(channel=PHONE, docs=(CARD,), flags=PRIOR),
        fails("number", "identity"),
        ("電話では使えません",),
    ),
    Failing(
        9,
        "電話で代理人",
        req(S, VOL, PHONE, docs=(ININJO, doc("drivers_license", A), JUMINHYO), flags=PRIOR),
        fails("channel_not_allowed", "authority", "agent_identity", "number"),
        ("対面か郵送", "第9条第3項", "より厳しく扱い"),
    ),
    Failing(
        10,
        "記録がないのに照合",
        req(docs=(doc("prior_record"),), flags=KNOWN, employer_exemption=True),
        fails("number"),
        ("前に本人確認をした記録がない",),
    ),
    Failing(
        10,
        "照合だけで身元確認なし",
        req(docs=(doc("prior_record"),), flags=PRIOR),
        fails("identity"),
    ),
    Failing(
        11,
        "委任状がない",
        req(S, VOL, docs=(doc("drivers_license", A), JUMINHYO)),
        fails("authority"),
        ("代理権の確認ができていません", "委任状", "第6条第1項第2号"),
    ),
    Failing(
        11,
        "郵送で委任状の写し",
        req(
            S,
            VOL,
            POST,
            docs=(
                doc("power_of_attorney", form=COPY),
                doc("drivers_license", A, COPY),
                doc("resident_record_with_number", form=COPY),
            ),
        ),
        fails("authority"),
        ("原本に限ります",),
    ),
    Failing(
        11,
        "任意代理人が戸籍謄本（委任状ではない）",
        req(S, VOL, docs=(doc("family_register"), doc("drivers_license", A), JUMINHYO)),
        fails("authority"),
    ),
    Failing(
        11,
        "代理人の身元確認書類がない",
        req(S, VOL, docs=(ININJO, JUMINHYO)),
        fails("agent_identity"),
        ("代理人の身元確認ができていません",),
    ),
    Failing(
        11,
        "代理人の書類のつもりで本人の免許証",
        req(S, VOL, docs=(ININJO, LICENSE, JUMINHYO)),
        fails("agent_identity"),
    ),
    Failing(
        11,
        "本人の番号確認書類がなく代理人のカード",
        req(S, VOL, docs=(ININJO, doc("individual_number_card", A))),
        fails("number"),
        ("番号確認ができていません", "第8条"),
    ),
    Failing(
        11,
        "代理人の省略だが代理人は入社時確認済みの従業員ではない",
        req(S, VOL, docs=(ININJO, JUMINHYO), agent_exemption=True),
        fails("agent_identity"),
        ("代理人の身元確認書類の省略", "入社時"),
    ),
    Failing(
        11,
        "郵送で代理人の省略",
        req(
            S,
            VOL,
            POST,
            docs=(ININJO, doc("resident_record_with_number", form=COPY)),
            flags=AGENT_KNOWN,
            agent_exemption=True,
        ),
        fails("agent_identity"),
        ("対面で来た場合に限ります",),
    ),
    Failing(
        11,
        "法人の代理人で社員証がない",
        req(PAYEE, VOL, docs=(ININJO, doc("corporate_registry", A), JUMINHYO)),
        fails("agent_identity"),
        ("法人の社員証などがあと1点必要です",),
    ),
    Failing(
        11,
        "代理人の顔写真を見比べていない",
        req(
            S,
            VOL,
            docs=(ININJO, doc("drivers_license", A), JUMINHYO),
            comparison=replace(MATCHED, agent_photo_matches_face=None),
        ),
        fails("agent_identity"),
        ("来た代理人の顔",),
    ),
    Failing(
        11,
        "代理人の顔写真が違う：本人の書類がそろっていても中止",
        req(
            S,
            VOL,
            docs=(ININJO, doc("drivers_license", A), JUMINHYO),
            comparison=replace(MATCHED, agent_photo_matches_face=False),
        ),
        fails("photo_mismatch", "agent_identity"),
        ("代理人の書類の顔写真が、来た代理人の顔と一致しません", "施行令第12条第2項"),
    ),
    Failing(
        11,
        "委任状が難しいとしたが、その理由がない",
        req(S, VOL, docs=(doc("authority_declaration"), doc("drivers_license", A), JUMINHYO)),
        fails("fallback_reason_missing"),
        ("代理権の確認：委任状や戸籍謄本など", "第6条第1項第3号"),
    ),
    Failing(
        11,
        "オンラインで代理人",
        req(
            S,
            VOL,
            ONLINE,
            docs=(
                doc("power_of_attorney", form=IMAGE),
                doc("drivers_license", A, IMAGE),
                doc("resident_record_with_number", form=IMAGE),
            ),
        ),
        fails("channel_not_allowed", "authority", "agent_identity", "number"),
    ),
    Failing(
        11,
        "本人しか持たない書類（代理権）を郵送",
        req(
            S,
            VOL,
            POST,
            docs=(
                doc("principal_only_document"),
                doc("drivers_license", A, COPY),
                doc("resident_record_with_number", form=COPY),
            ),
        ),
        fails("authority"),
        ("郵送では使えません",),
    ),
    Failing(
        12,
        "法定代理人が委任状（戸籍謄本などではない）",
        req(E, LEGAL, docs=(ININJO, doc("drivers_license", A), JUMINHYO)),
        fails("authority"),
        ("法定代理人であることが分かる書類", "第6条第1項第1号"),
    ),
    Failing(
        12,
        "法定代理人の身元確認書類がない",
        req(E, LEGAL, docs=(doc("family_register"), JUMINHYO)),
        fails("agent_identity"),
    ),
    Failing(
        12,
        "本人の番号確認書類がない",
        req(E, LEGAL, docs=(doc("family_register"), doc("drivers_license", A))),
        fails("number"),
    ),
    Failing(
        13,
        "配偶者に従業員の省略",
        req(S, docs=(JUMINHYO,), flags=KNOWN, employer_exemption=True),
        fails("identity"),
        ("従業員本人の番号に限ります",),
    ),
    Failing(13, "配偶者が通知書", req(S, docs=(doc("number_notice"), LICENSE)), fails("number")),
    Failing(
        14,
        "支払先に従業員の省略",
        req(PAYEE, docs=(JUMINHYO,), flags=KNOWN, employer_exemption=True),
        fails("identity"),
        ("従業員本人の番号に限ります",),
    ),
    Failing(
        14,
        "支払先が郵送で顔写真のない書類1点",
        req(
            PAYEE,
            channel=POST,
            docs=(
                doc("resident_record_with_number", form=COPY),
                doc("health_insurance_card", form=COPY),
            ),
        ),
        fails("identity"),
        ("あと1点",),
    ),
)
