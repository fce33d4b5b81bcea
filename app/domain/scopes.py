"""Scopes of a clerk (規程第7条2): the 事務 (purposes) and the groups of people assigned."""

from __future__ import annotations

from app.domain.my_number import echo
from app.domain.purposes import CATALOG, PersonKind, purpose

PURPOSES: dict[str, str] = {code: entry.name for code, entry in CATALOG.items()}

PERSON_KIND_GROUPS: dict[str, str] = {f"kind:{kind.value}": kind.label for kind in PersonKind}

DEPARTMENT_PREFIX = "dept:"


def parse_scope(text: str) -> tuple[str, str]:
    """`purpose:CODE`, `kind:employee|dependent|payee` or `dept:部署名` → (kind, value)."""
    value = text.strip()
    if value.startswith("purpose:"):
        return ("purpose", purpose(value.removeprefix("purpose:")).code)
    if value in PERSON_KIND_GROUPS:
        return ("group", value)
    if value.startswith(DEPARTMENT_PREFIX) and len(value) > len(DEPARTMENT_PREFIX):
        return ("group", value)
    raise ValueError(
        f"範囲「{echo(value)}」を解釈できません。purpose:事務コード、kind:employee など、dept:部署名 の形で指定してください。"
    )


def every_scope() -> frozenset[tuple[str, str]]:
    """Every 事務 and every kind of person: the scope of one who does all the work of a small
    office (the manager of a one-person office, set at first run)."""
    return frozenset(
        {("purpose", code) for code in PURPOSES} | {("group", g) for g in PERSON_KIND_GROUPS}
    )


def summary(scopes: frozenset[tuple[str, str]]) -> str:
    """A member's scope in one short line: 「すべての事務・すべての対象者」 when it holds all, else
    the short names of the 事務 then the groups."""
    if not scopes:
        return "なし"
    every = every_scope()
    purposes = [v for k, v in scopes if k == "purpose"]
    groups = [v for k, v in scopes if k == "group"]
    all_purposes = {v for k, v in every if k == "purpose"} <= set(purposes)
    all_kinds = {v for k, v in every if k == "group"} <= set(groups)
    parts = [
        "すべての事務"
        if all_purposes
        else "、".join(CATALOG[p].short_name for p in sorted(purposes) if p in CATALOG)
        or "事務なし",
        "すべての対象者"
        if all_kinds
        else "、".join(label("group", g) for g in sorted(groups)) or "対象者なし",
    ]
    return "・".join(parts)


def label(kind: str, value: str) -> str:
    if kind == "purpose":
        return PURPOSES.get(value, value)
    if value.startswith(DEPARTMENT_PREFIX):
        return "部署：" + value.removeprefix(DEPARTMENT_PREFIX)
    return PERSON_KIND_GROUPS.get(value, value)
