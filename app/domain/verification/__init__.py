"""Identity verification (本人確認, 番号法第16条): the document catalogue, the rules of
DOMAIN.md §2 as data, and one pure decision, `assess(request, today)`.

terms: the words and citations; documents: the catalogue; inputs: what the clerk enters;
requirements: the rules as data; rules: the wizard's questions; assess: the decision; problems:
the comparison, the photo and the fallback reasons; table: §2.7.
"""

from app.domain.verification.assess import (
    Assessment,
    CheckResult,
    Refusal,
    assess,
    means_name,
)
from app.domain.verification.documents import CATALOGUE, Document, Kind, document
from app.domain.verification.inputs import (
    Comparison,
    Flags,
    PresentedDocument,
    VerificationRequest,
)
from app.domain.verification.problems import (
    CHANNEL_NOT_ALLOWED,
    DETAILS_MISMATCH,
    DETAILS_NOT_COMPARED,
    DIFFERENCE_NOT_EXPLAINED,
    EMPLOYEE_NOT_LINKED,
    FALLBACK_REASON_MISSING,
    MISSING,
    PHOTO_MISMATCH,
    Problem,
)
from app.domain.verification.requirements import (
    AGENT_EXEMPTION,
    EMPLOYER_EXEMPTION,
    EXEMPTIONS,
    PROVIDERS,
    SUBJECTS,
    WAYS,
    Exemption,
    Way,
)
from app.domain.verification.rules import (
    DocumentGroup,
    Known,
    accepted_forms,
    agent_exemption_available,
    agent_exemption_unmet,
    allowed_channels,
    allowed_providers,
    applicable_checks,
    document_groups,
    employer_exemption_available,
    employer_exemption_unmet,
    employer_verifies,
    possible_ways,
)
from app.domain.verification.table import DECISION_TABLE, DecisionRow
from app.domain.verification.terms import (
    Channel,
    Check,
    FieldResult,
    Form,
    Holder,
    IdentityField,
    Outcome,
    Provider,
    Subject,
)

__all__ = [
    "AGENT_EXEMPTION",
    "CATALOGUE",
    "CHANNEL_NOT_ALLOWED",
    "DECISION_TABLE",
    "DETAILS_MISMATCH",
    "DETAILS_NOT_COMPARED",
    "DIFFERENCE_NOT_EXPLAINED",
    "EMPLOYEE_NOT_LINKED",
    "EMPLOYER_EXEMPTION",
    "EXEMPTIONS",
    "FALLBACK_REASON_MISSING",
    "MISSING",
    "PHOTO_MISMATCH",
    "PROVIDERS",
    "SUBJECTS",
    "WAYS",
    "Assessment",
    "Channel",
    "Check",
    "CheckResult",
    "Comparison",
    "DecisionRow",
    "Document",
    "DocumentGroup",
    "Exemption",
    "FieldResult",
    "Flags",
    "Form",
    "Holder",
    "IdentityField",
    "Kind",
    "Known",
    "Outcome",
    "PresentedDocument",
    "Problem",
    "Provider",
    "Refusal",
    "Subject",
    "VerificationRequest",
    "Way",
    "accepted_forms",
    "agent_exemption_available",
    "agent_exemption_unmet",
    "allowed_channels",
    "allowed_providers",
    "applicable_checks",
    "assess",
    "document",
    "document_groups",
    "employer_exemption_available",
    "employer_exemption_unmet",
    "employer_verifies",
    "means_name",
    "possible_ways",
]
