"""The 令和8年分 支払調書 (309, 313), 退職所得の源泉徴収票・特別徴収票 (316) and 法定調書合計表 drawn
from their (estimated) layouts: the box map of each form (golden), which copy carries which
number, the position of the number cells and the right alignment of a 12-digit 個人番号 in the
13 cells of a 個人番号又は法人番号 box."""

from __future__ import annotations

import io
import itertools
import re

import pypdf
import pytest
from reportlab.lib.units import mm

from reports import statutory_form as sf
from reports.errors import ReportError
from reports.form_layout import FormLayout, load
from tests.reports.test_statutory_form import _digit_centres, _glyphs, _text

PERSONAL = "123456789018"  # a 12-digit 個人番号
CORPORATE = "4010001234567"  # a 13-digit 法人番号
BROKER = "5010001234566"
PAYER = {
    "payer_address": "東京都港区芝公園一丁目2番3号",
    "payer_name": "株式会社サンプル商事",
    "payer_phone": "03-1234-5678",
}
FEES = {
    **PAYER,
    "payee_address": "神奈川県横浜市中区山下町1番地",
    "payee_name": "佐藤 一郎",
    "category": "税理士報酬",
    "detail": "顧問料 12回",
    "payment": "1320000",
    "payment_inner": "110000",
    "tax": "134772",
}
RENT = {
    **PAYER,
    "payee_address": "東京都世田谷区三軒茶屋二丁目11番22号",
    "payee_name": "三軒茶屋 花子",
    "category": "家賃",
    "property": "東京都港区芝公園一丁目2番3号",
    "detail": "事務所",
    "basis": "月額200,000円×12月",
    "payment": "2400000",
    "broker_name": "浜松町リアルティ株式会社",
    "broker_fee": "220000",
    "confirmed_on": "令和8/4/1",
}
RETIREMENT = {
    **PAYER,
    "name": "山田 太郎",
    "address": "東京都杉並区阿佐谷北一丁目2番3号",
    "address_jan1": "東京都杉並区阿佐谷北一丁目2番3号",
    "general_payment": "12000000",
    "retirement_deduction": "1500",
    "years_of_service": "25",
    "hired_on": "平成13/4/1",
    "left_on": "令和8/3/31",
    "position": "営業部長",
    "special_code": "1",
}

# Golden box maps: every item of FORMS.md §3–§5 has its box.
BOXES = {
    "hoshu": {
        "year", "payee_address", "payee_name", "payee_number", "category", "detail", "payment",
        "tax", "remarks", "payer_address", "payer_name", "payer_phone", "payer_number",
    },
    "fudosan": {
        "year", "payee_address", "payee_name", "payee_number", "category", "property", "detail",
        "basis", "payment", "remarks", "broker_address", "broker_name", "broker_number",
        "broker_fee", "confirmed_on", "payer_address", "payer_name", "payer_phone",
        "payer_number",
    },
    "taishoku": {
        "year", "copy_name", "number", "position", "special_code", "address", "address_jan1",
        "name", "retirement_deduction", "years_of_service", "hired_on", "left_on", "remarks",
        "payer_number", "payer_address", "payer_name", "payer_phone",
        *(
            f"{row}_{column}"
            for row in ("general", "officer_short", "no_declaration")
            for column in ("payment", "tax", "municipal_tax", "prefectural_tax")
        ),
    },
    "gokeihyo": {
        "year", "payer_address", "payer_number", "payer_kana", "payer_name", "representative",
        "payer_phone", "clerk", "remarks", "salary_total_no_tax",
        *(
            f"{section}_{row}_{column}"
            for section in ("salary", "retirement", "fees", "rent")
            for row in ("total", "submitted")
            for column in ("people", "payment", "tax", "slips")
            if not (section == "rent" and column == "tax")
            and not (row == "total" and column == "slips")
        ),
    },
}  # fmt: skip
# Number boxes: (x, y, w, h, cells) in mm, and the copies that carry them.
NUMBER_BOXES = {
    "hoshu": {
        "payee_number": ((92.0, 22.5, 52.0, 6.5, 13), ("tax_office",)),
        "payer_number": ((92.0, 81.5, 52.0, 7.5, 13), ("tax_office",)),
    },
    "fudosan": {
        "payee_number": ((92.0, 21.5, 52.0, 5.5, 13), ("tax_office",)),
        "broker_number": ((92.0, 59.5, 52.0, 4.5, 13), ("tax_office",)),
        "payer_number": ((92.0, 84.5, 52.0, 5.5, 13), ("tax_office",)),
    },
    "taishoku": {
        "number": ((27.0, 9.0, 39.0, 6.0, 12), ("tax_office", "municipal")),
        "payer_number": ((27.0, 83.0, 40.0, 5.0, 13), ("tax_office", "municipal")),
    },
    "gokeihyo": {"payer_number": ((48.0, 30.0, 62.0, 8.0, 13), ("tax_office",))},
}
PAGES = {"hoshu": (148.0, 105.0), "fudosan": (148.0, 105.0), "taishoku": (148.0, 105.0),
         "gokeihyo": (210.0, 297.0)}  # fmt: skip


