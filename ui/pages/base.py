"""The contract every page keeps with the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import UiContext


class Page(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def load(self) -> None:
        """Fetch what the page shows; called when the page is shown or after unlocking."""

    def clear(self) -> None:
        """Drop every value read from the vault (called on lock and sign-out)."""

    def show_hint(self, hint: str) -> None:
        """Select what a dashboard card points at ("run:12", "login:tanto"), once loaded;
        a page with nothing to select ignores it."""
