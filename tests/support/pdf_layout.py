"""Where a PDF's texts are drawn: each text run with its page, position and width, read back
with pypdf, so a test can say that nothing is drawn past a page edge, into the footer, or over
another text."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames, stringWidth


@dataclass(frozen=True)
class Run:
    page: int  # from 1
    text: str
    x: float
    y: float  # baseline
    size: float
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width


def runs(pdf: bytes) -> list[Run]:
    """Every text run of every page. Widths are measured with the bundled font the run names
    (its subset name ends in the registered name), so the report fonts must be configured."""
    registered = getRegisteredFontNames()
    found: list[Run] = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text, cm, tm, font, size, number=number) -> None:
            if not text.strip() or font is None:
                return
            base = str(font.get("/BaseFont", ""))
            name = next((n for n in registered if base.endswith(n)), None)
            scale = tm[0] * cm[0] or 1
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            real = size * scale
            # Spaces around the words are not ink: a wrapped line may start with one.
            lead = text[: len(text) - len(text.lstrip())]
            text = text.strip()
            if name:
                x += stringWidth(lead, name, real)
            width = stringWidth(text, name, real) if name else 0.0
            last = found[-1] if found else None
            if last and last.page == number and (last.x, last.y) == (x, y):
                # A line drawn in two fonts (reportlab's subsets hold 256 glyphs each) is
                # reported in two runs at the line's start: the second follows the first.
                x = last.right
            found.append(Run(number, text, x, y, real, width))

        page.extract_text(visitor_text=visit)
    return found


def page_text(pdf: bytes, page: int) -> str:
    """The page's text with no spaces or line breaks, for looking words up."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return reader.pages[page - 1].extract_text().replace(" ", "").replace("\n", "")


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def outside_the_page(found: list[Run], margin: float = 10) -> list[Run]:
    """Runs that reach into the left or right `margin`, or within 10 pt of the top or
    bottom edge (footers are drawn in the bottom margin)."""
    width, height = A4
    return [
        r
        for r in found
        if r.x < margin or r.right > width - margin or r.y < 10 or r.y > height - 10
    ]


def overlapping(found: list[Run]) -> list[tuple[Run, Run]]:
    """Pairs of runs on the same page and line whose extents cross."""
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            same_line = a.page == b.page and abs(a.y - b.y) < min(a.size, b.size) * 0.8
            if same_line and a.x < b.right - 0.5 and b.x < a.right - 0.5:
                pairs.append((a, b))
    return pairs
