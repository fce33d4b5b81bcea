"""Printing onto pre-printed forms: the offset's bounds and steps, its keeping per printer on
this PC, the calibration dialog, the print moved by the chosen printer's offset and at true
size, and the slip dialog's paper choice."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

from app.domain.print_offset import InvalidOffset, PrintOffset, offset
from ui import form_printing, print_offsets
from ui.dialogs.print_calibration_dialog import PrintCalibrationDialog

MM_PER_POINT = 25.4 / 72


def test_the_offset_is_kept_within_ten_millimetres_in_tenth_steps() -> None:
    assert offset(1.26, -0.74) == PrintOffset(1.3, -0.7)
    assert offset(10, -10) == PrintOffset(10.0, -10.0)
    assert offset(-0.04, 0) == PrintOffset(0.0, 0.0)
    for bad in (10.06, -10.1, 25):
        with pytest.raises(InvalidOffset, match="±10mm"):
            offset(bad, 0)
    for bad in (float("nan"), "1.0", True, None):
        with pytest.raises(InvalidOffset):
            offset(0, bad)


def test_each_printer_keeps_its_own_offset(qapp) -> None:
    assert print_offsets.load("Office Laser") == PrintOffset()
    print_offsets.save("Office Laser", PrintOffset(1.2, -0.4))
    print_offsets.save(r"\\server\経理 Printer", PrintOffset(-3.0, 2.5))
    assert print_offsets.load("Office Laser") == PrintOffset(1.2, -0.4)
    assert print_offsets.load(r"\\server\経理 Printer") == PrintOffset(-3.0, 2.5)
    assert print_offsets.load("Other") == PrintOffset()
    with pytest.raises(InvalidOffset):
        print_offsets.save("Office Laser", PrintOffset(11.0, 0.0))
    assert print_offsets.load("Office Laser") == PrintOffset(1.2, -0.4)


def test_a_damaged_entry_counts_as_no_offset(qapp) -> None:
    from ui.application import ui_settings

    ui_settings().setValue(print_offsets.KEY, '{"A": [99, 0], "B": "x"}')
    assert print_offsets.load("A") == PrintOffset()
    assert print_offsets.load("B") == PrintOffset()
    ui_settings().setValue(print_offsets.KEY, "not json")
    assert print_offsets.load("A") == PrintOffset()


def test_the_page_is_placed_at_true_size_and_moved_exactly_by_the_offset(qapp) -> None:
    # A device of 254 dpi: 10 pixels a millimetre. A 10 mm page with a black square at 2 mm.
    device = QImage(200, 200, QImage.Format.Format_RGB32)
    device.fill(QColor("white"))
    device.setDotsPerMeterX(10000)
    device.setDotsPerMeterY(10000)
    page = QImage(100, 100, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    for x in range(20, 30):
        for y in range(20, 30):
            page.setPixelColor(x, y, QColor("black"))
    points = QSizeF(10 / MM_PER_POINT, 10 / MM_PER_POINT)
    rect = form_printing.target_rect(points, 254, 254, PrintOffset(1.3, 0.7))
    assert (rect.x(), rect.y()) == pytest.approx((13.0, 7.0))
    assert (rect.width(), rect.height()) == pytest.approx((100.0, 100.0))
    painter = QPainter(device)
    form_printing.paint_page(painter, page, points, 254, 254, PrintOffset(1.3, 0.7))
    painter.end()
    black = [
        (x, y) for x in range(200) for y in range(200) if device.pixelColor(x, y).lightness() < 64
    ]
    assert min(black) == (33, 27) and max(black) == (42, 36)


class _FakePrintDialog:
    """Stands for the native print dialog: the clerk picks a printer and presses Print (the
    print goes to a PDF file here, so the paper's size can be checked)."""

    chosen = ""
    output = ""

    def __init__(self, printer, _parent) -> None:
        from PySide6.QtPrintSupport import QPrinter

        self.printer = printer
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(self.output)


@pytest.mark.parametrize("preprinted", [True, False])
def test_the_chosen_printers_offset_moves_only_a_print_onto_pre_printed_forms(
    qapp, tmp_path, monkeypatch: pytest.MonkeyPatch, preprinted: bool
) -> None:
    from app import paths
    from reports import fonts, form_layout
    from reports import statutory_form as sf

    fonts.configure(paths.fonts_dir())
    layout = form_layout.load("gensen_choshu", 2026)
    pdf = sf.render_recipient(layout, [{"name": "山田 太郎"}], sheet=sf.A4_TWO_UP, values_only=True)
    print_offsets.save("Office Laser", PrintOffset(1.5, -0.5))
    _FakePrintDialog.output = str(tmp_path / "printed.pdf")
    monkeypatch.setattr(form_printing, "QPrintDialog", _FakePrintDialog)
    monkeypatch.setattr(form_printing.file_dialogs, "exec_unless_locked", lambda _dialog: True)
    monkeypatch.setattr(form_printing.QPrinter, "printerName", lambda _self: "Office Laser")
    painted: list[PrintOffset] = []
    original = form_printing.paint_page

    def spy(painter, image, size, dpi_x, dpi_y, moved):
        painted.append(moved)
        original(painter, image, size, dpi_x, dpi_y, moved)

    monkeypatch.setattr(form_printing, "paint_page", spy)
    # A 受給者交付用 carries no number, so a print to a file is allowed here.
    assert form_printing.print_form(None, pdf, "源泉徴収票", preprinted=preprinted, numbers=False)
    assert painted == [PrintOffset(1.5, -0.5) if preprinted else PrintOffset()]
    # The paper is the page's own (A4 landscape), not a page the print was fitted to.
    box = pypdf.PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages[0].mediabox
    width, height = float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT
    assert (round(width), round(height)) == (297, 210)


def test_the_calibration_dialog_keeps_the_offset_of_each_printer(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintCalibrationDialog(2026, printers=["Office Laser", "Back Office"])
    qtbot.addWidget(dialog)
    x_box = dialog.findChild(QDoubleSpinBox, "calibrationX")
    y_box = dialog.findChild(QDoubleSpinBox, "calibrationY")
    assert (x_box.value(), y_box.value()) == (0.0, 0.0)
    assert x_box.maximum() == 10.0 and x_box.minimum() == -10.0 and x_box.singleStep() == 0.1
    x_box.setValue(12.0)  # beyond the limit: held at 10 mm
    assert x_box.value() == 10.0

    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview.pdf)
    )
    dialog.findChild(QPushButton, "calibrationPrintButton").click()
    (page,) = shown
    text = "".join(pypdf.PdfReader(io.BytesIO(page)).pages[0].extract_text().split())
    assert "位置合わせ用紙" in text

    x_box.setValue(1.3)
    y_box.setValue(-0.7)
    dialog.findChild(QPushButton, "calibrationSaveButton").click()
    assert dialog.result() == PrintCalibrationDialog.DialogCode.Accepted
    assert print_offsets.load("Office Laser") == PrintOffset(1.3, -0.7)
    assert print_offsets.load("Back Office") == PrintOffset()

    again = PrintCalibrationDialog(2026, printers=["Office Laser", "Back Office"])
    qtbot.addWidget(again)
    assert (again.x_box.value(), again.y_box.value()) == (1.3, -0.7)
    again.printer_box.setCurrentIndex(1)
    assert (again.x_box.value(), again.y_box.value()) == (0.0, 0.0)


