"""Plaintext never reaches disk or a terminal: canaries, DB-01, log redaction, DB-04 silence."""

from __future__ import annotations

import logging
import os
import random
import re
import secrets
import string
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import given
from hypothesis import strategies as st

from app.redaction import MASK, configure_logging, redact
from app.services import staff
from storage.connection import open_database
from storage.errors import VaultCorrupt
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, ROOT, Office, run_cli

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Separators a person or an IME puts between digit groups; the detector below is independent
# of app.redaction so that a gap in the product's pattern is not mirrored here.
_SEPARATORS = " \u3000-‐‑‒–—―－ー−."


def _number_like(text: str) -> list[str]:
    """Twelve digits (any width) with at most one separator between neighbours."""
    folded = unicodedata.normalize("NFKC", text)
    sep = re.escape(unicodedata.normalize("NFKC", _SEPARATORS) + _SEPARATORS)
    return re.findall(rf"[0-9](?:[{sep}]?[0-9]){{11}}", folded)


def _random_letters(n: int) -> str:
    return "".join(secrets.choice(string.ascii_letters) for _ in range(n))


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            for folder, _dirs, names in os.walk(root):
                for name in names:
                    yield Path(folder) / name


def _new_temp_files(since: float, exclude: Iterable[Path] = ()) -> list[Path]:
    """Files in the process temp dir created or changed since `since` (other programs' files
    that vanish or cannot be read are skipped)."""
    excluded = [p.resolve() for p in exclude]
    found = []
    for path in _files(Path(tempfile.gettempdir())):
        try:
            info = path.stat()
        except OSError:
            continue
        if max(info.st_mtime, info.st_ctime) < since or info.st_size > 64 * 1024 * 1024:
            continue
        if any(path.resolve().is_relative_to(e) for e in excluded):
            continue
        found.append(path)
    return found


def _hits(paths: Iterable[Path], needles: Iterable[bytes]) -> list[tuple[str, bytes]]:
    wanted = list(needles)
    hits = []
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        hits += [(str(path), n) for n in wanted if n in raw]
    return hits


@pytest.fixture
def app_logging(tmp_path: Path) -> Iterator[Path]:
    """The product's logging into a temp folder; pytest's own handlers are put back after."""
    root = logging.getLogger()
    saved_handlers, saved_level, saved_hook = list(root.handlers), root.level, sys.excepthook
    log_dir = tmp_path / "app-logs"
    configure_logging(log_dir)
    yield log_dir / "mynumber-desk.log"
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in saved_handlers:
        root.addHandler(handler)
    root.setLevel(saved_level)
    sys.excepthook = saved_hook


def _flush_logs() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


# --- canary ------------------------------------------------------------------------------


def test_canary_staff_name_is_never_on_disk_in_clear(
    office: Office, app_logging: Path, tmp_path: Path
) -> None:
    started = time.time() - 1
    data = office.data
    suffix = _random_letters(16)
    canary = unicodedata.normalize("NFKC", f"漏洩検査 カナリア{suffix}")
    login = "kanaria-" + _random_letters(12).lower()
    password = f"Canary-{_random_letters(10)}-{_random_letters(6)}"
    staff.create_staff(
        office.manager,
        login=login,
        display_name=canary,
        roles=["clerk"],
        scopes=["kind:employee"],
        initial_password=password,
    )
    second = f"漏洩検査 カナリア二{_random_letters(16)}"
    secrets_ = [canary, suffix, login, password, second, MANAGER_PASSWORD]
    needles = [n for text in secrets_ for n in _encodings(text)]
    journal = Path(str(data.database) + "-journal")

    assert _hits(_files(data.data_dir), needles) == []
    with office.manager.vault.write() as writer:
        writer.conn.execute(
            "UPDATE staff SET display_name = ? WHERE login_name = ?", (second, login)
        )
        assert journal.exists(), "the open write should have its rollback journal"
        assert _hits(_files(data.data_dir, app_logging.parent), needles) == []
    office.manager.close()

    assert not journal.exists()
    assert _hits(_files(data.data_dir, app_logging.parent, data.slots), needles) == []
    # Anything this test made in the temp folder (our own tmp_path included). Passwords of
    # the shared test constants are left out here: other test runs may use them too.
    unique = [n for text in (canary, suffix, login, password, second) for n in _encodings(text)]
    assert _hits(_new_temp_files(started), unique) == []


