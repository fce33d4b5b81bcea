"""The 事務 (purposes) an employer may use My Numbers for (DOMAIN.md §3.1), as data.

Each number is collected for named purposes (規程第19条・第26条); the purpose notice lists them,
a clerk's scope is a set of them, and the retention rules (app.domain.retention) key on them.
労災 is deliberately not here: the employer is not a 個人番号関係事務実施者 for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.my_number import echo


class PersonKind(StrEnum):
    EMPLOYEE = "employee"
    DEPENDENT = "dependent"
    PAYEE = "payee"

    @property
    def label(self) -> str:
        return {"employee": "従業員", "dependent": "扶養親族", "payee": "支払先（個人）"}[
            self.value
        ]


class StartRule(StrEnum):
    """How app.domain.retention turns the end of the need (退職日 etc.) into a document's end."""

    # The last form is the one for the year the need ended; kept `years` from the next Jan 11.
    TAX_YEAR = "tax_year"
    # 「その完結の日」: the day the need ended; kept `years` from that day.
    COMPLETION = "completion"
    # No retention for the copy: needed until the return for the year the need ended is filed.
    FILING = "filing"


@dataclass(frozen=True)
class DocumentRetention:
    """How long a document that carries the number must be kept, and from when."""

    document: str
    years: int | None  # None: no statutory retention identified for the employer's copy
    start: str  # 起算日, in the words of the rule
    basis: str
    # None: the document never keeps the number longer than another of its purpose, so the
    # retention rules leave it out rather than list a reason that cannot decide.
    start_rule: StartRule | None = None
    # Given once, when the employee leaves (退職所得の受給に関する申告書), not while employed.
    at_leaving: bool = False


@dataclass(frozen=True)
class Purpose:
    code: str
    name: str
    person_kinds: frozenset[PersonKind]
    legal_basis: str
    documents: tuple[DocumentRetention, ...]

    @property
    def short_name(self) -> str:
        """The name without the forms in brackets: 源泉徴収事務."""
        return self.name.split("（", 1)[0]


CATALOG: dict[str, Purpose] = {
    purpose.code: purpose
    for purpose in (
        Purpose(
            "tax_withholding",
            "源泉徴収事務（扶養控除等申告書・源泉徴収票・給与支払報告書・退職所得の申告書）",
            frozenset({PersonKind.EMPLOYEE, PersonKind.DEPENDENT}),
            "番号法第9条第4項、所得税法第194条・第203条・第226条、地方税法第317条の6",
            (
                DocumentRetention(
                    "給与所得者の扶養控除等（異動）申告書",
                    7,
                    "提出期限の属する年の翌年1月10日の翌日",
                    "所得税法施行規則第76条の3",
                    StartRule.TAX_YEAR,
                ),
                # Given at 年末調整 of a year whose 扶養控除等申告書 already holds the number, so
                # it ends with that form or earlier (a mid-year leaver has none for the year).
                DocumentRetention(
                    "基礎控除申告書兼配偶者控除等申告書兼所得金額調整控除申告書",
                    7,
                    "提出期限の属する年の翌年1月10日の翌日",
                    "所得税法施行規則第76条の3",
                ),
                DocumentRetention(
                    "退職所得の受給に関する申告書",
                    7,
                    "提出期限の属する年の翌年1月10日の翌日",
                    "所得税法施行規則第77条",
                    StartRule.TAX_YEAR,
                    at_leaving=True,
                ),
                # Filed by Jan 31 after the year, long before the 申告書's seven years end.
                DocumentRetention(
                    "給与所得の源泉徴収票（控え）", None, "—", "所得税法第226条第1項"
                ),
            ),
        ),
        Purpose(
            "payment_records",
            "支払調書作成事務（報酬・料金、不動産の使用料等、不動産等の譲受けの対価、配当）",
            frozenset({PersonKind.PAYEE}),
            "番号法第9条第4項、所得税法第224条・第225条",
            (
                DocumentRetention(
                    "支払調書（控え）",
                    None,
                    "—",
                    "所得税法第225条第1項",
                    StartRule.FILING,
                ),
            ),
        ),
        Purpose(
            "employment_insurance",
            "雇用保険届出事務（資格取得・喪失届、育児・介護休業給付等）",
            frozenset({PersonKind.EMPLOYEE}),
            "番号法第9条第4項、雇用保険法第7条",
            (
                DocumentRetention(
                    "雇用保険の被保険者に関する書類",
                    4,
                    "その完結の日",
                    "雇用保険法施行規則第143条",
                    StartRule.COMPLETION,
                ),
            ),
        ),
        Purpose(
            "health_pension",
            "健康保険・厚生年金保険届出事務（資格取得届、被扶養者異動届等）",
            frozenset({PersonKind.EMPLOYEE, PersonKind.DEPENDENT}),
            "番号法第9条第4項、健康保険法第48条・第197条、厚生年金保険法第27条・第98条",
            (
                DocumentRetention(
                    "健康保険・厚生年金保険に関する書類",
                    2,
                    "その完結の日",
                    "健康保険法施行規則第34条、厚生年金保険法施行規則第28条",
                    StartRule.COMPLETION,
                ),
            ),
        ),
        Purpose(
            "national_pension_3",
            "国民年金第3号被保険者届出事務",
            frozenset({PersonKind.DEPENDENT}),
            "番号法第9条第4項、国民年金法第12条第5項・第6項",
            (
                # No employer-specific provision was found; kept like 健保・厚年 (DOMAIN.md §3.1).
                DocumentRetention(
                    "国民年金第3号被保険者関係届（控え）",
                    2,
                    "その完結の日",
                    "規定なし（健康保険・厚生年金保険に準じる）",
                    StartRule.COMPLETION,
                ),
            ),
        ),
    )
}

NOT_A_PURPOSE_WORKERS_COMP = (
    "労災保険の給付請求では、事業主は個人番号関係事務実施者ではありません。"
    "個人番号を求めたり、集めたり、保管したりしてはいけません（証明のために見た書類の写しを残す場合は"
    "個人番号を見えないようにしてください）。そのため、この製品には労災の事務はありません。"
)


def purpose(code: str) -> Purpose:
    """The catalog entry; a code for 労災 gets the reason it is not a purpose."""
    if code in ("rousai", "workers_compensation", "労災"):
        raise ValueError(NOT_A_PURPOSE_WORKERS_COMP)
    try:
        return CATALOG[code]
    except KeyError:
        raise ValueError(
            f"事務「{echo(code)}」はありません。使えるもの：{'、'.join(CATALOG)}"
        ) from None
