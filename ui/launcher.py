"""The `mynumber-desk` entry point: the CLI, or the GUI when no command is given.

Qt is imported only when the GUI starts, so commands stay fast and work without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import cli


def _start_gui(data_dir: Path) -> int:
    from ui.main import run_gui

    return run_gui(data_dir)


def qt_versions() -> list[tuple[str, str]]:
    """Qt's run-time version and PySide6's, for --version and the About dialog (QtCore alone:
    no display is needed)."""
    import PySide6
    from PySide6.QtCore import qVersion

    return [("qt", qVersion()), ("pyside6", PySide6.__version__)]


def main() -> int:
    return cli.main(sys.argv[1:], start_gui=_start_gui, gui_versions=qt_versions)


def gui_main() -> int:
    """`mynumber-desk-gui`: the same program started without a console window (pip makes a
    windowed launcher of a gui-scripts entry, so no black window sits behind the GUI; a
    frozen build uses this entry too). Such a process has no stdout or stderr: what the CLI
    part would print goes nowhere instead of failing (the log file still has it)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    return main()


if __name__ == "__main__":
    raise SystemExit(main())
