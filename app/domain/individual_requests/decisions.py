"""The decisions a manager may take on each kind of request, the statutory grounds for withholding
(第33条第2項各号 for a disclosure, 第32条第2項各号 for the notice of a purpose), and one check that
a decision carries what the notice must say (a ground, and the reason of 第36条)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.individual_requests.articles import (
    APPI_32_2_1,
    APPI_32_2_2_21_4_1,
    APPI_32_2_2_21_4_2,
    APPI_32_2_2_21_4_3,
    APPI_32_2_PROVISO,
    APPI_33_2_1,
    APPI_33_2_2,
    APPI_33_2_3,
    APPI_33_2_PROVISO,
    APPI_36,
)
from app.domain.individual_requests.kinds import RequestKind

K = RequestKind


class Decision(StrEnum):
    # 開示 (第33条)
    FULL = "full"
    PARTIAL = "partial"
    # 不開示 for a disclosure, 通知しない for the notice of a purpose (第32条第3項)
    REFUSED = "refused"
    NOT_HELD = "not_held"
    # 利用目的の通知 (第32条第2項)
    NOTIFIED = "notified"
    # 訂正等 (第34条)
    CORRECTED = "corrected"
    NOT_CORRECTED = "not_corrected"
    # 利用停止等・第三者提供の停止 (第35条)
    STOPPED = "stopped"
    NOT_STOPPED = "not_stopped"
    # 一部について行う: 訂正等, 利用停止等, 第三者提供の停止
    PARTLY = "partly"

    @property
    def label(self) -> str:
        """A label without the kind; decision_label(kind, decision) gives the one for a notice."""
        return _GENERIC_LABELS[self]


_GENERIC_LABELS = {
    Decision.FULL: "全部開示",
    Decision.PARTIAL: "一部開示",
    Decision.REFUSED: "不開示・通知しない",
    Decision.NOT_HELD: "保有個人データ不存在",
    Decision.NOTIFIED: "通知する",
    Decision.CORRECTED: "訂正等を行う",
    Decision.NOT_CORRECTED: "訂正等を行わない",
    Decision.STOPPED: "停止する",
    Decision.NOT_STOPPED: "停止しない",
    Decision.PARTLY: "一部について行う",
}


# What each kind may be answered with, in the order a form offers them (granting first).
DECISIONS: dict[RequestKind, tuple[Decision, ...]] = {
    K.PURPOSE_NOTICE: (Decision.NOTIFIED, Decision.REFUSED),
    K.DISCLOSURE: (Decision.FULL, Decision.PARTIAL, Decision.REFUSED, Decision.NOT_HELD),
    K.CORRECTION: (
        Decision.CORRECTED,
        Decision.PARTLY,
        Decision.NOT_CORRECTED,
        Decision.NOT_HELD,
    ),
    K.USAGE_STOP: (Decision.STOPPED, Decision.PARTLY, Decision.NOT_STOPPED, Decision.NOT_HELD),
    K.PROVISION_STOP: (
        Decision.STOPPED,
        Decision.PARTLY,
        Decision.NOT_STOPPED,
        Decision.NOT_HELD,
    ),
}

_NOT_HELD_LABEL = "保有個人データ不存在"
_LABELS: dict[tuple[RequestKind, Decision], str] = {
    (K.PURPOSE_NOTICE, Decision.NOTIFIED): "通知する",
    (K.PURPOSE_NOTICE, Decision.REFUSED): "通知しない",
    (K.DISCLOSURE, Decision.FULL): "全部開示",
    (K.DISCLOSURE, Decision.PARTIAL): "一部開示",
    (K.DISCLOSURE, Decision.REFUSED): "不開示",
    (K.DISCLOSURE, Decision.NOT_HELD): _NOT_HELD_LABEL,
    (K.CORRECTION, Decision.CORRECTED): "訂正等を行う",
    (K.CORRECTION, Decision.PARTLY): "一部について訂正等を行う",
    (K.CORRECTION, Decision.NOT_CORRECTED): "訂正等を行わない",
    (K.CORRECTION, Decision.NOT_HELD): _NOT_HELD_LABEL,
    (K.USAGE_STOP, Decision.STOPPED): "利用停止等を行う",
    (K.USAGE_STOP, Decision.PARTLY): "一部について利用停止等を行う",
    (K.USAGE_STOP, Decision.NOT_STOPPED): "利用停止等を行わない",
    (K.USAGE_STOP, Decision.NOT_HELD): _NOT_HELD_LABEL,
    (K.PROVISION_STOP, Decision.STOPPED): "第三者への提供を停止する",
    (K.PROVISION_STOP, Decision.PARTLY): "一部について第三者への提供を停止する",
    (K.PROVISION_STOP, Decision.NOT_STOPPED): "第三者への提供を停止しない",
    (K.PROVISION_STOP, Decision.NOT_HELD): _NOT_HELD_LABEL,
}

# Withholding all or part: the notice must say under which 号 (第33条第2項ただし書, 第32条第2項ただし書).
NEEDS_GROUND = frozenset({Decision.PARTIAL, Decision.REFUSED})
# Not doing all that was asked: the notice explains why (第36条). 第36条 is an effort duty
# (説明するよう努めなければならない); we make the reason mandatory, since an unexplained refusal is
# what leads to the complaint of 第40条 or the suit of 第39条.
NEEDS_REASON = frozenset(
    {
        Decision.PARTIAL,
        Decision.REFUSED,
        Decision.PARTLY,
        Decision.NOT_CORRECTED,
        Decision.NOT_STOPPED,
    }
)


class Ground(StrEnum):
    # 不開示 (第33条第2項各号)
    HARM_TO_PERSON = "harm_to_person"
    BUSINESS_HINDRANCE = "business_hindrance"
    OTHER_LAW = "other_law"
    # 利用目的を通知しない (第32条第2項各号; its 第2号 refers to 第21条第4項第1号から第3号まで only,
    # so 第21条第4項第4号 「取得の状況からみて利用目的が明らか」 is not a ground here)
    PURPOSE_ALREADY_KNOWN = "purpose_already_known"
    NOTICE_HARMS_PERSON = "notice_harms_person"
    NOTICE_HARMS_BUSINESS = "notice_harms_business"
    NOTICE_HINDERS_PUBLIC_AFFAIRS = "notice_hinders_public_affairs"

    @property
    def kind(self) -> RequestKind:
        return GROUNDS[self].kind

    @property
    def article(self) -> str:
        return GROUNDS[self].article

    @property
    def label(self) -> str:
        return GROUNDS[self].label


@dataclass(frozen=True)
class GroundRule:
    kind: RequestKind
    article: str
    label: str  # the gist of the 号, in the words of the law


GROUNDS: dict[Ground, GroundRule] = {
    Ground.HARM_TO_PERSON: GroundRule(
        K.DISCLOSURE,
        APPI_33_2_1,
        "本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合",
    ),
    Ground.BUSINESS_HINDRANCE: GroundRule(
        K.DISCLOSURE,
        APPI_33_2_2,
        "当該個人情報取扱事業者の業務の適正な実施に著しい支障を及ぼすおそれがある場合",
    ),
    Ground.OTHER_LAW: GroundRule(K.DISCLOSURE, APPI_33_2_3, "他の法令に違反することとなる場合"),
    Ground.PURPOSE_ALREADY_KNOWN: GroundRule(
        K.PURPOSE_NOTICE,
        APPI_32_2_1,
        "第32条第1項の規定により（公表などで本人の知り得る状態に置いて）当該本人が識別される保有個人データの利用目的が明らかな場合",
    ),
    Ground.NOTICE_HARMS_PERSON: GroundRule(
        K.PURPOSE_NOTICE,
        APPI_32_2_2_21_4_1,
        "利用目的を本人に通知し、又は公表することにより本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合",
    ),
    Ground.NOTICE_HARMS_BUSINESS: GroundRule(
        K.PURPOSE_NOTICE,
        APPI_32_2_2_21_4_2,
        "利用目的を本人に通知し、又は公表することにより当該個人情報取扱事業者の権利又は正当な利益を害するおそれがある場合",
    ),
    Ground.NOTICE_HINDERS_PUBLIC_AFFAIRS: GroundRule(
        K.PURPOSE_NOTICE,
        APPI_32_2_2_21_4_3,
        "国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要がある場合であって、"
        "利用目的を本人に通知し、又は公表することにより当該事務の遂行に支障を及ぼすおそれがあるとき",
    ),
}

_PROVISO = {K.DISCLOSURE: APPI_33_2_PROVISO, K.PURPOSE_NOTICE: APPI_32_2_PROVISO}


class DecisionRefused(ValueError):
    """A decision that cannot be recorded as given; `problems` are the Japanese reasons."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__("".join(problems))
        self.problems = problems


