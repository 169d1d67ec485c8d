"""Reports: the case list, stock aging, trucks by state and stage, duty and fees, margin; as
PDF (printable, with charts) or XLSX. Qt-free: the CLI and the GUI share it.

``build_report`` (in :mod:`keidesk.reports.data`) asks the database for a report's data;
:func:`write_report` writes it, atomically: the file appears whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from keidesk.atomic import replacing
from keidesk.dataio.sheets import write_refused
from keidesk.domain.errors import InvalidInput
from keidesk.reports.model import SUFFIXES, Report


def check_target(path: Path) -> str:
    """The file type to write (``.pdf`` or ``.xlsx``), or a refusal before anything is read:
    another suffix, or a folder that does not exist."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput(f"Write a report to a .pdf or .xlsx file, not {path.name!r}.")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; name the report file in it.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    return suffix


def write_report(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` as PDF or XLSX by its suffix; an unwritable place is one
    plain message and leaves whatever was at ``path`` as it was."""
    suffix = check_target(path)
    try:
        with replacing(path) as temp:
            if suffix == ".pdf":
                from keidesk.reports.pdf import write_pdf  # noqa: PLC0415 - reportlab on use

                write_pdf(report, temp)
            else:
                from keidesk.reports.xlsx import write_xlsx  # noqa: PLC0415 - XlsxWriter on use

                write_xlsx(report, temp)
    except OSError as exc:
        raise write_refused(path, exc) from None
