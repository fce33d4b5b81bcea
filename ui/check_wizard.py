"""The shell both identity checks share: a number's 本人確認 (ui.verification_wizard) and its
request mode, a requester's (ui.requester_wizard). The same size and buttons, and the same
「記録する」: written on the database thread, and on a refusal the wizard stays open with the
reason, so nothing the clerk entered is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget, QWizard

from app.session import Session
from ui.context import UiContext
from ui.errors import message_for

T = TypeVar("T")


class CheckWizard(QWizard):
    def __init__(self, context: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setMinimumSize(760, 640)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Record"))

    def record(
        self, work: Callable[[Session], T], error: QLabel, saved: Callable[[T], None]
    ) -> None:
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)

        def refused(exc: BaseException) -> None:
            finish.setEnabled(True)
            error.setText(message_for(exc))

        def done(result: T) -> None:
            saved(result)
            QWizard.accept(self)

        self.context.run(work, owner=self, on_done=done, on_error=refused)
