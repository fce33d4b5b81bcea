"""Import from payroll exports: encodings, every row's problem, all or nothing, bad files."""

from __future__ import annotations

import csv
import hashlib
import io
import random
import threading
from pathlib import Path

import pytest

from app import errors
from app.domain import my_number
from app.domain.import_layout import FIELDS, parse_date
from app.services import audit, importing, people, staff
from app.session import Session
from tests.conftest import Office

SCOPES = [
    "purpose:tax_withholding",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "purpose:national_pension_3",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
HEADER = list(FIELDS.values())


@pytest.fixture
def clerk_like(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, "kanri", SCOPES)
    return office.manager


def _number(seed: int) -> str:
    rng = random.Random(seed)
    base = "".join(str(rng.randrange(10)) for _ in range(11))
    return base + str(my_number.check_digit(base))


def _row(**values: str) -> list[str]:
    return [values.get(key, "") for key in FIELDS]


def _write(path: Path, rows: list[list[str]], encoding: str = "cp932") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _office_rows() -> list[list[str]]:
    return [
        _row(
            kind="従業員",
            code="E001",
            name="山田 太郎",
            kana="ヤマダ タロウ",
            birth_date="昭和55年4月1日",
            department="総務部",
            hire_date="2010/4/1",
            number=_number(1),
        ),
        _row(
            kind="扶養親族",
            name="山田 花子",
            kana="やまだ はなこ",
            relation="配偶者",
            employee_code="E001",
            pension3="○",
            number=_number(2),
        ),
        _row(kind="従業員", code="E002", name="佐藤 一郎", kana="ｻﾄｳ ｲﾁﾛｳ", department="介護課"),
        _row(
            kind="支払先",
            name="鈴木 弁護",
            kana="スズキ ベンゴ",
            payment_kind="報酬・料金",
            continuing="○",
            number=_number(3),
            purposes="支払調書作成事務",
        ),
    ]


def _digest(office: Office) -> str:
    conn = office.manager.vault.conn
    rows = (
        conn.execute("SELECT count(*) FROM person").fetchone(),
        conn.execute("SELECT count(*) FROM my_number").fetchone(),
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_a_cp932_payroll_export_is_imported_in_one_go(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    path = _write(tmp_path / "給与ソフト出力.csv", _office_rows(), "cp932")
    assert importing.dry_run(clerk_like, path).problems == []
    report = importing.commit(clerk_like, path)
    assert report.problems == []
    assert (report.employees, report.dependents, report.payees, report.numbers) == (2, 1, 1, 3)
    found = {p.name: p for p in people.search(clerk_like, "やまだ").rows}
    assert found["山田 花子"].department == "総務部"  # the employee's department
    assert found["山田 太郎"].birth_date == "1980-04-01"
    actions = [r[0] for r in office.manager.vault.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("number.registered") == 3
    assert "import.source_reminder" in actions
    from app.services import numbers

    spouse = found["山田 花子"]
    assert "national_pension_3" in numbers.purposes_for(clerk_like, spouse.id)


def test_excels_unicode_text_is_imported_like_the_csv(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    """Excel's 「Unicode テキスト」: UTF-16 with its BOM, tab-separated, saved as .txt."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows([HEADER, *_office_rows()])
    path = tmp_path / "給与ソフト出力.txt"
    path.write_bytes(buffer.getvalue().encode("utf-16"))  # BOM first, as Excel writes it
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert importing.dry_run(clerk_like, path).problems == []
    report = importing.commit(clerk_like, path)
    assert (report.employees, report.dependents, report.payees, report.numbers) == (2, 1, 1, 3)
    assert people.search(clerk_like, "やまだ").rows[0].name.startswith("山田")


def test_a_cut_unicode_text_is_refused_and_nothing_is_written(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows([HEADER, *_office_rows()])
    path = tmp_path / "cut.txt"
    path.write_bytes(buffer.getvalue().encode("utf-16")[:-1])  # half a character at the end
    before = _digest(office)
    with pytest.raises(errors.InvalidInput, match="UTF-16"):
        importing.commit(clerk_like, path)
    assert _digest(office) == before


def test_kana_typed_in_hiragana_or_half_width_is_kept_in_katakana(
    clerk_like: Session, tmp_path: Path
) -> None:
    path = _write(tmp_path / "in.csv", _office_rows(), "cp932")
    assert importing.commit(clerk_like, path).problems == []
    kept = {p.name: p.kana for p in people.search(clerk_like).rows}
    assert kept["山田 花子"] == "ヤマダ ハナコ"  # typed やまだ はなこ
    assert kept["佐藤 一郎"] == "サトウ イチロウ"  # typed ｻﾄｳ ｲﾁﾛｳ
    assert people.search(clerk_like, "ｻﾄｳ").rows[0].name == "佐藤 一郎"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_encodings_payroll_software_writes(
    clerk_like: Session, tmp_path: Path, encoding: str
) -> None:
    path = _write(tmp_path / "in.csv", _office_rows()[:1], encoding)
    assert importing.commit(clerk_like, path).employees == 1


def test_every_problem_is_listed_with_its_row_and_nothing_is_written(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    before = _digest(office)
    bad_number = "123456789012"
    rows = [
        _row(kind="従業員", code="E001", name="山田 太郎", kana="ヤマダ", number=bad_number),
        _row(kind="従業員", code="E001", name="山田 次郎", kana="ヤマダ"),
        _row(kind="従業員", code="E003", name="", kana="カタ", birth_date="昨日"),
        _row(kind="扶養親族", name="子 一", kana="コ", relation="子", employee_code="E999"),
        _row(kind="社長", name="誰か", kana="ダレカ"),
        _row(kind="従業員", code="E004", name='=HYPERLINK("x")', kana="ス"),
        _row(kind="従業員", code="E005", name="同じ 番号", kana="オナジ", number=_number(7)),
        _row(kind="従業員", code="E006", name="同じ 番号", kana="オナジ", number=_number(7)),
    ]
    path = _write(tmp_path / "bad.csv", rows)
    report = importing.commit(clerk_like, path)
    by_line: dict[int, list[str]] = {}
    for line, problem in report.problems:
        by_line.setdefault(line, []).append(problem)
    assert any("検査用数字" in p for p in by_line[2])
    assert any("3行目" in p or "2行目" in p for p in by_line[3])
    assert any("氏名が空欄" in p for p in by_line[4])
    assert any("日付として読めません" in p for p in by_line[4])
    assert any("E999" in p for p in by_line[5])
    assert any("区分" in p for p in by_line[6])
    assert any("数式" in p for p in by_line[7])
    assert any("8行目と同じ" in p or "個人番号が8行目" in p for p in by_line[9])
    assert _digest(office) == before
    text = "".join(p for _l, p in report.problems)
    assert bad_number not in text and _number(7) not in text


def test_a_file_imported_twice_changes_nothing_the_second_time(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    """A re-import names the same people: by code, or (a dependent, a payee) by their number;
    none is registered twice, and a number another person holds is still refused."""
    first = _write(tmp_path / "first.csv", _office_rows())
    importing.commit(clerk_like, first)
    before = _counts(office)
    again = importing.commit(clerk_like, first)
    assert again.problems == []
    assert (again.new, again.changed, again.unchanged) == (0, 0, 4)
    after = _counts(office)
    assert {k: after[k] for k in after if k != "audit_log"} == {
        k: before[k] for k in before if k != "audit_log"
    }
    taken = _write(
        tmp_path / "taken.csv",
        [_row(kind="従業員", code="E009", name="別の 人", kana="ベツノ ヒト", number=_number(1))],
    )
    problems = " ".join(p for _l, p in importing.dry_run(clerk_like, taken).problems)
    assert "既に別の対象者に登録" in problems


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "引用符"),  # truncated in the middle of a quoted field
        ("utf16", "バイナリ"),  # without its BOM: not told from binary data
        ("garbage", "バイナリ|文字コード|引用符"),
        ("empty", "データがありません"),
        ("no-header", "必要な列がありません"),
    ],
)
def test_files_that_are_not_ours_give_a_clear_error(
    clerk_like: Session, office: Office, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "broken.csv"
    if content is None:
        good = _write(tmp_path / "good.csv", _office_rows()).read_bytes()
        path.write_bytes(good + b'E009,"unterminated')
    elif content == "utf16":
        path.write_bytes("\n".join(",".join(HEADER) for _ in range(3)).encode("utf-16-le"))
    elif content == "garbage":
        # 10 MB of high bytes: no NUL, so it gets as far as decoding and parsing.
        high = bytes(range(128, 256)) * 2
        path.write_bytes(random.Random(5).randbytes(10 * 1024 * 1024).translate(high))
    elif content == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes("名前,番号\r\n山田,1\r\n".encode("cp932"))
    before = _digest(office)
    with pytest.raises(errors.InvalidInput, match=message):
        importing.commit(clerk_like, path)
    assert _digest(office) == before


def test_a_file_over_the_size_limit_is_refused_without_reading_it(
    clerk_like: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(importing.MAX_BYTES + 1)  # sparse: 50 MB without writing it
    with pytest.raises(errors.InvalidInput, match="大きすぎます"):
        importing.commit(clerk_like, path)


def test_xlsx_with_dates_and_an_uncomputed_formula(clerk_like: Session, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    values = dict(
        zip(
            FIELDS,
            _row(
                kind="従業員",
                code="E001",
                name="山田 太郎",
                kana="ヤマダ タロウ",
                number=_number(1),
            ),
            strict=True,
        )
    )
    values["birth_date"] = datetime(1980, 4, 1)
    sheet.append(list(values.values()))
    formula = dict(values, code="E002", number="", name='=CONCAT("a","b")')
    sheet.append(list(formula.values()))
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = importing.dry_run(clerk_like, path)
    assert [line for line, _p in report.problems] == [3]
    del sheet
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(errors.InvalidInput, match="Excel"):
        importing.dry_run(clerk_like, broken)


def test_a_hundred_thousand_rows_with_one_bad_row_change_nothing(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    rows = [
        _row(kind="従業員", code=f"E{n:05d}", name="山田 太郎", kana="ヤマダ タロウ")
        for n in range(100_000)
    ]
    rows[54_321][FIELDS_INDEX_KANA] = "山田"
    path = _write(tmp_path / "big.csv", rows)
    before = _digest(office)
    report = importing.commit(clerk_like, path)
    assert [line for line, _p in report.problems] == [54_323]
    assert _digest(office) == before


FIELDS_INDEX_KANA = list(FIELDS).index("kana")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-04-01", "2026-04-01"),
        ("2026/4/1", "2026-04-01"),
        ("20260401", "2026-04-01"),
        ("令和8年4月1日", "2026-04-01"),
        ("R8.4.1", "2026-04-01"),
        ("平成元年1月8日", "1989-01-08"),
    ],
)
def test_dates_as_payroll_software_writes_them(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso


def test_the_template_imports_as_it_is(clerk_like: Session, tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    path.write_bytes(importing.template_csv())
    report = importing.commit(clerk_like, path)
    assert report.problems == [] and report.numbers == 1


def _employees_with_numbers(count: int) -> list[list[str]]:
    return [
        _row(
            kind="従業員",
            code=f"E{n:05d}",
            name="山田 太郎",
            kana="ヤマダ タロウ",
            department="総務部",
            number=_number(10_000 + n),
        )
        for n in range(count)
    ]


class RecordingProgress(importing.ImportProgress):
    """Keeps every report; cancels itself once `cancel_at` (stage, rows done) is reached."""

    def __init__(self, cancel_at: tuple[importing.ImportStage, int] | None = None) -> None:
        super().__init__()
        self.seen: list[tuple[importing.ImportStage, int, int]] = []
        self.cancel_at = cancel_at

    def report(self, stage: importing.ImportStage, done: int, total: int) -> None:
        super().report(stage, done, total)
        self.seen.append((stage, done, total))
        if self.cancel_at is not None and (stage, done) == self.cancel_at:
            self.cancel()


def _counts(office: Office) -> dict[str, int]:
    conn = office.manager.vault.conn
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("person", "employee", "my_number", "my_number_purpose", "audit_log")
    }


def _actions_after(office: Office, seq: int) -> list[tuple[str, str, str]]:
    return office.manager.vault.conn.execute(
        "SELECT action, target, detail FROM audit_log WHERE seq > ? ORDER BY seq", (seq,)
    ).fetchall()


def test_progress_rises_to_the_total_through_the_check_and_the_import(
    clerk_like: Session, tmp_path: Path
) -> None:
    path = _write(tmp_path / "big.csv", _employees_with_numbers(1_000))
    checking = RecordingProgress()
    importing.dry_run(clerk_like, path, progress=checking)
    importing_progress = RecordingProgress()
    report = importing.commit(clerk_like, path, progress=importing_progress)
    assert report.numbers == 1_000
    Stage = importing.ImportStage
    for progress, stages in (
        (checking, [Stage.READING, Stage.CHECKING]),
        (importing_progress, [Stage.READING, Stage.CHECKING, Stage.WRITING]),
    ):
        # Stages come in order, each one's count never goes back, and each ends at its total.
        assert list(dict.fromkeys(stage for stage, _d, _t in progress.seen)) == stages
        for stage in stages[1:]:
            done = [d for s, d, _t in progress.seen if s == stage]
            assert {t for s, _d, t in progress.seen if s == stage} == {1_000}
            assert done == sorted(done) and len(done) >= 4 and done[-1] == 1_000
            assert done[0] < 1_000  # reported along the way, not only at the end
        assert progress.snapshot()[1:] == (1_000, 1_000)


def test_cancelling_the_import_mid_write_rolls_everything_back_and_logs_it(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    path = _write(tmp_path / "big.csv", _employees_with_numbers(1_000))
    before = _counts(office)
    progress = RecordingProgress(cancel_at=(importing.ImportStage.WRITING, 500))
    with pytest.raises(errors.ImportCancelled) as raised:
        importing.commit(clerk_like, path, progress=progress)
    assert raised.value.code == "import_cancelled"
    assert "何も取り込んでいません" in raised.value.message
    after = _counts(office)
    # Half the rows had been written inside the transaction: none of them stayed.
    assert {k: after[k] for k in after if k != "audit_log"} == {
        k: before[k] for k in before if k != "audit_log"
    }
    assert after["audit_log"] == before["audit_log"] + 1
    [(action, target, detail)] = _actions_after(office, before["audit_log"])
    assert (action, target) == ("import.cancelled", "big.csv")
    assert '"stage": "writing"' in detail and '"rows_done": 500' in detail
    assert audit.verify_chain(clerk_like).entries == after["audit_log"]
    # Cancelled is not broken: the same file imports in full afterwards.
    assert importing.commit(clerk_like, path).numbers == 1_000


def test_a_cancel_from_another_thread_stops_the_import(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    """The GUI thread sets the flag while the database thread works (here: this thread)."""

    class WaitingProgress(importing.ImportProgress):
        def __init__(self) -> None:
            super().__init__()
            self.writing = threading.Event()

        def report(self, stage: importing.ImportStage, done: int, total: int) -> None:
            super().report(stage, done, total)
            if stage is importing.ImportStage.WRITING and done < total:
                self.writing.set()
                self._cancel.wait(10)  # held here until the other thread cancels

    path = _write(tmp_path / "big.csv", _employees_with_numbers(600))
    before = _counts(office)
    progress = WaitingProgress()

    def cancel_when_writing() -> None:
        if progress.writing.wait(10):
            progress.cancel()

    canceller = threading.Thread(target=cancel_when_writing)
    canceller.start()
    with pytest.raises(errors.ImportCancelled):
        importing.commit(clerk_like, path, progress=progress)
    canceller.join()
    stage, done, total = progress.snapshot()
    assert stage is importing.ImportStage.WRITING and 0 < done < total
    assert _counts(office)["person"] == before["person"]
    assert _counts(office)["my_number"] == before["my_number"]


def test_cancelling_the_check_stops_it_and_writes_nothing(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    path = _write(tmp_path / "big.csv", _employees_with_numbers(1_000))
    before = _counts(office)
    progress = RecordingProgress(cancel_at=(importing.ImportStage.CHECKING, 250))
    with pytest.raises(errors.ImportCancelled) as raised:
        importing.dry_run(clerk_like, path, progress=progress)
    assert (raised.value.stage, raised.value.done) == ("checking", 250)
    assert progress.seen[-1][:2] == (importing.ImportStage.CHECKING, 250)  # stopped there
    after = _counts(office)
    # Nothing but the log entry saying the check was stopped (the file was opened and read).
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }
    assert after["audit_log"] == before["audit_log"] + 1
    last = office.manager.vault.conn.execute(
        "SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert last[0] == "import.cancelled" and '"stage": "checking"' in last[1]


def test_cancelling_an_import_while_it_still_checks_is_logged_too(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    path = _write(tmp_path / "big.csv", _employees_with_numbers(1_000))
    before = _counts(office)
    progress = RecordingProgress(cancel_at=(importing.ImportStage.READING, 0))
    with pytest.raises(errors.ImportCancelled):
        importing.commit(clerk_like, path, progress=progress)
    [(action, _target, detail)] = _actions_after(office, before["audit_log"])
    assert action == "import.cancelled" and '"stage": "reading"' in detail
    assert _counts(office)["person"] == before["person"]


def test_a_number_in_a_plain_column_is_refused_and_never_quoted(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "wrong-columns.csv",
        [
            _row(kind="従業員", code="123456789018", name="山田 太郎", kana="ヤマダ"),
            _row(
                kind="従業員",
                code="E2",
                name="佐藤 花子",
                kana="サトウ",
                department="9832 0567 3214",
            ),
            _row(
                kind="従業員", code="E3", name="鈴木 一郎", kana="スズキ", purposes="1234 5678 9018"
            ),
        ],
    )
    report = importing.dry_run(clerk_like, path)
    lines = {line for line, _problem in report.problems}
    assert lines == {2, 3, 4}
    text = "".join(problem for _line, problem in report.problems)
    assert "個人番号のような数字列" in text
    for piece in ("1234", "5678", "9018", "9832", "3214"):
        assert piece not in text


def test_a_first_row_of_data_is_not_taken_for_headings(clerk_like: Session, tmp_path: Path) -> None:
    path = tmp_path / "no-headings.csv"
    path.write_text("従業員,E1,山田 太郎,ヤマダ,,,,123456789018\r\n", encoding="utf-8")
    for call in (importing.headers, lambda p: importing.dry_run(clerk_like, p)):
        with pytest.raises(errors.InvalidInput, match="1行目が見出しではない") as refused:
            call(path)
        assert "123456789018" not in refused.value.message


def test_rows_outside_the_scope_are_logged_as_refused(office: Office, tmp_path: Path) -> None:
    session = office.manager
    session.user = staff.set_scopes(session, "kanri", ["purpose:tax_withholding", "dept:総務部"])
    path = _write(
        tmp_path / "other-department.csv",
        [
            _row(kind="従業員", code="E1", name="山田 太郎", kana="ヤマダ", department="営業部"),
            _row(kind="従業員", code="E2", name="佐藤 花子", kana="サトウ", department="営業部"),
            _row(kind="従業員", code="E3", name="鈴木 一郎", kana="スズキ", department="総務部"),
        ],
    )
    before = _counts(office)["audit_log"]
    report = importing.dry_run(session, path)
    assert report.refused == {"group_scope": 2}
    denied = [(t, d) for a, t, d in _actions_after(office, before) if a == "access.denied"]
    assert denied == [("import:other-department.csv", '{"reason": "group_scope", "rows": 2}')]


def test_an_imported_row_is_written_as_a_registration_writes_it(
    clerk_like: Session, office: Office, tmp_path: Path
) -> None:
    """The import writes its rows a batch at a time; what it writes stays what
    people.insert_person and numbers.store_number write for the same person and number."""
    from app.domain.my_number import MyNumber
    from app.domain.purposes import PersonKind
    from app.services import numbers
    from storage import number_cipher, people_repo

    purposes = ["tax_withholding", "employment_insurance"]
    with clerk_like.vault.write() as writer:
        typed = people.insert_person(
            writer,
            clerk_like,
            PersonKind.EMPLOYEE,
            "山田 太郎",
            "ヤマダ タロウ",
            "1980-04-01",
            source="import",
        )
        people_repo.insert_employee(
            writer.conn, typed, code="E100", department="総務部", hire_date="2010-04-01"
        )
        numbers.store_number(
            writer, clerk_like, typed, MyNumber(_number(1)), purposes, source="import"
        )
    row = _row(
        kind="従業員",
        code="E101",
        name="山田 太郎",
        kana="ヤマダ タロウ",
        birth_date="1980-04-01",
        department="総務部",
        hire_date="2010-04-01",
        number=_number(2),
        purposes="源泉徴収事務、雇用保険届出事務",
    )
    assert importing.commit(clerk_like, _write(tmp_path / "one.csv", [row])).numbers == 1
    conn = clerk_like.vault.conn
    [imported] = [r[0] for r in conn.execute("SELECT id FROM person WHERE id > ?", (typed,))]

    def written(person_id: int) -> tuple[object, ...]:
        def one(sql: str) -> tuple[object, ...]:
            return tuple(conn.execute(sql, (person_id,)).fetchone())

        sealed = conn.execute(
            "SELECT sealed FROM my_number WHERE person_id = ?", (person_id,)
        ).fetchone()[0]
        events = conn.execute(
            "SELECT ts, actor_id, actor_name, action, detail FROM audit_log"
            " WHERE target = ? ORDER BY seq",
            (f"person:{person_id}",),
        ).fetchall()
        return (
            one(
                "SELECT kind, name, kana, kana_key, birth_date, retired_at, created_at,"
                " updated_at FROM person WHERE id = ?"
            ),
            one(
                "SELECT department_id, hire_date, leave_date, status FROM employee WHERE person_id = ?"
            ),
            one(
                "SELECT verification_pending, registered_at, registered_by FROM my_number"
                " WHERE person_id = ?"
            ),
            conn.execute(
                "SELECT purpose FROM my_number_purpose WHERE person_id = ?", (person_id,)
            ).fetchall(),
            len(bytes(sealed)),
            events,
        )

    assert written(imported) == written(typed)
    key = clerk_like.vault.number_key()
    blob = conn.execute("SELECT sealed FROM my_number WHERE person_id = ?", (imported,)).fetchone()
    assert number_cipher.open_number(key, bytes(blob[0]), f"person:{imported}") == _number(2)
    assert numbers.reveal(clerk_like, imported, "tax_withholding").number.digits() == _number(2)
    assert audit.verify_chain(clerk_like).entries == _counts(office)["audit_log"]


def test_the_import_checks_against_the_data_inside_its_write_transaction(
    clerk_like: Session, tmp_path: Path
) -> None:
    """Nothing can take a code or a number between the check and the write: the check of a
    commit runs after BEGIN IMMEDIATE (a dry run, which writes no rows, need not)."""
    seen: list[tuple[importing.ImportStage, bool]] = []

    class Watching(importing.ImportProgress):
        def report(self, stage: importing.ImportStage, done: int, total: int) -> None:
            super().report(stage, done, total)
            seen.append((stage, clerk_like.vault.conn.in_transaction))

    path = _write(tmp_path / "big.csv", _employees_with_numbers(600))
    importing.commit(clerk_like, path, progress=Watching())
    stages = {stage: inside for stage, inside in seen if stage is not importing.ImportStage.READING}
    assert stages == {importing.ImportStage.CHECKING: True, importing.ImportStage.WRITING: True}
    assert {inside for stage, inside in seen if stage is importing.ImportStage.CHECKING} == {True}


def test_a_shared_detail_reads_back_as_the_dict_it_was_made_from() -> None:
    detail = {"purposes": ["tax_withholding"], "source": "import", "verification": "pending"}
    shared = audit.shared_detail(detail)
    detail["purposes"].append("health_pension")  # a later change to the source cannot reach it
    assert dict(shared) == {
        "purposes": ["tax_withholding"],
        "source": "import",
        "verification": "pending",
    }


def test_imported_people_get_the_ids_autoincrement_would_give(
    clerk_like: Session, tmp_path: Path
) -> None:
    """The import numbers a batch's people itself (one statement per batch): from one past the
    largest id ever used, as AUTOINCREMENT does, also when that person's row is gone."""
    from storage import people_repo

    conn = clerk_like.vault.conn

    def autoincrement_next() -> int:
        conn.execute("BEGIN")
        try:
            return people_repo.insert_person(
                conn,
                kind="payee",
                name="仮",
                kana="カリ",
                kana_key="カリ",
                birth_date=None,
                now="t",
            )
        finally:
            conn.execute("ROLLBACK")

    with clerk_like.vault.write() as writer:
        gone = people_repo.insert_person(
            writer.conn,
            kind="payee",
            name="仮",
            kana="カリ",
            kana_key="カリ",
            birth_date=None,
            now="t",
        )
        writer.conn.execute("DELETE FROM person WHERE id = ?", (gone,))
    first = autoincrement_next()
    assert first == gone + 1
    count = importing.REPORT_EVERY + 10  # more than one batch
    path = _write(tmp_path / "ids.csv", _employees_with_numbers(count))
    assert importing.commit(clerk_like, path).numbers == count
    ids = [r[0] for r in conn.execute("SELECT id FROM person WHERE id > ? ORDER BY id", (gone,))]
    assert ids == list(range(first, first + count))
    assert autoincrement_next() == first + count


def test_end_dates_are_imported_and_count_for_retention(
    clerk_like: Session, tmp_path: Path
) -> None:
    from app.services import retention

    rows = [
        _row(
            kind="従業員",
            code="E001",
            name="退職 一郎",
            kana="タイショク イチロウ",
            hire_date="2010-04-01",
            leave_date="平成28年3月31日",
            number=_number(11),
            purposes="源泉徴収事務",
        ),
        _row(
            kind="支払先",
            name="契約 満了",
            kana="ケイヤク マンリョウ",
            continuing="○",
            contract_to="2022-03-31",
            number=_number(12),
            purposes="支払調書作成事務",
        ),
        _row(kind="従業員", code="E002", name="在職 花子", kana="ザイショク ハナコ"),
    ]
    path = _write(tmp_path / "退職者あり.csv", rows)
    assert importing.commit(clerk_like, path).problems == []
    found = {p.name: p for p in people.search(clerk_like).rows}
    assert found["退職 一郎"].retired_at == "2016-03-31"
    details = people.profile(clerk_like, found["退職 一郎"].id).details
    assert (details.status, details.leave_date) == ("left", "2016-03-31")
    assert people.profile(clerk_like, found["契約 満了"].id).details.contract_to == "2022-03-31"
    assert found["在職 花子"].retired_at is None
    due = {e.name for e in retention.due_list(clerk_like).due}
    assert due == {"退職 一郎", "契約 満了"}


def test_an_end_date_of_another_kind_or_before_hiring_is_a_problem(
    clerk_like: Session, tmp_path: Path
) -> None:
    rows = [
        _row(
            kind="従業員",
            code="E001",
            name="山田 太郎",
            kana="ヤマダ タロウ",
            contract_to="2022-03-31",
        ),
        _row(
            kind="従業員",
            code="E002",
            name="佐藤 一郎",
            kana="サトウ イチロウ",
            hire_date="2020-04-01",
            leave_date="2019-03-31",
        ),
        _row(
            kind="従業員", code="E003", name="鈴木 次郎", kana="スズキ ジロウ", leave_date="いつか"
        ),
    ]
    report = importing.dry_run(clerk_like, _write(tmp_path / "誤り.csv", rows))
    messages = [message for _line, message in report.problems]
    assert any("契約終了日は支払先（個人）の行だけ" in m for m in messages)
    assert any("退職日が入社日より前" in m for m in messages)
    assert any("退職日「いつか」を日付として読めません" in m for m in messages)


def test_a_dependent_of_an_employee_outside_the_scope_reads_like_a_missing_one(
    office: Office, tmp_path: Path
) -> None:
    """Which of the two it is would tell a clerk that the code exists in another department."""
    session = office.manager
    session.user = staff.set_scopes(
        session, "kanri", ["purpose:tax_withholding", "kind:employee", "kind:dependent"]
    )
    people.register_employee(
        session, code="S001", name="営業 太郎", kana_text="エイギョウ タロウ", department="営業部"
    )
    session.user = staff.set_scopes(session, "kanri", ["purpose:tax_withholding", "dept:総務部"])
    rows = [
        _row(
            kind="扶養親族",
            name="営業 花子",
            kana="エイギョウ ハナコ",
            relation="配偶者",
            employee_code="S001",
        ),
        _row(
            kind="扶養親族",
            name="誰か 次郎",
            kana="ダレカ ジロウ",
            relation="子",
            employee_code="X999",
        ),
    ]
    report = importing.dry_run(session, _write(tmp_path / "家族.csv", rows))
    by_line = {}
    for line, message in report.problems:
        by_line.setdefault(line, []).append(message)
    first, second = (sorted(by_line[line]) for line in sorted(by_line))
    assert [m.replace("S001", "X999") for m in first] == second
    assert all("担当範囲に見つかりません" in m for m in first + second)
    assert report.refused == {"group_scope": 1}  # the hidden one is still a logged refusal
