"""The user manual's source format and its parser: a small, fixed subset of Markdown.

One chapter per file. What a line means depends on how it starts:

    # 章の題名                  the chapter title (the first line, once)
    ## 節の題名                 a section heading
    1. 手順                     a numbered step (consecutive ones make one list)
    - 項目                      a bullet item
    > 注意書き                  a note (consecutive lines make one note)
        command --option        (four spaces) a command to type, shown as it is
    ![説明](images/x.png)       an image on a line of its own, with its caption
    <!-- メモ -->               a comment for the maintainers, never shown
    (anything else)             paragraph text; a blank line ends a paragraph

Inline, only **強調** is recognised; everything else is text. The parser is pure (no I/O):
app/services/manual.py reads the files."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from app.domain import kana

BlockKind = Literal["heading", "paragraph", "steps", "bullets", "note", "image", "code"]

_IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<path>[^)\s]+)\)$")
_STEP = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.+)$")
_STRONG = re.compile(r"\*\*(.+?)\*\*")


class ManualSyntaxError(ValueError):
    """A chapter's source breaks the format (a developer's mistake, caught by the tests)."""


@dataclass(frozen=True)
class Block:
    """One block of a chapter: `text` for headings, paragraphs, notes and image captions,
    `items` for steps and bullets, `image` the path relative to resources/manual, `start`
    the number of the first step (steps may go on after a command between them)."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    image: str = ""
    start: int = 1


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def images(self) -> list[str]:
        return [block.image for block in self.blocks if block.kind == "image"]

    def plain_text(self) -> str:
        """The chapter's words without markup, as a search looks at them."""
        parts = [self.title]
        for block in self.blocks:
            parts.append(block.text)
            parts.extend(block.items)
        return strip_inline("\n".join(part for part in parts if part))


def parse(slug: str, source: str) -> Chapter:
    """The chapter in `source`; ManualSyntaxError when it has no title or a block is malformed."""
    lines = source.splitlines()
    title = ""
    blocks: list[Block] = []
    pending: tuple[BlockKind, list[str]] | None = None
    start = 1

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        kind, texts = pending
        if kind in ("steps", "bullets"):
            blocks.append(Block(kind, items=tuple(texts), start=start if kind == "steps" else 1))
        else:
            joiner = "\n" if kind in ("note", "code") else ""
            blocks.append(Block(kind, text=joiner.join(texts)))
        pending = None

    def add(kind: BlockKind, text: str) -> None:
        nonlocal pending
        if pending is not None and pending[0] == kind:
            pending[1].append(text)
            return
        flush()
        pending = (kind, [text])

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            if pending is None or pending[0] != "code":
                flush()
            continue
        if raw.startswith("    "):
            add("code", line)
            continue
        if line.startswith("<!--"):
            if not line.endswith("-->"):
                raise ManualSyntaxError(f"{slug}:{number}: a comment must end on its line")
            continue
        if line.startswith("# "):
            if title or blocks or pending:
                raise ManualSyntaxError(f"{slug}:{number}: the title must be the first line")
            title = line[2:].strip()
            continue
        if line.startswith("#"):
            if not line.startswith("## "):
                raise ManualSyntaxError(f"{slug}:{number}: only # and ## headings are known")
            flush()
            blocks.append(Block("heading", text=line[3:].strip()))
            continue
        image = _IMAGE.match(line)
        if image:
            flush()
            blocks.append(Block("image", text=image["caption"], image=image["path"]))
            continue
        if line.startswith("!["):
            raise ManualSyntaxError(f"{slug}:{number}: an image is ![caption](path) alone")
        step = _STEP.match(line)
        if step:
            if pending is None or pending[0] != "steps":
                flush()
                start = int(step["number"])
            add("steps", step["text"])
        elif line.startswith("- "):
            add("bullets", line[2:].strip())
        elif line.startswith(">"):
            add("note", line[1:].strip())
        elif pending is not None and pending[0] in ("steps", "bullets"):
            # A line under a list item continues that item.
            pending[1][-1] += line
        else:
            add("paragraph", line)
    flush()
    if not title:
        raise ManualSyntaxError(f"{slug}: the chapter has no # title")
    return Chapter(slug, title, tuple(blocks))


def inline_markup(text: str) -> str:
    """text as rich-text markup that Qt and reportlab both read: escaped, **x** as <b>x</b>."""
    return _STRONG.sub(r"<b>\1</b>", html.escape(text, quote=False))


def strip_inline(text: str) -> str:
    return _STRONG.sub(r"\1", text)


def fold(text: str) -> str:
    """Search form: NFKC (full-width letters and digits as ASCII, half-width kana as
    full-width), hiragana as katakana, and case-folded: 「ばっくあっぷ」 finds バックアップ."""
    return kana.to_katakana(unicodedata.normalize("NFKC", text)).casefold()


def matches(chapter: Chapter, query: str) -> bool:
    """Whether every word of `query` (split at spaces) occurs in the chapter."""
    words = fold(query).split()
    if not words:
        return True
    haystack = fold(chapter.plain_text())
    return all(word in haystack for word in words)
