"""The chosen access-log entry in full, under the list on the 記録 page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services.audit_view import AuditLine
from ui.styles import set_role


class EventDetails(QScrollArea):
    """The chosen event in full: its sentence, then who, when and every labelled field, two
    to a line so that a short pane shows them all."""

    PAIRS_PER_LINE = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetails")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.sentence = QLabel()
        self.sentence.setObjectName("auditSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        for pair in range(self.PAIRS_PER_LINE):
            self.grid.setColumnStretch(pair * 2 + 1, 1)
        layout = QVBoxLayout(body)
        layout.addWidget(self.sentence)
        layout.addLayout(self.grid)
        layout.addStretch()
        self.setWidget(body)
        self._shown: dict[str, str] = {}
        self.show_line(None)

    def show_line(self, line: AuditLine | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; it must not show till then
                widget.deleteLater()
        self._shown = {}
        if line is None:
            set_role(self.sentence, "note")
            self.sentence.setText(self.tr("Choose an entry to see it in full here."))
            return
        set_role(self.sentence, "subheading")
        text = line.text
        self.sentence.setText(text.sentence)
        actor = f"{line.actor}（{line.login}）" if line.login else line.actor
        rows = [
            (self.tr("Entry no."), str(line.seq)),
            (self.tr("Date and time"), line.at),
            (self.tr("Who"), actor),
            (self.tr("What"), text.action),
        ]
        if text.target.shown:
            rows.append((self.tr("Concerning"), text.target.name))
            rows.append((self.tr("Kind of person or record"), text.target.kind or "—"))
        rows += [(field.label, field.value) for field in text.fields]
        for index, (label, value) in enumerate(rows):
            line_no, pair = divmod(index, self.PAIRS_PER_LINE)
            name = QLabel(label + "：")
            set_role(name, "note")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(name, line_no, pair * 2)
            self.grid.addWidget(shown, line_no, pair * 2 + 1)
            self._shown[label] = value

    def values(self) -> dict[str, str]:
        """Label → value as shown."""
        return dict(self._shown)
