"""The print offset of each printer for pre-printed forms, remembered on this PC (QSettings).

Why here and not in the vault's settings: the offset belongs to a printer as this PC's driver
drives it (the same printer name on another PC may feed differently), it is layout data with
nothing personal in it, and the clerk who prints the slips must be able to calibrate without
the manager (the vault's settings need MANAGE_SETTINGS).

A printer has one offset for landscape sheets (the 給与 slip's A4 横) and one for portrait
sheets (the 支払調書 and 退職 slips, two stacked on A4 縦): the driver turns a landscape page
on the paper, and the printer's shift turns with it, so one reading does not serve both."""

from __future__ import annotations

import json

from app.domain.print_offset import InvalidOffset, PrintOffset, offset
from ui.application import ui_settings

KEY = "printing/preprintedOffsets"
KEY_PORTRAIT = "printing/preprintedOffsetsPortrait"


def _key(portrait: bool) -> str:
    return KEY_PORTRAIT if portrait else KEY


def _all(portrait: bool) -> dict[str, list[float]]:
    raw = ui_settings().value(_key(portrait), "")
    try:
        stored = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return stored if isinstance(stored, dict) else {}


def load(printer_name: str, *, portrait: bool = False) -> PrintOffset:
    """The printer's offset for a landscape sheet (portrait: for a portrait one); none (0, 0)
    for a printer never calibrated or a damaged entry."""
    value = _all(portrait).get(printer_name)
    if not isinstance(value, list) or len(value) != 2:
        return PrintOffset()
    try:
        return offset(value[0], value[1])
    except InvalidOffset:
        return PrintOffset()


def save(printer_name: str, value: PrintOffset, *, portrait: bool = False) -> None:
    if not printer_name:
        raise ValueError("a printer name is required")
    checked = offset(value.x, value.y)
    stored = _all(portrait)
    stored[printer_name] = [checked.x, checked.y]
    ui_settings().setValue(_key(portrait), json.dumps(stored, ensure_ascii=False, sort_keys=True))
