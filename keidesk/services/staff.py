"""Who is at the keyboard: the staff name recorded in the history (CLI and app alike)."""

from __future__ import annotations

import getpass
import os

from keidesk.preferences import load_preferences

USER_ENV_VAR = "KEIDESK_USER"


def current_user(explicit: str | None = None) -> str:
    """``explicit`` (``--user``), else ``KEIDESK_USER``, else the staff name saved in the
    preferences (File → Preferences in the app), else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get(USER_ENV_VAR, "").strip()
    if env:
        return env
    saved = load_preferences().staff_name.strip()
    if saved:
        return saved
    return login_name() or "unknown"


def login_name() -> str:
    """The system's login name, "" when the system cannot say."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
