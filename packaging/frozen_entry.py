"""The frozen build's one script, behind both programs of the folder: `mynumber-desk` (a
console program: commands, or the GUI when none is given) and `mynumber-desk-gui` (the same,
windowed, for the start-menu entry: no console window behind the GUI)."""

from __future__ import annotations

import sys
from pathlib import Path

from ui.launcher import gui_main, main

if __name__ == "__main__":
    windowed = Path(sys.executable).stem.lower().endswith("-gui")
    raise SystemExit(gui_main() if windowed else main())
