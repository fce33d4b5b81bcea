"""The label of every key the program writes into an event's detail, and its value in words
(purposes, decisions, roles, scopes, settings, はい/いいえ, counts with their unit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.domain import corporate_number, scopes, year_end
from app.domain import outputs as output_rules
from app.domain.access import PERMISSION_LABELS, Permission, Role
from app.domain.consignees import HearingKind, HearingResult
from app.domain.display_dates import japanese_day, japanese_time
from app.domain.individual_requests.decisions import Decision
from app.domain.individual_requests.kinds import RequestKind
from app.domain.log_rules import RULE_LABELS
from app.domain.person_fields import LABELS as PERSON_FIELD_LABELS
from app.domain.purposes import CATALOG, PersonKind
from app.domain.settings import SETTINGS, SettingKey
from app.domain.verification.terms import Channel, Outcome, Provider
from app.domain.withholding_slip import COPY_LABELS, FORM_LABELS
from app.services.audit_text.names import (
    NONE,
    Directory,
    id_of,
    person_party,
    request_party,
    safe,
)
from app.services.deletion import TRIGGER_LABELS
from app.services.refusals import ANSWERS
from app.services.verification_scans import MEDIA_LABELS

# The copies of the other statutory forms (支払調書, 退職所得の源泉徴収票・特別徴収票).
OTHER_COPY_LABELS = {
    "payee": "支払を受ける者用（写し・番号なし）",
    "special_levy": "特別徴収票（市区町村提出用）",
}


@dataclass(frozen=True)
class Context:
    action: str
    target: str
    directory: Directory


Format = Callable[[object, Context], str]


def plain(value: object, _ctx: Context | None = None) -> str:
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, list | tuple):
        return "、".join(plain(v) for v in value)
    if isinstance(value, int):
        return f"{value:,}"
    return safe(str(value))


def _coded(table: Mapping[str, str]) -> Format:
    def show(value: object, _ctx: Context) -> str:
        if isinstance(value, list | tuple):
            return "、".join(show(v, _ctx) for v in value) or NONE
        return table.get(str(value), plain(value))

    return show


def _count(unit: str) -> Format:
    def show(value: object, _ctx: Context) -> str:
        return f"{value:,}{unit}" if isinstance(value, int) else plain(value)

    return show


def _year_end_source(value: object, _ctx: Context) -> str:
    text = str(value)
    return "取込み" if text.startswith("import") else "入力" if text == "typed" else plain(value)


def _yes_no(value: object, _ctx: Context) -> str:
    return plain(bool(value))


def _corporate_number(value: object, _ctx: Context) -> str:
    """A 法人番号 is public and shown as set; anything else that is not one stays hidden like
    any run of digits."""
    try:
        return corporate_number.CorporateNumber(str(value)).digits
    except corporate_number.InvalidCorporateNumber:
        return plain(value)


def _record_no(value: object, _ctx: Context) -> str:
    number = id_of(value)
    return f"No.{number}" if number is not None else plain(value)


def short(label: str) -> str:
    """A catalogue name without its explanation in brackets: 雇用保険届出事務."""
    return label.split("（", 1)[0]


PURPOSE_LABELS = {code: short(entry.name) for code, entry in CATALOG.items()}
ROLE_LABELS = {role.value: role.label for role in Role}
DENIAL_REASONS = {
    "no_number_key": "個人番号を扱う役割ではない",
    "purpose_scope": "担当外の事務",
    "group_scope": "担当範囲外の対象者",
    "copy_disabled": "設定で個人番号のコピーが許可されていない",
    "not_collected_for": "取得したときの利用目的に含まれない",
    "two_person_rule": "提案した本人は承認できない（二人承認）",
    "own_flag": "自分の操作についての注意事項は確認できない（二人承認）",
    "incident_reader": "漏えい等事案の一覧を閲覧できる役割ではない",
    "not_maker": "他の職員が登録した出力（取り消せるのは登録した職員と特定個人情報管理責任者）",
}
CONSIGNEE_FIELD_LABELS = {
    "name": "名称",
    "corporate_number": "法人番号",
    "address": "所在地",
    "contact": "連絡先",
    "purposes": "委託する事務",
    "work": "委託する業務の内容",
}
SOURCES = {
    "import": "ファイルからの取込み",
    "demo": "サンプルデータの作成",
    "correction": "個人番号の訂正",
}
NUMBER_VERIFICATION = {"recorded": "記録済み", "pending": "未了（後で記録）"}
IMPORT_STAGES = {"reading": "ファイルの読込み", "checking": "内容の確認", "writing": "書込み"}
SECRET_STORES = {
    "keyring": "Windowsの資格情報マネージャー",
    "file": "データフォルダー内のファイル（デモ・開発用）",
}
CHECK_RESULTS = {"ok": "異常なし"}
ROTATION_REASONS = {
    "revocation": "職員の権限の取消し（役割の変更・無効化・パスワードのリセット）",
    "deletion": "個人番号の削除",
}


def _scope_list(value: object, _ctx: Context) -> str:
    """A member's scope as logged ("purpose:CODE", "group:kind:employee", "group:dept:名"):
    the groups of people first, then the 事務 by their short names."""
    if not isinstance(value, list | tuple) or not value:
        return NONE
    groups, purposes = [], []
    for item in value:
        kind, _, code = str(item).partition(":")
        if kind == "purpose":
            purposes.append(PURPOSE_LABELS.get(code, safe(code)))
        else:
            groups.append(safe(scopes.label(kind, code)))
    return "、".join(groups + purposes)


def _setting_value(value: object, ctx: Context) -> str:
    try:
        spec = SETTINGS[SettingKey(ctx.target)]
        parsed = spec.parse(str(value))
    except ValueError:
        return plain(value)
    if isinstance(parsed, bool):
        return "オン" if parsed else "オフ"
    return f"{parsed:,}{spec.unit}"


def _before_after(value: object, ctx: Context) -> str:
    if ctx.action == "settings.changed":
        return _setting_value(value, ctx)
    if ctx.action == "staff.roles_changed":
        return _coded(ROLE_LABELS)(value, ctx)
    if ctx.action == "staff.scopes_changed":
        return _scope_list(value, ctx)
    return plain(value)


def _kind(value: object, ctx: Context) -> str:
    if ctx.action.startswith("request."):
        return _coded({k.value: k.label for k in RequestKind})(value, ctx)
    return _coded({k.value: k.label for k in PersonKind})(value, ctx)


def _verification(value: object, ctx: Context) -> str:
    if isinstance(value, str) and not value.isdigit():
        return _coded(NUMBER_VERIFICATION)(value, ctx)
    return _record_no(value, ctx)


def _person(value: object, ctx: Context) -> str:
    person = id_of(value)
    if person is None:
        return "登録されていない方" if value is None else plain(value)
    return person_party(person, ctx.directory).shown


def _request(value: object, ctx: Context) -> str:
    request = id_of(value)
    return request_party(request, ctx.directory).shown if request is not None else plain(value)


def _moment(value: object, _ctx: Context) -> str:
    try:
        return japanese_time(str(value))
    except ValueError:
        return plain(value)


def _day(value: object, _ctx: Context) -> str:
    try:
        return japanese_day(str(value))
    except ValueError:
        return plain(value)


def _size(value: object, _ctx: Context) -> str:
    if not isinstance(value, int):
        return plain(value)
    if value >= 1024 * 1024:
        return f"{value / (1024 * 1024):,.1f} MB"
    return f"{max(value // 1024, 1):,} KB"


def _last_entry(value: object, ctx: Context) -> str:
    return NONE if value is None else _record_no(value, ctx)


def _flag(value: object, ctx: Context) -> str:
    """An anomaly flag's key (rule:login:moment) in words."""
    rule, _, rest = str(value).partition(":")
    login, _, moment = rest.partition(":")
    if rule not in RULE_LABELS:
        return plain(value)
    when = _day(moment, ctx) if len(moment) == 10 else _moment(moment, ctx)
    return f"{RULE_LABELS[rule]}（{login}、{when}）"