def test_without_a_printer_nothing_can_be_saved(qtbot) -> None:
    dialog = PrintCalibrationDialog(2026, printers=[])
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QPushButton, "calibrationSaveButton").isEnabled()
    assert dialog.findChild(QPushButton, "calibrationPrintButton").isEnabled()


def test_a_printer_keeps_one_offset_for_each_way_the_sheet_is_turned(qapp) -> None:
    print_offsets.save("Office Laser", PrintOffset(1.2, -0.4))
    assert print_offsets.load("Office Laser", portrait=True) == PrintOffset()
    print_offsets.save("Office Laser", PrintOffset(-0.6, 2.0), portrait=True)
    assert print_offsets.load("Office Laser") == PrintOffset(1.2, -0.4)
    assert print_offsets.load("Office Laser", portrait=True) == PrintOffset(-0.6, 2.0)


def test_a_landscape_slip_onto_pre_printed_forms_is_moved_by_the_portrait_offset(
    qapp, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import paths
    from reports import fonts, form_layout
    from reports import statutory_form as sf

    fonts.configure(paths.fonts_dir())
    layout = form_layout.load("hoshu", 2026)
    pdf = sf.render_payee(
        layout, [{"payee_name": "佐藤 一郎"}], sheet=sf.A4_TWO_UP, values_only=True
    )
    print_offsets.save("Office Laser", PrintOffset(1.5, -0.5))
    print_offsets.save("Office Laser", PrintOffset(-2.0, 0.8), portrait=True)
    _FakePrintDialog.output = str(tmp_path / "printed.pdf")
    monkeypatch.setattr(form_printing, "QPrintDialog", _FakePrintDialog)
    monkeypatch.setattr(form_printing.file_dialogs, "exec_unless_locked", lambda _dialog: True)
    monkeypatch.setattr(form_printing.QPrinter, "printerName", lambda _self: "Office Laser")
    painted: list[PrintOffset] = []
    original = form_printing.paint_page

    def spy(painter, image, size, dpi_x, dpi_y, moved):
        painted.append(moved)
        original(painter, image, size, dpi_x, dpi_y, moved)

    monkeypatch.setattr(form_printing, "paint_page", spy)
    assert form_printing.print_form(None, pdf, "支払調書", preprinted=True, numbers=False)
    assert painted == [PrintOffset(-2.0, 0.8)]
    box = pypdf.PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages[0].mediabox
    width, height = float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT
    assert (round(width), round(height)) == (210, 297)  # A4 portrait, at true size


def test_the_calibration_of_a_landscape_slip_is_its_own(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintCalibrationDialog(2026, printers=["Office Laser"], form="hoshu")
    qtbot.addWidget(dialog)
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda preview: shown.append(preview.pdf)
    )
    dialog.findChild(QPushButton, "calibrationPrintButton").click()
    (page,) = shown
    box = pypdf.PdfReader(io.BytesIO(page)).pages[0].mediabox
    # The pre-printed sheet of a landscape slip: two slips stacked on A4 portrait.
    assert (round(float(box.width) * MM_PER_POINT), round(float(box.height) * MM_PER_POINT)) == (
        210,
        297,
    )
    dialog.x_box.setValue(-2.0)
    dialog.y_box.setValue(0.8)
    dialog.findChild(QPushButton, "calibrationSaveButton").click()
    assert print_offsets.load("Office Laser", portrait=True) == PrintOffset(-2.0, 0.8)
    assert print_offsets.load("Office Laser") == PrintOffset()  # the 給与 slip's stays


def test_the_payment_slips_paper_box_calibrates_its_own_form(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.widgets.slip_paper import SlipPaperBox

    box = SlipPaperBox(2026, form="fudosan")
    qtbot.addWidget(box)
    opened: list = []
    monkeypatch.setattr(
        "ui.dialogs.print_calibration_dialog.PrintCalibrationDialog.exec",
        lambda calibration: opened.append(calibration),
    )
    box.calibrate_button.click()
    (calibration,) = opened  # a child of the box, deleted with it
    assert (calibration.form, calibration.portrait, calibration.year) == ("fudosan", True, 2026)
