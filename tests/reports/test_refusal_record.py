"""提供拒否経過記録: paginated by height, every row kept above the footer, the title, the person
and 「n／total」 on every page, and a long office name kept inside the page."""

from __future__ import annotations

import datetime
import io
import re

import pytest

from reports.refusal_record import RefusalRecordData, RequestLine, render_refusal_record
from tests.support.pdf_layout import outside_the_page, overlapping, page_count, page_text, runs

# A 社会福祉法人 with its facility and department: 55 characters.
LONG_OFFICE = "社会福祉法人みどりの丘福祉会　特別養護老人ホームさくらの里・在宅介護支援センターひまわり　本部総務部人事課給与"
NOTE = (
    "本人より「家族の意向もあり、現時点では番号を提供できない」との申出があった。制度の趣旨と"
    "法定調書への記載義務を説明し、再度検討をお願いした。次回は来月の支払時に改めて依頼する予定"
)
# The footer rule is drawn 11 pt above the footer's baseline at 12 mm.
FOOTER_RULE = 12 * 72 / 25.4 + 11
# Nothing is drawn in the page's margins (18 mm), less a space's width: reportlab right-aligns a
# wrapped line without the space it starts with.
MARGIN = 18 * 72 / 25.4 - 4


def _data(count: int, office: str = LONG_OFFICE) -> RefusalRecordData:
    return RefusalRecordData(
        office_name=office,
        printed_on=datetime.date(2026, 11, 23),
        person_name="佐藤 一郎",
        person_kana="サトウ イチロウ",
        person_kind="支払先（個人）",
        code="P-001",
        lines=tuple(
            RequestLine(
                datetime.date(2026, 1 + i % 10, 1 + i),
                "書面（郵送）及び電話",
                "提供を拒否",
                f"{NOTE}（第{i + 1}回）。",
                "管理 花子",
            )
            for i in range(count)
        ),
    )


def _render(data: RefusalRecordData) -> bytes:
    out = io.BytesIO()
    render_refusal_record(data, out)
    return out.getvalue()


def test_long_notes_continue_on_further_pages_and_no_row_is_lost_or_under_the_footer() -> None:
    assert len(LONG_OFFICE) == 55
    pdf = _render(_data(22))
    total = page_count(pdf)
    assert total >= 3
    text = "".join(page_text(pdf, page) for page in range(1, total + 1))
    assert [int(n) for n in re.findall(r"（第(\d+)回）", text)] == list(range(1, 23))
    found = runs(pdf)
    # Nothing but the footer is drawn at or below the footer rule, and nothing off the page.
    body = [r for r in found if r.y < FOOTER_RULE + 2]
    assert all(r.y < FOOTER_RULE - 5 for r in body), [(r.page, r.text, r.y) for r in body][:5]
    footers = {r.page for r in body}
    assert footers == set(range(1, total + 1))
    assert outside_the_page(found, MARGIN) == []


def test_every_page_has_the_title_the_person_and_its_number() -> None:
    pdf = _render(_data(22))
    total = page_count(pdf)
    for page in range(1, total + 1):
        text = page_text(pdf, page)
        assert "個人番号の提供拒否等に関する経過記録" in text, page
        assert "佐藤一郎" in text and "P-001" in text, page
        assert text.count(f"{page}／{total}") >= 1, page
        # The column header is repeated on every page.
        assert "依頼日" in text and "理由・経過" in text, page


@pytest.mark.parametrize("count", [0, 1, 5])
def test_a_short_record_is_one_page(count: int) -> None:
    pdf = _render(_data(count))
    assert page_count(pdf) == 1
    text = page_text(pdf, 1)
    assert ("記録はありません" in text) == (count == 0)
    assert "1／1" in text


def test_a_long_office_name_wraps_in_the_header_and_is_clipped_in_the_footer() -> None:
    pdf = _render(_data(3))
    found = runs(pdf)
    assert outside_the_page(found, MARGIN) == []
    assert overlapping(found) == []
    text = page_text(pdf, 1)
    # The whole name is printed once in the header (wrapped), the footer shortens it.
    assert LONG_OFFICE.replace("　", "") in text.replace("　", "")
