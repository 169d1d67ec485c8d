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


#: Research wording that must never reach a customer or a clerk: confidence codes, the
#: research's own words, keidesk's own notes and files, and news or dealer site names.
_RESEARCH_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.IGNORECASE))
    for label, pattern in (
        ("a confidence code", r"\[\s*[PSU](?:\s*/\s*[PSU])*\s*\]"),
        ("a confidence code", r"\b[PSU]-quoting-[PSU]\b"),
        ("the word Confidence", r"\bconfidence\b"),
        ("research wording", r"retrieved text|not retrieved|working list|mapped to|\bAUDIT\b"),
        (
            "keidesk's own notes",
            r"keidesk(?:'s)? (?:reference|research|notes|data)|regulatory\.md|reference §|"
            r"\.csv\b|\.md\b",
        ),
        (
            "a news or dealer site",
            r"daxstreet|motor1|jalopnik|carscoops|billtrack|legiplex|fastdemocracy|ktvz|"
            r"crankshaft|benpalmer|autopian|wowo|smallvehicleresource|blogspot|questia|"
            r"lawserver|casetext|justia|eaton|\biihs\b|longmont|wpri|insurancenews|getonsports|"
            r"the-first-car|paperzz|pinedale|hurherald|jdmbuysell|secondary list",
        ),
    )
)
_OFFICIAL_JAPAN = (".go.jp", ".or.jp", ".lg.jp")
_WEB_ADDRESS = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|io|blog|it|jp|co)\b", re.I)


def research_marks(text: str, *, allowed: tuple[str, ...] = ()) -> list[str]:
    """What in ``text`` is research wording a customer must not see (empty: none).

    ``allowed`` names web addresses that may appear (the state agency's own)."""
    found: list[str] = []
    for label, pattern in _RESEARCH_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append(f"{label} ({match.group(0)!r})")
    for match in _WEB_ADDRESS.finditer(text):
        address = match.group(0).lower()
        if address.endswith(_OFFICIAL_JAPAN):
            continue  # a Japanese government or official body (keikenkyo.or.jp, mlit.go.jp)
        if not any(address in a.lower() for a in allowed if a):
            found.append(f"a web site ({match.group(0)!r})")
    return found
