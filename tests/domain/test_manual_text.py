"""The manual's source format: every kind of block, the numbering of steps that go on after a
command, comments left out, malformed sources refused, inline markup escaped, and search."""

from __future__ import annotations

import re

import pytest

from app.domain.manual_text import (
    Block,
    ManualSyntaxError,
    inline_markup,
    matches,
    parse,
)

SOURCE = """# 取込み

給与ソフトの一覧を
取り込みます。

## 手順

1. 「取込み…」を押します。
2. ファイルを選び、
   「次へ」を押します。

    mynumber-desk import people 一覧.csv

3. 「取り込む」を押します。

- **全件か0件**です。
- 中止できます。

> 個人番号が書かれたファイルは
> すぐに削除してください。

![取込みの画面](images/import.png)
<!-- lead: complete at merge -->
"""


def test_every_kind_of_block_is_read_in_order() -> None:
    chapter = parse("06-import", SOURCE)
    assert chapter.slug == "06-import"
    assert chapter.title == "取込み"
    assert chapter.blocks == (
        Block("paragraph", text="給与ソフトの一覧を取り込みます。"),
        Block("heading", text="手順"),
        Block("steps", items=("「取込み…」を押します。", "ファイルを選び、「次へ」を押します。")),
        Block("code", text="mynumber-desk import people 一覧.csv"),
        Block("steps", items=("「取り込む」を押します。",), start=3),
        Block("bullets", items=("**全件か0件**です。", "中止できます。")),
        Block("note", text="個人番号が書かれたファイルは\nすぐに削除してください。"),
        Block("image", text="取込みの画面", image="images/import.png"),
    )
    assert chapter.images() == ["images/import.png"]


def test_a_comment_for_the_maintainers_is_never_shown() -> None:
    chapter = parse("x", SOURCE)
    assert "lead" not in chapter.plain_text()
    assert "complete at merge" not in chapter.plain_text()


def test_plain_text_drops_the_emphasis_marks() -> None:
    text = parse("x", SOURCE).plain_text()
    assert "全件か0件です。" in text
    assert "**" not in text


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("本文だけ\n", "no # title"),
        ("# 題\n# 二つ目\n", "title must be the first line"),
        ("本文\n# 題\n", "title must be the first line"),
        ("# 題\n### 小見出し\n", "only # and ## headings"),
        ("# 題\n<!-- 終わらない\n", "comment must end on its line"),
        ("# 題\n![説明](images/a.png) のあとに文\n", "image is ![caption](path) alone"),
    ],
)
def test_a_malformed_source_is_refused_with_its_line(source: str, problem: str) -> None:
    with pytest.raises(ManualSyntaxError, match=re.escape(problem)):
        parse("bad", source)


def test_inline_markup_escapes_what_qt_and_reportlab_would_parse() -> None:
    assert inline_markup("A & B <b>x</b> **強調**") == (
        "A &amp; B &lt;b&gt;x&lt;/b&gt; <b>強調</b>"
    )


def test_search_needs_every_word_and_ignores_width_and_case() -> None:
    chapter = parse("x", SOURCE)
    assert matches(chapter, "取込み")
    assert matches(chapter, "ＭＹＮＵＭＢＥＲ")
    assert matches(chapter, "xlsx") is False
    assert matches(chapter, "MYNUMBER-DESK  削除")
    assert matches(chapter, "削除 バックアップ") is False
    assert matches(chapter, "   ")


def test_search_reads_kana_in_any_script() -> None:
    chapter = parse("x", "# バックアップと復元\n\nバックアップを作ります。\n")
    for query in ("ばっくあっぷ", "ﾊﾞｯｸｱｯﾌﾟ", "バックアップ"):
        assert matches(chapter, query), query
