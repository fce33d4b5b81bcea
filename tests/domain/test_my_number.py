"""The My Number and corporate number values (DOMAIN.md §1)."""

from __future__ import annotations

import logging
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import corporate_number, my_number
from app.domain.my_number import MASK, InvalidMyNumber, MyNumber


def reference_check_digit(base11: str) -> int:
    """DOMAIN.md §1.3, verbatim, as the oracle (weights counted from the right)."""
    total = sum(int(base11[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = total % 11
    return 0 if r <= 1 else 11 - r


def reference_is_valid(s: str) -> bool:
    return len(s) == 12 and s.isdigit() and reference_check_digit(s[:11]) == int(s[11])


@pytest.mark.parametrize(
    "number", ["123456789018", "983205673214", "876543210989", "123456789000", "271828182840"]
)
def test_worked_examples_are_valid(number: str) -> None:
    assert my_number.problem(number) is None
    assert MyNumber(number).digits() == number


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("123456789012", "検査用数字"),
        ("", "入力してください"),
        ("12345678901", "12桁です（入力は11桁です）"),
        ("1234567890185", "入力は13桁"),
        ("12345678901a", "数字以外"),
    ],
)
def test_problems_are_named_in_japanese_without_echoing_digits(text: str, message: str) -> None:
    reason = my_number.problem(text)
    assert reason is not None and message in reason
    assert "1234" not in reason
    with pytest.raises(InvalidMyNumber) as raised:
        MyNumber(text)
    assert "1234" not in str(raised.value)


@pytest.mark.parametrize(
    "typed",
    [
        "１２３４５６７８９０１８",
        "1234-5678-9018",
        "1234 5678 9018",
        "１２３４　５６７８　９０１８",
        "1234ー5678ー9018",
        " 123456789018 ",
    ],
)
def test_full_width_grouped_and_hyphenated_input(typed: str) -> None:
    assert MyNumber(typed).digits() == "123456789018"


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_check_digit_matches_the_published_formula(base11: str) -> None:
    assert my_number.check_digit(base11) == reference_check_digit(base11)
    assert my_number.problem(base11 + str(reference_check_digit(base11))) is None


@given(
    st.text(alphabet="0123456789", min_size=11, max_size=11), st.integers(0, 11), st.integers(1, 9)
)
def test_every_single_digit_change_matches_a_direct_computation(
    base11: str, position: int, shift: int
) -> None:
    valid = base11 + str(reference_check_digit(base11))
    changed = valid[:position] + str((int(valid[position]) + shift) % 10) + valid[position + 1 :]
    assert (my_number.problem(changed) is None) == reference_is_valid(changed)


def test_text_forms_are_masked_everywhere() -> None:
    number = MyNumber("123456789018")
    for text in (
        str(number),
        repr(number),
        f"{number}",
        f"{number:>20}",
        "%s" % number,  # noqa: UP031 - the form logging uses
        str([number]),
        str({"n": number}),
    ):
        assert "1234" not in text and "9018" not in text
    assert str(number) == MASK
    assert number.grouped() == "1234 5678 9018"
    with pytest.raises(TypeError):
        pickle.dumps(number)


def test_a_number_logged_by_mistake_shows_only_the_mask(caplog) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("registering %s", MyNumber("123456789018"))
    assert MASK in caplog.text and "9018" not in caplog.text


@pytest.mark.parametrize(
    "number", ["7123456789012", "4011001098993", "2120901007402", "1180301018771"]
)
def test_corporate_number_examples(number: str) -> None:
    assert corporate_number.parse(number).digits == number


@pytest.mark.parametrize(
    ("text", "message"), [("5123456789012", "検査用数字"), ("712345678901", "13桁")]
)
def test_invalid_corporate_numbers(text: str, message: str) -> None:
    with pytest.raises(corporate_number.InvalidCorporateNumber, match=message):
        corporate_number.parse(text)


def test_workers_compensation_is_not_a_purpose_and_says_why() -> None:
    from app.domain import purposes

    assert "rousai" not in purposes.CATALOG
    with pytest.raises(ValueError, match="個人番号関係事務実施者ではありません"):
        purposes.purpose("rousai")
    for entry in purposes.CATALOG.values():
        assert entry.legal_basis.startswith("番号法第9条第4項")
        assert entry.person_kinds and entry.documents


@pytest.mark.parametrize(
    "typed", ["123456789018", "1234-5678-9018", "１２３４５６７８９０１８", "code 1234 5678 9018 x"]
)
def test_input_that_could_hold_a_number_is_never_quoted_back(typed: str) -> None:
    assert "9018" not in my_number.echo(typed) and "９０１８" not in my_number.echo(typed)
    assert my_number.echo("E0001") == "E0001"
    assert my_number.echo("2026-04-01") == "2026-04-01"


def test_import_problems_never_quote_a_number_typed_in_the_wrong_column() -> None:
    from app.domain.import_layout import check_row

    row = check_row(
        2,
        {
            "kind": "従業員",
            "code": "E1",
            "name": "山田",
            "kana": "ヤマダ",
            "birth_date": "123456789018",
            "purposes": "123456789018",
        },
    )
    assert row.problems and all("9018" not in p for p in row.problems)
