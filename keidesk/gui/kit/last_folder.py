"""Where a file dialog opens: the folder last used for the same purpose, else the user's
documents (never the program's folder, where the app happens to be started from)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from keidesk.gui.kit.settings import AppSettings

LAST_FOLDER = "folders/"  # + purpose

# Purposes (one remembered folder each)
DATABASE = "database"
SPREADSHEET = "spreadsheet"  # import cases
EXPORT = "export"  # the case list, import problems
BUNDLE = "bundle"
ATTACH = "attach"  # documents attached to a case
PACKET = "packet"  # packets saved as PDF
BACKUP = "backup"
LOGO = "logo"
GENERAL = "general"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class LastFolders:
    """The folder last used per purpose, kept in the settings."""

    def __init__(self, settings: AppSettings) -> None:
        self.settings = settings

    def start(self, purpose: str, suggested: str = "") -> str:
        """Where the dialog opens (with ``suggested`` as the file name, if any)."""
        folder = self.settings.path_value(LAST_FOLDER + (purpose or GENERAL))
        if folder is None or not folder.is_dir():
            folder = documents_folder()
        return str(folder / suggested) if suggested else str(folder)

    def remember(self, purpose: str, chosen: Path) -> None:
        """``chosen``: a file (its folder is kept) or a folder."""
        folder = chosen if chosen.is_dir() else chosen.parent
        self.settings.set_path_value(LAST_FOLDER + (purpose or GENERAL), folder)
