"""What the letters to requesters share (reports/request_notices.py, reports/request_form.py):
the title drawn as on printed forms, the shades and body styles, and the last check that no
text about to be printed holds a digit run that could be a My Number."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reports.document import markup, text_style
from reports.errors import ReportError
from reports.fonts import GOTHIC, MINCHO

# A digit run that could be a My Number: twelve or more digits, written any way. The same
# pattern as app.domain.my_number.NUMBER_LIKE (the tests compare them); repeated here because
# reports imports nothing of ours, and a value that slipped past the masking must stop the
# document rather than be printed.
_DIGIT = "[0-9０-９]"
_SEP = "[ \t\u00a0\u3000\\-‐‑‒–—―－ー−.]"
NUMBER_LIKE = re.compile(f"(?<!{_DIGIT}){_DIGIT}(?:{_SEP}{{0,3}}{_DIGIT}){{11,}}(?!{_DIGIT})")

SHADE = colors.Color(0.93, 0.93, 0.93)
NOTE_GREY = colors.Color(0.3, 0.3, 0.3)
_TITLE_SPACING = 3
LEAD = text_style(MINCHO, 10, 15)
_TITLE_FALLBACK = ParagraphStyle("title", parent=text_style(GOTHIC, 14, 19), alignment=TA_CENTER)


def draw_title(canvas: Canvas, title: str, centre: float, y: float, width: float) -> float:
    """The title centred under y, letter-spaced as on printed forms, smaller if it is long and
    wrapped if even that does not fit; returns the height it takes."""
    for size in (16, 15, 14, 13):
        # The spacing follows every glyph, so the last one's is left out when centring.
        title_width = stringWidth(title, GOTHIC, size) + _TITLE_SPACING * (len(title) - 1)
        if title_width <= width:
            text = canvas.beginText()
            text.setFont(GOTHIC, size)
            text.setCharSpace(_TITLE_SPACING)
            text.setTextOrigin(centre - title_width / 2, y - size)
            text.textOut(title)
            # Character spacing is page state in PDF: without save/restore it spreads later
            # strings too.
            canvas.saveState()
            canvas.drawText(text)
            canvas.restoreState()
            return size + 4
    paragraph = Paragraph(markup(title), _TITLE_FALLBACK)
    _, h = paragraph.wrap(width, y)
    paragraph.drawOn(canvas, centre - width / 2, y - h)
    return h


def refuse_number_like(texts: Sequence[tuple[str, str]]) -> None:
    for name, value in texts:
        if NUMBER_LIKE.search(value):
            raise ReportError(f"the {name} holds a digit run that could be a My Number")
