"""A 本人確認記録 as people read it, on screen and on paper: who provided the number and how,
what each check rested on, each compared field as 一致／相違, whose photo was compared, the
expiry seen, the purposes, and for a dependant on the employee's form, which employee and which
form. Records made before these facts were kept (issue 15) read as they always did."""

from __future__ import annotations

from datetime import date

from app.domain.display_dates import japanese_day
from app.domain.purposes import CATALOG
from app.domain.retention import era_year
from app.domain.verification import (
    CATALOGUE,
    EXEMPTIONS,
    Channel,
    Check,
    FieldResult,
    Form,
    Holder,
    IdentityField,
    Outcome,
    Provider,
    means_name,
)
from app.domain.verification.documents import NOT_AN_ID
from app.domain.verification.requirements import employee_form
from storage.verification_repo import VerificationRow

PROVIDER_SHORT = {
    Provider.SELF: "本人",
    Provider.VOLUNTARY_AGENT: "任意代理人",
    Provider.LEGAL_AGENT: "法定代理人",
}
CARD_ALONE = "—（個人番号カード1枚での確認のため、書類どうしの照合は要りません）"
BY_EMPLOYEE = "—（従業員が確認）"
PHOTO_WORDS = {True: "一致", False: "一致しない"}
USUAL_DOCUMENT = {
    Check.IDENTITY.value: "顔写真付きの身分証明書を出せなかった理由",
    Check.AGENT_IDENTITY.value: "代理人が顔写真付きの身分証明書を出せなかった理由",
    Check.AUTHORITY.value: "委任状・戸籍謄本などを出せなかった理由",
}


def by_employee(row: VerificationRow) -> bool:
    return row.outcome == Outcome.VERIFIED_BY_EMPLOYEE.value


def _form_text(facts: dict[str, object]) -> str:
    """「給与所得者の扶養控除等（異動）申告書（令和8年分）」 from the stored form facts."""
    form = facts.get("employee_form")
    if not isinstance(form, dict):
        return ""
    name = employee_form(str(form["code"])).name
    year = form.get("year")
    return f"{name}（{era_year(int(year))}分）" if isinstance(year, int) else name


def dependant_of_text(row: VerificationRow) -> str:
    form = row.facts.get("employee_form")
    if not isinstance(form, dict):
        return ""
    return f"従業員 {form.get('employee_name', '')} の扶養親族"


def provider_text(row: VerificationRow) -> str:
    if by_employee(row):
        form = row.facts.get("employee_form")
        if isinstance(form, dict):
            return f"従業員　{form.get('employee_name', '')}"
        return "従業員"
    return provider_line(Provider(row.provider), row.agent_name, row.agent_relation)


def provider_line(provider: Provider, agent_name: str, relation: str) -> str:
    """「本人」, or 「任意代理人　山田 太郎（夫）」: the agent's name once."""
    if not provider.is_agent or not agent_name:
        return PROVIDER_SHORT[provider]
    tail = f"（{relation}）" if relation else ""
    return f"{PROVIDER_SHORT[provider]}　{agent_name}{tail}"


def channel_text(row: VerificationRow) -> str:
    if by_employee(row):
        form = _form_text(row.facts)
        return f"従業員が提出した{form}に記載" if form else "従業員が提出した申告書・届出書に記載"
    return Channel(row.channel).label


def purposes_text(row: VerificationRow) -> str:
    codes = row.facts.get("purposes")
    if not isinstance(codes, list) or not codes:
        return "—（記録なし）"
    return "、".join(CATALOG[c].short_name for c in CATALOG if c in codes)


def fields_text(row: VerificationRow) -> str:
    """「氏名：一致、生年月日：一致、住所：相違（旧住所）」; older records 「氏名・生年月日（一致）」."""
    comparison = row.facts.get("comparison")
    if isinstance(comparison, dict):
        parts = []
        for field in IdentityField:
            entry = comparison.get(field.value)
            if not isinstance(entry, dict):
                continue
            note = str(entry.get("note", ""))
            result = FieldResult(str(entry["result"])).label
            parts.append(f"{field.label}：{result}" + (f"（{note}）" if note else ""))
        if parts:
            return "、".join(parts)
        if row.facts.get("comparison_needed") is False:
            return CARD_ALONE
        return "—"
    fields = [IdentityField(value).label for value in row.fields_compared]
    if not fields:
        return BY_EMPLOYEE if by_employee(row) else "—"
    return "・".join(fields) + "（一致）"


