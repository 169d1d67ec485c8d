"""Entry script of the frozen app: the same ``keidesk`` entry point pip installs.

With no command it opens the desktop app; with one it is the command line.
"""

import multiprocessing

# Packet batches run in worker processes ("spawn"); in the frozen app each worker starts
# this executable again, and freeze_support() turns it into the worker instead of the app.
multiprocessing.freeze_support()

from keidesk.cli import entry_point  # noqa: E402 - after freeze_support, as multiprocessing asks

entry_point()
