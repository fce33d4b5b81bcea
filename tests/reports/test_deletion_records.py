"""削除・廃棄記録簿 and 削除証明書: content, embedded fonts only, neutral metadata, never a number,
and a long ledger continued on further sheets under its header without loss."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pypdf
import pytest
from reportlab.lib.units import mm

from app.domain.my_number import looks_like_number
from reports.deletion_records import (
    CERTIFICATE_PDF_TITLE,
    LEDGER_PDF_TITLE,
    CertificateData,
    DeletionLine,
    LedgerData,
    render_certificate,
    render_ledger,
)
from reports.errors import ReportError

OFFICE = "社会福祉法人テスト会"
RESPONSIBLE = "理事長 鈴木 一郎"
# Names that must never reach the metadata.
PRIVATE = ("山田", "太郎", "佐藤", "花子", "鈴木", "一郎", "テスト会")
# The ledger's No. column starts at the 12 mm margin and is 10 mm wide (reports/deletion_records).
NO_COLUMN = (12 * mm, 22 * mm)


def _line(record_no: int = 7, **changes: object) -> DeletionLine:
    line = DeletionLine(
        record_no=record_no,
        deleted_on=datetime.date(2026, 11, 23),
        person_name="山田 太郎",
        person_kind="従業員",
        department="総務部",
        file_name="給与所得者の扶養控除等申告書ファイル",
        documents="令和7年分 扶養控除等申告書（2033年1月10日まで）",
        trigger="保存期間の経過",
        legal_basis="所得税法施行規則第76条の3",
        method="データベースからの上書き消去",
        executed_by="佐藤 花子",
        approved_by="鈴木 一郎",
        approved_on=datetime.date(2026, 11, 20),
        backups="2026-11-01のバックアップ（次の世代交代で削除）",
        paper="令和7年分 扶養控除等申告書：2026年12月1日 裁断済（担当 花子）",
        proposed_by="担当 次郎",
        proposed_on=datetime.date(2026, 11, 18),
    )
    return dataclasses.replace(line, **changes)


def _ledger(*lines: DeletionLine) -> LedgerData:
    return LedgerData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        period_from=datetime.date(2026, 4, 1),
        period_to=datetime.date(2027, 3, 31),
        responsible=RESPONSIBLE,
        lines=lines,
    )


def _certificate(line: DeletionLine | None = None) -> CertificateData:
    return CertificateData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        responsible=RESPONSIBLE,
        person_name="山田 太郎",
        line=line or _line(),
    )


def _render_ledger(data: LedgerData) -> bytes:
    out = io.BytesIO()
    render_ledger(data, out)
    return out.getvalue()


def _render_certificate(data: CertificateData) -> bytes:
    out = io.BytesIO()
    render_certificate(data, out)
    return out.getvalue()


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _page_texts(pdf: bytes) -> list[str]:
    # Extraction puts spaces and line breaks where the layout has gaps; compare without them.
    return ["".join(page.extract_text().split()) for page in _reader(pdf).pages]


def _record_numbers(page: pypdf.PageObject) -> list[int]:
    """The numbers printed in the ledger's No. column of page, in order."""
    found: list[int] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        if NO_COLUMN[0] <= x < NO_COLUMN[1] and text.strip().isdigit():
            found.append(int(text))

    page.extract_text(visitor_text=visit)
    return found


