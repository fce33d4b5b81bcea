"""The compliance map names only tests that exist and screens that are real pages or dialogs,
and every article it lists as served has a screen or a test behind it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.domain.compliance_map import ARTICLES, SCREENS, Regulation, of

ROOT = Path(__file__).resolve().parents[2]


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def _page_keys() -> set[str]:
    tree = ast.parse((ROOT / "ui/main_window.py").read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "PageSpec"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.regulation}-{a.article}")
def test_every_listed_test_exists(article) -> None:
    for node_id in article.tests:
        file, _, name = node_id.partition("::")
        path = ROOT / file
        assert path.is_file(), node_id
        assert name in _test_names(path), node_id


def test_every_screen_is_a_real_page_or_dialog() -> None:
    pages = _page_keys()
    for key, screen in SCREENS.items():
        path = ROOT / screen.module
        assert path.is_file(), key
        if screen.page_key:
            assert screen.page_key in pages, key
        else:
            source = path.read_text(encoding="utf-8")
            assert f"class {screen.defines}(" in source or f"def {screen.defines}(" in source
    for article in ARTICLES:
        assert set(article.screens) <= SCREENS.keys(), article.article


def test_both_regulations_are_mapped_with_served_and_operational_articles() -> None:
    for regulation in Regulation:
        articles = of(regulation)
        assert any(a.served for a in articles) and any(not a.served for a in articles)
        # An article served by the program says where; one left to the office says so.
        for article in articles:
            if not article.served:
                assert "運用で対応" in article.does, article.article
    handling = {a.article for a in of(Regulation.HANDLING)}
    assert {"第9条⑦・第50条", "第9条④", "第16条", "第35条"} <= handling
    # The training record serves 規程第50条 and 保有規程第11条 on the 点検・研修 page.
    assert any(a.article == "第11条" and "inspection" in a.screens for a in of(Regulation.HOLDING))
