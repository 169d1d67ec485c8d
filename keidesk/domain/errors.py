"""Errors that carry a message meant for a staff member.

Anything raised as a :class:`KeideskError` is shown to the user as it is (the CLI prints
``error: <message>`` and exits 2; the GUI shows a plain message box). Every other exception is a
bug and goes to the crash handler.
"""

from __future__ import annotations


class KeideskError(Exception):
    """Base class for errors a user can understand and act on."""


class InvalidInput(KeideskError):
    """Input that does not make sense (a malformed chassis number, month 13, ...)."""


class NotFound(KeideskError):
    """A case, state or other record that does not exist."""


class GateRefused(KeideskError):
    """A workflow change refused by a gate; the message says why."""


class PapersMissing(GateRefused):
    """A step marked done while papers it expects are not on file, with no reason given.

    ``missing`` names them (labels), so a form can ask for the reason and try again.
    """

    def __init__(self, message: str, missing: tuple[str, ...]) -> None:
        super().__init__(message)
        self.missing = missing
