"""Window state and preferences kept between runs, declared once with their defaults.

Everything goes through :class:`AppSettings`, which wraps one ``QSettings``. The app uses the
platform's native store (organization ``keidesk``); tests pass an INI file in a temporary
folder so they never touch the user's settings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from keidesk import APP_NAME

ORGANIZATION = "keidesk"

# Window state (restored silently; never asked for)
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTERS = "splitters/"  # + name
HEADERS = "headers/"  # + name
# Remembered choices
LAST_FILTER = "cases/last_filter"
SAVED_VIEWS = "cases/saved_views"
LAST_DATABASE = "database/last_path"
#: The office server opened last, as a URL without its password ("" once a file is opened).
LAST_SERVER = "database/last_server"


class AppSettings:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    @classmethod
    def for_user(cls) -> AppSettings:
        return cls(QSettings(ORGANIZATION, APP_NAME))

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- plain values -----------------------------------------------------------------------

    def json_value(self, key: str, default: Any) -> Any:
        """A JSON value (kept as text, so every backend stores it the same way)."""
        raw = self.store.value(key)
        if not isinstance(raw, str) or not raw:
            return default
        try:
            return json.loads(raw)
        except ValueError:
            return default

    def set_json_value(self, key: str, value: Any) -> None:
        self.store.setValue(key, json.dumps(value, sort_keys=True))

    def path_value(self, key: str) -> Path | None:
        raw = self.store.value(key)
        return Path(raw) if isinstance(raw, str) and raw else None

    def set_path_value(self, key: str, value: Path | None) -> None:
        self.store.setValue(key, str(value) if value is not None else "")

    def _bytes(self, key: str) -> QByteArray | None:
        raw = self.store.value(key)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    # --- widget state -----------------------------------------------------------------------

    def save_geometry(self, widget: QWidget) -> None:
        self.store.setValue(GEOMETRY, widget.saveGeometry())

    def restore_geometry(self, widget: QWidget) -> bool:
        data = self._bytes(GEOMETRY)
        return data is not None and widget.restoreGeometry(data)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self.store.setValue(SPLITTERS + name, splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        data = self._bytes(SPLITTERS + name)
        return data is not None and splitter.restoreState(data)

    def save_header(self, name: str, header: QHeaderView) -> None:
        """Column widths, order, hidden columns and the sort indicator."""
        self.store.setValue(HEADERS + name, header.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        data = self._bytes(HEADERS + name)
        return data is not None and header.restoreState(data)

    def sync(self) -> None:
        self.store.sync()
