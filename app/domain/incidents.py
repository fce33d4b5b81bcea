"""Leak incidents (漏えい等事案, 規程第12–14条, DOMAIN.md §6): what happened, whether it must be
reported to the PPC and the persons told (漏えい等報告規則第2条 各号), the nine report items,
and the states of the persons to notify and of the recurrence measures. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.domain.incident_deadlines import Deadlines, deadlines

# 規則第2条第4号: more than this many persons.
MANY_PERSONS = 100
# A count no office's incident reaches: a larger one is a typing error (or a number typed
# into the count), never kept nor printed.
MAX_PERSONS = 10_000_000


class IncidentKind(StrEnum):
    LEAK = "leak"  # 漏えい: the data went outside
    LOSS = "loss"  # 滅失: the content is lost
    DAMAGE = "damage"  # 毀損: altered or unusable (ransomware encryption included)

    @property
    def label(self) -> str:
        return {"leak": "漏えい", "loss": "滅失", "damage": "毀損"}[self.value]


class IncidentState(StrEnum):
    OPEN = "open"  # registered, being investigated
    PRELIMINARY = "preliminary"  # 速報 sent
    FINAL = "final"  # 確報 sent
    CLOSED = "closed"  # handled (for an event that needs no report: closed after the check)

    @property
    def label(self) -> str:
        return {
            "open": "対応中",
            "preliminary": "速報済み",
            "final": "確報済み",
            "closed": "完了",
        }[self.value]


@dataclass(frozen=True)
class Checklist:
    """The answers that decide reportability; each question is asked of what occurred *or
    possibly occurred* (規則第2条 柱書)."""

    # Protected by high-grade encryption etc. (高度な暗号化等の秘匿化), the key not lost with it.
    encrypted: bool = False
    # 漏えい only: all of it retrieved before anyone else could see it (then no leak).
    retrieved_unseen: bool = False
    # 第1号: in the 情報提供ネットワークシステム or a 個人番号利用事務 system (not an employer's).
    network_system: bool = False
    # 第2号: by an act with an unlawful purpose (outsiders or employees), or unlawful use or
    # provision (theft, unauthorised access, ransomware, an employee taking data out).
    unlawful_purpose: bool = False
    # 第3号: made viewable by an unspecified number of people electronically.
    publicly_viewable: bool = False
    # 第4号: the number of persons, at most (when uncertain, the largest possible count).
    persons: int = 0


@dataclass(frozen=True)
class Reportability:
    reportable: bool
    items: tuple[int, ...]  # the 号 of 規則第2条 that apply
    reasons: tuple[str, ...]  # why, in words, for the screen and the report

    @property
    def unlawful_purpose(self) -> bool:
        return 2 in self.items


def reportability(kind: IncidentKind, answers: Checklist) -> Reportability:
    """Whether the PPC must be told and the persons notified (規則第2条, 番号法第29条の4)."""
    if kind is IncidentKind.LEAK and answers.retrieved_unseen:
        return Reportability(
            False, (), ("すべて回収し、第三者に閲覧されていないため、漏えいに当たりません。",)
        )
    if answers.encrypted:
        return Reportability(
            False,
            (),
            ("高度な暗号化等の秘匿化がされているため、報告の対象となりません。",),
        )
    found: list[tuple[int, str]] = []
    if answers.network_system:
        found.append((1, "第1号: 情報提供ネットワークシステム等で発生したもの"))
    if answers.unlawful_purpose:
        found.append(
            (2, "第2号: 不正の目的をもって行われたおそれがある行為によるもの（人数を問わない）")
        )
    if answers.publicly_viewable:
        found.append((3, "第3号: 電磁的方法により不特定多数の者に閲覧されたおそれがあるもの"))
    if answers.persons > MANY_PERSONS:
        found.append((4, f"第4号: 本人の数が{MANY_PERSONS}人を超えるもの"))
    if not found:
        return Reportability(
            False,
            (),
            (
                "規則第2条各号のいずれにも当たりません。報告の義務はありませんが、"
                "個人情報保護委員会への報告に努めてください。",
            ),
        )
    return Reportability(True, tuple(n for n, _ in found), tuple(text for _, text in found))


def incident_deadlines(known_on: date, answers: Checklist, kind: IncidentKind) -> Deadlines:
    """The 速報 target and 確報 deadline; 60 days when 第2号 applies (also with another 号)."""
    return deadlines(known_on, unlawful_purpose=reportability(kind, answers).unlawful_purpose)


# The nine items of the report (規則第3条第1項), in order: (key, label).
REPORT_ITEMS: tuple[tuple[str, str], ...] = (
    ("summary", "概要"),
    ("data_items", "特定個人情報の項目"),
    ("persons", "本人の数"),
    ("cause", "原因"),
    ("secondary_damage", "二次被害又はそのおそれの有無及びその内容"),
    ("persons_response", "本人への対応の実施状況"),
    ("publication", "公表の実施状況"),
    ("prevention", "再発防止のための措置"),
    ("other", "その他参考となる事項"),
)
REPORT_KEYS = tuple(key for key, _ in REPORT_ITEMS)
# Told to the persons themselves (規則第5条): items ①②④⑤⑨.
NOTICE_KEYS = ("summary", "data_items", "cause", "secondary_damage", "other")


@dataclass(frozen=True)
class ReportItems:
    """The texts of the nine items; 本人の数 is the count, kept with the checklist."""

    texts: dict[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def missing(self) -> tuple[str, ...]:
        """The labels of the items still empty (the 確報 needs all nine; 本人の数 is a count)."""
        return tuple(
            label for key, label in REPORT_ITEMS if key != "persons" and not self.text(key).strip()
        )


class NoticeState(StrEnum):
    PENDING = "pending"  # to be notified
    NOTIFIED = "notified"
    UNREACHABLE = "unreachable"  # no contact: public announcement or an inquiry desk instead
    WAITING = "waiting"  # held back while a notice would worsen the harm (e.g. takedown pending)

    @property
    def label(self) -> str:
        return {
            "pending": "未通知",
            "notified": "通知済み",
            "unreachable": "連絡不能（公表等で代替）",
            "waiting": "通知を保留",
        }[self.value]


class MeasureState(StrEnum):
    PLANNED = "planned"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"planned": "予定", "done": "実施済み"}[self.value]


# Allowed moves of an incident's state.
_NEXT: dict[IncidentState, frozenset[IncidentState]] = {
    IncidentState.OPEN: frozenset({IncidentState.PRELIMINARY, IncidentState.CLOSED}),
    IncidentState.PRELIMINARY: frozenset({IncidentState.FINAL}),
    IncidentState.FINAL: frozenset({IncidentState.CLOSED}),
    IncidentState.CLOSED: frozenset(),
}


def may_move(current: IncidentState, to: IncidentState) -> bool:
    return to in _NEXT[current]
