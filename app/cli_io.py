"""The CLI's text streams: one encoding for what it prints to a file or a pipe, and one for
what it reads on standard input, on every system (README: 「コマンドの文字コード」).

Output: a console keeps what Python chose (on Windows the console's own Unicode interface);
output redirected to a file or a pipe is UTF-8 without a BOM. Windows would otherwise write
the ANSI code page (cp932), which has no 𠮷 and ends the command with an encoding error.

Input (--password-stdin, --recovery-key-stdin): UTF-8, a leading BOM skipped (Notepad writes
one), or UTF-16 with its BOM (PowerShell 5.1's `>` and Out-File). Other bytes (a Shift_JIS
file) are refused before anything is tried, so they never count as a wrong password. Exactly
one line ending (CRLF or LF) is taken off each line; nothing else is.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable
from typing import BinaryIO, TextIO

REDIRECTED_ENCODING = "utf-8"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def configure_output(streams: Iterable[TextIO | None]) -> None:
    """UTF-8 for each stream that is not a console; never an encoding error on any stream
    (a character no encoding holds, such as a lone surrogate from an undecodable file name,
    is written as an escape)."""
    for stream in streams:
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            if stream.isatty() or codecs.lookup(stream.encoding).name == REDIRECTED_ENCODING:
                stream.reconfigure(errors="backslashreplace")
            else:
                stream.flush()
                stream.reconfigure(encoding=REDIRECTED_ENCODING, errors="backslashreplace")
        except (OSError, ValueError, LookupError):
            continue  # a closed or detached stream: left as it is


def without_line_ending(line: str) -> str:
    """One CRLF or LF off the end, no more: 'pw\\r\\r\\n' keeps its stray CR."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith("\n"):
        return line[:-1]
    return line


def _lines_of(text: str) -> list[str]:
    """Split after each LF only (str.splitlines would also split at VT, FS, U+2028, ...)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def read_lines(stream: BinaryIO | TextIO | None, count: int) -> list[str | None]:
    """`count` lines, each without its line ending; None for a line that is not there.
    Raises UnicodeDecodeError for input that is neither UTF-8 nor UTF-16 with a BOM. A text
    stream without bytes underneath (a caller's StringIO) is taken as already decoded."""
    if stream is None:
        return [None] * count
    first = stream.readline()
    if isinstance(first, str):
        text_lines = [first]
        while text_lines[-1] and len(text_lines) < count:
            text_lines.append(stream.readline())  # type: ignore[arg-type]
        found_text: list[str | None] = [without_line_ending(t) for t in text_lines if t]
        return found_text + [None] * (count - len(found_text))
    if first.startswith(_UTF16_BOMS):
        # UTF-16 comes from a file or pipe, never typed: read to the end (an LF byte may sit
        # inside a character, so the bytes cannot be split into lines before decoding).
        raw = _lines_of((first + stream.read()).decode("utf-16"))
    else:
        raw = []
        line = first.removeprefix(codecs.BOM_UTF8)
        while line and len(raw) < count:
            raw.append(line.decode("utf-8"))
            if len(raw) < count:
                line = stream.readline()
    found: list[str | None] = [without_line_ending(line) for line in raw[:count]]
    return found + [None] * (count - len(found))
