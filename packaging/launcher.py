"""Entry script of the frozen app: the same ``keidesk`` entry point pip installs.

With no command it opens the desktop app; with one it is the command line.
"""

from keidesk.cli import entry_point

entry_point()
