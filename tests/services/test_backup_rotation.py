"""Backups kept for N generations: older ones the program wrote are destroyed, one out of reach
becomes a dashboard task, and a deletion record says when each backup holding the number goes."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.services import backup, corrections, dashboard, deletion, numbers, people, settings, staff
from tests.conftest import MANAGER_PASSWORD, Office


def _backups(office: Office, folder: Path, count: int) -> list[Path]:
    made = []
    for _ in range(count):
        office.clock.advance(minutes=1)
        made.append(backup.make_backup(office.manager, folder).path)
    return made


def test_rotation_keeps_the_newest_generations_and_destroys_the_rest(
    office: Office, tmp_path: Path
) -> None:
    manager = office.manager
    settings.change(manager, "backup_generations", "2")
    made = _backups(office, tmp_path / "usb", 4)
    assert [p.exists() for p in made] == [False, False, True, True]
    actions = [r[0] for r in manager.vault.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("backup.destroyed") == 2
    assert backup.overdue(manager) == []


def test_a_backup_out_of_reach_is_a_task_until_destroyed_by_hand(
    office: Office, tmp_path: Path
) -> None:
    manager = office.manager
    settings.change(manager, "backup_generations", "1")
    (first,) = _backups(office, tmp_path / "usb", 1)
    moved = tmp_path / "elsewhere" / first.name
    moved.parent.mkdir()
    first.rename(moved)  # the USB drive is not plugged in
    _backups(office, tmp_path / "usb", 1)
    (overdue,) = backup.overdue(manager)
    assert overdue.file_name == first.name
    assert dashboard.summary(manager).backups_overdue == (
        (overdue.id, f"{first.name}（{tmp_path / 'usb'}）"),
    )
    backup.confirm_destroyed(manager, overdue.id)
    assert backup.overdue(manager) == [] and dashboard.summary(manager).backups_overdue == ()


def test_a_deletion_record_says_when_each_backup_holding_the_number_goes(
    office: Office, tmp_path: Path
) -> None:
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", ["purpose:tax_withholding", "kind:employee"])
    settings.change(manager, "backup_generations", "3")
    settings.change(manager, "two_person_rule", "off")
    person = people.register_employee(
        manager,
        code="E001",
        name="退職 一郎",
        kana_text="タイショク イチロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, person.id, "123456789018", "123456789018", ["tax_withholding"])
    corrections.retire(manager, person.id, date(2016, 3, 31), "自己都合退職")
    _backups(office, tmp_path / "usb", 2)
    run = deletion.propose(manager, [person.id])
    deletion.approve(manager, run.id, MANAGER_PASSWORD, single_person_reason="一人の事業所")
    deletion.execute(manager, run.id)
    (record,) = deletion.run_records(manager, run.id)
    assert len(record.backups) == 2

    def certificate() -> str:
        pdf = deletion.certificate_pdf(manager, record.id)
        return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)

    # Made a minute apart on 2026-11-23; the next backup is due a week after (the interval).
    text = certificate()
    assert "2026年11月23日09:01" in text and "あと2回の作成で消去（2026年12月7日頃）" in text
    assert "2026年11月23日09:02" in text and "あと3回の作成で消去（2026年12月14日頃）" in text
    _backups(office, tmp_path / "usb", 2)
    text = certificate()
    assert "2026年11月23日消去済み" in text and "あと1回の作成で消去" in text
