"""Who is at the keyboard: the staff name recorded in the history."""

from __future__ import annotations

import getpass
import os


def current_user(explicit: str | None = None) -> str:
    """``explicit`` (e.g. ``--user``), else ``KEIDESK_USER``, else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get("KEIDESK_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
