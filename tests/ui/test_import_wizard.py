"""Import wizard: progress while checking and importing, 「中止」, closing while working, and a
problem list that stays usable when nearly every row is wrong."""

from __future__ import annotations

import csv
import io
import random
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QTableWidget, QWizard

from app.bootstrap import Workspace
from app.domain import my_number
from app.domain.import_layout import FIELDS
from app.services import audit, people, staff
from app.services.importing import ImportProgress, ImportStage
from tests.conftest import MANAGER_LOGIN, Office
from tests.ui.conftest import open_window
from ui.import_wizard import ImportWizard
from ui.tasks import DatabaseThread

SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent", "kind:payee"]
ROWS = 2_000


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    people.register_employee(session, code="A001", name="山田 太郎", kana_text="ヤマダ タロウ")
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _number(seed: int) -> str:
    rng = random.Random(seed)
    base = "".join(str(rng.randrange(10)) for _ in range(11))
    return base + str(my_number.check_digit(base))


def _file(tmp_path: Path, count: int, *, kana: str = "タカハシ ケンタ") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    for n in range(count):
        values = {
            "kind": "従業員",
            "code": f"E{n:05d}",
            "name": "高橋 健太",
            "kana": kana,
            "number": _number(n),
            "purposes": "源泉徴収事務",
        }
        writer.writerow([values.get(key, "") for key in FIELDS])
    path = tmp_path / "給与ソフト.csv"
    path.write_bytes(buffer.getvalue().encode("cp932"))
    return path


class PausingProgress(ImportProgress):
    """Holds the database thread at chosen (stage, rows done) points until the test lets it
    go or the wizard cancels: what the GUI shows there is then certain, not a race."""

    def __init__(self, holds: dict[tuple[ImportStage, int], threading.Event]) -> None:
        super().__init__()
        self.holds = holds

    def report(self, stage: ImportStage, done: int, total: int) -> None:
        super().report(stage, done, total)
        hold = self.holds.get((stage, done))
        if hold is not None:
            hold.wait(10)

    def cancel(self) -> None:
        super().cancel()
        for hold in self.holds.values():
            hold.set()


class Harness:
    """The wizard over the people page; `runs` names the check or import each new
    reporter is for, in the order the test starts them, so holds go to the right one."""

    def __init__(
        self,
        qtbot,
        workspace: Workspace,
        db: DatabaseThread,
        runs: tuple[str, ...] = ("check", "commit", "check", "commit"),
    ) -> None:
        self.qtbot = qtbot
        self.window = open_window(qtbot, workspace, db)
        self.page = self.window.show_page("people")
        self.db = db
        self.holds: dict[str, dict[tuple[ImportStage, int], threading.Event]] = {}
        self.runs = iter(runs)
        self.wizard = ImportWizard(self.page.context, self.page, new_progress=self._progress)
        qtbot.addWidget(self.wizard)
        self.values_seen: list[tuple[int, int]] = []
        self.bar.valueChanged.connect(lambda v: self.values_seen.append((v, self.bar.maximum())))

    def _progress(self) -> ImportProgress:
        return PausingProgress(self.holds.get(next(self.runs), {}))

    def hold(self, job: str, stage: ImportStage, done: int) -> threading.Event:
        return self.holds.setdefault(job, {}).setdefault((stage, done), threading.Event())

    def find(self, kind, name: str):
        widget = self.wizard.findChild(kind, name)
        assert widget is not None, name
        return widget

    @property
    def bar(self) -> QProgressBar:
        return self.find(QProgressBar, "importProgress")

    @property
    def stop(self) -> QPushButton:
        return self.find(QPushButton, "importStopButton")

    @property
    def recheck(self) -> QPushButton:
        return self.find(QPushButton, "importRecheckButton")

    @property
    def summary(self) -> str:
        return self.find(QLabel, "importSummary").text()

    def to_check_page(self, path: Path) -> None:
        wizard = self.wizard
        wizard.show()
        wizard.file_page.path_edit.setText(str(path))
        wizard.next()
        self.qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10000)
        wizard.next()
        assert wizard.currentPage() is wizard.check_page

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.wizard.working, timeout=20000)

    def people_and_numbers(self) -> tuple[int, int]:
        session = self.page.context.session
        found = self.db.call(lambda: people.search(session, "", limit=ROWS + 10))
        return found.total, sum(1 for row in found.rows if row.has_number)

    def logged(self, action: str) -> int:
        session = self.page.context.session
        query = audit.AuditQuery(action=action)
        return self.db.call(lambda: audit.read_page(session, query, offset=0, limit=1).total)


