"""Reading an import file (CSV in UTF-8 or CP932, or .xlsx) into rows of text, bounded by what
the file really holds: a regular file only (never a folder, a device or a pipe), at most
MAX_BYTES read, and for .xlsx neither the sheet's declared size nor the zip's promises trusted.

Every refusal is one Japanese sentence that never quotes the file's content.
"""

from __future__ import annotations

import codecs
import csv
import logging
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from app import errors
from app.domain import my_number

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
# The template has 17 columns; a payroll export may carry its own around them. Data beyond
# this column is refused rather than dropped without a word.
MAX_COLUMNS = 64
# One CSV record (a row, with any line breaks inside quotes): a real one is a few hundred
# characters; a longer one is a file that is not a list of people.
MAX_RECORD_CHARS = 64 * 1024
# What the parts of an .xlsx may unpack to, together: 200,000 rows of the template take about
# 150 MB of sheet XML.
MAX_XLSX_UNPACKED = 200 * 1024 * 1024
MAX_XLSX_MEMBERS = 10_000
# Excel's own limits: a sheet has at most this many rows, a row at most this many cells.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
# Children of any one element of an .xlsx part: openpyxl keeps an element's children until the
# element ends, so this bounds what one element can hold (rows of a sheet, strings of the
# shared-string table, styles…); the cells of a row are bounded by EXCEL_COLUMNS.
MAX_CHILDREN = EXCEL_ROWS

Tick = Callable[[int], None]


def file_label(path: Path) -> str:
    """The file's name as logged and shown: a name that holds a number-like run is not."""
    return my_number.echo(path.name, 120)


def read_table(path: Path, tick: Tick | None = None, every: int = 250) -> list[list[str]]:
    """All non-empty rows as text (trailing empty cells dropped); `tick(rows)` every `every`
    rows read. A clear Japanese error for every file that cannot be one of ours."""
    with open_regular(path) as handle:
        if path.suffix.lower() == ".xlsx":
            return _read_xlsx(handle, tick, every)
        text = _csv_text(handle)
    return _read_csv(text, tick, every)


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading if it is a regular file of at most MAX_BYTES.

    A folder, a device (/dev/zero never ends), a pipe (opening one waits for a writer for
    ever) or a socket is refused before it is opened, and again on the open handle, so a file
    swapped in between is refused too. On POSIX the open does not wait (O_NONBLOCK)."""
    label = file_label(path)
    try:
        before = os.stat(path)
    except OSError:
        raise errors.InvalidInput(
            f"ファイル「{label}」を開けません。ファイルがあるか確認してください。"
        ) from None
    _check_regular(before, label)
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0) | nonblocking
    try:
        fd = os.open(path, flags)
    except OSError:
        raise errors.InvalidInput(
            f"ファイル「{label}」を開けません。ほかのプログラムで開いていないか、"
            "読み取りの権限があるか確認してください。"
        ) from None
    try:
        _check_regular(os.fstat(fd), label)
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_regular(info: os.stat_result, label: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise errors.InvalidInput(
            f"「{label}」はフォルダーです。取り込むCSVまたはExcelのファイルを指定してください。"
        )
    if not stat.S_ISREG(info.st_mode):
        raise errors.InvalidInput(
            f"「{label}」は通常のファイルではありません（デバイスやパイプなど）。"
            "CSVまたはExcelのファイルを指定してください。"
        )
    if info.st_size > MAX_BYTES:
        raise _too_large(info.st_size)


def _too_large(size: int | None = None) -> errors.InvalidInput:
    shown = f"（{size // (1024 * 1024):,} MB）" if size is not None else ""
    return errors.InvalidInput(
        f"ファイルが大きすぎます{shown}。{MAX_BYTES // (1024 * 1024)} MB以下に分けてください。"
    )


def _too_many_rows() -> errors.InvalidInput:
    return errors.InvalidInput(f"行数が多すぎます。{MAX_ROWS:,}行以下に分けてください。")


def _too_many_columns() -> errors.InvalidInput:
    return errors.InvalidInput(
        f"列が多すぎます。{MAX_COLUMNS}列目より右に値があります。"
        f"取り込む列を{MAX_COLUMNS}列以内にしてください。"
    )


class _Rows:
    """The non-empty rows kept so far, each cut after its last non-empty cell."""

    def __init__(self, tick: Tick | None, every: int) -> None:
        self.rows: list[list[str]] = []
        self.tick, self.every = tick, every

    def add(self, cells: list[str]) -> None:
        last = len(cells)
        while last and not cells[last - 1].strip():
            last -= 1
        if not last:
            return
        if last > MAX_COLUMNS:
            raise _too_many_columns()
        if len(self.rows) > MAX_ROWS:  # the heading and MAX_ROWS rows are already here
            raise _too_many_rows()
        self.rows.append(cells[:last] if last < len(cells) else cells)
        if self.tick is not None and not len(self.rows) % self.every:
            self.tick(len(self.rows))


# --- CSV --------------------------------------------------------------------------------


def _csv_text(handle: BinaryIO) -> str:
    """At most MAX_BYTES + 1 bytes are read, and only the decoded text outlives this call."""
    raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise _too_large()  # it grew after it was measured, or its size says nothing (/proc)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16_text(raw)
    if b"\x00" in raw:
        raise errors.InvalidInput("CSVファイルではありません（バイナリデータが含まれています）。")
    return _decode(raw)


def _utf16_text(raw: bytes) -> str:
    """Excel's 「Unicode テキスト」 (UTF-16 with its BOM, tab-separated)."""
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        raise errors.InvalidInput(
            "UTF-16のテキストとして読めません（ファイルが途中で切れていないか確認してください）。"
        ) from None
    if "\x00" in text:
        raise errors.InvalidInput("CSVファイルではありません（バイナリデータが含まれています）。")
    return text


