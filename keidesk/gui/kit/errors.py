"""Unexpected errors in the GUI: logged to the data folder, shown with details, app goes on.

Errors a user can act on (:class:`KeideskError`, including storage problems) are shown as plain
messages instead. :func:`install_excepthook` routes exceptions escaping Qt slots here.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from keidesk import crashlog
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr, tr_error


class ErrorReporter:
    """Shows errors through the dialog service; one per app."""

    def __init__(self, dialogs: Dialogs) -> None:
        self.dialogs = dialogs

    def _parent(self) -> QWidget | None:
        return QApplication.activeWindow()

    def user_error(self, exc: BaseException) -> None:
        self.dialogs.error(self._parent(), tr_error(exc))

    def bug(self, exc: BaseException) -> None:
        log = crashlog.record(exc)
        details = "".join(traceback.format_exception(exc))
        summary = tr("Something unexpected went wrong ({kind}). Details were written to {log}.")
        self.dialogs.bug(self._parent(), summary.format(kind=type(exc).__name__, log=log), details)

    def handle(self, exc: BaseException) -> None:
        if isinstance(exc, KeideskError):
            self.user_error(exc)
        else:
            self.bug(exc)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Around a user action: a KeideskError becomes a plain message (and the action stops);
        anything else goes on to the crash handler."""
        try:
            yield
        except KeideskError as exc:
            self.user_error(exc)


def install_excepthook(reporter: ErrorReporter) -> Callable[[], None]:
    """Route exceptions that escape Qt callbacks to the reporter; returns an uninstaller."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        try:
            reporter.handle(exc.with_traceback(tb))
        except Exception:  # the reporter itself failed: fall back to the console
            previous(kind, exc, tb)

    sys.excepthook = hook

    def uninstall() -> None:
        sys.excepthook = previous

    return uninstall
