"""The words of identity verification (本人確認, 番号法第16条): the checks, who and how, and the
citations every explanation names (DOMAIN.md §2).

Citations live here only, so that correcting an article number is one edit. They translate the
short forms of DOMAIN.md mechanically (「規2⑥」 → 施行規則第2条第6項, 「規1一」 → 第1条第1号,
「令12②三」 → 施行令第12条第2項第3号); DOMAIN.md rates the exact 規則 paragraph numbers as medium
confidence (taken from the 2025 guideline map), so they must be checked before release.
"""

from __future__ import annotations

from enum import StrEnum

LAW_16 = "番号法第16条"
ORDER_12_1 = "番号法施行令第12条第1項"
ORDER_12_1_1 = "番号法施行令第12条第1項第1号"
ORDER_12_2 = "番号法施行令第12条第2項"
ORDER_12_2_1 = "番号法施行令第12条第2項第1号"
ORDER_12_2_2 = "番号法施行令第12条第2項第2号"
ORDER_12_2_3 = "番号法施行令第12条第2項第3号"
RULE_1_1 = "番号法施行規則第1条第1号"
RULE_1_2 = "番号法施行規則第1条第2号"
RULE_1 = "番号法施行規則第1条第1号・第2号"
RULE_2_1 = "番号法施行規則第2条第1項"
RULE_2_3 = "番号法施行規則第2条第3項"
RULE_2_5 = "番号法施行規則第2条第5項"
RULE_2_6 = "番号法施行規則第2条第6項"
RULE_3 = "番号法施行規則第3条"
RULE_6_1_1 = "番号法施行規則第6条第1項第1号"
RULE_6_1_2 = "番号法施行規則第6条第1項第2号"
RULE_6_1_3 = "番号法施行規則第6条第1項第3号"
RULE_7_1 = "番号法施行規則第7条第1項"
RULE_7_2 = "番号法施行規則第7条第2項"
RULE_8 = "番号法施行規則第8条"
RULE_9_1 = "番号法施行規則第9条第1項"
RULE_9_3 = "番号法施行規則第9条第3項"
RULE_9_4 = "番号法施行規則第9条第4項"
RULE_10 = "番号法施行規則第10条"
RULE_11 = "番号法施行規則第11条"
DIGITAL_PROCEDURES_ACT = "デジタル手続法（令和元年法律第16号）附則第6条第2項"
NTA_NOTICE = "平成27年国税庁告示第2号"
DOCUMENT_TABLES = "国税庁・市区町村の本人確認書類の案内"
NTA_FAQ = "国税庁「本人確認に関するFAQ」"
GUIDELINE = "特定個人情報ガイドライン（事業者編）"
# Written (1), not ⑴: the bundled IPAex font has no parenthesised digits, so a PDF would print
# a box.
GUIDELINE_DEPENDENTS = GUIDELINE + "第4-1-(1)1Ab・第4-3-(1)1B"
GUIDELINE_PAYEE = GUIDELINE + "第4-3-(1)2"
PENSION_ACT_12_5 = "国民年金法第12条第5項"
# The PPC guideline's map of the 本人確認 rules (第4-3-⑷ 参考1): which 規則 paragraph serves which
# check and channel (read in full, 令和7年6月 version; DOMAIN.md sources 1).
GUIDELINE_MAP = GUIDELINE + "第4-3-(4)"
# The end of the 健康保険証 (DOMAIN.md §2.2): no new cards since 2024-12-02; those issued before
# were deemed valid for at most one year after (令和5年法律第48号, the transitional rule of its
# 附則, per the MHLW 医療保険部会 material on it), so every one had expired by 2025-12-01
# (デジタル庁 マイナンバー総合FAQ 3505: 「令和7年12月1日をもって、全ての保険者において発行済みの
# 健康保険証の有効期限が到来し」). The 附則's article number was not found in a primary text.
HEALTH_CARD_TRANSITION = "令和5年法律第48号附則の経過措置"
MYNA_FAQ = "デジタル庁「マイナンバー総合FAQ」"

# Every citation an explanation may carry; a test checks each message names one of them.
CITATIONS = (
    LAW_16,
    ORDER_12_1,
    ORDER_12_1_1,
    ORDER_12_2,
    ORDER_12_2_1,
    ORDER_12_2_2,
    ORDER_12_2_3,
    RULE_1_1,
    RULE_1_2,
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
    RULE_9_3,
    RULE_9_4,
    RULE_10,
    RULE_11,
    DIGITAL_PROCEDURES_ACT,
    NTA_NOTICE,
    DOCUMENT_TABLES,
    NTA_FAQ,
    GUIDELINE_DEPENDENTS,
    GUIDELINE_PAYEE,
    PENSION_ACT_12_5,
    GUIDELINE_MAP,
    HEALTH_CARD_TRANSITION,
)


class Check(StrEnum):
    """What must be confirmed. From the person: 番号確認 + 身元確認 (法16, 令12①); from an
    agent: 代理権 + 代理人の身元 + 本人の番号確認 (令12②)."""

    NUMBER = "number"
    IDENTITY = "identity"
    AUTHORITY = "authority"
    AGENT_IDENTITY = "agent_identity"

    @property
    def label(self) -> str:
        return _CHECK_LABELS[self]

    @property
    def meaning(self) -> str:
        """What the check is for, in words a clerk who never read the 規則 understands."""
        return _CHECK_MEANINGS[self]


