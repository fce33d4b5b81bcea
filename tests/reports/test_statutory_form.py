"""The 給与所得の源泉徴収票 drawn per copy: which numbers each copy carries, where its cells are,
and metadata that names nobody."""

from __future__ import annotations

import io
import itertools
import re

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports import statutory_form as sf
from reports.errors import ReportError
from reports.fonts import GOTHIC
from reports.form_layout import FormLayout, load
from tests.reports.test_form_layout import PAYER_EDGES, RECIPIENT_EDGES

RECIPIENT_NO = "123456789018"
SPOUSE_NO = "234567890123"
DEPENDANT_NO = "345678901234"
UNDER16_NO = "456789012345"
PAYER_CORPORATE_NO = "7010001234567"
NAME = "山田 太郎"

VALUES = {
    "address": "東京都千代田区霞が関三丁目1番1号",
    "name": NAME,
    "kana": "ヤマダ タロウ",
    "kind": "給与・賞与",
    "payment": "5800000",
    "income_after_deduction": "4160000",
    "deductions_total": "1830000",
    "tax": "120300",
    "spouse_name": "山田 花子",
    "dependant1_name": "山田 一郎",
    "under16_1_name": "山田 次郎",
    "social_insurance": "860000",
    "payer_name": "株式会社サンプル商事",
    "remarks": "前職分 株式会社サンプル",
}
NUMBERS = {
    "number": RECIPIENT_NO,
    "spouse_number": SPOUSE_NO,
    "dependant1_number": DEPENDANT_NO,
    "under16_1_number": UNDER16_NO,
    "payer_number": PAYER_CORPORATE_NO,
}


@pytest.fixture(scope="module")
def layout() -> FormLayout:
    return load("gensen_choshu", 2026)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _glyphs(pdf: bytes) -> list[tuple[str, float, float]]:
    """Every text run with its left x and baseline y in mm from the top-left corner."""
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((text.strip(), x / mm, (height - y) / mm))

    page.extract_text(visitor_text=visit)
    return found


def _digit_centres(pdf: bytes, y0: float, y1: float, size: float) -> list[tuple[str, float]]:
    centres = []
    for text, x, y in _glyphs(pdf):
        if y0 <= y <= y1 and len(text) == 1 and text.isdigit():
            centres.append((text, x + stringWidth(text, GOTHIC, size) / mm / 2))
    return sorted(centres, key=lambda item: item[1])


def test_the_tax_office_copy_carries_the_numbers_except_the_under_16s(layout: FormLayout) -> None:
    text = _text(sf.render_tax_office(layout, [sf.Slip(VALUES, NUMBERS)]))
    for number in (RECIPIENT_NO, SPOUSE_NO, DEPENDANT_NO, PAYER_CORPORATE_NO):
        assert number in text
    assert UNDER16_NO not in text
    assert "税務署提出用" in text
    assert NAME.replace(" ", "") in text


def test_the_municipal_copy_carries_every_number(layout: FormLayout) -> None:
    text = _text(sf.render_municipal(layout, [sf.Slip(VALUES, NUMBERS)]))
    for number in (RECIPIENT_NO, SPOUSE_NO, DEPENDANT_NO, UNDER16_NO, PAYER_CORPORATE_NO):
        assert number in text
    assert "給与支払報告書（個人別明細書）" in text


def test_the_recipient_copy_carries_no_number_at_all(layout: FormLayout) -> None:
    pdf = sf.render_recipient(layout, [VALUES])
    text = _text(pdf)
    assert "受給者交付用" in text
    assert NAME.replace(" ", "") in text
    assert "5800000" in text  # the amounts are there
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert not re.search(r"\d{12}", reader.pages[0].extract_text())
    # Nothing at all is drawn inside a number row.
    for box in layout.number_boxes():
        inside = [
            t for t, x, y in _glyphs(pdf)
            if box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h
        ]  # fmt: skip
        assert inside == [], box.id
    for number in (RECIPIENT_NO, SPOUSE_NO, DEPENDANT_NO, UNDER16_NO, PAYER_CORPORATE_NO):
        assert number not in text
    # Neither are the number labels: the rows are struck, as on the NTA form.
    assert "個人番号" not in text
    assert "法人番号" not in text


@pytest.mark.parametrize("box_id", ["number", "payer_number", "under16_2_number", "notes_upper"])
def test_the_recipient_copy_refuses_a_value_in_a_number_box(
    layout: FormLayout, box_id: str
) -> None:
    with pytest.raises(ReportError, match="no number"):
        sf.render_recipient(layout, [{**VALUES, box_id: RECIPIENT_NO}])


def test_the_recipient_entry_point_takes_no_numbers(layout: FormLayout) -> None:
    with pytest.raises(TypeError):
        sf.render_recipient(layout, [VALUES], numbers=NUMBERS)  # type: ignore[call-arg]


