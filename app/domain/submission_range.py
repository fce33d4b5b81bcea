"""Which slips of a year must be submitted (提出範囲), with the rule and threshold as the reason.

Sources (FORMS.md, stored NTA and tax-practitioner pages; "exceeds" is strictly greater, so a
payment equal to a threshold is never required):
- 給与所得の源泉徴収票, 税務署提出用 (FORMS.md §2.2; NTA タックスアンサー No.7411, S1–S3):
  年末調整をした人: 役員 (相談役・顧問、年の中途まで役員だった人を含む) 150万円超,
  弁護士・司法書士・税理士等 250万円超, その他 500万円超; 年末調整をしなかった人で扶養控除等
  申告書を出した人 (年の中途で退職、災害による徴収猶予): 250万円超, 役員は50万円超; 主たる給与が
  2,000万円超で年末調整をしなかった人: 全員; 扶養控除等申告書を出していない人 (乙欄・丙欄): 50万円超.
  A leaver with no reason recorded is taken as not adjusted (年の中途で退職), unless the slip
  holds 給与所得控除後の金額, which the form leaves blank without a 年末調整 (FORMS.md §2.4): that
  leaver was adjusted (a December leaver, 死亡退職) and the 年末調整をした人 rows decide.
- 給与支払報告書 (FORMS.md §1.4, §2.2; 地方税法第317条の6): everyone on the payroll on 1 January of
  the next year, and the year's leavers; a leaver paid 30万円 or less may be left out.
- 報酬、料金、契約金及び賞金の支払調書 (FORMS.md §3; 手引 S4, S12), per payee and year (the
  total of their slips of one 区分, 「同一人に対するその年中の支払金額の合計」), to a corporation
  as to an individual (a payment not withheld on is in the range all the same): 外交員・集金人・電力量計検針人・プロボクサー・ホステス等・広告宣伝のための
  賞金・社会保険診療報酬支払基金の診療報酬 50万円超; 馬主の競馬賞金 one payment over 75万円; every
  other 報酬・料金 (弁護士・税理士, 原稿料, 講演料 …) 5万円超.
- 不動産の使用料等の支払調書 (FORMS.md §4; タックスアンサー No.7441): 15万円超 a payee a year (the
  total of their slips); to a corporation only 権利金・更新料等 count (not plain rent). The payer is taken to be a 法人.
- 退職所得の源泉徴収票 (FORMS.md §5; 手引 3-3, 令和7年度改正 S27–S30): payments up to 2025, 役員
  only; payments from 2026-01-01, every recipient (residents; the program records no non-resident).

To confirm before January 2027 (FORMS.md §0; a tax firm's note orion-tax.jp/blog/1146, not yet
an NTA page): 令和5年度改正 deems a 給与支払報告書 filed with the city to be the 源泉徴収票 filed
with the tax office for slips due from 2027-01-01, with the tax office range aligned to the
給与支払報告書. Until confirmed the §2.2 table decides the tax office copy."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.year_end import (
    FEES,
    LEFT_ON,
    NO_ADJUSTMENT,
    NO_ADJUSTMENT_REASONS,
    OFFICER,
    PAYMENT_KIND,
    PROFESSIONAL,
    RENT,
    RETIREMENT,
    SALARY,
    YearEndEntry,
)

# Filled only after a 年末調整 (FORMS.md §2.4): a leaver's slip holding it was adjusted.
ADJUSTED_AMOUNT = "income_after_deduction"
# The year from which every resident's 退職所得の源泉徴収票 goes to the tax office.
RETIREMENT_ALL_FROM = 2026
# 給与支払報告書: a leaver of the year paid this much or less may be left out.
LEAVER_OPTIONAL_UP_TO = 300_000
# 広告宣伝のための賞金 (所得税法第204条第1項第8号): a prize, so both words; a fee for advertising
# work (広告宣伝の原稿料・デザイン料・報酬) is an ordinary 報酬・料金 of the 5万円 range.
ADVERTISING_WORD = "広告宣伝"
PRIZE_WORDS = ("賞金", "懸賞", "賞品")
# The 区分 of the 50万円 range (FORMS.md §3), by a word in the 区分, each summed on its own
# (手引: 同一人に対する…の合計).
FEES_HIGH_GROUPS = {
    "sales": ("外交員", "集金人", "電力量計", "検針", "プロボクサー", "ボクサー"),
    "hostess": ("ホステス", "バンケットホステス", "コンパニオン"),
    "medical": ("診療報酬",),
}
FEES_HIGH = 500_000
FEES_OTHER = 50_000
# 馬主が受ける競馬の賞金 (所得税法第204条第1項第8号): the 馬主, or a 競馬 prize; a jockey's fee
# (競馬の騎手の報酬) is an ordinary 報酬・料金 of the 5万円 range.
RACE_PRIZE_KINDS = ("馬主",)
RACE_WORD = "競馬"
RACE_PRIZE_SINGLE = 750_000
# The largest single payment of the year (競馬賞金 only); the payment total when not given.
LARGEST_PAYMENT = "largest_payment"
RENT_THRESHOLD = 150_000
# 「権利金、更新料等」: also the 承諾料 paid for a leasehold's 増改築 or transfer (stored pages
# stonehamtax.com/?p=18, minato-zaimu.co.jp newsid=370: いわゆる更新料や承諾料).
RENT_CORPORATE_KINDS = ("権利金", "更新料", "礼金", "名義書換料", "承諾料")


class Need(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"  # may be left out (a leaver's 給与支払報告書 of 30万円 or less)
    NOT_REQUIRED = "not_required"

    @property
    def label(self) -> str:
        return NEED_LABELS[self]


NEED_LABELS = {
    Need.REQUIRED: "提出が必要",
    Need.OPTIONAL: "提出は任意",
    Need.NOT_REQUIRED: "提出は不要",
}


@dataclass(frozen=True)
class Decision:
    """Whether a slip goes to an office, and why in Japanese (the rule and its threshold)."""

    need: Need
    reason: str

    @property
    def required(self) -> bool:
        return self.need is Need.REQUIRED


def yen(amount: int) -> str:
    """150万円, 2,000万円, 5万円, 30万円; other amounts in full (1,234,567円)."""
    if amount % 10_000 == 0:
        return f"{amount // 10_000:,}万円"
    return f"{amount:,}円"


def _over(payment: int, threshold: int, who: str) -> Decision:
    if payment > threshold:
        return Decision(Need.REQUIRED, f"{who}で支払金額が{yen(threshold)}を超えるため提出が必要")
    return Decision(Need.NOT_REQUIRED, f"{who}で支払金額が{yen(threshold)}以下のため提出は不要")


def left_in_year(entry: YearEndEntry) -> bool:
    """The entry records a leaving date within its year."""
    left = entry.facts.get(LEFT_ON, "")
    try:
        return bool(left) and date.fromisoformat(left).year == entry.year
    except ValueError:
        return False


def salary_tax_office(entry: YearEndEntry) -> Decision:
    """給与所得の源泉徴収票 to the tax office: the table of FORMS.md §2.2."""
    payment = entry.amounts.get("payment", 0)
    officer = entry.flag(OFFICER)
    reason = entry.facts.get(NO_ADJUSTMENT, "")
    if not reason and left_in_year(entry) and ADJUSTED_AMOUNT not in entry.amounts:
        reason = "left"
    if reason == "over_20m":
        return Decision(
            Need.REQUIRED, "主たる給与が2,000万円を超え年末調整をしていないため提出が必要"
        )
    if reason == "otsu":
        return _over(payment, 500_000, "扶養控除等申告書の提出がなく（乙欄・丙欄）")
    if reason in NO_ADJUSTMENT_REASONS:
        why = NO_ADJUSTMENT_REASONS[reason]
        if officer:
            return _over(payment, 500_000, f"役員（{why}、年末調整なし）")
        return _over(payment, 2_500_000, f"{why}（年末調整なし）")
    if officer:
        return _over(payment, 1_500_000, "役員")
    if entry.flag(PROFESSIONAL):
        return _over(payment, 2_500_000, "弁護士・税理士等")
    return _over(payment, 5_000_000, "年末調整をした従業員")


def salary_municipal(entry: YearEndEntry) -> Decision:
    """給与支払報告書 to the city of the 1 January address: everyone on the payroll then, and
    the year's leavers, those paid 30万円 or less optional."""
    if not left_in_year(entry) and entry.facts.get(NO_ADJUSTMENT) != "left":
        return Decision(Need.REQUIRED, "翌年1月1日に在職しているため提出が必要")
    payment = entry.amounts.get("payment", 0)
    if payment > LEAVER_OPTIONAL_UP_TO:
        return Decision(
            Need.REQUIRED,
            f"年の中途の退職者で支払金額が{yen(LEAVER_OPTIONAL_UP_TO)}を超えるため提出が必要",
        )
    return Decision(
        Need.OPTIONAL,
        f"年の中途の退職者で支払金額が{yen(LEAVER_OPTIONAL_UP_TO)}以下のため提出は任意",
    )


