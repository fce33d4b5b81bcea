"""The 5th and later dependants of a 源泉徴収票: named in (摘要) on every copy, their numbers in
(備考) only on the copies that carry numbers, and the 16歳未満 numbers only on the 給与支払報告書;
the pre-printed (values-only) paper follows the same rules."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pypdf
import pytest

from app.domain.my_number import check_digit
from app.domain.withholding_slip import (
    PREPRINTED,
    InvalidSlip,
    Payer,
    PersonYear,
    Relative,
    box_values,
    extra_names,
    extra_numbers,
)
from app.services import auth, forms, numbers, outputs, people, staff
from storage import staff_repo
from tests.conftest import Office
from tests.services.test_forms import PAYER, _text
from tests.services.test_numbers import ALL_SCOPES, NUMBER, _employee, _events


def _number(k: int) -> str:
    body = f"{k:02d}468135790"
    return body + str(check_digit(body))


def _relatives(session, employee_id: int, count: int, born: date, prefix: str) -> list[Relative]:
    found = []
    for k in range(1, count + 1):
        name = f"山田 {prefix}{KANJI[k]}"
        person = people.register_dependent(
            session, employee_id=employee_id, name=name, kana_text="やまだ",
            relation="子", birth_date=born,
        )  # fmt: skip
        number = _number(k + (50 if prefix == "年" else 0))
        numbers.register_number(session, person.id, number, number, ["tax_withholding"])
        found.append(Relative(name, "", person.id))
    return found


@pytest.fixture
def manager(office: Office):
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


@pytest.fixture
def big_family(office: Office, manager):
    employee = _employee(manager)
    numbers.register_number(manager, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    older = _relatives(manager, employee.id, 5, date(2000, 1, 1), "長")
    younger = _relatives(manager, employee.id, 5, date(2015, 1, 1), "年")
    slip = PersonYear(
        person_id=employee.id, year=2026, amounts={"payment": 5_800_000},
        dependants=tuple(older), under_16=tuple(younger), remarks="前職分あり",
    )  # fmt: skip
    return slip


KANJI = "〇一二三四五六七八九"
FIFTH_OLDER = _number(5)
FIFTH_YOUNGER = _number(55)


def _raw(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_fifth_dependants_are_named_in_the_remarks_after_a_bracketed_number() -> None:
    slip = PersonYear(
        person_id=1, year=2026, amounts={},
        dependants=tuple(Relative(f"子{k}") for k in range(1, 7)),
        under_16=tuple(Relative(f"幼{k}") for k in range(1, 6)), remarks="前職分あり",
    )  # fmt: skip
    assert extra_names(slip) == "(5)子5\u3000(6)子6\u3000(7)幼5(年少)"
    values = box_values(slip, "山田 太郎", "", Payer("x"))
    assert values["remarks"] == "前職分あり\n" + extra_names(slip)
    assert values["dependant4_name"] == "子4" and "dependant5_name" not in values
    numbered = PersonYear(
        person_id=1, year=2026, amounts={},
        dependants=(*(Relative("子", person_id=k) for k in range(1, 6)), Relative("子")),
        under_16=tuple(Relative("幼", person_id=k) for k in range(11, 16)),
    )  # fmt: skip
    # The sixth has no number on file: nothing for it in (備考); the 16歳未満 only with them.
    assert extra_numbers(numbered, with_under_16=False) == {"notes_upper": [(5, 5)]}
    assert extra_numbers(numbered, with_under_16=True) == {
        "notes_upper": [(5, 5)],
        "notes_lower": [(7, 15)],
    }
    with pytest.raises(InvalidSlip, match="書ききれません"):
        PersonYear(person_id=1, year=2026, amounts={}, dependants=(Relative("子"),) * 9)
    with pytest.raises(InvalidSlip, match="書ききれません"):
        PersonYear(person_id=1, year=2026, amounts={}, under_16=(Relative("幼"),) * 8)


def test_the_tax_office_copy_writes_the_fifth_dependants_number_in_the_notes(
    office: Office,
    manager,
    big_family: PersonYear,
) -> None:
    pdf = forms.render(manager, 2026, "gensen_choshu", "tax_office", [big_family], PAYER)
    text = _text(pdf)
    assert "(5)山田長五" in text and "(6)山田年五(年少)" in text
    assert FIFTH_OLDER in text
    assert FIFTH_YOUNGER not in text  # a 16歳未満's number: the municipality's copy only
    (event,) = _events(office, "number.form_printed")
    assert json.loads(event[2])["numbers"] == 6  # the employee and five dependants


def test_the_municipal_copy_writes_both_fifth_numbers(
    office: Office,
    manager,
    big_family: PersonYear,
) -> None:
    for sheet in ("a4_two_up", PREPRINTED):
        pdf = forms.render(
            manager, 2026, "gensen_choshu", "municipal", [big_family], PAYER, sheet=sheet,
            # Eleven people's numbers on one slip: a bulk output, with its reason.
            order=outputs.Order("市区町村", "paper", "給与支払報告書の提出"),
        )  # fmt: skip
        text = _text(pdf)
        assert FIFTH_OLDER in text and FIFTH_YOUNGER in text and _number(54) in text
        # Each number after the bracketed number of its name in (摘要): one sequence.
        assert "(5)" + FIFTH_OLDER in text and "(6)" + FIFTH_YOUNGER in text


@pytest.mark.parametrize("sheet", ["a4_two_up", "a4_four_up", "a6", PREPRINTED])
def test_the_recipient_copy_names_them_without_any_number(
    office: Office,
    manager,
    big_family: PersonYear,
    sheet: str,
) -> None:
    pdf = forms.render(
        manager, 2026, "gensen_choshu", "recipient", [big_family], PAYER, sheet=sheet
    )
    text = _text(pdf)
    assert "(5)山田長五" in text
    assert not re.search(r"\d{12}", _raw(pdf).replace(" ", "").replace("\n", ""))
    for k in (1, 5, 51, 55):
        assert _number(k) not in text
    assert _events(office, "number.form_printed") == []
