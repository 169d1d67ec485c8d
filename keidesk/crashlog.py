"""The log file for unexpected errors, shared by the CLI and the GUI crash handler."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from keidesk import __version__, paths

LOG_NAME = "keidesk.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


class _PrivateLog(RotatingFileHandler):
    """A rotating log readable by the user only: a traceback names the case being worked on,
    and that is nobody else's business on a shared computer. Each file is created 0600 (never
    briefly readable by others), and a log left readable by an older keidesk is made private."""

    def _open(self) -> io.TextIOWrapper:  # type: ignore[type-arg, unused-ignore]
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            if os.name == "posix" and os.fstat(fd).st_mode & 0o077:
                os.fchmod(fd, 0o600)
            return io.TextIOWrapper(
                io.BufferedWriter(io.FileIO(fd, "a")), encoding=self.encoding, errors=self.errors
            )
        except BaseException:
            os.close(fd)
            raise


def _private_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        with contextlib.suppress(PermissionError):
            path.chmod(0o700)


def _logger() -> logging.Logger:
    logger = logging.getLogger("keidesk.crash")
    if not any(isinstance(handler, _PrivateLog) for handler in logger.handlers):
        path = log_file()
        _private_folder(path.parent)
        for older in path.parent.glob(f"{LOG_NAME}.*"):  # the rotated ones
            if os.name == "posix" and older.stat().st_mode & 0o077:
                with contextlib.suppress(PermissionError):
                    older.chmod(0o600)
        handler = _PrivateLog(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def record(exc: BaseException) -> Path:
    """Write the exception with its traceback to the log; returns the log's path."""
    details = "".join(traceback.format_exception(exc))
    try:
        logger = _logger()
        logger.error("unexpected error in keidesk %s\n%s", __version__, details)
        for handler in logger.handlers:
            handler.flush()
    except OSError:
        return Path("(the log could not be written)")
    return log_file()
