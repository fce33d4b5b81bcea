"""Child process: read one import file as the import does and report what it cost.

    python -m tests.support.hostile_read FILE

Prints one JSON line: the Japanese error (or the rows read), the tracemalloc peak and the bytes
the process read while reading the file (Linux /proc/self/io). The address space is capped
(POSIX) so that a reader that tries to hold gigabytes fails here instead of taking the machine.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
from pathlib import Path

ADDRESS_SPACE = 3 * 1024**3


def _bytes_read() -> int | None:
    try:
        text = Path("/proc/self/io").read_text(encoding="ascii")
    except OSError:
        return None
    return next(int(line.split()[1]) for line in text.splitlines() if line.startswith("rchar:"))


def main(path: Path) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    except (ImportError, ValueError, OSError):
        pass
    import openpyxl  # noqa: F401  (loaded before measuring: its import is not the file's cost)

    from app import errors
    from app.services import importing

    before = _bytes_read()
    tracemalloc.start()
    result: dict[str, object] = {}
    try:
        rows = importing.read_table(path)
        result["rows"] = len(rows)
    except errors.AppError as exc:
        result["error"] = exc.message
    except MemoryError:
        result["crash"] = "MemoryError"
    except Exception as exc:  # what the old reader let through
        result["crash"] = type(exc).__name__
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = _bytes_read()
    result["peak"] = peak
    result["read"] = None if before is None or after is None else after - before
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
