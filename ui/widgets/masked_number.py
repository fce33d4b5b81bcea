"""The masked number: ●●●● ●●●● ●●●● until 「表示」 with a purpose; shown for the configured
seconds, masked again at once when the window loses focus or locks; 「コピー」 likewise logged.

Its width never depends on what it shows: the number takes the room of the wider of the mask
and the digits, and the countdown wraps under it, so revealing or copying never widens the
page (or the window) around it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.my_number import MASK
from app.domain.purposes import CATALOG
from app.domain.settings import SettingKey
from app.services import numbers
from app.services.numbers import RevealedNumber
from ui import icons
from ui.clipboard import shared_clipboard
from ui.context import UiContext
from ui.styles import set_role

# As wide as any number shown: 12 digits in groups of four (no number is ever put here).
_WIDEST_DIGITS = "0000 0000 0000"


def number_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.3)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1)
    return font


class MaskedNumberWidget(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maskedNumber")
        self.context = context
        self.person_id: int | None = None
        self.value = QLabel(MASK)
        self.value.setObjectName("numberValue")
        font = number_font(self.value.font())
        self.value.setFont(font)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(MASK), metrics.horizontalAdvance(_WIDEST_DIGITS))
        self.value.setFixedWidth(widest + 4)
        # The number never goes into tooltips or accessible names (UI-04).
        self.value.setAccessibleName(self.tr("My Number (masked)"))
        self.show_button = QPushButton(icons.icon("eye"), self.tr("Show"))
        self.show_button.setObjectName("revealButton")
        self.show_button.clicked.connect(lambda: self._ask_purpose("reveal"))
        self.copy_button = QPushButton(icons.icon("copy"), self.tr("Copy"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(lambda: self._ask_purpose("copy"))
        self.countdown = QLabel()
        self.countdown.setObjectName("revealCountdown")
        self.countdown.setWordWrap(True)
        # Whatever it says, it takes the width it is given and never asks for more.
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        set_role(self.countdown, "note")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value)
        row.addWidget(self.show_button)
        row.addWidget(self.copy_button)
        # Room for buttons a page puts beside these (the number box's 「訂正…」).
        self.row = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.countdown)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.mask)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state_changed)
        self.set_person(None)

    def set_person(self, person_id: int | None) -> None:
        self.mask()
        self.person_id = person_id
        for button in (self.show_button, self.copy_button):
            button.setEnabled(person_id is not None)
        session = self.context.session
        self.copy_button.setVisible(
            bool(session and session.settings.get(SettingKey.COPY_ALLOWED, True))
        )

    @property
    def revealed(self) -> bool:
        return self.value.text() != MASK

    def mask(self) -> None:
        """Drop the shown digits (timer, focus loss, lock, another person selected)."""
        self._timer.stop()
        self.value.setText(MASK)
        self.countdown.clear()
        self.countdown.hide()

    def _say(self, text: str) -> None:
        self.countdown.setText(text)
        self.countdown.setVisible(bool(text))

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.mask()

    def _ask_purpose(self, action: str) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        self.context.run(
            lambda s: numbers.purposes_for(s, person_id),
            owner=self,
            on_done=lambda codes: self._choose(action, person_id, codes),
        )

    def _choose(self, action: str, person_id: int, codes: list[str]) -> None:
        if not codes:
            self._say(self.tr("No purpose of yours applies to this number."))
            return
        labels = [CATALOG[code].name for code in codes]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Purpose"),
            self.tr("For which work do you need the number?"),
            labels,
            0,
            False,
        )
        if not ok:
            return
        purpose = codes[labels.index(label)]
        work = numbers.reveal if action == "reveal" else numbers.copy
        self.context.run(
            lambda s: work(s, person_id, purpose),
            owner=self,
            on_done=self._show if action == "reveal" else self._copy,
        )

    def _seconds(self, key: SettingKey, default: int) -> int:
        session = self.context.session
        return int(session.settings.get(key, default)) if session else default

    def _show(self, revealed: RevealedNumber) -> None:
        if revealed.person_id != self.person_id:
            return
        seconds = self._seconds(SettingKey.REVEAL_SECONDS, 30)
        self.value.setText(revealed.number.grouped())
        self._say(self.tr("Masked again in %1 s").replace("%1", str(seconds)))
        self._timer.start(seconds * 1000)

    def _copy(self, revealed: RevealedNumber) -> None:
        seconds = self._seconds(SettingKey.CLIPBOARD_SECONDS, 20)
        shared_clipboard().copy(revealed.number.digits(), seconds)
        self._say(self.tr("Copied; the clipboard is cleared in %1 s").replace("%1", str(seconds)))
