"""The catalogue of documents (and the few other means) a clerk may be shown for 本人確認, as data
(DOMAIN.md §2.2 for the person's own documents, §2.3 for post/online/phone, §2.5 for agents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.my_number import echo
from app.domain.verification.terms import (
    DIGITAL_PROCEDURES_ACT,
    DOCUMENT_TABLES,
    GUIDELINE_MAP,
    HEALTH_CARD_TRANSITION,
    LAW_16,
    MYNA_FAQ,
    NTA_FAQ,
    NTA_NOTICE,
    ORDER_12_1_1,
    RULE_1,
    RULE_1_1,
    RULE_1_2,
    RULE_2_1,
    RULE_2_3,
    RULE_2_5,
    RULE_3,
    RULE_6_1_1,
    RULE_6_1_2,
    RULE_6_1_3,
    RULE_7_2,
    Channel,
    Check,
)


class Kind(StrEnum):
    """What a document proves. The ways of rules.py count distinct documents by kind."""

    NUMBER_DOCUMENT = "number_document"
    PRIOR_RECORD = "prior_record"
    PHOTO_ID = "photo_id"  # one suffices
    NON_PHOTO_ID = "non_photo_id"  # two are needed
    ONLINE_CREDENTIAL = "online_credential"
    PHONE_QUESTIONS = "phone_questions"
    LEGAL_STATUS = "legal_status"
    POWER_OF_ATTORNEY = "power_of_attorney"
    AUTHORITY_FALLBACK = "authority_fallback"
    CORPORATE_REGISTRY = "corporate_registry"
    CORPORATE_STAFF_ID = "corporate_staff_id"
    # Not documents: the 身元確認書類 is waived (規2⑥ for the person, 規9④ for the agent).
    EMPLOYER_EXEMPTION = "employer_exemption"
    AGENT_EXEMPTION = "agent_exemption"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.NUMBER_DOCUMENT: "番号確認の書類",
    Kind.PRIOR_RECORD: "前の本人確認の記録との照合",
    Kind.PHOTO_ID: "顔写真付きの身分証明書",
    Kind.NON_PHOTO_ID: "顔写真のない書類",
    Kind.ONLINE_CREDENTIAL: "事業者が発行したIDとパスワード",
    Kind.PHONE_QUESTIONS: "本人しか知り得ない事項の確認",
    Kind.LEGAL_STATUS: "法定代理人であることが分かる書類",
    Kind.POWER_OF_ATTORNEY: "委任状",
    Kind.AUTHORITY_FALLBACK: "代理権が分かるその他の書類",
    Kind.CORPORATE_REGISTRY: "法人の登記事項証明書など",
    Kind.CORPORATE_STAFF_ID: "法人の社員証など",
    Kind.EMPLOYER_EXEMPTION: "身元確認書類の省略",
    Kind.AGENT_EXEMPTION: "代理人の身元確認書類の省略",
}

_PAPER = frozenset({Channel.IN_PERSON, Channel.POST})
# The purposes whose 利用事務実施者 are the 国税庁 (源泉徴収票, 支払調書) and the municipalities
# (給与支払報告書): the two whose 告示 accept the documents below (平成27年国税庁告示第2号; the
# municipal tables of DOMAIN.md sources 11). 雇用保険 (ハローワーク) and 健保・年金 (日本年金機構,
# 保険者) were not read, so those documents are not offered for them.
TAX_PURPOSES = frozenset({"tax_withholding", "payment_records"})


@dataclass(frozen=True)
class Document:
    """One entry of the checklist. `physical=False` marks the means that are not a paper the
    person hands over (a match with our own record, a login, questions on the phone)."""

    code: str
    name: str
    kinds: frozenset[Kind]
    basis: str
    note: str = ""
    physical: bool = True
    # By post the person may send the document or a copy of it (規11); False: the original only.
    copy_by_post: bool = True
    # Online: an image of it may be sent (規3); the card's IC chip can also be read.
    image_online: bool = False
    ic_chip: bool = False
    in_person_only: bool = False
    # Where a non-physical means works.
    only_channels: frozenset[Channel] = frozenset()
    # Always carries an expiry date, so the wizard asks for it and a missing one is refused.
    has_expiry: bool = False
    # Only if issued on or after this day (運転経歴証明書).
    issued_from: date | None = None
    # 通知カード: only while name/address etc. still match the 住民票.
    needs_unchanged_details: bool = False
    needs_prior_record: bool = False
    # Employer-issued credentials count only if issued after an earlier identity check.
    needs_earlier_identity_check: bool = False
    # Never accepted: why (shown to the clerk when it is ticked), and where it is listed.
    refusal: str | None = None
    shown_with: Check | None = None
    # Accepted only by the 告示 of some 個人番号利用事務実施者 (国税庁・地方税): usable only when
    # every purpose of the number is one of these (DOMAIN.md §2.2). None: by the 規則 itself.
    accepted_purposes: frozenset[str] | None = None
    # No longer usable for a check made after this day, whatever the date printed on it.
    usable_until: date | None = None
    ended: str = ""

    @property
    def channels(self) -> frozenset[Channel]:
        if self.refusal is not None:
            return frozenset()
        if not self.physical:
            return self.only_channels
        if self.in_person_only:
            return frozenset({Channel.IN_PERSON})
        if self.image_online or self.ic_chip:
            return _PAPER | {Channel.ONLINE}
        return _PAPER

    @property
    def has_photo(self) -> bool:
        return Kind.PHOTO_ID in self.kinds

    @property
    def needed_for_identity(self) -> int:
        """How many documents of this sort make a 身元確認: 1 with a photo, 2 without."""
        return 2 if Kind.NON_PHOTO_ID in self.kinds else 1


def _photo_id(
    code: str,
    name: str,
    basis: str,
    *,
    note: str = "",
    has_expiry: bool = False,
    issued_from: date | None = None,
    accepted_purposes: frozenset[str] | None = None,
) -> Document:
    return Document(
        code,
        name,
        frozenset({Kind.PHOTO_ID}),
        basis,
        note=note,
        image_online=True,
        has_expiry=has_expiry,
        issued_from=issued_from,
        accepted_purposes=accepted_purposes,
    )


def _non_photo_id(
    code: str,
    name: str,
    basis: str,
    *,
    note: str = "",
    has_expiry: bool = False,
    accepted_purposes: frozenset[str] | None = None,
    usable_until: date | None = None,
    ended: str = "",
) -> Document:
    # Online only images of photo IDs count (DOMAIN.md §2.3), so no image_online here.
    return Document(
        code,
        name,
        frozenset({Kind.NON_PHOTO_ID}),
        basis,
        note=note,
        has_expiry=has_expiry,
        accepted_purposes=accepted_purposes,
        usable_until=usable_until,
        ended=ended,
    )


_NOTICE_OK = f"税の事務（源泉徴収・支払調書）のための番号に限ります（{RULE_1_2}・{NTA_NOTICE}・地方税の告示）。"
_NOTICE_NON_PHOTO = (
    "氏名と、生年月日または住所が書かれたものに限ります。税の事務（源泉徴収・支払調書）のための番号に"
    f"限ります（{RULE_2_3}・{NTA_NOTICE}・地方税の告示）。"
)
# The last day a 健康保険証 was valid (DOMAIN.md §2.2, terms.HEALTH_CARD_TRANSITION).
HEALTH_CARD_LAST_DAY = date(2025, 12, 1)
HEALTH_CARD_ENDED = (
    "健康保険証は、2024年12月2日から新しく発行されず、発行済みのものも2025年12月1日までにすべて"
    "有効期限が来ました。券面の有効期限が先の日付でも、2025年12月2日以降の確認には使えません。"
    f"資格確認書など、ほかの書類を出してもらってください（{HEALTH_CARD_TRANSITION}・{MYNA_FAQ}）。"
)
# Whether the amended 規則 lists the 資格確認書 was not confirmed from its text (DOMAIN.md §2.2):
# the stricter reading is taken, the place of the 健康保険証 it replaces (one of two non-photo
# documents, never a photo ID on its own).
_ELIGIBILITY_NOTE = (
    "健康保険証に代わって保険者が交付する書類です（有効期間は最長5年。"
    f"{MYNA_FAQ}）。施行規則の改正後の条文を確かめられていないため、健康保険証と同じく、顔写真のない"
    f"書類2点のうちの1点としてだけ扱います（{RULE_2_3}）。"
)

NUMBER_NOTICE_REFUSAL = (
    "個人番号通知書は、番号をお知らせするために送られた通知で、本人確認の書類として認められていません。"
    "番号確認にも身元確認にも使えません。個人番号カードか、住民票の写し（個人番号付き）を出してもらってください"
    f"（{DOCUMENT_TABLES}）。"
)

_CATALOGUE: tuple[Document, ...] = (
    # 番号確認 (and, for the card, 身元確認 too)
    Document(
        "individual_number_card",
        "個人番号カード（マイナンバーカード）",
        frozenset({Kind.NUMBER_DOCUMENT, Kind.PHOTO_ID}),
        LAW_16,
        note="裏面で番号確認、表面（顔写真）で身元確認ができ、これ1枚で足ります。有効期限内のものに限ります。",
        image_online=True,
        ic_chip=True,
        has_expiry=True,
    ),
    Document(
        "resident_record_with_number",
        "住民票の写し（個人番号付き）",
        frozenset({Kind.NUMBER_DOCUMENT}),
        ORDER_12_1_1,
        note="個人番号が記載されたものに限ります。身元確認には使えません。",
        image_online=True,
    ),
    Document(
        "resident_record_certificate_with_number",
        "住民票記載事項証明書（個人番号付き）",
        frozenset({Kind.NUMBER_DOCUMENT}),
        ORDER_12_1_1,
        note="個人番号が記載されたものに限ります。身元確認には使えません。",
        image_online=True,
    ),
    Document(
        "notification_card",
        "通知カード（紙のカード）",
        frozenset({Kind.NUMBER_DOCUMENT}),
        DIGITAL_PROCEDURES_ACT,
        note=(
            "2020年5月25日に廃止されました。氏名・住所などが今の住民票と同じ場合に限り、番号確認に使えます"
            f"（{DIGITAL_PROCEDURES_ACT}）。身元確認には使えません。"
        ),
        image_online=True,
        needs_unchanged_details=True,
    ),
    Document(
        "number_notice",
        "個人番号通知書（2020年5月25日以降に送られた紙の通知）",
        frozenset(),
        DOCUMENT_TABLES,
        note="本人確認には使えません。",
        refusal=NUMBER_NOTICE_REFUSAL,
        shown_with=Check.NUMBER,
    ),
    Document(
        "prior_record",
        "前に本人確認をしたときの記録（前年の扶養控除等申告書など）と番号が同じことの照合",
        frozenset({Kind.PRIOR_RECORD}),
        f"{RULE_2_1}・{NTA_FAQ}",
        note="前に本人確認をして受け取った番号の記録がある人だけに使えます（2年目以降の提出など）。",
        physical=False,
        # By post too: 規2① is a check against our own file, not a paper the person presents,
        # so 規11 (papers or their copies by post) does not restrict it; the guideline's map
        # puts it under 「書類の提示を受ける場合等」, which 規11 extends to post, and 規2⑤ uses
        # it even on the phone (GUIDELINE_MAP).
        only_channels=frozenset({Channel.IN_PERSON, Channel.POST, Channel.ONLINE, Channel.PHONE}),
        needs_prior_record=True,
    ),
    # 身元確認: photo IDs named by 規1一
    _photo_id("drivers_license", "運転免許証", RULE_1_1, has_expiry=True),
    _photo_id(
        "driving_history_certificate",
        "運転経歴証明書",
        RULE_1_1,
        note="2012年4月1日以降に交付されたものに限ります。",
        issued_from=date(2012, 4, 1),
    ),
    _photo_id("passport", "旅券（パスポート）", RULE_1_1, has_expiry=True),
    _photo_id("physical_disability_certificate", "身体障害者手帳", RULE_1_1),
    _photo_id("mental_disability_certificate", "精神障害者保健福祉手帳", RULE_1_1, has_expiry=True),
    _photo_id("rehabilitation_certificate", "療育手帳", RULE_1_1),
    _photo_id("residence_card", "在留カード", RULE_1_1, has_expiry=True),
    _photo_id("special_permanent_resident_certificate", "特別永住者証明書", RULE_1_1),
    # 身元確認: other official photo IDs the 利用事務実施者 accepts (規1二 + 告示)
    *(
        _photo_id(code, name, RULE_1_2, note=_NOTICE_OK, accepted_purposes=TAX_PURPOSES)
        for code, name in (
            ("tax_accountant_certificate", "税理士証票"),
            ("photo_staff_id", "顔写真付きの社員証"),
            ("photo_student_id", "顔写真付きの学生証"),
            ("photo_qualification_certificate", "顔写真付きの資格証明書"),
        )
    ),
    # 身元確認 without a photo: two or more (規2③)
    _non_photo_id(
        "eligibility_certificate",
        "資格確認書（健康保険）",
        RULE_2_3,
        note=_ELIGIBILITY_NOTE,
        has_expiry=True,
    ),
    _non_photo_id("pension_book", "年金手帳", RULE_2_3),
    _non_photo_id("child_rearing_allowance_certificate", "児童扶養手当証書", RULE_2_3),
    _non_photo_id("special_child_rearing_allowance_certificate", "特別児童扶養手当証書", RULE_2_3),
    _non_photo_id(
        "health_insurance_card",
        "公的医療保険の被保険者証（健康保険証）",
        RULE_2_3,
        note="2025年12月1日までに有効期限が来ています。それより前の日付の確認にだけ使えます。",
        usable_until=HEALTH_CARD_LAST_DAY,
        ended=HEALTH_CARD_ENDED,
    ),
    *(
        _non_photo_id(code, name, RULE_2_3, note=_NOTICE_NON_PHOTO, accepted_purposes=TAX_PURPOSES)
        for code, name in (
            ("staff_id_without_photo", "顔写真のない社員証"),
            ("student_id_without_photo", "顔写真のない学生証"),
            ("utility_receipt", "公共料金（電気・ガス・水道など）の領収書"),
            ("tax_receipt", "税金の領収書"),
            ("social_insurance_receipt", "社会保険料の領収書"),
            ("tax_payment_certificate", "納税証明書"),
        )
    ),
    # 身元確認 online and on the phone
    Document(
        "employer_credentials",
        "事業者が本人確認をしたうえで発行したIDとパスワードでのログイン",
        frozenset({Kind.ONLINE_CREDENTIAL}),
        f"{RULE_3}・{DOCUMENT_TABLES}",
        note="入社時などに本人確認をしてから発行したIDに限ります。",
        physical=False,
        only_channels=frozenset({Channel.ONLINE}),
        needs_earlier_identity_check=True,
    ),
    Document(
        "phone_questions",
        "本人しか知り得ない事項をたずねて確かめた（電話）",
        frozenset({Kind.PHONE_QUESTIONS}),
        RULE_2_5,
        note="前に本人確認をした記録がある人だけに使えます。",
        physical=False,
        only_channels=frozenset({Channel.PHONE}),
        needs_prior_record=True,
    ),
    # 代理権の確認: legal agents (規6①一)
    Document(
        "family_register",
        "戸籍謄本（戸籍全部事項証明書）",
        frozenset({Kind.LEGAL_STATUS}),
        RULE_6_1_1,
        note="親権者など、法定代理人であることを確かめます。",
    ),
    Document(
        "resident_record_with_relationship",
        "住民票の写し（続柄が書かれたもの）",
        frozenset({Kind.LEGAL_STATUS}),
        RULE_6_1_1,
        note="親子などの続柄で、法定代理人であることを確かめます。",
    ),
    Document(
        "guardianship_registry",
        "成年後見の登記事項証明書",
        frozenset({Kind.LEGAL_STATUS}),
        RULE_6_1_1,
        note="成年後見人であることを確かめます。",
    ),
    # 代理権の確認: voluntary agents (規6①二)
    Document(
        "power_of_attorney",
        "委任状",
        frozenset({Kind.POWER_OF_ATTORNEY}),
        RULE_6_1_2,
        note=(
            "本人と代理人の氏名・住所・生年月日、頼む内容（例：「国民年金第3号被保険者関係届の提出に伴う"
            "個人番号の提供」）、日付、本人の署名または押印があるもの。原本を受け取ります。"
        ),
        copy_by_post=False,
    ),
    # 代理権の確認 when the above are difficult (規6①三)
    Document(
        "authority_declaration",
        "本人と代理人の氏名などが書かれ、本人が押印した書類",
        frozenset({Kind.AUTHORITY_FALLBACK}),
        RULE_6_1_3,
        note="委任状や戸籍謄本などを出すことが難しい場合に限ります。原本を受け取ります。",
        copy_by_post=False,
    ),
    Document(
        "principal_only_document",
        "本人しか持っていない書類（本人の個人番号カード・運転免許証など）を代理人が持参",
        frozenset({Kind.AUTHORITY_FALLBACK}),
        RULE_6_1_3,
        note="委任状や戸籍謄本などを出すことが難しい場合に限ります。対面で原本を見せてもらいます。",
        in_person_only=True,
    ),
    # 代理人の身元確認 when the agent is a company (規7②)
    Document(
        "corporate_registry",
        "代理人である法人の登記事項証明書など",
        frozenset({Kind.CORPORATE_REGISTRY}),
        RULE_7_2,
        note="代理人が法人（会社・税理士法人など）の場合に、来た人の社員証などと合わせて使います。",
    ),
    Document(
        "corporate_staff_id",
        "来た人がその法人の人だと分かる社員証など",
        frozenset({Kind.CORPORATE_STAFF_ID}),
        RULE_7_2,
        note="代理人が法人の場合に、法人の登記事項証明書などと合わせて使います。",
    ),
)

CATALOGUE: dict[str, Document] = {entry.code: entry for entry in _CATALOGUE}
# The papers that are no one's ID (a 委任状, a 戸籍謄本): the record names no holder for them.
NOT_AN_ID = frozenset(
    {
        Kind.LEGAL_STATUS,
        Kind.POWER_OF_ATTORNEY,
        Kind.AUTHORITY_FALLBACK,
        Kind.CORPORATE_REGISTRY,
    }
)
# Results list documents in catalogue order, never in the order they were ticked.
ORDER: dict[str, int] = {code: index for index, code in enumerate(CATALOGUE)}


def ended_refusal(doc: Document, today: date | None) -> str | None:
    """Why a document that is no longer issued cannot serve a check made on `today`."""
    if doc.usable_until is not None and today is not None and today > doc.usable_until:
        return doc.ended
    return None


def purpose_refusal(doc: Document, purposes: frozenset[str]) -> str | None:
    """Why a document only some 告示 accept cannot serve a number received for `purposes`;
    None when the purposes are not known yet (the wizard then shows its note)."""
    if doc.accepted_purposes is None or not purposes or purposes <= doc.accepted_purposes:
        return None
    return (
        "この書類は国税庁・地方税の告示で認められた書類で、税の事務（源泉徴収・支払調書）のための番号に"
        "限ります。この番号の利用目的には、届出先（ハローワーク・日本年金機構など）が認めるかを確かめられない"
        f"事務が含まれるため使えません（{RULE_1}・{RULE_2_3}・{NTA_NOTICE}・{GUIDELINE_MAP}）。"
    )


def document(code: str) -> Document:
    try:
        return CATALOGUE[code]
    except KeyError:
        raise ValueError(f"書類「{echo(code)}」はこの一覧にありません。") from None
