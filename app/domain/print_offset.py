"""The per-printer offset for printing values onto pre-printed forms: how far, in millimetres,
everything is moved right (x) and down (y) so that the values fall into the form's boxes.

The clerk reads it once per printer from the calibration page laid over a purchased form
(reports.print_calibration). It is layout data about a printer, never personal data."""

from __future__ import annotations

import math
from dataclasses import dataclass

LIMIT_MM = 10.0
STEP_MM = 0.1
MM_PER_INCH = 25.4


class InvalidOffset(ValueError):
    """An offset outside ±10 mm or not a number; the message is for the clerk."""


@dataclass(frozen=True)
class PrintOffset:
    x: float = 0.0
    y: float = 0.0

    def device(self, dpi_x: float, dpi_y: float) -> tuple[float, float]:
        """The offset in device pixels of a printer (or image) of the given resolution."""
        return self.x / MM_PER_INCH * dpi_x, self.y / MM_PER_INCH * dpi_y


def _checked(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidOffset("印刷位置の補正は数値（mm）で入力してください。")
    # 0.1 mm steps: what a ruler reads and a spin box offers.
    stepped = round(round(value / STEP_MM) * STEP_MM, 1)
    if abs(stepped) > LIMIT_MM:
        raise InvalidOffset(f"印刷位置の補正は±{LIMIT_MM:g}mmまでです。")
    return stepped + 0.0  # no -0.0


def offset(x: object, y: object) -> PrintOffset:
    """A checked offset, rounded to 0.1 mm; raises InvalidOffset beyond ±10 mm."""
    return PrintOffset(_checked(x), _checked(y))
