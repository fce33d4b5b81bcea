"""The PDF preview: a window within the screen with its buttons always in view, zoom (fit width,
whole page, steps, Ctrl+wheel, keys), page turning, portrait and landscape documents, pages
rendered only near the view, and a file written only when the user saves."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from reports import fonts
from reports.deletion_ledger import render_ledger
from reports.purpose_notice import (
    PurposeLine,
    PurposeNotice,
    PurposeNoticeData,
    render_purpose_notices,
)
from tests.reports.test_deletion_records import _ledger, _line
from ui import file_dialogs
from ui.dialogs import pdf_preview
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.widgets.pdf_view import MARGIN, PAGE_PIXELS_MAX, ZoomMode

ROOT = Path(__file__).resolve().parents[2]
# The usable part of a 1366×768 screen and of 1080p at 125 %, the task bar taken off.
SMALL_LAPTOP = QRect(0, 0, 1366, 728)
FULL_HD_125 = QRect(0, 0, 1536, 824)
BUTTONS = (
    "previewPrintButton",
    "previewSaveButton",
    "previewCloseButton",
    "previewPreviousButton",
    "previewPageBox",
    "previewNextButton",
    "previewZoomOutButton",
    "previewZoomInButton",
    "previewFitWidthButton",
    "previewFitPageButton",
)


@pytest.fixture(scope="module", autouse=True)
def report_fonts() -> None:
    fonts.configure(ROOT / "resources" / "fonts")


@pytest.fixture(scope="module")
def notice_pdf(report_fonts: None) -> bytes:
    """利用目的通知書 for three people: three portrait A4 pages."""
    out = io.BytesIO()
    notices = tuple(
        PurposeNotice(name, (PurposeLine("源泉徴収事務", "所得税法第194条"),))
        for name in ("山田 太郎", "佐藤 花子", "鈴木 一郎")
    )
    render_purpose_notices(PurposeNoticeData("社会福祉法人テスト会", _day(), notices), out)
    return out.getvalue()


@pytest.fixture(scope="module")
def ledger_pdf(report_fonts: None) -> bytes:
    """削除・廃棄記録簿 of 450 deletions: about 50 landscape A4 pages."""
    out = io.BytesIO()
    render_ledger(_ledger(*(_line(number) for number in range(1, 451))), out)
    return out.getvalue()


def _day():
    import datetime

    return datetime.date(2026, 12, 7)


def _screen(monkeypatch: pytest.MonkeyPatch, area: QRect | None) -> QRect:
    """Pretend the screen offers `area` (None: what the test screen really offers)."""
    import ui.window_state

    if area is None:
        return QApplication.primaryScreen().availableGeometry()
    monkeypatch.setattr(ui.window_state, "available_geometry", lambda widget=None: area)
    monkeypatch.setattr(pdf_preview, "available_geometry", lambda widget=None: area, raising=False)
    return area


def _open(qtbot, pdf: bytes, title: str = "利用目的通知書") -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(title, pdf, "利用目的通知書_山田太郎_2026-12-07.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    qtbot.waitUntil(lambda: view.rendered_size(view.current_page()) is not None)
    return dialog


def _inside(widget: QWidget, window: QWidget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize(
    "area", [SMALL_LAPTOP, FULL_HD_125, None], ids=["1366", "1080p125", "test"]
)
@pytest.mark.parametrize("document", ["notice_pdf", "ledger_pdf"])
def test_the_window_opens_within_the_screen_with_every_button_in_view(
    qtbot, monkeypatch, request, area: QRect | None, document: str
) -> None:
    available = _screen(monkeypatch, area)
    dialog = PdfPreviewDialog("書類", request.getfixturevalue(document), "書類.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert available.contains(dialog.frameGeometry()), (available, dialog.frameGeometry())
    for name in BUTTONS:
        widget = dialog.findChild(QWidget, name)
        assert widget is not None and widget.isVisible(), name
        assert _inside(widget, dialog), name
    assert dialog.findChild(QWidget, "previewPrintButton").property("primary") == "true"
    # Zoomed far in, the buttons stay where they were: only the pages scroll.
    for _ in range(12):
        dialog.zoom_in_button.click()
    dialog.view.verticalScrollBar().setValue(dialog.view.verticalScrollBar().maximum())
    for name in ("previewPrintButton", "previewSaveButton", "previewCloseButton"):
        assert _inside(dialog.findChild(QWidget, name), dialog), name


def test_a_narrow_window_keeps_print_save_and_close(qtbot, notice_pdf: bytes) -> None:
    dialog = _open(qtbot, notice_pdf)
    dialog.resize(dialog.minimumSizeHint().width(), 500)
    qtbot.waitUntil(lambda: dialog.width() == dialog.minimumSizeHint().width())
    assert dialog.fit_width_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    for name in ("previewPrintButton", "previewSaveButton", "previewCloseButton"):
        assert _inside(dialog.findChild(QWidget, name), dialog), name
    assert dialog.minimumSizeHint().width() < 800


def test_fit_width_is_the_default_and_the_page_fills_the_view_width(
    qtbot, notice_pdf: bytes
) -> None:
    dialog = _open(qtbot, notice_pdf)
    view = dialog.view
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH and dialog.fit_width_button.isChecked()
    page = view.page_rect(0)
    assert page.width() == view.viewport().width() - 2 * MARGIN
    assert abs(view.rendered_size(0).width() - page.width()) <= 1
    assert dialog.zoom_label.text() == f"{round(view.zoom() * 100)}%"
    # Wider window, wider page: the fit follows the window.
    dialog.resize(dialog.width() + 200, dialog.height())
    qtbot.waitUntil(lambda: view.page_rect(0).width() == view.viewport().width() - 2 * MARGIN)
    assert view.page_rect(0).width() > page.width()
    qtbot.waitUntil(lambda: view.rendered_size(0) is not None)
    assert abs(view.rendered_size(0).width() - view.page_rect(0).width()) <= 1


def test_zoom_steps_with_the_buttons_and_keys_and_render_sharper(qtbot, notice_pdf: bytes) -> None:
    dialog = _open(qtbot, notice_pdf)
    view = dialog.view
    before, width = view.zoom(), view.rendered_size(0).width()
    dialog.zoom_in_button.click()
    assert view.zoom() > before and view.zoom_mode() is ZoomMode.PERCENT
    assert not dialog.fit_width_button.isChecked()
    assert dialog.zoom_label.text() == f"{round(view.zoom() * 100)}%"
    # Rendered again at the new resolution, not the old pixels stretched.
    qtbot.waitUntil(lambda: view.rendered_size(0) is not None)
    assert view.rendered_size(0).width() > width
    zoomed = view.zoom()
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < zoomed
    qtbot.keyClick(dialog, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(zoomed)
    qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == 1.0 and dialog.zoom_label.text() == "100%"
    for _ in range(20):
        dialog.zoom_in_button.click()
    assert view.zoom() == 4.0 and not dialog.zoom_in_button.isEnabled()
    qtbot.waitUntil(lambda: view.rendered_size(view.current_page()) is not None)
    shown = view.rendered_size(view.current_page())
    assert shown.width() * shown.height() <= PAGE_PIXELS_MAX  # memory stays bounded
    for _ in range(20):
        dialog.zoom_out_button.click()
    assert view.zoom() == 0.5 and not dialog.zoom_out_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH


def _wheel(view: QWidget, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_and_the_wheel_zoom_the_wheel_alone_scrolls(qtbot, notice_pdf: bytes) -> None:
    dialog = _open(qtbot, notice_pdf)
    view = dialog.view
    before = view.zoom()
    _wheel(view, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > before
    zoomed = view.zoom()
    _wheel(view, -120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < zoomed
    top = view.verticalScrollBar().value()
    _wheel(view, -120, Qt.KeyboardModifier.NoModifier)
    assert view.verticalScrollBar().value() > top and view.zoom() < zoomed


@pytest.mark.parametrize("document", ["notice_pdf", "ledger_pdf"])
def test_ctrl_0_and_the_whole_page_button_show_a_whole_page(qtbot, request, document: str) -> None:
    dialog = _open(qtbot, request.getfixturevalue(document))
    view = dialog.view
    assert not view.visible_rect().contains(view.page_rect(0)) or document == "ledger_pdf"
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_mode() is ZoomMode.FIT_PAGE and dialog.fit_page_button.isChecked()
    assert view.visible_rect().contains(view.page_rect(0))
    dialog.next_button.click()
    assert view.current_page() == 1 and view.visible_rect().contains(view.page_rect(1))
    dialog.fit_width_button.click()
    dialog.fit_page_button.click()
    assert view.visible_rect().contains(view.page_rect(view.current_page()))
    # A second click leaves the fit on (and its button pressed).
    dialog.fit_page_button.click()
    assert dialog.fit_page_button.isChecked() and view.zoom_mode() is ZoomMode.FIT_PAGE


def test_pages_turn_with_the_buttons_the_page_box_and_page_keys(qtbot, notice_pdf: bytes) -> None:
    dialog = _open(qtbot, notice_pdf)
    view = dialog.view
    bar = view.verticalScrollBar()
    assert dialog.page_count_label.text() == "/ 3 ページ" and dialog.page_box.value() == 1
    assert not dialog.previous_button.isEnabled()
    dialog.next_button.click()
    assert view.current_page() == 1 and dialog.page_box.value() == 2
    assert bar.value() == view.page_rect(1).top() - MARGIN
    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert view.current_page() == 2 and dialog.page_box.value() == 3
    assert not dialog.next_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_PageUp)
    assert view.current_page() == 1
    dialog.previous_button.click()
    assert view.current_page() == 0 and bar.value() == 0
    dialog.page_box.setValue(3)
    assert view.current_page() == 2
    qtbot.waitUntil(lambda: view.rendered_size(2) is not None)
    # Scrolling by hand moves the page number too.
    bar.setValue(view.page_rect(1).top())
    assert dialog.page_box.value() == 2


def test_a_landscape_ledger_shows_wider_than_tall_and_readable(
    qtbot, monkeypatch, ledger_pdf: bytes
) -> None:
    _screen(monkeypatch, SMALL_LAPTOP)
    dialog = _open(qtbot, ledger_pdf, "削除・廃棄記録簿")
    view = dialog.view
    assert view.orientation() == "landscape"
    shown = view.rendered_size(0)
    assert shown.width() > shown.height()
    assert view.page_rect(0).width() == view.viewport().width() - 2 * MARGIN
    # Close to its paper size on a 1366-pixel screen (842 pt is 1123 px at 100 %).
    assert view.zoom() >= 0.95


def test_a_long_ledger_renders_only_the_pages_near_the_view(qtbot, ledger_pdf: bytes) -> None:
    dialog = _open(qtbot, ledger_pdf, "削除・廃棄記録簿")
    view = dialog.view
    assert view.page_count() > 40
    assert dialog.page_count_label.text() == f"/ {view.page_count()} ページ"
    assert 0 in view.rendered_pages() and len(view.rendered_pages()) <= 3
    qtbot.keyClick(dialog, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = view.page_count() - 1
    assert view.current_page() == last
    qtbot.waitUntil(lambda: view.rendered_size(last) is not None)
    assert 0 not in view.rendered_pages() and len(view.rendered_pages()) <= 3


def test_print_prints_the_document_in_memory(qtbot, monkeypatch, notice_pdf: bytes) -> None:
    printed: list[tuple[QWidget, bytes, str]] = []
    options: list[dict] = []
    monkeypatch.setattr(
        pdf_preview,
        "print_pdf",
        lambda *args, **kwargs: printed.append(args) or options.append(kwargs),
    )
    dialog = _open(qtbot, notice_pdf)
    dialog.print_button.click()
    assert printed == [(dialog, notice_pdf, "利用目的通知書")]
    assert options == [{"numbers": False}]  # saved plain: no number on it


def test_saving_offers_the_name_and_writes_only_when_asked(
    qtbot, monkeypatch, tmp_path: Path, notice_pdf: bytes
) -> None:
    asked: list[str] = []
    target = tmp_path / "saved.pdf"
    answers = iter([("", ""), (str(target), "")])

    def save_name(parent, caption, name, filters):
        asked.append(name)
        return next(answers)

    monkeypatch.setattr(file_dialogs, "get_save_file_name", save_name)
    dialog = _open(qtbot, notice_pdf)
    dialog.save_button.click()  # cancelled
    assert list(tmp_path.iterdir()) == []
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["利用目的通知書_山田太郎_2026-12-07.pdf"] * 2
    assert target.read_bytes() == notice_pdf


def test_the_size_is_remembered_apart_for_portrait_and_landscape(
    qtbot, monkeypatch, notice_pdf: bytes, ledger_pdf: bytes
) -> None:
    _screen(monkeypatch, FULL_HD_125)
    dialog = _open(qtbot, notice_pdf)
    dialog.resize(760, 560)
    qtbot.waitUntil(lambda: dialog.size().width() == 760)
    dialog.reject()
    again = _open(qtbot, notice_pdf)
    assert (again.width(), again.height()) == (760, 560)
    landscape = _open(qtbot, ledger_pdf)
    assert landscape.width() > 1100
