"""Review attack: a failure between a change and its audit event leaves neither, for the
services merged today (year-end slips, the 支払調書 output, consignee certificates, training)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.domain.year_end import FEES
from app.services import audit, consignee_certificates, outputs, payment_forms, training
from app.session import Session
from tests.conftest import Office
from tests.services.test_consignees import PNG, _active
from tests.services.test_other_forms import PAYER, _fees, _payee, manager

__all__ = ["manager"]


class _Cut(Exception):
    """The fault injected between the change and its event."""


_TABLES = (
    "year_end_entry",
    "audit_log",
    "consignee_certificate",
    "training_session",
    "training_attendee",
    "output_record",
    "output_person",
)


def _tables(session: Session) -> dict[str, int]:
    conn = session.vault.conn
    return {name: conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in _TABLES}


def _cut_at(monkeypatch: pytest.MonkeyPatch, module: object, name: str, after: str) -> None:
    """Make module.name raise once the event `after` is about to be written (or at once)."""
    real = getattr(module, name)

    def cut(*args: object, **kwargs: object) -> object:
        if not after or after in map(str, args) or after in map(str, kwargs.values()):
            raise _Cut(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, cut)


def _save(session: Session, payee_id: int, _tmp: Path) -> Callable[[], object]:
    return lambda: payment_forms.save(session, _fees(payee_id))


def _print(session: Session, payee_id: int, _tmp: Path) -> Callable[[], object]:
    payment_forms.save(session, _fees(payee_id))
    return lambda: payment_forms.render_tax_office(session, 2026, FEES, [_fees(payee_id)], PAYER)


def _certificate(session: Session, _payee_id: int, tmp: Path) -> Callable[[], object]:
    consignee = _active(session)
    path = tmp / "cert.png"
    path.write_bytes(PNG)
    return lambda: consignee_certificates.add_certificate(
        session, consignee, path, received_on=date(2026, 11, 1), description="削除証明書"
    )


def _training(session: Session, _payee_id: int, _tmp: Path) -> Callable[[], object]:
    people = training.attendee_choices(session)
    return lambda: training.record(
        session, held_on=date(2026, 11, 1), title="年末調整の研修", attendees=people
    )


@pytest.mark.parametrize(
    ("prepare", "cut"),
    [
        (_save, (audit, "record", "")),
        (_print, (audit, "record_all", "")),
        (_print, (outputs, "register", "")),
        (_certificate, (audit, "record", "consignee.certificate_added")),
        (_training, (audit, "record", "training.recorded")),
    ],
    ids=["slip-save", "fees-print-event", "fees-print-register", "certificate", "training"],
)
def test_a_cut_before_the_event_leaves_no_change(
    office: Office,
    manager: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    prepare: Callable[[Session, int, Path], Callable[[], object]],
    cut: tuple[object, str, str],
) -> None:
    payee = _payee(manager)
    act = prepare(manager, payee.id, tmp_path)
    before = _tables(manager)
    _cut_at(monkeypatch, *cut)
    with pytest.raises(_Cut):
        act()
    assert _tables(manager) == before
