"""The rules of DOMAIN.md §2 as data: whom the employer verifies, which checks each provider
brings, the ways of satisfying each check, and the two exemptions of the 身元確認書類."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.verification.documents import Kind
from app.domain.verification.terms import (
    GUIDELINE_DEPENDENTS,
    GUIDELINE_PAYEE,
    LAW_16,
    NTA_FAQ,
    ORDER_12_1,
    ORDER_12_1_1,
    ORDER_12_2,
    ORDER_12_2_1,
    ORDER_12_2_2,
    ORDER_12_2_3,
    PENSION_ACT_12_5,
    RULE_1,
    RULE_2_1,
    RULE_2_3,
    RULE_2_5,
    RULE_2_6,
    RULE_3,
    RULE_6_1_1,
    RULE_6_1_2,
    RULE_6_1_3,
    RULE_7_1,
    RULE_7_2,
    RULE_8,
    RULE_9_1,
    RULE_9_4,
    RULE_11,
    Channel,
    Check,
    Holder,
    IdentityField,
    Provider,
    Subject,
)


@dataclass(frozen=True)
class SubjectRule:
    subject: Subject
    # False: the employee verifies this person, acting as 個人番号関係事務実施者 (row 0).
    employer_verifies: bool
    providers: tuple[Provider, ...]
    # Whether the 規2⑥ employer exemption can ever apply to this subject.
    employer_exemption_possible: bool
    note: str
    basis: str


_ALL_PROVIDERS = (Provider.SELF, Provider.VOLUNTARY_AGENT, Provider.LEGAL_AGENT)

SUBJECTS: dict[Subject, SubjectRule] = {
    rule.subject: rule
    for rule in (
        SubjectRule(
            Subject.EMPLOYEE,
            True,
            _ALL_PROVIDERS,
            True,
            f"従業員から番号を受け取るときは、そのたびに本人確認をします（{LAW_16}）。",
            LAW_16,
        ),
        SubjectRule(
            Subject.SPOUSE_3GO,
            True,
            _ALL_PROVIDERS,
            False,
            "国民年金第3号被保険者関係届は配偶者本人が届け出る書類なので、配偶者の本人確認は事業者がします"
            f"（{PENSION_ACT_12_5}）。従業員が配偶者の代わりに番号を出すときは、従業員は任意代理人です"
            "（配偶者は法定代理人ではありません）。委任状が要ります。"
            "配偶者は従業員ではないので、入社時の本人確認による身元確認書類の省略は使えません。",
            PENSION_ACT_12_5,
        ),
        SubjectRule(
            Subject.DEPENDENT_TAX,
            False,
            (),
            False,
            "扶養控除等申告書に書かれた扶養親族の本人確認は、従業員がします（事業者はしません）"
            f"（{GUIDELINE_DEPENDENTS}）。事業者は従業員本人の本人確認を記録し、それと結びつけます。"
            "番号の検査用数字は確かめてください。",
            GUIDELINE_DEPENDENTS,
        ),
        SubjectRule(
            Subject.DEPENDENT_KENPO,
            False,
            (),
            False,
            "健康保険の被扶養者届に書かれた被扶養者の本人確認も、届け出る従業員がするものとして扱います"
            f"（{GUIDELINE_DEPENDENTS}と同じ考え方）。事業者は従業員本人の本人確認を記録し、それと結びつけます。"
            "番号の検査用数字は確かめてください。",
            GUIDELINE_DEPENDENTS,
        ),
        SubjectRule(
            Subject.PAYEE,
            True,
            _ALL_PROVIDERS,
            False,
            "支払調書を出す支払先から番号を受け取るときに本人確認をします。支払調書を出す必要がないことが"
            f"明らかな支払では、番号を求めないでください（{GUIDELINE_PAYEE}）。"
            "雇用関係がないので、入社時の本人確認による身元確認書類の省略は使えません。",
            GUIDELINE_PAYEE,
        ),
    )
}


@dataclass(frozen=True)
class ProviderRule:
    provider: Provider
    checks: tuple[Check, ...]
    channels: tuple[Channel, ...]
    basis: str


PROVIDERS: dict[Provider, ProviderRule] = {
    Provider.SELF: ProviderRule(
        Provider.SELF,
        (Check.NUMBER, Check.IDENTITY),
        (Channel.IN_PERSON, Channel.POST, Channel.ONLINE, Channel.PHONE),
        f"{LAW_16}・{ORDER_12_1}",
    ),
    # Agents: in person or by post only. The 規則 has an agent's way on the phone (規9③, for both
    # 代理権 and the agent's identity) and online (規10), per the guideline's map; but the
    # conditions of 規9③ (what the 利用事務実施者 accepts as facts only the principal and the
    # agent know, and which earlier checks of both it needs) were not read, and 規10 needs the
    # agent's electronic signature verified, which this program cannot do. So neither is offered
    # (the stricter choice; the wizard says why: rules.channel_refusal).
    Provider.VOLUNTARY_AGENT: ProviderRule(
        Provider.VOLUNTARY_AGENT,
        (Check.AUTHORITY, Check.AGENT_IDENTITY, Check.NUMBER),
        (Channel.IN_PERSON, Channel.POST),
        ORDER_12_2,
    ),
    Provider.LEGAL_AGENT: ProviderRule(
        Provider.LEGAL_AGENT,
        (Check.AUTHORITY, Check.AGENT_IDENTITY, Check.NUMBER),
        (Channel.IN_PERSON, Channel.POST),
        ORDER_12_2,
    ),
}


@dataclass(frozen=True)
class Way:
    """One way to satisfy a check: so many distinct documents of each kind."""

    label: str
    needs: tuple[tuple[Kind, int], ...]
    basis: str
    # Allowed only when the usual document is difficult to give (規2③, 規6①三, 規9①): the
    # clerk records why (DOMAIN.md §2.2, §2.5).
    fallback: bool = False

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(kind for kind, _ in self.needs)


_NUMBER_BY_DOCUMENT = Way(
    "個人番号カード、住民票の写し（個人番号付き）、住民票記載事項証明書（個人番号付き）、"
    "記載事項に変更のない通知カードのどれか1点",
    ((Kind.NUMBER_DOCUMENT, 1),),
    f"{LAW_16}・{ORDER_12_1_1}",
)
_NUMBER_BY_PRIOR_RECORD = Way(
    "前に本人確認をして受け取った番号の記録（前年の扶養控除等申告書など）と同じ番号であることの照合",
    ((Kind.PRIOR_RECORD, 1),),
    f"{RULE_2_1}・{NTA_FAQ}",
)
_PRINCIPAL_NUMBER_BY_AGENT = Way(
    "本人の個人番号カード、住民票の写し（個人番号付き）、記載事項に変更のない通知カードなどのどれか1点"
    "（原本でも写しでもかまいません）",
    ((Kind.NUMBER_DOCUMENT, 1),),
    RULE_8,
)
_PHOTO = Way(
    "顔写真付きの身分証明書1点（個人番号カード、運転免許証、パスポート、在留カードなど）",
    ((Kind.PHOTO_ID, 1),),
    RULE_1,
)
_NON_PHOTO = Way(
    "顔写真付きの書類を出すことが難しい場合は、顔写真のない書類2点（資格確認書、年金手帳、"
    "児童扶養手当証書など、氏名と生年月日または住所が書かれたもの）",
    ((Kind.NON_PHOTO_ID, 2),),
    RULE_2_3,
    fallback=True,
)
_CREDENTIALS = Way(
    "事業者が本人確認をしたうえで発行したIDとパスワードでのログイン（オンライン）",
    ((Kind.ONLINE_CREDENTIAL, 1),),
    RULE_3,
)
_PHONE_QUESTIONS = Way(
    "本人しか知り得ない事項をたずねて確かめる（電話。前に本人確認をした人だけ）",
    ((Kind.PHONE_QUESTIONS, 1),),
    RULE_2_5,
)
_EMPLOYER_EXEMPTION = Way(
    "入社時に本人確認をした従業員が対面で出す場合は、身元確認書類を省略できます（番号確認は省略できません）",
    ((Kind.EMPLOYER_EXEMPTION, 1),),
    RULE_2_6,
)
_LEGAL_STATUS = Way(
    "戸籍謄本、続柄が書かれた住民票の写し、成年後見の登記事項証明書など、法定代理人であることが分かる書類1点",
    ((Kind.LEGAL_STATUS, 1),),
    RULE_6_1_1,
)
_POWER_OF_ATTORNEY = Way("本人が書いた委任状（原本）", ((Kind.POWER_OF_ATTORNEY, 1),), RULE_6_1_2)
_AUTHORITY_FALLBACK = Way(
    "それが難しい場合は、本人と代理人の氏名などが書かれ本人が押印した書類、"
    "または本人しか持っていない書類（本人の個人番号カード・運転免許証など）",
    ((Kind.AUTHORITY_FALLBACK, 1),),
    RULE_6_1_3,
    fallback=True,
)
_AGENT_PHOTO = Way(
    "代理人の顔写真付きの身分証明書1点（個人番号カード、運転免許証、パスポートなど）",
    ((Kind.PHOTO_ID, 1),),
    RULE_7_1,
)
_AGENT_NON_PHOTO = Way(
    "それを出すことが難しい場合は、代理人の顔写真のない書類2点（資格確認書、年金手帳など）",
    ((Kind.NON_PHOTO_ID, 2),),
    RULE_9_1,
    fallback=True,
)
_AGENT_CORPORATE = Way(
    "代理人が法人の場合は、法人の登記事項証明書などと、来た人がその法人の人だと分かる社員証などの両方",
    ((Kind.CORPORATE_REGISTRY, 1), (Kind.CORPORATE_STAFF_ID, 1)),
    RULE_7_2,
)
_AGENT_EXEMPTION = Way(
    "代理人が入社時に本人確認をした従業員で、対面で来た場合は、代理人の身元確認書類を省略できます",
    ((Kind.AGENT_EXEMPTION, 1),),
    RULE_9_4,
)

_AGENT_IDENTITY_WAYS = (_AGENT_PHOTO, _AGENT_NON_PHOTO, _AGENT_CORPORATE, _AGENT_EXEMPTION)

WAYS: dict[tuple[Check, Provider], tuple[Way, ...]] = {
    (Check.NUMBER, Provider.SELF): (_NUMBER_BY_DOCUMENT, _NUMBER_BY_PRIOR_RECORD),
    (Check.IDENTITY, Provider.SELF): (
        _PHOTO,
        _NON_PHOTO,
        _CREDENTIALS,
        _PHONE_QUESTIONS,
        _EMPLOYER_EXEMPTION,
    ),
    (Check.AUTHORITY, Provider.LEGAL_AGENT): (_LEGAL_STATUS, _AUTHORITY_FALLBACK),
    (Check.AUTHORITY, Provider.VOLUNTARY_AGENT): (_POWER_OF_ATTORNEY, _AUTHORITY_FALLBACK),
    (Check.AGENT_IDENTITY, Provider.LEGAL_AGENT): _AGENT_IDENTITY_WAYS,
    (Check.AGENT_IDENTITY, Provider.VOLUNTARY_AGENT): _AGENT_IDENTITY_WAYS,
    (Check.NUMBER, Provider.LEGAL_AGENT): (_PRINCIPAL_NUMBER_BY_AGENT,),
    (Check.NUMBER, Provider.VOLUNTARY_AGENT): (_PRINCIPAL_NUMBER_BY_AGENT,),
}

CHECK_BASIS: dict[tuple[Check, bool], str] = {
    (Check.NUMBER, False): f"{LAW_16}・{ORDER_12_1}",
    (Check.IDENTITY, False): f"{LAW_16}・{ORDER_12_1}",
    (Check.AUTHORITY, True): ORDER_12_2_1,
    (Check.AGENT_IDENTITY, True): ORDER_12_2_2,
    (Check.NUMBER, True): ORDER_12_2_3,
}

CHANNEL_NOTES: dict[Channel, str] = {
    Channel.IN_PERSON: "対面では原本を見せてもらいます（代理人が持ってきた本人の番号確認の書類は写しでもかまいません）。",
    Channel.POST: (
        f"郵送では書類の写し（コピー）を送ってもらえます（{RULE_11}）。委任状は原本です。"
        f"前に本人確認をした人は、番号を前の記録と照合できます（{RULE_2_1}）。"
    ),
    Channel.ONLINE: f"オンラインでは個人番号カードのICチップの読み取りか、書類の画像を送ってもらいます（{RULE_3}）。",
    Channel.PHONE: f"電話では書類を確認できないので、前の記録との照合と、本人しか知り得ない事項の確認によります（{RULE_2_5}）。",
}

# Whose documents serve each check; None: the document is not anyone's ID (委任状, 戸籍謄本).
HOLDER_FOR: dict[Check, Holder | None] = {
    Check.NUMBER: Holder.PRINCIPAL,
    Check.IDENTITY: Holder.PRINCIPAL,
    Check.AUTHORITY: None,
    Check.AGENT_IDENTITY: Holder.AGENT,
}


@dataclass(frozen=True)
class Exemption:
    """A waiver of the 身元確認書類 the wizard may offer; 番号確認 has none."""

    code: str
    name: str
    check: Check
    kind: Kind
    basis: str
    conditions: tuple[str, ...]


EMPLOYER_EXEMPTION = Exemption(
    "employer_exemption",
    "身元確認書類の省略（雇用関係にあり、人違いでないことが明らかな従業員）",
    Check.IDENTITY,
    Kind.EMPLOYER_EXEMPTION,
    RULE_2_6,
    (
        "従業員本人が自分の番号を出している",
        "対面で受け取り、担当者がその従業員を知っている",
        "入社時に運転免許証などで本人確認をしている",
    ),
)
AGENT_EXEMPTION = Exemption(
    "agent_exemption",
    "代理人の身元確認書類の省略（人違いでないことが明らかな代理人）",
    Check.AGENT_IDENTITY,
    Kind.AGENT_EXEMPTION,
    RULE_9_4,
    (
        "代理人が対面で来ている",
        "代理人は入社時に本人確認をした従業員で、担当者がその人を知っている",
    ),
)
EXEMPTIONS: dict[str, Exemption] = {e.code: e for e in (EMPLOYER_EXEMPTION, AGENT_EXEMPTION)}


@dataclass(frozen=True)
class EmployeeForm:
    """The employee's own form a dependant's number came on (DOMAIN.md §2.6): the record names
    it, and for the yearly tax forms which year's, instead of a provider and a channel."""

    code: str
    name: str
    yearly: bool  # 「令和8年分」: a form per calendar year


