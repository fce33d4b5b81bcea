"""The demo office the people benchmarks run on: built once by the real command
(`mynumber-desk demo --people N`, the bulk path from 1,000 employees), then reused from its
folder while that folder says it holds N employees.

The folder defaults to `<temp>/mynumber-desk-bench-<N>`; `--data PATH` keeps it elsewhere.
A folder that exists without this module's marker is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MARKER = "bench-demo.json"
DEFAULT_EMPLOYEES = 100_000
LOGIN = "kanri"  # the demo's manager, who holds every scope
PASSWORD = "Sakura-Demo-2026"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--people",
        type=int,
        default=DEFAULT_EMPLOYEES,
        help="employees in the demo office (dependents and payees come with them)",
    )
    parser.add_argument("--data", type=Path, help="folder of the cached demo office")


def demo_office(folder: Path | None, employees: int) -> Path:
    """The data folder of a demo office with `employees` employees, built when missing."""
    data = folder or Path(tempfile.gettempdir()) / f"mynumber-desk-bench-{employees}"
    marker = data / MARKER
    if marker.exists():
        built = json.loads(marker.read_text(encoding="utf-8"))
        if built.get("employees") != employees:
            raise SystemExit(f"{data} holds a demo of {built.get('employees')} employees")
        return data
    if data.exists() and any(data.iterdir()):
        raise SystemExit(f"{data} exists and is not a benchmark demo folder")
    print(f"building the demo office ({employees:,} employees) in {data} ...", flush=True)
    start = time.perf_counter()
    command = ["-m", "ui.launcher", "--data-dir", str(data), "demo", "--people", str(employees)]
    subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    marker.write_text(json.dumps({"employees": employees, "seconds": seconds}), encoding="utf-8")
    print(f"built in {seconds:.1f} s (demo --people {employees})", flush=True)
    return data
