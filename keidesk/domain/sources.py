"""How sure we are of a reference fact (see shared reference README)."""

from __future__ import annotations

from enum import StrEnum


class Confidence(StrEnum):
    """P: primary source; S: secondary source; U: uncertain, shown as unverified."""

    PRIMARY = "P"
    SECONDARY = "S"
    UNCERTAIN = "U"

    @property
    def label(self) -> str:
        return {
            Confidence.PRIMARY: "primary source",
            Confidence.SECONDARY: "secondary source",
            Confidence.UNCERTAIN: "unverified",
        }[self]
