"""Start-up cost: process start to the sign-in window's first paint, against a bare PySide6
window (QApplication + QMainWindow + QTableView, first paint) measured in the same run.

    python bench/startup.py [--runs N]

Prints medians and the ratio (goal: <= 1.3x). Offscreen platform, so it runs headless.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PAINT_HOOK = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWindow():
            sys.stdout.write("painted\\n")
            sys.stdout.flush()
            os._exit(0)
        return False
"""

BARE = (
    _PAINT_HOOK
    + """
from PySide6.QtWidgets import QMainWindow, QTableView
app = QApplication(sys.argv[:1])
hook = FirstPaint(); app.installEventFilter(hook)
window = QMainWindow(); window.setCentralWidget(QTableView()); window.show()
app.exec()
"""
)

SIGN_IN = (
    _PAINT_HOOK
    + """
sys.path.insert(0, {root!r})
from pathlib import Path
from app.bootstrap import Workspace
from app.clock import SystemClock
from ui.application import create_application
from ui.signin_dialog import SignInDialog
from ui.tasks import DatabaseThread
app = create_application()
hook = FirstPaint(); app.installEventFilter(hook)
dialog = SignInDialog(Workspace(Path({data!r}), SystemClock()), DatabaseThread())
dialog.show()
app.exec()
"""
)


def _time(script: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    elapsed = time.perf_counter() - start
    if "painted" not in result.stdout:
        raise SystemExit(f"no first paint:\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        subprocess.run(
            [sys.executable, "-m", "ui.launcher", "--data-dir", str(data), "demo"],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
        )
        sign_in = SIGN_IN.format(root=str(ROOT), data=str(data))
        bare_times, app_times = [], []
        for _ in range(runs):  # interleaved, so drift affects both alike
            bare_times.append(_time(BARE, env))
            app_times.append(_time(sign_in, env))
    bare, ours = statistics.median(bare_times), statistics.median(app_times)
    print(f"bare PySide6 window, first paint : {bare * 1000:7.1f} ms (median of {runs})")
    print(f"sign-in window, first paint      : {ours * 1000:7.1f} ms (median of {runs})")
    print(f"ratio sign-in / bare             : {ours / bare:7.2f}  (goal <= 1.30)")


if __name__ == "__main__":
    main()
