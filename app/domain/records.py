"""The office's own safeguard records: training (規程第50条), the yearly account review
(規程第9条④) and the dated tasks they set; pure rules, no I/O."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class TaskKind(StrEnum):
    TRAINING = "training"
    ACCOUNT_REVIEW = "account_review"

    @property
    def label(self) -> str:
        return TASK_LABELS[self]


TASK_LABELS = {
    TaskKind.TRAINING: "次回の研修",
    TaskKind.ACCOUNT_REVIEW: "次回のアカウントの棚卸し",
}


class Verdict(StrEnum):
    """What the reviewer found of one account."""

    CONFIRMED = "confirmed"  # role and scope still needed as they are
    CHANGE = "change"  # role or scope to be changed
    DISABLE = "disable"  # the account is no longer needed

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS = {
    Verdict.CONFIRMED: "確認済み（変更なし）",
    Verdict.CHANGE: "役割・担当範囲の変更が必要",
    Verdict.DISABLE: "無効化が必要",
}


def a_year_after(day: date) -> date:
    """The same day a year on (29 February becomes 28 February): both records are yearly."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def overdue(due_on: date, done_on: date | None, today: date) -> bool:
    return done_on is None and due_on < today