def _delimiter(text: str) -> str:
    """A tab when the heading is tab-separated (Excel's テキスト（タブ区切り） and Unicode
    テキスト) and holds no comma; else a comma."""
    found = _LINE_END.search(text, 0, MAX_RECORD_CHARS)
    heading = text[: found.start() if found else MAX_RECORD_CHARS]
    return "\t" if "\t" in heading and "," not in heading else ","


def _read_csv(text: str, tick: Tick | None, every: int) -> list[list[str]]:
    rows = _Rows(tick, every)
    lines = _RecordLines(text)
    try:
        for row in csv.reader(lines, delimiter=_delimiter(text), strict=True):
            rows.add(row)
            lines.record_done()
    except csv.Error as exc:
        raise errors.InvalidInput(
            "CSVを最後まで読めませんでした（引用符が閉じていない等）。"
            "ファイルが途中で切れていないか確認してください。"
        ) from exc
    return rows.rows


_LINE_END = re.compile(r"\r\n|\r|\n")


class _RecordLines:
    """The text's lines, ends kept, for csv.reader: sliced one at a time (no copy of the whole
    text), and a record longer than MAX_RECORD_CHARS is refused before the reader builds it
    (one line of commas would otherwise become millions of cells)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.chars = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        start, text = self.position, self.text
        if start >= len(text):
            raise StopIteration
        limit = min(len(text), start + MAX_RECORD_CHARS + 1)
        found = _LINE_END.search(text, start, limit)
        self.position = found.end() if found else limit
        self.chars += self.position - start
        if self.chars > MAX_RECORD_CHARS:
            raise errors.InvalidInput(
                "CSVの1行が長すぎます（区切りや引用符の誤り、または対象者の一覧ではないファイルです）。"
            )
        return text[start : self.position]

    def record_done(self) -> None:
        self.chars = 0


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or CP932, as Japanese payroll software writes it."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise errors.InvalidInput(
        "文字コードを判別できません。UTF-8 または Shift_JIS（CP932）で保存したCSVを使ってください。"
    )


# --- .xlsx ------------------------------------------------------------------------------


def _not_excel() -> errors.InvalidInput:
    return errors.InvalidInput("Excelファイル（.xlsx）として読めません。")


def _read_xlsx(handle: BinaryIO, tick: Tick | None, every: int) -> list[list[str]]:
    _check_archive(handle)
    from openpyxl import load_workbook

    handle.seek(0)
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever a malformed part makes it raise
        log.info("xlsx not readable: %s", type(exc).__name__)
        raise _not_excel() from None
    try:
        if not book.worksheets:
            raise errors.InvalidInput(
                "Excelファイルにシートがありません。1枚目のシートに一覧を入れてください。"
            )
        sheet = book.worksheets[0]
        # The sheet's <dimension> is whatever the file claims (A1:XFD1048576 in a 4 KB file):
        # forgotten, so rows are as long as their cells and no missing row is made up.
        sheet.reset_dimensions()
        rows = _Rows(tick, every)
        for count, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if count > EXCEL_ROWS:
                raise errors.InvalidInput(
                    "Excelの行数の上限を超える行番号があります。Excelで保存し直してください。"
                )
            if values:
                rows.add([_cell_text(v) for v in values[: MAX_COLUMNS + 1]])
                if len(values) > MAX_COLUMNS + 1 and any(
                    v is not None and _cell_text(v).strip() for v in values[MAX_COLUMNS + 1 :]
                ):
                    raise _too_many_columns()
        return rows.rows
    except errors.AppError:
        raise
    except Exception as exc:
        log.info("xlsx sheet not readable: %s", type(exc).__name__)
        raise _not_excel() from None
    finally:
        book.close()


def _check_archive(handle: BinaryIO) -> None:
    """Before openpyxl reads anything: the zip's parts unpack to at most MAX_XLSX_UNPACKED
    together (Python's zipfile stops each part at its declared size, so the declared sizes
    are a real bound), and no XML part holds a DTD or an element with more children than
    openpyxl can be allowed to keep."""
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _not_excel() from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_XLSX_MEMBERS:
            raise _unpacks_too_large()
        if sum(member.file_size for member in members) > MAX_XLSX_UNPACKED:
            raise _unpacks_too_large()
        for member in members:
            if not member.is_dir():
                _check_xml_part(archive, member)


def _unpacks_too_large() -> errors.InvalidInput:
    return errors.InvalidInput(
        "Excelファイルの中身が大きすぎます（展開すると"
        f"{MAX_XLSX_UNPACKED // (1024 * 1024)} MBを超えます）。"
        "行を分けるか、CSVで保存し直してください。"
    )


def _shape_handlers() -> tuple[Callable[[str, dict[str, str]], None], Callable[[str], None]]:
    """Expat handlers that count each open element's children as a part streams by (nothing
    else is kept); lean, since they run for every element of a sheet."""
    names: list[str] = []  # the open elements, outermost first
    children: list[int] = []  # children of each open element so far

    def start(name: str, attributes: dict[str, str]) -> None:
        if children:
            count = children[-1] = children[-1] + 1
            if count > EXCEL_COLUMNS and (count > MAX_CHILDREN or _is_row(names[-1])):
                raise errors.InvalidInput(
                    "Excelファイルの構造が想定外です（1行のセル、または1つの要素の項目が"
                    "多すぎます）。Excelで保存し直してください。"
                )
        if _is_row(name) and not _row_number_fits(attributes.get("r")):
            # openpyxl would make up every missing row before it (a thousand million).
            raise errors.InvalidInput(
                "Excelの行数の上限を超える行番号があります。Excelで保存し直してください。"
            )
        names.append(name)
        children.append(0)

    def end(_name: str) -> None:
        names.pop()
        children.pop()

    return start, end


def _is_row(name: str) -> bool:
    return name == "row" or name.endswith(":row")


def _refuse_dtd(*_args: object) -> None:
    # No part of an .xlsx has a DTD; one here can only be an entity expansion attack.
    raise errors.InvalidInput("Excelファイルに想定外の内容（DTD）が含まれています。")


def _row_number_fits(text: str | None) -> bool:
    if text is None:
        return True
    try:
        return 1 <= int(text) <= EXCEL_ROWS
    except ValueError:
        return False  # openpyxl could not read it either


_BLANK = b"\xef\xbb\xbf \t\r\n"  # a byte-order mark and white space before the first tag


def _check_xml_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Stream one part through expat (no tree is built); a part that does not start with a
    tag is not XML (an image, a binary part) and openpyxl does not parse it either."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = _shape_handlers()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    seen_tag = False
    try:
        with archive.open(member) as part:
            while chunk := part.read(64 * 1024):
                if not seen_tag:
                    start = chunk.lstrip(_BLANK)
                    if start and not start.startswith(b"<"):
                        return
                    seen_tag = bool(start)
                parser.Parse(chunk, False)
            if seen_tag:
                parser.Parse(b"", True)
    except errors.AppError:
        raise
    except (expat.ExpatError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        # Not well-formed, a bad CRC or an unsupported compression: openpyxl would fail too.
        raise _not_excel() from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
