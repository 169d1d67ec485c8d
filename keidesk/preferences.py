"""The user's preferences on this computer, declared once with their defaults.

Kept as JSON in the data folder so the CLI and the GUI read the same values (the GUI keeps only
window state, such as geometry and column layout, in QSettings). Data that belongs with the
database, like the importer profile, lives in the database instead.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keidesk import paths
from keidesk.atomic import replacing
from keidesk.domain.errors import InvalidInput

PREFERENCES_FILE = "preferences.json"
#: The interface languages: the system's (when keidesk is translated into it, else English),
#: English, or Spanish. Packets stay in English.
LANGUAGES = ("system", "en", "es")


@dataclass(frozen=True, slots=True)
class Preferences:
    staff_name: str = ""  # recorded in the history; empty means the login name
    paper: str = "letter"  # packets: "letter" or "a4"
    language: str = "system"  # the GUI's, one of LANGUAGES; applies when the app next starts
    # An iCalendar file the app rewrites whenever data change ("": none), e.g. in a synced
    # folder a calendar subscribes to.
    calendar_file: str = ""

    def __post_init__(self) -> None:
        if self.paper not in {"letter", "a4"}:
            raise InvalidInput(f"Paper size must be letter or a4, not {self.paper!r}.")
        if self.language not in LANGUAGES:
            raise InvalidInput(
                f"Language must be one of {', '.join(LANGUAGES)}, not {self.language!r}."
            )


def preferences_file() -> Path:
    return paths.data_dir() / PREFERENCES_FILE


def load_preferences() -> Preferences:
    """The saved preferences; defaults for anything missing, unknown or unreadable."""
    try:
        raw: Any = json.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    defaults = Preferences()
    values: dict[str, Any] = {}
    for field in dataclasses.fields(Preferences):
        value = raw.get(field.name)
        if isinstance(value, type(getattr(defaults, field.name))):
            values[field.name] = value
    if values.get("language") not in LANGUAGES:  # e.g. one a newer keidesk offers
        values.pop("language", None)
    try:
        return Preferences(**values)
    except InvalidInput:
        return defaults


def save_preferences(preferences: Preferences) -> None:
    """Write atomically, readable by the user only."""
    target = preferences_file()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with replacing(target) as temp:
        temp.write_text(
            json.dumps(dataclasses.asdict(preferences), indent=2, ensure_ascii=False),
            encoding="utf-8",
        )
