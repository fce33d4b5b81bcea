"""Every fixed text the documents may print is drawable with the bundled fonts: a character the
font lacks prints as a box (「第4-3-⑶B」 did), which a reader takes for a damaged document."""

from __future__ import annotations

import dataclasses
import pathlib
from collections.abc import Iterator

from reportlab.pdfbase import pdfmetrics

from app.domain import individual_requests, purposes, retention
from app.domain.verification import (
    CATALOGUE,
    EXEMPTIONS,
    Channel,
    Check,
    Form,
    Outcome,
    Subject,
    terms,
)
from reports.fonts import GOTHIC, MINCHO


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def _fixed_texts() -> Iterator[str]:
    yield from terms.CITATIONS
    yield from _strings(list(CATALOGUE.values()))
    yield from _strings(list(EXEMPTIONS.values()))
    for enum in (Channel, Check, Form, Outcome, Subject):
        yield from (member.label for member in enum)
    yield from _strings(list(purposes.CATALOG.values()))
    yield retention.GUIDELINE
    yield retention.NO_PURPOSE_BASIS
    for enum in (
        individual_requests.RequestKind,
        individual_requests.State,
        individual_requests.Ground,
    ):
        yield from (member.label for member in enum)
    yield from (kind.article for kind in individual_requests.RequestKind)
    yield from (kind.notice_title for kind in individual_requests.RequestKind)
    yield from (ground.article for ground in individual_requests.Ground)


def test_every_fixed_text_has_its_glyphs(configured_fonts: pathlib.Path) -> None:
    missing: dict[str, set[str]] = {}
    for name in (GOTHIC, MINCHO):
        font = pdfmetrics.getFont(name)
        glyphs = font.face.charToGlyph
        for text in _fixed_texts():
            for char in text:
                if ord(char) not in glyphs and not char.isspace():
                    missing.setdefault(char, set()).add(text[:40])
    assert not missing, {char: sorted(texts)[:3] for char, texts in missing.items()}
