"""The amount field of the slip dialogs: grouped by thousands once typed or set, what a clerk
types (full-width, commas, spaces, 円) read as whole yen, anything else refused by name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.widgets.yen_edit import AmountError, YenEdit, read_amounts


@pytest.fixture
def edit(qtbot) -> YenEdit:
    widget = YenEdit("amount_payment", "支払金額")
    qtbot.addWidget(widget)
    return widget


def _type(qtbot, edit: YenEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # editingFinished


def test_typed_digits_are_grouped_when_typing_is_done(qtbot, edit: YenEdit) -> None:
    qtbot.keyClicks(edit, "5800000")
    assert edit.text() == "5800000"  # not reformatted under the caret while typing
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "5,800,000"
    assert edit.value() == 5_800_000
    assert edit.alignment() & Qt.AlignmentFlag.AlignRight
    assert edit.objectName() == "amount_payment" and edit.accessibleName() == "支払金額"


def test_set_value_shows_the_amount_grouped(edit: YenEdit) -> None:
    edit.set_value(1_234_567)
    assert edit.text() == "1,234,567" and edit.value() == 1_234_567
    edit.set_value(0)
    assert edit.text() == "0" and edit.value() == 0
    edit.set_value(None)
    assert edit.text() == "" and edit.value() is None
    edit.setText("5800000")  # plain digits set as text are read as well
    assert edit.value() == 5_800_000


@pytest.mark.parametrize(
    "typed",
    [
        "５８０００００",
        "５，８００，０００円",
        "5,800,000",
        "5 800 000",
        "5800000 円",
        "￥5,800,000",
    ],
)
def test_what_a_clerk_types_is_read_as_yen(qtbot, edit: YenEdit, typed: str) -> None:
    edit.setText(typed)
    assert edit.value() == 5_800_000
    edit.editingFinished.emit()
    assert edit.text() == "5,800,000"
    assert edit.error() is None


def test_an_empty_field_is_no_amount(edit: YenEdit) -> None:
    assert edit.value() is None
    edit.setText("  　円")
    assert edit.value() is None


@pytest.mark.parametrize(
    "typed", ["-5000", "－５０００", "12a3", "abc", "1.5", "5800000.00", "▲300"]
)
def test_anything_but_whole_yen_is_refused_naming_the_field(
    qtbot, edit: YenEdit, typed: str
) -> None:
    if typed.isascii():
        _type(qtbot, edit, typed)  # typed key by key, then Return
    else:
        edit.setText(typed)
        edit.editingFinished.emit()
    with pytest.raises(AmountError) as refused:
        edit.value()
    message = str(refused.value)
    assert message == "「支払金額」には0以上の整数を円単位で入力してください。"
    assert edit.text() == typed  # left as typed for the clerk to correct
    assert edit.property("alert") == "true" and edit.toolTip() == message
    edit.set_value(300)  # corrected: no longer marked
    assert edit.property("alert") == "false" and edit.toolTip() == ""


def test_too_many_digits_are_refused_without_quoting_them(edit: YenEdit) -> None:
    edit.setText("123456789012")
    with pytest.raises(AmountError) as refused:
        edit.value()
    assert str(refused.value) == "「支払金額」は10桁までの金額で入力してください。"
    edit.setText("9,999,999,999")
    assert edit.value() == 9_999_999_999


def test_read_amounts_leaves_out_empty_fields_and_stops_at_a_bad_one(qtbot) -> None:
    payment, tax = YenEdit("amount_payment", "支払金額"), YenEdit("amount_tax", "源泉徴収税額")
    for widget in (payment, tax):
        qtbot.addWidget(widget)
    payment.setText("５，８００，０００円")
    assert read_amounts({"payment": payment, "tax": tax}) == {"payment": 5_800_000}
    tax.setText("-100")
    with pytest.raises(AmountError, match="源泉徴収税額"):
        read_amounts({"payment": payment, "tax": tax})
    assert tax.property("alert") == "true"
