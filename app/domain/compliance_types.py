"""The compliance map's types: the two regulations, the screens an article may point to, and
one article's row (app/domain/compliance_map.py assembles the rows)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Regulation(StrEnum):
    HANDLING = "handling"  # 特定個人情報取扱規程 (社会福祉法人): 「規程」 in SPEC.md
    HOLDING = "holding"  # 保有個人情報管理規程 (独立行政法人): 「保有規程」

    @property
    def label(self) -> str:
        return REGULATION_LABELS[self]


REGULATION_LABELS = {
    Regulation.HANDLING: "特定個人情報取扱規程",
    Regulation.HOLDING: "保有個人情報管理規程",
}


@dataclass(frozen=True)
class Screen:
    label: str
    module: str  # the file under the project root that holds it
    page_key: str = ""  # a main-window page: its key
    defines: str = ""  # a dialog, widget or menu action: the class or function in module


# Every screen the map may point to.
SCREENS: dict[str, Screen] = {
    "dashboard": Screen("ダッシュボード", "ui/pages/dashboard_page.py", page_key="dashboard"),
    "people": Screen("人員", "ui/pages/people_page.py", page_key="people"),
    "retention": Screen("保存期間・削除", "ui/pages/retention_page.py", page_key="retention"),
    "requests": Screen("開示等の請求", "ui/pages/requests_page.py", page_key="requests"),
    "records": Screen("アクセス記録", "ui/pages/audit_page.py", page_key="records"),
    "incidents": Screen("漏えい等事案", "ui/pages/incidents_page.py", page_key="incidents"),
    "staff": Screen("職員管理", "ui/pages/staff_page.py", page_key="staff"),
    "settings": Screen("設定", "ui/pages/settings_page.py", page_key="settings"),
    "inspection": Screen("点検・研修", "ui/pages/inspection_page.py", page_key="inspection"),
    "consignees": Screen("委託先", "ui/pages/consignees_page.py", page_key="consignees"),
    "yearend": Screen("年末調整・法定調書", "ui/pages/year_end_page.py", page_key="yearend"),
    "verification": Screen("本人確認", "ui/verification_wizard.py", defines="VerificationWizard"),
    "import": Screen("ファイルからの取込み", "ui/import_wizard.py", defines="ImportWizard"),
    "number_entry": Screen(
        "個人番号の登録", "ui/dialogs/number_entry_dialog.py", defines="NumberEntryDialog"
    ),
    "reveal": Screen("個人番号の表示", "ui/widgets/masked_number.py", defines="MaskedNumberWidget"),
    "corrections": Screen(
        "訂正の記録", "ui/dialogs/corrections_dialog.py", defines="CorrectionsDialog"
    ),
    "outputs": Screen("持出し・出力記録", "ui/dialogs/outputs_dialog.py", defines="OutputsDialog"),
    "pdf_export": Screen(
        "暗号化したPDFの保存", "ui/dialogs/pdf_export.py", defines="ExportPasswordDialog"
    ),
    "log_analysis": Screen(
        "アクセス記録の分析", "ui/dialogs/log_analysis_dialog.py", defines="LogAnalysisDialog"
    ),
    "signin": Screen("サインイン", "ui/signin_dialog.py", defines="SignInDialog"),
    "lock": Screen("ロック画面", "ui/lock.py", defines="LockScreen"),
    "backup": Screen("ファイル＞バックアップ", "ui/main_menu.py", defines="make_backup"),
}


@dataclass(frozen=True)
class Article:
    regulation: Regulation
    article: str  # 「第50条」, 「第12条〜第14条」
    title: str
    does: str  # what the program does, or for 運用で対応 what the office does
    screens: tuple[str, ...] = ()  # SCREENS keys; none: the whole program or 運用で対応
    tests: tuple[str, ...] = ()  # pytest node ids; none: 運用で対応

    @property
    def served(self) -> bool:
        return bool(self.tests)


_TESTS = "tests/"


def entry(
    regulation: Regulation,
    article: str,
    title: str,
    does: str,
    screens: tuple[str, ...] = (),
    tests: tuple[str, ...] = (),
) -> Article:
    """One row of the map; `tests` relative to tests/ (「services/test_x.py::test_y」)."""
    return Article(regulation, article, title, does, screens, tuple(_TESTS + t for t in tests))
