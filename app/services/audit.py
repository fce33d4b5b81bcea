"""The access log: recording events and denials, verifying the chain, exporting it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from app import errors
from app.domain.access import Permission, may
from app.services import guard
from app.session import Session
from storage.audit_chain import AuditEvent, EncodedDetail
from storage.vault import Writer

if TYPE_CHECKING:
    from app.services.audit_view import AuditPage

log = logging.getLogger(__name__)

ACTION_LABELS = {
    "vault.created": "データベース作成",
    "vault.restored": "バックアップから復元",
    "vault.rebound": "このPCへの再結合（回復キー）",
    "vault.verified": "データ検証",
    "vault.recovery_opened": "回復キーによるオープン",
    "vault.number_key_rotated": "個人番号の暗号鍵の更新",
    "recovery.reissued": "回復キーの再発行",
    "signin.succeeded": "サインイン",
    "signin.failed": "サインイン失敗",
    "restore.failed": "復元時のパスワード誤り",
    "signout": "サインアウト",
    "access.denied": "権限のない操作の拒否",
    "staff.created": "職員アカウント作成",
    "staff.disabled": "職員アカウント無効化",
    "staff.unlocked": "ロック解除",
    "staff.roles_changed": "役割の変更",
    "staff.scopes_changed": "担当範囲の変更",
    "staff.password_reset": "パスワードリセット",
    "staff.password_changed": "パスワード変更",
    "authority.restored": "権限の情報を署名どおりに復元",
    "authority.forged": "署名の合わない権限の情報を検出",
    "authority.resigned": "権限の情報の署名し直し（回復キー）",
    "staff.slots_removed": "持ち主のいない鍵スロットの削除",
    "authority.keys_given": "中断された鍵の付与の完了",
    "vault.number_key_refused": "保存済みの個人番号を開けない鍵の拒否",
    "settings.changed": "設定変更",
    "backup.created": "バックアップ作成",
    "audit.exported": "アクセス記録の書き出し",
    "audit.analyzed": "アクセス記録の分析",
    "audit.flag_acknowledged": "アクセス記録の注意事項の確認",
    "audit.report_printed": "監査報告書の出力",
    "office.created": "事業所の登録",
    "office.contact_changed": "事業所の連絡先（請求・苦情の窓口）の変更",
    "security.capture_exclusion_failed": "画面キャプチャ防止の失敗",
    "person.registered": "対象者の登録",
    "person.updated": "対象者の記録の訂正",
    "person.retired": "退職・扶養終了・契約終了の登録",
    "number.corrected": "個人番号の訂正",
    "number.registered": "個人番号の登録",
    "number.registered_after_deletion": "削除後の個人番号の再登録",
    "number.revealed": "個人番号の表示",
    "number.copied": "個人番号のコピー",
    "notice.purpose_printed": "利用目的通知書の出力",
    "notice.refusal_printed": "提供拒否経過記録の出力",
    "number.request_recorded": "個人番号の提供依頼の記録",
    "import.checked": "取込みファイルの確認",
    "import.committed": "取込み",
    "import.source_reminder": "取込み元ファイル削除の注意喚起",
    "import.cancelled": "取込みの中止",
    "number.disclosed": "個人番号の本人への開示",
    "number.form_printed": "個人番号を記載した法定調書の出力",
    "form.printed": "法定調書（個人番号なし）の出力",
    "year_end.saved": "法定調書の金額等の登録",
    "year_end.corrected": "法定調書の金額等の訂正",
    "payroll.checked": "給与データの取込みファイルの確認",
    "payroll.imported": "給与データ（源泉徴収票の金額等）の取込み",
    "number.form_exported": "個人番号を記載した書類のPDF書き出し（暗号化）",
    "output.registered": "持出し・出力記録への登録",
    "output.bulk_reason": "個人番号の一括出力の理由の記録",
    "output.confirmed": "持出し・出力の結果の確認",
    "output.withdrawn": "持出し・出力記録の取消（出力せず）",
    "output.register_printed": "持出し・出力記録の出力",
    "number.deleted": "個人番号の削除",
    "verification.recorded": "本人確認の記録",
    "verification.number_mismatch": "本人確認での個人番号の不一致",
    "verification.photo_mismatch": "本人確認の中止（顔写真の不一致）",
    "verification.printed": "本人確認記録の出力",
    "verification.scan_added": "本人確認書類の写しの保存",
    "verification.scan_viewed": "本人確認書類の写しの表示",
    "verification.scan_deleted": "本人確認書類の写しの削除",
    "deletion.proposed": "削除の実行計画の提案",
    "deletion.approved": "削除の実行計画の承認",
    "deletion.cancelled": "削除の実行計画の取消し",
    "deletion.executed": "削除の実行",
    "deletion.ledger_printed": "削除・廃棄記録簿の出力",
    "deletion.certificate_printed": "削除証明書の出力",
    "ledger.printed": "特定個人情報管理台帳の出力",
    "training.recorded": "研修の記録",
    "accounts.reviewed": "アカウントの棚卸しの記録",
    "inspection.printed": "自己点検報告書の出力",
    "incident.registered": "漏えい等事案の登録",
    "incident.checklist_changed": "漏えい等事案の報告要否の確認",
    "incident.items_changed": "漏えい等事案の報告事項の記入",
    "incident.preliminary_reported": "漏えい等事案の速報の記録",
    "incident.final_reported": "漏えい等事案の確報の記録",
    "incident.closed": "漏えい等事案の対応完了",
    "incident.persons_added": "漏えい等事案の対象者の追加",
    "incident.persons_notified": "漏えい等事案の本人への通知の記録",
    "incident.measure_added": "再発防止策の登録",
    "incident.measure_done": "再発防止策の実施の記録",
    "incident.report_printed": "漏えい等事案の報告（下書き）の出力",
    "incident.analysis_printed": "漏えい等事案の年次分析の出力",
    "consignee.registered": "委託先の登録",
    "consignee.updated": "委託先の基本情報の変更",
    "consignee.selection_recorded": "委託先の選定の確認の記録",
    "consignee.contract_recorded": "委託先との契約の記録",
    "consignee.approved": "委託先の承認",
    "consignee.ended": "委託先との委託の終了",
    "consignee.sub_approved": "再委託の許諾",
    "consignee.sub_withdrawn": "再委託の許諾の取消し",
    "consignee.hearing_recorded": "委託先の点検（ヒアリング）の記録",
    "consignee.certificate_added": "委託先の削除証明の受領の記録",
    "consignee.certificate_viewed": "委託先の削除証明の閲覧",
    "consignee.register_printed": "委託先管理表の出力",
    "deletion.paper_disposed": "書類の廃棄の確認",
    "office.department_changed": "取扱部署の変更",
    "database.rebuilt": "データベースファイルの再構築（削除後）",
    "backup.destroyed": "古いバックアップの廃棄",
    "backup.destroyed_by_hand": "バックアップの手作業での廃棄の記録",
    "request.received": "開示等の請求の受付",
    "request.verified": "請求者の本人確認",
    "request.decided": "開示等の請求への決定",
    "request.reopened": "決定の取消し（再決定のため）",
    "request.notice_printed": "決定通知書の出力",
    "request.notified": "決定通知の送付の記録",
    "request.closed": "開示等の請求の完了",
    "request.withdrawn": "開示等の請求の取下げ",
    "request.discarded": "保存期間を過ぎた請求の記録の廃棄",
}


def record(
    writer: Writer,
    session: Session,
    action: str,
    *,
    target: str = "",
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Append an event inside the caller's transaction. Never pass a number in `detail`."""
    user = session.user
    writer.audit(
        AuditEvent(
            user.id or None, user.login_name, action, target, dict(detail) if detail else {}
        ),
        session.clock.now(),
    )


