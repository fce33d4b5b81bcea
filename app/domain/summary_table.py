"""The 給与所得の源泉徴収票等の法定調書合計表 of a year, summed from the stored year-end entries:
per form, everyone paid (人員・支払金額・源泉徴収税額) and those whose slip must be submitted
(the same plus 提出枚数).

Which slip must be submitted is the submission rules' decision (提出範囲, FORMS.md §2.2, §3, §4,
§5); it comes in as `required`, so this module only counts. People are counted once per form
however many slips they have; amounts are the sums of their slips."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain.year_end import FEES, RENT, RETIREMENT, SALARY, YearEndEntry

# The sections in the order of the form, with the box-id prefix of each.
SECTIONS = ((SALARY, "salary"), (RETIREMENT, "retirement"), (FEES, "fees"), (RENT, "rent"))
_RETIREMENT_ROWS = ("general", "officer_short", "no_declaration")


@dataclass(frozen=True)
class Row:
    people: int = 0
    payment: int = 0
    tax: int = 0
    slips: int = 0
    # 「左のうち、源泉徴収税額のない者」: people whose tax for the year is 0 (not for 不動産).
    without_tax: int = 0


@dataclass(frozen=True)
class Section:
    total: Row
    submitted: Row


@dataclass(frozen=True)
class SummaryTable:
    year: int
    sections: dict[str, Section]

    def box_values(self) -> dict[str, str]:
        """The values by box id of resources/forms/gokeihyo (blank where nobody was paid)."""
        values: dict[str, str] = {}
        for form, prefix in SECTIONS:
            section = self.sections[form]
            for name, row in (("total", section.total), ("submitted", section.submitted)):
                if not row.people:
                    continue
                values[f"{prefix}_{name}_people"] = str(row.people)
                values[f"{prefix}_{name}_payment"] = str(row.payment)
                if form != RENT:
                    values[f"{prefix}_{name}_tax"] = str(row.tax)
                if name == "submitted":
                    values[f"{prefix}_{name}_slips"] = str(row.slips)
                elif form == SALARY:
                    values[f"{prefix}_{name}_no_tax"] = str(row.without_tax)
        return values


def payment_of(entry: YearEndEntry) -> int:
    if entry.form == RETIREMENT:
        return sum(entry.amounts.get(f"{row}_payment", 0) for row in _RETIREMENT_ROWS)
    return entry.amounts.get("payment", 0)


def tax_of(entry: YearEndEntry) -> int:
    if entry.form == RETIREMENT:
        return sum(entry.amounts.get(f"{row}_tax", 0) for row in _RETIREMENT_ROWS)
    if entry.form == RENT:
        return 0
    return entry.amounts.get("tax", 0)


def _row(entries: list[YearEndEntry]) -> Row:
    tax_by_person: dict[int, int] = {}
    for entry in entries:
        tax_by_person[entry.person_id] = tax_by_person.get(entry.person_id, 0) + tax_of(entry)
    return Row(
        people=len(tax_by_person),
        payment=sum(payment_of(entry) for entry in entries),
        tax=sum(tax_by_person.values()),
        slips=len(entries),
        without_tax=sum(
            1
            for pid, tax in tax_by_person.items()
            if not tax and not any(e.form == RENT for e in entries if e.person_id == pid)
        ),
    )


def summarize(
    year: int, entries: Iterable[YearEndEntry], required: Callable[[YearEndEntry], bool]
) -> SummaryTable:
    """The table of the year from its entries (other years' and other forms' are ignored)."""
    by_form: dict[str, list[YearEndEntry]] = {form: [] for form, _prefix in SECTIONS}
    for entry in entries:
        if entry.year == year and entry.form in by_form:
            by_form[entry.form].append(entry)
    return SummaryTable(
        year,
        {
            form: Section(_row(chosen), _row([entry for entry in chosen if required(entry)]))
            for form, chosen in by_form.items()
        },
    )
