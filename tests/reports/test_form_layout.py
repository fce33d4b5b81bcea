"""The statutory form layouts as data: loading, validation, one file per year."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any

import pytest

from reports import form_layout
from reports.form_layout import FormLayoutError

# FORMS-GEOMETRY.md §2.3 item 4: the 受給者 個人番号 cell edges measured on the NTA form (A6 mm).
RECIPIENT_EDGES = (
    71.3, 74.0, 76.6, 79.2, 81.8, 84.4, 87.0, 89.6, 92.2, 94.8, 97.4, 100.0, 102.6,
)  # fmt: skip
PAYER_EDGES = (
    19.7, 22.3, 24.9, 27.5, 30.1, 32.7, 35.5, 38.2, 40.8, 43.4, 46.2, 48.8, 51.4, 54.0,
)  # fmt: skip


def _data() -> dict[str, Any]:
    path = form_layout.path_for("gensen_choshu", 2026)
    return json.loads(path.read_text(encoding="utf-8"))


def _write(base: pathlib.Path, data: dict[str, Any]) -> None:
    folder = base / data["form"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{data['year']}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_the_2026_withholding_slip_loads_with_every_item() -> None:
    layout = form_layout.load("gensen_choshu", 2026)
    assert (layout.page_w, layout.page_h) == (105.0, 148.0)
    assert layout.era_year == 8
    assert set(layout.copies) == {"tax_office", "municipal", "recipient"}
    ids = {box.id for box in layout.boxes}
    for item in ("payment", "specified_relative_deduction", "social_insurance", "payer_number"):
        assert item in ids
    assert len(layout.boxes) == 119  # every item of FORMS-GEOMETRY.md §2.3
    assert sorted(box.id for box in layout.number_boxes()) == sorted(
        ["number", "spouse_number", "payer_number"]
        + [f"dependant{i}_number" for i in range(1, 5)]
        + [f"under16_{i}_number" for i in range(1, 5)]
    )


def test_number_boxes_have_the_measured_cells() -> None:
    layout = form_layout.load("gensen_choshu", 2026)
    assert layout.box("number").edges == pytest.approx(RECIPIENT_EDGES, abs=0.05)
    assert len(layout.box("number").cells()) == 12
    assert layout.box("payer_number").edges == pytest.approx(PAYER_EDGES, abs=0.05)
    assert len(layout.box("payer_number").cells()) == 13


def test_the_deductions_row_starts_with_the_specified_relative_deduction() -> None:
    layout = form_layout.load("gensen_choshu", 2026)
    row = sorted(
        (box for box in layout.boxes if box.kind == "amount" and box.y == 46.7),
        key=lambda box: box.x,
    )
    assert row[0].id == "specified_relative_deduction"
    assert row[1].id == "social_insurance"
    assert row[0].ticks == (9.6, 17.0, 24.0)
    assert row[0].units == ("千", "円")


def test_the_year_picks_the_file_and_there_is_no_fallback(tmp_path: pathlib.Path) -> None:
    older = _data()
    older["year"] = 2025
    older["era_year"] = 7
    older["copies"]["recipient"]["title"] = "旧様式"
    _write(tmp_path, older)
    _write(tmp_path, _data())
    assert form_layout.load("gensen_choshu", 2025, tmp_path).copies["recipient"].title == "旧様式"
    assert form_layout.load("gensen_choshu", 2026, tmp_path).era_year == 8
    with pytest.raises(FormLayoutError):
        form_layout.load("gensen_choshu", 2027, tmp_path)
    with pytest.raises(FormLayoutError):
        form_layout.load("gensen_choshu", 2024)


def test_a_file_declaring_another_year_is_refused(tmp_path: pathlib.Path) -> None:
    data = _data()
    folder = tmp_path / "gensen_choshu"
    folder.mkdir()
    (folder / "2027.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(FormLayoutError, match="declares"):
        form_layout.load("gensen_choshu", 2027, tmp_path)


def _box(data: dict[str, Any], box_id: str) -> dict[str, Any]:
    return next(box for box in data["boxes"] if box["id"] == box_id)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _box(d, "address").update(x=100.0), "outside the page"),
        (lambda d: _box(d, "payer_name").update(y=147.0), "outside the page"),
        (lambda d: _box(d, "kind").update(kind="barcode"), "unknown kind"),
        (lambda d: _box(d, "remarks").update(overflow="hide"), "unknown overflow"),
        (lambda d: _box(d, "number").update(edges=_box(d, "number")["edges"][:-1]), "12 or 13"),
        (lambda d: _box(d, "number").update(holds_number=False), "holds_number"),
        (lambda d: _box(d, "spouse_number").update(y=90.4), "overlap"),
        (lambda d: _box(d, "payment").update(ticks=[30.1, 37.3, 50.0]), "ticks"),
        (lambda d: d["boxes"].append(copy.deepcopy(_box(d, "tax"))), "duplicate"),
        (lambda d: d["labels"].append({**d["labels"][0], "place": "diagonal"}), "placement"),
        (lambda d: d["copies"].pop("municipal"), "copies"),
        (lambda d: d["rules"].append({"dir": "H", "at": 5, "from": 3, "to": 120, "weight": "n"}),
         "leaves the page"),
    ],
)  # fmt: skip
def test_the_loader_refuses_a_broken_layout(change: Any, message: str) -> None:
    data = _data()
    change(data)
    with pytest.raises(FormLayoutError, match=message):
        form_layout.parse(data)
