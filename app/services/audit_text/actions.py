"""What each action of the access log is: its group for the filter (data, in one place) and
the sentence that tells an auditor what happened."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionGroup:
    key: str
    label: str
    actions: frozenset[str]


# The filter's groups, in the order the combo box lists them; each action is in exactly one
# (tests/services/test_audit_text.py checks it against ACTION_LABELS).
ACTION_GROUPS: tuple[ActionGroup, ...] = tuple(
    ActionGroup(key, label, frozenset(actions))
    for key, label, actions in (
        (
            "view",
            "閲覧・コピー",
            (
                "number.revealed",
                "number.copied",
                "verification.scan_viewed",
                "consignee.certificate_viewed",
            ),
        ),
        (
            "output",
            "出力（印刷・書き出し）",
            (
                "notice.purpose_printed",
                "notice.refusal_printed",
                "verification.printed",
                "deletion.ledger_printed",
                "deletion.certificate_printed",
                "ledger.printed",
                "incident.report_printed",
                "incident.analysis_printed",
                "consignee.register_printed",
                "inspection.printed",
                "request.notice_printed",
                "number.disclosed",
                "number.form_printed",
                "form.printed",
                "number.form_exported",
                "output.registered",
                "output.bulk_reason",
                "output.confirmed",
                "output.withdrawn",
                "output.register_printed",
                "audit.exported",
                "audit.report_printed",
            ),
        ),
        (
            "entry",
            "登録・訂正",
            (
                "person.registered",
                "person.updated",
                "person.retired",
                "number.registered",
                "number.registered_after_deletion",
                "number.corrected",
                "number.request_recorded",
                "year_end.saved",
                "year_end.corrected",
                "payroll.checked",
                "payroll.imported",
                "import.checked",
                "import.committed",
                "import.source_reminder",
                "import.cancelled",
            ),
        ),
        (
            "verification",
            "本人確認",
            (
                "verification.recorded",
                "verification.number_mismatch",
                "verification.photo_mismatch",
                "verification.scan_added",
                "verification.scan_deleted",
            ),
        ),
        (
            "deletion",
            "削除",
            (
                "deletion.proposed",
                "deletion.approved",
                "deletion.cancelled",
                "deletion.executed",
                "deletion.paper_disposed",
                "number.deleted",
                "database.rebuilt",
            ),
        ),
        (
            "requests",
            "開示等の請求",
            (
                "request.received",
                "request.verified",
                "request.decided",
                "request.reopened",
                "request.notified",
                "request.closed",
                "request.withdrawn",
                "request.discarded",
            ),
        ),
        (
            "incidents",
            "漏えい等事案",
            (
                "incident.registered",
                "incident.checklist_changed",
                "incident.items_changed",
                "incident.preliminary_reported",
                "incident.final_reported",
                "incident.closed",
                "incident.persons_added",
                "incident.persons_notified",
                "incident.measure_added",
                "incident.measure_done",
            ),
        ),
        (
            "consignees",
            "委託先",
            (
                "consignee.registered",
                "consignee.updated",
                "consignee.selection_recorded",
                "consignee.contract_recorded",
                "consignee.approved",
                "consignee.ended",
                "consignee.sub_approved",
                "consignee.sub_withdrawn",
                "consignee.hearing_recorded",
                "consignee.certificate_added",
            ),
        ),
        (
            "accounts",
            "アカウント",
            (
                "staff.created",
                "accounts.reviewed",
                "staff.disabled",
                "staff.unlocked",
                "staff.roles_changed",
                "staff.scopes_changed",
                "staff.password_reset",
                "staff.password_changed",
                "authority.restored",
                "authority.forged",
                "authority.resigned",
                "staff.slots_removed",
                "authority.keys_given",
                "vault.number_key_refused",
            ),
        ),
        (
            "signin",
            "サインイン",
            (
                "signin.succeeded",
                "signin.failed",
                "restore.failed",
                "signout",
                "vault.recovery_opened",
            ),
        ),
        (
            "settings",
            "設定",
            (
                "settings.changed",
                "office.created",
                "office.contact_changed",
                "office.department_changed",
            ),
        ),
        (
            "other",
            "その他",
            (
                "access.denied",
                "audit.analyzed",
                "audit.flag_acknowledged",
                "training.recorded",
                "vault.created",
                "vault.restored",
                "vault.rebound",
                "vault.verified",
                "vault.number_key_rotated",
                "recovery.reissued",
                "backup.created",
                "backup.destroyed",
                "backup.destroyed_by_hand",
                "security.capture_exclusion_failed",
            ),
        ),
    )
)
GROUPS_BY_KEY = {group.key: group for group in ACTION_GROUPS}
_GROUP_OF = {action: group.label for group in ACTION_GROUPS for action in group.actions}
OTHER_GROUP = GROUPS_BY_KEY["other"]


def group_label(action: str) -> str:
    return _GROUP_OF.get(action, OTHER_GROUP.label)


# One sentence per action; {target} is the target's label. A sentence without {target} is
# used as it is; SENTENCES_WITHOUT_TARGET holds the one to use when an event has none.
SENTENCES: dict[str, str] = {
    "vault.created": "データベースを作成しました。",
    "vault.restored": "バックアップ「{target}」から復元しました。",
    "vault.rebound": "回復キーを使い、データベースをこのPCに結び付け直しました。",
    "vault.verified": "データの検証を行いました。",
    "vault.recovery_opened": "回復キーでデータベースを開きました。",
    "vault.number_key_rotated": (
        "個人番号の暗号鍵を新しい鍵に替え、個人番号と書類の写しをすべて暗号化し直しました"
        "（旧鍵は消去）。"
    ),
    "recovery.reissued": "回復キーを再発行しました。",
    "signin.succeeded": "サインインしました。",
    "signin.failed": "サインインに失敗しました（パスワードの誤りなど）。",
    "restore.failed": "バックアップからの復元で、パスワードが違っていたため復元できませんでした。",
    "signout": "サインアウトしました。",
    "access.denied": "{target}について、権限のない操作を拒否しました。",
    "staff.created": "職員アカウント「{target}」を作成しました。",
    "staff.disabled": "職員アカウント「{target}」を無効にしました。",
    "staff.unlocked": "職員アカウント「{target}」のアカウントのロックを解除しました。",
    "staff.roles_changed": "職員アカウント「{target}」の役割を変更しました。",
    "staff.scopes_changed": "職員アカウント「{target}」の担当範囲を変更しました。",
    "staff.password_reset": "職員アカウント「{target}」のパスワードをリセットしました。",
    "staff.password_changed": "職員アカウント「{target}」のパスワードを本人が変更しました。",
    "authority.restored": (
        "職員アカウントの権限の情報がプログラムの外で書き換えられていたため、"
        "特定個人情報管理責任者の署名どおりに戻しました。"
    ),
    "vault.number_key_refused": (
        "鍵スロットの個人番号の鍵が保存済みの個人番号を開けなかったため、使用しませんでした"
        "（鍵が差し替えられた可能性があります）。"
    ),
    "authority.keys_given": (
        "中断された操作で付与されていなかった鍵を、署名された役割どおりに付与しました。"
    ),
    "staff.slots_removed": (
        "中断された操作が残した、どの職員アカウントのものでもない鍵スロットを削除しました。"
    ),
    "authority.resigned": (
        "署名の合う権限の情報がなかったため、回復キーで開いた人が"
        "現在の職員アカウントの登録に署名し直しました。"
    ),
    "authority.forged": (
        "特定個人情報管理責任者の署名と合わない権限の情報が見つかりました（使用していません）。"
    ),
    "settings.changed": "設定「{target}」を変更しました。",
    "backup.created": "バックアップ「{target}」を作成しました。",
    "audit.exported": "アクセス記録をCSVファイルに書き出しました。",
    "office.created": "事業所「{target}」を登録しました。",
    "office.contact_changed": "事業所の連絡先（請求・苦情の窓口）を変更しました。",
    "security.capture_exclusion_failed": "このPCでは画面キャプチャ防止を設定できませんでした。",
    "person.registered": "{target}を登録しました。",
    "person.updated": "{target}の記録を訂正しました。",
    "person.retired": "{target}の退職・扶養終了・契約終了を登録しました。",
    "number.corrected": "{target}の個人番号を訂正しました。",
    "number.registered": "{target}の個人番号を登録しました。",
    "number.registered_after_deletion": "削除済みだった{target}の個人番号を、理由を付けて登録し直しました。",
    "number.revealed": "{target}の個人番号を画面に表示しました。",
    "number.copied": "{target}の個人番号をクリップボードにコピーしました。",
    "notice.purpose_printed": "{target}への利用目的通知書を出力しました。",
    "notice.refusal_printed": "{target}の提供拒否経過記録を出力しました。",
    "number.request_recorded": "{target}に個人番号の提供を依頼し、その回答を記録しました。",
    "import.checked": "取込みファイル「{target}」の内容を確認しました。",
    "import.committed": "ファイル「{target}」から取り込みました。",
    "import.source_reminder": "取込み元のファイル「{target}」を削除するよう注意を促しました。",
    "import.cancelled": "ファイル「{target}」の取込みを中止しました（何も取り込んでいません）。",
    "number.disclosed": "{target}の個人番号を、本人への開示のために出力しました。",
    "number.form_printed": "{target}の個人番号を記載した法定調書を出力しました。",
    "year_end.saved": "{target}の法定調書の金額等を登録しました。",
    "year_end.corrected": "{target}の法定調書の金額等を訂正しました。",
    "payroll.checked": "給与データのファイル「{target}」の内容を確認しました。",
    "payroll.imported": "給与データのファイル「{target}」から源泉徴収票の金額等を取り込みました。",
    "form.printed": "{target}の法定調書（本人交付用、個人番号なし）を出力しました。",
    "number.form_exported": "{target}の個人番号を記載した書類を、暗号化したPDFに書き出しました。",
    "output.registered": "{target}を持出し・出力記録に登録しました。",
    "output.bulk_reason": "{target}で多数の人の個人番号を一度に出力した理由を記録しました。",
    "output.confirmed": "{target}の結果（提出・交付・廃棄・返却）を確認しました。",
    "output.withdrawn": "{target}を、印刷も保存もされなかったため取り消しました（出力せず）。",
    "output.register_printed": "持出し・出力記録を出力しました。",
    "number.deleted": "{target}の個人番号を削除しました。",
    "verification.recorded": "{target}の本人確認を記録しました。",
    "verification.number_mismatch": (
        "{target}の本人確認で、書類の個人番号が登録されている番号と一致しませんでした。"
    ),
    "verification.photo_mismatch": (
        "{target}の本人確認で、書類の顔写真が来た人と一致しなかったため、記録せずに中止しました。"
    ),
    "verification.printed": "{target}の本人確認記録を出力しました。",
    "verification.scan_added": "{target}の本人確認書類の写しを保存しました。",
    "verification.scan_viewed": "{target}の本人確認書類の写しを表示しました。",
    "verification.scan_deleted": "{target}の本人確認書類の写しを削除しました。",
    "deletion.proposed": "{target}を提案しました。",
    "deletion.approved": "{target}を承認しました。",
    "deletion.cancelled": "{target}を取り消しました。",
    "deletion.executed": "{target}を実行しました。",
    "deletion.ledger_printed": "削除・廃棄記録簿を出力しました。",
    "deletion.certificate_printed": "{target}の削除証明書を出力しました。",
    "ledger.printed": "特定個人情報管理台帳を出力しました。",
    "audit.analyzed": "アクセス記録を分析しました。",
    "audit.flag_acknowledged": "アクセス記録の注意事項を確認し、記録しました。",
    "audit.report_printed": "監査報告書を出力しました。",
    "training.recorded": "{target}を記録しました。",
    "accounts.reviewed": "{target}を記録しました。",
    "inspection.printed": "自己点検報告書を出力しました。",
    "incident.registered": "{target}を登録しました。",
    "incident.checklist_changed": "{target}の報告要否の確認を記録しました。",
    "incident.items_changed": "{target}の報告事項を記入しました。",
    "incident.preliminary_reported": "{target}の速報を記録しました。",
    "incident.final_reported": "{target}の確報を記録しました。",
    "incident.closed": "{target}の対応を完了にしました。",
    "incident.persons_added": "{target}の対象者を追加しました。",
    "incident.persons_notified": "{target}の本人への通知の状況を記録しました。",
    "incident.measure_added": "{target}の再発防止策を登録しました。",
    "incident.measure_done": "{target}の再発防止策の実施を記録しました。",
    "incident.report_printed": "{target}の報告の下書きを出力しました。",
    "incident.analysis_printed": "漏えい等事案の年次分析を出力しました。",
    "consignee.registered": "{target}を登録しました。",
    "consignee.updated": "{target}の基本情報を変更しました。",
    "consignee.selection_recorded": "{target}の選定の確認（規程第42条第3項）を記録しました。",
    "consignee.contract_recorded": "{target}との委託契約（規程第42条第4項）を記録しました。",
    "consignee.approved": "{target}を個人番号を取り扱う委託先として承認しました。",
    "consignee.ended": "{target}との委託を終了にしました。",
    "consignee.sub_approved": "{target}の再委託を許諾しました。",
    "consignee.sub_withdrawn": "{target}の再委託の許諾を取り消しました。",
    "consignee.hearing_recorded": "{target}の点検（ヒアリング）の結果を記録しました。",
    "consignee.certificate_added": "{target}から受け取った削除証明を保存しました。",
    "consignee.certificate_viewed": "{target}の削除証明を表示しました。",
    "consignee.register_printed": "委託先管理表を出力しました。",
    "deletion.paper_disposed": "個人番号が記載された書類を廃棄したことを確認しました。",
    "office.department_changed": "特定個人情報の取扱部署を変更しました。",
    "database.rebuilt": (
        "削除の後、削除した番号の痕跡が残らないようデータベースファイルを再構築しました。"
    ),
    "backup.destroyed": "古いバックアップ「{target}」を廃棄しました。",
    "backup.destroyed_by_hand": "バックアップを手作業で廃棄したことを記録しました。",
    "request.received": "{target}を受け付けました。",
    "request.verified": "{target}の請求者の本人確認を記録しました。",
    "request.decided": "{target}への決定を記録しました。",
    "request.reopened": "{target}への決定を、決定し直すために取り消しました。",
    "request.notice_printed": "{target}の決定通知書を出力しました。",
    "request.notified": "{target}の決定を本人に通知したことを記録しました。",
    "request.closed": "{target}を完了にしました。",
    "request.withdrawn": "{target}の取下げを記録しました。",
    "request.discarded": "保存期間を過ぎた{target}の記録を廃棄しました。",
}
SENTENCES_WITHOUT_TARGET = {
    "access.denied": "権限のない操作を拒否しました。",
    "notice.purpose_printed": "利用目的通知書を出力しました。",
}
