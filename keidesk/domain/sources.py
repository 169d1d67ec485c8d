"""How sure we are of a reference fact (see shared reference README)."""

from __future__ import annotations

import re
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

    @classmethod
    def weakest_in(cls, text: str) -> Confidence:
        """The weakest mark named in a mark text such as ``"P (content) / S (date)"``.

        We keep the most cautious reading: a row partly uncertain is shown as uncertain.
        """
        marks = set(re.findall(r"(?<![A-Za-z])([PSU])(?![a-z])", text))
        for mark in (cls.UNCERTAIN, cls.SECONDARY, cls.PRIMARY):
            if mark.value in marks:
                return mark
        return cls.UNCERTAIN
