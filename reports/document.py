"""PDF canvases with neutral, deterministic metadata, and page furniture shared by documents."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from reports import glyphs
from reports.errors import ReportError
from reports.fonts import GOTHIC, require_fonts

PRODUCT_NAME = "マイナンバー管理デスク"
CREATOR = "MyNumber Desk"
PRODUCER = "MyNumber Desk"
# reportlab's invariant timestamp; written explicitly so SOURCE_DATE_EPOCH or the local time zone
# can never leak into the Info dictionary.
INVARIANT_PDF_DATE = "D:20000101000000+00'00'"

FOOTER_GREY = Color(0.35, 0.35, 0.35)
# U+3000 as paragraph markup: as a character reference it is drawn, not folded as white space.
IDEOGRAPHIC_SPACE = "&#12288;"


def _invariant_date(*_ymdhms: int) -> str:
    return INVARIANT_PDF_DATE


def new_canvas(out: BinaryIO, title: str, pagesize: tuple[float, float] = A4) -> Canvas:
    """Return a canvas writing to out, whose Info dictionary holds only neutral values.

    title must be a generic document title (e.g. 「回復キー（リカバリーシート）」): PDF metadata is
    shown by file browsers and search indexes, so it must never carry a name, office or number.
    """
    require_fonts()
    if not title.strip():
        raise ReportError("a PDF title is required")
    # invariant=1 fixes the dates and the document ID, so the same input gives the same bytes;
    # the initial font is set so that no unembedded Helvetica is referenced by the page preamble.
    canvas = Canvas(
        out,
        pagesize=pagesize,
        invariant=1,
        pageCompression=1,
        initialFontName=GOTHIC,
        lang="ja",
    )
    canvas.setTitle(title)
    # Empty strings, not None: reportlab turns None into "(anonymous)" / "(unspecified)".
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setKeywords("")
    canvas.setCreator(CREATOR)
    canvas.setProducer(PRODUCER)
    canvas.setDateFormatter(_invariant_date)
    return canvas


def fit_font_size(
    text: str, font: str, size: float, max_width: float, min_size: float = 6
) -> float:
    """Largest size not above size at which text fits max_width (never below min_size)."""
    width = stringWidth(text, font, size)
    if width <= max_width:
        return size
    return max(min_size, size * max_width / width)


def draw_page_footer(
    canvas: Canvas, left_text: str, right_text: str, x0: float, x1: float, y: float
) -> None:
    """Draw a hairline from x0 to x1 and small grey texts under it, with baseline y."""
    canvas.saveState()
    canvas.setStrokeColor(FOOTER_GREY)
    canvas.setLineWidth(0.4)
    canvas.line(x0, y + 11, x1, y + 11)
    canvas.setFillColor(FOOTER_GREY)
    canvas.setFont(GOTHIC, 7.5)
    canvas.drawString(x0, y, left_text)
    canvas.drawRightString(x1, y, right_text)
    canvas.restoreState()


def text_style(font: str, size: float, leading: float) -> ParagraphStyle:
    """A paragraph style that wraps Japanese text at any character (wordWrap CJK)."""
    return ParagraphStyle(
        name=f"{font}-{size}", fontName=font, fontSize=size, leading=leading, wordWrap="CJK"
    )


def clip_text(text: str, font: str, size: float, width: float) -> str:
    """text, cut short with 「…」 if it is wider than width: for one-line page furniture (drawn
    in one font, so a character IPAex lacks is printed as its substitute)."""
    text = glyphs.plain(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def markup(value: str) -> str:
    """Plain text from the database as Paragraph markup: escaped so a 「<」 or 「&」 is printed,
    not parsed, typed line breaks kept, and a full-width space kept full-width (a paragraph
    otherwise folds it into an ASCII space like any other white space)."""
    # glyphs.markup also sets the characters IPAex lacks in the gaiji font, or substitutes them.
    return glyphs.markup(value).replace("\n", "<br/>").replace("\u3000", IDEOGRAPHIC_SPACE)


# A value taller than this is cut into pieces, one table row each (add_label_row).
PIECE_HEIGHT = 120


def pieces_of(paragraph: Paragraph, width: float) -> list[Paragraph]:
    """The paragraph cut into parts at most PIECE_HEIGHT tall (one if it fits)."""
    pieces: list[Paragraph] = []
    rest = paragraph
    while True:
        _, height = rest.wrap(width, PIECE_HEIGHT)
        parts = rest.split(width, PIECE_HEIGHT) if height > PIECE_HEIGHT else []
        if len(parts) < 2:
            return [*pieces, rest]
        pieces.append(parts[0])
        rest = parts[1]


def add_label_row(
    cells: list[list[object]],
    commands: list[tuple[object, ...]],
    label: Flowable,
    value: Paragraph | list[Flowable],
    value_width: float,
    *,
    columns: int = 2,
) -> tuple[int, int]:
    """Append one label | value entry to a table's cells; returns its first and last row. A
    value taller than PIECE_HEIGHT is cut into consecutive pieces, one row each, drawn as one
    cell (no rule between them), so a long note can continue on the next page: reportlab's own
    splitting inside a row loses its place on long text. `value_width` is the text's width
    (the cell less its padding); other columns are left empty for the caller to span."""
    pieces: list[object] = (
        list(pieces_of(value, value_width)) if isinstance(value, Paragraph) else [value]
    )
    filler = [""] * (columns - 2)
    first = len(cells)
    cells.append([label, pieces[0], *filler])
    cells.extend(["", piece, *filler] for piece in pieces[1:])
    last = len(cells) - 1
    if last > first:
        # One label for the whole value, and no padding where the pieces meet so the lines run
        # on at their normal leading.
        commands += [
            ("VALIGN", (0, first), (0, first), "TOP"),
            ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
            ("TOPPADDING", (0, first + 1), (-1, last), 0),
        ]
    commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, colors.black))
    return first, last


def draw_clipped_footer(
    canvas: Canvas, left_text: str, right_text: str, x0: float, x1: float, y: float
) -> None:
    """draw_page_footer with right_text (an office name, any length) shortened to the room
    left of it, so the two never run into each other."""
    room = x1 - x0 - stringWidth(left_text, GOTHIC, 7.5) - 20
    draw_page_footer(canvas, left_text, clip_text(right_text, GOTHIC, 7.5, room), x0, x1, y)


def table_pages(table: Table, width: float, first_room: float, room: float) -> list[Table]:
    """table cut into one part per page by the rows' measured heights: first_room is the height
    free on the first page, room on the others. A table with repeatRows keeps its header on
    every part. Raises ReportError when a single row is taller than a whole page."""
    parts: list[Table] = []
    rest, avail = table, first_room
    while True:
        _, height = rest.wrap(width, avail)
        if height <= avail:
            return [*parts, rest]
        pieces = rest.split(width, avail)
        if len(pieces) == 2:
            head, rest = pieces
            parts.append(head)
            avail = room
            continue
        # A row taller than the free part of a page: the callers' texts are bounded so that
        # this is bad data, not something another page would fix.
        raise ReportError("a row of the table is too tall to fit on a page")
