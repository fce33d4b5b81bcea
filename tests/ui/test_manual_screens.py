"""packaging/manual_screens.py refuses a screenshot in which any visible text could be a My
Number (the manual's images show masked numbers only)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import manual_screens

# A made-up twelve-digit run; never a real number.
DIGITS = "1234 5678 9012"


def _window(qtbot, *children: QWidget) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for child in children:
        layout.addWidget(child)
    qtbot.addWidget(window)
    window.show()
    return window


def test_masked_text_passes(qtbot) -> None:
    window = _window(qtbot, QLabel("●●●● ●●●● ●●●●"), QLabel("2026年12月7日"))
    manual_screens.check_masked(window)


@pytest.mark.parametrize("where", ["label", "line", "table"])
def test_a_number_anywhere_on_screen_is_refused(qtbot, where: str) -> None:
    if where == "label":
        child: QWidget = QLabel(f"個人番号 {DIGITS}")
    elif where == "line":
        child = QLineEdit(DIGITS)
    else:
        model = QStandardItemModel(1, 2)
        model.setItem(0, 1, QStandardItem(DIGITS))
        child = QTableView()
        child.setModel(model)
        child._model = model  # kept alive with the view
    window = _window(qtbot, child)
    with pytest.raises(manual_screens.UnmaskedNumberOnScreen):
        manual_screens.check_masked(window)


def test_a_masked_entry_field_is_not_read(qtbot) -> None:
    hidden = QLineEdit(DIGITS)
    hidden.setEchoMode(QLineEdit.EchoMode.Password)
    manual_screens.check_masked(_window(qtbot, hidden))


def test_only_a_valid_corporate_number_in_its_own_field_is_shown(qtbot) -> None:
    """The office's 法人番号 is public and shown on the settings page; the same 13 digits
    elsewhere, or a 13-digit run that is not a 法人番号, are still refused."""
    field = QLineEdit("8999900000001")  # check digit 8 is right for 999900000001
    field.setObjectName("officeCorporateNumberEdit")
    manual_screens.check_masked(_window(qtbot, field))
    for name, text in (("", "8999900000001"), ("officeCorporateNumberEdit", "1999900000001")):
        other = QLineEdit(text)
        other.setObjectName(name)
        with pytest.raises(manual_screens.UnmaskedNumberOnScreen):
            manual_screens.check_masked(_window(qtbot, other))


def test_every_screenshot_the_chapters_show_is_one_the_script_takes() -> None:
    """Regenerating the images renews every one the manual shows (none is left stale or
    made by hand): each is a page of PAGES or a shot the script names."""
    from app.services import manual

    source = Path(manual_screens.__file__).read_text(encoding="utf-8")
    referenced = {Path(image).name for c in manual.load_chapters() for image in c.images()}
    assert {"yearend.png", "consignees.png", "inspection.png"} <= set(manual_screens.PAGES.values())
    for name in sorted(referenced):
        assert name in manual_screens.PAGES.values() or f'"{name}"' in source, name