def test_the_fields_of_the_ledger_appear() -> None:
    other = _line(
        8,
        person_name="佐藤 次郎",
        person_kind="支払先（個人）",
        department="",
        trigger="本人からの請求",
        approved_on=None,
        backups="",
        paper="",
        proposed_by="",
        proposed_on=None,
    )
    pages = _page_texts(_render_ledger(_ledger(_line(), other)))
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "特定個人情報の削除・廃棄記録簿",
        OFFICE,
        "令和8年4月1日〜令和9年3月31日",  # the period, in 和暦
        "作成日",
        "2026年12月1日（令和8年12月1日）",
        "特定個人情報管理責任者",
        "理事長鈴木一郎",
        "記録件数2件",
        # Column headers.
        "No.",
        "削除日",
        "対象者（区分・部署）",
        "ファイルの種類・名称書類",
        "削除の理由・根拠",
        "方法",
        "提案者（提案日）",
        "承認者（承認日）",
        "実行者",
        "バックアップ・紙の書類",
        # The first line.
        "2026年11月23日令和8年11月23日",
        "山田太郎（従業員・総務部）",
        "給与所得者の扶養控除等申告書ファイル",
        "令和7年分扶養控除等申告書（2033年1月10日まで）",
        "保存期間の経過根拠：所得税法施行規則第76条の3",
        "データベースからの上書き消去",
        # The proposer, the approver and the executor, each in their own column.
        "担当次郎2026年11月18日鈴木一郎2026年11月20日佐藤花子",
        "バックアップ：2026-11-01のバックアップ（次の世代交代で削除）",
        "紙の書類：令和7年分扶養控除等申告書：2026年12月1日裁断済（担当花子）",
        # The second: no department, no approval date, nothing left behind.
        "佐藤次郎（支払先（個人））",
        "本人からの請求",
        "データベースからの上書き消去—鈴木一郎佐藤花子",  # no proposer known: a dash
        "この記録簿には個人番号を記載していません。",
    ):
        assert expected in text, expected
    assert _record_numbers(_reader(_render_ledger(_ledger(_line(), other))).pages[0]) == [7, 8]
    # One sheet: no sheet count.
    assert "／" not in text


def test_an_empty_period_prints_one_row_saying_so() -> None:
    pages = _page_texts(_render_ledger(_ledger()))
    assert len(pages) == 1
    assert "この期間の削除・廃棄の記録はありません。" in pages[0]
    assert "記録件数0件" in pages[0] and "削除の理由・根拠" in pages[0]
    assert "この記録簿には個人番号を記載していません。" in pages[0]


def test_markup_in_a_value_is_printed_not_parsed() -> None:
    text = _page_texts(_render_ledger(_ledger(_line(method="裁断<クロスカット> & 溶解"))))[0]
    assert "裁断<クロスカット>&溶解" in text


def test_a_thousand_lines_continue_under_the_header_without_loss() -> None:
    lines = tuple(
        _line(n, documents=f"書類第{n}号", backups="" if n % 3 else "2026-11-01のバックアップ")
        for n in range(1, 1001)
    )
    pages = _assert_complete(_render_ledger(_ledger(*lines)), 1000)
    assert len(pages) > 10
    for index, page in enumerate(pages, start=1):
        # Every sheet has the column header and names its ledger.
        assert "削除の理由・根拠" in page and "バックアップ・紙の書類" in page, index
        assert OFFICE in page, index
        if index > 1:
            assert "特定個人情報の削除・廃棄記録簿（続き）" in page, index
    text = "".join(pages)
    for n in range(1, 1001):
        # Each record's cell text once, none cut or repeated at a sheet break (「第1号」 cannot
        # match inside 「第10号」).
        assert len(re.findall(f"書類：書類第{n}号", text)) == 1, n


def _assert_complete(pdf: bytes, count: int) -> list[str]:
    """Every record once and in order, the sheet count on every sheet of several, and the
    closing line once, on the last sheet."""
    pages = _page_texts(pdf)
    numbers = [n for page in _reader(pdf).pages for n in _record_numbers(page)]
    assert numbers == list(range(1, count + 1))
    for index, page in enumerate(pages, start=1):
        assert (f"（{index}／{len(pages)}）" in page) == (len(pages) > 1), index
    notice = "この記録簿には個人番号を記載していません。"
    assert "".join(pages).count(notice) == 1 and notice in pages[-1]
    return pages


@pytest.mark.parametrize("count", range(1, 20))
def test_the_closing_line_stays_with_the_last_rows_at_any_length(count: int) -> None:
    # Some of these counts end with rows that fit a sheet only without the closing line: the
    # last of them then move on with it.
    lines = [_line(n, backups="" if n % 2 else "x", paper="") for n in range(1, count + 1)]
    pdf = _render_ledger(_ledger(*lines))
    _assert_complete(pdf, count)
    # No sheet without rows.
    assert all(_record_numbers(page) for page in _reader(pdf).pages)


