"""One person's year on the 給与所得の源泉徴収票: the amounts and facts the clerk types (or a
payroll import provides), and which box of the form each goes in.

The numbers are not held here: the service opens them from the vault for the copies that carry
them, hands them to the renderer and lets them go (numbers_by_box)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from app.domain.year_end import MAX_YEN

FORM = "gensen_choshu"
FORM_LABELS = {FORM: "給与所得の源泉徴収票"}
# Paper: two slips enlarged to A5 on A4 landscape (as the NTA's PDF), four true-size A6 slips
# on A4 with crop marks, one A6 slip a page, or only the values onto pre-printed forms (A5
# slips, two on A4 landscape, as the purchased 専用用紙 are sold).
A4_TWO_UP = "a4_two_up"
A4_FOUR_UP = "a4_four_up"
A6 = "a6"
PREPRINTED = "preprinted_a4"
SHEETS = (A4_TWO_UP, A4_FOUR_UP, A6, PREPRINTED)
# The sheet each paper is drawn on (reports.form_sheets) and whether only values are printed.
DRAWING = {
    A4_TWO_UP: (A4_TWO_UP, False),
    A4_FOUR_UP: (A4_FOUR_UP, False),
    A6: (A6, False),
    PREPRINTED: (A4_TWO_UP, True),
}
TAX_OFFICE = "tax_office"
MUNICIPAL = "municipal"
RECIPIENT = "recipient"
COPY_LABELS = {
    TAX_OFFICE: "税務署提出用",
    MUNICIPAL: "給与支払報告書（個人別明細書）",
    RECIPIENT: "受給者交付用",
}
PURPOSE = "tax_withholding"
SPOUSE = "配偶者"
# Rows the form has for named dependants. The 5th and later are named in (摘要) after a
# bracketed number, and their numbers are written in (備考) after the same number (手引
# 「(備考)」欄, FORMS.md §1.1): the 控除対象扶養親族 in its upper part (税務署提出用 and
# 給与支払報告書), the 16歳未満 (marked 「(年少)」 in (摘要), as a municipal 記入例 does) in its
# lower part (給与支払報告書 only). (備考) holds four of the first and three of the second.
DEPENDANT_ROWS = 4
EXTRA_DEPENDANTS = 4
EXTRA_UNDER_16 = 3
NOTES_DEPENDANTS = "notes_upper"
NOTES_UNDER_16 = "notes_lower"


class InvalidSlip(ValueError):
    """Slip content the form cannot take; the message is for the clerk."""


# Amount boxes of the form, by box id (reports/form_layout, resources/forms/gensen_choshu).
AMOUNT_FIELDS = (
    "payment",
    "income_after_deduction",
    "deductions_total",
    "tax",
    "spouse_deduction",
    "specified_relative_deduction",
    "social_insurance",
    "life_insurance",
    "earthquake_insurance",
    "housing_loan",
    "basic_deduction",
    "income_adjustment",
    "spouse_income",
    "national_pension",
    "life_new",
    "life_old",
    "care_medical",
    "pension_new",
    "pension_old",
    "old_long_term",
)


@dataclass(frozen=True)
class Relative:
    """A spouse or dependant as named on the slip; person_id links their number, if held."""

    name: str
    kana: str = ""
    person_id: int | None = None
    category: str = ""  # 区分


@dataclass(frozen=True)
class Payer:
    name: str
    address: str = ""
    phone: str = ""
    # 法人番号 (13 digits); an individual payer's 個人番号 is not supported in this slice.
    corporate_number: str = ""


@dataclass(frozen=True)
class PersonYear:
    """The slip's content for one employee and year. Amounts are whole yen, never negative."""

    person_id: int
    year: int
    amounts: Mapping[str, int]
    kind: str = "給与・賞与"
    address: str = ""
    position: str = ""
    employee_code: str = ""
    spouse: Relative | None = None
    dependants: tuple[Relative, ...] = ()
    under_16: tuple[Relative, ...] = ()
    remarks: str = ""
    # Any other box of the form by id (counts, marks, dates), as printed.
    other: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, value in self.amounts.items():
            if key not in AMOUNT_FIELDS:
                raise InvalidSlip(f"源泉徴収票に「{key}」の金額欄はありません。")
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEN:
                raise InvalidSlip("金額は0以上、10桁までの整数（円）で入力してください。")
        if (
            len(self.dependants) > DEPENDANT_ROWS + EXTRA_DEPENDANTS
            or len(self.under_16) > DEPENDANT_ROWS + EXTRA_UNDER_16
        ):
            raise InvalidSlip(
                "扶養親族が多く、摘要・備考欄に書ききれません"
                f"（控除対象扶養親族は{DEPENDANT_ROWS + EXTRA_DEPENDANTS}人、"
                f"16歳未満は{DEPENDANT_ROWS + EXTRA_UNDER_16}人まで）。"
            )


