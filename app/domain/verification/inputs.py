"""What the clerk tells the verification rules: who, who provides, how, which documents, what was
compared, and the facts about earlier checks (DOMAIN.md §2.7 inputs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.verification.documents import document
from app.domain.verification.terms import (
    Channel,
    Form,
    Holder,
    IdentityField,
    Provider,
    Subject,
)


@dataclass(frozen=True)
class Flags:
    """Facts the clerk confirms about earlier checks; each one opens a rule only when true."""

    # The subject is an employee whose identity was checked (e.g. with a 運転免許証) at hiring and
    # whom the clerk knows: the 規2⑥ exemption of the 身元確認書類 (in person only).
    known_employee_verified_at_hiring: bool = False
    # A verified record of this person's number exists (this app's 本人確認記録, or last
    # year's 扶養控除等申告書): 番号確認 by matching it (規2①), and phone at all (規2⑤).
    prior_verified_record_exists: bool = False
    # The agent is such a known employee (e.g. an employee bringing a spouse's number): the
    # 規9④ exemption of the agent's 身元確認書類 (in person only).
    agent_known_employee_verified_at_hiring: bool = False
    # Dependents on the employee's own form: the employee's own verification is on record and
    # linked to this one (DOMAIN.md §2.7 row 0).
    employee_verification_linked: bool = False


@dataclass(frozen=True)
class PresentedDocument:
    """One document as seen: which, whose, in what form, and the facts the rules need."""

    code: str
    holder: Holder = Holder.PRINCIPAL
    form: Form = Form.ORIGINAL
    expires_on: date | None = None
    issued_on: date | None = None
    # 通知カード only: name/address etc. still match the 住民票 (no change since 2020-05-25, and
    # any earlier change endorsed by the municipality). None: not confirmed yet.
    details_unchanged: bool | None = None

    def __post_init__(self) -> None:
        document(self.code)  # an unknown code fails here, with the reason in Japanese


@dataclass(frozen=True)
class Comparison:
    """What the clerk compared: the 個人識別事項 (氏名 + 生年月日 or 住所) across the documents (and
    the 委任状 or our record), and, in person, the photo against the face of whoever came."""

    fields: frozenset[IdentityField] = frozenset()
    all_match: bool = False
    photo_matches_face: bool | None = None

    @property
    def covers_identity_details(self) -> bool:
        return IdentityField.NAME in self.fields and bool(
            self.fields & {IdentityField.BIRTH_DATE, IdentityField.ADDRESS}
        )


@dataclass(frozen=True)
class VerificationRequest:
    subject: Subject
    provider: Provider = Provider.SELF
    channel: Channel = Channel.IN_PERSON
    documents: tuple[PresentedDocument, ...] = ()
    flags: Flags = field(default_factory=Flags)
    comparison: Comparison = field(default_factory=Comparison)
    # The clerk chose to skip the 身元確認書類 (規2⑥) / the agent's (規9④); honoured only
    # when its conditions hold, otherwise refused with the reason.
    use_employer_exemption: bool = False
    use_agent_exemption: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.documents, tuple):
            object.__setattr__(self, "documents", tuple(self.documents))
