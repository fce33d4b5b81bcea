"""Access-log analysis (規程第13条 点検, SPEC §6): reveals, outputs and failed sign-ins per day
and per member over a period, counted by SQL aggregates, and the anomaly flags with their rule,
each acknowledged by the supervisor or the manager with a note. Read by the supervisor, the
manager and the auditor; each analysis is one event of the access log."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app import errors
from app.domain import log_rules
from app.domain.access import Permission
from app.domain.display_dates import japanese_day, japanese_time
from app.domain.log_rules import AFTER_HOURS, BULK_OUTPUT, BURST, Flag, Rules
from app.domain.my_number import looks_like_number_loosely
from app.domain.settings import SettingKey
from app.services import audit, settings
from app.services.audit_text.actions import ACTION_GROUPS
from app.services.audit_text.names import SPECIAL_LOGINS
from app.services.guard import storage_errors
from app.session import Session
from storage import audit_repo, log_analysis_repo
from storage.connection import Connection
from storage.log_analysis_repo import Acknowledgement, Kinds

OUTPUT_ACTIONS = tuple(sorted(next(g for g in ACTION_GROUPS if g.key == "output").actions))
KINDS = Kinds(log_rules.REVEAL_ACTIONS, OUTPUT_ACTIONS, log_rules.FAILED_ACTIONS)
NOTE_LIMIT = 500
LONGEST_PERIOD = timedelta(days=366 * 20)


@dataclass(frozen=True)
class Counts:
    key: str  # an ISO day, or a login
    reveals: int
    outputs: int
    failed: int


@dataclass(frozen=True)
class Analysis:
    first: date
    last: date
    by_day: tuple[Counts, ...]  # days with events only, in order
    by_user: tuple[Counts, ...]
    flags: tuple[Flag, ...]  # in time order
    rules: Rules
    names: dict[str, str]  # login → the member's name (failed sign-ins: the login typed)

    def total(self) -> Counts:
        return Counts(
            "",
            sum(c.reveals for c in self.by_day),
            sum(c.outputs for c in self.by_day),
            sum(c.failed for c in self.by_day),
        )

    def open_flags(self) -> int:
        return sum(1 for f in self.flags if f.acknowledgement is None)


def rules_of(session: Session) -> Rules:
    values = settings.current(session)
    return Rules(
        start_hour=int(values[SettingKey.WORK_START_HOUR]),
        end_hour=int(values[SettingKey.WORK_END_HOUR]),
        saturday=bool(values[SettingKey.WORK_SATURDAY]),
        burst_count=int(values[SettingKey.REVEAL_BURST_COUNT]),
        burst_minutes=int(values[SettingKey.REVEAL_BURST_MINUTES]),
        bulk_persons=int(values[SettingKey.BULK_OUTPUT_PERSONS]),
    )


def _bounds(first: date, last: date) -> tuple[str, str]:
    if last < first:
        raise errors.InvalidInput("期間の終わりが始まりより前です。")
    if last - first > LONGEST_PERIOD:
        raise errors.InvalidInput("期間は20年以内で指定してください。")
    if last >= date.max:  # the day after it, the end of the range, would not exist
        raise errors.InvalidInput("期間の終わりは9999年12月30日までで指定してください。")
    return first.isoformat(), (last + timedelta(days=1)).isoformat()


def aggregate(conn: Connection, first: date, last: date) -> tuple[list[Counts], list[Counts]]:
    """The counts per day and per member (the SQL aggregates the bench measures)."""
    since, until = _bounds(first, last)
    by_day = log_analysis_repo.counts(conn, KINDS, since, until, by="day")
    by_user = log_analysis_repo.counts(conn, KINDS, since, until, by="actor")
    return [Counts(*r) for r in by_day], [Counts(*r) for r in by_user]


def find_flags(conn: Connection, rules: Rules, first: date, last: date) -> list[Flag]:
    since, until = _bounds(first, last)
    found: list[Flag] = []
    for row in log_analysis_repo.off_hours(
        conn,
        log_rules.REVEAL_ACTIONS,
        since,
        until,
        start_hour=rules.start_hour,
        end_hour=rules.end_hour,
        workdays=rules.workdays(),
        holidays=log_rules.holidays(first, last),
    ):
        reason = log_rules.off_day_reason(date.fromisoformat(row.day), rules)
        when = f"{reason}に" if reason else "勤務時間外に"
        found.append(
            Flag(
                AFTER_HOURS,
                row.actor_name,
                row.first_ts,
                row.last_ts,
                row.count,
                f"{japanese_day(date.fromisoformat(row.day))}、{when}{row.count:,}回"
                f"（{japanese_time(row.first_ts)[-5:]}〜{japanese_time(row.last_ts)[-5:]}）",
            )
        )
    ends = log_analysis_repo.bursts(
        conn,
        log_rules.REVEAL_ACTIONS,
        since,
        until,
        count=rules.burst_count,
        minutes=rules.burst_minutes,
    )
    for actor, start, end, most in log_rules.episodes(ends, rules.burst_minutes):
        found.append(
            Flag(
                BURST,
                actor,
                start,
                end,
                most,
                f"{japanese_time(start)}ごろ、{rules.burst_minutes}分間に最大{most:,}回",
            )
        )
    labels = audit.ACTION_LABELS
    for actor, ts, action, persons, register in log_analysis_repo.bulk_outputs(
        conn, OUTPUT_ACTIONS, since, until, persons=rules.bulk_persons
    ):
        output_id = int(register.removeprefix("output:")) if register else None
        what = f"{japanese_time(ts)}、{labels.get(action, action)}（{persons:,}人分）"
        if output_id is not None:
            what += f"、出力番号 No.{output_id:05d}"
        found.append(Flag(BULK_OUTPUT, actor, ts, ts, persons, what, output_id=output_id))
    found.sort(key=lambda f: (f.at, f.rule, f.actor_name))
    return found


def compute(session: Session, first: date, last: date) -> Analysis:
    """The counts and flags of the period (inclusive days), without a permission check or an
    event: for the callers below, which do both."""
    rules = rules_of(session)
    conn = session.vault.conn
    with storage_errors():
        by_day, by_user = aggregate(conn, first, last)
        flags = find_flags(conn, rules, first, last)
        acks = log_analysis_repo.acknowledgements(conn)
        logins = {c.key for c in by_user} | {f.actor_name for f in flags}
        logins |= {a.acknowledged_by_name for a in acks.values()}
        names = audit_repo.staff_names(conn, logins)
    return Analysis(
        first,
        last,
        tuple(by_day),
        tuple(by_user),
        tuple(replace(f, acknowledgement=acks.get(f.key)) for f in flags),
        rules,
        {login: names.get(login) or SPECIAL_LOGINS.get(login, login) for login in logins},
    )


def analyse(session: Session, first: date, last: date) -> Analysis:
    """The counts and flags of the period (inclusive days). Raises PermissionDenied (logged)
    for a clerk; the analysis itself is logged once."""
    audit.require(session, Permission.READ_AUDIT)
    analysis = compute(session, first, last)
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "audit.analyzed",
            detail={
                "from": first.isoformat(),
                "to": last.isoformat(),
                "flags": len(analysis.flags),
            },
        )
    return analysis


def _as_logged(session: Session, flag: Flag) -> Flag:
    """The flag as the log shows it now, found again by its key around its first event's day
    (a burst may run past midnight): never the caller's description of one."""
    try:
        day = date.fromisoformat(flag.at[:10])
    except ValueError:
        day = None
    if day is not None and date.min < day < date.max:
        rules = rules_of(session)
        with storage_errors():
            for first in (day, day - timedelta(days=1)):
                for found in find_flags(session.vault.conn, rules, first, day + timedelta(days=1)):
                    if found.key == flag.key:
                        return found
    raise errors.InvalidInput(
        "この注意事項はアクセス記録に見つかりません。分析をやり直してください。"
    )


