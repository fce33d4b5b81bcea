"""Statutory forms as data: the layout of one form for one year, loaded from
resources/forms/<form>/<year>.json and checked before anything is drawn from it.

A new year's form is a new file; the year picks the file, so an old year is never drawn with a
newer layout. All coordinates are millimetres from the sheet's top-left corner."""

from __future__ import annotations

import itertools
import json
import pathlib
from dataclasses import dataclass
from typing import Any

from reports.errors import ReportError

FORMS_DIR = pathlib.Path(__file__).resolve().parents[1] / "resources" / "forms"

# text: a free text value; amount: digits right-aligned in 千・円 groups; number: one digit per
# cell (個人番号 12, 個人番号又は法人番号 13, right-aligned); count: digits before a printed unit;
# mark: ○; digits: a 2-digit date part; date: 年・月・日 sub-cells; blank: never written;
# copy_name: the copy's name, printed vertically in the left margin.
KINDS = frozenset(
    {"text", "amount", "number", "count", "mark", "digits", "date", "blank", "copy_name"}
)
COPIES = ("tax_office", "municipal", "recipient", "payee")
# The copies each form has. The 源泉徴収票 and the 退職所得の源泉徴収票・特別徴収票 have three;
# a 支払調書 has the tax office's and the payee's 写し (never a number on it); the 合計表 one.
# Any other form code has the three of the 源泉徴収票.
_THREE = ("tax_office", "municipal", "recipient")
FORM_COPIES = {
    "hoshu": ("tax_office", "payee"),
    "fudosan": ("tax_office", "payee"),
    "gokeihyo": ("tax_office",),
}
LABEL_PLACES = frozenset({"vertical", "top-left", "wrap", "center"})
OVERFLOWS = frozenset({"wrap", "shrink"})
# Rounding of the measurements (0.1 mm) must not count as overlap.
_TOLERANCE = 0.05


class FormLayoutError(ReportError):
    """A form file that must not be drawn from."""


@dataclass(frozen=True)
class Box:
    id: str
    item: str
    x: float
    y: float
    w: float
    h: float
    kind: str
    pt: float = 8.0
    edges: tuple[float, ...] = ()
    ticks: tuple[float, ...] = ()
    units: tuple[str, ...] = ()
    unit: str = ""
    overflow: str = "shrink"
    indent: float = 0.0
    inner: bool = False
    holds_number: bool = False
    # The copies the box is written on; empty = every copy.
    copies: tuple[str, ...] = ()

    def on(self, copy: str) -> bool:
        return not self.copies or copy in self.copies

    def cells(self) -> list[tuple[float, float]]:
        """(left, right) of each number cell."""
        return list(zip(self.edges, self.edges[1:], strict=False))


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    w: float
    h: float
    place: str
    copies: tuple[str, ...] = ()
    # Label size in points; 0 = the renderer's default (the A6 源泉徴収票's 3.4 pt).
    pt: float = 0.0

    def on(self, copy: str) -> bool:
        return not self.copies or copy in self.copies


@dataclass(frozen=True)
class Rule:
    dir: str  # "H" or "V"
    at: float
    start: float
    end: float
    weight: str  # n 0.15 mm, t 0.30 mm, h hairline
    style: str = "solid"  # solid, dot, dash
    # The copies the line is printed on (the 整理欄 of the copies filed); empty = every copy.
    copies: tuple[str, ...] = ()

    def on(self, copy: str) -> bool:
        return not self.copies or copy in self.copies


