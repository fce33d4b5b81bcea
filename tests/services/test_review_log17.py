"""Review of the access-log analysis and its audit report (#17): attacks that an earlier
version failed (acknowledgements, a tampered log, the command line's files)."""

from __future__ import annotations

import errno
import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest

from app import commands_records, errors
from app.domain.log_rules import BURST
from app.services import (
    audit,
    audit_report,
    auth,
    log_analysis,
    settings,
)
from app.session import Session
from storage import audit_repo, log_analysis_repo
from tests.conftest import (
    CLERK_PASSWORD,
    JST,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
    run_cli,
)


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return "".join(page.extract_text() or "" for page in pages).replace("\n", "")


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _reveal(office: Office, session: Session, at: datetime) -> None:
    office.clock._now = at
    with session.vault.write() as writer:
        audit.record(writer, session, "number.revealed", target="person:1")


def _denials(office: Office) -> list[str]:
    return [
        e.detail
        for e in audit_repo.entries(office.manager.vault.conn)
        if e.action == "access.denied"
    ]


@pytest.fixture
def flagged(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    clerk = _sign_in(office, "tanto", CLERK_PASSWORD)
    _reveal(office, clerk, datetime(2026, 12, 1, 22, 0, tzinfo=JST))
    clerk.close()
    supervisor = _sign_in(office, "sekinin", SUPERVISOR_PASSWORD)
    _reveal(office, supervisor, datetime(2026, 12, 2, 23, 0, tzinfo=JST))
    supervisor.close()
    office.clock._now = datetime(2026, 12, 3, 9, 0, tzinfo=JST)
    return office


def test_an_acknowledgement_note_never_holds_a_number_however_grouped(flagged: Office) -> None:
    (flag, _) = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    for note in ("本人 1234/5678/9018 を確認", "（1234）5678，9018", "1234_5678_9018"):
        with pytest.raises(errors.InvalidInput, match="数字の並び") as caught:
            log_analysis.acknowledge(flagged.manager, flag, note)
        assert "5678" not in str(caught.value)
    assert not log_analysis_repo.acknowledgements(flagged.manager.vault.conn)


def test_only_a_flag_the_log_raises_can_be_acknowledged(flagged: Office) -> None:
    (flag, _) = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    # A flag made up by the caller: a day nothing happened, or a changed member.
    for forged in (
        replace(flag, at="2026-12-05T22:00:00+09:00"),
        replace(flag, actor_name="kanri"),
        replace(flag, at="not a time"),
    ):
        with pytest.raises(errors.InvalidInput, match="見つかりません"):
            log_analysis.acknowledge(flagged.manager, forged, "前もって確認済みにする")
    assert not log_analysis_repo.acknowledgements(flagged.manager.vault.conn)
    assert log_analysis.acknowledge(flagged.manager, flag, "残業。本人に確認").key == flag.key


def test_a_burst_over_midnight_can_be_acknowledged(flagged: Office) -> None:
    settings.change(flagged.manager, "reveal_burst_count", "4")
    settings.change(flagged.manager, "reveal_burst_minutes", "10")
    clerk = _sign_in(flagged, "tanto", CLERK_PASSWORD)
    for minute in (56, 58):
        _reveal(flagged, clerk, datetime(2026, 12, 1, 23, minute, tzinfo=JST))
    for minute in (0, 2):
        _reveal(flagged, clerk, datetime(2026, 12, 2, 0, minute, tzinfo=JST))
    clerk.close()
    flagged.clock._now = datetime(2026, 12, 3, 9, 0, tzinfo=JST)
    flags = log_analysis.analyse(flagged.manager, date(2026, 11, 30), date(2026, 12, 2)).flags
    (burst,) = [f for f in flags if f.rule == BURST]
    assert log_analysis.acknowledge(flagged.manager, burst, "一斉確認の作業").key == burst.key


def test_nobody_acknowledges_a_flag_about_their_own_actions(flagged: Office) -> None:
    flags = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    own = next(f for f in flags if f.actor_name == "sekinin")
    supervisor = _sign_in(flagged, "sekinin", SUPERVISOR_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            log_analysis.acknowledge(supervisor, own, "自分で確認")
        # The clerk's flag is the supervisor's to check.
        clerks = next(f for f in flags if f.actor_name == "tanto")
        log_analysis.acknowledge(supervisor, clerks, "本人に確認")
    finally:
        supervisor.close()
    assert any("own_flag" in d for d in _denials(flagged))
    # The manager checks the supervisor's; an office that switched the rule off may do its own.
    log_analysis.acknowledge(flagged.manager, own, "決算の残業")
    settings.change(flagged.manager, "two_person_rule", "オフ")
    manager = flagged.manager
    _reveal(flagged, manager, datetime(2026, 12, 3, 23, 0, tzinfo=JST))
    flagged.clock._now = datetime(2026, 12, 4, 9, 0, tzinfo=JST)
    (mine,) = log_analysis.analyse(manager, date(2026, 12, 3), date(2026, 12, 3)).flags
    assert log_analysis.acknowledge(manager, mine, "一人の事業所のため自分で確認").key


def test_a_period_to_the_last_day_a_calendar_holds_is_refused_in_words(office: Office) -> None:
    with pytest.raises(errors.InvalidInput, match="9999年12月30日"):
        log_analysis.analyse(office.manager, date(9999, 12, 30), date(9999, 12, 31))
    with pytest.raises(errors.InvalidInput, match="9999年12月30日"):
        audit_report.report_pdf(office.manager, date(9999, 12, 1), date(9999, 12, 31))


class _FullDisk(io.BytesIO):
    """A file on a disk that fills after a few bytes."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.path.write_bytes(bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_report_written_from_the_command_line_is_never_left_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "123456789018" / "監査報告書.pdf"

    def opened(path: Path, *, new: bool = False) -> io.BytesIO:
        assert new, "a report is written as a new file only"
        return _FullDisk(path)

    monkeypatch.setattr(commands_records, "open_private", opened)
    with pytest.raises(errors.InvalidInput, match="書きかけのファイルは残していません") as caught:
        commands_records.save_new(out, b"%PDF-1.4 " + b"x" * 100)
    assert not out.exists()
    # The path is not quoted when it holds what could be a number.
    assert "123456789018" not in str(caught.value)
    monkeypatch.undo()
    # A file that appeared after the first check is not replaced.
    out.write_bytes(b"keep")
    with pytest.raises(errors.InvalidInput, match="既にあります"):
        commands_records.save_new(out, b"%PDF-1.4")
    assert out.read_bytes() == b"keep"


@pytest.mark.parametrize("seq", [2, "last"])
def test_the_audit_report_of_a_tampered_log_is_made_and_says_so(
    office: Office, seq: int | str
) -> None:
    conn = office.manager.vault.conn
    if seq == "last":
        seq = office.manager.vault.audit_head().seq
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'number.revealed' WHERE seq = ?", (seq,))

    pdf = audit_report.report_pdf(office.manager, date(2026, 11, 1), date(2026, 11, 30))

    text = _text(pdf).replace(" ", "")
    assert "アクセス記録の検証で異常が見つかりました" in text
    assert f"第{seq}番で改ざんまたは欠落を検出" in text
    assert "記録の件数（検証済み）" not in text
    # Its counts are marked as drawn from an unverified log (the analysis screen warns too).
    assert "改ざん・欠落のおそれがある記録から数えた" in text


def test_audit_report_on_the_command_line_warns_of_a_tampered_log(
    office: Office, tmp_path: Path
) -> None:
    conn = office.manager.vault.conn
    with office.manager.vault.write() as writer:
        writer.conn.execute("DROP TRIGGER audit_log_no_update")
        writer.conn.execute("UPDATE audit_log SET action = 'number.revealed' WHERE seq = 2")
    assert conn.execute("SELECT action FROM audit_log WHERE seq = 2").fetchone()[0] == (
        "number.revealed"
    )
    office.manager.close()
    out = tmp_path / "監査報告書.pdf"

    made = run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "audit",
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )

    assert made.returncode == 1
    assert "第2番で改ざんまたは欠落を検出" in made.stderr and "Traceback" not in made.stderr
    assert "異常が見つかりました" in _text(out.read_bytes()).replace(" ", "")


def test_failed_sign_ins_under_a_login_nobody_has_are_named_in_japanese(office: Office) -> None:
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, "nobody", "wrong-password-1", office.clock)
    _sign_in(office, MANAGER_LOGIN, MANAGER_PASSWORD).close()

    analysis = log_analysis.analyse(office.manager, date(2026, 11, 1), date(2026, 11, 30))
    text = _text(audit_report.report_pdf(office.manager, date(2026, 11, 1), date(2026, 11, 30)))

    assert analysis.names["(unknown)"] == "登録のないログイン名"
    assert "登録のないログイン名" in text and "(unknown)" not in text
