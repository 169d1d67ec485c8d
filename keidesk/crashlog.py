"""The log file for unexpected errors, shared by the CLI and the GUI crash handler."""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from keidesk import __version__, paths

LOG_NAME = "keidesk.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def _logger() -> logging.Logger:
    logger = logging.getLogger("keidesk.crash")
    if not logger.handlers:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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