def test_the_number_cells_fall_at_the_measured_positions(layout: FormLayout) -> None:
    pdf = sf.render_tax_office(layout, [sf.Slip(VALUES, NUMBERS)])
    box = layout.box("number")
    digits = _digit_centres(pdf, box.y, box.y + box.h, box.pt)
    assert "".join(d for d, _ in digits) == RECIPIENT_NO
    measured = [(a + b) / 2 for a, b in itertools.pairwise(RECIPIENT_EDGES)]
    for (_, centre), expected in zip(digits, measured, strict=True):
        assert centre == pytest.approx(expected, abs=0.5)


def test_a_12_digit_number_is_right_aligned_in_the_13_cells(layout: FormLayout) -> None:
    payer_no = "987654321098"
    pdf = sf.render_tax_office(layout, [sf.Slip(VALUES, {"payer_number": payer_no})])
    box = layout.box("payer_number")
    digits = _digit_centres(pdf, box.y, box.y + box.h, box.pt)
    assert "".join(d for d, _ in digits) == payer_no
    cells = [(a + b) / 2 for a, b in itertools.pairwise(PAYER_EDGES)]
    for (_, centre), expected in zip(digits, cells[1:], strict=True):
        assert centre == pytest.approx(expected, abs=0.5)  # the first cell stays blank


def test_one_page_per_person_at_a6(layout: FormLayout) -> None:
    pdf = sf.render_recipient(layout, [VALUES, {**VALUES, "name": "佐藤 花子"}])
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert float(box.width) / mm == pytest.approx(105.0, abs=0.05)
    assert float(box.height) / mm == pytest.approx(148.0, abs=0.05)


@pytest.mark.parametrize("render", ["tax_office", "municipal", "recipient"])
def test_the_metadata_names_nobody(layout: FormLayout, render: str) -> None:
    if render == "recipient":
        pdf = sf.render_recipient(layout, [VALUES])
    else:
        pdf = getattr(sf, f"render_{render}")(layout, [sf.Slip(VALUES, NUMBERS)])
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title in ("給与所得の源泉徴収票", "給与支払報告書（個人別明細書）")
    assert not meta.author and not meta.subject
    for value in meta.values():
        assert not re.search(r"\d{6}", str(value).replace("20000101000000", ""))
        assert "山田" not in str(value) and "サンプル" not in str(value)


def test_amounts_sit_in_their_groups(layout: FormLayout) -> None:
    pdf = sf.render_tax_office(layout, [sf.Slip(VALUES, NUMBERS)])
    box = layout.box("payment")
    runs = sorted(
        (text, x) for text, x, y in _glyphs(pdf) if box.y < y <= box.y + box.h and box.x <= x
        and x < box.x + box.w
    )  # fmt: skip
    texts = {text for text, _ in runs}
    assert {"5", "800", "000"} <= texts
    x_of = dict(runs)
    assert x_of["5"] < box.ticks[0] < x_of["800"] < box.ticks[1] < x_of["000"] < box.ticks[2]


def test_nothing_to_print_is_refused(layout: FormLayout) -> None:
    with pytest.raises(ReportError):
        sf.render_tax_office(layout, [])


def test_two_slips_go_on_an_a4_landscape_sheet_at_a5(layout: FormLayout) -> None:
    other = {**NUMBERS, "number": "987654321098"}
    pdf = sf.render_tax_office(
        layout,
        [sf.Slip(VALUES, NUMBERS), sf.Slip(VALUES, other), sf.Slip(VALUES, NUMBERS)],
        sheet=sf.A4_TWO_UP,
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / mm), round(float(box.height) / mm)) == (297, 210)
    scale = 148.5 / 105.0
    number = layout.box("number")
    for offset, expected in ((0.0, RECIPIENT_NO), (148.5, "987654321098")):
        found = [
            (text, x) for text, x, y in _glyphs(pdf)
            if number.y * scale - 0.5 <= y <= (number.y + number.h) * scale + 0.5
            and offset + number.x * scale - 0.5 <= x <= offset + (number.x + number.w) * scale
            and len(text) == 1 and text.isdigit()
        ]  # fmt: skip
        assert "".join(t for t, _ in sorted(found, key=lambda item: item[1])) == expected
        first_centre = (
            min(x for _, x in found) + stringWidth("1", GOTHIC, number.pt) * scale / mm / 2
        )
        assert first_centre == pytest.approx(offset + (71.3 + 74.0) / 2 * scale, abs=0.7)
    assert "（税務署提出用）" in _text(pdf) or "税務署提出用" in _text(pdf)


def test_an_unknown_sheet_is_refused(layout: FormLayout) -> None:
    with pytest.raises(ReportError):
        sf.render_recipient(layout, [VALUES], sheet="b5")
