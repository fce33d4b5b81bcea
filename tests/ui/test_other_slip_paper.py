"""The paper of the 支払調書 and the 退職所得の源泉徴収票 dialogs: the four papers of the 給与 slip,
each arranged for a landscape slip, printed through print_form at true size (moved by the
printer's offset only onto pre-printed forms)."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtWidgets import QComboBox

from app.bootstrap import Workspace
from app.services import people
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import signed_in
from tests.ui.test_other_slip_dialogs import (  # noqa: F401
    NUMBER,
    PAYEE_NUMBER,
    _text,
    office_with_people,
)
from ui.context import UiContext
from ui.tasks import DatabaseThread

PAPERS = [
    "A4に2枚（拡大）",
    "A4に4枚（実寸・トンボ付き）",
    "A6に1枚（実寸）",
    "専用用紙（値のみ印字）",
]


def _mm(pdf: bytes) -> tuple[int, int]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def _printed_through_print_form(monkeypatch) -> list[tuple[bool, bool]]:
    printed: list[tuple[bool, bool]] = []
    monkeypatch.setattr(
        "ui.form_printing.print_form",
        lambda _parent, _pdf, _title, *, preprinted, numbers: (
            printed.append((preprinted, numbers)) or True
        ),
    )
    return printed


def _preview_on(qtbot, dialog, shown: list, paper: str) -> object:
    sheet = dialog.findChild(QComboBox, "slipSheet")
    sheet.setCurrentIndex(sheet.findData(paper))
    dialog.preview_button.click()
    count = len(shown)
    qtbot.waitUntil(lambda: len(shown) == count + 1, timeout=10000)
    return shown[-1]


def test_the_payment_slip_offers_the_papers_and_prints_at_true_size(
    qtbot,
    office_with_people: Workspace,  # noqa: F811
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "サトウ").rows[0].id)
    dialog = PaymentSlipDialog(
        UiContext(office_with_people, db, session), person_id, "佐藤 一郎", "fees"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)
    sheet = dialog.findChild(QComboBox, "slipSheet")
    assert [sheet.itemText(k) for k in range(sheet.count())] == PAPERS
    calibrate = dialog.findChild(QPushButton, "slipCalibrateButton")
    assert not calibrate.isVisible()
    dialog.category.setCurrentText("原稿料")
    dialog.amounts["payment"].setText("300000")
    dialog.payer.name.setText("株式会社サンプル商事")
    shown: list = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview)
    )
    printed = _printed_through_print_form(monkeypatch)

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("payee"))
    preview = _preview_on(qtbot, dialog, shown, "a4_four_up")
    assert _mm(preview.pdf) == (297, 210)  # A4 landscape: four true-size quarters
    assert "佐藤一郎" in _text(preview.pdf) and "支払調書" in _text(preview.pdf)
    preview.print_button.click()
    assert printed == [(False, False)]  # at true size, not moved; no number on the copy

    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    preview = _preview_on(qtbot, dialog, shown, "preprinted_a4")
    assert calibrate.isVisible()
    text = _text(preview.pdf)
    assert _mm(preview.pdf) == (210, 297)  # two slips stacked on A4 portrait
    assert "支払調書" not in text and PAYEE_NUMBER in text  # values only
    preview.print_button.click()
    assert printed == [(False, False), (True, True)]  # moved by the printer's offset

    preview = _preview_on(qtbot, dialog, shown, "a6")
    assert _mm(preview.pdf) == (148, 105)
    db.call(session.close)


def test_the_retirement_slip_offers_the_papers_and_prints_at_true_size(
    qtbot,
    office_with_people: Workspace,  # noqa: F811
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    person_id = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = RetirementSlipDialog(
        UiContext(office_with_people, db, session), person_id, "山田 太郎"
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=10000)
    sheet = dialog.findChild(QComboBox, "slipSheet")
    assert [sheet.itemText(k) for k in range(sheet.count())] == PAPERS
    dialog.amounts["general_payment"].setText("12000000")
    dialog.amounts["general_tax"].setText("0")
    shown: list = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview)
    )
    printed = _printed_through_print_form(monkeypatch)
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("tax_office"))
    preview = _preview_on(qtbot, dialog, shown, "a4_two_up")
    assert _mm(preview.pdf) == (210, 297)
    assert NUMBER in _text(preview.pdf) and "退職所得" in _text(preview.pdf)
    preview.print_button.click()
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData("recipient"))
    preview = _preview_on(qtbot, dialog, shown, "preprinted_a4")
    assert "退職所得" not in _text(preview.pdf) and NUMBER not in _text(preview.pdf)
    preview.print_button.click()
    assert printed == [(False, True), (True, False)]
    db.call(session.close)
