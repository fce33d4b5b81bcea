"""Notices answering requests from individuals and the blank 開示等請求書: every item shows,
the attachment continues over pages, the requester's own number appears only when asked for
(grouped, once), no other number ever, neutral metadata and embedded font subsets."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pypdf
import pytest

from app.domain.my_number import NUMBER_LIKE, looks_like_number
from reports import letter_parts
from reports.errors import ReportError
from reports.notice_data import MASKED_NUMBER, Change, HeldItem, HeldSection, NoticeData
from reports.request_form import REQUEST_FORM_TITLE, RequestFormData, render_request_form
from reports.request_notices import render_notice

OFFICE = "社会福祉法人テスト会"
OWN_NUMBER = "123456789018"
OWN_GROUPED = "1234 5678 9018"
# Names that must never reach the metadata.
PRIVATE = ("山田", "太郎", "花子", "テスト会")
CONTACT = "総務部 佐藤（電話 03-1234-5678、平日9時〜17時）"
COMPLAINT = "特定個人情報管理責任者 鈴木（電話 03-1234-5679）"


def _sections() -> tuple[HeldSection, ...]:
    # The verification history is long enough to need a second page for the attachment.
    history = tuple(
        HeldItem(
            f"{2010 + n}年度",
            f"{2010 + n}年4月{n + 1}日 本人確認（対面・個人番号カード）確認者 佐藤 花子",
        )
        for n in range(40)
    )
    return (
        HeldSection(
            "本人に関する情報",
            (
                HeldItem("氏名", "山田 太郎"),
                HeldItem("フリガナ", "ヤマダ タロウ"),
                HeldItem("生年月日", "1980年5月1日"),
                HeldItem("住所", "東京都千代田区千代田1-1"),
                HeldItem("従業員コード", "E-0042"),
            ),
        ),
        HeldSection(
            "個人番号の利用目的",
            (
                HeldItem("源泉徴収票作成事務", "所得税法第226条"),
                HeldItem("健康保険・厚生年金保険届出事務", "健康保険法施行規則第24条ほか"),
            ),
        ),
        HeldSection(
            "扶養親族",
            (
                HeldItem("氏名", "山田 花子（配偶者）"),
                HeldItem("個人番号", MASKED_NUMBER),
            ),
        ),
        HeldSection("本人確認の記録", history),
        HeldSection(
            "削除の予定",
            (
                HeldItem(
                    "令和7年分 扶養控除等申告書",
                    "2033年1月10日以降に削除（所得税法施行規則第76条の3）",
                ),
            ),
        ),
    )


def _full(**changes: object) -> NoticeData:
    notice = NoticeData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        notice_no="開示第2026-3号",
        title="保有個人データ開示決定通知書",
        pdf_title="開示決定通知書",
        addressee="山田 太郎",
        agent_of="",
        received_on=datetime.date(2026, 11, 20),
        request_summary="私に関する給与・社会保険手続の保有個人データ一式",
        decision="全部開示",
        body="令和8年11月20日付けで請求のあった保有個人データの開示について、下記のとおり"
        "開示することに決定しましたので、個人情報の保護に関する法律第33条第3項に基づき通知します。",
        method="書面の交付（本通知書の別紙）、2026年12月1日に簡易書留で発送",
        fee="300円（郵便切手）",
        attachment=_sections(),
        contact=CONTACT,
        complaint_contact=COMPLAINT,
    )
    return dataclasses.replace(notice, **changes)


def _partial() -> NoticeData:
    return _full(
        notice_no="開示第2026-4号",
        decision="一部開示",
        withheld="本人確認の記録のうち、確認者の所見欄",
        grounds=(
            "個人情報の保護に関する法律第33条第2項第1号（第三者の権利利益を害するおそれ）",
            "同項第2号（業務の適正な実施に著しい支障を及ぼすおそれ）",
        ),
        reason="所見欄には第三者である同僚の評価が記載されており、開示すると同人の権利利益を"
        "害するおそれがあるためです。",
    )


def _absent() -> NoticeData:
    return _full(
        notice_no="開示第2026-5号",
        title="保有個人データ不存在通知書",
        pdf_title="不存在通知書",
        decision="保有個人データ不存在",
        request_summary="2005年度以前の給与に関する保有個人データ",
        body="請求のあった保有個人データは、当事業所では保有していないため、開示することが"
        "できません。",
        reason="2005年度以前の給与記録は、保存期間の経過により2013年に廃棄しています。",
        method="",
        fee="なし",
        attachment=(),
    )


def _correction() -> NoticeData:
    return _full(
        notice_no="訂正第2026-1号",
        title="保有個人データ訂正決定通知書",
        pdf_title="訂正等決定通知書",
        addressee="山田 花子",
        agent_of="山田 太郎",
        decision="訂正を行いました",
        request_summary="住所と扶養親族の続柄の訂正",
        body="請求のあった保有個人データの訂正について、調査の結果、下記のとおり訂正しました"
        "ので、個人情報の保護に関する法律第34条第3項に基づき通知します。",
        method="",
        fee="",
        changes=(
            Change("住所", "東京都千代田区千代田1-1", "東京都港区芝公園4-2-8"),
            Change("扶養親族の続柄", "子", "孫"),
        ),
        attachment=(),
    )


def _form() -> RequestFormData:
    return RequestFormData(
        office_name=OFFICE,
        printed_on=datetime.date(2026, 12, 1),
        contact="〒100-0001 東京都千代田区千代田1-1 社会福祉法人テスト会 総務部（窓口または郵送）",
        fee_note="開示・利用目的の通知：1件300円（郵便切手）",
    )


def _render(data: NoticeData) -> bytes:
    out = io.BytesIO()
    render_notice(data, out)
    return out.getvalue()


def _render_form(data: RequestFormData) -> bytes:
    out = io.BytesIO()
    render_request_form(data, out)
    return out.getvalue()


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _raw_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in _reader(pdf).pages]


def _page_texts(pdf: bytes) -> list[str]:
    # Extraction puts spaces and line breaks where the layout has gaps; compare without them.
    return ["".join(text.split()) for text in _raw_texts(pdf)]


def _assert_in(text: str, *expected: str) -> None:
    for item in expected:
        assert "".join(item.split()) in text, item


def _assert_page_numbers(pages: list[str]) -> None:
    for index, page in enumerate(pages, start=1):
        assert (f"（{index}／{len(pages)}）" in page) == (len(pages) > 1), index


def test_a_full_disclosure_shows_every_item_and_the_attachment() -> None:
    pages = _page_texts(_render(_full()))
    assert len(pages) >= 3
    letter, attachment = pages[0], "".join(pages[1:])
    _assert_in(
        letter,
        "開示第2026-3号",
        "2026年12月1日（令和8年12月1日）",
        "山田 太郎 様",
        OFFICE,
        "印",
        "保有個人データ開示決定通知書",
        "下記のとおり開示することに決定しましたので",
        "記",
        "請求を受け付けた日2026年11月20日（令和8年11月20日）",
        "請求の内容私に関する給与・社会保険手続の保有個人データ一式",
        "決定全部開示",
        "内容当事業所が個人番号関係事務で保有しているご本人の個人データの内容は、別紙のとおりです。",
        "開示の方法書面の交付（本通知書の別紙）、2026年12月1日に簡易書留で発送",
        "手数料300円（郵便切手）",
        "問合せ先" + CONTACT,
        "苦情の申出先" + COMPLAINT,
        "以上",
    )
    for absent in ("代理人", "不開示とした部分", "根拠", "理由", "訂正の内容"):
        assert absent not in letter, absent
    # The attachment starts on a page of its own.
    assert "別紙　保有個人データの内容".replace("　", "") not in letter
    assert pages[1].startswith("開示第2026-3号別紙保有個人データの内容")
    _assert_in(pages[1], "2026年12月1日（令和8年12月1日）現在")
    for index, section in enumerate(_sections(), start=1):
        _assert_in(attachment, f"{index}{section.title}")
        for item in section.items:
            _assert_in(attachment, item.label + item.value)
    _assert_in(attachment, "ご本人以外の方（扶養親族など）の個人番号は記載していません。")
    # The long section goes on over a page break under its heading marked as continued, and
    # the page says which document it belongs to.
    assert any("4本人確認の記録（続き）" in page for page in pages[2:])
    assert all(page.startswith("別紙保有個人データの内容（続き）") for page in pages[2:])
    _assert_page_numbers(pages)
    closing = "この通知書には個人番号を記載していません。"
    assert "".join(pages).count(closing) == 1 and closing in pages[-1]
    assert "ご本人の個人番号" not in "".join(pages)


def test_a_partial_disclosure_shows_what_was_withheld_the_grounds_and_the_reason() -> None:
    raw = _raw_texts(_render(_partial()))
    letter = "".join(raw[0].split())
    _assert_in(
        letter,
        "決定一部開示",
        "不開示とした部分本人確認の記録のうち、確認者の所見欄",
        "根拠個人情報の保護に関する法律第33条第2項第1号（第三者の権利利益を害するおそれ）"
        "同項第2号（業務の適正な実施に著しい支障を及ぼすおそれ）",
        "理由所見欄には第三者である同僚の評価が記載されており、開示すると同人の権利利益を"
        "害するおそれがあるためです。",
    )
    # One ground per line.
    assert "おそれ）\n同項第2号" in raw[0]


def test_a_non_existence_notice() -> None:
    pages = _page_texts(_render(_absent()))
    assert len(pages) == 1
    _assert_in(
        pages[0],
        "開示第2026-5号",
        "保有個人データ不存在通知書",
        "当事業所では保有していないため",
        "請求の内容2005年度以前の給与に関する保有個人データ",
        "決定保有個人データ不存在",
        "理由2005年度以前の給与記録は、保存期間の経過により2013年に廃棄しています。",
        "手数料なし",
        "苦情の申出先",
        "以上",
        "この通知書には個人番号を記載していません。",
    )
    for absent in ("別紙", "開示の方法", "開示する内容", "／"):
        assert absent not in pages[0], absent


def test_a_correction_notice_lists_the_changes_and_names_the_agent() -> None:
    pages = _page_texts(_render(_correction()))
    assert len(pages) == 1
    _assert_in(
        pages[0],
        "山田 花子 様（山田 太郎 様の代理人）",
        "保有個人データ訂正決定通知書",
        "決定訂正を行いました",
        "訂正等の内容項目訂正前訂正後",
        "住所東京都千代田区千代田1-1東京都港区芝公園4-2-8",
        "扶養親族の続柄子孫",
        "以上",
    )
    for absent in ("手数料", "開示の方法", "別紙"):
        assert absent not in pages[0], absent


@pytest.mark.parametrize(
    "data",
    [_full(), _partial(), _absent(), _correction(), _full(own_number=OWN_NUMBER)],
    ids=["full", "partial", "absent", "correction", "own-number"],
)
def test_no_number_but_the_own_number_when_asked_for(data: NoticeData) -> None:
    raw = "\n".join(_raw_texts(_render(data)))
    expected = 1 if data.own_number else 0
    assert raw.count(OWN_GROUPED) == expected
    # Nor written any other way, e.g. ungrouped or cut at a line break.
    assert "".join(raw.split()).count(OWN_NUMBER) == expected
    assert not looks_like_number(raw.replace(OWN_GROUPED, ""))
    assert re.search(r"[0-9０-９]{12}", raw.replace(OWN_GROUPED, "")) is None


def test_the_own_number_is_framed_in_the_first_section_with_its_note() -> None:
    pdf = _render(_full(own_number=OWN_NUMBER))
    pages = _page_texts(pdf)
    first_section = pages[1].split("2個人番号の利用目的")[0]
    _assert_in(
        first_section,
        "1本人に関する情報",
        "ご本人の個人番号" + OWN_GROUPED,
        "ご本人の請求により記載しています。取扱いにご注意ください。",
    )
    text = "".join(pages)
    assert text.count("ご本人の個人番号" + "".join(OWN_GROUPED.split())) == 1
    assert "この通知書には個人番号を記載していません。" not in text
    closing = "この通知書には、請求によりご本人の個人番号のみを記載しています。"
    assert text.count(closing) == 1 and closing in pages[-1]
    # The other person's number stays masked.
    _assert_in(text, "個人番号" + MASKED_NUMBER)


@pytest.mark.parametrize(
    "bad", ["12345678901", "1234567890123", "1234 5678 9018", "１２３４５６７８９０１８"]
)
def test_an_own_number_that_is_not_twelve_digits_is_refused(bad: str) -> None:
    with pytest.raises(ReportError):
        _render(_full(own_number=bad))


def test_an_own_number_without_an_attachment_is_refused() -> None:
    with pytest.raises(ReportError):
        _render(dataclasses.replace(_absent(), own_number=OWN_NUMBER))


@pytest.mark.parametrize(
    "changes",
    [
        {"reason": "番号 1234-5678-9018 の誤り"},
        {"attachment": (HeldSection("扶養親族", (HeldItem("個人番号", "123456789018"),)),)},
        {"changes": (Change("個人番号", "123456789018", "987654321098"),)},
    ],
    ids=["reason", "attachment", "change"],
)
def test_a_value_that_looks_like_a_number_stops_the_notice(changes: dict[str, object]) -> None:
    with pytest.raises(ReportError) as raised:
        _render(_full(**changes))
    assert "1234" not in str(raised.value)


def test_the_renderer_guards_with_the_domain_pattern() -> None:
    # reports may not import app, so the pattern is repeated there; it must stay the same.
    assert letter_parts.NUMBER_LIKE.pattern == NUMBER_LIKE.pattern


def test_markup_and_long_values_wrap_without_overflow() -> None:
    long = "給与・賞与・社会保険・年末調整に関する記録、" * 30
    pdf = _render(dataclasses.replace(_partial(), reason=long))
    pages = _page_texts(pdf)
    _assert_page_numbers(pages)
    assert "".join(pages).count("年末調整に関する記録") == 30
    text = _page_texts(_render(_full(request_summary="A<B> & C")))[0]
    assert "A<B>&C" in text


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("full", "開示決定通知書"),
        ("own", "開示決定通知書"),
        ("correction", "訂正等決定通知書"),
        ("form", "開示等請求書"),
    ],
)
def test_fonts_are_embedded_subsets_and_metadata_is_neutral(kind: str, title: str) -> None:
    pdf = {
        "full": lambda: _render(_full()),
        "own": lambda: _render(_full(own_number=OWN_NUMBER)),
        "correction": lambda: _render(_correction()),
        "form": lambda: _render_form(_form()),
    }[kind]()
    reader = _reader(pdf)
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "+" in str(font["/BaseFont"]), font["/BaseFont"]
    assert b"Helvetica" not in pdf
    info = reader.metadata
    assert info.title == title
    for private in (*PRIVATE, OWN_NUMBER, OWN_GROUPED):
        assert private not in str(dict(info)), private
    assert "/Outlines" not in reader.trailer["/Root"]


def test_the_request_form_has_its_fields() -> None:
    pages = _page_texts(_render_form(_form()))
    assert len(pages) == 1
    _assert_in(
        pages[0],
        REQUEST_FORM_TITLE,
        f"{OFFICE} 御中",
        "請求日",
        "ご本人（請求の対象となる方）フリガナ氏名生年月日",
        "個人番号開示の回答にご本人の個人番号の記載も希望する",
        "住所",
        "電話番号",
        "本人／代理人の別本人任意代理人法定代理人",
        "代理人",
        "委任状",
        "請求の種類利用目的の通知開示訂正・追加・削除利用停止・消去第三者提供の停止",
        "対象となる情報・期間",
        "希望する方法",
        "書面の交付電磁的記録（PDF）閲覧",
        "本人確認書類",
        "個人番号カードは表面の写しのみ。裏面は送らないでください。",
        "郵送の場合は、本人確認書類の写しを同封してください。",
        "書留",
        "手数料開示・利用目的の通知：1件300円（郵便切手）",
        "提出先〒100-0001東京都千代田区千代田1-1",
        "受付日",
        "受付者",
        "本人確認の結果",
        "回答期限の目安",
        "決定日",
        "通知日",
    )
    assert "／1" not in pages[0]
    assert not looks_like_number(_raw_texts(_render_form(_form()))[0])


def test_the_request_form_draws_its_check_boxes() -> None:
    # The bundled fonts have no ☐: the boxes are drawn, one per choice.
    pdf = _render_form(_form())
    content = _reader(pdf).pages[0].get_contents().get_data()
    assert "☐".encode() not in pdf
    # 3 (本人/代理人) + 5 (種類) + 3 (方法) + 6 (書類) + 2 (事業所記入欄) squares.
    assert len(re.findall(rb" re\b", content)) >= 19


@pytest.mark.parametrize("repeat", range(20, 62, 3))
def test_the_closing_lines_stay_with_the_last_rows_at_any_length(repeat: int) -> None:
    reason = "保存期間の経過により廃棄した記録、" * repeat
    pages = _page_texts(_render(dataclasses.replace(_absent(), reason=reason)))
    _assert_page_numbers(pages)
    last = pages[-1]
    assert "以上" in last and "この通知書には個人番号を記載していません。" in last
    # 「以上」 follows rows of the 記 on its page, never starts a page alone.
    assert "苦情の申出先" in last
    assert "".join(pages).count("保存期間の経過により廃棄した記録") == repeat


@pytest.mark.parametrize("count", range(30, 46))
def test_a_section_heading_is_never_left_alone_at_a_page_foot(count: int) -> None:
    sections = list(_sections())
    sections[3] = dataclasses.replace(sections[3], items=sections[3].items[:count])
    pages = _page_texts(_render(_full(attachment=tuple(sections))))
    _assert_page_numbers(pages)
    heading = [page for page in pages if "5削除の予定" in page]
    assert len(heading) == 1
    _assert_in(heading[0], "5削除の予定令和7年分 扶養控除等申告書")
    assert "この通知書には個人番号を記載していません。" in pages[-1]
