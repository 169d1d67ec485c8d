"""keidesk: import-case manager for small importers of Japanese kei trucks.

The package is layered so that imports point one way only:

- ``keidesk.domain``   pure rules (chassis numbers, dates, eligibility, workflow gates); no I/O.
- ``keidesk.storage``  SQLAlchemy models, migrations and opening the database.
- ``keidesk.services`` use cases that the CLI and the GUI both call, one session per action.
- ``keidesk.cli``      the ``keidesk`` command line, a thin face over the services.
- ``keidesk.gui``      the PySide6 desktop app, the other thin face (the only Qt importer).
"""

from __future__ import annotations

APP_NAME = "keidesk"
APP_ID = "org.keidesk.Keidesk"
__version__ = "0.1.0"
