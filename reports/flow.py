"""A top-to-bottom cursor over the pages of one document (letters and forms): flowables split
at a page end, a running head on every continuation page and 「n／total」 in every footer."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from reports.document import clip_text, draw_page_footer, markup, new_canvas, text_style
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO

FOOTER_Y = 12 * mm
# Lowest point body content may reach: clear of the footer rule drawn at FOOTER_Y + 11.
BOTTOM = FOOTER_Y + 22
RUNNING_GAP = 22  # from the top margin to the content on a continuation page
HEADING_GAP = 3
HEADING = text_style(GOTHIC, 10.5, 14)


class Flow:
    """A top-to-bottom cursor over the pages of one document: draws flowables, splits the ones
    that can be split (tables, paragraphs) at a page end, and puts the running head on every
    continuation page and the footer on every page."""

    def __init__(
        self,
        canvas: Canvas,
        *,
        margin: float,
        footer_title: str,
        office_name: str,
        total: int | None,
    ) -> None:
        self.canvas = canvas
        width, height = A4
        self.width = width
        self.left = margin
        self.right = width - margin
        self.top = height - margin
        self.frame = width - 2 * margin
        self.footer_title = footer_title
        self.office_name = office_name
        self.total = total
        self.page = 1
        self.y = self.top
        # Where this page's content starts: the cursor there means nothing but page furniture
        # is on the page, so moving on to another page would not help.
        self.page_top = self.top
        self.running = ""  # left running head of continuation pages
        self.running_right = ""

    def add(
        self,
        flowable: Flowable,
        *,
        space_after: float = 0,
        keep: float = 0,
        whole: bool = False,
        continued: Paragraph | None = None,
    ) -> None:
        """Draw flowable at the cursor. keep: height that must also fit below it (what follows
        belongs with it): the last part of a split flowable then takes some rows along. whole:
        start a new page rather than split it, unless it does not fit on an empty page either.
        continued: a heading drawn above the rest of a flowable split over pages."""
        while True:
            room = self.y - BOTTOM
            _, h = flowable.wrapOn(self.canvas, self.frame, room)
            fresh = self.y >= self.page_top
            # keep is best effort: on an empty page there is nothing better to move to.
            if h + keep <= room or (fresh and h <= room):
                self._draw(flowable, h, space_after)
                return
            if whole and not fresh and h + keep <= self._capacity():
                self.new_page()
                continue
            # Too tall for the room: cut what fits. Fits, but not with what must follow: cut
            # so that the last part moves on with it.
            target = room if h > room else room - keep
            parts = flowable.split(self.frame, target) if target > 0 else []
            # Tables and paragraphs split into exactly two: what fits here and the rest.
            if len(parts) == 2:
                head, flowable = parts
                _, head_height = head.wrapOn(self.canvas, self.frame, room)
                self._draw(head, head_height, 0)
                self.new_page(continued)
                continue
            if fresh:
                raise ReportError("a part of the document is too long to fit on a page")
            self.new_page()

    def _draw(self, flowable: Flowable, height: float, space_after: float) -> None:
        # The slack lets a narrower flowable (a table) follow its hAlign, as in a frame.
        width = getattr(flowable, "_width", None) or getattr(flowable, "width", self.frame)
        slack = max(0.0, self.frame - width)
        flowable.drawOn(self.canvas, self.left, self.y - height, _sW=slack)
        self.y -= height + space_after

    def _capacity(self) -> float:
        return self.top - RUNNING_GAP - BOTTOM

    def section(
        self, heading: str, table: Table, *, keep: float = 0, space_after: float = 10
    ) -> None:
        """A numbered heading and its table; a table continued on the next page gets the heading
        again, marked 「（続き）」. The heading only goes where the table's first part can follow
        it, so it is never left alone at the foot of a page."""
        heading_para = Paragraph(markup(heading), HEADING)
        _, heading_height = heading_para.wrap(self.frame, self.top)
        if self.y < self.page_top and not self._starts_here(table, heading_height, keep):
            self.new_page()
        self.add(heading_para, space_after=HEADING_GAP)
        self.add(
            table,
            space_after=space_after,
            keep=keep,
            continued=Paragraph(markup(f"{heading}（続き）"), HEADING),
        )

    def _starts_here(self, table: Table, heading_height: float, keep: float) -> bool:
        """Whether add() would put some of table on this page, under a heading of that height:
        the same decisions, made ahead."""
        room = self.y - heading_height - HEADING_GAP - BOTTOM
        if room <= 0:
            return False
        _, h = table.wrap(self.frame, room)
        if h + keep <= room:
            return True
        target = room if h > room else room - keep
        return target > 0 and len(table.split(self.frame, target)) == 2

    def new_page(self, continued: Paragraph | None = None, *, running: bool = True) -> None:
        self.finish_page()
        self.canvas.showPage()
        self.page += 1
        self.y = self.top
        if running and self.running:
            # Every sheet names its document, so a loose page can be filed back.
            canvas = self.canvas
            canvas.setFont(GOTHIC, 9)
            canvas.drawString(self.left, self.top - 8, self.running)
            room = self.frame - stringWidth(self.running, GOTHIC, 9) - 20
            canvas.setFont(MINCHO, 9)
            canvas.drawRightString(
                self.right, self.top - 8, clip_text(self.running_right, MINCHO, 9, room)
            )
            self.y = self.top - RUNNING_GAP
        if continued is not None:
            _, h = continued.wrapOn(self.canvas, self.frame, self.y)
            self._draw(continued, h, HEADING_GAP)
        self.page_top = self.y

    def finish_page(self) -> None:
        # A letter to a person: the footer names the document, not the program that made it.
        left = self.footer_title
        if self.total is not None and self.total > 1:
            left += f"（{self.page}／{self.total}）"
        room = self.frame - stringWidth(left, GOTHIC, 7.5) - 20
        office = clip_text(self.office_name, GOTHIC, 7.5, room)
        draw_page_footer(self.canvas, left, office, self.left, self.right, FOOTER_Y)


def render_counted(out: BinaryIO, title: str, layout: Callable[[Canvas, int | None], int]) -> None:
    """Write a document whose footers say 「n／total」 so a missing sheet shows: the total is
    only known after laying out, so a throwaway pass (`layout(canvas, None)`, returning the
    page count) comes first. Layout is deterministic."""
    pages = layout(new_canvas(io.BytesIO(), title), None)
    canvas = new_canvas(out, title)
    layout(canvas, pages)
    canvas.save()
