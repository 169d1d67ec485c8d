"""Today's date, in one place, so that every rule uses the same "today".

``KEIDESK_TODAY=YYYY-MM-DD`` pins it (for reproducible demos, screenshots and tests).
"""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    pinned = os.environ.get("KEIDESK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