@pytest.mark.parametrize("form", sorted(BOXES))
def test_every_item_has_its_box(form: str) -> None:
    layout = load(form, 2026)
    assert {box.id for box in layout.boxes} == BOXES[form]
    assert (layout.page_w, layout.page_h) == PAGES[form]
    assert layout.era_year == 8


@pytest.mark.parametrize("form", sorted(NUMBER_BOXES))
def test_the_number_boxes_are_where_the_map_puts_them(form: str) -> None:
    layout = load(form, 2026)
    found = {box.id: box for box in layout.number_boxes()}
    assert set(found) == set(NUMBER_BOXES[form])
    for box_id, ((x, y, w, h, cells), copies) in NUMBER_BOXES[form].items():
        box = found[box_id]
        assert (box.x, box.y, box.w, box.h) == pytest.approx((x, y, w, h), abs=0.05)
        assert len(box.cells()) == cells
        assert box.edges[0] == pytest.approx(x) and box.edges[-1] == pytest.approx(x + w)
        assert box.copies == copies


def test_each_form_has_its_copies() -> None:
    assert set(load("hoshu", 2026).copies) == {"tax_office", "payee"}
    assert set(load("fudosan", 2026).copies) == {"tax_office", "payee"}
    assert set(load("taishoku", 2026).copies) == {"tax_office", "municipal", "recipient"}
    assert set(load("gokeihyo", 2026).copies) == {"tax_office"}


def _runs(pdf: bytes) -> list[str]:
    """Every number of 12 or more digits on any page: a run of digits written one per cell
    (one line each in the extracted text), or 12 digits within one line."""
    runs: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        cells = ""
        for line in [*page.extract_text().splitlines(), ""]:
            line = line.strip()
            if len(line) == 1 and line.isdigit():
                cells += line
                continue
            if len(cells) >= 12:
                runs.append(cells)
            cells = ""
            runs.extend(re.findall(r"\d{12,}", line))
    return runs


def test_the_fees_tax_office_copy_carries_the_payee_and_payer_numbers() -> None:
    layout = load("hoshu", 2026)
    pdf = sf.render_tax_office(
        layout, [sf.Slip(FEES, {"payee_number": PERSONAL, "payer_number": CORPORATE})]
    )
    text = _text(pdf)
    assert sorted(_runs(pdf)) == sorted([PERSONAL, CORPORATE])
    assert "報酬、料金、契約金及び賞金の支払調書" in text
    assert "佐藤一郎" in text and "税理士報酬" in text
    assert "個人番号又は法人番号" in text


@pytest.mark.parametrize(("form", "values"), [("hoshu", FEES), ("fudosan", RENT)])
def test_the_payee_copy_carries_no_number(form: str, values: dict[str, str]) -> None:
    layout = load(form, 2026)
    pdf = sf.render_payee(layout, [values])
    text = _text(pdf)
    assert _runs(pdf) == []
    assert "写し" in text
    assert values["payee_name"].replace(" ", "") in text
    assert "個人番号" not in text and "法人番号" not in text
    for box in layout.number_boxes():
        inside = [
            t for t, x, y in _glyphs(pdf)
            if box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h
        ]  # fmt: skip
        assert inside == [], box.id
    # Each number row is struck on this copy.
    struck = layout.copies["payee"].strikes
    for box in layout.number_boxes():
        assert any(s.x0 <= box.x and box.x + box.w <= s.x1 and s.y0 <= box.y for s in struck)


@pytest.mark.parametrize("box_id", ["payee_number", "payer_number", "broker_number"])
def test_the_payee_copy_refuses_a_number(box_id: str) -> None:
    with pytest.raises(ReportError, match="no number"):
        sf.render_payee(load("fudosan", 2026), [{**RENT, box_id: PERSONAL}])
    with pytest.raises(TypeError):
        sf.render_payee(load("fudosan", 2026), [RENT], numbers={})  # type: ignore[call-arg]


def test_the_rent_tax_office_copy_carries_payee_broker_and_payer_numbers() -> None:
    layout = load("fudosan", 2026)
    numbers = {"payee_number": PERSONAL, "broker_number": BROKER, "payer_number": CORPORATE}
    pdf = sf.render_tax_office(layout, [sf.Slip(RENT, numbers)])
    assert sorted(_runs(pdf)) == sorted([PERSONAL, BROKER, CORPORATE])
    text = _text(pdf)
    for item in ("物件の所在地", "計算の基礎", "あっせん手数料", "支払確定年月日", "家賃"):
        assert item in text


