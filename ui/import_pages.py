"""The first pages of the import wizard: the file, and the column mapping (remembered per
layout): what the whole file holds when it has no 区分 column, one column per field or two for
a split name (姓 + 名), and the dependants held in columns of their employee's line."""

from __future__ import annotations

import hashlib
import json

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.import_aliases import map_headers
from app.domain.import_layout import FIELDS, REQUIRED
from app.domain.import_mapping import (
    PAIRED,
    WHOLE_FILE_KINDS,
    ColumnMap,
    Columns,
    from_json,
    to_json,
)
from app.domain.purposes import PersonKind
from ui import file_dialogs
from ui.application import ui_settings
from ui.styles import set_role

_MAPPING_KEY = "import/mapping/"
# What the file holds: as its 区分 column says, or one kind for every line.
_BY_COLUMN = "column"
# The fields a list of one kind has (the others are hidden, and not read).
_FIELDS_OF = {
    "employee": frozenset(
        {"code", "name", "kana", "birth_date", "department", "hire_date", "leave_date"}
        | {"number", "purposes"}
    ),
    "payee": frozenset(
        {"name", "kana", "birth_date", "payment_kind", "continuing", "contract_to"}
        | {"number", "purposes"}
    ),
}


def _layout_key(headers: list[str]) -> str:
    return _MAPPING_KEY + hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "A CSV (UTF-8 or Shift_JIS, as payroll software writes it) or "
                "an Excel .xlsx file with one person per row."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowseButton")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch()

    def _browse(self) -> None:
        name, _ = file_dialogs.get_open_file_name(
            self, self.tr("File to import"), "", self.tr("CSV or Excel (*.csv *.txt *.xlsx)")
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())


class MappingPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Which column of the file holds each item? Required items are marked with *. "
                "A name split in two columns (family name, given name) takes both. "
                "The choice is remembered for files of this layout."
            )
        )
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for text, data in (
            (self.tr("(choose)"), ""),
            (self.tr("As the 区分 column says, row by row"), _BY_COLUMN),
            (self.tr("Employees (every row)"), "employee"),
            (self.tr("Payees (every row)"), "payee"),
        ):
            self.kind.addItem(text, data)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind_note = QLabel(
            self.tr(
                "This file has no 区分 column: choose what it lists. "
                "Dependants in columns of an employee's row are imported as that employee's."
            )
        )
        self.kind_note.setObjectName("importKindNote")
        self.kind_note.setWordWrap(True)
        set_role(self.kind_note, "banner-info")
        self.combos: dict[str, QComboBox] = {}
        self.second: dict[str, QComboBox] = {}  # the second column of a split name
        self.form = QFormLayout()
        for key, label in FIELDS.items():
            self.combos[key] = self._combo(f"map_{key}")
            required = key in REQUIRED and key != "kind"  # 区分: or the choice above
            shown = label + (" *" if required else "")
            if key in PAIRED:
                self.second[key] = self._combo(f"map_{key}_2")
                pair = QHBoxLayout()
                pair.addWidget(self.combos[key], 1)
                pair.addWidget(QLabel("＋"))
                pair.addWidget(self.second[key], 1)
                self.form.addRow(shown, pair)
            else:
                self.form.addRow(shown, self.combos[key])
        self.dependants_check = QCheckBox(self.tr("Import the dependants in these columns"))
        self.dependants_check.setObjectName("importDependantsCheck")
        self.dependants_check.setChecked(True)
        self.dependants = QLabel()
        self.dependants.setObjectName("importDependants")
        self.dependants.setWordWrap(True)
        set_role(self.dependants, "note")
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self.form)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("importMappingScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        top = QFormLayout()
        top.addRow(self.tr("This file lists"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.kind_note)
        layout.addWidget(self.dependants_check)
        layout.addWidget(self.dependants)
        layout.addWidget(scroll, 1)
        self.headers: list[str] = []
        self.groups: ColumnMap = ColumnMap()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(self.completeChanged)
        return combo

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        automatic = map_headers(headers)
        saved = _saved(ui_settings().value(_layout_key(headers), ""), len(headers))
        column_map, kind, with_dependants = saved or (automatic, "", True)
        self.groups = automatic
        for key, combo in self.combos.items():
            chosen = column_map.columns.get(key, ())
            _fill(combo, headers, self.tr("(not in this file)"), chosen[:1])
            if key in self.second:
                _fill(self.second[key], headers, self.tr("(none)"), chosen[1:2])
        if not kind:
            kind = _BY_COLUMN if "kind" in column_map.columns else ""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.blockSignals(False)
        self.dependants_check.setChecked(with_dependants)
        self.dependants.setText(
            "\n".join(
                f"{group.label}：" + "・".join(FIELDS[k] for k in FIELDS if k in group.columns)
                for group in automatic.dependants
            )
        )
        self._kind_changed()

    def _kind_changed(self) -> None:
        choice = self.kind.currentData() or ""
        self.kind_note.setVisible(not choice)
        for row, key in enumerate(FIELDS):
            self.form.setRowVisible(row, self._shown(key))
        groups = bool(self.groups.dependants) and choice != "payee"
        self.dependants_check.setVisible(groups)
        self.dependants.setVisible(groups)
        self.completeChanged.emit()

    def _shown(self, key: str) -> bool:
        """A field the chosen kind of list has (every field while reading a 区分 column)."""
        wanted = _FIELDS_OF.get(self.kind.currentData() or "")
        return wanted is None or key in wanted

    def whole_file_kind(self) -> PersonKind | None:
        return WHOLE_FILE_KINDS.get(self.kind.currentData() or "")

    def mapping(self) -> ColumnMap:
        columns: dict[str, Columns] = {}
        for key, combo in self.combos.items():
            if not self._shown(key):
                continue
            chosen = [combo.currentData()]
            if key in self.second:
                chosen.append(self.second[key].currentData())
            picked = tuple(int(i) for i in chosen if i is not None and i >= 0)
            if picked:
                columns[key] = picked
        keep = self.dependants_check.isChecked() and self.kind.currentData() != "payee"
        dependants = self.groups.dependants if keep else ()
        return ColumnMap(columns, dependants)

    def remember(self) -> None:
        data = to_json(self.mapping())
        data["kind"] = self.kind.currentData() or ""
        data["with_dependants"] = self.dependants_check.isChecked()
        ui_settings().setValue(_layout_key(self.headers), json.dumps(data))

    def isComplete(self) -> bool:
        choice = self.kind.currentData()
        if not choice or (choice == _BY_COLUMN and self.combos["kind"].currentData() in (None, -1)):
            return False
        return not self.mapping().missing(self.whole_file_kind())


def _fill(combo: QComboBox, headers: list[str], none: str, chosen: Columns) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none, -1)
    for index, header in enumerate(headers):
        combo.addItem(f"{index + 1}: {header}", index)
    combo.setCurrentIndex(combo.findData(chosen[0] if chosen else -1))
    combo.blockSignals(False)


def _saved(value: object, width: int) -> tuple[ColumnMap, str, bool] | None:
    """A remembered layout, or None when there is none (or it does not fit this file)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    kind = data.pop("kind", "") if isinstance(data.get("kind", ""), str) else ""
    with_dependants = data.pop("with_dependants", True)
    found = from_json(data, width)
    if found is None:
        return None
    return found, kind, bool(with_dependants)
