"""The sections of the yearly self-inspection report, each built from the records of the year
by one function (session, year, today) -> InspectionSection. Counts, names of staff and
titles only: no person's number, no person's name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from app import errors
from app.domain import outputs as output_rules
from app.domain.access import Role
from app.domain.display_dates import japanese_day
from app.domain.incidents import IncidentState
from app.domain.inspection_report import InspectionSection
from app.domain.ledger import access_holder
from app.domain.purposes import PersonKind
from app.domain.records import Verdict
from app.services import account_reviews, audit, consignee_hearings, incidents, outputs, training
from app.services.guard import storage_errors
from app.services.retention import Retentions
from app.session import Session
from storage import deletion_repo, records_repo, staff_repo

SectionBuilder = Callable[[Session, int, date], InspectionSection]

# The events of a paper or file that carried a person's number (one event per person).
NUMBER_OUTPUTS = frozenset({"number.form_printed", "number.form_exported", "number.disclosed"})


def _year_range(year: int) -> tuple[str, str]:
    return f"{year}-01-01", f"{year + 1}-01-01"


def _roles(values: frozenset[str]) -> frozenset[Role]:
    return frozenset(Role(v) for v in values if v in Role._value2member_map_)


def accounts(session: Session, year: int, today: date) -> InspectionSection:
    with storage_errors():
        records = staff_repo.all_staff(session.vault.conn)
    rows = []
    for r in sorted(records, key=lambda r: (not r.active, r.id)):
        holder = access_holder(r.display_name, _roles(r.roles), r.scopes)
        rows.append(
            (
                r.display_name,
                r.login_name,
                holder.roles if holder else "なし",
                holder.scope if holder else "—",
                "有効" if r.active else "無効",
            )
        )
    active = sum(1 for r in records if r.active)
    return InspectionSection(
        "アカウントと役割",
        f"{japanese_day(today)}現在、有効なアカウントは{active}件です。"
        "役割と担当範囲が今も必要か確認してください（パスワードや鍵は記載していません）。",
        ("氏名", "ログイン名", "役割", "担当範囲", "状態"),
        (3, 2.4, 4, 5, 1.2),
        tuple(rows),
    )


def _counts(session: Session, year: int, actions: frozenset[str]) -> Counter[str]:
    first, after = _year_range(year)
    marks = ",".join("?" * len(actions))
    with storage_errors():
        found = session.vault.conn.execute(
            "SELECT actor_name, count(*) FROM audit_log WHERE ts >= ? AND ts < ?"
            f" AND action IN ({marks}) GROUP BY actor_name",
            (first, after, *sorted(actions)),
        ).fetchall()
    return Counter({name: int(n) for name, n in found})


def reveals(session: Session, year: int, today: date) -> InspectionSection:
    shown = _counts(session, year, frozenset({"number.revealed"}))
    copied = _counts(session, year, frozenset({"number.copied"}))
    printed = _counts(session, year, NUMBER_OUTPUTS)
    with storage_errors():
        names = {r.login_name: r.display_name for r in staff_repo.all_staff(session.vault.conn)}
    logins = sorted(set(shown) | set(copied) | set(printed))
    rows = tuple(
        (
            names.get(login, login),
            f"{shown[login]:,}件",
            f"{copied[login]:,}件",
            f"{printed[login]:,}件",
        )
        for login in logins
    )
    return InspectionSection(
        "個人番号の表示・コピー・出力（職員別）",
        f"{year}年のアクセス記録から数えました（表示 合計{sum(shown.values()):,}件）。"
        "担当する事務に比べて多すぎる職員がいないか確認してください。",
        ("職員", "表示", "コピー", "個人番号を記載した出力（人分）"),
        (4, 2, 2, 3),
        rows,
        empty="この年に個人番号の表示・コピー・出力はありません。",
    )


def past_due(session: Session, year: int, today: date) -> InspectionSection:
    decide = Retentions()
    due: Counter[str] = Counter()
    oldest: dict[str, date] = {}
    with storage_errors():
        for row in deletion_repo.each_retention_fact(session.vault.conn):
            day = decide(row).may_delete_from
            if day is not None and day <= today:
                due[row.kind] += 1
                oldest[row.kind] = min(oldest.get(row.kind, day), day)
    rows = tuple(
        (kind.label, f"{due[kind.value]:,}件", japanese_day(oldest[kind.value]))
        for kind in PersonKind
        if due[kind.value]
    )
    total = sum(due.values())
    return InspectionSection(
        "保存期間を過ぎた個人番号",
        f"{japanese_day(today)}現在、削除できる日を過ぎた個人番号が{total:,}件あります。"
        "「保存期間・削除」の画面で削除の実行計画を立ててください。"
        if total
        else f"{japanese_day(today)}現在、削除できる日を過ぎた個人番号はありません。",
        ("区分", "件数", "最も早い削除可能日"),
        (3, 2, 4),
        rows,
        attention=bool(total),
    )


def unconfirmed_outputs(session: Session, year: int, today: date) -> InspectionSection:
    entries = outputs.entries(session, open_only=True)
    rows = tuple(
        (
            f"No.{e.number}",
            japanese_day(date.fromisoformat(e.row.made_at[:10])),
            output_rules.FORM_LABELS.get(e.row.form, e.row.form),
            e.row.destination,
            f"{e.row.persons:,}人",
            "期限超過" if e.overdue else "確認待ち",
        )
        for e in entries
    )
    late = sum(1 for e in entries if e.overdue)
    return InspectionSection(
        "提出・廃棄の確認がない出力（持出し）",
        f"確認待ちの出力が{len(entries)}件、そのうち確認の期限を過ぎたものが{late}件あります。"
        if entries
        else "確認待ちの出力はありません。",
        ("出力番号", "出力日", "書類", "提出先・交付先", "人数", "状態"),
        (2, 3, 5, 3, 1.4, 1.8),
        rows,
        attention=bool(late),
    )


def incidents_of_year(session: Session, year: int, today: date) -> InspectionSection:
    every = incidents.list_incidents(session)
    found = [i for i in every if i.known_at.year == year]
    open_ones = [i for i in every if i.state is not IncidentState.CLOSED]
    shown = {i.id: i for i in [*found, *open_ones]}
    rows = tuple(
        (
            f"No.{i.id}",
            japanese_day(i.known_at.date()),
            i.title,
            i.kind.label,
            i.state.label,
            japanese_day(i.deadlines.final_by)
            if i.reportability.reportable
            and i.state in (IncidentState.OPEN, IncidentState.PRELIMINARY)
            else "—",
        )
        for i in sorted(shown.values(), key=lambda i: i.known_at)
    )
    return InspectionSection(
        "漏えい等事案",
        f"{year}年に知った事案は{len(found)}件、対応中の事案は{len(open_ones)}件です。",
        ("No.", "知った日", "件名", "区分", "状態", "確報の期限"),
        (1.2, 3, 6, 1.4, 1.8, 3),
        rows,
        empty="この年に知った事案も、対応中の事案もありません。",
        attention=bool(open_ones),
    )


def overdue_tasks(session: Session, year: int, today: date) -> InspectionSection:
    with storage_errors():
        tasks = records_repo.open_tasks(session.vault.conn)
        kinds_seen = {t.kind for t in records_repo.all_tasks(session.vault.conn)}
    rows = [
        (t.title, japanese_day(date.fromisoformat(t.due_on)), "期限超過")
        for t in tasks
        if date.fromisoformat(t.due_on) < today
    ]
    # A record never made has no task yet: it is as overdue as a late one.
    if "training" not in kinds_seen:
        rows.append(("研修（まだ記録がありません）", "—", "未実施"))
    if "account_review" not in kinds_seen:
        rows.append(("アカウントの棚卸し（まだ記録がありません）", "—", "未実施"))
    late = len(outputs.overdue(session))
    if late:
        rows.append((f"提出・廃棄の確認（{late}件）", "—", "期限超過"))
    return InspectionSection(
        "期限を過ぎた作業",
        f"期限を過ぎた作業が{len(rows)}件あります。" if rows else "期限を過ぎた作業はありません。",
        ("作業", "期限", "状態"),
        (6, 3, 2),
        tuple(rows),
        empty="期限を過ぎた作業はありません。",
        attention=bool(rows),
    )


def trainings(session: Session, year: int, today: date) -> InspectionSection:
    held = training.list_trainings(session, year=year)
    rows = tuple(
        (japanese_day(t.held_on), t.title, t.trainer or "—", f"{len(t.attendees)}人")
        for t in sorted(held, key=lambda t: t.held_on)
    )
    return InspectionSection(
        "研修の実施（規程第50条）",
        f"{year}年に{len(held)}回の研修を実施しました。"
        if held
        else f"{year}年に実施した研修の記録はありません。",
        ("実施日", "研修名", "講師", "参加者"),
        (3, 6, 3, 1.6),
        rows,
        attention=not held,
    )


def reviews(session: Session, year: int, today: date) -> InspectionSection:
    done = account_reviews.list_reviews(session, year=year)
    rows = tuple(
        (
            japanese_day(r.reviewed_on),
            r.reviewer,
            f"{len(r.lines)}件",
            f"{r.to_change}件",
            "、".join(
                f"{line.display_name}（{line.verdict.label}）"
                for line in r.lines
                if line.verdict is not Verdict.CONFIRMED
            )
            or "—",
        )
        for r in sorted(done, key=lambda r: r.reviewed_on)
    )
    return InspectionSection(
        "アカウントの棚卸し（規程第9条④）",
        f"{year}年に{len(done)}回の棚卸しを実施しました。"
        if done
        else f"{year}年に実施したアカウントの棚卸しの記録はありません。",
        ("実施日", "実施者", "確認した数", "要変更", "変更・無効化が必要なアカウント"),
        (3, 3, 2, 1.6, 6),
        rows,
        attention=not done,
    )


def consignee_hearings_of_year(session: Session, year: int, today: date) -> InspectionSection:
    """The consignees' April hearings and the deletion certificates received (規程第42条)."""
    facts = consignee_hearings.summary(session, year)
    rows = (
        ("委託中の委託先", f"{facts.consignees}社"),
        ("4月の点検（ヒアリング）が必要な委託先", f"{facts.hearings_owed}社"),
        ("点検を実施した委託先", f"{facts.hearings_held}社"),
        ("期限（4月30日）を過ぎて未実施", f"{facts.hearings_overdue}社"),
        ("結果が「要改善」だった点検", f"{facts.needs_improvement}件"),
        ("受け取った削除・廃棄の証明書", f"{facts.certificates_received}件"),
    )
    if not facts.consignees:
        lead = f"{year}年に個人番号関係事務を委託した委託先はありません。"
    elif facts.hearings_overdue:
        lead = f"{facts.hearings_overdue}社の点検が期限を過ぎても実施されていません。"
    else:
        lead = f"{year}年の委託先の点検の状況は次のとおりです。"
    return InspectionSection(
        "委託先の監督（規程第42条・第43条）",
        lead,
        ("項目", "件数"),
        (8, 3),
        rows,
        attention=bool(facts.hearings_overdue or facts.needs_improvement),
    )