def decisions_for(kind: RequestKind) -> tuple[Decision, ...]:
    return DECISIONS[kind]


def grounds_for(kind: RequestKind) -> tuple[Ground, ...]:
    return tuple(ground for ground, rule in GROUNDS.items() if rule.kind is kind)


def decision_label(kind: RequestKind, decision: Decision) -> str:
    if (kind, decision) not in _LABELS:
        raise ValueError(f"{kind.label}に「{decision.label}」という決定はありません。")
    return _LABELS[(kind, decision)]


def notice_title(kind: RequestKind, decision: Decision) -> str:
    """The title of the notice the decision is sent under (DOMAIN.md §5 "typical notices")."""
    decision_label(kind, decision)  # refuses a decision the kind does not have
    if decision is Decision.NOT_HELD:
        return "保有個人データ不存在通知書"
    if kind is K.DISCLOSURE and decision is Decision.REFUSED:
        return "不開示決定通知書"
    if kind is K.PURPOSE_NOTICE and decision is Decision.REFUSED:
        return "利用目的を通知しない旨の通知書"
    return kind.notice_title


# The provision under which each answer is given, as the letter cites it (the law's full name:
# a letter to a person does not use the short 個人情報保護法). 第33条第3項 is the notice of
# non-disclosure and non-existence; a partial disclosure is both a disclosure and that notice.
_LAW = "個人情報の保護に関する法律"
_NOTICE_BASIS: dict[tuple[RequestKind, Decision], str] = {
    (K.PURPOSE_NOTICE, Decision.NOTIFIED): "第32条第2項",
    (K.PURPOSE_NOTICE, Decision.REFUSED): "第32条第3項",
    (K.DISCLOSURE, Decision.FULL): "第33条第2項",
    (K.DISCLOSURE, Decision.PARTIAL): "第33条第2項及び第3項",
    (K.DISCLOSURE, Decision.REFUSED): "第33条第3項",
    (K.DISCLOSURE, Decision.NOT_HELD): "第33条第3項",
}


