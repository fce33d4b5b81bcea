"""The self-inspection report's renderer: every section and row printed (a long one goes on
to further pages under its heading marked 続き), markup printed not parsed, 「n／total」 on every
page, the signature block and the appendix, fonts embedded, neutral metadata."""

from __future__ import annotations

import datetime
import io
import re

from pypdf import PdfReader

from reports.self_inspection import PDF_TITLE, Report, Section, render_self_inspection


def _report(rows: int) -> Report:
    accounts = Section(
        "アカウントと役割",
        "有効なアカウントを確認してください。",
        ("氏名", "ログイン名", "役割"),
        (3, 2, 4),
        tuple((f"職員 {i:03d}", f"user{i:03d}", "事務取扱担当者") for i in range(rows)),
        "該当はありません。",
        False,
    )
    empty = Section("漏えい等事案", "事案はありません。", ("No.", "件名"), (1, 5), (), "なし", True)
    tricky = Section(
        "研修", "<b>そのまま</b> & 印字", ("研修名",), (1,), (("<i>研修</i>",),), "", False
    )
    return Report(
        office_name="テスト事業所",
        year=2026,
        made_on=datetime.date(2026, 11, 23),
        sections=(accounts, empty, tricky),
        supervisors=("責任 次郎",),
        managers=("管理 花子",),
        compliance=(("特定個人情報取扱規程", "第50条", "教育", "研修を記録する。", "点検・研修"),),
    )


def _render(report: Report) -> tuple[bytes, PdfReader]:
    out = io.BytesIO()
    render_self_inspection(report, out)
    return out.getvalue(), PdfReader(io.BytesIO(out.getvalue()))


def test_a_long_section_continues_and_every_row_is_printed() -> None:
    _pdf, reader = _render(_report(150))
    pages = [p.extract_text().replace(" ", "") for p in reader.pages]
    total = len(pages)
    assert total >= 4
    text = "".join(pages)
    for i in range(150):
        assert f"user{i:03d}" in text, i
    assert "1アカウントと役割（続き）" in text.replace("\u3000", "")
    for index, page in enumerate(pages, start=1):
        assert f"{PDF_TITLE}（{index}／{total}）" in page
    assert "2漏えい等事案【要確認】" in text.replace("\u3000", "")
    assert "<b>そのまま</b>&印字" in text and "<i>研修</i>" in text
    assert "署名又は記名押印" in text and "責任次郎" in text and "管理花子" in text
    assert "別表1特定個人情報取扱規程" in text.replace("\u3000", "")
    assert not re.search(r"\d{12}", text.replace("\n", ""))


def test_fonts_are_embedded_subsets_and_metadata_is_neutral() -> None:
    pdf, reader = _render(_report(3))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            assert "+" in str(ref.get_object()["/BaseFont"])
    assert b"Helvetica" not in pdf
    info = reader.metadata
    assert info.title == PDF_TITLE and not info.author and not info.subject
    assert "テスト事業所" not in str(dict(info))
    assert "/Outlines" not in reader.trailer["/Root"]