def test_a_single_row_filling_the_sheet_leaves_the_closing_line_a_sheet_of_its_own() -> None:
    alone = 0
    for repeat in range(24, 34):
        line = _line(1, documents="令和7年分扶養控除等申告書、" * repeat)
        pdf = _render_ledger(_ledger(line))
        pages = _assert_complete(pdf, 1)
        if len(pages) == 2:
            alone += 1
            assert "特定個人情報の削除・廃棄記録簿（続き）" in pages[1]
            assert _record_numbers(_reader(pdf).pages[1]) == []
    # The layout at 32 and 33 repeats (IPAex Mincho 8 pt, the 42 mm column of the file and its
    # documents); at least one must take that path.
    assert alone


def test_a_row_taller_than_a_sheet_is_refused() -> None:
    with pytest.raises(ReportError):
        _render_ledger(_ledger(_line(1, documents="令和7年分扶養控除等申告書、" * 60)))


def test_the_fields_of_the_certificate_appear() -> None:
    pages = _page_texts(_render_certificate(_certificate()))
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "個人番号削除証明書",
        "山田太郎様",
        "削除記録No.7",
        "2026年11月23日（令和8年11月23日）",
        "復元できない方法により削除したことを証明します",
        "対象のファイル給与所得者の扶養控除等申告書ファイル",
        "書類令和7年分扶養控除等申告書（2033年1月10日まで）",
        "理由・根拠保存期間の経過根拠：所得税法施行規則第76条の3",
        "方法データベースからの上書き消去",
        "削除日2026年11月23日（令和8年11月23日）",
        "提案者担当次郎（2026年11月18日提案）",
        "承認者鈴木一郎（2026年11月20日承認）",
        "実行者佐藤花子",
        "紙の書類令和7年分扶養控除等申告書：2026年12月1日裁断済（担当花子）",
        "2026-11-01のバックアップ（次の世代交代で削除）",
        OFFICE,
        "特定個人情報管理責任者",
        "理事長鈴木一郎",
        "印",
        "この証明書には個人番号を記載していません。",
    ):
        assert expected in text, expected


def test_a_certificate_without_backups_or_paper_leaves_them_out() -> None:
    text = _page_texts(_render_certificate(_certificate(_line(backups="", paper=""))))[0]
    assert "バックアップ" not in text and "紙の書類" not in text
    assert "この証明書には個人番号を記載していません。" in text


def test_a_certificate_too_long_for_one_page_is_refused() -> None:
    with pytest.raises(ReportError):
        _render_certificate(_certificate(_line(documents="令和7年分 扶養控除等申告書、" * 400)))


@pytest.mark.parametrize("kind", ["ledger", "certificate"])
def test_fonts_are_embedded_subsets_and_metadata_is_neutral(kind: str) -> None:
    if kind == "ledger":
        pdf, title = _render_ledger(_ledger(_line(), _line(8))), LEDGER_PDF_TITLE
        assert title == "削除・廃棄記録簿"
    else:
        pdf, title = _render_certificate(_certificate()), CERTIFICATE_PDF_TITLE
        assert title == "削除証明書"
    reader = _reader(pdf)
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "+" in str(font["/BaseFont"]), font["/BaseFont"]
    assert b"Helvetica" not in pdf
    info = reader.metadata
    assert info.title == title
    for private in PRIVATE:
        assert private not in str(dict(info)), private
    assert "/Outlines" not in reader.trailer["/Root"]


def test_no_my_number_in_the_text() -> None:
    lines = tuple(_line(n) for n in range(1, 120))
    for pdf in (_render_ledger(_ledger(*lines)), _render_certificate(_certificate())):
        text = "\n".join(page.extract_text() for page in _reader(pdf).pages)
        assert re.search(r"[0-9０-９]{12}", text) is None
        assert not looks_like_number(text)