def _kind_has(kind: str, words: tuple[str, ...]) -> bool:
    return any(word in kind for word in words)


def _race_prize(kind: str) -> bool:
    return _kind_has(kind, RACE_PRIZE_KINDS) or (RACE_WORD in kind and _kind_has(kind, PRIZE_WORDS))


def _advertising_prize(kind: str) -> bool:
    return ADVERTISING_WORD in kind and _kind_has(kind, PRIZE_WORDS)


def _high_group(kind: str) -> str | None:
    """The 50万円 group of a 報酬・料金 区分, or None for the 5万円 range."""
    if _advertising_prize(kind):
        return "advertising"
    return next((name for name, words in FEES_HIGH_GROUPS.items() if _kind_has(kind, words)), None)


def _over_total(total: int, threshold: int, who: str) -> Decision:
    """A payee's several slips of one threshold group: the year's total decides them all."""
    if total > threshold:
        return Decision(
            Need.REQUIRED,
            f"{who}で同じ支払先への年間の支払金額の合計が{yen(threshold)}を超えるため提出が必要",
        )
    return Decision(
        Need.NOT_REQUIRED,
        f"{who}で同じ支払先への年間の支払金額の合計が{yen(threshold)}以下のため提出は不要",
    )


def fees(entry: YearEndEntry, *, total: int | None = None, largest: int | None = None) -> Decision:
    """報酬、料金、契約金及び賞金の支払調書 to the tax office (FORMS.md §3), a corporation's as an
    individual's (a payment the payer does not withhold on is in the range all the same).
    `total` (and `largest`) are those of the payee's slips of the year in the same 区分
    (`tax_office_all`)."""
    kind = entry.facts.get(PAYMENT_KIND, "")
    payment = entry.amounts.get("payment", 0)
    over = _over if total is None else _over_total
    if _race_prize(kind):
        if largest is None:
            largest = entry.amounts.get(LARGEST_PAYMENT, payment)
        if largest > RACE_PRIZE_SINGLE:
            return Decision(
                Need.REQUIRED,
                f"馬主の競馬賞金で1回の支払金額が{yen(RACE_PRIZE_SINGLE)}を超えるため提出が必要",
            )
        return Decision(
            Need.NOT_REQUIRED,
            f"馬主の競馬賞金で1回の支払金額が{yen(RACE_PRIZE_SINGLE)}以下のため提出は不要",
        )
    amount = payment if total is None else total
    if _high_group(kind) is not None:
        return over(amount, FEES_HIGH, f"{kind}の報酬・料金")
    return over(amount, FEES_OTHER, f"{kind}の報酬・料金" if kind else "報酬・料金")