@dataclass(frozen=True)
class Strike:
    """One diagonal from the area's top-right to its bottom-left: the form's hatching."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y0: float, y1: float) -> bool:
        return (
            self.x0 + _TOLERANCE < x < self.x1 - _TOLERANCE
            and self.y0 - 0.25 <= y0
            and y1 <= self.y1 + 0.25
        )


@dataclass(frozen=True)
class CopySpec:
    title: str
    copy_name: str
    strikes: tuple[Strike, ...]


@dataclass(frozen=True)
class FormLayout:
    form: str
    year: int
    era_year: int
    page_w: float
    page_h: float
    title_box: tuple[float, float, float, float]
    copies: dict[str, CopySpec]
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]
    rules: tuple[Rule, ...]

    def box(self, box_id: str) -> Box:
        for box in self.boxes:
            if box.id == box_id:
                return box
        raise KeyError(box_id)

    def number_boxes(self) -> list[Box]:
        return [box for box in self.boxes if box.kind == "number"]


def path_for(form: str, year: int) -> pathlib.Path:
    return FORMS_DIR / form / f"{year}.json"


def years(form: str, forms_dir: pathlib.Path | None = None) -> list[int]:
    """The years that have a layout file of form, newest first (`load` still checks each)."""
    folder = (forms_dir or FORMS_DIR) / form
    if not folder.is_dir():
        return []
    found = {int(path.stem) for path in folder.glob("*.json") if path.stem.isdigit()}
    return sorted(found, reverse=True)


def load(form: str, year: int, forms_dir: pathlib.Path | None = None) -> FormLayout:
    """The layout of form for year, validated; there is no fallback to another year."""
    base = forms_dir or FORMS_DIR
    path = base / form / f"{year}.json"
    if not path.is_file():
        raise FormLayoutError(f"no layout for {form} {year}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormLayoutError(f"{form} {year}: unreadable layout ({exc})") from exc
    layout = parse(data)
    if layout.form != form or layout.year != year:
        raise FormLayoutError(f"{path.name} declares {layout.form} {layout.year}")
    return layout


def _num(data: dict[str, Any], key: str) -> float:
    value = data.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise FormLayoutError(f"{data.get('id', data.get('text', '?'))}: {key} must be a number")
    return float(value)


def _box(data: dict[str, Any]) -> Box:
    kind = data.get("kind")
    if kind not in KINDS:
        raise FormLayoutError(f"{data.get('id')}: unknown kind {kind!r}")
    overflow = data.get("overflow", "shrink")
    if overflow not in OVERFLOWS:
        raise FormLayoutError(f"{data.get('id')}: unknown overflow rule {overflow!r}")
    return Box(
        id=str(data["id"]),
        item=str(data.get("item", "")),
        x=_num(data, "x"),
        y=_num(data, "y"),
        w=_num(data, "w"),
        h=_num(data, "h"),
        kind=kind,
        pt=float(data.get("pt", 8.0)),
        edges=tuple(float(v) for v in data.get("edges", ())),
        ticks=tuple(float(v) for v in data.get("ticks", ())),
        units=tuple(str(v) for v in data.get("units", ())),
        unit=str(data.get("unit", "")),
        overflow=overflow,
        indent=float(data.get("indent", 0.0)),
        inner=bool(data.get("inner", False)),
        holds_number=bool(data.get("holds_number", False)),
        copies=tuple(data.get("copies", ())),
    )


def parse(data: dict[str, Any]) -> FormLayout:
    """Build and validate a layout from its JSON object."""
    try:
        page = data["page"]
        title = data["title"]
        layout = FormLayout(
            form=str(data["form"]),
            year=int(data["year"]),
            era_year=int(data["era_year"]),
            page_w=_num(page, "w"),
            page_h=_num(page, "h"),
            title_box=(_num(title, "x"), _num(title, "y"), _num(title, "w"), _num(title, "h")),
            copies={
                name: CopySpec(
                    title=str(spec["title"]),
                    copy_name=str(spec["copy_name"]),
                    strikes=tuple(
                        Strike(s["x0"], s["y0"], s["x1"], s["y1"]) for s in spec["strikes"]
                    ),
                )
                for name, spec in data["copies"].items()
            },
            boxes=tuple(_box(b) for b in data["boxes"]),
            labels=tuple(
                Label(
                    text=str(lb["text"]),
                    x=_num(lb, "x"),
                    y=_num(lb, "y"),
                    w=_num(lb, "w"),
                    h=_num(lb, "h"),
                    place=str(lb["place"]),
                    copies=tuple(lb.get("copies", ())),
                    pt=float(lb.get("pt", 0.0)),
                )
                for lb in data["labels"]
            ),
            rules=tuple(
                Rule(
                    dir=r["dir"],
                    at=float(r["at"]),
                    start=float(r["from"]),
                    end=float(r["to"]),
                    weight=r["weight"],
                    style=r.get("style", "solid"),
                    copies=tuple(r.get("copies", ())),
                )
                for r in data["rules"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FormLayoutError(f"malformed layout ({exc!r})") from exc
    validate(layout)
    return layout


def _inside(layout: FormLayout, what: str, x: float, y: float, w: float, h: float) -> None:
    if w <= 0 or h <= 0:
        raise FormLayoutError(f"{what}: empty area")
    if x < 0 or y < 0 or x + w > layout.page_w + _TOLERANCE or y + h > layout.page_h + _TOLERANCE:
        raise FormLayoutError(f"{what}: outside the page")


def validate(layout: FormLayout) -> None:
    """Every box and label inside the page, known kinds and copies, unique ids, number cells
    rising and inside their box, and no two number boxes' cells overlapping."""
    expected = FORM_COPIES.get(layout.form, _THREE)
    if set(layout.copies) != set(expected):
        raise FormLayoutError(f"copies must be exactly {', '.join(expected)}")
    _inside(layout, "title", *layout.title_box)
    seen: set[str] = set()
    for box in layout.boxes:
        if box.id in seen:
            raise FormLayoutError(f"{box.id}: duplicate box id")
        seen.add(box.id)
        _inside(layout, box.id, box.x, box.y, box.w, box.h)
        if any(copy not in layout.copies for copy in box.copies):
            raise FormLayoutError(f"{box.id}: unknown copy")
        if box.kind == "number":
            edges = box.edges
            if len(edges) - 1 not in (12, 13) or any(b <= a for a, b in itertools.pairwise(edges)):
                raise FormLayoutError(f"{box.id}: a number box needs 12 or 13 rising cells")
            if edges[0] < box.x - _TOLERANCE or edges[-1] > box.x + box.w + _TOLERANCE:
                raise FormLayoutError(f"{box.id}: cells outside the box")
            if not box.holds_number:
                raise FormLayoutError(f"{box.id}: a number box must be marked holds_number")
        if box.kind == "amount" and (
            not box.ticks or box.ticks[-1] > box.x + box.w + 0.2 or box.ticks[0] <= box.x
        ):
            raise FormLayoutError(f"{box.id}: amount ticks outside the box")
    numbers = layout.number_boxes()
    for i, first in enumerate(numbers):
        for second in numbers[i + 1 :]:
            if _overlap(first, second):
                raise FormLayoutError(f"{first.id} and {second.id}: number cells overlap")
    for label in layout.labels:
        if label.place not in LABEL_PLACES:
            raise FormLayoutError(f"{label.text}: unknown placement {label.place!r}")
        if any(copy not in layout.copies for copy in label.copies):
            raise FormLayoutError(f"{label.text}: unknown copy")
        _inside(layout, label.text, label.x, label.y, label.w, label.h)
    for rule in layout.rules:
        if rule.dir not in ("H", "V") or rule.weight not in ("n", "t", "h"):
            raise FormLayoutError("unknown rule kind")
        limit = layout.page_h if rule.dir == "V" else layout.page_w
        if not 0 <= rule.start < rule.end <= limit + _TOLERANCE:
            raise FormLayoutError("a rule leaves the page")
        if any(copy not in layout.copies for copy in rule.copies):
            raise FormLayoutError("a rule on an unknown copy")


def _overlap(first: Box, second: Box) -> bool:
    top = max(first.y, second.y)
    bottom = min(first.y + first.h, second.y + second.h)
    if bottom - top <= _TOLERANCE:
        return False
    left = max(first.edges[0], second.edges[0])
    right = min(first.edges[-1], second.edges[-1])
    return right - left > _TOLERANCE
