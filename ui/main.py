"""GUI entry point; the desktop application issue builds the windows behind it."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(data_dir: Path) -> int:
    sys.stderr.write(
        "mynumber-desk: 画面版はまだ準備中です。コマンド（mynumber-desk --help）をご利用ください。\n"
    )
    return 1
