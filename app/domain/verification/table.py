"""The decision table of DOMAIN.md §2.7, row by row, in the clerk's words, with where each row
lives in the rules (for the help page and for the tests, which check every row has cases)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.verification.terms import (
    DIGITAL_PROCEDURES_ACT,
    DOCUMENT_TABLES,
    GUIDELINE_DEPENDENTS,
    GUIDELINE_PAYEE,
    LAW_16,
    NTA_FAQ,
    ORDER_12_1_1,
    ORDER_12_2,
    PENSION_ACT_12_5,
    RULE_1_1,
    RULE_2_1,
    RULE_2_3,
    RULE_2_5,
    RULE_2_6,
    RULE_3,
    RULE_6_1_1,
    RULE_6_1_2,
    RULE_9_4,
    RULE_11,
)


@dataclass(frozen=True)
class DecisionRow:
    number: int
    condition: str
    outcome: str
    basis: str
    # Where the row is implemented (for developers): the data and the branch of assess().
    implemented_by: str


DECISION_TABLE: tuple[DecisionRow, ...] = (
    DecisionRow(
        0,
        "扶養控除等申告書・被扶養者届に従業員が書いた扶養親族の番号",
        "事業者は扶養親族の本人確認をしません。「従業員が確認（個人番号関係事務実施者）」と記録し、"
        "従業員本人の本人確認と結びつけます。検査用数字は確かめます。",
        GUIDELINE_DEPENDENTS,
        "SUBJECTS[DEPENDENT_*].employer_verifies=False; Flags.employee_verification_linked; "
        "assess -> Outcome.VERIFIED_BY_EMPLOYEE",
    ),
    DecisionRow(
        1,
        "本人が対面で個人番号カードを見せた",
        "これ1枚で番号確認と身元確認ができます。ほかの書類と見比べる照合は要りません。顔写真と顔を"
        "見比べ、有効期限内かを確かめます。",
        LAW_16,
        "individual_number_card: kinds NUMBER_DOCUMENT+PHOTO_ID, has_expiry; face check in person; "
        "Assessment.comparison_needed=False (assess._card_alone)",
    ),
    DecisionRow(
        2,
        "本人が対面で、住民票の写し（個人番号付き）または変更のない通知カードと、顔写真付きの身分証明書1点",
        "氏名と、生年月日または住所が一致すれば確認できます。",
        f"{ORDER_12_1_1}・{RULE_1_1}",
        "WAYS (NUMBER, SELF) _NUMBER_BY_DOCUMENT + (IDENTITY, SELF) _PHOTO; Comparison",
    ),
    DecisionRow(
        3,
        "2と同じで、顔写真付きの身分証明書がない",
        "顔写真のない書類が2点以上必要です。",
        RULE_2_3,
        "WAYS (IDENTITY, SELF) _NON_PHOTO: NON_PHOTO_ID x 2 distinct types",
    ),
    DecisionRow(
        4,
        "入社時に本人確認をした従業員が、対面で自分の番号を出した",
        "身元確認書類は省略できます。番号確認の書類は必ず要ります。",
        RULE_2_6,
        "EMPLOYER_EXEMPTION; employer_exemption_available(); no exemption exists for NUMBER",
    ),
    DecisionRow(
        5,
        "通知カードの氏名・住所などが変わっている（2020年5月25日以降の変更、またはそれより前の変更で"
        "市区町村の裏書きのないもの）",
        "通知カードは使えません。個人番号カードか住民票の写し（個人番号付き）を求めます。2020年5月25日"
        "より前の変更が裏書きされ、今の住民票と同じなら使えます。",
        DIGITAL_PROCEDURES_ACT,
        "notification_card.needs_unchanged_details; PresentedDocument.details_unchanged, "
        "endorsed_before_abolition",
    ),
    DecisionRow(
        6,
        "個人番号通知書を見せられた",
        "使えません。",
        DOCUMENT_TABLES,
        "number_notice.refusal (never accepted, listed under NUMBER)",
    ),
    DecisionRow(
        7,
        "郵送",
        "1〜3と同じ書類の写しでかまいません。前に本人確認をした人は、番号を前の記録と照合できます（10）。"
        "身元確認書類の省略（4）は使えません（顔を見て確かめられないため）。",
        RULE_11,
        "accepted_forms(POST) = original or copy (委任状 original only); exemption needs IN_PERSON",
    ),
    DecisionRow(
        8,
        "オンライン",
        "番号確認：個人番号カードのICチップ、カードや番号確認の書類の画像、または前の記録との照合。"
        "身元確認：カードのICチップ、顔写真付きの身分証明書の画像、または本人確認のうえ事業者が発行したIDとパスワード。",
        RULE_3,
        "image_online / ic_chip on documents; prior_record; employer_credentials",
    ),
    DecisionRow(
        9,
        "電話",
        "前に本人確認をした記録がある人に限ります。番号は記録との照合、身元は本人しか知り得ない事項の確認。"
        "記録がなければ受け付けません。",
        RULE_2_5,
        "allowed_channels(): PHONE only with prior_verified_record_exists; prior_record + phone_questions",
    ),
    DecisionRow(
        10,
        "本人確認済みの従業員が、毎年の申告書などでもう一度番号を出した（対面・郵送・オンライン・電話）",
        "番号確認は前の記録との照合でできます。身元確認は4（対面のとき）、または1〜3・7・8・9のとおりです。",
        f"{RULE_2_1}・{NTA_FAQ}",
        "WAYS (NUMBER, SELF) _NUMBER_BY_PRIOR_RECORD (in person, post, online, phone) + row 4",
    ),
    DecisionRow(
        11,
        "任意代理人（例：配偶者の代わりに番号を出す従業員）",
        "委任状と、代理人の身元確認（顔写真付き1点、顔写真なし2点、または代理人が対面で来た入社時確認済みの"
        "従業員なら省略）と、本人の番号確認の書類（原本でも写しでも）が必要です。対面か郵送に限ります"
        "（電話（施行規則第9条第3項）は条件を確かめられないため受け付けません）。",
        f"{ORDER_12_2}・{RULE_6_1_2}・{RULE_9_4}",
        "PROVIDERS[VOLUNTARY_AGENT]; WAYS (AUTHORITY, VOLUNTARY_AGENT); AGENT_EXEMPTION",
    ),
    DecisionRow(
        12,
        "法定代理人（親権者・成年後見人など）",
        "戸籍謄本・成年後見の登記事項証明書などと、代理人の身元確認と、本人の番号確認の書類が必要です。",
        f"{ORDER_12_2}・{RULE_6_1_1}",
        "PROVIDERS[LEGAL_AGENT]; WAYS (AUTHORITY, LEGAL_AGENT)",
    ),
    DecisionRow(
        13,
        "国民年金第3号被保険者の配偶者本人が番号を出した",
        "1〜3・7・8が配偶者に当てはまります。従業員ではないので4の省略は使えません。",
        PENSION_ACT_12_5,
        "SUBJECTS[SPOUSE_3GO]: employer_verifies, employer_exemption_possible=False",
    ),
    DecisionRow(
        14,
        "支払先（報酬・不動産の使用料・配当など）",
        "1〜3・7・8が当てはまります。雇用関係がないので4の省略は使えません。支払調書が要らないことが"
        "明らかな支払では番号を求めません。",
        GUIDELINE_PAYEE,
        "SUBJECTS[PAYEE]: employer_exemption_possible=False; note",
    ),
)