def test_the_bar_moves_and_stopping_the_import_imports_nothing(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Harness(qtbot, office_ready, db)
    first = ui.hold("commit", ImportStage.WRITING, 500)
    ui.hold("commit", ImportStage.WRITING, 1_500)  # released only by the cancel
    ui.to_check_page(_file(tmp_path, ROWS))
    ui.wait_idle()
    assert "問題はありません" in ui.summary
    assert not ui.bar.isVisible() and not ui.stop.isVisible()
    before = ui.people_and_numbers()
    ui.values_seen.clear()

    ui.wizard.next()  # 「取り込む」 (it checks every row again first, then writes)
    # The check before writing passes 500 too: wait for the writing stage held at 500.
    qtbot.waitUntil(
        lambda: (
            "取り込んでいます" in ui.summary and (ui.bar.value(), ui.bar.maximum()) == (500, ROWS)
        ),
        timeout=10000,
    )
    assert ui.bar.isVisible() and ui.stop.isVisible() and ui.stop.isEnabled()
    assert "500" in ui.summary
    assert not ui.wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not ui.wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    first.set()
    qtbot.waitUntil(lambda: ui.bar.value() == 1_500, timeout=10000)
    moved = [value for value, maximum in ui.values_seen if maximum == ROWS]
    # The writing stage as the timer saw it: from 500 up (maybe via 750…) to 1,500.
    writing = moved[len(moved) - 1 - moved[::-1].index(500) :]
    assert writing[0] == 500 and writing[-1] == 1_500 and writing == sorted(writing)

    qtbot.mouseClick(ui.stop, Qt.MouseButton.LeftButton)
    ui.wait_idle()
    assert "取込みを中止しました" in ui.summary and "何も取り込んでいません" in ui.summary
    assert ui.wizard.currentPage() is ui.wizard.check_page and ui.wizard.isVisible()
    assert not ui.bar.isVisible() and not ui.stop.isVisible()
    assert ui.recheck.isVisible()
    assert not ui.wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert ui.wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    # Rows 1–1,500 had been written inside the transaction: the rollback took them all.
    assert ui.people_and_numbers() == before
    assert ui.logged("import.cancelled") == 1

    # Check again from the same page, then the import goes through this time.
    qtbot.mouseClick(ui.recheck, Qt.MouseButton.LeftButton)
    ui.wait_idle()
    assert "問題はありません" in ui.summary
    ui.wizard.next()
    qtbot.waitUntil(lambda: ui.wizard.currentPage() is ui.wizard.done_page, timeout=30000)
    assert ui.people_and_numbers() == (before[0] + ROWS, before[1] + ROWS)
    ui.wizard.accept()
    ui.window.close()


def test_closing_the_window_while_importing_stops_waits_and_closes(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Harness(qtbot, office_ready, db)
    ui.hold("commit", ImportStage.WRITING, 1_000)
    ui.to_check_page(_file(tmp_path, ROWS))
    ui.wait_idle()
    before = ui.people_and_numbers()
    ui.wizard.next()
    qtbot.waitUntil(lambda: ui.bar.value() == 1_000, timeout=10000)

    qtbot.keyClick(ui.wizard, Qt.Key.Key_Escape)  # what Esc and × do
    qtbot.waitUntil(lambda: not ui.wizard.isVisible(), timeout=20000)
    assert not ui.wizard.working
    assert ui.people_and_numbers() == before
    assert ui.logged("import.cancelled") == 1
    ui.window.close()


def test_stopping_the_check_and_checking_again(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Harness(qtbot, office_ready, db, runs=("stopped check", "check"))
    ui.hold("stopped check", ImportStage.CHECKING, 750)
    ui.to_check_page(_file(tmp_path, ROWS))
    qtbot.waitUntil(lambda: (ui.bar.value(), ui.bar.maximum()) == (750, ROWS), timeout=10000)
    assert "確認しています" in ui.summary
    assert not ui.wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    ui.stop.click()
    ui.wait_idle()
    assert "確認を中止しました" in ui.summary and "何も取り込んでいません" in ui.summary
    assert ui.wizard.check_page.report is None
    assert not ui.wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert ui.logged("import.checked") == 0  # a stopped check did nothing to log
    ui.recheck.click()
    ui.wait_idle()
    assert ui.wizard.check_page.isComplete()
    assert ui.logged("import.checked") == 1
    ui.wizard.reject()
    assert not ui.wizard.isVisible()
    ui.window.close()


def test_a_file_wrong_on_every_row_lists_the_first_thousand_and_counts_the_rest(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Harness(qtbot, office_ready, db)
    ui.to_check_page(_file(tmp_path, 1_500, kana="高橋"))  # フリガナ in kanji: one problem a row
    ui.wait_idle()
    table = ui.find(QTableWidget, "importProblems")
    assert table.rowCount() == 1_000
    assert table.item(0, 0).text() == "2" and table.item(999, 0).text() == "1001"
    more = ui.find(QLabel, "importProblemsMore")
    assert more.isVisible() and "500" in more.text()
    assert "1,500" in ui.summary  # the count of all problems, not only those listed
    assert ui.recheck.isVisible() and not ui.wizard.check_page.isComplete()
    ui.wizard.reject()
    ui.window.close()
