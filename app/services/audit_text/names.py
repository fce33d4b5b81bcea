"""Whom or what an event concerns, in words: a person's name and kind, a member's name and
login, a setting's label, a file's name; never a record code, never a number."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.my_number import looks_like_number
from app.domain.purposes import PersonKind
from app.domain.settings import SETTINGS, SettingKey

# Text from the log (file names, logins, names) is shown up to this length, and never when it
# holds a run of digits that could be a number (the rule fields stored in plain are held to).
_TEXT_LIMIT = 200
NUMBER_LIKE_TEXT = "（番号のような数字列）"
NONE = "なし"


def safe(text: str) -> str:
    return NUMBER_LIKE_TEXT if looks_like_number(text) else text[:_TEXT_LIMIT]


@dataclass(frozen=True)
class Party:
    """Whom or what an event concerns: `name` and `kind` for the CSV's two columns, `label`
    for the one column of the screen."""

    name: str
    kind: str = ""
    label: str = ""

    @property
    def shown(self) -> str:
        return self.label or self.name


NOBODY = Party("")


@dataclass(frozen=True)
class Directory:
    """The names the service looked up for a page of events: people by record id (None: in
    the log only, their row gone), requests by id, staff by login name."""

    people: Mapping[int, Party] = field(default_factory=dict)
    requests: Mapping[int, Party] = field(default_factory=dict)
    staff: Mapping[str, Party] = field(default_factory=dict)


@dataclass
class Wanted:
    """What a page of events refers to, for the service to look up in one query each."""

    people: set[int] = field(default_factory=set)
    requests: set[int] = field(default_factory=set)
    staff: set[str] = field(default_factory=set)


def record_id(target: str, prefix: str) -> int | None:
    if not target.startswith(prefix):
        return None
    rest = target.removeprefix(prefix)
    return int(rest) if rest.isdigit() else None


def id_of(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def wanted(events: list[tuple[str, str, str, Mapping[str, object]]]) -> Wanted:
    """The people, requests and staff that (actor login, action, target, detail) events name."""
    found = Wanted()
    for actor, action, target, detail in events:
        found.staff.add(actor)
        if action.startswith("staff."):
            found.staff.add(target)
        person = record_id(target, "person:")
        if person is not None:
            found.people.add(person)
        request = record_id(target, "request:")
        if request is not None:
            found.requests.add(request)
        if (person := id_of(detail.get("person"))) is not None:
            found.people.add(person)
        if (request := id_of(detail.get("request"))) is not None:
            found.requests.add(request)
    return found


def person_party(person_id: int, directory: Directory) -> Party:
    found = directory.people.get(person_id)
    if found is not None:
        return found
    # No row and no deletion record: say so, never show what the number might be.
    return Party(f"削除済みの方（記録番号{person_id}）", "対象者")


def request_party(request_id: int, directory: Directory) -> Party:
    found = directory.requests.get(request_id)
    if found is not None:
        return found
    return Party(f"廃棄済みの請求（記録番号{request_id}）", "開示等の請求")


# The actor names the log keeps for who is no member: in words wherever they are shown.
SPECIAL_LOGINS = {"(unknown)": "登録のないログイン名", "(recovery-key)": "回復キー使用者"}


def staff_party(login: str, directory: Directory) -> Party:
    found = directory.staff.get(login)
    if found is not None:
        return found
    if login in SPECIAL_LOGINS:
        return Party(SPECIAL_LOGINS[login], "職員")
    return Party(safe(login), "職員")


def target_party(action: str, target: str, directory: Directory) -> Party:
    """The event's target in words: a person's name and kind, a member's name and login, a
    setting's label, a file's name; never a record code."""
    if not target:
        return NOBODY
    if action.startswith("staff."):
        return staff_party(target, directory)
    if (person := record_id(target, "person:")) is not None:
        return person_party(person, directory)
    if (request := record_id(target, "request:")) is not None:
        return request_party(request, directory)
    if (run := record_id(target, "deletion_run:")) is not None:
        return Party(f"削除の実行計画 No.{run}", "削除の実行計画")
    if (incident := record_id(target, "incident:")) is not None:
        return Party(f"漏えい等事案 No.{incident}", "漏えい等事案")
    if (consignee := record_id(target, "consignee:")) is not None:
        return Party(f"委託先 No.{consignee}", "委託先")
    if (training := record_id(target, "training:")) is not None:
        return Party(f"研修 No.{training}", "研修記録")
    if (review := record_id(target, "review:")) is not None:
        return Party(f"アカウントの棚卸し No.{review}", "アカウントの棚卸し")
    if (output := record_id(target, "output:")) is not None:
        return Party(f"持出し・出力 No.{output:05d}", "持出し・出力")
    if (year := record_id(target, "year_end:")) is not None:
        return Party(f"{year}年分の法定調書", "法定調書")
    if action == "settings.changed":
        return Party(_setting_label(target), "設定")
    if target.startswith("import:"):
        return Party(safe(target.removeprefix("import:")), "取込みファイル")
    if action.startswith("import."):
        return Party(safe(target), "取込みファイル")
    if action.startswith("backup.") or action == "vault.restored":
        return Party(safe(target), "バックアップ")
    if action == "office.created":
        return Party(safe(target), "事業所")
    fixed = _FIXED_TARGETS.get(target)
    if fixed is not None:
        return fixed
    return Party(safe(target))


# The words services pass as a target where no one record is concerned (a refused start of
# a registration, an import, a run).
_FIXED_TARGETS = {
    "office": Party("事業所の連絡先", "事業所"),
    "all": Party("対象者全員", "対象者"),
    "deletion": Party("削除の実行計画", "削除の実行計画"),
    "outputs": Party("持出し・出力記録", "持出し・出力記録"),
    "employee": Party("従業員の新規登録", PersonKind.EMPLOYEE.label),
    "payee": Party("支払先の新規登録", PersonKind.PAYEE.label),
    "notice": Party("利用目的通知書", "書類"),
    "import": Party("ファイルからの取込み", "取込みファイル"),
    "request": Party("開示等の請求", "開示等の請求"),
    "inspection": Party("自己点検報告書", "書類"),
}


def _setting_label(key: str) -> str:
    try:
        return SETTINGS[SettingKey(key)].label
    except ValueError:
        return safe(key)
