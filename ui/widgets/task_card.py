"""One card of the home page's to-do list: what it is about, how many wait, what that means,
and one button to the work. Calm when nothing waits, highlighted when something does."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import icons
from ui.styles import set_flag, set_role

# The levels a card shows: nothing to do, something waits, something is late.
CALM, ATTENTION, ALERT = "", "attention", "alert"
_ICON_COLOURS = {CALM: icons.TEXT, ATTENTION: icons.WARNING, ALERT: icons.ERROR}


class TaskCard(QFrame):
    def __init__(
        self, name: str, icon: str, title: str, button_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Card")
        set_role(self, "card")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(300)
        self._icon_name = icon
        self.icon = QLabel()
        self.icon.setFixedSize(QSize(24, 24))
        self.title = QLabel(title)
        self.title.setObjectName(f"{name}Title")
        self.title.setWordWrap(True)
        set_role(self.title, "card-title")
        self.count = QLabel()
        self.count.setObjectName(f"{name}Count")
        set_role(self.count, "card-count")
        self.detail = QLabel()
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)
        self.button = QPushButton(button_text)
        self.button.setObjectName(f"{name}Button")
        self.level = CALM

        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        footer.addStretch()
        footer.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.detail, 1)
        layout.addLayout(footer)
        self.show_state("", "", CALM)

    def show_state(self, count: str, detail: str, level: str) -> None:
        """The count as shown (「3件」), what it means, and CALM, ATTENTION or ALERT."""
        self.level = level
        self.count.setText(count)
        self.detail.setText(detail)
        set_flag(self, ATTENTION, level == ATTENTION)
        set_flag(self, ALERT, level == ALERT)
        colour = _ICON_COLOURS[level]
        self.icon.setPixmap(icons.icon(self._icon_name, colour).pixmap(QSize(24, 24)))
