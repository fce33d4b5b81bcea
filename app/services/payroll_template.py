"""The payroll import's template: the headers it recognises at once and one example row for
the people template's example employee (app.services.importing.TEMPLATE_EXAMPLE), so a new
user can try the whole year-end with the two templates."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from app.domain.payroll_fields import FIELDS
from app.services.importing import TEMPLATE_EXAMPLE as TEMPLATE_PERSON

# The people template's example employee (app.services.importing.TEMPLATE_EXAMPLE), so a new
# user can try the whole year-end with the two templates.
TEMPLATE_EXAMPLE: Mapping[str, str] = {
    "code": TEMPLATE_PERSON["code"],
    "name": TEMPLATE_PERSON["name"],
    "payment": "5,000,000",
    "income_after_deduction": "3,560,000",
    "deductions_total": "1,470,000",
    "tax": "113,800",
    "social_insurance": "750,000",
    "life_insurance": "40,000",
    "earthquake_insurance": "0",
    "basic_deduction": "680,000",
    "dependants_count": "0",
    "under16_count": "0",
    "officer": "",
    "otsu": "",
    "left_on": "",
    "no_adjustment": "",
}
TEMPLATE_FIELDS = (
    "code",
    "name",
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
    "dependants_count",
    "under16_count",
    "officer",
    "otsu",
    "left_on",
    "no_adjustment",
)


def template_csv() -> bytes:
    """Japanese headers of the template layout and the example employee's row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([FIELDS[name] for name in TEMPLATE_FIELDS])
    writer.writerow([TEMPLATE_EXAMPLE.get(name, "") for name in TEMPLATE_FIELDS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
