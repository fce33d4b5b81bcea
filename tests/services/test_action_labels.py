"""Every action the services write to the access log has its Japanese label: the auditor reads
the log (and filters it) by these labels, never by the program's own names."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from app.services.audit import ACTION_LABELS

ROOT = Path(__file__).resolve().parents[2]
# Any "word.word" text in app/ is taken for an action: today none is anything else, and one that
# is can be named here.
ACTION = re.compile(r"^[a-z]+\.[a-z_]+$")
NOT_ACTIONS: set[str] = set()


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_action_written_by_the_program_has_a_label() -> None:
    written = set()
    for path in sorted((ROOT / "app").rglob("*.py")):
        written |= {text for text in _string_constants(path) if ACTION.match(text)} - NOT_ACTIONS
    # The scan finds the actions of every family, old and new.
    assert {"signin.succeeded", "deletion.executed", "request.discarded"} <= written
    assert sorted(written - ACTION_LABELS.keys()) == []


def test_labels_are_japanese_and_distinct() -> None:
    labels = list(ACTION_LABELS.values())
    assert len(set(labels)) == len(labels)
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", label) for label in labels)
