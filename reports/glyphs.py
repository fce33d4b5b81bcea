"""Which characters the bundled fonts draw, and what a document prints for the others.

IPAex draws most text; MNDeskGaijiMincho draws the name characters IPAex lacks (「𠮷」 of
「𠮷田」), so paragraphs put those in it. A character neither draws would print as a box: a
document prints its usual substitute instead (a Unihan variant IPAex draws, listed in
resources/fonts/substitutes.txt), or 「〓」 when none is known, and the record keeps what was
typed. A variation selector (an IVS after a kanji) is left out: the base kanji is printed."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from reports.fonts import GAIJI, GOTHIC, MINCHO, SUBSTITUTES_FILE, font_dir, is_configured

# Printed for a character that nothing draws and that has no known substitute (げた記号).
UNKNOWN = "〓"


@dataclass(frozen=True)
class Unprintable:
    """A character no bundled font draws (a kanji with its variation selector), and what is
    printed in its place."""

    char: str
    substitute: str


def _is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


@functools.cache
def _cmaps() -> tuple[frozenset[int], frozenset[int]]:
    """(what both IPAex fonts draw, what the gaiji font draws)."""
    gothic = pdfmetrics.getFont(GOTHIC).face.charToGlyph
    mincho = pdfmetrics.getFont(MINCHO).face.charToGlyph
    gaiji = pdfmetrics.getFont(GAIJI).face.charToGlyph
    return frozenset(gothic) & frozenset(mincho), frozenset(gaiji)


@functools.cache
def _substitutes() -> dict[str, str]:
    table = {}
    text = (font_dir() / SUBSTITUTES_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            char, substitute = line.split("\t")
            table[char] = substitute
    return table


def _drawn(char: str) -> bool:
    if not is_configured():
        return True  # nothing to measure against: the text is left as it is
    common, _gaiji = _cmaps()
    return ord(char) in common or char.isspace() or char in "\n\r\t"


def substitute(char: str) -> str:
    """What is printed for a character no bundled font draws."""
    if _is_selector(char):
        return ""
    return _substitutes().get(char, UNKNOWN)


def unprintable(text: str) -> list[Unprintable]:
    """The characters of text that no bundled font draws, each once, in order."""
    if not is_configured():
        return []
    _common, gaiji = _cmaps()
    found: dict[str, Unprintable] = {}
    for index, char in enumerate(text):
        if _drawn(char) or ord(char) in gaiji:
            continue
        if _is_selector(char) and index:
            # Said with its kanji: 「葛󠄀」 is printed 「葛」.
            base = text[index - 1]
            found.setdefault(base + char, Unprintable(base + char, base))
        else:
            found.setdefault(char, Unprintable(char, substitute(char)))
    return list(found.values())


def plain(text: str) -> str:
    """text for a single-font string (a running head, a footer): every character IPAex does
    not draw replaced by its substitute."""
    if all(_drawn(char) for char in text):
        return text
    return "".join(char if _drawn(char) else substitute(char) for char in text)


def markup(text: str) -> str:
    """text escaped as Paragraph markup, with the characters only the gaiji font draws set in
    it and the ones nothing draws replaced by their substitute."""
    if all(_drawn(char) for char in text):
        return escape(text)
    _common, gaiji = _cmaps()
    out = []
    for char in text:
        if _drawn(char):
            out.append(escape(char))
        elif ord(char) in gaiji:
            out.append(f'<font name="{GAIJI}">{escape(char)}</font>')
        else:
            out.append(escape(substitute(char)))
    return "".join(out)
