"""The recovery sheet PDF: content, embedded fonts, neutral metadata, determinism, font guard."""

from __future__ import annotations

import datetime
import io
import os
import pathlib
import re
import subprocess
import sys
import textwrap

import pypdf
import pytest
from pypdf.generic import DictionaryObject, IndirectObject

from reports.document import CREATOR, INVARIANT_PDF_DATE, PRODUCER
from reports.errors import FontsMissing, ReportError
from reports.fonts import GOTHIC, MINCHO, configure
from reports.recovery_sheet import (
    PDF_TITLE,
    RecoverySheetData,
    recovery_key_text,
    recovery_qr_payload,
    recovery_qr_widget,
    render_recovery_sheet,
)

OFFICE = "山田太郎税理士事務所"
GROUPS = ("K7QM", "WX2P", "MNR4", "ZT6J", "HB3V", "WWMW", "C5YL", "QD7E")
VAULT_ID = "3f2b8c1e-9a4d-4e6f-b7c2-1d5e8f9a0b3c"
A4_POINTS = (595.2756, 841.8898)


@pytest.fixture
def data() -> RecoverySheetData:
    return RecoverySheetData(
        office_name=OFFICE,
        vault_id=VAULT_ID,
        recovery_key_groups=GROUPS,
        created_on=datetime.date(2026, 11, 23),
    )


def _render(data: RecoverySheetData) -> bytes:
    out = io.BytesIO()
    render_recovery_sheet(data, out)
    return out.getvalue()


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in _reader(pdf).pages)


def _all_objects(reader: pypdf.PdfReader) -> list[object]:
    # reportlab writes no object streams, so every object is reachable by number.
    size = int(reader.trailer["/Size"])
    return [reader.get_object(IndirectObject(number, 0, reader)) for number in range(1, size)]


def _font_dicts(reader: pypdf.PdfReader) -> list[DictionaryObject]:
    return [
        obj
        for obj in _all_objects(reader)
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Font"
    ]


# (a) content -------------------------------------------------------------------------------


def test_text_has_title_office_date_and_every_key_group(data: RecoverySheetData) -> None:
    text = _text(_render(data))
    compact = "".join(text.split())

    assert "回復キー（リカバリーシート）" in text
    assert "マイナンバー管理デスク" in text
    assert OFFICE in text
    assert "2026年11月23日（令和8年11月23日）" in text
    assert VAULT_ID in text
    # Each character sits in its own cell, so extractors may put spaces between them.
    for group in GROUPS:
        assert group in compact
    for phrase in ("金庫", "特定個人情報管理責任者", "保管責任者", "保管場所", "確認日", "再発行"):
        assert phrase in text


def test_no_english_words_are_printed(data: RecoverySheetData) -> None:
    text = _text(_render(data)).replace(VAULT_ID, "")
    # Key characters come out one per cell, so any run of two or more Latin letters is prose.
    assert set(re.findall(r"[A-Za-z]{2,}", text)) <= {"QR", "ID"}


def test_one_a4_page(data: RecoverySheetData) -> None:
    reader = _reader(_render(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.01)


def test_no_password_or_other_secret_field_is_printed(data: RecoverySheetData) -> None:
    text = _text(_render(data))
    assert "パスワード：" not in text
    assert "パスワード:" not in text


# (b) fonts ---------------------------------------------------------------------------------


def test_only_embedded_ipaex_subsets_are_used(data: RecoverySheetData) -> None:
    reader = _reader(_render(data))
    fonts = _font_dicts(reader)
    assert fonts, "the sheet uses no font at all"

    families = set()
    for font in fonts:
        base_font = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+IPAex(Gothic|Mincho)", base_font), base_font
        assert font["/Subtype"] == "/TrueType"
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base_font} is not embedded"
        assert descriptor["/FontName"] == font["/BaseFont"]
        assert "/ToUnicode" in font  # keeps the Japanese text searchable and extractable
        families.add(base_font.split("+", 1)[1])
    assert families == {GOTHIC, MINCHO}


def test_page_resources_reference_only_embedded_fonts(data: RecoverySheetData) -> None:
    page = _reader(_render(data)).pages[0]
    page_fonts = page["/Resources"]["/Font"]
    assert page_fonts
    for ref in page_fonts.values():
        font = ref.get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


# (c) metadata ------------------------------------------------------------------------------


