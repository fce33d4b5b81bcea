"""Roles, what each may do (SPEC §1), and the two-person conflicts worth a warning."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 事務取扱担当者
    SUPERVISOR = "supervisor"  # 事務取扱責任者
    MANAGER = "manager"  # 特定個人情報管理責任者
    AUDITOR = "auditor"  # 監査責任者

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.CLERK: "事務取扱担当者",
    Role.SUPERVISOR: "事務取扱責任者",
    Role.MANAGER: "特定個人情報管理責任者",
    Role.AUDITOR: "監査責任者",
}


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"
    READ_AUDIT = "read_audit"
    ACKNOWLEDGE_FLAGS = "acknowledge_flags"
    EXPORT_AUDIT = "export_audit"
    VERIFY_VAULT = "verify_vault"
    MAKE_BACKUP = "make_backup"
    HANDLE_NUMBERS = "handle_numbers"
    REISSUE_RECOVERY_KEY = "reissue_recovery_key"
    APPROVE_DELETION = "approve_deletion"
    # Deleting a number before its retention date (規程第32条): the manager's decision.
    APPROVE_EARLY_DELETION = "approve_early_deletion"
    # Deciding and answering requests from individuals (個人情報保護法第32条〜第39条).
    DECIDE_REQUESTS = "decide_requests"
    # Leak incidents (規程第12–14条): the supervisor and the manager register one; the manager
    # decides, reports and closes it.
    REGISTER_INCIDENTS = "register_incidents"
    MANAGE_INCIDENTS = "manage_incidents"
    # Consignees (規程第42–43条): the manager selects, contracts, approves and ends them (第7条
    # 第2項②: the selection standard is the manager's); the supervisor supervises how they
    # handle the data (第9条⑥), so records the hearings; the clerk keeps the deletion
    # certificates received among the records of 第15条⑤.
    MANAGE_CONSIGNEES = "manage_consignees"
    RECORD_CONSIGNEE_HEARINGS = "record_consignee_hearings"
    RECORD_CONSIGNEE_CERTIFICATES = "record_consignee_certificates"
    # Training (規程第9条⑦, 第50条): the supervisor holds it and the manager oversees it, so
    # either records a session. The yearly account review (規程第9条④) checks the roles and
    # scopes the manager sets: the manager records it.
    RECORD_TRAINING = "record_training"
    REVIEW_ACCOUNTS = "review_accounts"

    @property
    def label(self) -> str:
        return PERMISSION_LABELS[self]


PERMISSION_LABELS = {
    Permission.MANAGE_STAFF: "職員アカウントの管理",
    Permission.MANAGE_SETTINGS: "設定の変更",
    Permission.READ_AUDIT: "アクセス記録の閲覧",
    Permission.ACKNOWLEDGE_FLAGS: "アクセス記録の注意事項の確認",
    Permission.EXPORT_AUDIT: "アクセス記録の書き出し",
    Permission.VERIFY_VAULT: "データの検証",
    Permission.MAKE_BACKUP: "バックアップの作成",
    Permission.HANDLE_NUMBERS: "個人番号の取扱い",
    Permission.REISSUE_RECOVERY_KEY: "回復キーの再発行",
    Permission.APPROVE_DELETION: "個人番号の削除の承認",
    Permission.APPROVE_EARLY_DELETION: "保存期間内の個人番号の削除の承認",
    Permission.DECIDE_REQUESTS: "開示等の請求への決定・通知",
    Permission.REGISTER_INCIDENTS: "漏えい等事案の登録",
    Permission.MANAGE_INCIDENTS: "漏えい等事案の対応・報告",
    Permission.MANAGE_CONSIGNEES: "委託先の選定・契約・承認",
    Permission.RECORD_CONSIGNEE_HEARINGS: "委託先の点検（ヒアリング）の記録",
    Permission.RECORD_CONSIGNEE_CERTIFICATES: "委託先の削除証明の受領の記録",
    Permission.RECORD_TRAINING: "研修の記録",
    Permission.REVIEW_ACCOUNTS: "アカウントの棚卸しの記録",
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.HANDLE_NUMBERS, Permission.RECORD_CONSIGNEE_CERTIFICATES}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.HANDLE_NUMBERS,
            Permission.READ_AUDIT,
            Permission.ACKNOWLEDGE_FLAGS,
            Permission.VERIFY_VAULT,
            Permission.APPROVE_DELETION,
            Permission.REGISTER_INCIDENTS,
            Permission.RECORD_CONSIGNEE_HEARINGS,
            Permission.RECORD_CONSIGNEE_CERTIFICATES,
            Permission.RECORD_TRAINING,
        }
    ),
    Role.MANAGER: frozenset(
        {
            Permission.HANDLE_NUMBERS,
            Permission.MANAGE_STAFF,
            Permission.MANAGE_SETTINGS,
            Permission.READ_AUDIT,
            Permission.ACKNOWLEDGE_FLAGS,
            Permission.EXPORT_AUDIT,
            Permission.VERIFY_VAULT,
            Permission.MAKE_BACKUP,
            Permission.REISSUE_RECOVERY_KEY,
            Permission.APPROVE_DELETION,
            Permission.APPROVE_EARLY_DELETION,
            Permission.DECIDE_REQUESTS,
            Permission.REGISTER_INCIDENTS,
            Permission.MANAGE_INCIDENTS,
            Permission.MANAGE_CONSIGNEES,
            Permission.RECORD_CONSIGNEE_HEARINGS,
            Permission.RECORD_CONSIGNEE_CERTIFICATES,
            Permission.RECORD_TRAINING,
            Permission.REVIEW_ACCOUNTS,
        }
    ),
    Role.AUDITOR: frozenset(
        {Permission.READ_AUDIT, Permission.EXPORT_AUDIT, Permission.VERIFY_VAULT}
    ),
}


def parse_roles(values: list[str] | tuple[str, ...] | frozenset[str]) -> frozenset[Role]:
    """Role codes from user input; raises ValueError naming the unknown one."""
    roles = set()
    for value in values:
        try:
            roles.add(Role(value.strip().lower()))
        except ValueError:
            raise ValueError(value) from None
    return frozenset(roles)


def may(roles: frozenset[Role], permission: Permission) -> bool:
    return any(permission in ROLE_PERMISSIONS[role] for role in roles)


def may_see_numbers(roles: frozenset[Role]) -> bool:
    """Decides whether the number key is sealed into a member's slot; the auditor never."""
    return may(roles, Permission.HANDLE_NUMBERS)


