"""Is the person making a request the person (or their agent)? The examples of 通則編 3-8-7 as a
small rule set (APPI 第37条・施行令第12条・第13条, DOMAIN.md §5). Simpler than 本人確認 under 番号法
(app/domain/verification): no number is received, so there is no 番号確認, and the number on the
back of a 個人番号カード must not be taken at all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.individual_requests.articles import (
    APPI_37_3_ORDER_13,
    APPI_37_ORDER_12,
    GUIDELINE_3_8_7,
    MY_NUMBER_ACT_20,
)


class RequesterChannel(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    ONLINE = "online"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    RequesterChannel.IN_PERSON: "窓口",
    RequesterChannel.POST: "郵送",
    RequesterChannel.ONLINE: "オンライン",
    RequesterChannel.PHONE: "電話",
}


class RequesterRole(StrEnum):
    """Who makes the request: the person, or an agent of 施行令第13条."""

    SELF = "self"
    VOLUNTARY_AGENT = "voluntary_agent"
    LEGAL_AGENT = "legal_agent"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]

    @property
    def is_agent(self) -> bool:
        return self is not RequesterRole.SELF


_ROLE_LABELS = {
    RequesterRole.SELF: "本人",
    RequesterRole.VOLUNTARY_AGENT: "任意代理人（本人が委任した代理人）",
    RequesterRole.LEGAL_AGENT: "法定代理人（未成年者の親権者・成年後見人など）",
}


class Proof(StrEnum):
    """What a document or means proves."""

    OFFICIAL_ID = "official_id"  # who is at the window or sent the request
    ONLINE_LOGIN = "online_login"
    REGISTERED_INFO = "registered_info"
    CALL_BACK = "call_back"
    POWER_OF_ATTORNEY = "power_of_attorney"
    LEGAL_STATUS = "legal_status"


class RequesterDocument(StrEnum):
    DRIVERS_LICENSE = "drivers_license"
    DRIVING_HISTORY_CERTIFICATE = "driving_history_certificate"
    HEALTH_INSURANCE = "health_insurance"
    MY_NUMBER_CARD_FRONT = "my_number_card_front"
    PASSPORT = "passport"
    RESIDENCE_CARD = "residence_card"
    SPECIAL_PERMANENT_RESIDENT_CERTIFICATE = "special_permanent_resident_certificate"
    DISABILITY_CERTIFICATE = "disability_certificate"
    REGISTERED_LOGIN = "registered_login"
    PUBLIC_CERTIFICATION = "public_certification"
    REGISTERED_INFORMATION = "registered_information"
    CALL_BACK_TO_REGISTERED_NUMBER = "call_back_to_registered_number"
    POWER_OF_ATTORNEY = "power_of_attorney"
    FAMILY_REGISTER = "family_register"
    RESIDENT_RECORD = "resident_record"
    GUARDIANSHIP_CERTIFICATE = "guardianship_certificate"

    @property
    def label(self) -> str:
        return CATALOGUE[self].label

    @property
    def proof(self) -> Proof:
        return CATALOGUE[self].proof


@dataclass(frozen=True)
class DocumentRule:
    label: str
    proof: Proof
    channels: frozenset[RequesterChannel]  # where it can be used


_PAPER = frozenset({RequesterChannel.IN_PERSON, RequesterChannel.POST})
_ONLINE = frozenset({RequesterChannel.ONLINE})
_PHONE = frozenset({RequesterChannel.PHONE})
D = RequesterDocument

# The examples of 通則編 3-8-7. An official ID is shown at the window and copied by post; unlike
# 番号法's 身元確認 one document suffices, photo or not (the guideline lists the insurance card
# beside the licence). Asking only for what is necessary is itself a rule (第37条第4項).
CATALOGUE: dict[RequesterDocument, DocumentRule] = {
    D.DRIVERS_LICENSE: DocumentRule("運転免許証", Proof.OFFICIAL_ID, _PAPER),
    D.DRIVING_HISTORY_CERTIFICATE: DocumentRule("運転経歴証明書", Proof.OFFICIAL_ID, _PAPER),
    D.HEALTH_INSURANCE: DocumentRule("資格確認書・健康保険の被保険者証", Proof.OFFICIAL_ID, _PAPER),
    D.MY_NUMBER_CARD_FRONT: DocumentRule(
        "個人番号カードの表面（裏面は受け取らない）", Proof.OFFICIAL_ID, _PAPER
    ),
    D.PASSPORT: DocumentRule("旅券（パスポート）", Proof.OFFICIAL_ID, _PAPER),
    D.RESIDENCE_CARD: DocumentRule("在留カード", Proof.OFFICIAL_ID, _PAPER),
    D.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE: DocumentRule(
        "特別永住者証明書", Proof.OFFICIAL_ID, _PAPER
    ),
    D.DISABILITY_CERTIFICATE: DocumentRule("身体障害者手帳", Proof.OFFICIAL_ID, _PAPER),
    D.REGISTERED_LOGIN: DocumentRule(
        "事前に登録したID・パスワードでのログイン", Proof.ONLINE_LOGIN, _ONLINE
    ),
    D.PUBLIC_CERTIFICATION: DocumentRule(
        "公的個人認証（個人番号カードの電子証明書による電子署名）", Proof.ONLINE_LOGIN, _ONLINE
    ),
    D.REGISTERED_INFORMATION: DocumentRule(
        "登録済みの情報（生年月日など）の回答", Proof.REGISTERED_INFO, _PHONE
    ),
    D.CALL_BACK_TO_REGISTERED_NUMBER: DocumentRule(
        "登録済みの電話番号への折り返し", Proof.CALL_BACK, _PHONE
    ),
    D.POWER_OF_ATTORNEY: DocumentRule("委任状", Proof.POWER_OF_ATTORNEY, _PAPER),
    D.FAMILY_REGISTER: DocumentRule("戸籍謄本（抄本）", Proof.LEGAL_STATUS, _PAPER),
    D.RESIDENT_RECORD: DocumentRule(
        "住民票の写し（本人と代理人の続柄が分かるもの）", Proof.LEGAL_STATUS, _PAPER
    ),
    D.GUARDIANSHIP_CERTIFICATE: DocumentRule(
        "成年後見登記の登記事項証明書", Proof.LEGAL_STATUS, _PAPER
    ),
}

# What each channel needs from whoever makes the request, every group once (any one member of it).
NEEDS: dict[RequesterChannel, tuple[Proof, ...]] = {
    RequesterChannel.IN_PERSON: (Proof.OFFICIAL_ID,),
    RequesterChannel.POST: (Proof.OFFICIAL_ID,),  # a copy, and the reply rule below
    RequesterChannel.ONLINE: (Proof.ONLINE_LOGIN,),
    RequesterChannel.PHONE: (Proof.REGISTERED_INFO, Proof.CALL_BACK),
}
AUTHORITY: dict[RequesterRole, Proof] = {
    RequesterRole.VOLUNTARY_AGENT: Proof.POWER_OF_ATTORNEY,
    RequesterRole.LEGAL_AGENT: Proof.LEGAL_STATUS,
}
# An agent's authority is a paper (委任状, 戸籍謄本 …) to be read, and the online login and the
# phone check identify only the person who registered them: agents come to the window or write.
AGENT_CHANNELS = _PAPER

CARD_BACK_REFUSED = (
    "個人番号カードの裏面（個人番号）は受け取らないでください。本人確認には表面を使います。"
    f"受け取ってしまった裏面の写しは返すか廃棄してください（{MY_NUMBER_ACT_20}、{GUIDELINE_3_8_7}）。"
)
POST_REPLY_RULE = (
    "郵送の請求には、本人確認書類の写しに書かれた住所あてに、書留郵便で回答を送ってください。"
    f"その住所に届くことで、請求した人がその書類の人だと確かめます（{GUIDELINE_3_8_7}）。"
)

_PROOF_NEEDS = {
    Proof.OFFICIAL_ID: "本人確認書類（運転免許証、資格確認書、個人番号カードの表面、旅券、在留カードなど）",
    Proof.ONLINE_LOGIN: "事前に登録したID・パスワードでのログイン、又は公的個人認証",
    Proof.REGISTERED_INFO: "登録済みの情報（生年月日など）の回答",
    Proof.CALL_BACK: "登録済みの電話番号への折り返し",
    Proof.POWER_OF_ATTORNEY: "本人からの委任状",
    Proof.LEGAL_STATUS: "法定代理人であることが分かる書類（戸籍謄本、続柄の分かる住民票の写し、成年後見登記の登記事項証明書）",
}


class RequesterMatch(StrEnum):
    """What is compared between the documents and the request form (請求書)."""

    NAME = "name"
    ADDRESS = "address"
    AUTHORITY = "authority"

    @property
    def label(self) -> str:
        return _MATCH_LABELS[self]

    @property
    def short(self) -> str:
        """For a summary line: 氏名・住所・代理権の書類."""
        return _MATCH_SHORT[self]


_MATCH_LABELS = {
    RequesterMatch.NAME: "本人確認書類の氏名が、請求書の請求者の氏名と一致する",
    RequesterMatch.ADDRESS: "本人確認書類の住所が、請求書の住所と一致する（回答はこの住所へ送る）",
    RequesterMatch.AUTHORITY: (
        "委任状又は法定代理人の書類に、本人と代理人の氏名が書かれ、請求書と一致する"
    ),
}
_MATCH_SHORT = {
    RequesterMatch.NAME: "氏名",
    RequesterMatch.ADDRESS: "住所",
    RequesterMatch.AUTHORITY: "代理権の書類の記載",
}
_MATCH_MISSING = {
    RequesterMatch.NAME: "本人確認書類の氏名が請求書の請求者の氏名と一致することを確かめてください",
    RequesterMatch.ADDRESS: "郵送の請求では、本人確認書類の写しの住所が請求書の住所と一致することを確かめてください",
    RequesterMatch.AUTHORITY: "代理権の書類に書かれた本人と代理人が、請求書の本人と代理人と一致することを確かめてください",
}


def needed_proofs(channel: RequesterChannel, role: RequesterRole) -> tuple[Proof, ...]:
    """What this channel and requester must show, in the order the checklists show it."""
    needed = list(NEEDS[channel])
    if role.is_agent:
        needed.append(AUTHORITY[role])
    return tuple(needed)


def needed_matches(channel: RequesterChannel, role: RequesterRole) -> tuple[RequesterMatch, ...]:
    """What is compared with the request form. Only papers are compared: an online login or a
    call back to the registered number identifies by itself."""
    if channel not in _PAPER:
        return ()
    needed = [RequesterMatch.NAME]
    if channel is RequesterChannel.POST:
        needed.append(RequesterMatch.ADDRESS)
    if role.is_agent:
        needed.append(RequesterMatch.AUTHORITY)
    return tuple(needed)


def proof_title(proof: Proof, role: RequesterRole, channel: RequesterChannel) -> str:
    """The heading of a checklist: what the documents in it prove, and whose they are."""
    what = _PROOF_NEEDS[proof]
    if proof is Proof.OFFICIAL_ID:
        who = "代理人" if role.is_agent else "本人"
        form = "の写し" if channel is RequesterChannel.POST else ""
        return f"{who}の{what}{form}"
    return what


@dataclass(frozen=True)
class RequesterCheck:
    problems: tuple[str, ...]  # Japanese, each naming its rule; empty when sufficient
    used: tuple[RequesterDocument, ...]  # what the check rests on: the record keeps these types
    unused: tuple[RequesterDocument, ...]  # presented but not needed (or not usable here)

    @property
    def sufficient(self) -> bool:
        return not self.problems


def assess_requester(
    channel: RequesterChannel,
    provider: RequesterRole,
    documents: Iterable[RequesterDocument],
    *,
    reply_to_document_address: bool,
    card_back_received: bool,
    matched: Iterable[RequesterMatch],
) -> RequesterCheck:
    """Whether the requester is verified well enough to decide on the request.

    `documents` are what the one making the request presented: for an agent, the ID documents are
    the agent's own (the 委任状 or 戸籍謄本 ties the agent to the person). By post they are copies,
    and `reply_to_document_address` says the answer goes by 書留 to the address on the copy.
    `matched` is what was found to agree with the request form (needed_matches)."""
    presented = tuple(dict.fromkeys(documents))
    problems = []
    if card_back_received:
        problems.append(CARD_BACK_REFUSED)
    if provider.is_agent and channel not in AGENT_CHANNELS:
        problems.append(
            f"代理人による請求は{channel.label}では受け付けません。代理権を書類で確かめるため、窓口か郵送に"
            f"してください（{APPI_37_3_ORDER_13}、{APPI_37_ORDER_12}）。"
        )
        return RequesterCheck(tuple(problems), (), presented)
    usable = [doc for doc in presented if channel in CATALOGUE[doc].channels]
    needed = needed_proofs(channel, provider)
    for proof in needed:
        if not any(doc.proof is proof for doc in usable):
            what = proof_title(proof, provider, channel)
            basis = APPI_37_3_ORDER_13 if proof in AUTHORITY.values() else APPI_37_ORDER_12
            problems.append(
                f"{channel.label}の請求では{what}が必要です（{basis}、{GUIDELINE_3_8_7}）。"
            )
    if channel is RequesterChannel.POST and not reply_to_document_address:
        problems.append(POST_REPLY_RULE)
    agreed = set(matched)
    problems.extend(
        f"{_MATCH_MISSING[match]}（{GUIDELINE_3_8_7}）。"
        for match in needed_matches(channel, provider)
        if match not in agreed
    )
    used = tuple(doc for doc in usable if doc.proof in needed)
    unused = tuple(doc for doc in presented if doc not in used)
    return RequesterCheck(tuple(problems), used, unused)
