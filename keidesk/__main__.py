"""``python -m keidesk`` is the same as the ``keidesk`` command."""

from keidesk.cli import entry_point

entry_point()
