"""Requests for a number and the refusal record (提供拒否経過記録)."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from app import errors
from app.services import people, refusals, staff
from app.session import Session
from tests.conftest import Office


@pytest.fixture
def manager(office: Office) -> Session:
    office.manager.user = staff.set_scopes(
        office.manager, "kanri", ["purpose:payment_records", "kind:payee"]
    )
    return office.manager


def _payee(session: Session):
    return people.register_payee(
        session,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=False,
    )


def test_requests_are_recorded_and_printed_without_any_number(
    office: Office, manager: Session
) -> None:
    payee = _payee(manager)
    refusals.record_request(
        manager, payee.id, requested_on=date(2026, 10, 1), method="書面", answer="no_answer"
    )
    refusals.record_request(
        manager,
        payee.id,
        requested_on=date(2026, 11, 2),
        method="電話",
        answer="refused",
        reason="番号を知られたくないとの申出",
    )
    records = refusals.history(manager, payee.id)
    assert [r.answer for r in records] == ["no_answer", "refused"]
    assert records[1].recorded_by == "管理 花子"
    pdf = refusals.refusal_record_pdf(manager, payee.id)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace(" ", "")
    assert "提供拒否" in text and "佐藤一郎" in text and "番号を知られたくない" in text
    assert "回答なし" in text and "提供を拒否" in text
    fonts = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert all("+" in str(f.get_object()["/BaseFont"]) for f in fonts.values())
    actions = [r[0] for r in office.manager.vault.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("number.request_recorded") == 2 and "notice.refusal_printed" in actions


def test_a_long_history_continues_on_further_pages(manager: Session, office: Office) -> None:
    payee = _payee(manager)
    for day in range(1, 31):
        refusals.record_request(
            manager, payee.id, requested_on=date(2026, 10, day), method="電話", answer="no_answer"
        )
    pdf = refusals.refusal_record_pdf(manager, payee.id)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert "2026年10月30日" in reader.pages[1].extract_text().replace(" ", "").replace("\n", "")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"answer": "maybe"}, "回答は"),
        ({"method": ""}, "依頼の方法"),
        ({"requested_on": date(2027, 1, 1)}, "未来"),
        ({"reason": "番号は123456789018です"}, "数字列は記録できません"),
    ],
)
def test_mistakes_are_refused_with_a_reason(manager: Session, kwargs, message: str) -> None:
    payee = _payee(manager)
    arguments = {"requested_on": date(2026, 11, 1), "method": "書面", "answer": "refused", **kwargs}
    with pytest.raises(errors.InvalidInput, match=message):
        refusals.record_request(manager, payee.id, **arguments)
    assert refusals.history(manager, payee.id) == []


def test_free_text_is_kept_and_printed_as_typed(manager: Session) -> None:
    """NFKC is for matching: the record keeps the full-width brackets, punctuation and spaces
    the user typed (and half-width katakana made full-width), and prints them so."""
    payee = _payee(manager)
    reason = "本人より「番号は出したくない」（家族と相談のうえ）との申出！　次回：１２月に再依頼"
    refusals.record_request(
        manager,
        payee.id,
        requested_on=date(2026, 11, 2),
        method="書面（郵送）ﾃﾞﾝﾜ",
        answer="refused",
        reason=reason,
    )
    (record,) = refusals.history(manager, payee.id)
    assert record.reason == reason and record.method == "書面（郵送）デンワ"
    pdf = refusals.refusal_record_pdf(manager, payee.id)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\n", "")
    assert "（家族と相談のうえ）との申出！　次回：１２月" in text
    assert "書面（郵送）デンワ" in text
    # A number written full-width is still refused.
    with pytest.raises(errors.InvalidInput, match="数字列は記録できません"):
        refusals.record_request(
            manager,
            payee.id,
            requested_on=date(2026, 11, 2),
            method="書面",
            answer="refused",
            reason="番号は１２３４５６７８９０１８です",
        )
