"""Which columns of a file hold which field (one column, or a pair joined with one space),
the dependants held in columns of their employee's line, the choices the clerk makes for the
whole file, and the rows one line of the file becomes (pure rules)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain import my_number
from app.domain.import_layout import FIELDS, REQUIRED, ImportRow, check_row
from app.domain.purposes import PersonKind

# One column, or two (姓 + 名) whose values are joined with one space.
Columns = tuple[int, ...]
PAIRED = frozenset({"name", "kana"})  # the fields a pair of columns may hold
WHOLE_FILE_KINDS = {"employee": PersonKind.EMPLOYEE, "payee": PersonKind.PAYEE}


@dataclass(frozen=True)
class DependantColumns:
    """One dependant per line in columns (the year-end layout): 「配偶者」, 「扶養親族1」…"""

    label: str
    columns: Mapping[str, Columns]  # name, kana, birth_date, relation, number
    relation: str = ""  # what 続柄 is when no column says it (配偶者 for the spouse)


@dataclass(frozen=True)
class ColumnMap:
    columns: Mapping[str, Columns] = field(default_factory=dict)
    dependants: tuple[DependantColumns, ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, int | Columns]) -> ColumnMap:
        """From the older field -> column index form (a caller's or a saved layout)."""
        return cls({k: (v,) if isinstance(v, int) else tuple(v) for k, v in mapping.items()})

    def missing(self, kind: PersonKind | None) -> list[str]:
        """The labels of the required fields no column holds."""
        return [
            FIELDS[k]
            for k in REQUIRED
            if k not in self.columns and not (k == "kind" and kind is not None)
        ]


@dataclass(frozen=True)
class ImportOptions:
    """What the clerk chose for the whole file."""

    kind: PersonKind | None = None  # the file has no 区分 column: everyone is this kind
    restore_zero: bool = False  # put back the leading zero of 11-digit numbers
    accept_name_matches: bool = False  # people found by name and birth date are the same


@dataclass(frozen=True)
class UserMapping:
    """A mapping file's content as read (the command line's --mapping), resolved against the
    file's headers by from_user_json once they are known."""

    data: object


def _values(cells: list[str], columns: Mapping[str, Columns]) -> dict[str, str]:
    """Field -> its text: one column's cell as it is (check_row cleans it), or a pair's cells
    joined with one space. Runs for every line of a 200,000-line file: kept lean."""
    width = len(cells)
    return {
        key: (cells[cols[0]] if cols[0] < width else "") if len(cols) == 1 else _pair(cells, cols)
        for key, cols in columns.items()
    }


def _pair(cells: list[str], columns: Columns) -> str:
    parts = [cells[i].strip() for i in columns if i < len(cells)]
    return " ".join(part for part in parts if part)


def rows_for_line(
    line: int, cells: list[str], column_map: ColumnMap, options: ImportOptions
) -> list[ImportRow]:
    """The line's own row, then one dependant row per group of dependant columns that holds
    anything, each checked as a dependant row of that employee is checked (the report heads
    its problems with the group: 「扶養親族2：…」)."""
    values = _values(cells, column_map.columns)
    main = check_row(line, values, kind=options.kind, restore_zero=options.restore_zero)
    rows = [main]
    for group in column_map.dependants:
        found = _values(cells, group.columns)
        if not any(value.strip() for value in found.values()):
            continue
        if main.kind is not PersonKind.EMPLOYEE:
            main.problems.append(
                f"{group.label}の列に値がありますが、この行は従業員ではありません"
                "（扶養親族は従業員の行にだけ入力できます）。"
            )
            continue
        if not found.get("relation"):
            found["relation"] = group.relation
        dependant = check_row(
            line,
            found,
            kind=PersonKind.DEPENDENT,
            restore_zero=options.restore_zero,
            employee_code=main.code,
        )
        dependant.group = group.label
        rows.append(dependant)
    return rows


def to_json(column_map: ColumnMap) -> dict[str, object]:
    """The saved form of a layout (column indexes from 0), for the wizard's settings."""
    return {
        "columns": {k: list(v) for k, v in column_map.columns.items()},
        "dependants": [
            {
                "label": g.label,
                "relation": g.relation,
                "columns": {k: list(v) for k, v in g.columns.items()},
            }
            for g in column_map.dependants
        ],
    }


def from_json(data: object, width: int) -> ColumnMap | None:
    """A saved layout back, or None when it does not fit a file `width` columns wide (or is
    not one). The older form, field -> one index, is read too."""
    if not isinstance(data, dict):
        return None
    if "columns" not in data:
        data = {"columns": data}
    columns = _saved_columns(data.get("columns"), width, FIELDS)
    groups = data.get("dependants", [])
    if columns is None or not isinstance(groups, list):
        return None
    dependants = []
    for group in groups:
        if not isinstance(group, dict):
            return None
        found = _saved_columns(
            group.get("columns"), width, ("name", "kana", "birth_date", "relation", "number")
        )
        label, relation = group.get("label"), group.get("relation", "")
        if found is None or not isinstance(label, str) or not isinstance(relation, str):
            return None
        dependants.append(DependantColumns(label, found, relation))
    return ColumnMap(columns, tuple(dependants))


def _saved_columns(data: object, width: int, allowed: object) -> dict[str, Columns] | None:
    if not isinstance(data, dict):
        return None
    out: dict[str, Columns] = {}
    for key, value in data.items():
        cols = (
            (value,) if isinstance(value, int) else tuple(value) if isinstance(value, list) else ()
        )
        if (
            key not in allowed  # type: ignore[operator]
            or not 1 <= len(cols) <= (2 if key in PAIRED else 1)
            or not all(
                isinstance(i, int) and not isinstance(i, bool) and 0 <= i < width for i in cols
            )
        ):
            return None
        out[key] = cols
    return out


def from_user_json(data: object, headers: list[str], automatic: ColumnMap) -> ColumnMap:
    """A mapping file written by hand (the command line's --mapping): field (its key or its
    Japanese label) -> a header, a column number counted from 1, or a list of two for a split
    name; null takes a field out. It changes the automatic mapping field by field; dependants
    in columns stay as recognised unless "dependants" is false. Raises ValueError (Japanese)."""
    if not isinstance(data, dict):
        raise ValueError('対応表は {"氏名": ["姓", "名"], …} の形のJSONにしてください。')
    keep_dependants = data.get("dependants", True)
    entries = data.get("columns", {k: v for k, v in data.items() if k != "dependants"})
    if not isinstance(entries, dict) or not isinstance(keep_dependants, bool):
        raise ValueError('対応表は {"氏名": ["姓", "名"], …} の形のJSONにしてください。')
    by_label = {label: key for key, label in FIELDS.items()}
    columns = dict(automatic.columns)
    for name, value in entries.items():
        key = name if name in FIELDS else by_label.get(name)
        if key is None:
            raise ValueError(
                f"対応表の項目「{my_number.echo(str(name))}」は取込みの項目ではありません。"
            )
        if value is None:
            columns.pop(key, None)
            continue
        wanted = value if isinstance(value, list) else [value]
        if not 1 <= len(wanted) <= (2 if key in PAIRED else 1):
            raise ValueError(
                f"対応表の「{FIELDS[key]}」には列を1つ（氏名・フリガナは2つまで）指定してください。"
            )
        columns[key] = tuple(_column_of(item, headers, FIELDS[key]) for item in wanted)
    return ColumnMap(columns, automatic.dependants if keep_dependants else ())


def _column_of(item: object, headers: list[str], label: str) -> int:
    if isinstance(item, int) and not isinstance(item, bool):
        if 1 <= item <= len(headers):
            return item - 1
        raise ValueError(f"対応表の「{label}」の列番号がファイルの列の範囲外です。")
    if isinstance(item, str) and item in headers:
        return headers.index(item)
    raise ValueError(
        f"対応表の「{label}」の列「{my_number.echo(str(item))}」がファイルの見出しにありません。"
    )


def describe(column_map: ColumnMap, headers: list[str]) -> list[str]:
    """One line per mapped field, as the command line prints the mapping it used:
    「氏名 ← 姓 ＋ 名」; a dependant group on one line with the fields it holds."""

    def shown(columns: Columns) -> str:
        return " ＋ ".join(
            my_number.echo(headers[i], 40) if i < len(headers) else "?" for i in columns
        )

    lines = [
        f"{FIELDS[key]} ← {shown(column_map.columns[key])}"
        for key in FIELDS
        if key in column_map.columns
    ]
    for group in column_map.dependants:
        held = "・".join(FIELDS[key] for key in FIELDS if key in group.columns)
        lines.append(f"{group.label}（扶養親族として取込み）← {held}")
    return lines
