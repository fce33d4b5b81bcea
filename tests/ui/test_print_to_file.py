"""A paper carrying My Numbers is printed to a printer, never to a file: Qt's print dialog
offers 「ファイルへ出力」 (a plain PDF), which would bypass the encrypted export (規程第35条)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox

from ui import form_printing, printing
from ui.dialogs import pdf_preview


class _PrintToFileDialog:
    """Stands for the print dialog where the clerk chose 「ファイルへ出力」 (PDF)."""

    output = ""
    options: ClassVar[list[tuple[object, bool]]] = []

    def __init__(self, printer: QPrinter, _parent) -> None:
        self.printer = printer

    def setOption(self, option, on: bool = True) -> None:
        type(self).options.append((option, on))

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.output)
        return 1


@pytest.fixture
def to_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, list[str]]:
    target = tmp_path / "plain.pdf"
    _PrintToFileDialog.output = str(target)
    _PrintToFileDialog.options = []
    for module in (printing, form_printing):
        monkeypatch.setattr(module, "QPrintDialog", _PrintToFileDialog)
    monkeypatch.setattr(
        printing.file_dialogs, "exec_unless_locked", lambda dialog: bool(dialog.exec())
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.objectName()) or 0)
    return target, shown


def _form_pdf() -> bytes:
    from app import paths
    from reports import fonts, form_layout
    from reports import statutory_form as sf

    fonts.configure(paths.fonts_dir())
    layout = form_layout.load("gensen_choshu", 2026)
    return sf.render_recipient(layout, [{"name": "山田 太郎"}], sheet=sf.A4_TWO_UP)


def test_a_form_with_numbers_is_not_printed_to_a_file(qapp, to_file) -> None:
    target, shown = to_file
    assert form_printing.print_form(None, _form_pdf(), "源泉徴収票", preprinted=False) is False
    assert not target.exists()
    assert shown == ["printToFileRefusedBox"]
    assert (QAbstractPrintDialog.PrintDialogOption.PrintToFile, False) in _PrintToFileDialog.options


def test_a_form_without_numbers_may_go_to_a_file(qapp, to_file) -> None:
    target, shown = to_file
    pdf = _form_pdf()
    assert form_printing.print_form(None, pdf, "源泉徴収票", preprinted=False, numbers=False)
    assert target.exists() and shown == []
    assert _PrintToFileDialog.options == []


def test_any_paper_with_numbers_is_not_printed_to_a_file(qapp, to_file) -> None:
    target, shown = to_file
    assert printing.print_pdf(None, _form_pdf(), "書類") is False
    assert not target.exists()
    assert shown == ["printToFileRefusedBox"]


def test_the_preview_of_a_paper_with_numbers_does_not_print_it_to_a_file(qtbot, to_file) -> None:
    target, shown = to_file
    saved: list[bool] = []
    dialog = pdf_preview.PdfPreviewDialog(
        "源泉徴収票", _form_pdf(), "x.pdf", allow_save=False, saver=lambda: saved.append(True)
    )
    qtbot.addWidget(dialog)
    dialog.print_button.click()
    assert not target.exists()
    assert shown == ["printToFileRefusedBox"]
    # A paper saved plain (no numbers) prints where the clerk likes.
    plain = pdf_preview.PdfPreviewDialog("一覧", _form_pdf(), "y.pdf")
    qtbot.addWidget(plain)
    plain.print_button.click()
    assert target.exists()
