"""削除・廃棄記録簿 and 削除証明書: content, embedded fonts only, neutral metadata, never a number,
a long ledger continued on further sheets under its header without loss, and a certificate
that goes on to a second sheet rather than fail."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pypdf
import pytest
from reportlab.lib.units import mm

from app.domain.my_number import looks_like_number
from reports.deletion_certificate import render_certificate
from reports.deletion_ledger import render_ledger
from reports.deletion_records import (
    CERTIFICATE_PDF_TITLE,
    LEDGER_PDF_TITLE,
    CertificateData,
    DeletionLine,
    DestroyedBackup,
    DiscardedRequest,
    HeldBackup,
    LedgerData,
)
from reports.errors import ReportError

OFFICE = "社会福祉法人テスト会"
RESPONSIBLE = "理事長 鈴木 一郎"
# Names that must never reach the metadata.
PRIVATE = ("山田", "太郎", "佐藤", "花子", "鈴木", "一郎", "テスト会")
# The No. column of the ledger's tables starts at the 12 mm margin and is 11 mm wide.
NO_COLUMN = (12 * mm, 23 * mm)
DOCUMENTS = (
    "給与所得者の扶養控除等（異動）申告書",
    "退職所得の受給に関する申告書",
    "雇用保険の被保険者に関する書類",
    "健康保険・厚生年金保険に関する書類",
)
METHOD = "暗号化された個人番号を削除し、その領域をゼロで上書きした上で、暗号鍵を更新して旧鍵を消去"
PENDING = "暗号化された個人番号を削除し、その領域をゼロで上書き（暗号鍵の更新は未了）"


def _backup(day: int, *, gone: bool = False) -> HeldBackup:
    fate = (
        f"2026年12月{day}日 消去済み" if gone else f"あと{day}回の作成で消去（2027年1月{day}日頃）"
    )
    return HeldBackup(
        f"2026年11月{day}日 09:00", f"mynumber-desk-2026-11-{day:02d}_090000.mndbackup", fate, gone
    )


def _line(record_no: int = 7, **changes: object) -> DeletionLine:
    """An ordinary leaver: four documents, seven backups still holding the number, paper
    shredded."""
    line = DeletionLine(
        record_no=record_no,
        deleted_on=datetime.date(2026, 11, 23),
        person_name="山田 太郎",
        person_kind="従業員",
        department="総務部",
        file_name="個人番号（マイナンバー管理デスクの特定個人情報ファイル）",
        documents=DOCUMENTS,
        trigger="保存期間の経過（利用の必要もなくなった）",
        basis="所得税法施行規則第76条の3（2026年1月10日まで保存）",
        method=METHOD,
        executed_by="佐藤 花子",
        approved_by="鈴木 一郎",
        approved_on=datetime.date(2026, 11, 20),
        proposed_by="担当 次郎",
        proposed_on=datetime.date(2026, 11, 18),
        backups=tuple(_backup(day) for day in range(1, 8)),
        backups_summary="7件に残存：あと7回の作成で全て消去",
        paper=DOCUMENTS,
        paper_disposed_on=datetime.date(2026, 12, 1),
        paper_disposed_by="担当 花子",
    )
    return dataclasses.replace(line, **changes)


def _ledger(*lines: DeletionLine, **changes: object) -> LedgerData:
    data = LedgerData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        period_from=datetime.date(2026, 4, 1),
        period_to=datetime.date(2027, 3, 31),
        responsible=RESPONSIBLE,
        lines=lines,
        file_names=("個人番号（マイナンバー管理デスクの特定個人情報ファイル）",),
        handling_department="総務部 人事課",
    )
    return dataclasses.replace(data, **changes)


def _certificate(line: DeletionLine | None = None, **changes: object) -> CertificateData:
    data = CertificateData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        responsible=RESPONSIBLE,
        person_name="山田 太郎",
        line=line or _line(),
    )
    return dataclasses.replace(data, **changes)


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
    request = _line(
        8,
        person_name="佐藤 次郎",
        person_kind="支払先（個人）",
        department="",
        documents=("支払調書（控え）",),
        trigger="本人からの請求",
        basis="個人情報保護法第35条（利用停止等の請求）",
        reason="開示等の請求 No.3 に基づく消去",
        method=PENDING,
        approved_on=None,
        backups=(),
        backups_summary="",
        paper=(),
        proposed_by="",
        proposed_on=None,
    )
    data = _ledger(
        _line(),
        request,
        destroyed_backups=(
            DestroyedBackup(
                datetime.date(2026, 12, 8),
                "2026年11月1日 09:00",
                "mynumber-desk-2026-11-01_090000.mndbackup",
                "E:\\バックアップ",
                "暗号化されたバックアップファイルを、保存する世代数を超えたためプログラムが削除",
                "管理 花子",
            ),
        ),
        discarded_requests=(
            DiscardedRequest(
                datetime.date(2026, 12, 9),
                "開示の請求",
                "2023-4",
                datetime.date(2026, 11, 30),
                "保存期間を過ぎた請求の記録を、データベースから削除し領域をゼロで上書き",
                "管理 花子",
            ),
        ),
    )
    pdf = _render_ledger(data)
    pages = _page_texts(pdf)
    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "特定個人情報の削除・廃棄記録簿",
        OFFICE,
        "特定個人情報管理責任者理事長鈴木一郎",
        # The file, its 取扱部署, once in the particulars.
        "特定個人情報ファイル（種類・名称）個人番号（マイナンバー管理デスクの特定個人情報ファイル）",
        "取扱部署総務部人事課",
        "令和8年4月1日〜令和9年3月31日",  # the period, in 和暦
        "2026年12月1日（令和8年12月1日）",
        # Each method once, named by its mark in the rows.
        f"個人番号の削除の方法①{METHOD}②{PENDING}",
        # Column headers, the responsible person's box included.
        "削除日（方法）",
        "対象者（区分・部署）",
        "書類",
        "削除の理由・根拠",
        "提案者・承認者（日付）",
        "実行者",
        "バックアップ",
        "紙の書類",
        "責任者確認",
        # The first line: document names once, the basis without the trigger, the proposer,
        # the approver and the executor, the backups in short, the paper shredded.
        "2026年11月23日令和8年11月23日方法①",
        "山田太郎（従業員・総務部）",
        "給与所得者の扶養控除等（異動）申告書、退職所得の受給に関する申告書、雇用保険の被保険者に関する書類、健康保険・厚生年金保険に関する書類",
        "保存期間の経過（利用の必要もなくなった）根拠：所得税法施行規則第76条の3（2026年1月10日まで保存）",
        "提案2026年11月18日担当次郎承認2026年11月20日鈴木一郎佐藤花子",
        "7件に残存：あと7回の作成で全て消去",
        "廃棄済2026年12月1日担当花子",
        "確認者確認日",
        # A deletion on request cites the law, and the reason apart from the trigger.
        "本人からの請求根拠：個人情報保護法第35条（利用停止等の請求）理由：開示等の請求No.3に基づく消去",
        "方法②",
        "提案—承認鈴木一郎",
        # Backups destroyed and request files discarded in the period.
        "2バックアップの消去（1件）",
        "2026年11月1日09:00作成mynumber-desk-2026-11-01_090000.mndbackup",
        "3開示等の請求の記録の廃棄（1件）",
        "開示の請求2023-42026年11月30日",
        "この記録簿には個人番号を記載していません。",
    ):
        assert expected in text, expected
    # The documents once: not again in the paper column, and no need (在職) among them.
    assert text.count("給与所得者の扶養控除等（異動）申告書") == 1
    assert "在職" not in text
    # Record numbers, then the sections' own numbering.
    assert _record_numbers(_reader(pdf).pages[0]) == [7, 8, 1, 1]
    assert "／" not in text  # one sheet: no sheet count


def test_paper_other_than_the_documents_is_named() -> None:
    line = _line(paper=DOCUMENTS[:1], paper_disposed_on=None)
    text = _page_texts(_render_ledger(_ledger(line)))[0]
    assert "給与所得者の扶養控除等（異動）申告書廃棄の確認待ち" in text


def test_an_empty_period_says_so_in_every_section() -> None:
    pages = _page_texts(_render_ledger(_ledger()))
    assert len(pages) == 1
    for expected in (
        "1個人番号の削除（0件）この期間の個人番号の削除の記録はありません。",
        "2バックアップの消去（0件）この期間に消去したバックアップはありません。",
        "3開示等の請求の記録の廃棄（0件）この期間に廃棄した開示等の請求の記録はありません。",
        "この記録簿には個人番号を記載していません。",
    ):
        assert expected in pages[0], expected
    assert "個人番号の削除の方法" not in pages[0]


def test_markup_in_a_value_is_printed_not_parsed() -> None:
    text = _page_texts(_render_ledger(_ledger(_line(method="裁断<クロスカット> & 溶解"))))[0]
    assert "裁断<クロスカット>&溶解" in text


def test_an_ordinary_leavers_row_takes_four_lines() -> None:
    """25 leavers fill four sheets (the first with the particulars), not thirteen."""
    pdf = _render_ledger(_ledger(*(_line(n) for n in range(9976, 10001))))
    assert len(_reader(pdf).pages) <= 4
    # Numbers of four and five digits stay whole in their column.
    numbers = [n for page in _reader(pdf).pages for n in _record_numbers(page)]
    assert numbers == list(range(9976, 10001))


def test_six_hundred_lines_continue_under_the_header_without_loss() -> None:
    lines = tuple(_line(n, documents=(f"書類第{n}号",)) for n in range(1, 601))
    pdf = _render_ledger(_ledger(*lines))
    pages = _assert_complete(pdf, 600)
    assert len(pages) > 10
    for index, page in enumerate(pages, start=1):
        # Every sheet of the deletions has the column header and names its ledger.
        if index < len(pages):
            assert "削除の理由・根拠" in page and "責任者確認" in page, index
        assert OFFICE in page, index
        if index > 1:
            assert "特定個人情報の削除・廃棄記録簿（続き）" in page, index
    text = "".join(pages)
    for n in range(1, 601):
        # Each record's cell text once, none cut or repeated at a sheet break (「第1号」 cannot
        # match inside 「第10号」).
        assert len(re.findall(f"書類第{n}号", text)) == 1, n


def _assert_complete(pdf: bytes, count: int) -> list[str]:
    """Every record once and in order, the sheet count on every sheet of several, and the
    closing line on every sheet."""
    pages = _page_texts(pdf)
    numbers = [n for page in _reader(pdf).pages for n in _record_numbers(page)]
    assert numbers == list(range(1, count + 1))
    for index, page in enumerate(pages, start=1):
        assert (f"（{index}／{len(pages)}）" in page) == (len(pages) > 1), index
        assert page.count("この記録簿には個人番号を記載していません。") == 1, index
    return pages


@pytest.mark.parametrize("count", range(1, 16))
def test_a_section_heading_is_never_left_alone_at_a_sheet_foot(count: int) -> None:
    lines = [_line(n, backups_summary="" if n % 2 else "x") for n in range(1, count + 1)]
    backups = tuple(
        DestroyedBackup(
            datetime.date(2026, 12, 8), "2026年11月1日 09:00", f"b{n}", "E:", "削除", ""
        )
        for n in range(3)
    )
    pdf = _render_ledger(_ledger(*lines, destroyed_backups=backups))
    for page in _page_texts(pdf):
        if "2バックアップの消去（3件）" in page:
            assert page.index("2バックアップの消去（3件）") < page.index("保存先"), count
        if "3開示等の請求の記録の廃棄" in page:
            assert "この期間に廃棄した開示等の請求の記録はありません。" in page, count
    numbers = [n for page in _reader(pdf).pages for n in _record_numbers(page)]
    assert numbers == [*range(1, count + 1), 1, 2, 3]


def test_a_row_taller_than_a_sheet_is_refused() -> None:
    with pytest.raises(ReportError):
        _render_ledger(_ledger(_line(1, documents=("令和7年分扶養控除等申告書、" * 200,))))


def test_the_fields_of_the_certificate_appear() -> None:
    pages = _page_texts(_render_certificate(_certificate()))
    assert len(pages) == 1  # an ordinary leaver with seven backups: one sheet
    text = pages[0]
    for expected in (
        "個人番号削除証明書",
        "山田太郎様",
        "削除記録No.7",
        # Seven backups still hold it: no 「復元できない」, and which backups until when.
        "下記のとおり削除したことを証明します。",
        "削除の前に作成したバックアップ（暗号化して保管しています）には、下記の時期に消去するまで",
        "対象のファイル個人番号（マイナンバー管理デスクの特定個人情報ファイル）",
        "書類給与所得者の扶養控除等（異動）申告書、退職所得の受給に関する申告書",
        "理由・根拠保存期間の経過（利用の必要もなくなった）根拠：所得税法施行規則第76条の3",
        f"方法{METHOD}",
        "削除日2026年11月23日（令和8年11月23日）",
        "提案者担当次郎（2026年11月18日提案）",
        "承認者鈴木一郎（2026年11月20日承認）",
        "実行者佐藤花子",
        "紙の書類上記の書類：2026年12月1日廃棄済（担当花子）",
        "作成日時ファイル名消去",
        "2026年11月1日09:00mynumber-desk-2026-11-01_090000.mndbackupあと1回の作成で消去（2027年1月1日頃）",
        "2026年11月7日09:00mynumber-desk-2026-11-07_090000.mndbackupあと7回の作成で消去（2027年1月7日頃）",
        "改めて証明します",
        "以上",
        OFFICE,
        "特定個人情報管理責任者",
        "理事長鈴木一郎",
        "印",
        "この証明書には個人番号を記載していません。",
    ):
        assert expected in text, expected
    assert "復元できない方法により" not in text


def test_the_certificate_says_irrecoverable_only_once_every_backup_is_gone() -> None:
    gone = tuple(_backup(day, gone=True) for day in range(1, 8))
    text = _page_texts(_render_certificate(_certificate(_line(backups=gone))))[0]
    assert "下記のとおり復元できない方法により削除したことを証明します。" in text
    assert "バックアップも、下記のとおりすべて消去しました。" in text
    assert "2026年12月7日消去済み" in text and "改めて証明します" not in text
    # One backup left, or the key not yet replaced: not irrecoverable.
    one_left = (*gone[:6], _backup(7))
    text = _page_texts(_render_certificate(_certificate(_line(backups=one_left))))[0]
    assert "復元できない" not in text.replace("復元できない状態になったことを改めて証明", "")
    pending = _line(backups=(), method=PENDING, key_replaced=False)
    text = _page_texts(_render_certificate(_certificate(pending)))[0]
    assert "復元できない" not in text and "暗号鍵の更新" in text and "まだ済んでいません" in text


def test_a_certificate_without_backups_or_paper_leaves_them_out() -> None:
    line = _line(backups=(), backups_summary="", paper=())
    text = _page_texts(_render_certificate(_certificate(line)))[0]
    assert "バックアップ" not in text and "紙の書類" not in text
    assert "復元できない方法により削除したことを証明します。" in text


def test_a_long_certificate_goes_on_to_another_sheet() -> None:
    line = _line(
        documents=("令和7年分 扶養控除等申告書",) * 60,
        backups=tuple(_backup(day % 28 + 1) for day in range(40)),
    )
    pdf = _render_certificate(_certificate(line))
    pages = _page_texts(pdf)
    assert len(pages) >= 2
    for index, page in enumerate(pages, start=1):
        assert f"削除証明書（{index}／{len(pages)}）" in page
        assert "この証明書には個人番号を記載していません。" in page
        if index > 1:
            assert "個人番号削除証明書（続き）山田太郎様削除記録No.7" in page
    assert "以上" in pages[-1] and "以上" not in "".join(pages[:-1])


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
