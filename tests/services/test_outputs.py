"""The outputs register (規程第35条): a copy with numbers is entered with its per-person events,
confirmed later, listed when overdue, exported only as an encrypted PDF, printed without
numbers; a bulk output needs a reason (保有規程第28条)."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from app import errors
from app.services import auth, forms, outputs, settings, staff
from reports import statutory_form
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, Office, add_member
from tests.services.test_forms import PAYER, _family, _slip, _text
from tests.services.test_numbers import ALL_SCOPES, NUMBER, OTHER, _events

YEAR, FORM = 2026, "gensen_choshu"


@pytest.fixture
def manager(office: Office):
    """The manager, with every scope, as in test_forms."""
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _print(session, copy: str = "tax_office", order: outputs.Order | None = None):
    if not hasattr(session, "_test_slip"):
        session._test_slip = _slip(*_family(session))
    return forms.render_output(session, YEAR, FORM, copy, [session._test_slip], PAYER, order=order)


def _count(office: Office, table: str) -> int:
    return office.manager.vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_tax_office_copy_is_registered_with_its_events(office: Office, manager) -> None:
    printed = _print(manager)
    (entry,) = outputs.entries(manager)
    row = entry.row
    assert row.id == printed.output_id and entry.number == "00001"
    assert (row.form, row.year, row.persons) == ("gensen_choshu/tax_office", 2026, 2)
    assert (row.destination, row.method, row.state) == ("税務署", "paper", "out")
    assert row.purpose == "源泉徴収事務" and row.made_by_name
    assert len(_events(office, "number.form_printed")) == 1
    assert len(_events(office, "output.registered")) == 1


def test_the_clerk_chooses_destination_and_method(office: Office, manager) -> None:
    _print(manager, "municipal", outputs.Order("社会保険労務士", "paper"))
    (entry,) = outputs.entries(manager)
    assert entry.row.destination == "社会保険労務士" and entry.row.persons == 3


def test_the_recipient_copy_is_not_registered(office: Office, manager) -> None:
    assert _print(manager, "recipient").output_id is None
    assert outputs.entries(manager) == []


def test_a_failed_drawing_leaves_neither_entry_nor_event(
    office: Office, manager, monkeypatch
) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(statutory_form, "render_tax_office", broken)
    with pytest.raises(RuntimeError):
        _print(manager)
    assert _count(office, "output_record") == 0
    assert _events(office, "number.form_printed") == []


def test_an_unknown_destination_opens_no_number(office: Office, manager) -> None:
    with pytest.raises(errors.InvalidInput, match="提出先"):
        _print(manager, order=outputs.Order("どこか"))
    assert _events(office, "number.form_printed") == []


def test_a_bulk_output_needs_a_reason_which_is_logged(office: Office, manager) -> None:
    settings.change(manager, "bulk_output_persons", "1")
    with pytest.raises(outputs.BulkReasonRequired) as refused:
        _print(manager)
    assert (refused.value.persons, refused.value.threshold) == (2, 1)
    assert _events(office, "number.form_printed") == []
    with pytest.raises(errors.InvalidInput, match="数字列"):
        outputs.checked(manager, outputs.Order("税務署", reason="番号 123456789012"), 2)
    _print(manager, order=outputs.Order("税務署", reason="年末調整の一括提出"))
    (event,) = _events(office, "output.bulk_reason")
    assert "年末調整の一括提出" in event[2]
    assert outputs.entries(manager)[0].row.reason == "年末調整の一括提出"


def test_an_output_is_confirmed_once_by_a_clerk(office: Office, manager) -> None:
    output_id = _print(manager).output_id
    assert output_id is not None
    entry = outputs.confirm(manager, output_id, "submitted")
    assert entry.row.state == "submitted" and entry.row.confirmed_by_name
    assert entry.row.confirmed_at == office.clock.now().isoformat(timespec="seconds")
    with pytest.raises(errors.InvalidInput, match="既に確認"):
        outputs.confirm(manager, output_id, "destroyed")
    with pytest.raises(errors.InvalidInput):
        outputs.confirm(manager, output_id, "out")
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert len(outputs.entries(auditor)) == 1  # the auditor reads the register
    with pytest.raises(errors.PermissionDenied):
        outputs.confirm(auditor, output_id, "returned")
    assert len(_events(office, "access.denied")) == 1


def test_unconfirmed_outputs_become_overdue(office: Office, manager) -> None:
    output_id = _print(manager).output_id
    assert outputs.overdue(manager) == []
    office.clock.advance(days=14)
    assert [e.row.id for e in outputs.overdue(manager)] == [output_id]
    assert output_id is not None
    outputs.confirm(manager, output_id, "submitted")
    assert outputs.overdue(manager) == []


def test_a_saved_pdf_is_encrypted_and_registered(office: Office, manager) -> None:
    printed = _print(manager)
    assert printed.output_id is not None
    locked, password = outputs.export_pdf(manager, printed.output_id, printed.pdf, "税理士")
    assert re.fullmatch(r"(\w{5}-){3}\w{5}", password)
    reader = pypdf.PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    assert NUMBER.encode() not in locked
    with pytest.raises(pypdf.errors.FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert reader.decrypt("wrong") == pypdf.PasswordType.NOT_DECRYPTED
    opened = pypdf.PdfReader(io.BytesIO(locked), password=password)
    encrypt = opened.trailer["/Encrypt"]
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0's R6 handler
    assert NUMBER in "".join("".join(p.extract_text().split()) for p in opened.pages)
    latest = outputs.entries(manager)[-1].row
    assert (latest.method, latest.destination, latest.persons) == ("pdf", "税理士", 2)
    assert len(_events(office, "number.form_exported")) == 2
    assert password not in "".join(map(str, manager.vault.conn.execute("SELECT * FROM audit_log")))


def test_the_register_pdf_carries_no_number(office: Office, manager) -> None:
    _print(manager, order=outputs.Order("社会保険労務士"))
    text = _text(outputs.register_pdf(manager))
    assert "持出し・出力記録" in text and "社会保険労務士" in text and "00001" in text
    assert NUMBER not in text and OTHER not in text
    assert not re.search(r"\d{12}", text)
    assert "山田" not in text
    assert len(_events(office, "output.register_printed")) == 1


def test_an_output_made_as_pdf_is_saved_once_under_its_own_entry(office: Office, manager) -> None:
    printed = _print(manager, order=outputs.Order("税務署", "pdf"))
    assert printed.output_id is not None
    outputs.export_pdf(manager, printed.output_id, printed.pdf)
    (entry,) = outputs.entries(manager)
    assert entry.row.method == "pdf" and entry.row.saved_at is not None
    # A second save is a further export with an entry of its own.
    outputs.export_pdf(manager, printed.output_id, printed.pdf)
    assert [e.row.method for e in outputs.entries(manager)] == ["pdf", "pdf"]


def test_the_dashboard_lists_overdue_outputs_to_those_who_handle_numbers(
    office: Office, manager
) -> None:
    from app.services import dashboard

    output_id = _print(manager).output_id
    assert dashboard.summary(manager).outputs_overdue == ()
    settings.change(manager, "output_confirm_days", "3")
    office.clock.advance(days=3)
    assert dashboard.summary(manager).outputs_overdue == (output_id,)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert dashboard.summary(auditor).outputs_overdue is None
