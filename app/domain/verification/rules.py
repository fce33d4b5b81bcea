"""The questions the wizard asks before any document is seen (who may provide, which channels,
which checks and checklists apply, whether an exemption may be offered), answered from the data
of requirements.py and documents.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.verification.documents import (
    CATALOGUE,
    Document,
    Kind,
    ended_refusal,
    purpose_refusal,
)
from app.domain.verification.inputs import Flags
from app.domain.verification.requirements import (
    CHANNEL_NOTES,
    EXEMPTIONS,
    HOLDER_FOR,
    PROVIDERS,
    SUBJECTS,
    WAYS,
    Exemption,
    Way,
)
from app.domain.verification.terms import (
    GUIDELINE_MAP,
    NTA_NOTICE,
    ORDER_12_2,
    RULE_2_5,
    RULE_9_3,
    RULE_10,
    Channel,
    Check,
    Form,
    Holder,
    Provider,
    Subject,
)


def employer_verifies(subject: Subject) -> bool:
    """False for dependents on the employee's own form: the employee verifies them (row 0)."""
    return SUBJECTS[subject].employer_verifies


def allowed_providers(subject: Subject) -> tuple[Provider, ...]:
    return SUBJECTS[subject].providers


def applicable_checks(subject: Subject, provider: Provider) -> tuple[Check, ...]:
    if not employer_verifies(subject) or provider not in allowed_providers(subject):
        return ()
    return PROVIDERS[provider].checks


def allowed_channels(subject: Subject, provider: Provider, flags: Flags) -> tuple[Channel, ...]:
    """Phone only for a person with a prior verified record (row 9)."""
    if not applicable_checks(subject, provider):
        return ()
    return tuple(
        channel
        for channel in PROVIDERS[provider].channels
        if channel is not Channel.PHONE or flags.prior_verified_record_exists
    )


AGENT_CHANNEL_REFUSALS: dict[Channel, str] = {
    Channel.PHONE: (
        "代理人からの番号は、対面か郵送で受け付けてください。電話で代理人から受け取る方法も施行規則に"
        f"ありますが（{RULE_9_3}）、本人と代理人について前にどんな確認をしていればよいか、どんな申告を"
        "受ければよいかは届出先が決めるもので、このアプリでは確かめられないため、より厳しく扱い"
        f"受け付けません（{GUIDELINE_MAP}）。"
    ),
    Channel.ONLINE: (
        "代理人からの番号は、対面か郵送で受け付けてください。オンラインで代理人から受け取るには、"
        f"代理権を証明する情報と代理人の電子署名の送信を受けます（{RULE_10}）が、このアプリは電子署名を"
        "検証できないため受け付けません。"
    ),
}


