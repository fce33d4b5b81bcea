"""The decision: is this 本人確認 sufficient, and if not, what is missing and why (DOMAIN.md
§2.7). Pure: the same request and day always give the same answer, whatever the document order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from app.domain.verification.documents import (
    CATALOGUE,
    ORDER,
    Document,
    Kind,
    ended_refusal,
    purpose_refusal,
)
from app.domain.verification.inputs import PresentedDocument, VerificationRequest
from app.domain.verification.problems import (
    CARD,
    CHANNEL_NOT_ALLOWED,
    EMPLOYEE_NOT_LINKED,
    MISSING,
    Problem,
    details_problem,
    fallback_problem,
    photo_stop,
)
from app.domain.verification.requirements import (
    AGENT_EXEMPTION,
    CHECK_BASIS,
    EMPLOYER_EXEMPTION,
    EXEMPTIONS,
    HOLDER_FOR,
    PROVIDERS,
    SUBJECTS,
    Exemption,
)
from app.domain.verification.rules import (
    Known,
    accepted_forms,
    agent_exemption_unmet,
    applicable_checks,
    channel_refusal,
    employer_exemption_unmet,
    employer_verifies,
    flag_refusal,
    kinds_for,
    possible_ways,
    requirement_text,
    ways_for,
)
from app.domain.verification.terms import (
    DIGITAL_PROCEDURES_ACT,
    DOCUMENT_TABLES,
    LAW_16,
    ORDER_12_2,
    RULE_1,
    RULE_2_5,
    RULE_3,
    RULE_7_1,
    RULE_11,
    Channel,
    Check,
    Form,
    Holder,
    Outcome,
    Provider,
)

_CHANNEL_BASIS = {
    Channel.IN_PERSON: LAW_16,
    Channel.POST: RULE_11,
    Channel.ONLINE: RULE_3,
    Channel.PHONE: RULE_2_5,
}

NOTIFICATION_CARD_CHANGED = (
    "通知カードの氏名・住所などが今の住民票と違うため使えません。通知カードは2020年5月25日に廃止され、"
    "記載事項に変更がない場合に限り番号確認に使えます。2020年5月25日より前の変更で、市区町村が裏面に変更を記載"
    "（裏書き）していて、今の住民票と同じなら使えます。2020年5月25日以降の変更は裏書きされないので、"
    "変更があれば使えません。個人番号カードか、住民票の写し（個人番号付き）を出してもらってください"
    f"（{DIGITAL_PROCEDURES_ACT}）。"
)


@dataclass(frozen=True)
class CheckResult:
    check: Check
    satisfied: bool
    # Codes of the documents (or the exemption) that satisfied it, in catalogue order: what the
    # record keeps as "document types". Empty when not satisfied.
    means: tuple[str, ...]
    explanation: str
    # Met only by a fallback way (規2③, 規6①三, 規9①): the record keeps why.
    fallback: bool = False


@dataclass(frozen=True)
class Refusal:
    """A document (or exemption) that was presented for a check and does not count, and why."""

    code: str
    holder: Holder | None
    check: Check | None
    reason: str

    @property
    def name(self) -> str:
        return means_name(self.code)


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    checks: tuple[CheckResult, ...]
    problems: tuple[Problem, ...]
    # Refusals do not block by themselves: a refused 個人番号通知書 beside a valid card is only
    # reported. A check they leave unsatisfied is a problem and its explanation repeats them.
    refusals: tuple[Refusal, ...]
    # Presented documents no applicable check needed (code, holder), e.g. a 委任状 from the person.
    unused: tuple[tuple[str, Holder], ...]
    # False when one 個人番号カード gave both 番号確認 and 身元確認: no other document to compare
    # it with (DOMAIN.md §2.7 row 1: photo and expiry only).
    comparison_needed: bool = True

    @property
    def sufficient(self) -> bool:
        return self.outcome in (Outcome.VERIFIED, Outcome.VERIFIED_BY_EMPLOYEE)

    @property
    def stopped(self) -> bool:
        return self.outcome is Outcome.STOPPED

    @property
    def fallback_checks(self) -> tuple[Check, ...]:
        return tuple(r.check for r in self.checks if r.satisfied and r.fallback)

    @property
    def missing(self) -> tuple[Check, ...]:
        return tuple(result.check for result in self.checks if not result.satisfied)

    @property
    def explanations(self) -> tuple[str, ...]:
        return tuple(problem.message for problem in self.problems)

    @property
    def means_used(self) -> tuple[str, ...]:
        return _sorted_codes({code for result in self.checks for code in result.means})

    def result(self, check: Check) -> CheckResult | None:
        return next((r for r in self.checks if r.check is check), None)


def means_name(code: str) -> str:
    if code in EXEMPTIONS:
        return EXEMPTIONS[code].name
    return CATALOGUE[code].name


def _order(code: str) -> int:
    if code in ORDER:
        return ORDER[code]
    return len(ORDER) + list(EXEMPTIONS).index(code)


def _sorted_codes(codes: set[str]) -> tuple[str, ...]:
    return tuple(sorted(codes, key=_order))


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _refusal_reasons(
    doc: Document, item: PresentedDocument, check: Check, request: VerificationRequest, today: date
) -> list[str]:
    channel = request.channel
    if channel not in PROVIDERS[request.provider].channels:
        return [
            f"代理人からの番号は{channel.label}では受け付けません。対面か郵送にしてください（{ORDER_12_2}）。"
        ]
    if channel not in doc.channels:
        where = "・".join(c.label for c in Channel if c in doc.channels)
        return [
            f"{channel.label}では使えません。使えるのは{where}の場合です（{_CHANNEL_BASIS[channel]}）。"
        ]
    reasons = []
    if doc.physical:
        forms = accepted_forms(doc, channel, check, request.provider)
        if item.form not in forms:
            allowed = "か".join(form.label for form in sorted(forms, key=list(Form).index))
            reasons.append(
                f"{item.form.label}は使えません。{channel.label}では{allowed}に限ります（{_CHANNEL_BASIS[channel]}）。"
            )
    if (why := flag_refusal(doc, request.flags)) is not None:
        reasons.append(why)
    if (why := ended_refusal(doc, today)) is not None:
        reasons.append(why)
    if (why := purpose_refusal(doc, request.purposes)) is not None:
        reasons.append(why)
    if item.expires_on is not None and item.expires_on < today:
        reasons.append(
            f"有効期限（{_day(item.expires_on)}）が切れています。有効期限内のものに限ります（{DOCUMENT_TABLES}）。"
        )
    elif doc.has_expiry and item.expires_on is None:
        reasons.append(
            f"有効期限が入力されていません。書類の有効期限を確かめて入力してください（有効期限内のものに限ります。{DOCUMENT_TABLES}）。"
        )
    if doc.issued_from is not None:
        if item.issued_on is None:
            reasons.append(
                f"交付日が入力されていません。{_day(doc.issued_from)}以降に交付されたものに限ります（{doc.basis}）。"
            )
        elif item.issued_on < doc.issued_from:
            reasons.append(
                f"{_day(doc.issued_from)}より前に交付されたものは使えません（{doc.basis}）。"
            )
    if doc.needs_unchanged_details:
        if item.details_unchanged is None:
            reasons.append(
                "氏名・住所などが今の住民票と同じかを確かめてください。同じ場合に限り使えます"
                f"（{DIGITAL_PROCEDURES_ACT}）。"
            )
        elif not item.details_unchanged:
            reasons.append(NOTIFICATION_CARD_CHANGED)
    identity = check in (Check.IDENTITY, Check.AGENT_IDENTITY)
    if channel is Channel.IN_PERSON and identity and doc.has_photo:
        basis = RULE_1 if check is Check.IDENTITY else RULE_7_1
        who = "本人" if check is Check.IDENTITY else "代理人"
        comparison = request.comparison
        face = (
            comparison.photo_matches_face
            if check is Check.IDENTITY
            else comparison.agent_photo_matches_face
        )
        if face is None:
            reasons.append(
                f"顔写真と、来た{who}の顔を見比べてください。見比べて同じ人だと確かめた場合に限り使えます（{basis}）。"
            )
        elif not face:
            reasons.append(
                f"顔写真と来た人の顔が一致しないため使えません。別の人の書類かもしれません（{basis}）。"
            )
    return reasons


def _claim(
    exemption: Exemption,
    unmet: tuple[str, ...],
    checks: tuple[Check, ...],
    valid: dict[Check, dict[Kind, set[str]]],
    refusals: set[Refusal],
) -> None:
    if exemption.check in checks and not unmet:
        valid[exemption.check][exemption.kind].add(exemption.code)
        return
    check = exemption.check if exemption.check in checks else None
    reason = f"{'。'.join(unmet)}（{exemption.basis}）。"
    refusals.add(Refusal(exemption.code, None, check, reason))


def _satisfied_text(check: Check, means: tuple[str, ...]) -> str:
    names = []
    for code in means:
        if code in EXEMPTIONS:
            names.append(f"{EXEMPTIONS[code].name}（{EXEMPTIONS[code].basis}）")
        else:
            names.append(f"「{CATALOGUE[code].name}」")
    return f"{check.label}：{'、'.join(names)}で確かめました。"


def _missing_text(
    check: Check,
    request: VerificationRequest,
    have: dict[Kind, set[str]],
    refusals: list[Refusal],
) -> str:
    subject, provider, channel, flags = (
        request.subject,
        request.provider,
        request.channel,
        request.flags,
    )
    known = Known(request.purposes)
    parts = [
        f"{check.label}ができていません（{CHECK_BASIS[(check, provider.is_agent)]}）。",
        requirement_text(check, subject, provider, channel, flags, known),
    ]
    for way in possible_ways(check, subject, provider, channel, flags, known):
        short = [(kind, count - len(have[kind])) for kind, count in way.needs]
        lacking = [(kind, n) for kind, n in short if n > 0]
        if lacking and any(have[kind] for kind in way.kinds):
            parts.append(
                "、".join(f"{kind.label}があと{n}点" for kind, n in lacking) + "必要です。"
            )
    for refusal in refusals:
        parts.append(f"「{refusal.name}」は使えません：{refusal.reason}")
    return "".join(parts)


def _unused(documents: tuple[PresentedDocument, ...]) -> tuple[tuple[str, Holder], ...]:
    pairs = {(item.code, item.holder) for item in documents}
    return tuple(sorted(pairs, key=lambda pair: (ORDER[pair[0]], pair[1].value)))


def _verified_by_employee(request: VerificationRequest) -> Assessment:
    unused = _unused(request.documents)
    if request.flags.employee_verification_linked:
        return Assessment(Outcome.VERIFIED_BY_EMPLOYEE, (), (), (), unused)
    rule = SUBJECTS[request.subject]
    problem = Problem(
        EMPLOYEE_NOT_LINKED,
        None,
        f"{request.subject.label}の本人確認は、事業者ではなく従業員がします（{rule.basis}）。"
        "事業者は、その従業員本人の本人確認を先に記録し、この記録と結びつけてください。",
    )
    return Assessment(Outcome.INSUFFICIENT, (), (problem,), (), unused)


def assess(request: VerificationRequest, today: date) -> Assessment:
    """Sufficient or not, which check each document served, and for each gap a Japanese reason
    naming the rule. `today` is the day of the check (expiry dates are compared with it)."""
    if not employer_verifies(request.subject):
        return _verified_by_employee(request)
    subject, provider, channel, flags = (
        request.subject,
        request.provider,
        request.channel,
        request.flags,
    )
    checks = applicable_checks(subject, provider)
    valid: dict[Check, dict[Kind, set[str]]] = {check: defaultdict(set) for check in checks}
    refusals: set[Refusal] = set()
    unused: list[PresentedDocument] = []
    for item in request.documents:
        doc = CATALOGUE[item.code]
        relevant = False
        for check in checks:
            if doc.refusal is not None:
                if doc.shown_with is check:
                    refusals.add(Refusal(doc.code, item.holder, check, doc.refusal))
                    relevant = True
                continue
            kinds = doc.kinds & kinds_for(check, provider)
            wanted = HOLDER_FOR[check]
            if not kinds or (wanted is not None and item.holder is not wanted):
                continue
            relevant = True
            reasons = _refusal_reasons(doc, item, check, request, today)
            if reasons:
                refusals.add(Refusal(doc.code, item.holder, check, "".join(reasons)))
            else:
                for kind in kinds:
                    valid[check][kind].add(doc.code)
        if not relevant:
            unused.append(item)
    if request.use_employer_exemption:
        unmet = employer_exemption_unmet(subject, provider, channel, flags)
        _claim(EMPLOYER_EXEMPTION, unmet, checks, valid, refusals)
    if request.use_agent_exemption:
        _claim(
            AGENT_EXEMPTION,
            agent_exemption_unmet(provider, channel, flags),
            checks,
            valid,
            refusals,
        )

    ordered_refusals = tuple(
        sorted(
            refusals,
            key=lambda r: (
                checks.index(r.check) if r.check is not None else len(checks),
                _order(r.code),
                r.holder.value if r.holder is not None else "",
                r.reason,
            ),
        )
    )
    problems: list[Problem] = []
    if (why := channel_refusal(subject, provider, channel, flags)) is not None:
        problems.append(Problem(CHANNEL_NOT_ALLOWED, None, why))
    results = []
    for check in checks:
        have = valid[check]
        done = [
            way
            for way in ways_for(check, provider)
            if all(len(have[kind]) >= count for kind, count in way.needs)
        ]
        if done:
            means = _sorted_codes(
                {code for way in done for kind in way.kinds for code in have[kind]}
            )
            fallback = all(way.fallback for way in done)
            results.append(CheckResult(check, True, means, _satisfied_text(check, means), fallback))
            if fallback and not request.fallback_reason(check):
                problems.append(fallback_problem(check, tuple(way.basis for way in done)))
        else:
            mine = [r for r in ordered_refusals if r.check is check]
            text = _missing_text(check, request, have, mine)
            results.append(CheckResult(check, False, (), text))
            problems.append(Problem(MISSING, check, text))
    needed = not _card_alone(provider, results)
    if (details := details_problem(request, needed)) is not None:
        problems.append(details)
    outcome = Outcome.INSUFFICIENT if problems else Outcome.VERIFIED
    if (stop := photo_stop(request)) is not None:
        problems.insert(0, stop)
        outcome = Outcome.STOPPED
    return Assessment(
        outcome,
        tuple(results),
        tuple(problems),
        ordered_refusals,
        _unused(tuple(unused)),
        needed,
    )


def _card_alone(provider: Provider, results: list[CheckResult]) -> bool:
    """One 個人番号カード gave both checks: there is no second document to compare it with."""
    if provider.is_agent:
        return False
    by_check = {r.check: r for r in results}
    return all(
        (r := by_check.get(check)) is not None and r.satisfied and CARD in r.means
        for check in (Check.NUMBER, Check.IDENTITY)
    )
