"""本人確認記録: content, embedded fonts only, neutral metadata, never a number, and a long
document list continued on further pages without loss."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pypdf
from pypdf.generic import IndirectObject, StreamObject

from app.domain.my_number import looks_like_number
from reports.document import INVARIANT_PDF_DATE
from reports.verification_record import (
    PDF_TITLE,
    CheckLine,
    DocumentLine,
    VerificationRecordData,
    render_verification_record,
)

OFFICE = "社会福祉法人テスト会"
TWELVE_DIGITS = re.compile(rb"[0-9]{12}")


def _agent_by_post() -> VerificationRecordData:
    return VerificationRecordData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 11, 23),
        record_no=13,
        person_name="山田 花子",
        person_kana="ヤマダ ハナコ",
        person_kind="扶養親族等",
        code="",
        verified_on=datetime.date(2026, 11, 20),
        subject="従業員の配偶者（国民年金第3号被保険者関係届）",
        provider="任意代理人　山田 太郎（夫）",
        channel="郵送",
        outcome="本人確認ができました",
        checks=(
            CheckLine("番号確認", "住民票の写し（個人番号付き）"),
            CheckLine("代理権の確認", "委任状"),
            CheckLine("代理人の身元確認", "運転免許証"),
        ),
        documents=(
            DocumentLine("委任状", "—", "原本", "有効期限の記載なし"),
            DocumentLine("運転免許証", "代理人", "写し", "2031年4月1日まで（期限内を確認）"),
            DocumentLine("住民票の写し（個人番号の記載があるもの）", "本人", "写し", "—"),
        ),
        fields_compared="氏名：一致、住所：一致",
        linked_record="",
        clerk="佐藤 花子",
        recorded_at=datetime.datetime(2026, 11, 20, 14, 5),
        # Normal text with dates and short numbers, which must survive; a My Number never occurs.
        note="住民票の写しは令和8年10月2日発行、6か月以内のもの。原本は返送用封筒で返却済み。",
        purposes="国民年金第3号被保険者関係届出事務",
    )


def _render(data: VerificationRecordData) -> bytes:
    out = io.BytesIO()
    render_verification_record(data, out)
    return out.getvalue()


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _page_texts(pdf: bytes) -> list[str]:
    # Extraction puts spaces and line breaks where the layout has gaps; compare without them.
    return ["".join(page.extract_text().split()) for page in _reader(pdf).pages]


def _decompressed_streams(pdf: bytes) -> list[bytes]:
    reader = _reader(pdf)
    # reportlab writes no object streams, so every object is reachable by number.
    size = int(reader.trailer["/Size"])
    objects = [reader.get_object(IndirectObject(number, 0, reader)) for number in range(1, size)]
    return [obj.get_data() for obj in objects if isinstance(obj, StreamObject)]


def test_the_fields_of_the_record_appear() -> None:
    text = "".join(_page_texts(_render(_agent_by_post())))
    for expected in (
        "本人確認記録",
        "記録番号No.13",
        "山田花子（ヤマダハナコ）",
        "令和8年11月23日",  # 作成日
        "令和8年11月20日",  # 確認日
        "任意代理人山田太郎（夫）",
        "郵送",
        "番号確認",
        "代理権の確認",
        "代理人の身元確認",
        "委任状",
        "運転免許証",
        "住民票の写し（個人番号の記載があるもの）",
        "氏名：一致、住所：一致",
        "2031年4月1日まで（期限内を確認）",
        "国民年金第3号被保険者関係届出事務",
        "本人確認ができました",
        "佐藤花子",
        "14:05",
        "返送用封筒で返却済み",
        "この記録には個人番号および書類の番号を記載していません。",
        OFFICE,
    ):
        assert expected in text, expected


def test_fonts_are_embedded_subsets_and_metadata_is_neutral() -> None:
    reader = _reader(_render(_agent_by_post()))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "+" in str(font["/BaseFont"]), font["/BaseFont"]
    info = reader.metadata
    assert info.title == PDF_TITLE == "本人確認記録"
    for private in ("山田", "花子", "テスト会", "佐藤"):
        assert private not in str(dict(info))
    assert "/Outlines" not in reader.trailer["/Root"]


def test_no_my_number_in_the_text_or_the_decompressed_bytes() -> None:
    pdf = _render(_agent_by_post())
    reader = _reader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert re.search(r"[0-9０-９]{12}", text) is None
    assert not looks_like_number(text)
    # The Info dictionary's fixed, neutral timestamp is the only long digit run reportlab writes.
    assert TWELVE_DIGITS.search(pdf.replace(INVARIANT_PDF_DATE.encode(), b"")) is None
    streams = _decompressed_streams(pdf)
    assert streams  # the page contents and the fonts at least
    for data in streams:
        assert TWELVE_DIGITS.search(data) is None


def test_a_record_verified_by_the_employee_shows_the_linked_record() -> None:
    data = dataclasses.replace(
        _agent_by_post(),
        person_name="山田 一郎",
        person_kana="ヤマダ イチロウ",
        provider="従業員　山田 太郎",
        channel="従業員が提出した給与所得者の扶養控除等（異動）申告書（令和8年分）に記載",
        dependant_of="従業員 山田 太郎 の扶養親族",
        checks=(),
        documents=(),
        outcome="従業員が本人確認をしたものとして記録します",
        linked_record="山田 太郎（No. 12、令和8年11月20日の本人確認記録）",
        fields_compared="",
        note="",
    )
    pages = _page_texts(_render(data))
    assert len(pages) == 1
    text = pages[0]
    assert "従業員が個人番号関係事務実施者として本人確認を行ったもの" in text
    assert "従業員の本人確認記録" in text
    assert "山田太郎（No.12、令和8年11月20日の本人確認記録）" in text
    assert "従業員が本人確認をしたものとして記録します" in text
    # Issue 15 item 10: the employee, the form and its year, whose dependant; no 「本人」「対面」.
    assert "従業員が提出した給与所得者の扶養控除等（異動）申告書（令和8年分）に記載" in text
    assert "従業員山田太郎の扶養親族" in text
    assert "対面" not in text


def test_the_agents_name_is_printed_once_and_no_bracket_is_nested() -> None:
    """Issue 15 items 9 and 11."""
    text = "".join(_page_texts(_render(_agent_by_post())))
    assert text.count("山田太郎") == 1
    assert "（写し（コピー））" not in text and "（原本）" not in text


def test_a_seal_box_for_the_reviewer_is_optional() -> None:
    data = dataclasses.replace(
        _agent_by_post(),
        photo_check="代理人：運転免許証の顔写真と、来た代理人の顔を見比べて一致",
    )
    text = "".join(_page_texts(_render(data)))
    assert "確認者印" in text
    assert "顔写真の照合" in text and "運転免許証の顔写真と、来た代理人の顔を見比べて一致" in text
    without = "".join(_page_texts(_render(dataclasses.replace(data, seal_box=False))))
    assert "確認者印" not in without


def test_forty_documents_continue_on_a_second_page_without_loss() -> None:
    documents = tuple(DocumentLine(f"確認書類第{n}号", "本人", "原本") for n in range(1, 41))
    pdf = _render(dataclasses.replace(_agent_by_post(), documents=documents))
    pages = _page_texts(pdf)
    assert len(pages) >= 2
    # Each page names its record and the sheet count, so a loose sheet can be filed back.
    assert "本人確認記録（続き）" in pages[1] and "山田花子" in pages[1]
    assert f"（1／{len(pages)}）" in pages[0] and f"（2／{len(pages)}）" in pages[1]
    # The column header is repeated where the list continues.
    assert "書類の種類" in pages[1]
    text = "".join(pages)
    # Every name once, none lost at the page break (「第1号」 must not match inside 「第10号」).
    for n in range(1, 41):
        assert len(re.findall(f"確認書類第{n}号", text)) == 1, n
    assert "本人確認ができました" in text and "佐藤花子" in text


def test_a_section_heading_never_stays_alone_at_the_foot_of_a_page() -> None:
    """A section kept whole goes to the next page with its heading, even when only the gap
    under the heading is missing on this one (the agent's record left 「4　照合と結果」 alone)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Table

    from reports import verification_record as layout
    from reports.document import new_canvas

    for short_by in (0.5, 2.0, 2.9):
        out = io.BytesIO()
        canvas = new_canvas(out, PDF_TITLE)
        flow = layout._Flow(canvas, _agent_by_post(), *A4, total=None)
        table = Table([[layout._cell("表の中身")]], rowHeights=[120])
        heading = layout.Paragraph("見出し", layout._style(layout.GOTHIC, size=10.5, leading=14))
        _, heading_height = heading.wrap(flow.frame, flow.top)
        keep = 80
        needed = heading_height + layout._HEADING_GAP + 120 + keep
        flow.y = layout._BOTTOM + needed - short_by
        flow.section("見出し", table, whole=True, keep=keep)
        flow.finish_page()
        canvas.save()
        pages = _page_texts(out.getvalue())
        assert len(pages) == 2, short_by
        assert "見出し" in pages[1] and "表の中身" in pages[1], short_by
