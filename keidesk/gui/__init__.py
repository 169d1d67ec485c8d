"""The PySide6 desktop app: the only part of keidesk that imports Qt.

Widgets show what services return and hand user actions back to services; no business rule
lives here. ``launch.run_app`` is the entry point the CLI calls when no command is given.
"""

from keidesk.gui.qt_compat import keep_none_alive

keep_none_alive()