def audit_chain(session: Session, year: int, today: date) -> InspectionSection:
    try:
        result = audit.verify_chain(session)
    except (
        errors.AuditChainBroken,
        errors.AuditCheckpointBroken,
        errors.AuditAnchorMissing,
    ) as exc:
        return InspectionSection(
            "アクセス記録の検証",
            "検証で異常が見つかりました。",
            ("項目", "結果"),
            (3, 8),
            (("結果", exc.message),),
            attention=True,
        )
    rows = (
        ("記録の件数", f"{result.entries:,}件"),
        ("最新の記録の指紋", result.head_fingerprint),
        (
            "データベースの外の控え",
            f"第{result.anchor_seq:,}番まで一致" if result.anchor_seq is not None else "なし",
        ),
        ("署名付きチェックポイント", result.sealed or "まだありません"),
        ("結果", "改ざん・欠落は見つかりませんでした"),
    )
    return InspectionSection(
        "アクセス記録の検証",
        f"{japanese_day(today)}にアクセス記録の連鎖と控え・署名を検証しました。",
        ("項目", "結果"),
        (3, 8),
        rows,
    )


# The report's sections in order.
SECTION_BUILDERS: tuple[SectionBuilder, ...] = (
    accounts,
    reveals,
    past_due,
    unconfirmed_outputs,
    incidents_of_year,
    overdue_tasks,
    consignee_hearings_of_year,
    trainings,
    reviews,
    audit_chain,
)
