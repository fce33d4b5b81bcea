"""Backups kept for N generations: older ones the program wrote are destroyed, one out of reach
becomes a dashboard task, and a deletion record says when each backup holding the number goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    backups = backup.backup_repo.all_backups(manager.vault.conn)
    texts = [backup.remaining_text(backups, b["file_name"], 3) for b in record.backups]
    assert texts == [
        "あと2回バックアップを作ると世代交代で削除",
        "あと3回バックアップを作ると世代交代で削除",
    ]
    _backups(office, tmp_path / "usb", 2)
    backups = backup.backup_repo.all_backups(manager.vault.conn)
    assert backup.remaining_text(backups, record.backups[0]["file_name"], 3).endswith("削除済み")
