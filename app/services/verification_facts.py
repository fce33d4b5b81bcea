"""What a 本人確認記録 keeps beyond the document types (storage column `facts`, migration 0012),
built from the request the rules decided on: never a number, never an image."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app import errors
from app.domain.verification import (
    CATALOGUE,
    EMPLOYEE_FORMS,
    Assessment,
    Channel,
    Check,
    Holder,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services.guard import free_text
from storage.people_repo import PersonRecord

if TYPE_CHECKING:
    from app.services.verification import VerificationEntry

FALLBACK_REASON_MAX = 100


def stored_documents(used: Iterable[PresentedDocument]) -> list[dict[str, str]]:
    """Each document that served a check: type, holder, form, and what was confirmed on it (the
    expiry or issue date seen, the 通知カード's state). A document's own number is never kept."""
    out = []
    for item in used:
        entry = {
            "code": item.code,
            "holder": item.holder.value,
            "form": item.form.value,
            "expires_on": item.expires_on.isoformat() if item.expires_on else "",
            "issued_on": item.issued_on.isoformat() if item.issued_on else "",
        }
        if CATALOGUE[item.code].needs_unchanged_details and item.details_unchanged:
            entry["details"] = "endorsed" if item.endorsed_before_abolition else "unchanged"
        out.append(entry)
    return out


def _photos(request: VerificationRequest) -> dict[str, object]:
    """Whose photo was compared with whose face (in person only; by post there is no face)."""
    if request.channel is not Channel.IN_PERSON:
        return {}
    comparison = request.comparison
    answers = {
        Holder.PRINCIPAL: comparison.photo_matches_face,
        Holder.AGENT: comparison.agent_photo_matches_face,
    }
    photos: dict[str, object] = {}
    for holder, matches in answers.items():
        documents = sorted(
            {
                item.code
                for item in request.documents
                if item.holder is holder and CATALOGUE[item.code].has_photo
            },
            key=list(CATALOGUE).index,
        )
        if documents and matches is not None:
            photos[holder.value] = {"matches": matches, "documents": documents}
    return photos


def facts_for(
    request: VerificationRequest, result: Assessment, form: dict[str, object] | None
) -> dict[str, object]:
    comparison = request.comparison
    facts: dict[str, object] = {"purposes": sorted(request.purposes)}
    if form is not None:
        facts["employee_form"] = form
        return facts
    facts["comparison"] = {
        field.value: {"result": result_.value, "note": comparison.note(field)}
        for field in IdentityField
        if (result_ := comparison.result(field)) is not None
    }
    facts["comparison_needed"] = result.comparison_needed
    facts["photos"] = _photos(request)
    facts["fallback_reasons"] = {
        check.value: why
        for check, why in request.fallback_reasons
        if check in result.fallback_checks
    }
    return facts


def fallback_reasons(request: VerificationRequest) -> tuple[tuple[Check, str], ...]:
    return tuple(
        (check, free_text(why, "書類を出せなかった理由", limit=FALLBACK_REASON_MAX))
        for check, why in request.fallback_reasons
        if why.strip()
    )


def employee_form_facts(
    employee: PersonRecord | None, subject: Subject, entry: VerificationEntry
) -> dict[str, object] | None:
    """A dependant on the employee's form: the employee (by name, as now), the form, the year."""
    forms = EMPLOYEE_FORMS.get(subject)
    if forms is None:
        return None
    form = next((f for f in forms if f.code == entry.employee_form), None)
    if form is None:
        raise errors.InvalidInput(
            "番号が書かれていた従業員の申告書・届出書を選んでください（"
            + "、".join(f.name for f in forms)
            + "）。"
        )
    if form.yearly and entry.form_year is None:
        raise errors.InvalidInput(f"{form.name}が何年分のものかを選んでください。")
    year = entry.form_year
    if (
        form.yearly
        and year is not None
        and not (entry.verified_on.year - 2 <= year <= entry.verified_on.year + 1)
    ):
        raise errors.InvalidInput(f"{form.name}の年分が確認日から離れすぎています。")
    if employee is None:
        raise errors.InvalidInput("この扶養親族には従業員が結びついていません。")
    return {
        "code": form.code,
        "year": entry.form_year if form.yearly else None,
        "employee_id": employee.id,
        "employee_name": employee.name,
    }
