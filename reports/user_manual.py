"""The user manual as a PDF: a cover, the contents with page numbers, one chapter per part,
numbered steps, notes and screenshots scaled to the page, in the bundled fonts.

The manual holds no personal data; its metadata is as neutral as every other document's."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle

from reports.document import (
    CREATOR,
    IDEOGRAPHIC_SPACE,
    PRODUCER,
    draw_page_footer,
    new_canvas,
)
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO, require_fonts

MARGIN = 20 * mm
FOOTER_Y = 12 * mm
ACCENT = colors.Color(0.12, 0.31, 0.47)
NOTE_BACKGROUND = colors.Color(0.95, 0.96, 0.98)
# A screenshot is never taller than this share of the frame, so its caption and the step
# it illustrates stay near it.
IMAGE_MAX_HEIGHT_SHARE = 0.42
# Screenshots are taken at 1366 px wide: a full window spans the frame, and a smaller dialog
# is drawn at the same scale (its text as large as the window's), never blown up.
SCREEN_WIDTH_PX = 1366


@dataclass(frozen=True)
class ManualBlock:
    """As app/domain/manual_text.Block: kind heading | paragraph | steps | bullets | note |
    code | image; `text` is inline markup source (**強調**), `image` a PNG file, `start` the
    number of the first step."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    image: Path | None = None
    start: int = 1


@dataclass(frozen=True)
class ManualChapter:
    title: str
    blocks: tuple[ManualBlock, ...]


@dataclass(frozen=True)
class ManualData:
    title: str  # generic: it is also the PDF's Title
    product: str
    version: str
    chapters: tuple[ManualChapter, ...]


def _style(name: str, font: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name=name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra
    )


# A table sets each cell's font before drawing it, Helvetica unless told: never drawn with
# (the cells hold paragraphs), but named unembedded on every page that has a table.
EMBEDDED_CELL_FONT: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), GOTHIC)]
BODY = _style("body", MINCHO, 10, 16.5, spaceAfter=5)
CHAPTER = _style("chapter", GOTHIC, 17, 24, textColor=ACCENT, spaceAfter=10)
SECTION = _style(
    "section", GOTHIC, 12.5, 18, textColor=ACCENT, spaceBefore=10, spaceAfter=5, keepWithNext=1
)
CAPTION = _style("caption", GOTHIC, 8.5, 12, textColor=colors.Color(0.3, 0.3, 0.3), alignment=1)
NOTE = _style("note", MINCHO, 9.5, 15)
CODE = _style("code", GOTHIC, 9, 13.5)
CODE_BACKGROUND = colors.Color(0.93, 0.93, 0.93)
COVER_TITLE = _style("cover-title", GOTHIC, 30, 40, alignment=1, textColor=ACCENT)
COVER_PRODUCT = _style("cover-product", GOTHIC, 16, 24, alignment=1)
COVER_NOTE = _style("cover-note", GOTHIC, 10, 16, alignment=1)
TOC_TITLE = _style("toc-title", GOTHIC, 17, 24, textColor=ACCENT, spaceAfter=12)
TOC_LEVELS = [
    _style("toc0", GOTHIC, 11.5, 20, leftIndent=0, firstLineIndent=0, spaceBefore=6),
]


def inline(text: str) -> str:
    """Source text (**強調**, & and < as typed) as Paragraph markup."""
    escaped = html.escape(text, quote=False).replace("\n", "<br/>")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


class _ManualTemplate(BaseDocTemplate):
    """Feeds the contents and the outline from the chapter and section headings."""

    def __init__(self, out: BinaryIO, data: ManualData) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=data.title,
            author="",
            subject="",
            keywords="",
            creator=CREATOR,
            producer=PRODUCER,
            invariant=1,
            lang="ja",
        )
        self.data = data
        width, height = A4
        frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="body")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame]),
                PageTemplate(id="body", frames=[frame], onPage=self._footer),
            ]
        )

    def _footer(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        width, _ = A4
        draw_page_footer(
            canvas,
            f"{self.data.product}　{self.data.title}",
            f"{canvas.getPageNumber()}",
            MARGIN,
            width - MARGIN,
            FOOTER_Y,
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Paragraph):
            return
        level = {CHAPTER.name: 0, SECTION.name: 1}.get(flowable.style.name)
        if level is None:
            return
        text = getattr(flowable, "outline_title", None) or flowable.getPlainText()
        key = f"heading-{self.seq.nextf('heading')}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        # The contents list the chapters only (one page); the outline has the sections too.
        if level == 0:
            self.notify("TOCEntry", (level, text, self.page, key))


def _canvas_maker(title: str) -> Any:
    def make(filename: BinaryIO, **_options: Any) -> Canvas:
        # new_canvas gives the neutral, invariant Info dictionary every document has.
        return new_canvas(filename, title)

    return make


def _image(path: Path, caption: str, frame_width: float, frame_height: float) -> list[Flowable]:
    """The screenshot framed, its caption under it in the same table: one unsplittable
    flowable, so a heading kept with it (keepWithNext) moves on with both. (reportlab does not
    keep a heading with a KeepTogether.)"""
    if not path.is_file():
        raise ReportError(f"manual image missing: {path.name}")
    picture = Image(str(path))
    width, height = picture.imageWidth, picture.imageHeight
    scale = min(
        frame_width / width,
        frame_height * IMAGE_MAX_HEIGHT_SHARE / height,
        frame_width / SCREEN_WIDTH_PX,
    )
    picture.drawWidth, picture.drawHeight = width * scale, height * scale
    rows: list[list[Flowable]] = [[picture]]
    if caption:
        rows.append([Paragraph(inline(caption), CAPTION)])
    framed = Table(rows, colWidths=[picture.drawWidth + 2])
    framed.setStyle(
        TableStyle(
            [
                *EMBEDDED_CELL_FONT,
                ("BOX", (0, 0), (0, 0), 0.5, colors.grey),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 1), (-1, -1), 3),
            ]
        )
    )
    framed.spaceBefore = 4
    return [framed, Spacer(1, 8)]