_CHECK_LABELS = {
    Check.NUMBER: "番号確認",
    Check.IDENTITY: "身元確認",
    Check.AUTHORITY: "代理権の確認",
    Check.AGENT_IDENTITY: "代理人の身元確認",
}
_CHECK_MEANINGS = {
    Check.NUMBER: "受け取る個人番号が正しい番号かを確かめる",
    Check.IDENTITY: "番号を出した人が、その番号の本人であることを確かめる",
    Check.AUTHORITY: "代理人が、本人に代わって番号を出す権限を持っていることを確かめる",
    Check.AGENT_IDENTITY: "来た（書類を送った）代理人が、その代理人本人であることを確かめる",
}


class Subject(StrEnum):
    """Whose number is received (DOMAIN.md §2.7 inputs)."""

    EMPLOYEE = "employee"
    SPOUSE_3GO = "spouse_3go"
    DEPENDENT_TAX = "dependent_tax"
    DEPENDENT_KENPO = "dependent_kenpo"
    PAYEE = "payee"

    @property
    def label(self) -> str:
        return _SUBJECT_LABELS[self]


_SUBJECT_LABELS = {
    Subject.EMPLOYEE: "従業員",
    Subject.SPOUSE_3GO: "従業員の配偶者（国民年金第3号被保険者関係届）",
    Subject.DEPENDENT_TAX: "扶養親族（従業員の扶養控除等申告書に書かれた人）",
    Subject.DEPENDENT_KENPO: "被扶養者（従業員の健康保険被扶養者届に書かれた人）",
    Subject.PAYEE: "支払先の個人（報酬・不動産の使用料・配当など）",
}


class Provider(StrEnum):
    """Who hands the number over."""

    SELF = "self"
    VOLUNTARY_AGENT = "voluntary_agent"
    LEGAL_AGENT = "legal_agent"

    @property
    def label(self) -> str:
        return _PROVIDER_LABELS[self]

    @property
    def is_agent(self) -> bool:
        return self is not Provider.SELF


_PROVIDER_LABELS = {
    Provider.SELF: "本人",
    Provider.VOLUNTARY_AGENT: "任意代理人（本人から頼まれた人。家族の分を出す従業員もこれです）",
    Provider.LEGAL_AGENT: "法定代理人（未成年者の親権者、成年後見人など）",
}


class Channel(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    ONLINE = "online"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.IN_PERSON: "対面",
    Channel.POST: "郵送",
    Channel.ONLINE: "オンライン",
    Channel.PHONE: "電話",
}


class Form(StrEnum):
    """How a document reached the clerk."""

    ORIGINAL = "original"
    COPY = "copy"
    IMAGE = "image"
    IC_CHIP = "ic_chip"

    @property
    def label(self) -> str:
        return _FORM_LABELS[self]

    @property
    def short_label(self) -> str:
        """Without brackets, to follow a document's own name: 「住民票の写し（個人番号付き）：写し」,
        never 「…（写し（コピー））」."""
        return _FORM_SHORT_LABELS[self]


_FORM_LABELS = {
    Form.ORIGINAL: "原本",
    Form.COPY: "写し（コピー）",
    Form.IMAGE: "画像データ",
    Form.IC_CHIP: "ICチップの読み取り",
}
_FORM_SHORT_LABELS = {
    Form.ORIGINAL: "原本",
    Form.COPY: "写し",
    Form.IMAGE: "画像データ",
    Form.IC_CHIP: "ICチップの読み取り",
}


class Holder(StrEnum):
    """Whose document it is: the person whose number it is, or the agent who came for them."""

    PRINCIPAL = "principal"
    AGENT = "agent"

    @property
    def label(self) -> str:
        return "本人" if self is Holder.PRINCIPAL else "代理人"


class IdentityField(StrEnum):
    """The 個人識別事項 compared between documents: 氏名 + (生年月日 or 住所)."""

    NAME = "name"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"

    @property
    def label(self) -> str:
        return {"name": "氏名", "birth_date": "生年月日", "address": "住所"}[self.value]


class FieldResult(StrEnum):
    """One 個人識別事項 as compared across the documents."""

    MATCH = "match"
    DIFFERS = "differs"

    @property
    def label(self) -> str:
        return "一致" if self is FieldResult.MATCH else "相違"


class Outcome(StrEnum):
    VERIFIED = "verified"
    VERIFIED_BY_EMPLOYEE = "verified_by_employee"
    INSUFFICIENT = "insufficient"
    # A photo shows someone else: the whole check stops, whatever else was presented.
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.VERIFIED: "本人確認ができました",
    Outcome.VERIFIED_BY_EMPLOYEE: "従業員が本人確認をしたものとして記録します（個人番号関係事務実施者としての従業員）",
    Outcome.INSUFFICIENT: "本人確認が足りません",
    Outcome.STOPPED: "本人確認を中止してください（顔写真が来た人と一致しません）",
}