@dataclass(frozen=True)
class FieldSpec:
    label: str
    show: Format = plain


# Every key the program writes into a detail, in the order the fields are listed. A key
# whose meaning depends on the action has an entry in _FIELDS_BY_ACTION as well.
FIELDS: dict[str, FieldSpec] = {
    "permission": FieldSpec(
        "拒否した操作", _coded({p.value: PERMISSION_LABELS[p] for p in Permission})
    ),
    "reason": FieldSpec("理由", _coded(DENIAL_REASONS)),
    "purpose": FieldSpec("利用目的", _coded(PURPOSE_LABELS)),
    "purposes": FieldSpec("利用目的", _coded(PURPOSE_LABELS)),
    "kind": FieldSpec("区分", _kind),
    "person": FieldSpec("対象者", _person),
    "request": FieldSpec("開示等の請求", _request),
    "decision": FieldSpec("決定", _coded({d.value: d.label for d in Decision})),
    "own_number": FieldSpec("本人の個人番号の記載", _yes_no),
    "notice_no": FieldSpec("通知番号"),
    "kept_until": FieldSpec("保存期限", _day),
    "answer": FieldSpec("回答", _coded(ANSWERS)),
    "verification": FieldSpec("本人確認の記録", _verification),
    "outcome": FieldSpec("結果", _coded({o.value: o.label for o in Outcome})),
    "channel": FieldSpec("受け取り方", _coded({c.value: c.label for c in Channel})),
    "provider": FieldSpec("提出した人", _coded({p.value: short(p.label) for p in Provider})),
    "scan": FieldSpec("書類の写し", _record_no),
    "media_type": FieldSpec("形式", _coded(MEDIA_LABELS)),
    "source": FieldSpec("登録の方法", _coded(SOURCES)),
    "fields": FieldSpec("訂正した項目", _coded(PERSON_FIELD_LABELS)),
    "correction": FieldSpec("訂正の記録", _record_no),
    "trigger": FieldSpec("きっかけ", _coded({k: short(v) for k, v in TRIGGER_LABELS.items()})),
    "people": FieldSpec("人数", _count("人")),
    "early": FieldSpec("うち保存期間内", _count("人")),
    "single_person": FieldSpec("提案した本人による承認", _yes_no),
    "deleted": FieldSpec("削除した人数", _count("人")),
    "kept": FieldSpec("削除しなかった人数（必要が続くため）", _count("人")),
    "run": FieldSpec("削除の実行計画", _record_no),
    "record": FieldSpec("削除の記録", _record_no),
    "from": FieldSpec("期間の初日", _day),
    "to": FieldSpec("期間の末日", _day),
    "records": FieldSpec("件数", _count("件")),
    "roles": FieldSpec("役割", _coded(ROLE_LABELS)),
    "scopes": FieldSpec("担当範囲", _scope_list),
    "before": FieldSpec("変更前", _before_after),
    "after": FieldSpec("変更後", _before_after),
    "reenabled": FieldSpec("無効だったアカウントを有効に戻した", _yes_no),
    "finished_at_sign_in": FieldSpec("中断された操作をサインイン時に完了した", _yes_no),
    "logins": FieldSpec("署名どおりに戻したアカウント"),
    "versions": FieldSpec("署名が合わない版の数", _count("件")),
    "slots": FieldSpec("鍵スロットの数", _count("件")),
    "request_desk": FieldSpec("請求・苦情の窓口"),
    "address": FieldSpec("所在地"),
    "phone": FieldSpec("電話番号"),
    "sender_title": FieldSpec("差出人の役職"),
    "sender_name": FieldSpec("差出人の氏名"),
    "corporate_number": FieldSpec("法人番号", _corporate_number),
    "at": FieldSpec("失敗した日時", _moment),
    "rows": FieldSpec("行数", _count("行")),
    "rows_done": FieldSpec("処理済みの行数", _count("行")),
    "problems": FieldSpec("問題のある行", _count("件")),
    "stage": FieldSpec("中止した段階", _coded(IMPORT_STAGES)),
    "employees": FieldSpec("従業員", _count("人")),
    "dependents": FieldSpec("扶養親族", _count("人")),
    "payees": FieldSpec("支払先", _count("人")),
    "numbers": FieldSpec("個人番号", _count("件")),
    "new": FieldSpec("新規", _count("人")),
    "changed": FieldSpec("更新", _count("人")),
    "unchanged": FieldSpec("変更なし", _count("人")),
    "result": FieldSpec("結果", _coded(CHECK_RESULTS)),
    "entries": FieldSpec("記録の件数", _count("件")),
    "pages": FieldSpec("確認したページ数", _count("ページ")),
    "leftover_pages": FieldSpec("ファイル末尾の未使用ページ数", _count("ページ")),
    "secret_store": FieldSpec("PCに結び付ける鍵の保管場所", _coded(SECRET_STORES)),
    "size": FieldSpec("大きさ", _size),
    # The program's own hex digest: shown whole, a run of its digits is no one's number.
    "sha256": FieldSpec("ハッシュ値（SHA-256）", lambda value, _ctx: str(value)),
    "backup": FieldSpec("バックアップ", _record_no),
    "previous_anchor_seq": FieldSpec("復元前の最後の記録", _last_entry),
    "replaced_files_moved_to": FieldSpec("置き換えたファイルの移動先"),
    "scans": FieldSpec("暗号化し直した書類の写し", _count("件")),
    "reasons": FieldSpec("理由", _coded(ROTATION_REASONS)),
    "unreadable": FieldSpec("復号できず暗号化し直さなかった値", _count("件")),
    "form": FieldSpec("帳票", _coded({**year_end.FORMS, **FORM_LABELS})),
    "year": FieldSpec("年分", lambda value, _ctx: f"{value}年分"),
    "copy": FieldSpec("控えの種類", _coded({**COPY_LABELS, **OTHER_COPY_LABELS})),
    "slip": FieldSpec("枚目", lambda value, _ctx: f"{value}枚目"),
    "flags": FieldSpec("注意事項", _count("件")),
    "rule": FieldSpec("注意事項の種類", _coded(RULE_LABELS)),
    "flag": FieldSpec("確認した注意事項", _flag),
    "destination": FieldSpec("提出先・交付先", lambda value, _ctx: plain(value)),
    "method": FieldSpec("方法", _coded({m.value: m.label for m in output_rules.Method})),
    "persons": FieldSpec("人数", _count("人")),
    "state": FieldSpec("結果", _coded({s.value: s.label for s in output_rules.State})),
    "bulk_reason": FieldSpec("一括出力の理由", lambda value, _ctx: plain(value)),
    "threshold": FieldSpec("一括出力の目安", _count("人")),
    "output": FieldSpec("出力番号", lambda value, _ctx: f"No.{plain(value).zfill(5)}"),
    "next_due": FieldSpec("次回の期限", _day),
    "to_change": FieldSpec("変更・無効化が必要なアカウント", _count("件")),
    "printed_as": FieldSpec("元の出力", lambda value, _ctx: f"No.{plain(value).zfill(5)}"),
    "points_met": FieldSpec("満たした選定項目（6項目中）", _count("項目")),
    "clauses_present": FieldSpec("盛り込まれた契約条項（10項目中）", _count("項目")),
    "sub": FieldSpec("再委託先", _record_no),
    "hearing_kind": FieldSpec("点検の種類", _coded({k.value: k.label for k in HearingKind})),
    "hearing_result": FieldSpec("点検の結果", _coded({r.value: r.label for r in HearingResult})),
    "certificate": FieldSpec("削除証明", _record_no),
}
_FIELDS_BY_ACTION: dict[tuple[str, str], FieldSpec] = {
    ("request.received", "kind"): FieldSpec("請求の種類", _kind),
    ("request.discarded", "kind"): FieldSpec("請求の種類", _kind),
    ("number.registered", "verification"): FieldSpec("本人確認", _verification),
    ("accounts.reviewed", "records"): FieldSpec("確認したアカウント", _count("件")),
    ("audit.exported", "rows"): FieldSpec("書き出した件数", _count("件")),
    ("access.denied", "rows"): FieldSpec("拒否した行数", _count("行")),
    ("access.denied", "people"): FieldSpec("担当範囲外の人数", _count("人")),
    ("deletion.proposed", "people"): FieldSpec("対象の人数", _count("人")),
    ("number.form_printed", "numbers"): FieldSpec("記載した個人番号", _count("件")),
    ("consignee.updated", "fields"): FieldSpec("変更した項目", _coded(CONSIGNEE_FIELD_LABELS)),
    ("consignee.registered", "purposes"): FieldSpec("委託する事務", _coded(PURPOSE_LABELS)),
    ("consignee.hearing_recorded", "year"): FieldSpec("点検の年", lambda value, _ctx: f"{value}年"),
    ("year_end.saved", "fields"): FieldSpec("登録した項目", _coded(year_end.FIELD_LABELS)),
    ("year_end.corrected", "fields"): FieldSpec("訂正した項目", _coded(year_end.FIELD_LABELS)),
    ("year_end.saved", "form"): FieldSpec("帳票", _coded(year_end.FORMS)),
    ("year_end.corrected", "form"): FieldSpec("帳票", _coded(year_end.FORMS)),
    ("year_end.saved", "source"): FieldSpec("登録の方法", _year_end_source),
    ("year_end.corrected", "source"): FieldSpec("登録の方法", _year_end_source),
    ("output.registered", "form"): FieldSpec("書類", _coded(output_rules.FORM_LABELS)),
    ("number.form_exported", "form"): FieldSpec("書類", _coded(output_rules.FORM_LABELS)),
    ("import.source_reminder", "numbers"): FieldSpec("取り込んだ個人番号", _count("件")),
    ("vault.number_key_rotated", "numbers"): FieldSpec("暗号化し直した個人番号", _count("件")),
    ("vault.number_key_rotated", "records"): FieldSpec(
        "方法の記載を確定した削除の記録", _count("件")
    ),
}
ORDER = {key: index for index, key in enumerate(FIELDS)}


def field_spec(action: str, key: str) -> FieldSpec | None:
    return _FIELDS_BY_ACTION.get((action, key)) or FIELDS.get(key)
