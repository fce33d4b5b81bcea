"""利用目的通知書: text, embedded fonts only, neutral metadata, and never a number."""

from __future__ import annotations

import datetime
import io

import pypdf

from reports.purpose_notice import (
    PurposeLine,
    PurposeNotice,
    PurposeNoticeData,
    render_purpose_notices,
)


def _render(*notices: PurposeNotice) -> bytes:
    out = io.BytesIO()
    render_purpose_notices(
        PurposeNoticeData("社会福祉法人テスト会", datetime.date(2026, 11, 23), notices), out
    )
    return out.getvalue()


def test_one_page_per_addressee_with_the_purposes() -> None:
    pdf = _render(
        PurposeNotice("山田 太郎", (PurposeLine("源泉徴収事務", "所得税法第194条"),)),
        PurposeNotice(None, (PurposeLine("雇用保険届出事務", "雇用保険法第7条"),)),
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert "山田太郎様" in first and "源泉徴収事務" in first and "令和8年11月23日" in first
    second = reader.pages[1].extract_text().replace(" ", "").replace("\n", "")
    assert "従業員・関係者各位" in second and "雇用保険届出事務" in second


def test_fonts_are_embedded_subsets_and_metadata_is_neutral() -> None:
    pdf = _render(PurposeNotice("山田 太郎", (PurposeLine("源泉徴収事務", "所得税法"),)))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        assert "+" in str(font["/BaseFont"]), font["/BaseFont"]
    info = reader.metadata
    assert info.title == "利用目的通知書"
    assert "山田" not in str(dict(info)) and "テスト会" not in str(dict(info))
    assert "/Outlines" not in reader.trailer["/Root"]
