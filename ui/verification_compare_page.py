"""The comparison page of the identity check: each 個人識別事項 as 一致／相違 (with a note for a
difference), and each photo against the face of whoever came, asked apart for the person and
for the agent, with 「一致しない」 as an answer (it stops the whole check)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from app.domain.verification import (
    CATALOGUE,
    Channel,
    Comparison,
    FieldResult,
    Holder,
    IdentityField,
)
from app.domain.verification.requirements import DIFFERENCE_NOTES
from ui.dialogs.person_dialog import reason_box
from ui.styles import NOTE_STYLE, set_role
from ui.verification_pages import VerificationPage, wrapped

NOT_ANSWERED = "none"


class _TriState:
    """Three radio buttons in a row of a grid: a real 「いいえ」 as well as 「はい」 and 「未確認」."""

    def __init__(
        self,
        page: QGroupBox,
        grid: QGridLayout,
        row: int,
        prefix: str,
        labels: tuple[str, str, str],
    ) -> None:
        self.group = QButtonGroup(page)
        self.buttons: dict[str, QRadioButton] = {}
        for column, (value, label) in enumerate(
            zip(("match", "differs", NOT_ANSWERED), labels, strict=True), start=1
        ):
            button = QRadioButton(label)
            button.setObjectName(f"{prefix}_{value}")
            self.group.addButton(button)
            self.buttons[value] = button
            grid.addWidget(button, row, column)
        self.buttons[NOT_ANSWERED].setChecked(True)

    @property
    def value(self) -> str:
        return next((v for v, b in self.buttons.items() if b.isChecked()), NOT_ANSWERED)

    def answer(self) -> bool | None:
        return {"match": True, "differs": False}.get(self.value)

    def set_visible(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setVisible(on)


class ComparePage(VerificationPage):
    def __init__(self, registered: str) -> None:
        super().__init__()
        self.setObjectName("verificationComparePage")
        self.setTitle(self.tr("Compare the details"))
        self.setSubTitle(
            self.tr(
                "Compare the name and the birth date or address on the documents (and on the "
                "power of attorney or our record) with each other."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(self.tr("On record: %1").replace("%1", registered), NOTE_STYLE))
        self.card_alone = wrapped(
            self.tr(
                "One My Number Card gives both checks: there is no second document to compare "
                "it with. Check its photo against the face and its expiry; comparing the details "
                "with our record is optional."
            )
        )
        self.card_alone.setObjectName("cardAloneNote")
        set_role(self.card_alone, "banner-info")
        layout.addWidget(self.card_alone)
        fields_box = QGroupBox(self.tr("Compared"))
        grid = QGridLayout(fields_box)
        self.fields: dict[IdentityField, _TriState] = {}
        self.notes: dict[IdentityField, QComboBox] = {}
        words = (self.tr("Same"), self.tr("Differs"), self.tr("Not compared"))
        for row, field in enumerate(IdentityField):
            grid.addWidget(QLabel(field.label), row, 0)
            choice = _TriState(fields_box, grid, row, f"field_{field.value}", words)
            choice.group.buttonToggled.connect(self._changed)
            self.fields[field] = choice
            note = reason_box(DIFFERENCE_NOTES[field], self.tr("What differs (e.g. old address)"))
            note.setObjectName(f"note_{field.value}")
            note.currentTextChanged.connect(self.completeChanged)
            self.notes[field] = note
            grid.addWidget(note, row, 4)
        grid.setColumnStretch(4, 1)
        layout.addWidget(fields_box)
        layout.addWidget(
            wrapped(
                self.tr(
                    "The name and the birth date never differ for the same person. An address "
                    "may (a move, an old address on a licence): with the name and the birth date "
                    "the same, note what differs and the check can go on."
                ),
                NOTE_STYLE,
            )
        )
        self.photo_box = QGroupBox(self.tr("Photo and face (in person)"))
        self.photo_box.setObjectName("photoBox")
        photo_grid = QGridLayout(self.photo_box)
        photo_words = (self.tr("Same person"), self.tr("Does not match"), self.tr("Not checked"))
        self.photo_labels: dict[Holder, QLabel] = {}
        self.photos: dict[Holder, _TriState] = {}
        for row, holder in enumerate(Holder):
            label = wrapped()
            photo_grid.addWidget(label, row, 0)
            self.photo_labels[holder] = label
            choice = _TriState(
                self.photo_box, photo_grid, row, f"photo_{holder.value}", photo_words
            )
            choice.group.buttonToggled.connect(self._changed)
            self.photos[holder] = choice
        photo_grid.setColumnStretch(0, 1)
        self.photo_warning = wrapped(
            self.tr(
                "A photo that is not the person who came stops the whole check: no other "
                "document can make up for it. Do not take the number; tell the manager."
            )
        )
        self.photo_warning.setObjectName("photoWarning")
        set_role(self.photo_warning, "banner-error")
        self.photo_warning.hide()
        layout.addWidget(self.photo_box)
        layout.addWidget(self.photo_warning)
        self.status = wrapped(style=NOTE_STYLE)
        self.status.setObjectName("compareStatus")
        layout.addWidget(self.status)
        layout.addStretch()
        self._needed = True
        self._photo_for: dict[Holder, tuple[str, ...]] = {}

    def initializePage(self) -> None:
        wizard = self.wizard_()
        self._needed = wizard.assessment(documents_only=True).comparison_needed
        self.card_alone.setVisible(not self._needed)
        in_person = wizard.channel is Channel.IN_PERSON
        presented = wizard.documents_page.presented()
        for holder in Holder:
            photos = tuple(
                item.code
                for item in presented
                if item.holder is holder and CATALOGUE[item.code].has_photo
            )
            if photos != self._photo_for.get(holder):
                self.photos[holder].buttons[NOT_ANSWERED].setChecked(True)  # was another photo
                self._photo_for[holder] = photos
            shown = in_person and bool(photos)
            names = "、".join(CATALOGUE[code].name for code in photos)
            if holder is Holder.PRINCIPAL:
                text = self.tr("The person's photo (%1) against the face of the person who came")
                if wizard.provider.is_agent:
                    text = self.tr(
                        "The person's photo (%1) against the person's face, if the person came too"
                    )
            else:
                text = self.tr("The agent's photo (%1) against the face of the agent who came")
            self.photo_labels[holder].setText(text.replace("%1", names))
            self.photo_labels[holder].setVisible(shown)
            self.photos[holder].set_visible(shown)
        self.photo_box.setVisible(
            any(self.photo_labels[h].isVisibleTo(self.photo_box) for h in Holder)
        )
        self._changed()

    def _changed(self) -> None:
        for field, choice in self.fields.items():
            self.notes[field].setEnabled(choice.value != NOT_ANSWERED)
        self.photo_warning.setVisible(
            any(choice.answer() is False for choice in self.photos.values())
        )
        self.completeChanged.emit()

    def _photo(self, holder: Holder) -> bool | None:
        if not self.photo_labels[holder].isVisibleTo(self.photo_box):
            return None
        return self.photos[holder].answer()

    def comparison(self) -> Comparison:
        results = {
            field: (
                FieldResult.MATCH if choice.value == "match" else FieldResult.DIFFERS,
                self.notes[field].currentText(),
            )
            for field, choice in self.fields.items()
            if choice.value != NOT_ANSWERED
        }
        return Comparison.of(
            results,
            principal_photo=self._photo(Holder.PRINCIPAL),
            agent_photo=self._photo(Holder.AGENT),
        )

    def isComplete(self) -> bool:
        answered = [f for f, choice in self.fields.items() if choice.value != NOT_ANSWERED]
        unexplained = [
            f.label
            for f in answered
            if self.fields[f].value == "differs" and not self.notes[f].currentText().strip()
        ]
        if self._needed and not answered:
            message = self.tr("Say for each detail you compared whether it is the same.")
        elif unexplained:
            message = self.tr("Write what differs: %1.").replace("%1", "・".join(unexplained))
        else:
            message = ""
        self.status.setText(message)
        return not message
