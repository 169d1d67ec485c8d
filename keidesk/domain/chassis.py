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
from keidesk.domain.messages import Message, msg

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
    warnings: tuple[str, ...] = ()  # Messages: the GUI translates them


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
    if text.isascii():
        # The same result, ten times sooner: NFKC leaves ASCII alone, casefold is lower case
        # there, and no other dash and no format character is ASCII.
        return " ".join(text.lower().split())
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


def _count(n: int, one: Message, many: Message) -> Message:
    return msg("{n} {noun}", n=n, noun=one if n == 1 else many)


def _quote(text: str) -> str:
    shown = text.strip()
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"'{shown}'"


def vin_check_digit(vin: str) -> str:
    """The check digit a 17-character VIN should carry in position 9 (ISO 3779, 49 CFR 565)."""
    vin = vin.strip().upper()
    if len(vin) != _VIN_LENGTH:
        raise InvalidInput(
            msg("A VIN has 17 characters; {vin} has {count}.", vin=_quote(vin), count=len(vin))
        )
    total = 0
    for position, (char, weight) in enumerate(zip(vin, _VIN_WEIGHTS, strict=True), start=1):
        value = _VIN_VALUES.get(char)
        if value is None:
            raise InvalidInput(_vin_char_problem(vin, position, char))
        total += value * weight
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def _vin_char_problem(vin: str, position: int, char: str) -> Message:
    if char in "IOQ":
        hint = {"I": "1", "O": "0", "Q": "0"}[char]
        return msg(
            "VIN {vin} has the letter {char} at position {position}; VINs never use "
            "I, O or Q (did you mean {hint}?).",
            vin=_quote(vin),
            char=char,
            position=position,
            hint=hint,
        )
    return msg(
        "VIN {vin} has {char!r} at position {position}; a VIN uses only A–Z and 0–9.",
        vin=_quote(vin),
        char=char,
        position=position,
    )


def _parse_vin(vin: str) -> ChassisNumber:
    for position, char in enumerate(vin, start=1):
        if char not in _VIN_VALUES:
            raise InvalidInput(_vin_char_problem(vin, position, char))
    warnings: tuple[str, ...] = ()
    # Only North American VINs (first character 1-5) must carry a check digit.
    if vin[0] in "12345":
        expected = vin_check_digit(vin)
        if vin[8] != expected:
            warnings = (
                msg(
                    "VIN check digit is {digit}, expected {expected}: check for a typo.",
                    digit=vin[8],
                    expected=expected,
                ),
            )
    return ChassisNumber(vin, IdentifierKind.VIN, None, None, warnings)


def _frame(raw: str, code: str, serial: str, warnings: tuple[str, ...] = ()) -> ChassisNumber:
    if not code:
        raise InvalidInput(
            msg(
                "{text} has no model code before the dash; expected a shape like {example}.",
                text=_quote(raw),
                example=EXAMPLE,
            )
        )
    if not serial:
        raise InvalidInput(
            msg(
                "{text} has no serial number after the dash; expected a shape like {example}.",
                text=_quote(raw),
                example=EXAMPLE,
            )
        )
    if not _MODEL_CODE.fullmatch(code):
        problem: Message
        if not code[0].isalpha():
            problem = msg("must start with a letter")
        elif not 2 <= len(code) <= 7:
            problem = msg(
                "has {count}, but model codes have 2 to 7",
                count=_count(len(code), msg("character"), msg("characters")),
            )
        else:
            problem = msg("may contain only letters and digits")
        raise InvalidInput(
            msg(
                "Model code '{code}' in {text} {problem} (e.g. DA52T, HA4, S510P).",
                code=code,
                text=_quote(raw),
                problem=problem,
            )
        )
    if not _SERIAL.fullmatch(serial):
        if not serial.isdigit():
            problem = msg("must be digits only")
        else:
            problem = msg(
                "has {count}, but serials have 4 to 8",
                count=_count(len(serial), msg("digit"), msg("digits")),
            )
        raise InvalidInput(
            msg(
                "Serial '{serial}' in {text} {problem} (e.g. {example}).",
                serial=serial,
                text=_quote(raw),
                problem=problem,
                example=EXAMPLE,
            )
        )
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
        return _frame(raw, code, text[len(code) :], (msg("dash added after model code"),))
    if len(splits) > 1:
        options = " or ".join(sorted(f"{c}-{text[len(c) :]}" for c in splits))
        raise InvalidInput(
            msg(
                "{text} has no dash and could be read as {options}; type the dash where "
                "the papers show it.",
                text=_quote(raw),
                options=options,
            )
        )
    raise InvalidInput(
        msg(
            "{text} is not a frame number or a VIN: a frame number has a dash between the "
            "model code and the serial ({example}); a VIN has exactly 17 letters and digits.",
            text=_quote(raw),
            example=EXAMPLE,
        )
    )


def parse_chassis(text: str, known_codes: Collection[str] = ()) -> ChassisNumber:
    """Check a frame number or VIN and return its canonical form.

    ``known_codes`` (model codes from the reference table) let a number typed without its dash
    be split safely; without a known code we refuse rather than guess where the code ends.
    """
    if not text.strip():
        raise InvalidInput(
            msg("Enter a chassis number, such as {example} or a 17-character VIN.", example=EXAMPLE)
        )
    normal = normalize_chassis(text)
    for char in normal:
        if not (char == "-" or ("A" <= char <= "Z") or ("0" <= char <= "9")):
            raise InvalidInput(
                msg(
                    "{text} contains {char!r}; a chassis number has only letters, digits "
                    "and one dash (e.g. {example}).",
                    text=_quote(text),
                    char=char,
                    example=EXAMPLE,
                )
            )
    if not normal:
        raise InvalidInput(
            msg("Enter a chassis number, such as {example} or a 17-character VIN.", example=EXAMPLE)
        )

    parts = normal.split("-")
    if len(parts) == 1:
        if len(normal) == _VIN_LENGTH:
            return _parse_vin(normal)
        return _split_by_known_code(text, normal, known_codes)
    if len(parts) == 2:
        return _frame(text, parts[0], parts[1])
    if len(parts) == 3 and _PREFIX.fullmatch(parts[0]) and _MODEL_CODE.fullmatch(parts[1]):
        prefix = parts[0]
        warning = msg(
            "emissions prefix '{prefix}-' removed: it belongs to the 型式 (model type), "
            "not the frame number",
            prefix=prefix,
        )
        return _frame(text, parts[1], parts[2], (warning,))
    raise InvalidInput(
        msg(
            "{text} has {count} dashes; a frame number has exactly one, between "
            "the model code and the serial (e.g. {example}).",
            text=_quote(text),
            count=len(parts) - 1,
            example=EXAMPLE,
        )
    )
