"""A PDF shown page under page, zoomed to the window's width, to a whole page or to a percentage.
Only the pages on screen (and half a screen around them) are rendered, at the zoom's
resolution, so a 50-page ledger costs no more memory than a screenful of paper."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollArea, QWidget

from ui.printing import page_images, page_sizes


class ZoomMode(enum.Enum):
    FIT_WIDTH = "fit-width"
    FIT_PAGE = "fit-page"
    PERCENT = "percent"


# What + and − step through; a fit may fall between or below them on a small window.
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
ZOOM_MIN, ZOOM_MAX = 0.1, ZOOM_STEPS[-1]
# 100 % is the paper's own size on a standard 96-dpi screen.
PIXELS_PER_POINT = 96 / 72
MARGIN = 12  # pixels around and between pages
# One rendered page holds at most this many pixels (48 MB): A4 at 400 % would be 14 million.
PAGE_PIXELS_MAX = 12_000_000
PREFETCH = 0.5  # viewport heights rendered ahead, above and below
WHEEL_STEP = 120  # one notch of a mouse wheel
BACKGROUND = QColor("#e5e7eb")
PAPER_EDGE = QColor("#9ca3af")


@dataclass(frozen=True)
class _Rendered:
    wanted: QSize  # the device pixels asked for; the image may differ by rounding
    image: QImage


class _Canvas(QWidget):
    """The scrolled surface; it paints whatever the view has rendered."""

    def __init__(self, view: PdfView) -> None:
        super().__init__()
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_canvas(self, event.rect())


class PdfView(QScrollArea):
    zoom_changed = Signal()
    page_changed = Signal(int)

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPageView")
        self._pdf = pdf
        self._sizes = page_sizes(pdf)  # points, read without rendering
        self._mode = ZoomMode.FIT_WIDTH
        self._zoom = 1.0
        self._rects: list[QRect] = []
        self._rendered: dict[int, _Rendered] = {}
        self._current = 0
        self._wheel = 0
        self._moving = False  # set while the view scrolls to a page it was asked for
        self._canvas = _Canvas(self)
        self._canvas.setObjectName("pdfPageCanvas")
        self.setWidget(self._canvas)
        self.setWidgetResizable(False)
        # Always there, so fitting the width never makes it appear and change the width again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_visible)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _value: self._render_later())
        self._layout_pages()

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """The page most of the view shows (0-based)."""
        return self._current

    def orientation(self) -> str:
        """ "landscape" when the first page is wider than tall, else "portrait"."""
        first = self._sizes[0] if self._sizes else None
        return "landscape" if first is not None and first.width() > first.height() else "portrait"

    def zoom(self) -> float:
        return self._zoom

    def zoom_mode(self) -> ZoomMode:
        return self._mode

    def page_rect(self, index: int) -> QRect:
        """Where the page lies on the scrolled surface, in pixels."""
        return QRect(self._rects[index])

    def visible_rect(self) -> QRect:
        """The part of the scrolled surface the view shows."""
        top_left = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return QRect(top_left, self.viewport().size())

    def rendered_size(self, index: int) -> QSize | None:
        """The size, in screen pixels, of the page's image if it is rendered for the present
        zoom; None while it is not (yet) or no longer held."""
        rendered = self._rendered.get(index)
        if rendered is None or rendered.wanted != self._wanted(index):
            return None
        ratio = rendered.image.devicePixelRatio()
        return QSize(round(rendered.image.width() / ratio), round(rendered.image.height() / ratio))

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    def fit_width(self) -> None:
        self._set_zoom(ZoomMode.FIT_WIDTH, None, self._centre())

    def fit_page(self) -> None:
        self._set_zoom(ZoomMode.FIT_PAGE, None, self._centre())

    def set_zoom(self, zoom: float) -> None:
        self._set_zoom(ZoomMode.PERCENT, zoom, self._centre())

    def zoom_in(self, steps: int = 1, anchor: QPoint | None = None) -> None:
        self._set_zoom(ZoomMode.PERCENT, stepped(self._zoom, steps), anchor or self._centre())

    def zoom_out(self, steps: int = 1, anchor: QPoint | None = None) -> None:
        self._set_zoom(ZoomMode.PERCENT, stepped(self._zoom, -steps), anchor or self._centre())

    def can_zoom_in(self) -> bool:
        return stepped(self._zoom, 1) != self._zoom

    def can_zoom_out(self) -> bool:
        return stepped(self._zoom, -1) != self._zoom

    def go_to_page(self, index: int) -> None:
        """Scroll so the page's top is at the top of the view."""
        if not self._rects:
            return
        index = max(0, min(index, len(self._rects) - 1))
        self._moving = True
        try:
            self.verticalScrollBar().setValue(self._rects[index].top() - MARGIN)
        finally:
            self._moving = False
        self._set_current(index)
        self._render_later()

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        """To the top of this page when scrolled into it, else to the page before."""
        if self._rects and self.verticalScrollBar().value() > self._rects[self._current].top():
            self.go_to_page(self._current)
        else:
            self.go_to_page(self._current - 1)

    def _centre(self) -> QPoint:
        return self.viewport().rect().center()

    def _fitted_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        # The viewport's size without a horizontal scroll bar (a fit never needs one).
        room = self.maximumViewportSize()
        width = (room.width() - 2 * MARGIN) / PIXELS_PER_POINT
        widest = max(size.width() for size in self._sizes)
        if self._mode is ZoomMode.FIT_WIDTH:
            zoom = width / widest
        else:
            page = self._sizes[self._current]
            height = (room.height() - 2 * MARGIN) / PIXELS_PER_POINT
            zoom = min(width / page.width(), height / page.height())
        return max(ZOOM_MIN, min(ZOOM_MAX, zoom))

    def _set_zoom(self, mode: ZoomMode, zoom: float | None, anchor: QPoint) -> None:
        """Zoom, keeping the point of the page under `anchor` (viewport pixels) where it is;
        a whole page shown starts at the top of the current page."""
        spot = self._locate(anchor + self.visible_rect().topLeft())
        before = (self._mode, self._zoom)
        self._mode = mode
        self._zoom = self._fitted_zoom() if zoom is None else max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._layout_pages()
        if mode is ZoomMode.FIT_PAGE:
            self.go_to_page(self._current)
        elif spot is not None:
            index, fx, fy = spot
            rect = self._rects[index]
            self._moving = True
            try:
                self.horizontalScrollBar().setValue(
                    round(rect.x() + fx * rect.width()) - anchor.x()
                )
                slot_top, slot_height = rect.top() - MARGIN, rect.height() + MARGIN
                self.verticalScrollBar().setValue(round(slot_top + fy * slot_height) - anchor.y())
            finally:
                self._moving = False
            self._scrolled()
        if before != (self._mode, self._zoom):
            self.zoom_changed.emit()
        self._render_later()

    def _locate(self, point: QPoint) -> tuple[int, float, float] | None:
        """The page at a point of the surface, and where on it (fractions of its width and of
        its height with the margin above it)."""
        for index, rect in enumerate(self._rects):
            if point.y() < rect.bottom() + 1 or index == len(self._rects) - 1:
                slot_top, slot_height = rect.top() - MARGIN, rect.height() + MARGIN
                fx = (point.x() - rect.x()) / max(1, rect.width())
                return index, fx, (point.y() - slot_top) / max(1, slot_height)
        return None

    def _layout_pages(self) -> None:
        scale = self._zoom * PIXELS_PER_POINT
        sizes = [
            QSize(math.floor(s.width() * scale + 1e-6), math.floor(s.height() * scale + 1e-6))
            for s in self._sizes
        ]
        room = self.viewport().size()
        content = max((size.width() for size in sizes), default=0) + 2 * MARGIN
        width = max(content, room.width())
        self._rects = []
        y = MARGIN
        for size in sizes:
            self._rects.append(QRect(QPoint((width - size.width()) // 2, y), size))
            y += size.height() + MARGIN
        self._canvas.resize(width, max(y, room.height()))
        self._canvas.update()

    def _wanted(self, index: int) -> QSize:
        """Device pixels for the page at this zoom, within PAGE_PIXELS_MAX."""
        ratio = self.devicePixelRatioF()
        rect = self._rects[index]
        width, height = rect.width() * ratio, rect.height() * ratio
        if width * (height + 1) > PAGE_PIXELS_MAX:
            # One row spare: the renderer may round the height up.
            shrink = math.sqrt(PAGE_PIXELS_MAX / (width * (height + 1)))
            width, height = math.floor(width * shrink), math.floor(height * shrink)
        return QSize(max(1, round(width)), max(1, round(height)))

    def _render_later(self) -> None:
        self._render_timer.start()

    def render_visible(self) -> None:
        """Render the pages on screen and near it at the present zoom; drop every other."""
        view = self.visible_rect()
        ahead = round(view.height() * PREFETCH)
        near = view.adjusted(0, -ahead, 0, ahead)
        wanted = [i for i, rect in enumerate(self._rects) if rect.intersects(near)]
        # What is on screen first, then what lies ahead.
        wanted.sort(key=lambda i: not self._rects[i].intersects(view))
        for index in wanted:
            if self.rendered_size(index) is None:
                size = self._wanted(index)
                dpi = 72 * size.width() / self._sizes[index].width()
                image = page_images(self._pdf, dpi, [index])[0]
                image.setDevicePixelRatio(self.devicePixelRatioF())
                self._rendered[index] = _Rendered(size, image)
        for index in set(self._rendered) - set(wanted):
            del self._rendered[index]
        self._canvas.update()

    def paint_canvas(self, canvas: QWidget, exposed: QRect) -> None:
        painter = QPainter(canvas)
        painter.fillRect(exposed, BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        missing = False
        for index, rect in enumerate(self._rects):
            if rect.top() > exposed.bottom():
                break
            if not rect.intersects(exposed):
                continue
            painter.fillRect(rect, Qt.GlobalColor.white)
            rendered = self._rendered.get(index)
            if rendered is not None:  # an older zoom's image stands in until re-rendered
                painter.drawImage(QRectF(rect), rendered.image)
            missing = missing or self.rendered_size(index) is None
            painter.setPen(PAPER_EDGE)
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.end()
        if missing:
            self._render_later()

    def _scrolled(self, _value: int = 0) -> None:
        if not self._moving and self._rects:
            view = self.visible_rect()
            shown = [rect.intersected(view).height() for rect in self._rects]
            self._set_current(max(range(len(shown)), key=lambda i: (shown[i], -i)))
        self._render_later()

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.page_changed.emit(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._mode is ZoomMode.PERCENT:
            self._set_zoom(self._mode, self._zoom, QPoint(self.viewport().width() // 2, 0))
        else:
            self._set_zoom(self._mode, None, QPoint(self.viewport().width() // 2, 0))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel += event.angleDelta().y()
        steps = int(self._wheel / WHEEL_STEP)
        if steps:
            self._wheel -= steps * WHEEL_STEP
            self.zoom_in(steps, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count() - 1)
        else:
            super().keyPressEvent(event)


def stepped(zoom: float, steps: int) -> float:
    """The zoom `steps` stops up (or down, if negative) ZOOM_STEPS; unchanged past either end."""
    for _ in range(abs(steps)):
        if steps > 0:
            larger = [step for step in ZOOM_STEPS if step > zoom + 1e-3]
            zoom = larger[0] if larger else zoom
        else:
            smaller = [step for step in ZOOM_STEPS if step < zoom - 1e-3]
            zoom = smaller[-1] if smaller else zoom
    return zoom
