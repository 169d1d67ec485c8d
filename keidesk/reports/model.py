"""What a report is, whatever it is written as: a title, notes, charts and tables.

A table's rows are streamed (``rows()`` reads them from the database as they are written), so a
report of 100,000 cases never holds them all; its ``count`` is known beforehand (asked in SQL),
so the PDF can number its pages. Money cells are integer US cents (``usd`` columns), never
floats; each writer formats them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from keidesk.domain.errors import InvalidInput

#: How a column's cells are shown: text, a whole number, US cents as dollars, a date, a
#: percentage (a Decimal with one place).
CellKind = Literal["text", "int", "usd", "date", "percent"]


class ReportKind(StrEnum):
    CASES = "cases"
    AGING = "aging"
    STATES = "states"
    DUTY = "duty"
    MARGIN = "margin"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> ReportKind:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput(
                f"{text!r} is not a report; reports: {', '.join(k.value for k in cls)}."
            ) from None


_LABELS = {
    ReportKind.CASES: "Case list",
    ReportKind.AGING: "Stock aging",
    ReportKind.STATES: "Trucks by state and stage",
    ReportKind.DUTY: "Duty and fees by month",
    ReportKind.MARGIN: "Margin by truck and by month",
}

#: The reports a period applies to (the others are a snapshot of today).
PERIOD_KINDS = frozenset({ReportKind.DUTY, ReportKind.MARGIN})

#: The file types reports are written as.
SUFFIXES = (".pdf", ".xlsx")


@dataclass(frozen=True, slots=True)
class Period:
    """The days a report covers, both ends included; None: open on that side."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidInput(
                f"The period ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})."
            )

    @property
    def text(self) -> str:
        if self.start is None and self.end is None:
            return "all dates"
        if self.start is None:
            return f"up to {self.end}"
        if self.end is None:
            return f"from {self.start}"
        return f"{self.start} to {self.end}"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    kind: CellKind = "text"
    #: The share of the page's width (relative to the other columns).
    width: float = 1.0


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    #: The rows, streamed; called once per writer.
    rows: Callable[[], Iterable[Sequence[Any]]]
    count: int
    totals: Sequence[Any] | None = None


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars with their labels; ``usd`` values are US cents (a bar may be negative)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    unit: Literal["count", "usd"] = "count"


@dataclass(frozen=True, slots=True)
class Report:
    kind: ReportKind
    title: str
    subtitle: str
    notes: tuple[str, ...] = ()
    charts: tuple[BarChart, ...] = ()
    tables: tuple[Table, ...] = field(default=())
