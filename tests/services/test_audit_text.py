"""The access log in words (app.services.audit_text): every action the program logs has a
group and a sentence, every detail key it writes has a Japanese label (found by reading the
code, as tests/services/test_action_labels.py finds the actions), every code value a label,
and an event is never shown with a record code, an English code or a number."""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import audit_text
from app.services.audit import ACTION_LABELS
from app.services.audit_text import (
    ACTION_GROUPS,
    FIELDS,
    SENTENCES,
    Directory,
    Party,
    describe,
    field_spec,
    target_party,
)
from storage.office_repo import OfficeContact

ROOT = Path(__file__).resolve().parents[2]
ACTION = re.compile(r"^[a-z]+\.[a-z_]+$")
# What an English program code looks like on screen: "person:418", "retention_expired", a
# Python boolean. Tests of the page, the CSV and the services use the same pattern.
ENGLISH_CODE = re.compile(r"[a-z_]+:|[a-z]+_[a-z]+|\bTrue\b|\bFalse\b")
EMPTY = Directory()


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "app").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _is_action(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and ACTION.match(node.value) is not None
    )


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


class DetailKeys:
    """Reads the code for the keys of every detail handed to the access log: dict literals,
    and what a name, a helper's return value or a shared detail was built from."""

    def __init__(self) -> None:
        self.modules = dict(_sources())
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        self.parents: dict[ast.AST, ast.AST] = {}
        for tree in self.modules.values():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
                if isinstance(node, ast.FunctionDef):
                    self.functions.setdefault(node.name, []).append(node)
        self.keys: dict[str, set[str]] = {}  # key -> actions (or "?" when not known)
        self.values: dict[str, set[str]] = {}  # key -> constant values written
        self.unresolved: set[str] = set()

    def _module_of(self, node: ast.AST) -> ast.Module:
        while not isinstance(node, ast.Module):
            node = self.parents[node]
        return node

    def _function_of(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def _where(self, node: ast.AST) -> str:
        module = self._module_of(node)
        path = next(p for p, t in self.modules.items() if t is module)
        return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"

    def scan(self) -> DetailKeys:
        for tree in self.modules.values():
            for node in ast.walk(tree):
                for action, detail in self._details(node):
                    self._add(detail, action, depth=0)
        return self

    def _details(self, node: ast.AST) -> Iterator[tuple[str, ast.expr]]:
        if isinstance(node, ast.Call):
            name = _call_name(node)
            action = next(
                (
                    a.value
                    for a in node.args
                    if isinstance(a, ast.Constant)
                    and isinstance(a.value, str)
                    and ACTION.match(a.value)
                ),
                "?",
            )
            for keyword in node.keywords:
                if keyword.arg == "detail" and name in {"record", "deny", "AuditEvent"}:
                    yield action, keyword.value
            if name == "AuditEvent" and len(node.args) >= 5:
                yield action, node.args[4]
        if (
            isinstance(node, ast.Tuple)
            and len(node.elts) == 3
            and _is_action(node.elts[0])
            and not _is_action(node.elts[1])  # a tuple of actions, as in ACTION_GROUPS
        ):
            assert isinstance(node.elts[0], ast.Constant)
            yield str(node.elts[0].value), node.elts[2]

    def _add(self, expr: ast.expr, action: str, depth: int) -> None:
        if depth > 8:
            self.unresolved.add(self._where(expr))
            return
        if isinstance(expr, ast.Constant) and expr.value is None:
            return
        if isinstance(expr, ast.Dict):
            for key, value in zip(expr.keys, expr.values, strict=True):
                if key is None:
                    self._add(value, action, depth + 1)
                elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                    self.keys.setdefault(key.value, set()).add(action)
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        self.values.setdefault(key.value, set()).add(value.value)
                else:
                    self.unresolved.add(self._where(expr))
            return
        if isinstance(expr, ast.IfExp):
            self._add(expr.body, action, depth + 1)
            self._add(expr.orelse, action, depth + 1)
            return
        if isinstance(expr, ast.Call):
            self._add_call(expr, action, depth)
            return
        if isinstance(expr, ast.Name):
            self._add_name(expr, action, depth)
            return
        if isinstance(expr, ast.Attribute | ast.Subscript):
            self._add_contents(expr, action, depth)
            return
        self.unresolved.add(self._where(expr))

    def _add_call(self, call: ast.Call, action: str, depth: int) -> None:
        name = _call_name(call)
        if name in {"shared_detail", "dict"} and call.args:
            self._add(call.args[0], action, depth + 1)
            return
        if name == "get" and isinstance(call.func, ast.Attribute):
            self._add_contents(call.func, action, depth)
            return
        found = self.functions.get(name, [])
        if not found:
            self.unresolved.add(self._where(call))
        for function in found:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    self._add(node.value, action, depth + 1)

    def _add_name(self, name: ast.Name, action: str, depth: int) -> None:
        function = self._function_of(name)
        if function is None:
            self.unresolved.add(self._where(name))
            return
        bound = {a.arg for a in [*function.args.args, *function.args.kwonlyargs]}
        assigned = False
        for node in ast.walk(function):
            if (
                isinstance(node, ast.AnnAssign)
                and node.value is not None
                and isinstance(node.target, ast.Name)
                and node.target.id == name.id
            ):
                assigned = True
                self._add(node.value, action, depth + 1)
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name.id:
                        assigned = True
                        self._add(node.value, action, depth + 1)
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == name.id
                        and isinstance(target.slice, ast.Constant)
                    ):
                        self.keys.setdefault(str(target.slice.value), set()).add(action)
            if isinstance(node, ast.comprehension | ast.For):
                bound |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        if not assigned and name.id not in bound:
            self.unresolved.add(self._where(name))
        # A parameter or a loop variable passes on a detail built elsewhere (audit.record
        # itself, record_all): that detail is found where it is built.

    def _add_contents(self, expr: ast.Attribute | ast.Subscript, action: str, depth: int) -> None:
        """`self.counts`, `self.details[kind]`, `cache.get(k)`: what the attribute is set to
        in its module (a dict's or a dict comprehension's values for an item)."""
        item = isinstance(expr, ast.Subscript) or (
            isinstance(self.parents.get(expr), ast.Call) and _call_name(self.parents[expr]) == "get"
        )
        attribute = expr.value if isinstance(expr, ast.Subscript) else expr
        if not isinstance(attribute, ast.Attribute):
            self.unresolved.add(self._where(expr))
            return
        for node in ast.walk(self._module_of(expr)):
            value = None
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Attribute) and t.attr == attribute.attr for t in targets):
                    value = node.value
            if value is None:
                continue
            if item and isinstance(value, ast.DictComp):
                self._add(value.value, action, depth + 1)
            elif item and isinstance(value, ast.Dict):
                for inner in value.values:
                    self._add(inner, action, depth + 1)
            elif not item:
                self._add(value, action, depth + 1)


