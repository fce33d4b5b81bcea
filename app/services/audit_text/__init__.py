"""The access log in an auditor's words: each event (action, target, detail) as a Japanese
sentence and labelled fields. Pure: no session, no I/O; the names of people, requests and staff
are looked up by app.services.audit_view and handed in as a `Directory`.

actions: each action's group and sentence; names: targets in words; fields: the detail's keys
and values in words. The label tables of the services that log (deletion, refusals, scans) are
read here, and those import app.services.audit: audit imports this package only when used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.services.audit import ACTION_LABELS
from app.services.audit_text.actions import (
    ACTION_GROUPS,
    GROUPS_BY_KEY,
    OTHER_GROUP,
    SENTENCES,
    SENTENCES_WITHOUT_TARGET,
    ActionGroup,
    group_label,
)
from app.services.audit_text.fields import (
    DENIAL_REASONS,
    FIELDS,
    ORDER,
    Context,
    FieldSpec,
    field_spec,
    plain,
)
from app.services.audit_text.names import (
    NOBODY,
    Directory,
    Party,
    Wanted,
    person_party,
    request_party,
    safe,
    staff_party,
    target_party,
    wanted,
)

__all__ = [
    "ACTION_GROUPS",
    "DENIAL_REASONS",
    "FIELDS",
    "GROUPS_BY_KEY",
    "NOBODY",
    "OTHER_GROUP",
    "SENTENCES",
    "ActionGroup",
    "Directory",
    "EventText",
    "Field",
    "FieldSpec",
    "Party",
    "Wanted",
    "action_label",
    "describe",
    "field_spec",
    "group_label",
    "person_party",
    "request_party",
    "safe",
    "staff_party",
    "target_party",
    "wanted",
]


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class EventText:
    action: str
    group: str
    target: Party
    sentence: str
    fields: tuple[Field, ...]

    @property
    def detail_line(self) -> str:
        """「目的：雇用保険届出事務／…」, for one table cell or one CSV cell."""
        return "／".join(f"{f.label}：{f.value}" for f in self.fields)


def action_label(action: str) -> str:
    """The action's Japanese name; one the program no longer writes keeps its own name."""
    return ACTION_LABELS.get(action, safe(action))


def _field(action: str, key: str, value: object, ctx: Context) -> Field:
    spec = field_spec(action, key)
    if spec is None:
        # A key from an older or newer version: readable, if not in Japanese.
        return Field(safe(key.replace("_", " ")), plain(value))
    return Field(spec.label, spec.show(value, ctx))


def _sentence(action: str, target: Party) -> str:
    template = SENTENCES.get(action)
    if template is None:
        label = action_label(action)
        return f"{label}（{target.shown}）" if target.shown else label
    if "{target}" not in template:
        return template
    if not target.shown:
        return SENTENCES_WITHOUT_TARGET.get(action, f"{action_label(action)}を記録しました。")
    return template.replace("{target}", target.shown)


def describe(
    action: str, target: str, detail: Mapping[str, object], directory: Directory
) -> EventText:
    """One event in words: never a record code, an English code, or a number."""
    party = target_party(action, target, directory)
    ctx = Context(action, target, directory)
    keys = sorted(detail, key=lambda k: (ORDER.get(k, len(ORDER)), k))
    return EventText(
        action_label(action),
        group_label(action),
        party,
        _sentence(action, party),
        tuple(_field(action, key, detail[key], ctx) for key in keys),
    )
