"""The `mynumber-desk` entry point: the CLI, or the GUI when no command is given.

Qt is imported only when the GUI starts, so commands stay fast and work without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import cli


def _start_gui(data_dir: Path) -> int:
    from ui.main import run_gui

    return run_gui(data_dir)


def main() -> int:
    return cli.main(sys.argv[1:], start_gui=_start_gui)


if __name__ == "__main__":
    raise SystemExit(main())