@pytest.fixture(scope="module")
def written() -> DetailKeys:
    return DetailKeys().scan()


def test_the_scan_finds_the_details_of_every_family(written: DetailKeys) -> None:
    # Literals, a helper's return (registered_detail), a shared detail, a name filled in
    # steps (vault.verified), counts kept on an object (import.committed).
    for key in ("purpose", "reason", "permission", "kind", "verification", "run", "pages"):
        assert key in written.keys, key
    assert {"employees", "numbers", "rows"} <= written.keys.keys()
    # The office contact is logged as a comprehension over its fields: checked below.
    assert {w.split(":")[0] for w in written.unresolved} == {"app/services/office_contact.py"}


def test_every_detail_key_the_program_writes_has_a_label(written: DetailKeys) -> None:
    keys = set(written.keys) | {f.name for f in dataclasses.fields(OfficeContact)}
    assert sorted(keys - FIELDS.keys()) == []
    for key in keys:
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", FIELDS[key].label), key


def test_every_code_value_the_program_writes_is_in_words(written: DetailKeys) -> None:
    for key, values in written.values.items():
        for action in written.keys[key]:
            spec = field_spec(action, key)
            assert spec is not None
            for value in values:
                shown = describe(action, "", {key: value}, EMPTY).fields[0].value
                assert not ENGLISH_CODE.search(shown), (action, key, value, shown)


def test_every_source_of_a_registration_is_in_words() -> None:
    """`source=` reaches the detail through registered_detail's parameter."""
    sources = set()
    for _path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "source":
                given = node.value
            elif isinstance(node, ast.FunctionDef):
                args = node.args
                defaults = [
                    *zip(
                        args.args[len(args.args) - len(args.defaults) :], args.defaults, strict=True
                    ),
                    *zip(args.kwonlyargs, args.kw_defaults, strict=True),
                ]
                given = next((d for a, d in defaults if a.arg == "source"), None)
            else:
                continue
            if isinstance(given, ast.Constant) and isinstance(given.value, str):
                sources.add(given.value)
    assert {"import", "demo", "correction"} <= sources
    for source in sources:
        shown = describe("number.registered", "", {"source": source}, EMPTY).detail_line
        assert not ENGLISH_CODE.search(shown), shown


