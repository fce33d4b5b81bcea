"""Where a request stands (受付 → 本人確認済み → 決定済み → 通知済み → 完了, or 取下げ) and which moves
between those states are allowed: the table is data, every refused move has a Japanese reason."""

from __future__ import annotations

from enum import StrEnum

from app.domain.individual_requests.articles import APPI_37_ORDER_12, APPI_39, APPI_NOTICES


class State(StrEnum):
    RECEIVED = "received"
    VERIFIED = "verified"
    DECIDED = "decided"
    NOTIFIED = "notified"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def terminal(self) -> bool:
        return not TRANSITIONS[self]


_LABELS = {
    State.RECEIVED: "受付",
    State.VERIFIED: "本人確認済み",
    State.DECIDED: "決定済み",
    State.NOTIFIED: "通知済み",
    State.CLOSED: "完了",
    State.WITHDRAWN: "取下げ",
}

# The allowed moves. Listed in the order a screen offers them (the usual next step first).
TRANSITIONS: dict[State, tuple[State, ...]] = {
    State.RECEIVED: (State.VERIFIED, State.WITHDRAWN),
    # DECIDED → VERIFIED is allowed: until the notice is sent the decision has not left the
    # office, and a manager who finds it wrong (a record overlooked, the wrong 号 of 第33条第2項)
    # must be able to withdraw it and decide again rather than send a wrong answer. It goes back
    # to VERIFIED, not RECEIVED, because the requester's identity stays verified; the service
    # keeps the withdrawn decision in the request's history. Once NOTIFIED it is refused.
    State.VERIFIED: (State.DECIDED, State.WITHDRAWN),
    State.DECIDED: (State.NOTIFIED, State.VERIFIED, State.WITHDRAWN),
    State.NOTIFIED: (State.CLOSED,),
    State.CLOSED: (),
    State.WITHDRAWN: (),
}

_NOT_VERIFIED = f"請求者の本人確認が済んでいないため決定できません（{APPI_37_ORDER_12}）。"
_NOT_VERIFIED_FOR_NOTICE = f"請求者の本人確認も決定も済んでいないため通知できません。先に本人確認をしてください（{APPI_37_ORDER_12}）。"
_NOT_DECIDED = (
    f"決定が記録されていないため通知できません。先に決定を記録してください（{APPI_NOTICES}）。"
)
_NOT_NOTIFIED = (
    "本人に決定を通知していないため完了にできません。決定は本人に遅滞なく通知します"
    f"（{APPI_NOTICES}）。請求をやめるのが本人なら「取下げ」にしてください。"
)
_BACK_TO_RECEIVED = (
    "「受付」には戻せません。受付は請求が届いたときの記録で、その日から第39条の2週間を数えます"
    f"（{APPI_39}）。"
)
_AFTER_NOTICE_REDO = (
    "通知した後は決定をやり直せません。本人には通知した決定が届いています。改めるときは新しい請求として受け付け、"
    f"改めて決定して通知してください（{APPI_NOTICES}）。"
)
_AFTER_NOTICE_WITHDRAW = (
    "通知した後は「取下げ」にできません。請求には通知で答え終わっています。「完了」にしてください。"
)
_CLOSED = "完了した請求は変更できません。同じ内容の請求でも、新しい請求として受け付けてください。"
_WITHDRAWN = "取り下げられた請求は再開できません。本人が改めて請求したときは、新しい請求として受け付けてください。"

# Reasons for the refused moves that are not explained by the state they leave or reach alone.
_REFUSED: dict[tuple[State, State], str] = {
    (State.RECEIVED, State.DECIDED): _NOT_VERIFIED,
    (State.RECEIVED, State.NOTIFIED): _NOT_VERIFIED_FOR_NOTICE,
    (State.VERIFIED, State.NOTIFIED): _NOT_DECIDED,
    (State.NOTIFIED, State.VERIFIED): _AFTER_NOTICE_REDO,
    (State.NOTIFIED, State.DECIDED): _AFTER_NOTICE_REDO,
    (State.NOTIFIED, State.WITHDRAWN): _AFTER_NOTICE_WITHDRAW,
}


class TransitionRefused(ValueError):
    """A refused move; `reason` is the Japanese text (also the message), the states are for code."""

    def __init__(self, current: State, target: State, reason: str) -> None:
        super().__init__(reason)
        self.current = current
        self.target = target
        self.reason = reason


def allowed_next(state: State) -> tuple[State, ...]:
    return TRANSITIONS[state]


def refusal_reason(current: State, target: State) -> str | None:
    """None when the move is allowed, else why not (for a disabled button's tooltip, too)."""
    if target in TRANSITIONS[current]:
        return None
    if current is State.CLOSED:
        return _CLOSED
    if current is State.WITHDRAWN:
        return _WITHDRAWN
    if target is current:
        return f"すでに「{current.label}」です。"
    if (current, target) in _REFUSED:
        return _REFUSED[(current, target)]
    if target is State.RECEIVED:
        return _BACK_TO_RECEIVED
    if target is State.CLOSED:
        return _NOT_NOTIFIED
    # Unreachable with the table above (a test walks every pair); kept so that a row added to
    # TRANSITIONS without a reason still refuses with words rather than with None.
    return f"「{current.label}」から「{target.label}」には進めません。"


def check_transition(current: State, target: State) -> None:
    reason = refusal_reason(current, target)
    if reason is not None:
        raise TransitionRefused(current, target, reason)
