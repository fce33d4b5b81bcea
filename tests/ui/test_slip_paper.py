"""The slip dialog's paper: four true-size slips on A4, and pre-printed forms with only the
values, printed at true size and moved by the chosen printer's offset."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from app.bootstrap import Workspace
from app.services import people
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import signed_in
from tests.ui.test_withholding_slip_dialog import NUMBER, office_with_one  # noqa: F401
from ui.context import UiContext
from ui.tasks import DatabaseThread


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _mm(pdf: bytes) -> tuple[int, int]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def test_each_paper_is_offered_and_printed_its_own_way(
    qtbot,
    office_with_one: Workspace,  # noqa: F811
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_one, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_one, db, session)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = WithholdingSlipDialog(context, person_id, "山田 太郎")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amounts["payment"].setText("5800000")
    dialog.payer.name.setText("株式会社サンプル商事")
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    sheet = dialog.findChild(QComboBox, "slipSheet")
    assert [sheet.itemText(k) for k in range(sheet.count())] == [
        "A4に2枚（拡大）",
        "A4に4枚（実寸・トンボ付き）",
        "A6に1枚（実寸）",
        "専用用紙（値のみ印字）",
    ]
    calibrate = dialog.findChild(QPushButton, "slipCalibrateButton")
    assert not calibrate.isVisible()

    shown = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview)
    )
    printed: list[bool] = []
    numbered: list[bool] = []
    monkeypatch.setattr(
        "ui.form_printing.print_form",
        lambda _parent, _pdf, _title, *, preprinted, numbers: (
            printed.append(preprinted) or numbered.append(numbers) or True
        ),
    )

    sheet.setCurrentIndex(sheet.findData("a4_four_up"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    assert _mm(shown[0].pdf) == (210, 297)
    assert "給与所得の源泉徴収票" in _text(shown[0].pdf) and NUMBER in _text(shown[0].pdf)
    shown[0].print_button.click()
    assert printed == [False]  # at true size, not moved

    sheet.setCurrentIndex(sheet.findData("preprinted_a4"))
    assert calibrate.isVisible()
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    text = _text(shown[1].pdf)
    assert _mm(shown[1].pdf) == (297, 210)
    assert "給与所得の源泉徴収票" not in text and "支払金額" not in text  # no form, values only
    assert "山田太郎" in text and NUMBER in text
    shown[1].print_button.click()
    assert printed == [False, True]  # moved by the chosen printer's offset
    assert numbered == [True, True]  # a copy with numbers: never printed to a file

    opened = []
    monkeypatch.setattr(
        "ui.dialogs.print_calibration_dialog.PrintCalibrationDialog.exec",
        lambda calibration: opened.append(calibration),
    )
    calibrate.click()
    (calibration,) = opened
    qtbot.addWidget(calibration)
    assert calibration.year == 2026
    db.call(session.close)