def shared_detail(detail: Mapping[str, Any]) -> Mapping[str, Any]:
    """A detail for many events (`record_all`), encoded for the chain once instead of once per
    event; it reads back as the dict it was made from and never changes after."""
    return EncodedDetail(detail)


def record_all(
    writer: Writer, session: Session, events: Iterable[tuple[str, str, Mapping[str, Any]]]
) -> None:
    """Append (action, target, detail) events in their order inside the caller's transaction,
    each as `record` appends it, all stamped with one reading of the clock (a bulk write is one
    moment). Never pass a number in a detail."""
    user = session.user
    actor_id, actor_name = user.id or None, user.login_name
    at = session.clock.now()
    # A shared detail is immutable, so it needs no defensive copy as a caller's dict does.
    writer.audit_all(
        [
            AuditEvent(
                actor_id,
                actor_name,
                action,
                target,
                detail if isinstance(detail, EncodedDetail) else dict(detail),
            )
            for action, target, detail in events
        ],
        at,
    )


def record_capture_exclusion_failure(session: Session) -> None:
    """Screen-capture exclusion failed on this PC (SECURITY.md UI-03): kept in the log."""
    with guard.storage_errors(), session.vault.write() as writer:
        record(writer, session, "security.capture_exclusion_failed")


def require(session: Session, permission: Permission, *, target: str = "") -> None:
    """Raise PermissionDenied, logged in the access log, unless the member may do this."""
    if may(session.user.roles, permission):
        return
    deny(session, permission.label, target=target, detail={"permission": permission.value})


