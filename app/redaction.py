"""The one redacting filter: any digit run that could be a My Number never reaches a log."""

from __future__ import annotations

import logging
import os
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


LOG_NAME = "mynumber-desk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# `extra=FILE_ONLY` on a record keeps it off the console: the CLI prints its own one line.
FILE_ONLY = {"file_only": True}
_current: dict[str, Path | None] = {"log_file": None}


class _ConsoleFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "file_only", False)


class _OneLineFormatter(logging.Formatter):
    """The console shows a record's first line only: a traceback belongs in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        lines = self.formatMessage(record).splitlines()
        return lines[0] if lines else ""


def configure_logging(log_dir: Path | None, *, level: int = logging.INFO) -> Path | None:
    """Root logging to a file in the data folder (and stderr for errors, one line each), all
    redacted; returns the log file. The folder and the file are the user's alone (0700/0600).
    Raises OSError, with the previous handlers left in place, when the file cannot be opened."""
    handlers: list[logging.Handler] = []
    log_file = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        log_file = log_dir / LOG_NAME
        handlers.append(logging.FileHandler(_private_file(log_file), encoding="utf-8"))
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.ERROR)
    console.addFilter(_ConsoleFilter())
    handlers.append(console)
    console.setFormatter(_OneLineFormatter(_FORMAT))
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        if handler is not console:
            handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
    # A handler that cannot write (full disk) would otherwise print the record and the
    # exception being handled, unredacted, to stderr.
    logging.raiseExceptions = False
    sys.excepthook = _redacting_excepthook
    _current["log_file"] = log_file
    return log_file


def _private_file(path: Path) -> Path:
    """Create the file 0600 if it is new, and take group and other access from an old one."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def _redacting_excepthook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """A crash writes a redacted entry to the log and one redacted line to stderr."""
    logging.getLogger("crash").error(
        "unexpected error", exc_info=(kind, value, tb), extra=FILE_ONLY
    )
    log_file = _current["log_file"]
    where = f"（詳細はログ: {log_file}）" if log_file else "詳細はログを確認してください。"
    sys.stderr.write(redact(f"予期しないエラーが発生しました（{kind.__name__}）。{where}\n"))
