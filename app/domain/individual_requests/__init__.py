"""Requests from individuals (開示等の請求等, APPI 第32条–第39条, DOMAIN.md §5, SPEC.md §5): what
may be asked, where a request stands, what may be decided and on what ground, by when, and whether
the requester is who they say.

kinds: the five requests; states: the life of a request; decisions: decisions and grounds;
deadlines: the office target and the 2 weeks of 第39条; requester: identity of the requester;
articles: the citations.
"""

from app.domain.individual_requests.deadlines import (
    DEFAULT_TARGET_DAYS,
    DUE_SOON_DAYS,
    YEAR_END_CLOSED,
    Deadlines,
    DeadlineState,
    deadlines,
    is_office_day,
    japanese_day,
    next_office_day,
)
from app.domain.individual_requests.decisions import (
    DECISIONS,
    GROUNDS,
    NEEDS_GROUND,
    NEEDS_REASON,
    Decision,
    DecisionRefused,
    Ground,
    GroundRule,
    check_decision,
    decision_label,
    decision_problems,
    decisions_for,
    grounds_for,
    notice_title,
)
from app.domain.individual_requests.kinds import RequestKind
from app.domain.individual_requests.requester import (
    AGENT_CHANNELS,
    CARD_BACK_REFUSED,
    CATALOGUE,
    POST_REPLY_RULE,
    DocumentRule,
    Proof,
    RequesterChannel,
    RequesterCheck,
    RequesterDocument,
    RequesterRole,
    assess_requester,
)
from app.domain.individual_requests.states import (
    TRANSITIONS,
    State,
    TransitionRefused,
    allowed_next,
    check_transition,
    refusal_reason,
)

__all__ = [
    "AGENT_CHANNELS",
    "CARD_BACK_REFUSED",
    "CATALOGUE",
    "DECISIONS",
    "DEFAULT_TARGET_DAYS",
    "DUE_SOON_DAYS",
    "GROUNDS",
    "NEEDS_GROUND",
    "NEEDS_REASON",
    "POST_REPLY_RULE",
    "TRANSITIONS",
    "YEAR_END_CLOSED",
    "DeadlineState",
    "Deadlines",
    "Decision",
    "DecisionRefused",
    "DocumentRule",
    "Ground",
    "GroundRule",
    "Proof",
    "RequestKind",
    "RequesterChannel",
    "RequesterCheck",
    "RequesterDocument",
    "RequesterRole",
    "State",
    "TransitionRefused",
    "allowed_next",
    "assess_requester",
    "check_decision",
    "check_transition",
    "deadlines",
    "decision_label",
    "decision_problems",
    "decisions_for",
    "grounds_for",
    "is_office_day",
    "japanese_day",
    "next_office_day",
    "notice_title",
    "refusal_reason",
]