def test_info_dictionary_holds_only_neutral_values(data: RecoverySheetData) -> None:
    reader = _reader(_render(data))
    info = {key: str(value) for key, value in reader.trailer["/Info"].get_object().items()}

    assert info == {
        "/Title": PDF_TITLE,
        "/Author": "",
        "/Subject": "",
        "/Keywords": "",
        "/Creator": CREATOR,
        "/Producer": PRODUCER,
        "/CreationDate": INVARIANT_PDF_DATE,
        "/ModDate": INVARIANT_PDF_DATE,
        "/Trapped": "/False",
    }
    joined = " ".join(info.values())
    for leaked in ("anonymous", "ReportLab", "unspecified", "untitled", OFFICE, "山田", VAULT_ID):
        assert leaked not in joined
    assert reader.metadata is not None
    assert reader.metadata.creation_date == datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def test_no_outline_and_no_xmp_metadata(data: RecoverySheetData) -> None:
    reader = _reader(_render(data))
    catalog = reader.trailer["/Root"].get_object()
    assert "/Outlines" not in catalog
    assert "/Metadata" not in catalog
    assert reader.outline == []


def test_dates_stay_invariant_even_with_source_date_epoch(
    data: RecoverySheetData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    info = _reader(_render(data)).trailer["/Info"].get_object()
    assert info["/CreationDate"] == INVARIANT_PDF_DATE
    assert info["/ModDate"] == INVARIANT_PDF_DATE


# (d) determinism ---------------------------------------------------------------------------


def test_rendering_twice_gives_identical_bytes(data: RecoverySheetData) -> None:
    same = RecoverySheetData(OFFICE, VAULT_ID, tuple(GROUPS), datetime.date(2026, 11, 23))
    assert _render(data) == _render(data) == _render(same)


def test_different_key_gives_different_bytes(data: RecoverySheetData) -> None:
    other = RecoverySheetData(OFFICE, VAULT_ID, (*GROUPS[:-1], "QD7F"), data.created_on)
    assert _render(data) != _render(other)


# (e) fonts guard ---------------------------------------------------------------------------


def test_require_fonts_raises_before_configure(repo_root: pathlib.Path) -> None:
    # A fresh interpreter: this session's fixture has already configured the fonts.
    script = textwrap.dedent(
        """
        import datetime, io
        from reports.errors import FontsMissing
        from reports.fonts import require_fonts
        from reports.recovery_sheet import RecoverySheetData, render_recovery_sheet

        try:
            require_fonts()
        except FontsMissing as exc:
            assert "configure" in str(exc), exc
        else:
            raise SystemExit("require_fonts() did not raise")

        data = RecoverySheetData("x", "y", ("ABCD",), datetime.date(2026, 1, 1))
        out = io.BytesIO()
        try:
            render_recovery_sheet(data, out)
        except FontsMissing:
            pass
        else:
            raise SystemExit("render_recovery_sheet() did not raise")
        assert out.getvalue() == b"", "bytes were written before the font check"
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=repo_root,
        env={**os.environ, "PYTHONPATH": str(repo_root)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("present", ["ipaexm.ttf", "ipaexg.ttf"])
def test_configure_names_the_missing_font_file(
    tmp_path: pathlib.Path, configured_fonts: pathlib.Path, present: str
) -> None:
    (tmp_path / present).write_bytes((configured_fonts / present).read_bytes())
    missing = "ipaexg.ttf" if present == "ipaexm.ttf" else "ipaexm.ttf"
    with pytest.raises(FontsMissing, match=re.escape(missing)):
        configure(tmp_path)


def test_configure_is_idempotent(configured_fonts: pathlib.Path) -> None:
    configure(configured_fonts)
    configure(configured_fonts)


def test_fonts_missing_is_a_report_error() -> None:
    assert issubclass(FontsMissing, ReportError)


# (f) QR payload ----------------------------------------------------------------------------


def test_qr_encodes_the_hyphenated_key(data: RecoverySheetData) -> None:
    expected = "-".join(GROUPS)
    assert recovery_key_text(data) == expected
    assert recovery_qr_payload(data) == expected
    assert recovery_qr_widget(data).value == expected


# data validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "groups",
    [(), ("ABCD", ""), ("AB-CD",), ("AB CD",), ("ＡＢＣＤ",), ("ABCDEFG",), ("ABCD",) * 13],
)
def test_unprintable_keys_are_rejected(groups: tuple[str, ...]) -> None:
    with pytest.raises(ReportError):
        RecoverySheetData(OFFICE, VAULT_ID, groups, datetime.date(2026, 11, 23))