def channel_refusal(
    subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> str | None:
    """Why this channel cannot be used, or None."""
    if channel in allowed_channels(subject, provider, flags):
        return None
    if provider.is_agent:
        return AGENT_CHANNEL_REFUSALS.get(channel) or (
            f"代理人からの番号は、対面か郵送で受け付けてください（{ORDER_12_2}）。"
        )
    return (
        "電話で受け付けられるのは、前に本人確認をした記録がある人が、同じ番号をもう一度伝える場合だけです"
        f"（{RULE_2_5}）。対面・郵送・オンラインのどれかで受け付けてください。"
    )


def ways_for(check: Check, provider: Provider) -> tuple[Way, ...]:
    return WAYS.get((check, provider), ())


def kinds_for(check: Check, provider: Provider) -> frozenset[Kind]:
    return frozenset(kind for way in ways_for(check, provider) for kind in way.kinds)


def employer_exemption_unmet(
    subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> tuple[str, ...]:
    """The conditions of 規2⑥ that do not hold, in Japanese; empty when it may be offered."""
    unmet = []
    if not SUBJECTS[subject].employer_exemption_possible:
        unmet.append(f"従業員本人の番号に限ります（{subject.label}には使えません）")
    if provider is not Provider.SELF:
        unmet.append("従業員が自分で番号を出す場合に限ります（代理人のときは使えません）")
    if channel is not Channel.IN_PERSON:
        unmet.append(f"対面で受け取る場合に限ります（{channel.label}では顔を見て確かめられません）")
    if not flags.known_employee_verified_at_hiring:
        unmet.append(
            "入社時に運転免許証などで本人確認をし、担当者がその従業員を知っている必要があります"
        )
    return tuple(unmet)


def employer_exemption_available(
    subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> bool:
    return not employer_exemption_unmet(subject, provider, channel, flags)


def agent_exemption_unmet(provider: Provider, channel: Channel, flags: Flags) -> tuple[str, ...]:
    """The conditions of 規9④ that do not hold, in Japanese; empty when it may be offered."""
    unmet = []
    if not provider.is_agent:
        unmet.append("代理人が番号を出す場合の決まりです")
    if channel is not Channel.IN_PERSON:
        unmet.append(
            f"代理人が対面で来た場合に限ります（{channel.label}では顔を見て確かめられません）"
        )
    if not flags.agent_known_employee_verified_at_hiring:
        unmet.append(
            "代理人が入社時に本人確認をした従業員で、担当者がその人を知っている必要があります"
        )
    return tuple(unmet)


def agent_exemption_available(provider: Provider, channel: Channel, flags: Flags) -> bool:
    return not agent_exemption_unmet(provider, channel, flags)


def accepted_forms(
    document: Document, channel: Channel, check: Check, provider: Provider
) -> frozenset[Form]:
    """The forms of a paper document the rules accept here; empty for means that are not paper
    (the wizard asks no form for them) and for papers not usable in this channel."""
    if not document.physical or channel not in document.channels:
        return frozenset()
    if channel not in PROVIDERS[provider].channels:
        return frozenset()
    if channel is Channel.IN_PERSON:
        # 本人's 番号確認書類 brought by an agent: originals or copies (DOMAIN.md §2.5, secondary).
        if check is Check.NUMBER and provider.is_agent and document.copy_by_post:
            return frozenset({Form.ORIGINAL, Form.COPY})
        return frozenset({Form.ORIGINAL})
    if channel is Channel.POST:
        return frozenset({Form.ORIGINAL, Form.COPY} if document.copy_by_post else {Form.ORIGINAL})
    if channel is Channel.ONLINE:
        forms = set()
        if document.image_online:
            forms.add(Form.IMAGE)
        if document.ic_chip:
            forms.add(Form.IC_CHIP)
        return frozenset(forms)
    return frozenset()


def flag_refusal(document: Document, flags: Flags) -> str | None:
    """Why a means that depends on an earlier check cannot be used, or None."""
    if document.needs_prior_record and not flags.prior_verified_record_exists:
        return f"前に本人確認をした記録がない人には使えません（{document.basis}）。"
    if document.needs_earlier_identity_check and not (
        flags.known_employee_verified_at_hiring or flags.prior_verified_record_exists
    ):
        return (
            "本人確認をしたうえで発行したIDに限ります。入社時の本人確認も前の本人確認の記録もないため使えません"
            f"（{document.basis}）。"
        )
    return None


@dataclass(frozen=True)
class Known:
    """What the wizard may know before the documents: the purposes of the number and the day of
    the check. Empty: not known yet, so nothing is left out for them."""

    purposes: frozenset[str] = frozenset()
    day: date | None = None


_UNKNOWN = Known()


def _usable(
    document: Document,
    channel: Channel,
    check: Check,
    provider: Provider,
    flags: Flags,
    known: Known = _UNKNOWN,
) -> bool:
    if channel not in document.channels or flag_refusal(document, flags) is not None:
        return False
    if purpose_refusal(document, known.purposes) or ended_refusal(document, known.day):
        return False
    return not document.physical or bool(accepted_forms(document, channel, check, provider))


def _exemption_for(kind: Kind) -> Exemption | None:
    return next((e for e in EXEMPTIONS.values() if e.kind is kind), None)


def _way_possible(
    way: Way,
    subject: Subject,
    provider: Provider,
    channel: Channel,
    flags: Flags,
    check: Check,
    known: Known,
) -> bool:
    for kind, count in way.needs:
        if kind is Kind.EMPLOYER_EXEMPTION:
            if not employer_exemption_available(subject, provider, channel, flags):
                return False
        elif kind is Kind.AGENT_EXEMPTION:
            if not agent_exemption_available(provider, channel, flags):
                return False
        elif count > sum(
            1
            for doc in CATALOGUE.values()
            if kind in doc.kinds and _usable(doc, channel, check, provider, flags, known)
        ):
            return False
    return True


def possible_ways(
    check: Check,
    subject: Subject,
    provider: Provider,
    channel: Channel,
    flags: Flags,
    known: Known = _UNKNOWN,
) -> tuple[Way, ...]:
    """The ways of `check` that can succeed for this person, provider, channel and flags."""
    return tuple(
        way
        for way in ways_for(check, provider)
        if _way_possible(way, subject, provider, channel, flags, check, known)
    )


def requirement_text(
    check: Check,
    subject: Subject,
    provider: Provider,
    channel: Channel,
    flags: Flags,
    known: Known = _UNKNOWN,
) -> str:
    ways = possible_ways(check, subject, provider, channel, flags, known)
    if not ways:
        return f"{channel.label}では{check.label}をする方法がありません。"
    listed = "／".join(f"{way.label}（{way.basis}）" for way in ways)
    return f"{check.meaning}ために、次のどれかが必要です：{listed}。"


@dataclass(frozen=True)
class DocumentGroup:
    """One checklist of the wizard's documents page, with only what applies here."""

    check: Check
    holder: Holder | None
    title: str
    requirement: str
    documents: tuple[Document, ...]
    # Shown so the clerk sees at once why they do not count (個人番号通知書, and the 健康保険証
    # once it has ended), each with its reason (not_accepted_reasons, in the same order).
    not_accepted: tuple[Document, ...]
    # Offered only when its conditions hold.
    exemption: Exemption | None
    # Which forms count in this channel (原本／写し／画像), in the clerk's words.
    channel_note: str
    not_accepted_reasons: tuple[str, ...] = ()
    # Why documents some 告示 accept are not listed for these purposes; "" when none is left out.
    left_out_note: str = ""

    def reason(self, doc: Document) -> str:
        """Why a not-accepted document does not count."""
        return dict(zip(self.not_accepted, self.not_accepted_reasons, strict=True)).get(
            doc, doc.refusal or ""
        )


def document_groups(
    subject: Subject,
    provider: Provider,
    channel: Channel,
    flags: Flags,
    known: Known = _UNKNOWN,
) -> tuple[DocumentGroup, ...]:
    """The checklists for 番号確認 / 身元確認 / 代理権 / 代理人の身元 that apply. A document serving
    two checks (the card) appears in both groups; a tick is per document and holder, not per
    group. Empty when the employer does not verify (row 0) or the channel is not allowed.
    `known`: the purposes and the day, when known, leave out what they rule out (DOMAIN.md §2.2:
    告示-only documents for other purposes; the 健康保険証 after it ended, listed as refused)."""
    if channel not in allowed_channels(subject, provider, flags):
        return ()
    groups = []
    for check in applicable_checks(subject, provider):
        ways = possible_ways(check, subject, provider, channel, flags, known)
        kinds = frozenset(kind for way in ways for kind in way.kinds)
        holder = HOLDER_FOR[check]
        exemption = next(
            (e for way in ways for kind in way.kinds if (e := _exemption_for(kind)) is not None),
            None,
        )
        refused = [
            (doc, doc.refusal or "") for doc in CATALOGUE.values() if doc.shown_with is check
        ]
        refused += [
            (doc, why)
            for doc in CATALOGUE.values()
            if doc.kinds & kinds
            and (why := ended_refusal(doc, known.day))
            and _usable(doc, channel, check, provider, flags)
        ]
        left_out = [
            doc.name
            for doc in CATALOGUE.values()
            if doc.kinds & kinds
            and purpose_refusal(doc, known.purposes)
            and _usable(doc, channel, check, provider, flags)
        ]
        groups.append(
            DocumentGroup(
                check,
                holder,
                check.label if holder is None else f"{check.label}（{holder.label}の書類）",
                requirement_text(check, subject, provider, channel, flags, known),
                tuple(
                    doc
                    for doc in CATALOGUE.values()
                    if doc.kinds & kinds and _usable(doc, channel, check, provider, flags, known)
                ),
                tuple(doc for doc, _ in refused),
                exemption,
                CHANNEL_NOTES[channel],
                tuple(why for _, why in refused),
                _left_out_note(left_out),
            )
        )
    return tuple(groups)


def _left_out_note(names: list[str]) -> str:
    if not names:
        return ""
    return (
        f"{'、'.join(names)}は、税の事務（源泉徴収・支払調書）のための番号にだけ使える書類なので、"
        f"この利用目的では表示していません（{NTA_NOTICE}・{GUIDELINE_MAP}）。"
    )
