"""The names offered when a document or list is saved: the document's own (Japanese) title,
whom and when it concerns, e.g. 「本人確認記録_山田太郎_2026-12-07.pdf」. Safe on Windows, short,
and never carrying a My Number."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from app.domain.my_number import looks_like_number

# What Windows refuses in a file name, besides control characters.
_INVALID = re.compile(r'[\\/:*?"<>|]')
_SPACES = re.compile(r"\s+")
# Spaces between two Japanese characters go (山田 太郎 → 山田太郎); between Latin words one stays.
_SPACE_IN_JAPANESE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_GROUPING = re.compile(r"[_,，、]")
# Names Windows keeps for devices, whatever the extension (CON.pdf is no file).
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(1, 10)]
    + [f"LPT{n}" for n in range(1, 10)]
)
NAME_MAX = 80  # characters before the extension: room for a folder path under 260
PART_MAX = 30  # one long part (a name, a title) leaves room for the others and a date
SEPARATOR = "_"
Part = str | date | None


def pdf_name(title: str, *parts: Part) -> str:
    """`title_part_part.pdf`; a date is written 2026-12-07, an empty part is left out."""
    return file_name(title, *parts, extension="pdf")


def csv_name(title: str, *parts: Part) -> str:
    return file_name(title, *parts, extension="csv")


def file_name(title: str, *parts: Part, extension: str) -> str:
    """The parts cleaned and joined; a part that could hold a My Number (twelve digits or
    more, however written) is left out whole, and what is left is cut to NAME_MAX."""
    kept = [text for text in (_clean(_text(part)) for part in (title, *parts)) if text]
    stem = SEPARATOR.join(text[:PART_MAX].rstrip(" .") for text in kept)
    stem = stem[:NAME_MAX].rstrip(" ." + SEPARATOR) or "document"
    if stem.split(".")[0].upper() in _RESERVED:
        stem += SEPARATOR
    return f"{stem}.{extension}"


def period(since: date, until: date) -> str:
    """A period as a file name says it: 2026年12月 for a calendar month, 2026年度 for an April
    to March year, 2026年 for a calendar year, else 2026-04-01〜2026-06-30."""
    if since == until:
        return since.isoformat()
    ends = (since.month, since.day, until.month, until.day)
    if since.day == 1 and _month_end(until) and since.replace(day=1) == until.replace(day=1):
        return f"{since.year}年{since.month}月"
    if ends == (4, 1, 3, 31) and until.year == since.year + 1:
        return f"{since.year}年度"
    if ends == (1, 1, 12, 31) and until.year == since.year:
        return f"{since.year}年"
    return f"{since.isoformat()}〜{until.isoformat()}"


def _month_end(day: date) -> bool:
    return day.month != date.fromordinal(day.toordinal() + 1).month


def _text(part: Part) -> str:
    if part is None:
        return ""
    if isinstance(part, datetime):
        return part.date().isoformat()
    if isinstance(part, date):
        return part.isoformat()
    try:  # a stored timestamp (2026-12-07T09:05:00+09:00) names its day only
        if len(part) > 10 and part[4] == "-" and "T" in part:
            return datetime.fromisoformat(part).date().isoformat()
    except ValueError:
        pass
    return part


def _clean(text: str) -> str:
    """Without characters Windows refuses, control characters and runs of spaces; empty when
    the text could hold a My Number."""
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    text = _SPACES.sub(" ", _SPACE_IN_JAPANESE.sub("", _INVALID.sub("", text))).strip(" .")
    # Underscores and commas may group digits too ("1234_5678_9012"): read as separators here.
    if looks_like_number(text) or looks_like_number(_GROUPING.sub("-", text)):
        return ""
    return text
