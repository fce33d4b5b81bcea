"""Not a test: screenshots of the consignees page (every tab), its dialogs and the dashboard
card, for a person to look at. Run explicitly:
QT_QPA_PLATFORM=offscreen:configfile=/tmp/mynumber-desk-screen-1366x768.json \
    pytest tests/ui/shots_consignees.py -p no:cacheprovider -n 0
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Workspace
from app.domain.consignees import CLAUSE_CODES, SELECTION_CODES, HearingKind, HearingResult
from app.services import consignee_hearings, consignee_subs, consignees
from app.services.consignees import Company
from tests.conftest import Office
from tests.ui.conftest import open_window
from ui.dialogs.consignee_dialogs import (
    CertificateDialog,
    ConsigneeDialog,
    EndDialog,
    HearingDialog,
    SubConsigneeDialog,
)
from ui.tasks import DatabaseThread

OUT = Path("/tmp/consignees/shots")


def _fill(office: Office) -> None:
    manager = office.manager
    first = consignees.register(
        manager,
        Company(
            name="給与計算センター株式会社",
            address="東京都千代田区神田1-2-3 神田ビル5階",
            contact="03-1234-5678（担当：山田）",
            purposes=("tax_withholding", "health_pension"),
            work="給与計算、年末調整、社会保険の資格取得・喪失の届出",
        ),
    )
    consignees.record_selection(
        manager, first.id, dict.fromkeys(SELECTION_CODES, True), date(2025, 5, 1), "訪問して確認"
    )
    consignees.record_contract(
        manager, first.id, date(2025, 5, 20), "1年（自動更新）", dict.fromkeys(CLAUSE_CODES, True)
    )
    consignees.approve(manager, first.id, date(2025, 6, 1))
    consignee_subs.approve_sub(
        manager,
        first.id,
        name="データ入力サービス株式会社",
        scope="扶養控除等申告書の入力",
        clauses_confirmed=True,
        on=date(2025, 7, 1),
    )
    second = consignees.register(
        manager, Company(name="社会保険労務士法人 みどり", purposes=("employment_insurance",))
    )
    consignees.record_selection(
        manager,
        second.id,
        {**dict.fromkeys(SELECTION_CODES, True), "antisocial": False},
        date(2026, 11, 1),
    )
    third = consignees.register(manager, Company(name="旧委託先株式会社"))
    consignees.record_selection(
        manager, third.id, dict.fromkeys(SELECTION_CODES, True), date(2020, 5, 1)
    )
    consignees.record_contract(
        manager, third.id, date(2020, 5, 20), "3年", dict.fromkeys(CLAUSE_CODES, True)
    )
    consignees.approve(manager, third.id, date(2020, 6, 1))
    consignee_hearings.record_hearing(
        manager,
        third.id,
        year=2022,
        kind=HearingKind.APRIL,
        held_on=date(2022, 4, 15),
        held_by="管理 花子",
        result=HearingResult.ADEQUATE,
        note="入退室管理を確認",
    )
    consignees.end(manager, third.id, date(2023, 5, 31), "契約満了。データは返却済み")


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))


def test_shots(qtbot, office: Office, db: DatabaseThread) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _fill(office)
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = open_window(qtbot, workspace, db)
    window.resize(1366, 768)
    window.show_page("dashboard")
    card = window.findChild(QWidget, "hearingsCard")
    qtbot.waitUntil(lambda: card.count.text() == "1件", timeout=10000)
    _shot(window, "00-dashboard")
    page = window.show_page("consignees")
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        _shot(window, f"0{index + 1}-tab")
    from app.services import consignee_register

    pdf = db.call(lambda: consignee_register.register_pdf(window.context.session))
    (OUT / "register.pdf").write_bytes(pdf)
    page.table.selectRow(1)
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.consignee.name.startswith("社会"),
        timeout=10000,
    )
    page.tabs.setCurrentIndex(0)
    _shot(window, "10-selecting-basic")
    page.tabs.setCurrentIndex(1)
    _shot(window, "11-selecting-selection")
    today = date(2026, 11, 23)
    row = page.detail.consignee if page.detail else None
    for name, dialog in (
        ("20-register", ConsigneeDialog(None, window)),
        ("21-edit", ConsigneeDialog(row, window)),
        ("22-hearing", HearingDialog(today, "管理 花子", window)),
        ("23-sub", SubConsigneeDialog(today, window)),
        ("24-certificate", CertificateDialog(today, window)),
        ("25-end", EndDialog(today, "社会保険労務士法人 みどり", window)),
    ):
        dialog.show()
        _shot(dialog, name)
        dialog.close()