def photo_text(row: VerificationRow) -> str:
    """Whose photo was compared with whose face, in person: 「本人：一致（個人番号カード）」."""
    photos = row.facts.get("photos")
    if not row.facts:
        return "—（記録なし）"
    if not isinstance(photos, dict) or not photos:
        if row.channel != Channel.IN_PERSON.value:
            return "—（対面ではないため、顔写真と顔の照合はしていません）"
        return "—（顔写真付きの書類は使っていません）"
    parts = []
    for holder in Holder:
        entry = photos.get(holder.value)
        if not isinstance(entry, dict) or entry.get("matches") is None:
            continue
        names = "・".join(CATALOGUE[c].name for c in entry.get("documents", []))
        whose = names or f"{holder.label}の書類"
        result = PHOTO_WORDS[bool(entry["matches"])]
        parts.append(f"{holder.label}：{whose}の顔写真と、来た{holder.label}の顔を見比べて{result}")
    return "／".join(parts) or "—"


def _validity(item: dict[str, str]) -> str:
    doc = CATALOGUE[item["code"]]
    if not doc.physical:
        return "—"
    if "expires_on" not in item:
        return "—（記録なし）"
    if item["expires_on"]:
        return f"{japanese_day(item['expires_on'], weekday=False)}まで（期限内を確認）"
    if doc.issued_from is not None and item.get("issued_on"):
        return f"交付日 {japanese_day(item['issued_on'], weekday=False)}（確認済み）"
    if doc.needs_unchanged_details:
        return {
            "endorsed": "2020年5月25日より前の変更の裏書きあり・今の住民票と同じ",
            "unchanged": "記載事項に変更なし（今の住民票と同じ）",
        }.get(item.get("details", ""), "—")
    return "有効期限の記載なし"


def _holder(item: dict[str, str]) -> str:
    """A 委任状 or a 戸籍謄本 is no one's ID: no holder is named for it."""
    doc = CATALOGUE[item["code"]]
    if doc.kinds & NOT_AN_ID:
        return "—"
    return Holder(item["holder"]).label


def document_rows(row: VerificationRow) -> list[tuple[str, str, str, str]]:
    """(種類, 持ち主, 原本・写し, 有効期限など) for each document seen, as printed."""
    lines = []
    for item in row.documents:
        doc = CATALOGUE[item["code"]]
        form = Form(item["form"]).short_label if doc.physical else "—"
        lines.append((doc.name, _holder(item), form, _validity(item)))
    return lines


def document_lines(row: VerificationRow) -> list[tuple[str, str, str]]:
    """(種類, 持ち主, 原本・写し) for each document seen (the request papers list them)."""
    return [line[:3] for line in document_rows(row)]


def check_lines(row: VerificationRow) -> list[tuple[str, str]]:
    """(確認, 何で確かめたか) for each check; the form of each paper is in the document list,
    so no 「（写し（コピー））」 is nested in a name here."""
    reasons = row.facts.get("fallback_reasons")
    reasons = reasons if isinstance(reasons, dict) else {}
    lines = []
    for check in Check:
        codes = row.checks.get(check.value)
        if codes is None:
            continue
        names = []
        for code in codes:
            if code in EXEMPTIONS:
                names.append(f"{EXEMPTIONS[code].name}（{EXEMPTIONS[code].basis}）")
            else:
                names.append(means_name(code))
        text = "、".join(names)
        if reasons.get(check.value):
            text += f"（{USUAL_DOCUMENT[check.value]}：{reasons[check.value]}）"
        lines.append((check.label, text))
    return lines


def verified_on_text(row: VerificationRow) -> str:
    return japanese_day(date.fromisoformat(row.verified_on), weekday=False)
