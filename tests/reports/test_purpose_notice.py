"""利用目的通知書: text, embedded fonts only, neutral metadata, and never a number."""

from __future__ import annotations

import datetime
import io

import pypdf

from reports.purpose_notice import (
    PurposeGroup,
    PurposeLine,
    PurposeNotice,
    PurposeNoticeData,
    render_purpose_notices,
)
from tests.support.pdf_layout import outside_the_page, overlapping, page_count, page_text, runs


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


LONG_OFFICE = "社会福祉法人みどりの丘福祉会　特別養護老人ホームさくらの里・在宅介護支援センターひまわり　本部総務部人事課給与"


def _letter(notice: PurposeNotice, **fields) -> bytes:
    out = io.BytesIO()
    values = {
        "office_name": LONG_OFFICE,
        "issued_on": datetime.date(2026, 11, 23),
        "notices": (notice,),
        "sender_title": "特定個人情報管理責任者　総務部長",
        "sender_name": "管理 花子",
        "contact": f"{LONG_OFFICE}　総務部 個人情報相談窓口（〒100-0001 東京都千代田区千代田1-1　電話 03-1234-5678）",
    }
    values.update(fields)
    render_purpose_notices(PurposeNoticeData(**values), out)
    return out.getvalue()


def test_the_letter_is_signed_and_gives_the_office_contact() -> None:
    pdf = _letter(PurposeNotice("佐藤 一郎", (PurposeLine("支払調書作成事務", "所得税法第225条"),)))
    text = page_text(pdf, 1)
    assert "特定個人情報管理責任者　総務部長　管理花子" in text.replace(" ", "")
    assert "お問合せ先" in text and "電話03-1234-5678" in text
    assert "下記のお問合せ先までお申し出ください" in text


def test_a_payee_is_not_addressed_as_an_employee_with_dependants() -> None:
    payee = PurposeNotice(
        "佐藤 一郎",
        (PurposeLine("支払調書作成事務", "所得税法第225条"),),
        whose="お支払いする報酬・料金等に関し、あなたの個人番号",
    )
    text = page_text(_letter(payee), 1)
    assert "扶養親族" not in text
    assert "報酬・料金等に関し、あなたの個人番号を、次の利用目的の範囲内でのみ取り扱います" in text
    # The default for a person is their own number alone, never 「（及びあなたの扶養親族）」.
    alone = page_text(_letter(PurposeNotice("佐藤 一郎", payee.purposes)), 1)
    assert "扶養親族" not in alone and "あなたの個人番号を" in alone


def test_an_employees_letter_lists_each_dependants_purposes() -> None:
    notice = PurposeNotice(
        "山田 太郎",
        (PurposeLine("源泉徴収事務", "所得税法第194条"),),
        whose="あなた及びあなたの扶養親族の個人番号",
        groups=(
            PurposeGroup(
                "扶養親族　山田 花子 様（配偶者）の個人番号",
                (
                    PurposeLine("源泉徴収事務", "所得税法第194条"),
                    PurposeLine("国民年金第3号被保険者届出事務", "国民年金法第12条"),
                ),
            ),
        ),
    )
    text = page_text(_letter(notice), 1)
    assert "あなた及びあなたの扶養親族の個人番号を" in text
    own = text.index("根拠法令あなたの個人番号1源泉徴収事務")
    family = text.index("扶養親族　山田花子様（配偶者）の個人番号")
    assert own < family < text.index("国民年金第3号被保険者届出事務")


def test_a_long_office_name_wraps_in_the_head_and_is_clipped_in_the_footer() -> None:
    assert len(LONG_OFFICE) == 55
    pdf = _letter(PurposeNotice("山田 太郎", (PurposeLine("源泉徴収事務", "所得税法第194条"),)))
    found = runs(pdf)
    # Nothing in the 20 mm side margins (less a space a wrapped line may start with).
    assert outside_the_page(found, 20 * 72 / 25.4 - 4) == []
    # The footer's two texts (pypdf reports a wrapped paragraph's lines less exactly).
    assert overlapping([r for r in found if r.y < 50]) == []
    assert "本部総務部人事課給与" in page_text(pdf, 1)


def test_many_dependants_continue_on_a_second_page() -> None:
    line = PurposeLine(
        "源泉徴収事務（扶養控除等申告書・源泉徴収票）", "番号法第9条第4項、所得税法第194条"
    )
    groups = tuple(
        PurposeGroup(f"扶養親族　山田 {n}郎 様（子）の個人番号", (line, line)) for n in range(9)
    )
    pdf = _letter(PurposeNotice("山田 太郎", (line,), groups=groups))
    assert page_count(pdf) == 2
    assert "1／2" in page_text(pdf, 1) and "2／2" in page_text(pdf, 2)
    assert "以上" in page_text(pdf, 2) and "山田8郎" in page_text(pdf, 2)
    assert outside_the_page(runs(pdf), 20 * 72 / 25.4 - 4) == []
