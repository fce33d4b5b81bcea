"""The payroll import on the command line: the two templates give a new office the whole
year-end round trip (people, then the year's amounts), a re-import changes nothing, and
nothing printed holds a number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import _as_manager, _cli, _init


def test_the_two_templates_round_trip_through_the_cli(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    payroll = tmp_path / "payroll.csv"
    assert _cli(tmp_path / "x", "import", "template", "--out", str(people)).returncode == 0
    made = _cli(
        tmp_path / "x", "import", "payroll-template", "--year", "2026", "--out", str(payroll)
    )
    assert made.returncode == 0 and "見本を作りました" in made.stdout, made.stderr
    data = tmp_path / "data"
    assert _init(data, tmp_path / "recovery.pdf").returncode == 0
    assert _as_manager(data, "import", "people", str(people)).returncode == 0

    checked = _as_manager(data, "import", "payroll", str(payroll), "--year", "2026", "--dry-run")
    assert checked.returncode == 0, checked.stderr
    assert "支払金額 ← 支払金額" in checked.stdout
    assert "新規 1人、訂正 0人、変更なし 0人" in checked.stdout
    assert "まだ取り込んでいません" in checked.stdout

    done = _as_manager(data, "import", "payroll", str(payroll), "--year", "2026")
    assert done.returncode == 0, done.stderr
    assert "2026年分 1行を取り込みました（新規 1人" in done.stdout
    assert "5000000" not in done.stdout and "5,000,000" not in done.stdout

    again = _as_manager(data, "import", "payroll", str(payroll), "--year", "2026")
    assert again.returncode == 0 and "変更なし 1人" in again.stdout


def test_a_bad_file_lists_each_row_and_imports_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _init(data, tmp_path / "recovery.pdf").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("社員番号,支払金額\r\nE0001,1.2E+06\r\nE0002,-1\r\n", encoding="utf-8")
    result = _as_manager(data, "import", "payroll", str(bad), "--year", "2026")
    assert result.returncode == 1
    assert "2行目: 支払金額：「1.2E+06」のような指数" in result.stderr
    assert "3行目: 支払金額：マイナス" in result.stderr
    assert "何も取り込んでいません" in result.stderr
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("社員番号,個人番号,支払金額\r\nE0001,123456789018,1\r\n", encoding="utf-8")
    refused = _as_manager(data, "import", "payroll", str(numbers), "--year", "2026")
    assert refused.returncode == 1 and "個人番号の列があります" in refused.stderr


def test_count_differences_are_printed_and_need_the_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.commands_payroll import _print
    from app.services.payroll_import import PayrollReport, SlipChange

    report = PayrollReport(
        2026,
        1,
        [],
        count_differences=[(2, "控除対象扶養親族の数：ファイルでは2人、…")],
        changes=[SlipChange(2, "E0001", "山田 太郎", "new")],
    )
    assert _print(report, dry_run=False) == 1
    err = capsys.readouterr().err
    assert "2行目: 控除対象扶養親族の数" in err and "--accept-count-differences" in err
    accepted = PayrollReport(
        2026,
        1,
        [],
        count_differences=report.count_differences,
        changes=report.changes,
        accepted_counts=True,
    )
    assert _print(accepted, dry_run=True) == 0
    assert "新規 1人" in capsys.readouterr().out


def test_the_year_is_required(tmp_path: Path) -> None:
    result = _cli(tmp_path / "x", "import", "payroll-template", "--out", str(tmp_path / "t.csv"))
    assert result.returncode == 2 and "--year" in result.stderr