def rent(entry: YearEndEntry, *, corporate_payee: bool, total: int | None = None) -> Decision:
    """不動産の使用料等の支払調書 to the tax office (FORMS.md §4); `total` as for `fees`."""
    kind = entry.facts.get(PAYMENT_KIND, "")
    payment = entry.amounts.get("payment", 0)
    if corporate_payee and not _kind_has(kind, RENT_CORPORATE_KINDS):
        return Decision(
            Need.NOT_REQUIRED, "法人への支払で権利金・更新料等ではない（家賃・地代）ため提出は不要"
        )
    who = "法人への権利金・更新料等" if corporate_payee else "不動産の使用料等"
    if total is None:
        return _over(payment, RENT_THRESHOLD, who)
    return _over_total(total, RENT_THRESHOLD, who)


def retirement(entry: YearEndEntry) -> Decision:
    """退職所得の源泉徴収票 to the tax office (and the 特別徴収票 to the city) (FORMS.md §5)."""
    if entry.year >= RETIREMENT_ALL_FROM:
        return Decision(Need.REQUIRED, "2026年1月1日以後の退職手当は受給者全員について提出が必要")
    if entry.flag(OFFICER):
        return Decision(Need.REQUIRED, "役員への退職手当のため提出が必要")
    return Decision(Need.NOT_REQUIRED, "役員以外への退職手当のため提出は不要（2025年分まで）")


