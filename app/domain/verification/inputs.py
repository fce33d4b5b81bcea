"""What the clerk tells the verification rules: who, who provides, how, which documents, what was
compared, and the facts about earlier checks (DOMAIN.md §2.7 inputs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.verification.documents import document
from app.domain.verification.terms import (
    Channel,
    Check,
    FieldResult,
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
    # any earlier change endorsed by the municipality). None: not confirmed yet; False: changed
    # (refused, DOMAIN.md §2.7 row 5).
    details_unchanged: bool | None = None
    # 通知カード only, with details_unchanged: the card was changed before 2020-05-25 and the
    # municipality endorsed the change on it (the guideline's 参考2: such a card still counts).
    endorsed_before_abolition: bool = False

    def __post_init__(self) -> None:
        document(self.code)  # an unknown code fails here, with the reason in Japanese


@dataclass(frozen=True)
class Comparison:
    """What the clerk compared: the 個人識別事項 (氏名 + 生年月日 or 住所) across the documents (and
    the 委任状 or our record), and, in person, each photo against the face of whoever came.

    A compared field matches unless it is in `differing`; `notes` keep the clerk's short word on
    a field (旧住所, 旧姓・旧氏, 通称, ローマ字氏名). `all_match` False with nothing in `differing`
    is "something differs" without saying what (refused as a mismatch)."""

    fields: frozenset[IdentityField] = frozenset()
    all_match: bool = False
    # The principal's photo (in person) against the principal's face; None: not compared.
    photo_matches_face: bool | None = None
    # The agent's photo against the agent's face, asked apart from the principal's.
    agent_photo_matches_face: bool | None = None
    differing: frozenset[IdentityField] = frozenset()
    notes: tuple[tuple[IdentityField, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.differing <= self.fields:
            raise ValueError("相違とした項目が、照合した項目に入っていません。")
        if self.differing and self.all_match:
            raise ValueError("相違がある照合を「すべて一致」にはできません。")

    @classmethod
    def of(
        cls,
        results: dict[IdentityField, tuple[FieldResult, str]],
        *,
        principal_photo: bool | None = None,
        agent_photo: bool | None = None,
    ) -> Comparison:
        """From the per-field answers of the wizard: {field: (一致／相違, note)}."""
        differing = frozenset(
            field for field, (result, _) in results.items() if result is FieldResult.DIFFERS
        )
        notes = tuple(
            (field, results[field][1].strip())
            for field in IdentityField
            if field in results and results[field][1].strip()
        )
        return cls(
            frozenset(results), not differing, principal_photo, agent_photo, differing, notes
        )

    @property
    def unspecified_mismatch(self) -> bool:
        return bool(self.fields) and not self.all_match and not self.differing

    def result(self, field: IdentityField) -> FieldResult | None:
        if field not in self.fields:
            return None
        if field in self.differing or self.unspecified_mismatch:
            return FieldResult.DIFFERS
        return FieldResult.MATCH

    def note(self, field: IdentityField) -> str:
        return dict(self.notes).get(field, "")

    @property
    def covers_identity_details(self) -> bool:
        """氏名 and one of 生年月日・住所 compared and the same (DOMAIN.md §2.1)."""
        return self.result(IdentityField.NAME) is FieldResult.MATCH and FieldResult.MATCH in (
            self.result(IdentityField.BIRTH_DATE),
            self.result(IdentityField.ADDRESS),
        )

    @property
    def photo_mismatch(self) -> bool:
        return self.photo_matches_face is False or self.agent_photo_matches_face is False


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
    # The purposes (app.domain.purposes codes) the number is received for, when known: documents
    # only some 告示 accept are refused for the others (DOMAIN.md §2.2).
    purposes: frozenset[str] = frozenset()
    # Why the usual document could not be given, for a check met only by a fallback way
    # (規2③ / 規9① two non-photo documents, 規6①三 other proof of authority).
    fallback_reasons: tuple[tuple[Check, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.documents, tuple):
            object.__setattr__(self, "documents", tuple(self.documents))
        if not isinstance(self.purposes, frozenset):
            object.__setattr__(self, "purposes", frozenset(self.purposes))

    def fallback_reason(self, check: Check) -> str:
        return next((why.strip() for c, why in self.fallback_reasons if c is check), "")