def acknowledge(session: Session, flag: Flag, note: str) -> Acknowledgement:
    """The supervisor's (or manager's) acknowledgement of a flag with what was found out;
    stored with an event of the access log in one transaction. The flag must be one the log
    raises, and under the two-person rule not one about the acknowledger's own actions."""
    audit.require(session, Permission.ACKNOWLEDGE_FLAGS)
    text = note.strip()
    if not text:
        raise errors.InvalidInput("確認した内容（理由や対応）を記入してください。")
    if len(text) > NOTE_LIMIT:
        raise errors.InvalidInput(f"確認の記録は{NOTE_LIMIT}文字以内で記入してください。")
    # However grouped or written (「1234/5678/9012」, full-width): the note is kept and printed.
    if looks_like_number_loosely(unicodedata.normalize("NFKC", text)):
        raise errors.InvalidInput("確認の記録に個人番号のような数字の並びは書けません。")
    if flag.rule not in log_rules.RULE_LABELS:
        raise errors.InvalidInput("この注意事項は確認できません。")
    flag = _as_logged(session, flag)
    if flag.actor_name == session.user.login_name and session.settings.get(
        SettingKey.TWO_PERSON_RULE, True
    ):
        audit.deny(
            session,
            "自分の操作についての注意事項の確認（二人承認）",
            detail={"flag": flag.key, "reason": "own_flag"},
        )
    ack = Acknowledgement(
        flag.key,
        flag.rule,
        flag.actor_name,
        text,
        session.clock.now().isoformat(timespec="seconds"),
        session.user.login_name,
    )
    with storage_errors(), session.vault.write() as writer:
        if flag.key in log_analysis_repo.acknowledgements(writer.conn):
            raise errors.InvalidInput("この注意事項は確認済みです。")
        log_analysis_repo.acknowledge(writer.conn, ack)
        audit.record(
            writer,
            session,
            "audit.flag_acknowledged",
            detail={"flag": flag.key, "rule": flag.rule},
        )
    return ack
