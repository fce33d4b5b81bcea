"""Characters the IPAex fonts lack: a name's 「𠮷」 is printed in the bundled gaiji font, a
character no bundled font has is printed as its usual substitute, never as a box."""

from __future__ import annotations

import datetime
import io

import pypdf
import pytest

from reports import glyphs
from reports.fonts import GAIJI
from reports.glyphs import Unprintable
from reports.purpose_notice import (
    PurposeLine,
    PurposeNotice,
    PurposeNoticeData,
    render_purpose_notices,
)
from reports.refusal_record import RefusalRecordData, RequestLine, render_refusal_record

IVS = "葛\U000e0100城"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("𠮷田 一郎", []),  # the gaiji font has it
        ("髙橋 花子", []),  # IPAex has it: no substitute is suggested
        ("东山 太郎", [Unprintable("东", "東")]),
        (IVS, [Unprintable("葛\U000e0100", "葛")]),
        ("\U0002a6d6山", [Unprintable("\U0002a6d6", "〓")]),  # nothing known
    ],
)
def test_what_cannot_be_printed(name: str, expected: list[Unprintable]) -> None:
    assert glyphs.unprintable(name) == expected


def _fonts_of(pdf: bytes, char: str) -> set[str]:
    """The fonts the runs holding char are drawn in."""
    found: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:

        def visit(text, _cm, _tm, font, _size) -> None:
            if char in text and font is not None:
                found.add(str(font["/BaseFont"]))

        page.extract_text(visitor_text=visit)
    return found


def test_a_name_with_tsuchiyoshi_is_printed_in_the_gaiji_font() -> None:
    out = io.BytesIO()
    render_purpose_notices(
        PurposeNoticeData(
            "テスト事業所",
            datetime.date(2026, 11, 23),
            (PurposeNotice("𠮷田 一郎", (PurposeLine("源泉徴収事務", "所得税法第194条"),)),),
        ),
        out,
    )
    pdf = out.getvalue()
    fonts = _fonts_of(pdf, "𠮷")
    assert fonts and all(name.endswith(GAIJI) for name in fonts), fonts
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace(" ", "")
    assert "𠮷田一郎様" in text


def test_substitutes_are_printed_where_nothing_draws_the_character() -> None:
    out = io.BytesIO()
    lines = tuple(
        RequestLine(datetime.date(2026, 1, 1 + i), "書面", "提供を拒否", "本人の申出" * 30, "管理")
        for i in range(12)
    )
    render_refusal_record(
        RefusalRecordData(
            "テスト事業所",
            datetime.date(2026, 11, 23),
            f"𠮷田 {IVS}",
            "ヨシダ",
            "従業員",
            "",
            lines,
        ),
        out,
    )
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) >= 2
    first = reader.pages[0].extract_text().replace(" ", "")
    assert "𠮷田葛城" in first and "\U000e0100" not in first
    # The running head of a continuation page is drawn in one font: 𠮷 there is 吉.
    second = reader.pages[1].extract_text().replace(" ", "")
    assert "対象者吉田葛城" in second