def tax_office(entry: YearEndEntry, *, corporate_payee: bool = False) -> Decision:
    """The tax office copy of any form the program keeps content for."""
    if entry.form == SALARY:
        return salary_tax_office(entry)
    if entry.form == FEES:
        return fees(entry)
    if entry.form == RENT:
        return rent(entry, corporate_payee=corporate_payee)
    if entry.form == RETIREMENT:
        return retirement(entry)
    raise ValueError(entry.form)


def _group(entry: YearEndEntry, corporate_payee: bool) -> tuple[int, int, str, str] | None:
    """The slips whose payments are summed against one threshold: a payee's 支払調書 of a year
    by threshold group (同一人に対するその年中の支払金額の合計額); None for a slip decided alone."""
    kind = entry.facts.get(PAYMENT_KIND, "")
    if entry.form == FEES:
        race = _race_prize(kind)
        group = "race" if race else _high_group(kind) or "other"
        return (entry.person_id, entry.year, FEES, group)
    if entry.form == RENT and not (corporate_payee and not _kind_has(kind, RENT_CORPORATE_KINDS)):
        return (entry.person_id, entry.year, RENT, "")
    return None


def tax_office_all(
    entries: Sequence[YearEndEntry], *, corporate_payees: Collection[int]
) -> list[Decision]:
    """`tax_office` for each entry, a payee's 支払調書 decided on the year's total of their
    slips in the same threshold group (FORMS.md §3, §4: per payee per year), in order."""
    totals: dict[tuple[int, int, str, str], int] = {}
    largest: dict[tuple[int, int, str, str], int] = {}
    slips: dict[tuple[int, int, str, str], int] = {}
    keys = [_group(entry, entry.person_id in corporate_payees) for entry in entries]
    for entry, key in zip(entries, keys, strict=True):
        if key is None:
            continue
        payment = entry.amounts.get("payment", 0)
        totals[key] = totals.get(key, 0) + payment
        largest[key] = max(largest.get(key, 0), entry.amounts.get(LARGEST_PAYMENT, payment))
        slips[key] = slips.get(key, 0) + 1
    decisions = []
    for entry, key in zip(entries, keys, strict=True):
        corporate = entry.person_id in corporate_payees
        if key is None or slips[key] == 1:
            decisions.append(tax_office(entry, corporate_payee=corporate))
        elif entry.form == FEES:
            decisions.append(fees(entry, total=totals[key], largest=largest[key]))
        else:
            decisions.append(rent(entry, corporate_payee=corporate, total=totals[key]))
    return decisions
