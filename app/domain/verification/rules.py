"""The questions the wizard asks before any document is seen (who may provide, which channels,
which checks and checklists apply, whether an exemption may be offered), answered from the data
of requirements.py and documents.py."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.verification.documents import CATALOGUE, Document, Kind
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
    ORDER_12_2,
    RULE_2_5,
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


def channel_refusal(
    subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> str | None:
    """Why this channel cannot be used, or None."""
    if channel in allowed_channels(subject, provider, flags):
        return None
    if provider.is_agent:
        return (
            f"代理人からの番号は、対面か郵送で受け付けてください。{channel.label}では代理権と代理人の身元を"
            f"確かめる方法がありません（{ORDER_12_2}）。"
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


def _usable(
    document: Document, channel: Channel, check: Check, provider: Provider, flags: Flags
) -> bool:
    if channel not in document.channels or flag_refusal(document, flags) is not None:
        return False
    return not document.physical or bool(accepted_forms(document, channel, check, provider))


def _exemption_for(kind: Kind) -> Exemption | None:
    return next((e for e in EXEMPTIONS.values() if e.kind is kind), None)


def _way_possible(
    way: Way, subject: Subject, provider: Provider, channel: Channel, flags: Flags, check: Check
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
            if kind in doc.kinds and _usable(doc, channel, check, provider, flags)
        ):
            return False
    return True


def possible_ways(
    check: Check, subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> tuple[Way, ...]:
    """The ways of `check` that can succeed for this person, provider, channel and flags."""
    return tuple(
        way
        for way in ways_for(check, provider)
        if _way_possible(way, subject, provider, channel, flags, check)
    )


def requirement_text(
    check: Check, subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> str:
    ways = possible_ways(check, subject, provider, channel, flags)
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
    # Shown so the clerk sees at once why they do not count (個人番号通知書).
    not_accepted: tuple[Document, ...]
    # Offered only when its conditions hold.
    exemption: Exemption | None
    # Which forms count in this channel (原本／写し／画像), in the clerk's words.
    channel_note: str


def document_groups(
    subject: Subject, provider: Provider, channel: Channel, flags: Flags
) -> tuple[DocumentGroup, ...]:
    """The checklists for 番号確認 / 身元確認 / 代理権 / 代理人の身元 that apply. A document serving
    two checks (the card) appears in both groups; a tick is per document and holder, not per
    group. Empty when the employer does not verify (row 0) or the channel is not allowed."""
    if channel not in allowed_channels(subject, provider, flags):
        return ()
    groups = []
    for check in applicable_checks(subject, provider):
        ways = possible_ways(check, subject, provider, channel, flags)
        kinds = frozenset(kind for way in ways for kind in way.kinds)
        holder = HOLDER_FOR[check]
        exemption = next(
            (e for way in ways for kind in way.kinds if (e := _exemption_for(kind)) is not None),
            None,
        )
        groups.append(
            DocumentGroup(
                check,
                holder,
                check.label if holder is None else f"{check.label}（{holder.label}の書類）",
                requirement_text(check, subject, provider, channel, flags),
                tuple(
                    doc
                    for doc in CATALOGUE.values()
                    if doc.kinds & kinds and _usable(doc, channel, check, provider, flags)
                ),
                tuple(doc for doc in CATALOGUE.values() if doc.shown_with is check),
                exemption,
                CHANNEL_NOTES[channel],
            )
        )
    return tuple(groups)
