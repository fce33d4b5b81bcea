"""◀ Previous / position / Next ▶ under a paged table; the page asks its service for rows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class PagingBar(QWidget):
    moved = Signal(int)  # the offset change asked for

    def __init__(self, page_size: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setObjectName(f"{name}Previous")
        self.previous_button.clicked.connect(lambda: self.moved.emit(-page_size))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName(f"{name}Next")
        self.next_button.clicked.connect(lambda: self.moved.emit(page_size))
        self.position = QLabel()
        self.position.setObjectName(f"{name}Position")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.position)
        layout.addWidget(self.next_button)

    def show_range(self, offset: int, shown: int, total: int) -> None:
        first = offset + 1 if shown else 0
        self.position.setText(
            self.tr("%1–%2 of %3")
            .replace("%1", f"{first:,}")
            .replace("%2", f"{offset + shown:,}")
            .replace("%3", f"{total:,}")
        )
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(offset + shown < total)

    def clear(self) -> None:
        self.position.clear()