EMPLOYEE_FORMS: dict[Subject, tuple[EmployeeForm, ...]] = {
    Subject.DEPENDENT_TAX: (
        EmployeeForm("withholding_declaration", "給与所得者の扶養控除等（異動）申告書", True),
        EmployeeForm(
            "basic_deduction_declaration",
            "給与所得者の基礎控除申告書兼配偶者控除等申告書兼所得金額調整控除申告書",
            True,
        ),
    ),
    Subject.DEPENDENT_KENPO: (
        EmployeeForm("dependant_notification", "健康保険被扶養者（異動）届", False),
    ),
}


def employee_form(code: str) -> EmployeeForm:
    for forms in EMPLOYEE_FORMS.values():
        for form in forms:
            if form.code == code:
                return form
    raise ValueError("この申告書・届出書は一覧にありません。")


# The wizard's suggestions (the clerk may type anything else): what a difference between two
# documents usually is (issue 15: 旧住所 on a licence, 旧姓・旧氏, 通称, an alphabet name) ...
DIFFERENCE_NOTES: dict[IdentityField, tuple[str, ...]] = {
    IdentityField.NAME: ("旧姓・旧氏", "通称", "ローマ字氏名", "字体の違い（髙・高など）"),
    IdentityField.BIRTH_DATE: ("和暦・西暦の書き方の違い",),
    IdentityField.ADDRESS: ("旧住所（転居前の住所）", "住所の書き方の違い（番地・建物名）"),
}
# ... and why the usual document could not be given, for the fallback ways.
FALLBACK_REASONS: dict[Check, tuple[str, ...]] = {
    Check.IDENTITY: (
        "顔写真付きの身分証明書を持っていない",
        "運転免許証を返納し、顔写真付きの書類がない",
        "顔写真付きの書類の有効期限が切れている",
    ),
    Check.AGENT_IDENTITY: (
        "代理人が顔写真付きの身分証明書を持っていない",
        "代理人の顔写真付きの書類の有効期限が切れている",
    ),
    Check.AUTHORITY: (
        "本人が入院中で委任状を書けない",
        "本人が遠方にいて委任状が間に合わない",
        "戸籍謄本などをすぐに取り寄せられない",
    ),
}
