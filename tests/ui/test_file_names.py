"""The names offered when a document is saved: Japanese title, whom and when, safe on Windows,
short, and never a My Number."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.my_number import looks_like_number
from ui.file_names import NAME_MAX, csv_name, pdf_name, period

WINDOWS_INVALID = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("削除・廃棄記録簿", "2026年12月"), "削除・廃棄記録簿_2026年12月.pdf"),
        (("本人確認記録", "山田 太郎", date(2026, 12, 7)), "本人確認記録_山田太郎_2026-12-07.pdf"),
        (("利用目的通知書", "山田　太郎", None), "利用目的通知書_山田太郎.pdf"),
        (("通知書", "John Smith", "2026-12-07"), "通知書_John Smith_2026-12-07.pdf"),
        (
            ("削除証明書", "佐藤 花子", "2026-11-23T09:05:00+09:00"),
            "削除証明書_佐藤花子_2026-11-23.pdf",
        ),
        (("開示等請求書",), "開示等請求書.pdf"),
    ],
)
def test_the_name_says_what_whom_and_when(parts: tuple, expected: str) -> None:
    assert pdf_name(*parts) == expected


def test_a_date_and_time_names_its_day() -> None:
    moment = datetime(2026, 12, 7, 23, 30, tzinfo=timezone(timedelta(hours=9)))
    assert csv_name("アクセス記録", moment) == "アクセス記録_2026-12-07.csv"


def test_characters_windows_refuses_are_stripped() -> None:
    name = pdf_name("本人確認記録", 'a/b\\c:d*e?f"g<h>i|j', "x\ty\nz\x00", " ..")
    assert name == "本人確認記録_abcdefghij_x y z.pdf"
    assert pdf_name("CON") == "CON_.pdf" and pdf_name("") == "document.pdf"


@pytest.mark.parametrize(
    "number",
    [
        "123456789012",
        "1234 5678 9012",
        "1234-5678-9012",
        "１２３４５６７８９０１２",
        "1234_5678_9012",
        "1234,5678,9012",
        "12:34/56*78?90|12",  # twelve digits once the refused characters go
        "番号1234567890123",
    ],
)
def test_a_part_that_could_be_a_my_number_is_left_out(number: str) -> None:
    name = pdf_name("本人確認記録", "山田太郎", number, date(2026, 12, 7))
    assert name == "本人確認記録_山田太郎_2026-12-07.pdf"


def test_long_parts_are_cut_and_the_date_kept() -> None:
    name = pdf_name("削除・廃棄記録簿" * 10, "山田" * 50, date(2026, 12, 7))
    assert len(name) <= NAME_MAX + len(".pdf") and name.endswith("_2026-12-07.pdf")


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (date(2026, 12, 1), date(2026, 12, 31), "2026年12月"),
        (date(2028, 2, 1), date(2028, 2, 29), "2028年2月"),
        (date(2026, 4, 1), date(2027, 3, 31), "2026年度"),
        (date(2026, 1, 1), date(2026, 12, 31), "2026年"),
        (date(2026, 4, 1), date(2026, 6, 30), "2026-04-01〜2026-06-30"),
        (date(2026, 12, 7), date(2026, 12, 7), "2026-12-07"),
    ],
)
def test_a_period_reads_as_a_month_a_year_or_a_range(
    since: date, until: date, expected: str
) -> None:
    assert period(since, until) == expected
    assert not looks_like_number(pdf_name("削除・廃棄記録簿", period(since, until)))


@given(st.text(), st.lists(st.one_of(st.none(), st.text(), st.dates()), max_size=4))
def test_any_input_gives_a_safe_short_name(title: str, parts: list) -> None:
    name = pdf_name(title, *parts)
    stem = name.removesuffix(".pdf")
    assert stem and not WINDOWS_INVALID.search(stem)
    assert len(stem) <= NAME_MAX and not stem.endswith((" ", "."))
    assert not looks_like_number(name)
    assert not re.search("[0-9０-９]{12}", name)


def test_the_ledger_and_the_access_log_are_offered_under_japanese_names(
    qtbot, workspace, db, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    from tests.ui.conftest import open_window
    from ui import file_dialogs
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    window = open_window(qtbot, workspace, db)
    offered: list[str] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: offered.append(self._file_name))
    page = window.show_page("retention")
    page.ledger_from.setText("2026-11-01")
    page.ledger_to.setText("2026-11-30")
    page.ledger_button.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert offered == ["削除・廃棄記録簿_2026年11月.pdf"]

    def save_name(parent, caption, name, filters):
        offered.append(name)
        return "", ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", save_name)
    window.show_page("records").export_button.click()
    # The office's clock (2026-11-23), not the computer's.
    assert offered[-1] == "アクセス記録_2026-11-23.csv"
    window.close()
