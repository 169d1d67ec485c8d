"""Japanese frame numbers (車台番号) and 17-character VINs.

Kei trucks carry a frame number ``MODELCODE-SERIAL`` (S510P-0494531, KV4-117639), not a VIN.
Staff copy them from scans, auction sheets and e-mails, so the same number arrives with
full-width letters, katakana long-vowel marks for dashes and stray spaces. One canonical form
lets a case be found again, and a clear refusal beats a typo on a customs form.

Emissions prefix: the 型式 field of the papers prints the model type with an emissions prefix
(``GD-DA52T``, ``EBD-DA63T``, ``V-``). When a frame number arrives as ``PREFIX-CODE-SERIAL`` with a
1–3 character prefix, the prefix is dropped with a warning, because staff often copy the 型式
into the chassis field and the rest is then a well-formed frame number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from keidesk.domain.errors import InvalidInput

EXAMPLE = "DA52T-123456"

# Every character people (or OCR, or Japanese input methods) use for the dash in a frame number.
_DASHES = frozenset(
    "-"
    "\u00ad"  # soft hyphen (PDF copy at a line break)
    "\u058a\u05be\u1806"
    "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphen, non-breaking hyphen, figure/en/em dash, bar
    "\u2043\u2212\u2796"  # hyphen bullet, minus sign, heavy minus
    "\u2500\u2501"  # box-drawing lines, used as dashes in Japanese text
    "\u2e3a\u2e3b\ufe58\ufe63\uff0d"  # two/three-em dash, small em dash, small/full-width hyphen
    "\u30fc\uff70"  # katakana long vowel mark ー and its half-width ｰ
)

_MODEL_CODE = re.compile(r"[A-Z][A-Z0-9]{1,6}")
_SERIAL = re.compile(r"[0-9]{4,8}")
_PREFIX = re.compile(r"(?=[0-9]*[A-Z])[A-Z0-9]{1,3}")  # GD, EBD, V, 3BD
_VIN_LENGTH = 17
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


class IdentifierKind(StrEnum):
    """A Japanese frame number or a 17-character VIN."""

    FRAME = "frame"
    VIN = "vin"


@dataclass(frozen=True, slots=True)
class ChassisNumber:
    """A checked chassis number in canonical form, with anything staff should double-check."""

    normalized: str
    kind: IdentifierKind
    model_code: str | None
    serial: str | None
    warnings: tuple[str, ...] = ()


def _normalize_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).upper()
    out: list[str] = []
    for char in text:
        if char in _DASHES:
            out.append("-")
        elif char.isspace() or unicodedata.category(char) == "Cf":
            continue  # spaces, U+3000 and invisible format characters (zero-width space)
        else:
            out.append(char)
    return unicodedata.normalize("NFKC", "".join(out))


def normalize_chassis(text: str) -> str:
    """Canonical spelling: NFKC, upper case, no spaces, every dash-like character as ``-``."""
    # Removing a space can join a letter to a combining mark, which NFKC then composes, so
    # repeat until nothing changes (two rounds in practice).
    for _ in range(8):
        again = _normalize_once(text)
        if again == text:
            break
        text = again
    return text


def fold_for_search(text: str) -> str:
    """What search compares, for the stored text and the typed query alike: the chassis
    number's normalisation (NFKC, every dash-like character as ``-``, invisible format
    characters dropped) with the case folded, and any run of spaces as one space, so
    ``ＤＡ７１Ｔ－４７７５`` finds ``DA71T-4775...`` and ``ＳＭＩＴＨ　ＴＸ`` finds Smith in TX."""
    for _ in range(8):  # as normalize_chassis: until NFKC and casefold settle
        out: list[str] = []
        for char in unicodedata.normalize("NFKC", text).casefold():
            if char in _DASHES:
                out.append("-")
            elif char.isspace():
                out.append(" ")
            elif unicodedata.category(char) != "Cf":
                out.append(char)
        again = unicodedata.normalize("NFKC", "".join(out))
        if again == text:
            break
        text = again
    return " ".join(text.split())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _quote(text: str) -> str:
    shown = text.strip()
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"'{shown}'"


def vin_check_digit(vin: str) -> str:
    """The check digit a 17-character VIN should carry in position 9 (ISO 3779, 49 CFR 565)."""
    vin = vin.strip().upper()
    if len(vin) != _VIN_LENGTH:
        raise InvalidInput(f"A VIN has 17 characters; {_quote(vin)} has {len(vin)}.")
    total = 0
    for position, (char, weight) in enumerate(zip(vin, _VIN_WEIGHTS, strict=True), start=1):
        value = _VIN_VALUES.get(char)
        if value is None:
            raise InvalidInput(_vin_char_problem(vin, position, char))
        total += value * weight
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def _vin_char_problem(vin: str, position: int, char: str) -> str:
    if char in "IOQ":
        hint = {"I": "1", "O": "0", "Q": "0"}[char]
        return (
            f"VIN {_quote(vin)} has the letter {char} at position {position}; VINs never use "
            f"I, O or Q (did you mean {hint}?)."
        )
    return f"VIN {_quote(vin)} has {char!r} at position {position}; a VIN uses only A–Z and 0–9."


def _parse_vin(vin: str) -> ChassisNumber:
    for position, char in enumerate(vin, start=1):
        if char not in _VIN_VALUES:
            raise InvalidInput(_vin_char_problem(vin, position, char))
    warnings: tuple[str, ...] = ()
    # Only North American VINs (first character 1-5) must carry a check digit.
    if vin[0] in "12345":
        expected = vin_check_digit(vin)
        if vin[8] != expected:
            warnings = (f"VIN check digit is {vin[8]}, expected {expected}: check for a typo.",)
    return ChassisNumber(vin, IdentifierKind.VIN, None, None, warnings)


def _frame(raw: str, code: str, serial: str, warnings: tuple[str, ...] = ()) -> ChassisNumber:
    if not code:
        raise InvalidInput(
            f"{_quote(raw)} has no model code before the dash; expected a shape like {EXAMPLE}."
        )
    if not serial:
        raise InvalidInput(
            f"{_quote(raw)} has no serial number after the dash; expected a shape like {EXAMPLE}."
        )
    if not _MODEL_CODE.fullmatch(code):
        if not code[0].isalpha():
            problem = "must start with a letter"
        elif not 2 <= len(code) <= 7:
            problem = f"has {_count(len(code), 'character')}, but model codes have 2 to 7"
        else:
            problem = "may contain only letters and digits"
        raise InvalidInput(
            f"Model code '{code}' in {_quote(raw)} {problem} (e.g. DA52T, HA4, S510P)."
        )
    if not _SERIAL.fullmatch(serial):
        if not serial.isdigit():
            problem = "must be digits only"
        else:
            problem = f"has {_count(len(serial), 'digit')}, but serials have 4 to 8"
        raise InvalidInput(f"Serial '{serial}' in {_quote(raw)} {problem} (e.g. {EXAMPLE}).")
    return ChassisNumber(f"{code}-{serial}", IdentifierKind.FRAME, code, serial, warnings)


def _split_by_known_code(raw: str, text: str, known_codes: Collection[str]) -> ChassisNumber:
    splits = {
        code
        for code in (normalize_chassis(c) for c in known_codes)
        if _MODEL_CODE.fullmatch(code)
        and text.startswith(code)
        and _SERIAL.fullmatch(text[len(code) :])
    }
    if len(splits) == 1:
        (code,) = splits
        return _frame(raw, code, text[len(code) :], ("dash added after model code",))
    if len(splits) > 1:
        options = " or ".join(sorted(f"{c}-{text[len(c) :]}" for c in splits))
        raise InvalidInput(
            f"{_quote(raw)} has no dash and could be read as {options}; type the dash where "
            "the papers show it."
        )
    raise InvalidInput(
        f"{_quote(raw)} is not a frame number or a VIN: a frame number has a dash between the "
        f"model code and the serial ({EXAMPLE}); a VIN has exactly 17 letters and digits."
    )


def parse_chassis(text: str, known_codes: Collection[str] = ()) -> ChassisNumber:
    """Check a frame number or VIN and return its canonical form.

    ``known_codes`` (model codes from the reference table) let a number typed without its dash
    be split safely; without a known code we refuse rather than guess where the code ends.
    """
    if not text.strip():
        raise InvalidInput(f"Enter a chassis number, such as {EXAMPLE} or a 17-character VIN.")
    normal = normalize_chassis(text)
    for char in normal:
        if not (char == "-" or ("A" <= char <= "Z") or ("0" <= char <= "9")):
            raise InvalidInput(
                f"{_quote(text)} contains {char!r}; a chassis number has only letters, digits "
                f"and one dash (e.g. {EXAMPLE})."
            )
    if not normal:
        raise InvalidInput(f"Enter a chassis number, such as {EXAMPLE} or a 17-character VIN.")

    parts = normal.split("-")
    if len(parts) == 1:
        if len(normal) == _VIN_LENGTH:
            return _parse_vin(normal)
        return _split_by_known_code(text, normal, known_codes)
    if len(parts) == 2:
        return _frame(text, parts[0], parts[1])
    if len(parts) == 3 and _PREFIX.fullmatch(parts[0]) and _MODEL_CODE.fullmatch(parts[1]):
        prefix = parts[0]
        warning = (
            f"emissions prefix '{prefix}-' removed: it belongs to the 型式 (model type), "
            "not the frame number"
        )
        return _frame(text, parts[1], parts[2], (warning,))
    raise InvalidInput(
        f"{_quote(text)} has {len(parts) - 1} dashes; a frame number has exactly one, between "
        f"the model code and the serial (e.g. {EXAMPLE})."
    )