def notice_basis(kind: RequestKind, decision: Decision) -> str:
    """「個人情報の保護に関する法律第33条第2項」: the provision the notice is sent under."""
    decision_label(kind, decision)  # refuses a decision the kind does not have
    if kind is K.CORRECTION:
        article = "第34条第3項"
    elif kind in (K.USAGE_STOP, K.PROVISION_STOP):
        article = "第35条第7項"
    else:
        article = _NOTICE_BASIS[(kind, decision)]
    return f"{_LAW}{article}"


def decision_problems(
    kind: RequestKind, decision: Decision, grounds: Iterable[Ground], reason: str
) -> tuple[str, ...]:
    """Every reason the decision cannot be recorded as given; empty when it can."""
    if decision not in DECISIONS[kind]:
        choices = "・".join(_LABELS[(kind, d)] for d in DECISIONS[kind])
        return (
            f"{kind.label}に「{decision.label}」という決定はありません。選べるのは{choices}です（{kind.article}）。",
        )
    label = _LABELS[(kind, decision)]
    chosen = list(dict.fromkeys(Ground(ground) for ground in grounds))  # order kept, no repeats
    problems = []
    for ground in chosen:
        if ground.kind is not kind:
            problems.append(
                f"「{ground.label}」（{ground.article}）は{kind.label}の根拠ではありません。"
                + _grounds_hint(kind, decision)
            )
    own = [ground for ground in chosen if ground.kind is kind]
    if decision in NEEDS_GROUND and not own:
        problems.append(
            f"「{label}」とするときは、次のどれに当たるかを選んでください：{_ground_list(kind)}（{_PROVISO[kind]}）。"
        )
    if own and decision not in NEEDS_GROUND:
        problems.append(
            f"「{label}」には{_PROVISO[kind]}の根拠は付けません。根拠が要るのは"
            f"{'・'.join(_LABELS[(kind, d)] for d in DECISIONS[kind] if d in NEEDS_GROUND)}のときです。"
        )
    if decision in NEEDS_REASON and not reason.strip():
        problems.append(
            f"「{label}」とする理由を書いてください。求められた措置の全部又は一部をとらないときは、"
            f"本人に理由を説明します（{APPI_36}）。"
        )
    return tuple(problems)


def check_decision(
    kind: RequestKind, decision: Decision, grounds: Iterable[Ground], reason: str
) -> None:
    problems = decision_problems(kind, decision, grounds, reason)
    if problems:
        raise DecisionRefused(problems)


def _ground_list(kind: RequestKind) -> str:
    return "、".join(f"「{ground.label}」（{ground.article}）" for ground in grounds_for(kind))


def _grounds_hint(kind: RequestKind, decision: Decision) -> str:
    if grounds_for(kind):
        # A decision that needs a ground gets the list in its own message (no ground of the kind).
        return "" if decision in NEEDS_GROUND else f"{kind.label}の根拠は{_ground_list(kind)}です。"
    # 第34条 and 第35条 list no grounds to choose from: whether the data is untrue, or the use
    # unlawful, is a finding of fact, explained in the reason (第36条).
    return f"{kind.label}には法律で決まった根拠の選択肢はありません。理由を文章で書いてください（{APPI_36}）。"
