"""Review finding: the records merged today (training, consignee hearings and companies, account
reviews, bulk-output reasons) refused any text holding twelve digits in all, so a note with two
dates 「2026年4月10日と2026年5月15日に実施」 could not be kept; the refusal said it looked like a
My Number. A number written any way is still refused."""

from __future__ import annotations

from datetime import date

import pytest

from app import errors
from app.services import training
from app.services.incidents import checked_text
from tests.conftest import Office

EVERYDAY = [
    "2026年4月10日と2026年5月15日に実施",
    "第1回は2026年4月10日、第2回は2026年10月9日（各60分、参加12名）",
    "令和8年4月1日から令和9年3月31日まで、月額50,000円",
]
NUMBERS = [
    "123456789018",
    "1234 5678 9018",
    "1234 - 5678 - 9018",
    "1234/5678/9018",
    "1234_5678_9018",
    "(1234)5678-9018",
    "1234,5678,9018",
    "１２３４／５６７８／９０１８",
    "1234・5678・9018",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_a_note_with_dates_and_amounts_is_kept(text: str) -> None:
    assert checked_text(text, "内容", 2000) == text


@pytest.mark.parametrize("text", NUMBERS)
def test_a_number_written_any_way_is_refused(text: str) -> None:
    with pytest.raises(errors.InvalidInput, match="個人番号のような数字列"):
        checked_text(f"メモ {text} 以上", "内容", 2000)


def test_a_training_with_its_dates_in_the_content_is_recorded(office: Office) -> None:
    held = training.record(
        office.manager,
        held_on=date(2026, 11, 20),
        title="特定個人情報の取扱い研修",
        content=EVERYDAY[1],
        attendees=[training.Attendee(None, "臨時 一郎")],
    )
    assert held.content == EVERYDAY[1]