# --- the access log as exported -----------------------------------------------------------


def test_the_exported_access_log_never_holds_a_number(office: Office, tmp_path: Path) -> None:
    """A day of every kind of action on numbers, then the CSV in both encodings: no number
    in any form, and no twelve-digit run at all but inside the program's own backup hash."""
    from app.services import audit, auth
    from tests.conftest import AUDITOR_PASSWORD
    from tests.support import audit_scenario

    audit_scenario.build(office, tmp_path)
    used = audit_scenario.numbers_used()
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        exports = {
            "utf-8-sig": audit.export_csv(auditor),
            "cp932": audit.export_csv(auditor, encoding="cp932"),
        }
    finally:
        auditor.close()
    forms = [f for n in used for f in (n, _hyphenated(n), n.translate(FULL_WIDTH))]
    for encoding, raw in exports.items():
        text = raw.decode(encoding)
        assert "ハッシュ値" in text  # the backup's digest is in the file...
        without_digest = re.sub(r"[0-9a-f]{64}", "", text)
        assert _number_like(without_digest) == []  # ...and nothing else could be a number
        assert [f for f in forms if f in text] == []
        assert [f for f in forms if f.encode(encoding.removesuffix("-sig")) in raw] == []


# --- DB-01 -------------------------------------------------------------------------------


def _check_digit(first11: str) -> str:
    """My Number check digit (番号法施行令第8条)."""
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    return "0" if remainder <= 1 else str(11 - remainder)


