"""The slip dialogs' year: only the years whose form layout the program holds are offered,
opening on the year-end season's year or the nearest year with a layout; what is loaded,
saved and drawn is for the year chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from app.bootstrap import Workspace
from app.domain.year_end import FEES, SALARY
from app.services import forms, payment_forms, people, year_end
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import signed_in
from tests.ui.test_other_slip_dialogs import office_with_people  # noqa: F401
from ui.context import UiContext
from ui.tasks import DatabaseThread


def _years(box: QComboBox) -> list[int]:
    return [box.itemData(index) for index in range(box.count())]


@pytest.fixture
def layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Layouts of 2024 and 2025 only (none of the season's year, 2026, by the test clock)."""
    from reports import form_layout

    for form, years in (("gensen_choshu", (2024, 2025)), ("taishoku", (2025,)),
                        ("hoshu", (2024,))):  # fmt: skip
        (tmp_path / form).mkdir()
        for year in years:
            (tmp_path / form / f"{year}.json").write_text("{}", encoding="utf-8")
    (tmp_path / "hoshu" / "README.md").write_text("not a layout", encoding="utf-8")
    monkeypatch.setattr(form_layout, "FORMS_DIR", tmp_path)
    return tmp_path


def test_the_year_opened_is_the_nearest_with_a_layout(layouts: Path) -> None:
    assert forms.available_years("gensen_choshu") == [2025, 2024]
    assert forms.year_for("gensen_choshu", 2026) == 2025  # the latest before
    assert forms.year_for("gensen_choshu", 2024) == 2024
    assert forms.year_for("gensen_choshu", 2020) == 2024  # else the earliest after
    assert forms.available_years("hoshu") == [2024]
    assert forms.available_years("fudosan") == [] and forms.year_for("fudosan", 2026) is None


def test_the_dialogs_offer_only_the_years_with_a_layout(
    qtbot,
    layouts: Path,
    office_with_people: Workspace,  # noqa: F811
    db: DatabaseThread,
) -> None:
    from ui.dialogs.payment_slip_dialog import PaymentSlipDialog
    from ui.dialogs.retirement_slip_dialog import RetirementSlipDialog
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    context = UiContext(office_with_people, db, session)
    yamada = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    sato = db.call(lambda: people.search(session, "サトウ").rows[0].id)

    slip = WithholdingSlipDialog(context, yamada, "山田 太郎")
    qtbot.addWidget(slip)
    box = slip.findChild(QComboBox, "slipYear")
    assert _years(box) == [2025, 2024]
    assert box.currentText() == "2025年分（令和7年分）"
    qtbot.waitUntil(slip.save_button.isEnabled, timeout=10000)
    slip.amounts["payment"].setText("3000000")
    slip.save_button.click()
    qtbot.waitUntil(lambda: "3000000" in str(db.call(lambda: year_end.load(
        session, yamada, 2025, SALARY))), timeout=10000)  # fmt: skip
    assert db.call(lambda: year_end.load(session, yamada, 2026, SALARY)) is None
    # Another year shows that year's (nothing stored): the typed amount is not carried over.
    box.setCurrentIndex(box.findData(2024))
    qtbot.waitUntil(slip.save_button.isEnabled, timeout=10000)
    assert slip.amounts["payment"].text() == "" and slip.fields.year == 2024
    assert slip.paper.year == 2024
    box.setCurrentIndex(box.findData(2025))
    qtbot.waitUntil(lambda: slip.amounts["payment"].text() == "3,000,000", timeout=10000)

    leaver = RetirementSlipDialog(context, yamada, "山田 太郎")
    qtbot.addWidget(leaver)
    box = leaver.findChild(QComboBox, "slipYear")
    assert _years(box) == [2025] and leaver.year == 2025

    payee = PaymentSlipDialog(context, sato, "佐藤 一郎", "fees")
    qtbot.addWidget(payee)
    assert _years(payee.findChild(QComboBox, "slipYear")) == [2024]
    qtbot.waitUntil(payee.save_button.isEnabled, timeout=10000)
    payee.category.setCurrentText("原稿料")
    payee.amounts["payment"].setText("80000")
    payee.save_button.click()
    qtbot.waitUntil(lambda: not payee.saved.isHidden(), timeout=10000)
    stored = db.call(lambda: payment_forms.slips(session, sato, 2024, FEES))
    assert [s.amounts["payment"] for s in stored] == [80000]
    db.call(session.close)


def test_with_the_shipped_layouts_the_dialog_holds_2026(
    qtbot,
    office_with_people: Workspace,  # noqa: F811
    db: DatabaseThread,
) -> None:
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

    session = signed_in(db, office_with_people, MANAGER_LOGIN, MANAGER_PASSWORD)
    yamada = db.call(lambda: people.search(session, "ヤマダ").rows[0].id)
    dialog = WithholdingSlipDialog(UiContext(office_with_people, db, session), yamada, "山田")
    qtbot.addWidget(dialog)
    box = dialog.findChild(QComboBox, "slipYear")
    assert _years(box) == [2026] and dialog.year == 2026
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    db.call(session.close)