@pytest.mark.parametrize(
    ("form", "box_id"),
    [("hoshu", "payee_number"), ("fudosan", "broker_number"), ("taishoku", "payer_number")],
)
def test_a_12_digit_number_is_right_aligned_in_13_cells(form: str, box_id: str) -> None:
    layout = load(form, 2026)
    values = {"hoshu": FEES, "fudosan": RENT, "taishoku": RETIREMENT}[form]
    pdf = sf.render_tax_office(layout, [sf.Slip(values, {box_id: PERSONAL})])
    box = layout.box(box_id)
    digits = _digit_centres(pdf, box.y, box.y + box.h, box.pt)
    assert "".join(d for d, _ in digits) == PERSONAL
    cells = [(a + b) / 2 for a, b in itertools.pairwise(box.edges)]
    for (_, centre), expected in zip(digits, cells[1:], strict=True):
        assert centre == pytest.approx(expected, abs=0.5)  # the first cell stays blank


def test_the_retirement_number_fills_its_12_cells() -> None:
    layout = load("taishoku", 2026)
    pdf = sf.render_tax_office(layout, [sf.Slip(RETIREMENT, {"number": PERSONAL})])
    box = layout.box("number")
    digits = [
        (d, c) for d, c in _digit_centres(pdf, box.y, box.y + box.h, box.pt)
        if box.x <= c <= box.x + box.w
    ]  # fmt: skip
    assert "".join(d for d, _ in digits) == PERSONAL
    for (_, centre), (a, b) in zip(digits, itertools.pairwise(box.edges), strict=True):
        assert centre == pytest.approx((a + b) / 2, abs=0.5)


@pytest.mark.parametrize(
    ("copy", "name"), [("tax_office", "税務署提出用"), ("municipal", "市区町村提出用")]
)
def test_the_retirement_copies_with_numbers(copy: str, name: str) -> None:
    layout = load("taishoku", 2026)
    render = sf.render_tax_office if copy == "tax_office" else sf.render_municipal
    pdf = render(layout, [sf.Slip(RETIREMENT, {"number": PERSONAL, "payer_number": CORPORATE})])
    text = _text(pdf)
    assert sorted(_runs(pdf)) == sorted([PERSONAL, CORPORATE])
    assert name in text and "退職所得の源泉徴収票・特別徴収票" in text
    assert "12000000" in text.replace("000000", "000000")  # the amount, in its groups
    assert "番号" in text


def test_the_retirement_recipient_copy_carries_no_number() -> None:
    layout = load("taishoku", 2026)
    pdf = sf.render_recipient(layout, [RETIREMENT])
    text = _text(pdf)
    assert _runs(pdf) == []
    assert "受給者交付用" in text and "山田太郎" in text
    assert "個人番号" not in text and "法人番号" not in text
    with pytest.raises(ReportError, match="no number"):
        sf.render_recipient(layout, [{**RETIREMENT, "number": PERSONAL}])


def test_the_summary_table_carries_only_the_payers_corporate_number() -> None:
    layout = load("gokeihyo", 2026)
    values = {**PAYER, "fees_total_people": "2", "fees_total_payment": "1320000"}
    pdf = sf.render_tax_office(layout, [sf.Slip(values, {"payer_number": CORPORATE})])
    assert _runs(pdf) == [CORPORATE]
    text = _text(pdf)
    for heading in ("給与所得の源泉徴収票合計表", "退職所得の源泉徴収票合計表",
                    "報酬、料金、契約金及び賞金の支払調書合計表", "不動産の使用料等の支払調書合計表",
                    "人員", "支払金額", "源泉徴収税額", "提出枚数"):  # fmt: skip
        assert heading in text
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) / mm == pytest.approx(210.0, abs=0.05)


@pytest.mark.parametrize(("form", "values"), [("hoshu", FEES), ("taishoku", RETIREMENT)])
def test_the_metadata_names_nobody(form: str, values: dict[str, str]) -> None:
    layout: FormLayout = load(form, 2026)
    pdf = sf.render_tax_office(layout, [sf.Slip(values, {"payer_number": CORPORATE})])
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == layout.copies["tax_office"].title
    assert not meta.author and not meta.subject
    for value in meta.values():
        assert not re.search(r"\d{6}", str(value).replace("20000101000000", ""))
        assert "山田" not in str(value) and "サンプル" not in str(value)


def _hoshu_data() -> dict:
    import json

    from reports.form_layout import path_for

    return json.loads(path_for("hoshu", 2026).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["copies"].update(municipal=d["copies"]["payee"]), "copies"),
        (lambda d: d["copies"].pop("payee"), "copies"),
        (lambda d: d["labels"].append({**d["labels"][0], "copies": ["recipient"]}), "unknown copy"),
        (lambda d: d["rules"].append({**d["rules"][0], "copies": ["municipal"]}), "unknown copy"),
        (lambda d: d["boxes"][1].update(copies=["recipient"]), "unknown copy"),
    ],
)
def test_a_payment_form_has_exactly_its_copies(change, message: str) -> None:
    from reports.form_layout import FormLayoutError, parse

    data = _hoshu_data()
    change(data)
    with pytest.raises(FormLayoutError, match=message):
        parse(data)
