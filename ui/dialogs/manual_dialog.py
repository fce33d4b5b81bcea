"""ヘルプ > 操作マニュアル (F1): the chapters of the user manual, a search over their text, and
the chapter shown with its screenshots. Offline: no link is ever followed out of the dialog.

The manual holds no personal data, so the dialog may stay open beside the work."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QImageReader, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.manual_text import Block, Chapter, inline_markup, matches
from app.services import manual
from ui import icons
from ui.styles import set_role
from ui.window_state import fit_to_screen

# Room left beside a screenshot inside the reading pane (margins and the scroll bar).
IMAGE_SLACK = 48


def chapter_html(chapter: Chapter, number: int, image_width: int) -> str:
    """The chapter as the rich text a QTextBrowser shows; images by their relative path,
    no wider than image_width."""
    # pre-wrap: the full-width space after the number is kept, not folded into a space.
    parts = [f'<h1 style="white-space: pre-wrap">{number}\u3000{inline_markup(chapter.title)}</h1>']
    for block in chapter.blocks:
        parts.append(_block_html(block, image_width))
    return "\n".join(parts)


def _block_html(block: Block, image_width: int) -> str:
    if block.kind == "heading":
        return f"<h2>{inline_markup(block.text)}</h2>"
    if block.kind == "paragraph":
        return f"<p>{inline_markup(block.text)}</p>"
    if block.kind in ("steps", "bullets"):
        items = "".join(f"<li>{inline_markup(item)}</li>" for item in block.items)
        if block.kind == "steps":
            return f'<ol start="{block.start}">{items}</ol>'
        return f"<ul>{items}</ul>"
    if block.kind == "code":
        return f"<pre>{html.escape(block.text, quote=False)}</pre>"
    if block.kind == "note":
        text = inline_markup(block.text).replace("\n", "<br/>")
        return (
            '<table width="100%" cellpadding="8" style="background-color:#eef2f7;'
            f'border-left: 3px solid #1f4f78;"><tr><td>{text}</td></tr></table>'
        )
    width = min(_natural_width(block.image), image_width)
    source = html.escape(block.image, quote=True)
    caption = f'<p class="caption">{inline_markup(block.text)}</p>' if block.text else ""
    return f'<p align="center"><img src="{source}" width="{width}"/></p>{caption}'


def _natural_width(reference: str) -> int:
    size = QImageReader(str(manual.image_path(reference))).size()
    return size.width() if size.isValid() else 600


STYLE = """
h1 { font-size: 18pt; color: #1f4f78; }
h2 { font-size: 13pt; color: #1f4f78; margin-top: 14px; }
p, li { line-height: 150%; }
p.caption { font-size: 9pt; color: #555555; text-align: center; }
pre { background-color: #eeeeee; margin-left: 24px; }
"""


class ManualDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        save_pdf: Callable[[], None] | None = None,
        chapters: list[Chapter] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(self.tr("User manual"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        # Small text files bundled with the program, read once: no database, no network.
        self.chapters = chapters if chapters is not None else manual.load_chapters()
        self.current = -1

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("manualSearch")
        self.search_edit.setPlaceholderText(self.tr("Search the manual"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self._search)
        self.no_match = QLabel(self.tr("No chapter contains these words."))
        self.no_match.setObjectName("manualNoMatch")
        self.no_match.setWordWrap(True)
        set_role(self.no_match, "note")
        self.no_match.hide()

        self.chapter_list = QListWidget()
        self.chapter_list.setObjectName("manualChapters")
        self.chapter_list.setWordWrap(True)
        self.chapter_list.setSpacing(2)
        self.chapter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, chapter in enumerate(self.chapters, start=1):
            item = QListWidgetItem(f"{number}　{chapter.title}")
            item.setData(Qt.ItemDataRole.UserRole, number - 1)
            self.chapter_list.addItem(item)
        self.chapter_list.currentItemChanged.connect(self._chosen)

        self.browser = QTextBrowser()
        self.browser.setObjectName("manualBrowser")
        # Offline: a link is never opened, inside or outside the program.
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(manual.manual_dir())])
        self.browser.document().setDefaultStyleSheet(STYLE)
        # The screenshots follow the reading pane's width.
        self._rendered_width = 0
        self.browser.viewport().installEventFilter(self)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_edit)
        column.addWidget(self.no_match)
        column.addWidget(self.chapter_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 800])

        buttons = QDialogButtonBox()
        self.pdf_button = QPushButton(icons.icon("document_pdf"), self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("manualPdfButton")
        self.pdf_button.setVisible(save_pdf is not None)
        if save_pdf is not None:
            self.pdf_button.clicked.connect(save_pdf)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 700)
        if self.chapters:
            self.chapter_list.setCurrentRow(0)

    def show_chapter(self, index: int) -> None:
        self.current = index
        self._rendered_width = self.browser.viewport().width()
        width = max(240, self._rendered_width - IMAGE_SLACK)
        number = index + 1
        self.browser.setHtml(chapter_html(self.chapters[index], number, width))
        query = self.search_edit.text().strip()
        if query:
            self._highlight(query)

    def visible_chapters(self) -> list[str]:
        return [
            self.chapters[self.chapter_list.item(row).data(Qt.ItemDataRole.UserRole)].title
            for row in range(self.chapter_list.count())
            if not self.chapter_list.item(row).isHidden()
        ]

    def image_loaded(self, reference: str) -> bool:
        """Whether the reading pane found the image a chapter references."""
        image = self.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(reference)
        )
        return image is not None and not getattr(image, "isNull", lambda: False)()

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_chapter(int(item.data(Qt.ItemDataRole.UserRole)))

    def _search(self, text: str) -> None:
        first_shown = None
        for row in range(self.chapter_list.count()):
            item = self.chapter_list.item(row)
            index = int(item.data(Qt.ItemDataRole.UserRole))
            hit = matches(self.chapters[index], text)
            item.setHidden(not hit)
            if hit and first_shown is None:
                first_shown = row
        self.no_match.setVisible(first_shown is None)
        current = self.chapter_list.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.chapter_list.setCurrentRow(first_shown)
        elif self.current >= 0 and text.strip():
            self._highlight(text.strip())

    def _highlight(self, query: str) -> None:
        """Move to the first place in the chapter holding the query's first word."""
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        self.browser.find(query.split()[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.browser.viewport()
            and event.type() == QEvent.Type.Resize
            and self.current >= 0
            and self.browser.viewport().width() != self._rendered_width
        ):
            bar = self.browser.verticalScrollBar()
            share = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self.show_chapter(self.current)
            bar.setValue(round(share * bar.maximum()))
        return super().eventFilter(watched, event)