def _boxed(paragraph: Paragraph, width: float, commands: list[tuple[Any, ...]]) -> list[Flowable]:
    """A paragraph in a one-cell table (a note, a command): moved whole, never split."""
    table = Table([[paragraph]], colWidths=[width])
    table.setStyle(TableStyle([*EMBEDDED_CELL_FONT, *commands]))
    table.spaceBefore = 3
    return [table, Spacer(1, 8)]


def _note(text: str, frame_width: float) -> list[Flowable]:
    return _boxed(
        Paragraph(inline(text), NOTE),
        frame_width,
        [
            ("BACKGROUND", (0, 0), (-1, -1), NOTE_BACKGROUND),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def _code(text: str, frame_width: float) -> list[Flowable]:
    """A command to type, in a grey box, indented like a step's text."""
    parts = _boxed(
        Paragraph(inline(text), CODE),
        frame_width - 18,
        [
            ("BACKGROUND", (0, 0), (-1, -1), CODE_BACKGROUND),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
    )
    parts[0].hAlign = "RIGHT"
    return parts


def _list(items: tuple[str, ...], numbered: bool, start: int = 1) -> Flowable:
    return ListFlowable(
        [ListItem(Paragraph(inline(item), BODY)) for item in items],
        bulletType="1" if numbered else "bullet",
        start=start if numbered else "•",
        bulletFontName=GOTHIC,
        bulletFontSize=9.5 if numbered else 8,
        bulletColor=ACCENT if numbered else colors.black,
        bulletFormat="%s." if numbered else None,
        leftIndent=18,
        spaceAfter=6,
    )


def _chapter_story(
    number: int, chapter: ManualChapter, width: float, height: float
) -> list[Flowable]:
    heading = Paragraph(f"{number}{IDEOGRAPHIC_SPACE}{inline(chapter.title)}", CHAPTER)
    # The outline and the contents show the title as written, the full-width space kept.
    heading.outline_title = f"{number}\u3000{chapter.title}"  # type: ignore[attr-defined]
    story: list[Flowable] = [PageBreak(), heading]
    for block in chapter.blocks:
        if block.kind == "heading":
            story.append(Paragraph(inline(block.text), SECTION))
        elif block.kind == "paragraph":
            story.append(Paragraph(inline(block.text), BODY))
        elif block.kind in ("steps", "bullets"):
            story.append(_list(block.items, block.kind == "steps", block.start))
        elif block.kind == "note":
            story += _note(block.text, width)
        elif block.kind == "code":
            story += _code(block.text, width)
        elif block.kind == "image":
            if block.image is None:
                raise ReportError("an image block without a file")
            story += _image(block.image, block.text, width, height)
        else:
            raise ReportError(f"unknown manual block: {block.kind}")
    return story


def render_user_manual(data: ManualData, out: BinaryIO) -> None:
    """Write the manual to out (two passes: the contents learn their page numbers)."""
    require_fonts()
    if not data.chapters:
        raise ReportError("the manual has no chapters")
    doc = _ManualTemplate(out, data)
    width, height = doc.width, doc.height
    contents = TableOfContents(
        levelStyles=TOC_LEVELS,
        dotsMinLevel=0,
        tableStyle=TableStyle([*EMBEDDED_CELL_FONT, *defaultTableStyle.getCommands()]),
    )
    story: list[Flowable] = [
        Spacer(1, height * 0.3),
        Paragraph(inline(data.product), COVER_PRODUCT),
        Spacer(1, 10),
        Paragraph(inline(data.title), COVER_TITLE),
        Spacer(1, 30),
        Paragraph(inline(f"バージョン {data.version}"), COVER_NOTE),
        NextPageTemplate("body"),
        PageBreak(),
        Paragraph("目次", TOC_TITLE),
        contents,
    ]
    for number, chapter in enumerate(data.chapters, start=1):
        story += _chapter_story(number, chapter, width, height)
    doc.multiBuild(story, canvasmaker=_canvas_maker(data.title))
