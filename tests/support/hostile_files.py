"""Import files built to hurt the reader: real .xlsx files from openpyxl with one part patched,
and zip bombs written in a stream (none of them is ever held in memory whole)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.domain.import_layout import FIELDS

SHEET = "xl/worksheets/sheet1.xml"


def workbook(path: Path, rows: int = 3) -> Path:
    """A small, honest workbook in the template's layout."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(FIELDS.values()))
    for n in range(rows):
        sheet.append(["従業員", f"E{n:03d}", "山田 太郎", "ヤマダ タロウ"])
    book.save(path)
    return path


def patched(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """`source` with one part rewritten; every other part copied as it is."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == part else data)
    return target


def huge_dimension(tmp: Path) -> Path:
    """About 4 KB that claims the whole sheet, A1:XFD1048576 (16,384 × 1,048,576 cells), and
    holds a heading, three people and one word in the sheet's last row."""
    honest = workbook(tmp / "honest.xlsx")
    last_row = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>end</t></is></c></row>'

    def claim(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
        return xml.replace(b"</sheetData>", last_row + b"</sheetData>", 1)

    return patched(honest, tmp / "dimension.xlsx", SHEET, claim)


def no_sheet(tmp: Path) -> Path:
    """A workbook whose workbook part lists no sheet at all."""
    honest = workbook(tmp / "honest-for-no-sheet.xlsx")
    return patched(
        honest,
        tmp / "no-sheet.xlsx",
        "xl/workbook.xml",
        lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", xml, flags=re.S),
    )


def _streamed_sheet(
    tmp: Path, name: str, head: bytes, piece: bytes, count: int, tail: bytes
) -> Path:
    """The honest workbook with its sheet replaced by head + piece * count + tail, written a
    megabyte at a time (deflate shrinks the repetition about a thousand times)."""
    honest = workbook(tmp / f"honest-{name}")
    target = tmp / name
    with zipfile.ZipFile(honest) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != SHEET:
                new.writestr(info.filename, old.read(info.filename))
                continue
            with new.open(SHEET, "w", force_zip64=True) as out:
                out.write(head)
                per_write = max(1, (1 << 20) // max(1, len(piece)))
                left = count
                while left:
                    step = min(per_write, left)
                    out.write(piece * step)
                    left -= step
                out.write(tail)
    return target


_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
_TAIL = b"</sheetData></worksheet>"


def zip_bomb(tmp: Path, unpacked: int = 256 * 1024 * 1024) -> Path:
    """A sheet of `unpacked` bytes of white space inside a row: well-formed, tiny when packed."""
    return _streamed_sheet(
        tmp, "bomb.xlsx", _HEAD + b'<row r="1">', b" " * 1024, unpacked // 1024, b"</row>" + _TAIL
    )


def giant_row(tmp: Path, cells: int = 2_000_000) -> Path:
    """One row of two million empty cells (8 MB of XML, a few KB packed)."""
    return _streamed_sheet(
        tmp, "giant-row.xlsx", _HEAD + b'<row r="1">', b"<c/>", cells, b"</row>" + _TAIL
    )


def far_row(tmp: Path) -> Path:
    """A heading, then a row numbered a thousand million: a reader that fills the gap with
    empty rows never ends."""
    return _streamed_sheet(
        tmp,
        "far-row.xlsx",
        _HEAD + b'<row r="1"><c r="A1"><v>1</v></c></row>',
        b"",
        0,
        b'<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>' + _TAIL,
    )


def entity_bomb(tmp: Path) -> Path:
    """A sheet with a DTD whose entity expands a thousand million times (billion laughs)."""
    honest = workbook(tmp / "honest-for-entities.xlsx")
    laughs = b'<!DOCTYPE worksheet [<!ENTITY a0 "lol">' + b"".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">'.encode() for i in range(1, 10)
    )
    laughs += b"]>"
    return patched(
        honest,
        tmp / "entities.xlsx",
        SHEET,
        lambda xml: xml.replace(b"<worksheet", laughs + b"<worksheet", 1).replace(
            b"<t>", b"<t>&a9;", 1
        ),
    )
