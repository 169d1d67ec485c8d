"""What a packet lacks: the one list its cover prints and its DRAFT mark depends on.

A gap is a case field a packet shows as "NOT RECORDED", or a paper its checklist needs that is
missing or could not be read. Sections note gaps while the packet's story is put together;
then the list is frozen, and everything that reports it (the cover, the DRAFT mark on every
page, the build result the CLI and the GUI show) reads that same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class GapStatus(StrEnum):
    NOT_RECORDED = "not recorded"  # a case field
    MISSING = "missing"  # a needed paper not attached
    UNREADABLE = "unreadable"  # an attached paper that could not be enclosed


@dataclass(frozen=True, slots=True)
class Gap:
    what: str  # "Sale price", "Bill of lading"
    status: GapStatus
    detail: str = ""  # for an unreadable paper: which file and why

    @property
    def is_document(self) -> bool:
        return self.status is not GapStatus.NOT_RECORDED

    @property
    def text(self) -> str:
        """One line a person reads: "Bill of lading: missing"."""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.what}: {self.status.value}{detail}"


@dataclass
class Gaps:
    """The gaps of one packet, in the order they were found; frozen once the story is built."""

    items: list[Gap] = field(default_factory=list)
    frozen: bool = False

    def _add(self, gap: Gap) -> None:
        assert not self.frozen, f"gap {gap.text!r} found after the packet's gap list was read"
        if not any(g.what == gap.what and g.status is gap.status for g in self.items):
            self.items.append(gap)

    def note(self, what: str) -> None:
        """A case field the packet shows as not recorded."""
        self._add(Gap(what, GapStatus.NOT_RECORDED))

    def document(self, what: str, status: GapStatus, detail: str = "") -> None:
        self._add(Gap(what, status, detail))

    def freeze(self) -> tuple[Gap, ...]:
        self.frozen = True
        return self.listed

    @property
    def listed(self) -> tuple[Gap, ...]:
        """Papers first (in checklist order), then fields (in the order of the packet)."""
        return tuple(
            [g for g in self.items if g.is_document] + [g for g in self.items if not g.is_document]
        )

    @property
    def draft(self) -> bool:
        return bool(self.items)

    @property
    def missing(self) -> list[str]:
        """The case fields not recorded (the build result's ``missing``)."""
        return [g.what for g in self.items if g.status is GapStatus.NOT_RECORDED]

    @property
    def missing_documents(self) -> list[str]:
        """The needed papers not attached (the build result's ``missing_documents``)."""
        return [g.what for g in self.items if g.status is GapStatus.MISSING]