def box_values(slip: PersonYear, name: str, kana: str, payer: Payer) -> dict[str, str]:
    """Every value of the slip but the numbers, by box id: what any copy may show."""
    values: dict[str, str] = {
        "name": name,
        "kana": kana,
        "address": slip.address,
        "position": slip.position,
        "employee_code": slip.employee_code,
        "kind": slip.kind,
        "remarks": slip.remarks,
        "payer_name": payer.name,
        "payer_address": payer.address,
        "payer_phone": payer.phone,
    }
    values.update({key: str(amount) for key, amount in slip.amounts.items()})
    named = extra_names(slip)
    if named:
        values["remarks"] = "\n".join(line for line in (slip.remarks, named) if line)
    if slip.spouse is not None:
        values["spouse_name"] = slip.spouse.name
        values["spouse_kana"] = slip.spouse.kana
        values["spouse_class"] = slip.spouse.category
    for index, relative in enumerate(slip.dependants[:DEPENDANT_ROWS], start=1):
        values[f"dependant{index}_name"] = relative.name
        values[f"dependant{index}_kana"] = relative.kana
        values[f"dependant{index}_class"] = relative.category
    for index, relative in enumerate(slip.under_16[:DEPENDANT_ROWS], start=1):
        values[f"under16_{index}_name"] = relative.name
        values[f"under16_{index}_kana"] = relative.kana
        values[f"under16_{index}_class"] = relative.category
    values.update(slip.other)
    return {key: value for key, value in values.items() if value}


def number_boxes(slip: PersonYear, *, with_under_16: bool) -> dict[str, int]:
    """The number box of each person whose number the copy carries: box id -> person id."""
    boxes = {"number": slip.person_id}
    if slip.spouse is not None and slip.spouse.person_id is not None:
        boxes["spouse_number"] = slip.spouse.person_id
    for index, relative in enumerate(slip.dependants[:DEPENDANT_ROWS], start=1):
        if relative.person_id is not None:
            boxes[f"dependant{index}_number"] = relative.person_id
    if with_under_16:
        for index, relative in enumerate(slip.under_16[:DEPENDANT_ROWS], start=1):
            if relative.person_id is not None:
                boxes[f"under16_{index}_number"] = relative.person_id
    return boxes


def _extras(slip: PersonYear) -> tuple[list[tuple[int, Relative]], list[tuple[int, Relative]]]:
    """The dependants after the form's rows with the bracketed number each is written under:
    one sequence from (5), the 控除対象扶養親族 first, then the 16歳未満, so that every number
    in (備考) points at one name in (摘要)."""
    older = slip.dependants[DEPENDANT_ROWS:]
    younger = slip.under_16[DEPENDANT_ROWS:]
    first = DEPENDANT_ROWS + 1
    return (
        list(enumerate(older, start=first)),
        list(enumerate(younger, start=first + len(older))),
    )


def extra_names(slip: PersonYear) -> str:
    """The (摘要) line naming the 5th and later dependants, e.g. 「(5)山田 五郎　(6)山田 春子(年少)」
    (an ideographic space between them; a 16歳未満 marked 「(年少)」). Names only: every copy
    may show it."""
    older, younger = _extras(slip)
    parts = [f"({n}){relative.name}" for n, relative in older]
    parts += [f"({n}){relative.name}(年少)" for n, relative in younger]
    return "\u3000".join(parts)


def extra_numbers(slip: PersonYear, *, with_under_16: bool) -> dict[str, list[tuple[int, int]]]:
    """Whose numbers go in (備考): box id -> [(bracketed number, person id)], for the copies
    that carry numbers; the 16歳未満 only on the 給与支払報告書 (with_under_16)."""
    older, younger = _extras(slip)
    notes: dict[str, list[tuple[int, int]]] = {}
    numbered = [(n, r.person_id) for n, r in older if r.person_id is not None]
    if numbered:
        notes[NOTES_DEPENDANTS] = numbered
    if with_under_16:
        numbered = [(n, r.person_id) for n, r in younger if r.person_id is not None]
        if numbered:
            notes[NOTES_UNDER_16] = numbered
    return notes


def notes_text(entries: list[tuple[int, str]]) -> str:
    """(備考) as written: each bracketed number on a line, the 12 digits on the next."""
    return "\n".join(f"({n})\n{digits}" for n, digits in entries)


@dataclass(frozen=True)
class FamilyMember:
    """A registered dependant of the employee, as the slip needs them."""

    person_id: int
    name: str
    kana: str
    relation: str
    birth_date: date | None
    has_number: bool


def is_under_16(birth_date: date | None, year: int) -> bool:
    """Under 16 on 31 December of the year (年齢計算ニ関スル法律: a year older the day before
    the birthday), i.e. born on or after 2 January fifteen years before: for 令和8年分,
    on or after 平成23年1月2日."""
    return birth_date is not None and birth_date >= date(year - 15, 1, 2)


def family_rows(
    family: list[FamilyMember], year: int
) -> tuple[Relative | None, tuple[Relative, ...], tuple[Relative, ...]]:
    """(spouse, dependants of 16 or over, dependants under 16) in registration order. Whether
    each is a 控除対象 for the year is the clerk's judgement, checked on the preview."""
    spouse: Relative | None = None
    older: list[Relative] = []
    younger: list[Relative] = []
    for member in family:
        relative = Relative(
            member.name, member.kana, member.person_id if member.has_number else None
        )
        if member.relation == SPOUSE and spouse is None:
            spouse = relative
        elif is_under_16(member.birth_date, year):
            younger.append(relative)
        else:
            older.append(relative)
    return spouse, tuple(older), tuple(younger)
