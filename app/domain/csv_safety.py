"""Cells the program writes to CSV must not run as formulas when Excel opens the file."""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralize(value: object) -> str:
    """OWASP's CSV-injection rule: a leading formula character gets a quote prefix."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