def test_every_target_word_the_program_passes_is_in_words() -> None:
    for _path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.keyword) or node.arg != "target":
                continue
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                shown = target_party("access.denied", value.value, EMPTY).shown
                assert shown != value.value and not ENGLISH_CODE.search(shown), value.value
            if isinstance(value, ast.JoinedStr) and isinstance(value.values[0], ast.Constant):
                prefix = str(value.values[0].value)
                shown = target_party("access.denied", prefix + "7", EMPTY).shown
                assert not ENGLISH_CODE.search(shown), prefix


def test_every_action_has_one_group_and_a_sentence() -> None:
    grouped = [action for group in ACTION_GROUPS for action in group.actions]
    assert len(grouped) == len(set(grouped))
    assert sorted(set(grouped) ^ ACTION_LABELS.keys()) == []
    assert sorted(SENTENCES.keys() ^ ACTION_LABELS.keys()) == []
    assert [g.label for g in ACTION_GROUPS] == [
        "閲覧・コピー",
        "出力（印刷・書き出し）",
        "登録・訂正",
        "本人確認",
        "削除",
        "開示等の請求",
        "漏えい等事案",
        "委託先",
        "アカウント",
        "サインイン",
        "設定",
        "その他",
    ]


def test_an_event_reads_as_a_sentence_with_labelled_fields() -> None:
    people = Directory(people={418: Party("山田 太郎", "従業員", "山田 太郎（従業員）")})
    shown = describe("number.revealed", "person:418", {"purpose": "employment_insurance"}, people)
    assert shown.target.shown == "山田 太郎（従業員）" and shown.target.kind == "従業員"
    assert shown.sentence == "山田 太郎（従業員）の個人番号を画面に表示しました。"
    assert shown.detail_line == "利用目的：雇用保険届出事務"
    assert shown.group == "閲覧・コピー" and shown.action == "個人番号の表示"

    proposed = describe(
        "deletion.proposed",
        "deletion_run:3",
        {"trigger": "retention_expired", "people": 2, "early": 0},
        EMPTY,
    )
    assert proposed.target.shown == "削除の実行計画 No.3"
    assert proposed.detail_line == "きっかけ：保存期間の経過／対象の人数：2人／うち保存期間内：0人"

    printed = describe("request.notice_printed", "request:5", {"own_number": False}, EMPTY)
    assert printed.detail_line == "本人の個人番号の記載：いいえ"
    assert printed.target.shown == "廃棄済みの請求（記録番号5）"

    setting = describe(
        "settings.changed", "copy_allowed", {"before": "true", "after": "false"}, EMPTY
    )
    assert setting.target.shown == "個人番号のコピーを許可する"
    assert setting.detail_line == "変更前：オン／変更後：オフ"

    roles = describe(
        "staff.roles_changed", "tanaka", {"before": ["clerk"], "after": ["auditor"]}, EMPTY
    )
    assert roles.detail_line == "変更前：事務取扱担当者／変更後：監査責任者"
    assert roles.target.shown == "tanaka" and roles.target.kind == "職員"


def test_a_person_with_no_row_left_is_named_by_record_number_only() -> None:
    gone = describe("number.deleted", "person:418", {"run": 2}, EMPTY)
    assert gone.target.shown == "削除済みの方（記録番号418）"
    assert "person" not in gone.sentence


def test_unknown_keys_and_actions_stay_readable_and_numbers_never_show() -> None:
    shown = describe("test.event", "x", {"new_key": True, "note": "123456789018"}, EMPTY)
    assert shown.action == "test.event"  # an action no longer written keeps its name
    assert shown.detail_line == "new key：はい／note：（番号のような数字列）"
    assert "123456789018" not in describe("signin.failed", "123456789018", {}, EMPTY).sentence


def test_every_permission_reason_and_purpose_is_in_words() -> None:
    from app.domain.access import Permission
    from app.domain.purposes import CATALOG

    for key, codes in (
        ("permission", [p.value for p in Permission]),
        ("purpose", list(CATALOG)),
        ("reason", list(audit_text.DENIAL_REASONS)),
    ):
        for code in codes:
            shown = describe("access.denied", "", {key: code}, EMPTY).detail_line
            assert not ENGLISH_CODE.search(shown), shown
    assert audit_text.group_label("no.such") == "その他"