def two_person_conflicts(roles: frozenset[Role]) -> list[str]:
    """Warnings where one person would hold both sides of a control (SPEC §1)."""
    warnings = []
    if Role.CLERK in roles and Role.SUPERVISOR in roles:
        warnings.append(
            "事務取扱担当者と事務取扱責任者を兼ねると、削除や一括出力の提案と承認を同じ人が行えます。"
        )
    if Role.CLERK in roles and Role.MANAGER in roles:
        warnings.append(
            "特定個人情報管理責任者が事務取扱担当者を兼ねています。一人で事務を行う事業所では"
            "差し支えありませんが、職員が増えたら担当者を分け、この役割を外してください。"
        )
    if Role.AUDITOR in roles and roles - {Role.AUDITOR}:
        warnings.append(
            "監査責任者が他の役割を兼ねると、自分の操作を自分で監査することになります。"
            "また、取扱いの役割があるため個人番号を閲覧できるようになります。"
        )
    return warnings


def purpose_in_scope(scopes: frozenset[tuple[str, str]], purpose: str) -> bool:
    return ("purpose", purpose) in scopes


def person_in_scope(
    scopes: frozenset[tuple[str, str]], person_kind: str, department: str | None
) -> bool:
    """A person is in a member's groups by kind (kind:employee…) or by department (dept:…; a
    dependent counts under the employee's department). An empty scope holds nobody."""
    if ("group", f"kind:{person_kind}") in scopes:
        return True
    return department is not None and ("group", f"dept:{department}") in scopes
