"""The look in one place: the stylesheet of resources/styles/app.qss, the roles it knows, and the
colours of status text (errors red, a sufficient check green, notes grey)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.paths import resources_dir

# A date picker's text, as app.domain.display_dates writes a date (Qt's own format syntax).
DATE_FORMAT = "yyyy年M月d日"

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
NOTE_STYLE = "color: #555555;"

# The roles app.qss styles; set_role refuses any other so a typo is not silently unstyled.
ROLES = frozenset(
    {
        "heading",
        "subheading",
        "error",
        "ok",
        "note",
        "banner-info",
        "banner-warning",
        "banner-error",
        "card",
        "card-count",
        "card-title",
    }
)


def stylesheet() -> str:
    return (resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8")


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget one of the stylesheet's roles (re-polished, so it may change at run time)."""
    if role not in ROLES:
        raise ValueError(role)
    widget.setProperty("role", role)
    _repolish(widget)


def set_flag(widget: QWidget, name: str, on: bool) -> None:
    """A boolean property the stylesheet reads (a card's attention or alert state)."""
    widget.setProperty(name, "true" if on else "false")
    _repolish(widget)


def make_primary(button: QAbstractButton) -> None:
    """The one primary action of a screen or dialog."""
    button.setProperty("primary", "true")
    _repolish(button)


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    set_role(label, "heading")
    return label


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
