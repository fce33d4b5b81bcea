"""Consignees (委託先, 特定個人情報取扱規程 第42条・第43条) as data and pure rules: the six points
of the selection check, the ten contract clauses, the April hearing and when a consignee may be
approved to handle My Numbers. The texts are quoted from the office's regulation
(/work/shared/regulations/004_…: 第42条第3項 ①–⑥, 第4項 ①–⑩, 第5項; 第43条)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

SOURCE = "特定個人情報取扱規程 第42条・第43条"


@dataclass(frozen=True)
class Point:
    code: str
    label: str  # short, for a checkbox or a table cell
    text: str  # the regulation's words
    article: str


# 第42条第3項: 「委託先の適切な選定」 — checked beforehand against the office's standard.
SELECTION_POINTS: tuple[Point, ...] = (
    Point("facilities", "設備", "設備", "第42条第3項①"),
    Point("technology", "技術水準", "技術水準", "第42条第3項②"),
    Point(
        "staff_supervision",
        "従業者に対する監督・教育の状況",
        "従業者に対する監督・教育の状況",
        "第42条第3項③",
    ),
    Point("business", "経営環境状況", "経営環境状況", "第42条第3項④"),
    Point(
        "safety_management",
        "特定個人情報の安全管理の状況",
        "特定個人情報の安全管理の状況（「個人番号を取り扱う事務の範囲の明確化」、"
        "「特定個人情報等の範囲の明確化」、「事務取扱担当者の明確化」及び"
        "「個人番号の削除、機器及び電子媒体等の廃棄」等を含む。）",
        "第42条第3項⑤",
    ),
    Point(
        "antisocial",
        "暴力団員等に該当しないこと",
        "暴力団員等（暴力団、暴力団員、暴力団員でなくなった時から5年を経過しない者、"
        "暴力団準構成員、暴力団関係企業、総会屋等、社会運動等標ぼうゴロ若しくは特殊知能暴力"
        "集団等、その他これらに準ずる者）又は同項⑥(i)〜(v)のいずれにも該当しないこと",
        "第42条第3項⑥",
    ),
)

# 第42条第4項: 委託契約の内容として盛り込む規定等.
CONTRACT_CLAUSES: tuple[Point, ...] = (
    Point("confidentiality", "秘密保持義務", "秘密保持義務に関する規定", "第42条第4項①"),
    Point(
        "no_carry_out",
        "事業所内からの持出しの禁止",
        "事業所内からの特定個人情報等の持出しの禁止",
        "第42条第4項②",
    ),
    Point("no_other_use", "目的外利用の禁止", "特定個人情報等の目的外利用の禁止", "第42条第4項③"),
    Point("sub_consignment", "再委託における条件", "再委託における条件", "第42条第4項④"),
    Point(
        "leak_liability",
        "漏えい事案等が発生した場合の委託先の責任",
        "漏えい事案等が発生した場合の委託先の責任に関する規定",
        "第42条第4項⑤",
    ),
    Point(
        "return_or_disposal",
        "契約終了後の返却又は廃棄",
        "委託契約終了後の特定個人情報等の返却又は廃棄に関する規定",
        "第42条第4項⑥",
    ),
    Point(
        "staff_training",
        "従業者に対する監督・教育",
        "従業者に対する監督・教育に関する規定",
        "第42条第4項⑦",
    ),
    Point(
        "compliance_reports",
        "遵守状況の報告",
        "契約内容の遵守状況について報告を求める規定",
        "第42条第4項⑧",
    ),
    Point(
        "named_staff",
        "取り扱う従業者の明確化",
        "特定個人情報を取り扱う従業者の明確化に関する規定",
        "第42条第4項⑨",
    ),
    Point(
        "on_site_audit",
        "実地の調査",
        "委託者が委託先に対して実地の調査を行うことができる規定",
        "第42条第4項⑩",
    ),
)

SELECTION_CODES = tuple(p.code for p in SELECTION_POINTS)
CLAUSE_CODES = tuple(c.code for c in CONTRACT_CLAUSES)
HEARING_TEXT = (
    "法人は、委託先において特定個人情報等の安全管理が適切に行われていることについて、"
    "毎年4月、及び必要に応じてヒヤリング等を実施するものとする。（第42条第5項）"
)
HEARING_MONTH = 4


class ConsigneeState(StrEnum):
    SELECTING = "selecting"  # registered, selection or contract not settled: no numbers yet
    ACTIVE = "active"  # approved: may be handed the consigned work
    ENDED = "ended"

    @property
    def label(self) -> str:
        return {"selecting": "選定中", "active": "委託中", "ended": "終了"}[self.value]


class HearingKind(StrEnum):
    APRIL = "april"
    EXTRA = "extra"

    @property
    def label(self) -> str:
        return {"april": "毎年4月の点検", "extra": "随時の点検"}[self.value]


class HearingResult(StrEnum):
    ADEQUATE = "adequate"
    IMPROVE = "improve"

    @property
    def label(self) -> str:
        return {"adequate": "適切", "improve": "要改善"}[self.value]


def answers(codes: tuple[str, ...], given: dict[str, bool]) -> dict[str, bool]:
    """Every code answered: an unknown code raises ValueError, a missing one is False."""
    unknown = set(given) - set(codes)
    if unknown:
        raise ValueError("unknown code")
    return {code: bool(given.get(code, False)) for code in codes}


def missing(points: tuple[Point, ...], given: dict[str, bool]) -> tuple[Point, ...]:
    return tuple(p for p in points if not given.get(p.code, False))


def approval_gaps(
    selection: dict[str, bool], clauses: dict[str, bool], contract_on: date | None
) -> tuple[str, ...]:
    """Why a consignee may not yet be approved to handle numbers; empty when it may.

    The rule chosen from 第42条: the 「必要かつ適切な監督」 the office owes includes the
    appropriate selection (第2項①), checked beforehand (「あらかじめ確認する」, 第3項) on all six
    points, and a contract that holds the ten clauses (「盛り込むものとする」, 第4項). So numbers
    are handed over only when all six points are met and a dated contract holds all ten.
    """
    gaps = [f"選定：{p.label}（{p.article}）" for p in missing(SELECTION_POINTS, selection)]
    if contract_on is None:
        gaps.append("委託契約の締結日")
    gaps += [f"契約：{c.label}（{c.article}）" for c in missing(CONTRACT_CLAUSES, clauses)]
    return tuple(gaps)


def april_due_on(year: int) -> date:
    """The last day of the April hearing of `year`; after it the hearing is overdue."""
    return date(year, HEARING_MONTH, 30)


def hearing_year(on: date) -> int:
    """The latest hearing year whose April has begun on `on` (January–March: last year's)."""
    return on.year if on.month >= HEARING_MONTH else on.year - 1


def hearing_owed(approved_on: date | None, ended_on: date | None, year: int) -> bool:
    """Whether the April hearing of `year` is owed: the consignee was approved before that
    April began (one approved in or after April is first heard the next April) and had not
    ended by its end."""
    if approved_on is None or approved_on >= date(year, HEARING_MONTH, 1):
        return False
    return ended_on is None or ended_on > april_due_on(year)


@dataclass(frozen=True)
class HearingStatus:
    year: int
    due_on: date
    held: bool
    overdue: bool


def hearing_status(
    approved_on: date | None,
    ended_on: date | None,
    held_years: frozenset[int],
    on: date,
) -> HearingStatus | None:
    """The April hearing a consignee owes on `on`, held or not; None when none is owed."""
    year = hearing_year(on)
    if not hearing_owed(approved_on, ended_on, year):
        return None
    held = year in held_years
    due_on = april_due_on(year)
    return HearingStatus(year, due_on, held, not held and on > due_on)