def deny(
    session: Session, label: str, *, target: str = "", detail: Mapping[str, Any] | None = None
) -> NoReturn:
    """Log a refused try in its own transaction (it stays although the action fails), then
    raise PermissionDenied naming what was refused."""
    with guard.storage_errors(), session.vault.write() as writer:
        record(writer, session, "access.denied", target=target, detail=detail)
    log.warning("denied %s to staff %s", label, session.user.id)
    raise errors.PermissionDenied(label)


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    head_fingerprint: str
    anchor_seq: int | None
    # The newest signed checkpoint in words (storage/checkpoints.py), or None when none yet.
    sealed: str | None = None


def verify_chain(session: Session) -> VerifyResult:
    """The chain's links, the anchor and every signed checkpoint."""
    from app.services import checkpoints

    require(session, Permission.VERIFY_VAULT)
    with guard.storage_errors():
        head = session.vault.verify_audit()
        anchor = session.vault.anchor()
    sealed = checkpoints.Sealed.of(checkpoints.check(session))
    return VerifyResult(
        head.seq,
        head.fingerprint,
        anchor.seq if anchor else None,
        sealed.describe() if sealed else None,
    )


# The export's columns (app.services.audit_view): every cell in words, none a program code.
CSV_COLUMNS = (
    "通し番号",
    "日時",
    "操作者",
    "ログイン名",
    "操作の分類",
    "操作",
    "対象",
    "対象の区分",
    "内容",
    "詳細",
)


def export_csv(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    encoding: Literal["utf-8", "cp932"] = "utf-8",
) -> bytes:
    """The log as CSV for Excel, in Japanese; it holds no numbers (audit_view.export_csv)."""
    # audit_view and the label tables it reads import this module: imported when used.
    from app.services import audit_view

    return audit_view.export_csv(session, since=since, until=until, encoding=encoding)


@dataclass(frozen=True)
class AuditQuery:
    actor_name: str | None = None
    action: str | None = None
    group: str | None = None  # an audit_text.ActionGroup key
    person: str = ""  # 氏名, フリガナ, employee code or department of the person concerned
    since: date | None = None
    until: date | None = None  # inclusive day


def read_page(
    session: Session,
    query: AuditQuery,
    *,
    offset: int,
    limit: int,
    order_by: str = "seq",
    descending: bool = True,
) -> AuditPage:
    """A page of the access log in words for the viewer; reading it is not logged per page."""
    from app.services import audit_view

    return audit_view.read_page(
        session, query, offset=offset, limit=limit, order_by=order_by, descending=descending
    )


def known_actors(session: Session) -> list[tuple[str, str]]:
    """(login, name to show) of everyone who appears in the log."""
    from app.services import audit_view

    return audit_view.known_actors(session)
