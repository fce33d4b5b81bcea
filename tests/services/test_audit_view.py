"""What the auditor reads and exports (app.services.audit_view) after a working office's day:
names and kinds instead of record codes, Japanese instead of program codes, filters by person
and by kind of action, a CSV for Excel, and people outside a reader's groups kept masked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app import errors
from app.services import audit, audit_view, auth
from app.services.audit_text import EventText, Party
from app.services.audit_view import AuditLine
from app.session import Session
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member
from tests.services.test_audit_text import ENGLISH_CODE
from tests.support import audit_scenario
from tests.support.audit_scenario import Scenario


@pytest.fixture
def day(office: Office, tmp_path: Path) -> Scenario:
    return audit_scenario.build(office, tmp_path)


@pytest.fixture
def auditor(day: Scenario) -> Session:
    office = day.office
    session = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    yield session
    session.close()


def _all(session: Session, query: audit.AuditQuery | None = None) -> list[AuditLine]:
    page = audit.read_page(
        session, query or audit.AuditQuery(), offset=0, limit=10_000, descending=False
    )
    assert len(page.rows) == page.total
    return page.rows


def _shown(line: AuditLine) -> list[str]:
    text = line.text
    return [
        line.at,
        line.actor,
        text.action,
        text.group,
        text.target.shown,
        text.target.name,
        text.target.kind,
        text.sentence,
        text.detail_line,
        *(f.label for f in text.fields),
        *(f.value for f in text.fields),
    ]


def _by_action(lines: list[AuditLine], label: str) -> list[AuditLine]:
    return [line for line in lines if line.text.action == label]


def test_a_working_day_reads_in_japanese_with_names_and_never_a_code(
    day: Scenario, auditor: Session
) -> None:
    lines = _all(auditor)
    assert len({line.text.action for line in lines}) >= 50  # most families of action
    for line in lines:
        for text in _shown(line):
            assert not ENGLISH_CODE.search(text), (line.seq, text)
            assert "person" not in text and "request:" not in text
            assert not any(n in text for n in audit_scenario.numbers_used()), text

    (revealed,) = _by_action(lines, "個人番号の表示")
    assert revealed.text.target == Party("山田 太郎", "従業員", "山田 太郎（従業員）")
    assert revealed.text.detail_line == "利用目的：源泉徴収事務"
    assert (revealed.actor, revealed.login) == ("職員 Tanto", "tanto")
    assert revealed.at == "2026年11月23日 09:00"
    (copied,) = _by_action(lines, "個人番号のコピー")
    assert copied.text.detail_line == "利用目的：雇用保険届出事務"
    spouse = [line for line in lines if line.text.target.name == "山田 花子"]
    assert spouse and all(line.text.target.kind == "扶養親族" for line in spouse)
    refusal = _by_action(lines, "個人番号の提供依頼の記録")[0]
    assert refusal.text.target.shown == "鈴木 一郎（支払先）"
    assert refusal.text.target.kind == "支払先（個人）"
    assert refusal.text.detail_line == "回答：提供を拒否"
    (deleted,) = _by_action(lines, "個人番号の削除")
    assert deleted.text.sentence == "退職 次郎（従業員）の個人番号を削除しました。"
    expired, early = _by_action(lines, "削除の実行計画の提案")
    assert "きっかけ：保存期間の経過" in expired.text.detail_line
    assert (
        early.text.detail_line == "きっかけ：保存期間内の削除／対象の人数：1人／うち保存期間内：1人"
    )
    decided = _by_action(lines, "開示等の請求への決定")
    assert decided[0].text.target.shown == "開示の請求（山田 太郎）"
    assert decided[0].text.detail_line == "決定：全部開示"
    (printed,) = _by_action(lines, "決定通知書の出力")
    assert printed.text.detail_line == "本人の個人番号の記載：はい"
    roles = _by_action(lines, "役割の変更")[0]
    assert roles.text.target.shown == "職員 Tanto（tanto）" and roles.text.target.kind == "職員"
    assert (
        roles.text.detail_line == "変更前：事務取扱担当者／変更後：事務取扱担当者、事務取扱責任者"
    )
    copy_setting = [
        line for line in _by_action(lines, "設定変更") if "コピー" in line.text.target.name
    ]
    assert copy_setting[0].text.detail_line == "変更前：オン／変更後：オフ"
    denied = _by_action(lines, "権限のない操作の拒否")
    assert any("拒否した操作：職員アカウントの管理" in d.text.detail_line for d in denied)
    assert any("理由：取得したときの利用目的に含まれない" in d.text.detail_line for d in denied)
    (failed,) = _by_action(lines, "サインイン失敗")
    assert failed.actor == "職員 Kansa" and "2026年11月23日 09:00" in failed.text.detail_line


def test_filters_by_person_and_by_kind_of_action(day: Scenario, auditor: Session) -> None:
    taro = _all(auditor, audit.AuditQuery(person="山田 太郎"))
    shown = {line.text.target.shown for line in taro}
    assert shown == {"山田 太郎（従業員）", "開示の請求（山田 太郎）"}
    assert "個人番号の表示" in {line.text.action for line in taro}
    # フリガナ in hiragana finds the family; an employee code finds its person.
    family = {line.text.target.name for line in _all(auditor, audit.AuditQuery(person="やまだ"))}
    assert {"山田 太郎", "山田 花子"} <= family
    by_code = {line.text.target.name for line in _all(auditor, audit.AuditQuery(person="E002"))}
    assert by_code == {"退職 次郎"}
    # A request about no one registered is found by the name it was made in.
    unknown = _all(auditor, audit.AuditQuery(person="佐藤"))
    assert {line.text.group for line in unknown} == {"開示等の請求"}

    views = _all(auditor, audit.AuditQuery(group="view"))
    assert sorted(line.text.action for line in views) == [
        "個人番号のコピー",
        "個人番号の表示",
        "本人確認書類の写しの表示",
    ]
    requests = _all(auditor, audit.AuditQuery(group="requests"))
    assert requests and {line.text.group for line in requests} == {"開示等の請求"}
    signins = _all(auditor, audit.AuditQuery(group="signin"))
    assert "サインイン失敗" in {line.text.action for line in signins}
    both = _all(auditor, audit.AuditQuery(person="山田 太郎", group="output"))
    assert {line.text.action for line in both} >= {"利用目的通知書の出力", "決定通知書の出力"}
    assert all(line.text.group == "出力（印刷・書き出し）" for line in both)

    page = audit.read_page(auditor, audit.AuditQuery(person="山田"), offset=2, limit=3)
    assert len(page.rows) == 3 and page.total == len(_all(auditor, audit.AuditQuery(person="山田")))
    assert _all(auditor, audit.AuditQuery(person="存在しない人")) == []


def test_a_reader_who_handles_numbers_sees_only_their_groups_by_name(day: Scenario) -> None:
    """tanto is clerk and supervisor now, for 総務部 only; 山田 太郎 moved to 経理部."""
    office = day.office
    session = auth.sign_in(office.data, "tanto", "Reset-River-Stone-12", office.clock)
    try:
        lines = _all(session)
        names = {line.text.target.name for line in lines}
        assert "山田 太郎" not in names and "鈴木 一郎" not in names
        assert "担当範囲外の方" in names
        hidden = _by_action(lines, "個人番号の表示")[0]
        assert hidden.text.target.shown == "担当範囲外の方（従業員）"
        request = _by_action(lines, "開示等の請求の受付")[0]
        assert "山田" not in request.text.target.shown + request.text.detail_line
        # Nor does a search tell that someone outside has a matching name.
        assert _all(session, audit.AuditQuery(person="山田 太郎")) == []
    finally:
        session.close()


def test_a_person_whose_row_is_gone_is_named_from_their_deletion_record(
    day: Scenario, auditor: Session
) -> None:
    conn = day.office.manager.vault.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    with day.office.manager.vault.write() as writer:
        for table in ("employee", "person"):
            column = "person_id" if table == "employee" else "id"
            writer.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (day.leaver_id,))
    lines = [line for line in _all(auditor) if line.text.target.name == "退職 次郎"]
    assert lines and all(
        line.text.target.shown == "退職 次郎（従業員・削除済み）" for line in lines
    )


def test_the_csv_opens_in_excel_in_japanese(day: Scenario, auditor: Session) -> None:
    raw = audit.export_csv(auditor)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert (
        tuple(rows[0])
        == audit.CSV_COLUMNS
        == (
            "通し番号",
            "日時",
            "操作者",
            "ログイン名",
            "操作の分類",
            "操作",
            "対象",
            "対象の区分",
            "内容",
            "詳細",
        )
    )
    assert "{" not in text and "}" not in text and '":' not in text
    for row in rows[1:]:
        for cell in row:
            assert not ENGLISH_CODE.search(cell), cell
    by_action = {row[5]: row for row in rows[1:]}
    revealed = by_action["個人番号の表示"]
    assert revealed[1:5] == ["2026年11月23日 09:00", "職員 Tanto", "tanto", "閲覧・コピー"]
    assert revealed[6:] == [
        "山田 太郎",
        "従業員",
        "山田 太郎（従業員）の個人番号を画面に表示しました。",
        "利用目的：源泉徴収事務",
    ]
    assert [int(row[0]) for row in rows[1:]] == sorted(int(row[0]) for row in rows[1:])

    old_excel = audit.export_csv(auditor, encoding="cp932")
    assert not old_excel.startswith(b"\xef\xbb\xbf")
    again = list(csv.reader(io.StringIO(old_excel.decode("cp932"), newline="")))
    assert again[0] == rows[0] and again[1:] == [*rows[1:], again[-1]]  # + the first export
    assert (
        again[-1][5] == "アクセス記録の書き出し"
        and again[-1][9] == f"書き出した件数：{len(rows) - 1}件"
    )


def test_a_cell_that_excel_would_run_is_quoted() -> None:
    line = AuditLine(
        1,
        "2026年11月23日 09:00",
        "=HYPERLINK(1)",
        "",
        EventText("操作", "その他", Party("+1", "-"), "@x", ()),
    )
    cells = audit_view.csv_row(line)
    assert cells[2] == "'=HYPERLINK(1)" and cells[6] == "'+1" and cells[7] == "'-"
    assert cells[8] == "'@x"


def test_the_export_is_refused_without_the_permission_and_logged_with_it(
    day: Scenario, auditor: Session
) -> None:
    office = day.office
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            audit.export_csv(clerk)
    finally:
        clerk.close()
    rows = audit.export_csv(auditor).decode("utf-8-sig").splitlines()
    lines = _all(auditor, audit.AuditQuery(action="access.denied"))
    assert any(line.text.detail_line == "拒否した操作：アクセス記録の書き出し" for line in lines)
    (exported,) = _by_action(_all(auditor), "アクセス記録の書き出し")
    assert exported.text.detail_line == f"書き出した件数：{len(rows) - 1}件"
    assert exported.actor == "職員 Kansa"
