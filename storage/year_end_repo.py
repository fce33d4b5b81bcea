"""Year-end content of the statutory forms per person, year and form (migration 0017)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class YearEndRow:
    id: int
    person_id: int
    year: int
    form: str
    slip: int
    amounts: dict[str, int]
    facts: dict[str, str]
    source: str
    updated_at: str
    updated_by_name: str


_COLUMNS = "id, person_id, year, form, slip, amounts, facts, source, updated_at, updated_by_name"


def _row(values: tuple) -> YearEndRow:
    return YearEndRow(
        int(values[0]),
        int(values[1]),
        int(values[2]),
        values[3],
        int(values[4]),
        json.loads(values[5]),
        json.loads(values[6]),
        values[7],
        values[8],
        values[9],
    )


def put(
    conn: Connection,
    *,
    person_id: int,
    year: int,
    form: str,
    amounts: Mapping[str, int],
    facts: Mapping[str, str],
    source: str,
    updated_at: str,
    updated_by_name: str,
    slip: int = 1,
) -> int:
    """Insert or replace one slip's content; returns its row id."""
    cursor = conn.execute(
        "INSERT INTO year_end_entry (person_id, year, form, slip, amounts, facts, source,"
        " updated_at, updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (person_id, year, form, slip) DO UPDATE SET amounts = excluded.amounts,"
        " facts = excluded.facts, source = excluded.source, updated_at = excluded.updated_at,"
        " updated_by_name = excluded.updated_by_name RETURNING id",
        (
            person_id,
            year,
            form,
            slip,
            json.dumps(dict(amounts), ensure_ascii=False, sort_keys=True),
            json.dumps(dict(facts), ensure_ascii=False, sort_keys=True),
            source,
            updated_at,
            updated_by_name,
        ),
    )
    return int(cursor.fetchone()[0])


# What json.dumps(..., ensure_ascii=False, sort_keys=True) writes, without a new encoder per
# call (put_all encodes two values for each of an import's thousands of slips).
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


_INT = {int}


class _AmountsText:
    """_JSON.encode of many {name: int} mappings: for each set of names (an import's slips
    share a few) the text is laid out once, sorted and quoted by _JSON, with a %d per value;
    anything else (a value that is not exactly an int, a name that is not a str) goes through
    _JSON itself. Either way the same text."""

    def __init__(self) -> None:
        self._layouts: dict[tuple, tuple[tuple[str, ...], str] | None] = {}

    def __call__(self, values: Mapping[str, int]) -> str:
        if type(values) is not dict:
            return _JSON.encode(dict(values))
        names = tuple(values)
        if names not in self._layouts:
            self._layouts[names] = _layout(names)
        layout = self._layouts[names]
        if layout is not None:
            order, text = layout
            numbers = tuple(map(values.__getitem__, order))
            if set(map(type, numbers)) == _INT:
                return text % numbers
        return _JSON.encode(values)


def _layout(names: tuple) -> tuple[tuple[str, ...], str] | None:
    if not all(type(name) is str for name in names):
        return None
    order = tuple(sorted(names))
    quoted = (_JSON.encode(name).replace("%", "%%") for name in order)
    return order, "{" + ", ".join(f"{name}: %d" for name in quoted) + "}"


def put_all(
    conn: Connection,
    entries: list[tuple[int, int, str, int, Mapping[str, int], Mapping[str, str], str]],
    *,
    updated_at: str,
    updated_by_name: str,
) -> None:
    """Insert or replace many slips, each (person_id, year, form, slip, amounts, facts,
    source), as `put` does one: for an import, in one statement."""
    amounts_text = _AmountsText()
    conn.executemany(
        "INSERT INTO year_end_entry (person_id, year, form, slip, amounts, facts, source,"
        " updated_at, updated_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (person_id, year, form, slip) DO UPDATE SET amounts = excluded.amounts,"
        " facts = excluded.facts, source = excluded.source, updated_at = excluded.updated_at,"
        " updated_by_name = excluded.updated_by_name",
        [
            (
                person_id,
                year,
                form,
                slip,
                amounts_text(amounts),
                _JSON.encode(dict(facts)) if facts else "{}",
                source,
                updated_at,
                updated_by_name,
            )
            for person_id, year, form, slip, amounts, facts, source in entries
        ],
    )


def get(conn: Connection, person_id: int, year: int, form: str, slip: int = 1) -> YearEndRow | None:
    found = conn.execute(
        f"SELECT {_COLUMNS} FROM year_end_entry"
        " WHERE person_id = ? AND year = ? AND form = ? AND slip = ?",
        (person_id, year, form, slip),
    ).fetchone()
    return _row(found) if found else None


def for_year(conn: Connection, year: int, form: str | None = None) -> list[YearEndRow]:
    """Every slip of the year (of one form if given), by person and slip."""
    if form is None:
        query = (
            f"SELECT {_COLUMNS} FROM year_end_entry WHERE year = ? ORDER BY person_id, form, slip"
        )
        args: tuple = (year,)
    else:
        query = (
            f"SELECT {_COLUMNS} FROM year_end_entry WHERE year = ? AND form = ?"
            " ORDER BY person_id, slip"
        )
        args = (year, form)
    return [_row(values) for values in conn.execute(query, args).fetchall()]
