"""Peak memory with the people list open at 100,000 employees, against a bare PySide6 process,
each in its own subprocess (RSS high-water mark, `resource.getrusage(...).ru_maxrss`).

    python bench/people_memory.py [--people N] [--data PATH] [--runs R]

Goal (issue): at most 150 MiB with the list open. Offscreen (QT_QPA_PLATFORM=offscreen).

(a) bare: QApplication, a QMainWindow with a QTableView over a QStandardItemModel of 200 rows
    of text, shown and painted;
(b) the application, in the order ui/main.py starts it: `create_application()` (catalogue,
    bundled font) and the sign-in dialog; the manager signs in on the database thread (the
    Argon2id KDF takes its memory cost, 64 MiB, for that moment); then the real `MainWindow`
    opens on the 人員 page and paints its first 200 rows; then, as a clerk would, it searches
    three times (フリガナ prefix, substring, department), comes back to the full list and
    pages forward five times, each time until the rows are painted.

Printed: the bare process's peak; (b)'s peak at the end of sign-in; (b)'s peak from then on
with the list open (on Linux the high-water mark is reset after sign-in through
/proc/self/clear_refs); and (b)'s peak over its whole life. Medians of R runs (default 3),
interleaved. The office is the bulk demo, built once and cached (see bench/demo_office.py).
Prints only, never asserts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from demo_office import LOGIN, PASSWORD, add_arguments, demo_office  # noqa: E402

GOAL_MIB = 150

_PEAK = """
import resource, sys
def peak_mib():
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024
"""

BARE = (
    _PEAK
    + """
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
model = QStandardItemModel(200, 6)
for row in range(200):
    for column in range(6):
        model.setItem(row, column, QStandardItem(f"山田 太郎 {row} {column}"))
view = QTableView(); view.setModel(model)
window = QMainWindow(); window.setCentralWidget(view); window.resize(1100, 800); window.show()
QTimer.singleShot(300, app.quit)
app.exec()
view.viewport().repaint()
print(f"peak {peak_mib():.1f}")
"""
)

APPLICATION = (
    _PEAK
    + """
sys.path.insert(0, {root!r})
import time
from pathlib import Path

def hwm_mib():
    # This process's peak since the last reset, from /proc (Linux); None elsewhere.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None

def reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets the peak RSS to the current RSS (Linux 4.0+)
        return True
    except OSError:
        return False

# As ui/main.py starts: the application and the sign-in dialog first, the main window after.
from app.bootstrap import Workspace
from app.clock import SystemClock
from app.services import auth
from ui.application import create_application
from ui.signin_dialog import SignInDialog
from ui.tasks import DatabaseThread

app = create_application()
db = DatabaseThread()
workspace = Workspace(Path({data!r}), SystemClock())
dialog = SignInDialog(workspace, db)
dialog.show()
app.processEvents()
session = db.call(lambda: auth.sign_in(workspace.paths, {login!r}, {password!r}, workspace.clock))
dialog.close()
app.processEvents()
at_sign_in = peak_mib()
reset = reset_hwm()

from ui.main_window import MainWindow

window = MainWindow(workspace, db, session)
window.resize(1280, 860)
window.show()
page = window.show_page("people")

def wait(condition, timeout=60.0):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)
    while db.busy:
        app.processEvents()
        time.sleep(0.002)
    page.table.viewport().repaint()

def position():
    return page.paging.position.text()

wait(lambda: page.model.rowCount() == 200)
first = position()
for text in ("タナカ", "ロウ", "総務"):
    before = position()
    page.search_edit.setText(text)
    wait(lambda before=before: position() != before)
page.search_edit.setText("")
wait(lambda: position() == first)
for _ in range(5):
    before = position()
    page.paging.next_button.click()
    wait(lambda before=before: position() != before)
print(f"rows {{page.model.rowCount()}} at {{position()}}")
print(f"signin {{at_sign_in:.1f}}")
if reset:
    print(f"listopen {{hwm_mib():.1f}}")
print(f"peak {{peak_mib():.1f}}")  # since the reset, if there was one
window.close()
db.call(session.close)
db.shutdown()
"""
)


def _run(script: str, env: dict[str, str]) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    values = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    if result.returncode != 0 or "peak" not in values:
        raise SystemExit(f"no measurement:\n{result.stdout}\n{result.stderr}")
    return values


def main() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = demo_office(args.data, args.people)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    script = APPLICATION.format(root=str(ROOT), data=str(data), login=LOGIN, password=PASSWORD)
    bare, runs = [], []
    for _ in range(args.runs):  # interleaved, so drift affects both alike
        bare.append(float(_run(BARE, env)["peak"]))
        runs.append(_run(script, env))

    def median(key: str) -> float:
        return statistics.median(float(run[key]) for run in runs)

    base = statistics.median(bare)
    signin = median("signin")
    print(f"{args.people:,} employees; at the end: {runs[-1]['rows']}")
    print(f"bare PySide6 process, peak RSS            : {base:6.1f} MiB")
    print(f"sign-in (Argon2id with its memory), peak  : {signin:6.1f} MiB")
    if all("listopen" in run for run in runs):
        listed = median("listopen")
        print(f"people list open, peak after sign-in      : {listed:6.1f} MiB")
        print(f"whole process, peak RSS                   : {max(signin, listed):6.1f} MiB")
    else:  # no reset: ru_maxrss covers the whole life
        print(f"whole process, peak RSS                   : {median('peak'):6.1f} MiB")
    print(f"goal: <= {GOAL_MIB} MiB with the list open (medians of {args.runs} runs each)")


if __name__ == "__main__":
    main()
