"""A document the program made, previewed from memory, printed or saved only on request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs, icons
from ui.printing import print_pdf
from ui.styles import make_primary
from ui.widgets.pdf_view import PdfView, ZoomMode
from ui.window_state import restore_geometry, save_geometry

# Remembered apart for portrait and landscape documents, so the landscape ledger opening wide
# does not leave every letter at 140 %. The first size shows a page at about 100 % in its
# width, as tall as the screen allows (fit_to_screen leaves room for the title bar).
GEOMETRY_KEY = "pdfPreview/"
WANTED_SIZE = {"portrait": QSize(900, 1060), "landscape": QSize(1200, 1060)}


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        title: str,
        pdf: bytes,
        file_name: str,
        parent: QWidget | None = None,
        *,
        allow_save: bool = True,
        saver: Callable[[], object] | None = None,
        printer: Callable[[QWidget, bytes, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        # A window of its own: it can be maximised and resized like a viewer.
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowSystemMenuHint
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setSizeGripEnabled(True)
        self.pdf = pdf
        # Whether a print went to a printer from here (the print dialog accepted and every page
        # sent): a paper left the program. Read after exec() by ui.dialogs.output_preview.
        self.printed = False
        self._title = title
        self._file_name = file_name
        # How the document is printed: by default fitted to the paper; a statutory form brings
        # its own (true size, and the printer's offset on pre-printed forms).
        # A paper that may not be saved plain carries numbers: never printed to a file.
        numbers = saver is not None or not allow_save
        self._printer = printer or (
            lambda parent, data, name: print_pdf(parent, data, name, numbers=numbers)
        )
        self.view = PdfView(pdf)

        self.print_button = QPushButton(icons.icon("print", icons.ON_PRIMARY), self.tr("Print…"))
        self.print_button.setObjectName("previewPrintButton")
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        make_primary(self.print_button)
        self.print_button.clicked.connect(self._print)
        self.save_button = QPushButton(icons.icon("save"), self.tr("Save as PDF…"))
        self.save_button.setObjectName("previewSaveButton")
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self._save)
        # A document carrying My Numbers is printed from here; saving it is an export, done
        # by `saver` (encrypted, registered), never the plain bytes shown.
        self._allow_save = allow_save or saver is not None
        self._saver = saver
        if saver is not None:
            self.save_button.setText(self.tr("Save as encrypted PDF…"))
        self.save_button.setVisible(self._allow_save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("previewCloseButton")
        self.close_button.clicked.connect(self.reject)

        self.previous_button = self._tool(
            "previewPreviousButton", "chevron_left", self.tr("Previous page (PageUp)")
        )
        self.previous_button.clicked.connect(self.view.previous_page)
        self.page_box = QSpinBox()
        self.page_box.setObjectName("previewPageBox")
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)  # go there on Enter, not on every digit
        self.page_box.setRange(1, max(1, self.view.page_count()))
        self.page_box.setFixedWidth(self.page_box.fontMetrics().horizontalAdvance("0000") + 16)
        self.page_box.valueChanged.connect(lambda number: self.view.go_to_page(number - 1))
        self.page_count_label = QLabel(
            self.tr("/ %1 pages").replace("%1", str(self.view.page_count()))
        )
        self.page_count_label.setObjectName("previewPageCount")
        self.next_button = self._tool(
            "previewNextButton", "chevron_right", self.tr("Next page (PageDown)")
        )
        self.next_button.clicked.connect(self.view.next_page)

        self.zoom_out_button = self._tool(
            "previewZoomOutButton", "zoom_out", self.tr("Zoom out (Ctrl+-)")
        )
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_out())
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("previewZoomLabel")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000%"))
        self.zoom_in_button = self._tool(
            "previewZoomInButton", "zoom_in", self.tr("Zoom in (Ctrl++)")
        )
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_in())
        self.fit_width_button = self._tool(
            "previewFitWidthButton",
            "arrow_autofit_width",
            self.tr("Fit the page's width to the window (Ctrl+2)"),
            self.tr("Fit width"),
        )
        self.fit_width_button.clicked.connect(lambda: self._fit(self.view.fit_width))
        self.fit_page_button = self._tool(
            "previewFitPageButton",
            "page_fit",
            self.tr("Show a whole page (Ctrl+0)"),
            self.tr("Whole page"),
        )
        self.fit_page_button.clicked.connect(lambda: self._fit(self.view.fit_page))

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(12)
        bar.addStretch(1)
        for widget in (self.previous_button, self.page_box, self.page_count_label):
            bar.addWidget(widget)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_width_button)
        bar.addWidget(self.fit_page_button)
        bar.addStretch(1)
        bar.addSpacing(12)
        bar.addWidget(self.close_button)
        toolbar = QWidget()
        toolbar.setObjectName("previewToolbar")
        toolbar.setLayout(bar)
        # On a narrow window the fit buttons lose their words (their icons and tips stay), so
        # print, save and close never fall off the edge.
        self._set_compact(True)
        toolbar.setMinimumWidth(toolbar.sizeHint().width())
        self._set_compact(False)
        self._wide_width = toolbar.sizeHint().width()
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(line)
        layout.addWidget(self.view, 1)

        for keys, action in (
            (("Ctrl++", "Ctrl+="), self.view.zoom_in),
            (("Ctrl+-",), self.view.zoom_out),
            (("Ctrl+0",), self.view.fit_page),
            (("Ctrl+1",), lambda: self.view.set_zoom(1.0)),
            (("Ctrl+2",), self.view.fit_width),
            (("PgDown",), self.view.next_page),
            (("PgUp",), self.view.previous_page),
            (("Ctrl+Home",), lambda: self.view.go_to_page(0)),
            (("Ctrl+End",), lambda: self.view.go_to_page(self.view.page_count() - 1)),
            (("Ctrl+P",), self._print),
            (("Ctrl+S",), self._save),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=lambda act=action: act())

        self.view.zoom_changed.connect(self._show_zoom)
        self.view.page_changed.connect(self._show_page)
        self.view.verticalScrollBar().valueChanged.connect(
            lambda _value: self._show_page(self.view.current_page())
        )
        self._show_zoom()
        self._show_page(self.view.current_page())
        self._geometry_key = GEOMETRY_KEY + self.view.orientation()
        wanted = WANTED_SIZE[self.view.orientation()]
        restore_geometry(self, self._geometry_key, (wanted.width(), wanted.height()))
        self.view.setFocus()

    def _tool(self, name: str, icon: str, tip: str, text: str = "") -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icons.icon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if text:  # the fit buttons: shown pressed while their fit is on
            button.setCheckable(True)
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        else:
            button.setAccessibleName(tip)
        return button

    def _set_compact(self, compact: bool) -> None:
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button in (self.fit_width_button, self.fit_page_button):
            button.setToolButtonStyle(style)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._set_compact(event.size().width() < self._wide_width)
        super().resizeEvent(event)

    def _fit(self, fit: Callable[[], None]) -> None:
        fit()
        self._show_zoom()  # a click on a fit already on unchecks it: checked again here

    def _show_zoom(self) -> None:
        view = self.view
        self.zoom_label.setText(f"{round(view.zoom() * 100)}%")
        self.zoom_in_button.setEnabled(view.can_zoom_in())
        self.zoom_out_button.setEnabled(view.can_zoom_out())
        for button, mode in (
            (self.fit_width_button, ZoomMode.FIT_WIDTH),
            (self.fit_page_button, ZoomMode.FIT_PAGE),
        ):
            button.setChecked(view.zoom_mode() is mode)

    def _show_page(self, index: int) -> None:
        count = self.view.page_count()
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(count > 0 and (index > 0 or self._scrolled_into_page()))
        self.next_button.setEnabled(index < count - 1)

    def _scrolled_into_page(self) -> bool:
        view = self.view
        return view.visible_rect().top() > view.page_rect(view.current_page()).top()

    def _print(self) -> None:
        if self._printer(self, self.pdf, self._title):
            self.printed = True

    def _save(self) -> None:
        if not self._allow_save:
            return
        if self._saver is not None:
            self._saver()
            return
        name, _ = file_dialogs.get_save_file_name(
            self, self.tr("Save as PDF"), self._file_name, self.tr("PDF (*.pdf)")
        )
        if name:
            from ui.saving import save_bytes

            save_bytes(self, name, self.pdf)

    def done(self, result: int) -> None:
        save_geometry(self, self._geometry_key)
        super().done(result)
