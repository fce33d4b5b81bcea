"""The screenshots of the user manual, taken from the program with the demo office.

    python packaging/manual_screens.py [--out resources/manual/images] [--data DIR]

Makes (once) a demo office in DIR (a temporary folder by default), signs in as the demo
manager (who also does the 事務), shows the main window at 1366×768 offscreen in Japanese and
saves the PNGs the manual's chapters reference (the demo office has year-end content, a
consignee and a training: app/services/demo_paperwork.py). Run it again when the screens change and
commit the images. Only the demo office's fictitious people appear, and every My Number is
masked: a shot is refused when any text on screen holds a digit run that could be a number.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

import screens  # noqa: E402 (packaging/screens.py, beside this file)
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = "1366x768"
LOGIN = "kanri"
# Page key of the main window → image name the chapters use.
PAGES = {
    "dashboard": "dashboard.png",
    "people": "people.png",
    "yearend": "yearend.png",
    "retention": "retention.png",
    "requests": "requests.png",
    "records": "records.png",
    "incidents": "incidents.png",
    "consignees": "consignees.png",
    "inspection": "inspection.png",
    "staff": "staff.png",
    "settings": "settings.png",
}


class UnmaskedNumberOnScreen(RuntimeError):
    pass


# Fields that hold a company's 法人番号: public, 13 digits with its own check digit.
CORPORATE_NUMBER_FIELDS = frozenset({"officeCorporateNumberEdit", "payerCorporateNumber"})


def _public_corporate_number(widget, text: str) -> bool:
    from app.domain import corporate_number

    if widget.objectName() not in CORPORATE_NUMBER_FIELDS:
        return False
    try:
        corporate_number.parse(text)
    except ValueError:
        return False
    return True


def check_masked(widget) -> None:
    """Refuse a shot in which any visible text could be a My Number."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QWidget

    from app.domain.my_number import looks_like_number

    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        typed = isinstance(child, QLineEdit) and child.echoMode() == QLineEdit.EchoMode.Normal
        if isinstance(child, QLabel) or typed:
            if not (typed and _public_corporate_number(child, child.text())):
                texts.append(child.text())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(columns):
                    value = model.index(row, column).data()
                    if value is not None:
                        texts.append(str(value))
    if any(looks_like_number(text) for text in texts):
        raise UnmaskedNumberOnScreen("a shot would show a digit run like a My Number")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "manual" / "images")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    screens._offscreen_screen(SIZE)
    width, height = (int(v) for v in SIZE.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data or Path(tempfile.mkdtemp(prefix="manual-screens-")) / "data"

    import subprocess

    from PySide6.QtWidgets import QWidget

    from app.bootstrap import Workspace
    from app.clock import SystemClock
    from app.services import auth, demo
    from storage.layout import VaultPaths
    from ui.application import create_application, install_translation, language
    from ui.tasks import DatabaseThread

    # The catalogue the shots are taken in: compiled from the committed ja.ts.
    subprocess.run([sys.executable, str(ROOT / "packaging" / "i18n.py"), "compile"], check=True)
    app = create_application()
    # The manual is Japanese whatever the developer's own setting says.
    if language() != "ja" and not install_translation(app, "ja"):
        raise SystemExit("the Japanese catalogue could not be loaded")
    clock = SystemClock()
    if not (data_dir / "vault.db").exists():
        demo.create_demo(VaultPaths(data_dir), clock, people_count=60)[0].session.close()
    account = next(a for a in demo.DEMO_ACCOUNTS if a.login == LOGIN)
    workspace = Workspace(data_dir, clock)
    db = DatabaseThread()

    def shoot(widget: QWidget, name: str) -> None:
        screens._settle(app, db)
        check_masked(widget)
        path = args.out / name
        widget.grab().save(str(path))
        print(path)

    try:
        from ui.first_run_wizard import FirstRunWizard

        # The set-up wizard's first page, on an empty folder (nothing is created before
        # 「データを作成」; the later page with the recovery key is never shot).
        empty = Workspace(Path(tempfile.mkdtemp(prefix="manual-screens-empty-")), clock)
        wizard = FirstRunWizard(empty, db)
        wizard.show()
        shoot(wizard, "first-run.png")
        wizard.close()
        shutil.rmtree(empty.data_dir, ignore_errors=True)

        from ui.signin_dialog import SignInDialog

        signin = SignInDialog(workspace, db)
        signin.show()
        shoot(signin, "signin.png")
        signin.close()

        session = db.call(
            lambda: auth.sign_in(workspace.paths, account.login, account.password, clock)
        )
        from ui.main_window import MainWindow

        window = MainWindow(workspace, db, session)
        window.resize(width, height)
        window.show()
        for key, name in PAGES.items():
            if key not in window.page_by_key:
                continue
            page = window.show_page(key)
            screens._settle(app, db)
            _prepare(key, page)
            shoot(window, name)
        if "inspection" in window.page_by_key:
            # The self-inspection tab too (the page opens on the training records).
            page = window.show_page("inspection")
            page.tabs.setCurrentWidget(page.inspection)
            shoot(window, "self-inspection.png")
            page.tabs.setCurrentIndex(0)
        for name, make in _dialogs(window).items():
            dialog = make()
            dialog.show()
            shoot(dialog, name)
            dialog.close()
        window.close()
        screens._settle(app, db)
    finally:
        db.shutdown()
    return 0


def _prepare(key: str, page) -> None:
    """Make a page show what its chapter describes: a row chosen, the people to submit."""
    if key == "people":
        page.table.selectRow(0)
    elif key == "yearend":
        page.select_required()
    elif key == "consignees" and page.table.rowCount():
        page.table.selectRow(0)
        screens._settle(QApplication.instance(), page.context.db)


def _dialogs(window) -> dict[str, Callable[[], object]]:
    """Dialogs the chapters show, opened as the program opens them (no number revealed)."""
    from datetime import datetime

    from app.domain.year_end import FEES, SALARY
    from app.services import verification
    from ui.dialogs.incident_dialog import IncidentDialog
    from ui.dialogs.manual_dialog import ManualDialog
    from ui.dialogs.outputs_dialog import OutputsDialog
    from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog
    from ui.import_wizard import ImportWizard
    from ui.verification_wizard import VerificationWizard

    people = window.page_by_key["people"]
    window.show_page("people")
    # Showing the page reloads the list (from the database thread), which clears a selection.
    screens._settle(QApplication.instance(), window.db)
    people.table.clearSelection()
    people.table.selectRow(0)
    person = people.current
    if person is None:
        raise SystemExit("no person could be selected on 人員")
    session = window.context.session

    def manual() -> object:
        dialog = ManualDialog(window)
        dialog.resize(1100, 680)
        return dialog

    def identity_check() -> object:
        ctx = window.db.call(lambda: verification.context(session, person.id))
        return VerificationWizard(window.context, ctx, session.clock.now().date(), window)

    def outputs_register() -> object:
        """A few entries to read: the tax office's copies printed and submitted, the city's
        still to confirm (printed as the clerk does, so the numbers are opened and logged)."""
        from app.services import forms_due, forms_print, outputs

        def fill(session) -> None:
            due = forms_due.for_year(session, year) if year else None
            ids = [p.person_id for p in (due.people if due else ()) if p.entered][:3]
            if not ids or outputs.entries(session):
                return
            tax = forms_print.print_copy(session, year, SALARY, "tax_office", ids)
            forms_print.print_copy(session, year, SALARY, "municipal", ids[:2])
            if tax.output_id is not None:
                outputs.confirm(session, tax.output_id, "submitted")

        window.db.call(lambda: fill(session))
        return OutputsDialog(window.context, window)

    shots: dict[str, Callable[[], object]] = {
        "outputs.png": outputs_register,
        "manual.png": manual,
        "import.png": lambda: ImportWizard(window.context, window),
        "incident.png": lambda: IncidentDialog(datetime.now().astimezone(), window),
    }
    year = window.page_by_key["yearend"].year if "yearend" in window.page_by_key else None
    if year is not None:
        from ui.dialogs.print_calibration_dialog import PrintCalibrationDialog
        from ui.dialogs.summary_table_dialog import SummaryTableDialog
        from ui.payroll_wizard import PayrollWizard

        shots["payroll.png"] = lambda: PayrollWizard(window.context, year, window)
        shots["summary-table.png"] = lambda: SummaryTableDialog(window.context, year, window)
        shots["print-calibration.png"] = lambda: PrintCalibrationDialog(
            year, window, printers=["事務室のプリンター"], printer="事務室のプリンター"
        )
        payee = _with_saved(window, year, FEES)
        if payee is not None:
            from ui.dialogs.payment_slip_dialog import PaymentSlipDialog

            shots["payment-slip.png"] = lambda: PaymentSlipDialog(
                window.context, payee.id, payee.name, "fees", window
            )
    # The slip of an employee whose amounts the demo saved (the first row's, if none is).
    slip_person = _with_saved(window, year, SALARY) if year is not None else None
    slip_person = slip_person or person
    shots["withholding-slip.png"] = lambda: WithholdingSlipDialog(
        window.context, slip_person.id, slip_person.name, window
    )
    if person is not None:
        shots["identity-check.png"] = identity_check
    return shots


def _with_saved(window, year: int, form: str):
    """The first person with a slip of `form` saved for `year` (app.services.demo_paperwork
    saves some), or None."""
    from app.services import people, year_end

    session = window.context.session

    def find():
        for slip in year_end.for_year(session, year, form):
            return people.profile(session, slip.person_id).details
        return None

    return window.db.call(find)


if __name__ == "__main__":
    raise SystemExit(main())