def _synthetic_numbers(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    numbers = set()
    while len(numbers) < count:
        body = f"{rng.randrange(10**11):011d}"
        numbers.add(body + _check_digit(body))
    return sorted(numbers)


def _hyphenated(number: str) -> str:
    return f"{number[:4]}-{number[4:8]}-{number[8:]}"


_ANY_NUMBER = [
    re.compile(rb"[0-9]{12}"),
    re.compile(rb"(?:[0-9]\x00){12}"),
    re.compile(rb"[0-9]{4}-[0-9]{4}-[0-9]{4}"),
    re.compile(rb"(?:[0-9]\x00){4}-\x00(?:[0-9]\x00){4}-\x00(?:[0-9]\x00){4}"),
]


def _pattern_hits(paths: Iterable[Path]) -> list[tuple[str, bytes]]:
    """Any twelve-digit run in the database files, not only the numbers we wrote."""
    hits = []
    for path in paths:
        raw = path.read_bytes()
        hits += [(str(path), m.group()) for p in _ANY_NUMBER for m in p.finditer(raw)]
    return hits


def test_db01_ten_thousand_numbers_leave_no_plaintext(office: Office, app_logging: Path) -> None:
    started = time.time() - 1
    data = office.data
    numbers = _synthetic_numbers(10_000, seed=20261123)
    sample = random.Random(7).sample(numbers, 200)
    needles = [
        n for number in sample for text in (number, _hyphenated(number)) for n in _encodings(text)
    ]
    journal = Path(str(data.database) + "-journal")
    vault = office.manager.vault
    # A tiny page cache makes SQLCipher spill pages to the file mid-transaction, so the scan
    # during the open write sees real page writes, not only what sits in memory.
    vault.conn.execute("PRAGMA cache_size = 10")
    size_before = data.database.stat().st_size

    with vault.write() as writer:
        writer.conn.execute("CREATE TABLE scratch_numbers (n TEXT NOT NULL, formatted TEXT)")
        writer.conn.executemany(
            "INSERT INTO scratch_numbers (n, formatted) VALUES (?, ?)",
            [(n, _hyphenated(n)) for n in numbers],
        )
        assert journal.exists()
        assert data.database.stat().st_size > size_before, "no page was spilled to the file"
        during = [data.database, journal]
        assert _hits(during, needles) == []
        assert _pattern_hits(during) == []

    count = vault.conn.execute("SELECT count(*) FROM scratch_numbers").fetchone()[0]
    assert count == 10_000
    logging.getLogger("tests.db01").info("inserted %d synthetic numbers", count)
    office.manager.close()
    _flush_logs()

    assert not journal.exists()
    after = list(_files(data.data_dir))
    assert _pattern_hits([p for p in after if p.suffix == ".db"]) == []
    assert _hits(after, needles) == []
    assert _hits(_files(app_logging.parent), needles) == []
    assert _hits(_new_temp_files(started), needles) == []


# --- log redaction -----------------------------------------------------------------------


class _Holder:
    def __str__(self) -> str:
        return "holder of 1234 5678 9012"


def test_numbers_logged_any_way_never_reach_the_log_file(
    app_logging: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Again inside the test: the console handler binds the sys.stderr capsys has put in place.
    configure_logging(app_logging.parent)
    log = logging.getLogger("tests.redaction")
    log.error("plain %s end", "123456789012")
    log.error("full-width %s end", "123456789012".translate(FULL_WIDTH))
    log.warning("grouped %s end", "1234 5678 9012")
    log.info("hyphenated 1234-5678-9012 in the message itself")
    log.error("ideographic space %s", "1234\u30005678\u30009012")
    log.error("long-vowel mark %s", "1234ー5678ー9012")
    log.error("in a dict %r", {"number": "123456789012"})
    log.error("an object %s", _Holder())
    try:
        try:
            raise KeyError("１２３４－５６７８－９０１２")
        except KeyError as inner:
            error = ValueError("bad number 123456789012 for 1234-5678-9012")
            error.add_note("note: 1234 5678 9012")
            raise error from inner
    except ValueError:
        log.exception("processing failed")
    log.error("with stack", stack_info=True)
    _flush_logs()

    text = app_logging.read_text(encoding="utf-8")
    assert text.count(MASK) >= 12, text
    assert "processing failed" in text and "ValueError" in text and "KeyError" in text
    assert _number_like(text) == [], text
    err = capsys.readouterr().err
    assert "processing failed" in err
    assert _number_like(err) == [], err


_STYLES = {
    "plain": lambda d: d,
    "full-width": lambda d: d.translate(FULL_WIDTH),
    "spaces": lambda d: f"{d[:4]} {d[4:8]} {d[8:]}",
    "hyphens": lambda d: f"{d[:4]}-{d[4:8]}-{d[8:]}",
    "full-width-hyphens": lambda d: f"{d[:4]}－{d[4:8]}－{d[8:]}".translate(FULL_WIDTH),
    "ideographic-spaces": lambda d: f"{d[:4]}\u3000{d[4:8]}\u3000{d[8:]}",
    "long-vowel-marks": lambda d: f"{d[:4]}ー{d[4:8]}ー{d[8:]}",
    "hyphen-then-space": lambda d: f"{d[:4]}-{d[4:8]} {d[8:]}",
}
_AROUND = st.text(alphabet=list("abcXYZ番号はです：、。（）/ \n\t-「」"), max_size=12)
_DIGITS = set("0123456789０１２３４５６７８９")


@given(
    parts=st.lists(
        st.tuples(
            _AROUND,
            st.text(alphabet="0123456789", min_size=12, max_size=12),
            st.sampled_from(sorted(_STYLES)),
        ),
        min_size=1,
        max_size=4,
    ),
    tail=_AROUND,
)
def test_redact_removes_every_twelve_digit_number(
    parts: list[tuple[str, str, str]], tail: str
) -> None:
    text = "".join(around + _STYLES[style](digits) for around, digits, style in parts) + tail
    result = redact(text)
    # The surrounding text holds no digits, so none may survive.
    assert not _DIGITS & set(result), (text, result)
    assert result.count(MASK) >= 1


_HARMLESS = st.one_of(
    st.text(alphabet="0123456789", min_size=11, max_size=11),
    st.text(alphabet="0123456789", min_size=11, max_size=11).map(lambda d: d.translate(FULL_WIDTH)),
    st.text(alphabet="0123456789", min_size=11, max_size=11).map(
        lambda d: f"{d[:4]}-{d[4:8]}-{d[8:]}"
    ),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d:%Y/%m/%d}"),
    st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    st.integers(0, 99_999_999).map(str),
    st.sampled_from(["03-1234-5678", "090-1234-5678", "123-4567", "1,234,567円", "v4.19.0"]),
    st.text(alphabet=list("abc番号はです"), min_size=1, max_size=8),
)
# Joined by characters that are neither digits nor separators the pattern bridges.
_JOINERS = st.sampled_from(["、", "。", "：", "/", "（", "）", "x", "円", "\n"])


@given(tokens=st.lists(st.tuples(_HARMLESS, _JOINERS), min_size=1, max_size=6))
def test_redact_leaves_shorter_numbers_and_dates_alone(tokens: list[tuple[str, str]]) -> None:
    text = "".join(token + joiner for token, joiner in tokens)
    assert redact(text) == text


# --- DB-04: wrong key, wrong password, missing slot file ---------------------------------

_SQLCIPHER_NOISE = ("hmac", "sqlcipher", "error core", "codec")


def _assert_one_line_of_ours(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mynumber-desk: エラー: "), lines[0]
    for noise in _SQLCIPHER_NOISE:
        assert noise not in result.stderr.lower(), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def _verify_cli(office: Office, password: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "verify",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=password + "\n",
    )


def test_db04_wrong_password_prints_one_line_and_no_engine_output(office: Office) -> None:
    office.manager.close()
    line = _assert_one_line_of_ours(_verify_cli(office, "Wrong-Harbor-Lantern-00"))
    assert "パスワードが違います" in line


@pytest.mark.parametrize("also_backup_copy", [False, True])
def test_db04_missing_slot_file_prints_one_line(office: Office, also_backup_copy: bool) -> None:
    office.manager.close()
    office.data.slots.unlink()
    if also_backup_copy:
        office.data.slots.with_name("keyslots.json.bak").unlink(missing_ok=True)
    line = _assert_one_line_of_ours(_verify_cli(office, MANAGER_PASSWORD))
    assert "keyslots.json" in line


def test_db04_wrong_key_database_prints_one_line_and_no_engine_output(
    office: Office, tmp_path: Path
) -> None:
    """The right password, but the database is another one: SQLCipher sees a wrong key."""
    office.manager.close()
    other = tmp_path / "other.db"
    conn = open_database(other, secrets.token_bytes(32), create=True)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    other.replace(office.data.database)
    line = _assert_one_line_of_ours(_verify_cli(office, MANAGER_PASSWORD))
    assert "壊れているか" in line


def test_db04_wrong_raw_key_in_process_is_vault_corrupt_and_silent(
    office: Office, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    office.manager.close()
    # Make SQLCipher's process-global logger loud first: open_database must silence it.
    noisy = sqlcipher3.connect(str(tmp_path / "noisy.db"))
    noisy.execute("PRAGMA cipher_log_level = WARN")
    noisy.close()
    capfd.readouterr()
    with pytest.raises(VaultCorrupt):
        open_database(office.data.database, secrets.token_bytes(32))
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


# --- an uncaught exception ---------------------------------------------------------------


def test_uncaught_exception_with_a_number_is_redacted_in_log_and_stderr(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from pathlib import Path

            from app.redaction import configure_logging

            configure_logging(Path(sys.argv[1]))


            def fail(number):
                try:
                    raise KeyError("１２３４５６７８９０１２")
                except KeyError as inner:
                    error = RuntimeError(f"number {number} and 1234-5678-9012")
                    error.add_note("note 1234 5678 9012")
                    raise error from inner


            fail("123456789012")
            """
        ),
        encoding="utf-8",
    )
    log_dir = tmp_path / "logs"
    result = subprocess.run(
        [sys.executable, str(script), str(log_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    log_text = (log_dir / "mynumber-desk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log_text and MASK in log_text
    assert _number_like(log_text) == [], log_text
    assert _number_like(result.stderr) == [], result.stderr
    assert _number_like(result.stdout) == []
    assert "予期しないエラー" in result.stderr


def test_a_log_file_that_cannot_be_written_does_not_print_the_number(tmp_path: Path) -> None:
    script = tmp_path / "disk_full.py"
    script.write_text(
        textwrap.dedent(
            """
            import errno
            import logging
            import sys
            from pathlib import Path

            from app.redaction import configure_logging

            configure_logging(Path(sys.argv[1]))


            class DiskFull:
                def write(self, text):
                    raise OSError(errno.ENOSPC, "No space left on device")

                def flush(self):
                    pass


            for handler in logging.getLogger().handlers:
                if isinstance(handler, logging.FileHandler):
                    handler.stream = DiskFull()
            try:
                raise ValueError("number 123456789012")
            except ValueError:
                logging.getLogger("app").warning("could not process the row")
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "logs")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _number_like(result.stderr) == [], result.stderr
