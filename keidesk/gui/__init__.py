"""The PySide6 desktop app: the only part of keidesk that imports Qt.

Widgets show what services return and hand user actions back to services; no business rule
lives here. ``launch.run_app`` is the entry point the CLI calls when no command is given.
The parts, lowest first (pyproject's import contracts keep them so): ``kit`` (shared Qt
infrastructure), ``widgets`` (shared widgets), the feature folders that never import each
other (``case_list``, ``case_workspace``, ``packets``, ``data``, ``setup``, ``rules``), and
``shell``, which frames the app and composes them.
"""

from keidesk.gui.kit.qt_compat import keep_constants_alive

keep_constants_alive()  # before any Qt call: PySide6 6.12.0 over-releases None and True
