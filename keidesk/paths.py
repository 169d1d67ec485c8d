"""Where keidesk keeps its files: the user data folder and the shipped resources."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from keidesk import APP_NAME

DB_FILENAME = "keidesk.sqlite3"
DB_ENV_VAR = "KEIDESK_DB"
#: The sample database the welcome offers, beside the real one.
DEMO_FILENAME = "keidesk-demo.sqlite3"


def data_dir() -> Path:
    """The platform's per-user data folder (``~/.local/share/keidesk`` on Linux).

    ``KEIDESK_DATA_DIR`` overrides it, which keeps tests and demos away from real data.
    """
    override = os.environ.get("KEIDESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_database_path() -> Path:
    return data_dir() / DB_FILENAME


def is_demo(path: Path | None) -> bool:
    """Is ``path`` the sample database (the window says so in its title)?"""
    return path is not None and path.name == DEMO_FILENAME


def log_dir() -> Path:
    return data_dir() / "logs"


def resource_dir() -> Path:
    """The shipped ``resources/`` folder, wherever keidesk runs from.

    In a wheel or a frozen app the folder is packaged as ``keidesk/resources``; in a source
    checkout it is the top-level ``resources/`` folder beside the package.
    """
    packaged = Path(str(resources.files("keidesk"))) / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"
