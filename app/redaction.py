"""The one redacting filter: any digit run that could be a My Number never reaches a log."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from app.domain.my_number import NUMBER_LIKE as _NUMBER_LIKE

MASK = "[REDACTED]"


def redact(text: str) -> str:
    return _NUMBER_LIKE.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """Attached to every handler (logger filters do not see propagated records)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(log_dir: Path | None, *, level: int = logging.INFO) -> None:
    """Root logging to a file in the data folder (and stderr for warnings), all redacted."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handlers: list[logging.Handler] = []
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_dir / "mynumber-desk.log", encoding="utf-8"))
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.ERROR)
    handlers.append(console)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level)
    # A handler that cannot write (full disk) would otherwise print the record and the
    # exception being handled, unredacted, to stderr.
    logging.raiseExceptions = False
    sys.excepthook = _redacting_excepthook


def _redacting_excepthook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """A crash writes a redacted entry to the log and one redacted line to stderr."""
    logging.getLogger("crash").error("unexpected error", exc_info=(kind, value, tb))
    sys.stderr.write(
        redact(
            f"予期しないエラーが発生しました（{kind.__name__}）。詳細はログを確認してください。\n"
        )
    )
