"""Not a test: screenshots of the slip dialogs with amounts typed (grouped, 円 beside them) and
one refused, for a person to look at. Run explicitly:
QT_QPA_PLATFORM=offscreen:configfile=/tmp/mynumber-desk-screen-1366x768.json \
    pytest tests/ui/shots_slips.py -p no:cacheprovider -n 0
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Workspace
from app.services import people
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import signed_in
from tests.ui.test_other_slip_dialogs import office_with_people  # noqa: F401 (fixture)
from ui.context import UiContext
from ui.tasks import DatabaseThread

OUT = Path("/tmp/amounts/shots")


def _shot(qtbot, dialog: QWidget, name: str) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()  # a label just shown takes its place first
    OUT.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT / f"{name}.png"))


def _type(edits: dict, amounts: dict[str, str]) -> None:
    for key, text in amounts.items():
        edits[key].setText(text)
        edits[key].editingFinished.emit()


def test_shots(qtbot, office_with_people: Workspace, db: DatabaseThread) -> None:  # noqa: F811
    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog
    from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_people, db, session)
    yamada = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    sato = db.call(lambda: people.search(session, "サトウ").rows[0].id)
    hanako = db.call(lambda: people.search(session, "サンゲン").rows[0].id)

    slip = WithholdingSlipDialog(context, yamada, "山田 太郎")
    qtbot.addWidget(slip)
    qtbot.waitUntil(slip.save_button.isEnabled, timeout=10000)
    _type(
        slip.amounts,
        {
            "payment": "５８０００００",
            "income_after_deduction": "4,200,000",
            "deductions_total": "1,234,567円",
            "tax": "120300",
            "social_insurance": "834567",
            "basic_deduction": "480000",
            "life_insurance": "9999999999",
        },
    )
    _shot(qtbot, slip, "withholding")
    slip.amounts["tax"].setText("-120300")
    slip.amounts["tax"].editingFinished.emit()
    slip.save_button.click()
    _shot(qtbot, slip, "withholding_error")

    fees = PaymentSlipDialog(context, sato, "佐藤 一郎", "fees")
    qtbot.addWidget(fees)
    qtbot.waitUntil(fees.save_button.isEnabled, timeout=10000)
    fees.category.setCurrentText("原稿料")
    _type(fees.amounts, {"payment": "300000", "tax": "30630", "payment_inner": "0"})
    _shot(qtbot, fees, "fees")

    rent = PaymentSlipDialog(context, hanako, "三軒茶屋 花子", "rent")
    qtbot.addWidget(rent)
    qtbot.waitUntil(rent.save_button.isEnabled, timeout=10000)
    _type(rent.amounts, {"payment": "2400000", "broker_fee": "１２０，０００円"})
    _shot(qtbot, rent, "rent")

    leaver = RetirementSlipDialog(context, yamada, "山田 太郎")
    qtbot.addWidget(leaver)
    qtbot.waitUntil(leaver.save_button.isEnabled, timeout=10000)
    _type(
        leaver.amounts,
        {
            "general_payment": "12000000",
            "general_tax": "0",
            "general_municipal_tax": "1234000",
            "general_prefectural_tax": "823000",
        },
    )
    _shot(qtbot, leaver, "retirement")
    leaver.amounts["general_tax"].setText("1.5")
    leaver.preview_button.click()
    _shot(qtbot, leaver, "retirement_error")
    db.call(session.close)
