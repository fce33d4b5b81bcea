"""Requests from individuals (開示等の請求等, DOMAIN.md §5): the kinds, every move between states,
the decisions and their grounds, the deadlines across weekends, 祝日 and 年末年始, and the identity
of the requester for each channel."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import jpholiday
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.individual_requests import (
    CARD_BACK_REFUSED,
    CATALOGUE,
    DECISIONS,
    DEFAULT_TARGET_DAYS,
    GROUNDS,
    NEEDS_GROUND,
    NEEDS_REASON,
    POST_REPLY_RULE,
    TRANSITIONS,
    Deadlines,
    DeadlineState,
    Decision,
    DecisionRefused,
    Ground,
    Proof,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
    State,
    TransitionRefused,
    allowed_next,
    assess_requester,
    check_decision,
    check_transition,
    deadlines,
    decision_label,
    decision_problems,
    decisions_for,
    grounds_for,
    is_office_day,
    needed_matches,
    needed_proofs,
    next_office_day,
    notice_basis,
    notice_title,
    proof_title,
    refusal_reason,
)

K, S, Dc, G = RequestKind, State, Decision, Ground
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ARTICLE = re.compile(r"(個人情報保護法|番号法)第\d+条|通則編")


# Kinds


def test_kind_articles_and_labels() -> None:
    assert K.PURPOSE_NOTICE.article == "個人情報保護法第32条第2項"
    assert K.DISCLOSURE.article == "個人情報保護法第33条"
    assert K.CORRECTION.article == "個人情報保護法第34条"
    assert K.USAGE_STOP.article.startswith("個人情報保護法第35条第1項・第2項・第5項")
    assert K.PROVISION_STOP.article.startswith("個人情報保護法第35条第3項・第4項・第5項")
    assert K.PURPOSE_NOTICE.label == "利用目的の通知の求め"
    for kind in K:
        assert JAPANESE.search(kind.label)


def test_fee_only_for_purpose_notice_and_disclosure() -> None:
    # 第38条第1項
    assert {kind for kind in K if kind.fee_allowed} == {K.PURPOSE_NOTICE, K.DISCLOSURE}


def test_article_39_names_every_request_but_the_purpose_notice() -> None:
    assert {kind for kind in K if not kind.may_sue_after_two_weeks} == {K.PURPOSE_NOTICE}


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (K.PURPOSE_NOTICE, "利用目的通知書"),
        (K.DISCLOSURE, "開示決定通知書"),
        (K.CORRECTION, "訂正等決定通知書"),
        (K.USAGE_STOP, "利用停止等決定通知書"),
        (K.PROVISION_STOP, "第三者提供停止決定通知書"),
    ],
)
def test_notice_titles(kind: RequestKind, title: str) -> None:
    assert kind.notice_title == title


@pytest.mark.parametrize(
    ("kind", "decision", "title"),
    [
        (K.DISCLOSURE, Dc.FULL, "開示決定通知書"),
        (K.DISCLOSURE, Dc.PARTIAL, "開示決定通知書"),
        (K.DISCLOSURE, Dc.REFUSED, "不開示決定通知書"),
        (K.DISCLOSURE, Dc.NOT_HELD, "保有個人データ不存在通知書"),
        (K.PURPOSE_NOTICE, Dc.NOTIFIED, "利用目的通知書"),
        (K.PURPOSE_NOTICE, Dc.REFUSED, "利用目的を通知しない旨の通知書"),
        (K.CORRECTION, Dc.NOT_CORRECTED, "訂正等決定通知書"),
        (K.CORRECTION, Dc.NOT_HELD, "保有個人データ不存在通知書"),
        (K.USAGE_STOP, Dc.PARTLY, "利用停止等決定通知書"),
        (K.PROVISION_STOP, Dc.NOT_STOPPED, "第三者提供停止決定通知書"),
    ],
)
def test_notice_title_follows_the_decision(
    kind: RequestKind, decision: Decision, title: str
) -> None:
    assert notice_title(kind, decision) == title


def test_notice_title_refuses_a_decision_of_another_kind() -> None:
    with pytest.raises(ValueError, match="開示の請求"):
        notice_title(K.DISCLOSURE, Dc.STOPPED)


# States

ALLOWED = {
    (S.RECEIVED, S.VERIFIED),
    (S.RECEIVED, S.WITHDRAWN),
    (S.VERIFIED, S.DECIDED),
    (S.VERIFIED, S.WITHDRAWN),
    (S.DECIDED, S.NOTIFIED),
    (S.DECIDED, S.VERIFIED),  # the decision withdrawn before notice, to decide again
    (S.DECIDED, S.WITHDRAWN),
    (S.NOTIFIED, S.CLOSED),
}
PAIRS = list(itertools.product(S, S))


def test_the_table_is_what_the_brief_allows() -> None:
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_allowed_transition(current: State, target: State) -> None:
    check_transition(current, target)
    assert refusal_reason(current, target) is None
    assert target in allowed_next(current)


@pytest.mark.parametrize(("current", "target"), [p for p in PAIRS if p not in ALLOWED])
def test_refused_transition(current: State, target: State) -> None:
    with pytest.raises(TransitionRefused) as caught:
        check_transition(current, target)
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.current, error.target) == (current, target)
    assert str(error) == error.reason == refusal_reason(current, target)
    assert JAPANESE.search(error.reason)
    # Every refusal is explained by a rule of its own, never the catch-all of an unknown row.
    assert "には進めません" not in error.reason
    assert target not in allowed_next(current)


def test_deciding_before_verification_names_article_37() -> None:
    assert refusal_reason(S.RECEIVED, S.DECIDED) == (
        "請求者の本人確認が済んでいないため決定できません（個人情報保護法第37条・施行令第12条）。"
    )


@pytest.mark.parametrize(
    ("current", "target", "words"),
    [
        (S.RECEIVED, S.NOTIFIED, "本人確認も決定も済んでいない"),
        (S.VERIFIED, S.NOTIFIED, "決定が記録されていない"),
        (S.VERIFIED, S.CLOSED, "通知していないため完了にできません"),
        (S.DECIDED, S.RECEIVED, "第39条"),
        (S.NOTIFIED, S.VERIFIED, "通知した後は決定をやり直せません"),
        (S.NOTIFIED, S.WITHDRAWN, "通知した後は「取下げ」にできません"),
        (S.CLOSED, S.RECEIVED, "完了した請求は変更できません"),
        (S.WITHDRAWN, S.VERIFIED, "取り下げられた請求は再開できません"),
        (S.VERIFIED, S.VERIFIED, "すでに「本人確認済み」です"),
    ],
)
def test_refusal_messages(current: State, target: State, words: str) -> None:
    reason = refusal_reason(current, target)
    assert reason is not None and words in reason


def test_terminal_states() -> None:
    assert {state for state in S if state.terminal} == {S.CLOSED, S.WITHDRAWN}
    assert allowed_next(S.CLOSED) == allowed_next(S.WITHDRAWN) == ()


def test_withdrawal_is_possible_only_before_notice() -> None:
    assert {a for a, b in ALLOWED if b is S.WITHDRAWN} == {S.RECEIVED, S.VERIFIED, S.DECIDED}


# Decisions


def test_decisions_per_kind() -> None:
    assert decisions_for(K.DISCLOSURE) == (Dc.FULL, Dc.PARTIAL, Dc.REFUSED, Dc.NOT_HELD)
    assert decisions_for(K.PURPOSE_NOTICE) == (Dc.NOTIFIED, Dc.REFUSED)
    assert decisions_for(K.CORRECTION) == (Dc.CORRECTED, Dc.PARTLY, Dc.NOT_CORRECTED, Dc.NOT_HELD)
    for kind in (K.USAGE_STOP, K.PROVISION_STOP):
        assert decisions_for(kind) == (Dc.STOPPED, Dc.PARTLY, Dc.NOT_STOPPED, Dc.NOT_HELD)
    assert set(DECISIONS) == set(K)


def test_decision_labels() -> None:
    assert decision_label(K.DISCLOSURE, Dc.FULL) == "全部開示"
    assert decision_label(K.DISCLOSURE, Dc.PARTIAL) == "一部開示"
    assert decision_label(K.DISCLOSURE, Dc.REFUSED) == "不開示"
    assert decision_label(K.DISCLOSURE, Dc.NOT_HELD) == "保有個人データ不存在"
    assert decision_label(K.PURPOSE_NOTICE, Dc.REFUSED) == "通知しない"
    for kind in K:
        for decision in decisions_for(kind):
            assert JAPANESE.search(decision_label(kind, decision))
    with pytest.raises(ValueError):
        decision_label(K.PURPOSE_NOTICE, Dc.FULL)


def test_grounds_per_kind() -> None:
    assert grounds_for(K.DISCLOSURE) == (G.HARM_TO_PERSON, G.BUSINESS_HINDRANCE, G.OTHER_LAW)
    assert G.HARM_TO_PERSON.article == "個人情報保護法第33条第2項第1号"
    assert G.BUSINESS_HINDRANCE.article == "個人情報保護法第33条第2項第2号"
    assert G.OTHER_LAW.article == "個人情報保護法第33条第2項第3号"
    assert "著しい支障" in G.BUSINESS_HINDRANCE.label
    assert "生命、身体、財産その他の権利利益を害するおそれ" in G.HARM_TO_PERSON.label
    assert "他の法令に違反することとなる場合" in G.OTHER_LAW.label
    purpose = grounds_for(K.PURPOSE_NOTICE)
    assert len(purpose) == 4
    assert {g.article for g in purpose} == {
        "個人情報保護法第32条第2項第1号",
        "個人情報保護法第32条第2項第2号・第21条第4項第1号",
        "個人情報保護法第32条第2項第2号・第21条第4項第2号",
        "個人情報保護法第32条第2項第2号・第21条第4項第3号",
    }
    for kind in (K.CORRECTION, K.USAGE_STOP, K.PROVISION_STOP):
        assert grounds_for(kind) == ()
    assert set(GROUNDS) == set(G)


def _valid(kind: RequestKind, decision: Decision) -> tuple[list[Ground], str]:
    grounds = [grounds_for(kind)[0]] if decision in NEEDS_GROUND else []
    return grounds, "理由" if decision in NEEDS_REASON else ""


@pytest.mark.parametrize(
    ("kind", "decision"), [(kind, d) for kind in K for d in decisions_for(kind)]
)
def test_every_decision_with_what_it_needs_is_accepted(
    kind: RequestKind, decision: Decision
) -> None:
    grounds, reason = _valid(kind, decision)
    check_decision(kind, decision, grounds, reason)


def test_partial_disclosure_needs_a_ground_and_a_reason() -> None:
    with pytest.raises(DecisionRefused) as caught:
        check_decision(K.DISCLOSURE, Dc.PARTIAL, [], "")
    problems = caught.value.problems
    assert len(problems) == 2
    assert "第33条第2項ただし書" in problems[0]
    assert "第36条" in problems[1]
    assert isinstance(caught.value, ValueError)


def test_refusal_with_a_ground_but_a_blank_reason() -> None:
    # Full-width spaces are blank too.
    problems = decision_problems(K.DISCLOSURE, Dc.REFUSED, [G.OTHER_LAW], " \u3000\n")
    assert len(problems) == 1 and "第36条" in problems[0]


def test_purpose_notice_refusal_needs_a_ground_of_article_32() -> None:
    problems = decision_problems(K.PURPOSE_NOTICE, Dc.REFUSED, [], "公表済み")
    assert len(problems) == 1 and "第32条第2項ただし書" in problems[0]
    check_decision(K.PURPOSE_NOTICE, Dc.REFUSED, [G.PURPOSE_ALREADY_KNOWN], "公表済み")


def test_a_ground_of_another_kind_is_refused() -> None:
    problems = decision_problems(K.DISCLOSURE, Dc.REFUSED, [G.NOTICE_HARMS_PERSON], "理由")
    assert len(problems) == 2
    assert "開示の請求の根拠ではありません" in problems[0]
    assert "第33条第2項ただし書" in problems[1]
    # With a ground of its own beside it, only the stranger is refused.
    problems = decision_problems(
        K.DISCLOSURE, Dc.REFUSED, [G.NOTICE_HARMS_PERSON, G.HARM_TO_PERSON], "理由"
    )
    assert len(problems) == 1 and "根拠ではありません" in problems[0]


@pytest.mark.parametrize("kind", [K.CORRECTION, K.USAGE_STOP, K.PROVISION_STOP])
def test_kinds_without_grounds_refuse_any(kind: RequestKind) -> None:
    decision = decisions_for(kind)[2]  # NOT_CORRECTED / NOT_STOPPED
    problems = decision_problems(kind, decision, [G.HARM_TO_PERSON], "理由")
    assert len(problems) == 1
    assert "根拠の選択肢はありません" in problems[0] and "第36条" in problems[0]


def test_a_ground_on_a_full_disclosure_is_refused() -> None:
    problems = decision_problems(K.DISCLOSURE, Dc.FULL, [G.HARM_TO_PERSON], "")
    assert len(problems) == 1 and "根拠は付けません" in problems[0]


@pytest.mark.parametrize(
    ("kind", "decision"),
    [
        (K.CORRECTION, Dc.NOT_CORRECTED),
        (K.CORRECTION, Dc.PARTLY),
        (K.USAGE_STOP, Dc.NOT_STOPPED),
        (K.USAGE_STOP, Dc.PARTLY),
        (K.PROVISION_STOP, Dc.NOT_STOPPED),
        (K.PROVISION_STOP, Dc.PARTLY),
    ],
)
def test_not_doing_or_doing_partly_needs_a_reason(kind: RequestKind, decision: Decision) -> None:
    with pytest.raises(DecisionRefused, match="第36条"):
        check_decision(kind, decision, [], "")
    check_decision(kind, decision, [], "事実と一致していることを確認したため")


def test_a_decision_of_another_kind_is_refused() -> None:
    problems = decision_problems(K.CORRECTION, Dc.FULL, [], "")
    assert len(problems) == 1
    assert "訂正等" in problems[0] and "第34条" in problems[0] and "full" not in problems[0]


@pytest.mark.parametrize(
    ("kind", "decision", "grounds", "reason"),
    [
        (K.DISCLOSURE, Dc.PARTIAL, [], ""),
        (K.DISCLOSURE, Dc.FULL, [G.HARM_TO_PERSON], ""),
        (K.DISCLOSURE, Dc.REFUSED, [G.NOTICE_HARMS_BUSINESS], ""),
        (K.PURPOSE_NOTICE, Dc.REFUSED, [G.OTHER_LAW], ""),
        (K.PURPOSE_NOTICE, Dc.STOPPED, [], ""),
        (K.USAGE_STOP, Dc.NOT_STOPPED, [G.OTHER_LAW], ""),
        (K.CORRECTION, Dc.PARTLY, [], " "),
    ],
)
def test_every_refusal_is_japanese_and_names_an_article(
    kind: RequestKind, decision: Decision, grounds: list[Ground], reason: str
) -> None:
    problems = decision_problems(kind, decision, grounds, reason)
    assert problems
    for problem in problems:
        assert JAPANESE.search(problem) and ARTICLE.search(problem), problem


# Deadlines


def test_default_target_is_14_days() -> None:
    assert DEFAULT_TARGET_DAYS == 14
    assert deadlines(date(2026, 6, 1)).target_days == 14


@pytest.mark.parametrize(
    ("received", "target"),
    [
        # Fri + 14 = 2027-01-01 元日, the last day of the two weeks: the target is not moved on
        # past it (the requester could sue first) but back to the last office day, Mon 12/28.
        (date(2026, 12, 18), date(2026, 12, 28)),
        # Sat + 14 = Sat → back to Fri.
        (date(2026, 6, 6), date(2026, 6, 19)),
        # + 14 = Wed 2026-05-06, 振替休日; 5/3–5/5 holidays, 5/2 Sat → Fri 5/1.
        (date(2026, 4, 22), date(2026, 5, 1)),
        # + 14 = Mon 2027-05-03 憲法記念日 → Fri 4/30.
        (date(2027, 4, 19), date(2027, 4, 30)),
        # + 14 = Tue 2026-09-22 国民の休日, after 敬老の日 and a weekend → Fri 9/18.
        (date(2026, 9, 8), date(2026, 9, 18)),
        # + 14 = Tue 2026-12-29: a weekday, but the 年末年始 closing → Mon 12/28.
        (date(2026, 12, 15), date(2026, 12, 28)),
        # + 14 = an ordinary Wednesday: no shift.
        (date(2026, 6, 3), date(2026, 6, 17)),
    ],
)
def test_target_on(received: date, target: date) -> None:
    assert deadlines(received).target_on == target


@given(
    received=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    target_days=st.integers(min_value=0, max_value=90),
)
def test_the_target_never_lies_after_the_legal_two_weeks(received: date, target_days: int) -> None:
    result = deadlines(received, target_days)
    assert received <= result.target_on <= result.two_weeks_on
    assert is_office_day(result.target_on)
    # Without 第39条 (a notice of purpose) the office's own target is moved on, not back.
    free = deadlines(received, target_days, suit_applies=False)
    assert free.target_on >= received + timedelta(days=target_days)
    assert is_office_day(free.target_on)


def test_two_weeks_on_is_never_shifted() -> None:
    result = deadlines(date(2026, 12, 18))
    assert result.two_weeks_on == date(2027, 1, 1)  # 元日, kept
    assert deadlines(date(2026, 6, 6)).two_weeks_on == date(2026, 6, 20)  # a Saturday, kept


def test_other_targets() -> None:
    assert deadlines(date(2026, 6, 3), 7).target_on == date(2026, 6, 10)
    assert deadlines(date(2026, 6, 6), 0).target_on == date(2026, 6, 8)  # Sat → Mon
    assert deadlines(date(2026, 6, 3), 30).two_weeks_on == date(2026, 6, 17)
    with pytest.raises(ValueError, match="0日以上"):
        deadlines(date(2026, 6, 3), -1)


def test_office_days() -> None:
    assert is_office_day(date(2026, 6, 3))
    assert not is_office_day(date(2026, 6, 6))  # Saturday
    assert not is_office_day(date(2026, 11, 23))  # 勤労感謝の日
    for day in (date(2026, 12, 29), date(2026, 12, 31), date(2027, 1, 2), date(2027, 1, 3)):
        assert not is_office_day(day), day
    assert is_office_day(date(2026, 12, 28)) and is_office_day(date(2027, 1, 4))
    assert next_office_day(date(2026, 6, 3)) == date(2026, 6, 3)


RECEIVED = date(2026, 6, 3)  # Wed; target Wed 6/17 = two_weeks_on


@pytest.mark.parametrize(
    ("today", "left", "state"),
    [
        (RECEIVED, 14, DeadlineState.OK),
        (date(2026, 6, 13), 4, DeadlineState.OK),
        (date(2026, 6, 14), 3, DeadlineState.DUE_SOON),
        (date(2026, 6, 17), 0, DeadlineState.DUE_SOON),
        (date(2026, 6, 18), -1, DeadlineState.SUIT_POSSIBLE),
    ],
)
def test_state_at_each_boundary(today: date, left: int, state: DeadlineState) -> None:
    result = deadlines(RECEIVED)
    assert result.days_left(today) == left
    assert result.state(today) is state
    assert result.state(today) == state.value


def test_overdue_before_the_suit_mark() -> None:
    # A 7-day target is missed a week before the two weeks are out.
    result = deadlines(RECEIVED, 7)
    assert result.target_on == date(2026, 6, 10)
    assert result.state(date(2026, 6, 10)) == "due_soon"
    assert result.state(date(2026, 6, 11)) == "overdue"
    assert result.state(date(2026, 6, 17)) == "overdue"
    assert result.state(date(2026, 6, 18)) == "suit_possible"


def test_a_target_moved_back_is_overdue_before_the_suit_mark() -> None:
    result = deadlines(date(2026, 12, 18))
    assert result.state(date(2026, 12, 28)) == "due_soon"
    assert result.state(date(2027, 1, 1)) == "overdue"
    assert result.state(date(2027, 1, 2)) == "suit_possible"


def test_no_suit_mark_for_a_purpose_notice() -> None:
    result = deadlines(RECEIVED, 7, suit_applies=K.PURPOSE_NOTICE.may_sue_after_two_weeks)
    assert result.state(date(2026, 7, 1)) == "overdue"


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2026, 6, 4), "期限まであと13日（2026年6月17日（水））"),
        (date(2026, 6, 15), "まもなく期限です：あと2日"),
        (date(2026, 6, 17), "今日が期限です"),
        (date(2026, 6, 18), "個人情報保護法第39条"),
    ],
)
def test_labels(today: date, words: str) -> None:
    assert words in deadlines(RECEIVED).label(today)


def test_overdue_label() -> None:
    label = deadlines(RECEIVED, 7).label(date(2026, 6, 12))
    assert "期限（2026年6月10日（水））を2日過ぎています" in label


@given(
    received=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    target_days=st.integers(min_value=0, max_value=60),
)
def test_without_the_two_weeks_the_target_is_the_first_office_day_on_or_after_the_count(
    received: date, target_days: int
) -> None:
    result = deadlines(received, target_days, suit_applies=False)
    earliest = received + timedelta(days=target_days)
    assert result.target_on >= earliest
    assert result.target_on.weekday() < 5
    assert not jpholiday.is_holiday(result.target_on)
    assert (result.target_on.month, result.target_on.day) not in {
        (12, 29),
        (12, 30),
        (12, 31),
        (1, 1),
        (1, 2),
        (1, 3),
    }
    day = earliest
    while day < result.target_on:
        assert not is_office_day(day)
        day += timedelta(days=1)
    assert result.two_weeks_on == received + timedelta(days=14)


@given(
    received=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    offset=st.integers(min_value=-5, max_value=40),
)
def test_state_is_consistent_with_the_dates(received: date, offset: int) -> None:
    result: Deadlines = deadlines(received)
    today = received + timedelta(days=offset)
    state = result.state(today)
    assert (state is DeadlineState.SUIT_POSSIBLE) == (today > result.two_weeks_on)
    if state is DeadlineState.OK:
        assert result.days_left(today) > 3
    assert JAPANESE.search(result.label(today))


# Requester identity

CH, R, Doc = RequesterChannel, RequesterRole, RequesterDocument


def assess(
    channel: RequesterChannel,
    role: RequesterRole,
    *docs: RequesterDocument,
    reply: bool = False,
    back: bool = False,
    matched: tuple[RequesterMatch, ...] | None = None,
):
    """Everything needed compared with the request form, unless `matched` says otherwise."""
    return assess_requester(
        channel,
        role,
        docs,
        reply_to_document_address=reply,
        card_back_received=back,
        matched=needed_matches(channel, role) if matched is None else matched,
    )


def test_what_is_compared_with_the_request_form() -> None:
    M = RequesterMatch
    assert needed_matches(CH.IN_PERSON, R.SELF) == (M.NAME,)
    assert needed_matches(CH.POST, R.SELF) == (M.NAME, M.ADDRESS)
    assert needed_matches(CH.POST, R.LEGAL_AGENT) == (M.NAME, M.ADDRESS, M.AUTHORITY)
    assert needed_matches(CH.ONLINE, R.SELF) == needed_matches(CH.PHONE, R.SELF) == ()
    # A document that does not match the form is not a check, whatever else was shown.
    result = assess(CH.IN_PERSON, R.SELF, Doc.PASSPORT, matched=())
    assert result.problems == (
        "本人確認書類の氏名が請求書の請求者の氏名と一致することを確かめてください"
        "（個人情報保護法ガイドライン（通則編）3-8-7）。",
    )
    result = assess(CH.POST, R.SELF, Doc.PASSPORT, reply=True, matched=(M.NAME,))
    assert len(result.problems) == 1 and "写しの住所" in result.problems[0]
    result = assess(
        CH.IN_PERSON, R.VOLUNTARY_AGENT, Doc.POWER_OF_ATTORNEY, Doc.PASSPORT, matched=(M.NAME,)
    )
    assert len(result.problems) == 1 and "代理権の書類" in result.problems[0]
    assert assess(
        CH.PHONE, R.SELF, Doc.REGISTERED_INFORMATION, Doc.CALL_BACK_TO_REGISTERED_NUMBER, matched=()
    ).sufficient
    for match in M:
        assert JAPANESE.search(match.label)


def test_the_checklists_needed_and_their_titles() -> None:
    assert needed_proofs(CH.IN_PERSON, R.SELF) == (Proof.OFFICIAL_ID,)
    assert needed_proofs(CH.POST, R.VOLUNTARY_AGENT) == (
        Proof.OFFICIAL_ID,
        Proof.POWER_OF_ATTORNEY,
    )
    assert needed_proofs(CH.PHONE, R.SELF) == (Proof.REGISTERED_INFO, Proof.CALL_BACK)
    assert proof_title(Proof.OFFICIAL_ID, R.SELF, CH.POST).startswith("本人の本人確認書類")
    assert proof_title(Proof.OFFICIAL_ID, R.SELF, CH.POST).endswith("の写し")
    assert proof_title(Proof.OFFICIAL_ID, R.LEGAL_AGENT, CH.IN_PERSON).startswith("代理人の")


def test_channel_labels() -> None:
    assert [c.label for c in CH] == ["窓口", "郵送", "オンライン", "電話"]


@pytest.mark.parametrize(
    "doc",
    [d for d, rule in CATALOGUE.items() if rule.proof is Proof.OFFICIAL_ID],
)
def test_in_person_one_official_id_suffices(doc: RequesterDocument) -> None:
    result = assess(CH.IN_PERSON, R.SELF, doc)
    assert result.sufficient and result.problems == ()
    assert result.used == (doc,)


def test_in_person_without_id() -> None:
    result = assess(CH.IN_PERSON, R.SELF)
    assert not result.sufficient
    assert "窓口の請求では本人の本人確認書類" in result.problems[0]
    assert "第37条" in result.problems[0]


def test_card_back_is_refused_whatever_else_was_shown() -> None:
    result = assess(CH.IN_PERSON, R.SELF, Doc.MY_NUMBER_CARD_FRONT, back=True)
    assert not result.sufficient
    assert result.problems == (CARD_BACK_REFUSED,)
    assert CARD_BACK_REFUSED.startswith(
        "個人番号カードの裏面（個人番号）は受け取らないでください。本人確認には表面を使います。"
    )
    assert "番号法第20条" in CARD_BACK_REFUSED


def test_catalogue_labels() -> None:
    assert Doc.MY_NUMBER_CARD_FRONT.label == "個人番号カードの表面（裏面は受け取らない）"
    assert "資格確認書" in Doc.HEALTH_INSURANCE.label
    for doc in Doc:
        assert JAPANESE.search(doc.label)


def test_post_needs_a_copy_and_the_reply_by_registered_mail() -> None:
    assert assess(CH.POST, R.SELF, Doc.DRIVERS_LICENSE, reply=True).sufficient
    result = assess(CH.POST, R.SELF, Doc.DRIVERS_LICENSE, reply=False)
    assert result.problems == (POST_REPLY_RULE,)
    assert "書留" in POST_REPLY_RULE and "通則編" in POST_REPLY_RULE
    result = assess(CH.POST, R.SELF, reply=True)
    assert len(result.problems) == 1 and "本人確認書類" in result.problems[0]
    assert "写し" in result.problems[0]


def test_reply_rule_applies_to_post_only() -> None:
    assert assess(CH.IN_PERSON, R.SELF, Doc.PASSPORT, reply=False).sufficient


@pytest.mark.parametrize("doc", [Doc.REGISTERED_LOGIN, Doc.PUBLIC_CERTIFICATION])
def test_online(doc: RequesterDocument) -> None:
    assert assess(CH.ONLINE, R.SELF, doc).sufficient


def test_online_an_id_document_does_not_count() -> None:
    result = assess(CH.ONLINE, R.SELF, Doc.DRIVERS_LICENSE)
    assert not result.sufficient
    assert result.unused == (Doc.DRIVERS_LICENSE,)
    assert "ID・パスワード" in result.problems[0]


def test_phone_needs_registered_information_and_a_call_back() -> None:
    both = assess(CH.PHONE, R.SELF, Doc.REGISTERED_INFORMATION, Doc.CALL_BACK_TO_REGISTERED_NUMBER)
    assert both.sufficient
    assert set(both.used) == {Doc.REGISTERED_INFORMATION, Doc.CALL_BACK_TO_REGISTERED_NUMBER}
    only_info = assess(CH.PHONE, R.SELF, Doc.REGISTERED_INFORMATION)
    assert len(only_info.problems) == 1 and "折り返し" in only_info.problems[0]
    only_call = assess(CH.PHONE, R.SELF, Doc.CALL_BACK_TO_REGISTERED_NUMBER)
    assert len(only_call.problems) == 1 and "生年月日" in only_call.problems[0]


def test_voluntary_agent_needs_a_power_of_attorney_and_own_id() -> None:
    assert assess(CH.IN_PERSON, R.VOLUNTARY_AGENT, Doc.POWER_OF_ATTORNEY, Doc.PASSPORT).sufficient
    result = assess(CH.IN_PERSON, R.VOLUNTARY_AGENT, Doc.PASSPORT)
    assert len(result.problems) == 1
    assert "委任状" in result.problems[0] and "施行令第13条" in result.problems[0]
    result = assess(CH.IN_PERSON, R.VOLUNTARY_AGENT, Doc.POWER_OF_ATTORNEY)
    assert len(result.problems) == 1 and "代理人の本人確認書類" in result.problems[0]


@pytest.mark.parametrize(
    "status", [Doc.FAMILY_REGISTER, Doc.RESIDENT_RECORD, Doc.GUARDIANSHIP_CERTIFICATE]
)
def test_legal_agent_needs_a_status_document_and_own_id(status: RequesterDocument) -> None:
    assert assess(CH.IN_PERSON, R.LEGAL_AGENT, status, Doc.DRIVERS_LICENSE).sufficient
    assert assess(CH.POST, R.LEGAL_AGENT, status, Doc.DRIVERS_LICENSE, reply=True).sufficient


def test_legal_agent_with_a_power_of_attorney_only() -> None:
    result = assess(CH.IN_PERSON, R.LEGAL_AGENT, Doc.POWER_OF_ATTORNEY, Doc.DRIVERS_LICENSE)
    assert len(result.problems) == 1 and "法定代理人" in result.problems[0]
    assert result.unused == (Doc.POWER_OF_ATTORNEY,)


@pytest.mark.parametrize("channel", [CH.ONLINE, CH.PHONE])
def test_agents_only_at_the_window_or_by_post(channel: RequesterChannel) -> None:
    result = assess(channel, R.VOLUNTARY_AGENT, Doc.REGISTERED_LOGIN, Doc.POWER_OF_ATTORNEY)
    assert not result.sufficient
    assert "代理人による請求" in result.problems[0]


def test_extra_documents_are_listed_not_refused() -> None:
    result = assess(CH.IN_PERSON, R.SELF, Doc.PASSPORT, Doc.POWER_OF_ATTORNEY, Doc.PASSPORT)
    assert result.sufficient
    assert result.used == (Doc.PASSPORT,)
    assert result.unused == (Doc.POWER_OF_ATTORNEY,)


@given(
    channel=st.sampled_from(list(CH)),
    role=st.sampled_from(list(R)),
    docs=st.lists(st.sampled_from(list(Doc)), max_size=5),
    reply=st.booleans(),
    back=st.booleans(),
)
def test_requester_properties(
    channel: RequesterChannel,
    role: RequesterRole,
    docs: list[RequesterDocument],
    reply: bool,
    back: bool,
) -> None:
    result = assess(channel, role, *docs, reply=reply, back=back)
    assert result.sufficient == (not result.problems)
    if back:
        assert CARD_BACK_REFUSED in result.problems
    if channel is CH.POST and not reply:
        assert not result.sufficient
    for problem in result.problems:
        assert JAPANESE.search(problem) and ARTICLE.search(problem), problem
    # The order of the documents never changes the answer.
    again = assess(channel, role, *reversed(docs), reply=reply, back=back)
    assert again.problems == result.problems
    assert set(again.used) == set(result.used)
    assert set(result.used) | set(result.unused) == set(docs)


def test_each_notice_cites_the_provision_it_is_sent_under() -> None:
    assert notice_basis(RequestKind.DISCLOSURE, Decision.FULL) == (
        "個人情報の保護に関する法律第33条第2項"
    )
    assert notice_basis(RequestKind.DISCLOSURE, Decision.NOT_HELD).endswith("第33条第3項")
    assert notice_basis(RequestKind.PURPOSE_NOTICE, Decision.REFUSED).endswith("第32条第3項")
    assert notice_basis(RequestKind.CORRECTION, Decision.NOT_CORRECTED).endswith("第34条第3項")
    assert notice_basis(RequestKind.PROVISION_STOP, Decision.STOPPED).endswith("第35条第7項")
    for kind in RequestKind:
        for decision in decisions_for(kind):
            assert notice_basis(kind, decision).startswith("個人情報の保護に関する法律第3")
    with pytest.raises(ValueError):
        notice_basis(RequestKind.CORRECTION, Decision.FULL)
