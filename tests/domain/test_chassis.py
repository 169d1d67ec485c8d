from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keidesk.domain.chassis import (
    ChassisNumber,
    IdentifierKind,
    fold_for_search,
    normalize_chassis,
    parse_chassis,
    vin_check_digit,
)
from keidesk.domain.errors import InvalidInput

# The textbook example VIN (check digit X, position 9).
GOOD_VIN = "1M8GDM9AXKP042788"


@pytest.mark.parametrize(
    ("text", "code", "serial"),
    [
        ("DA52T-123456", "DA52T", "123456"),
        ("S510P-0494531", "S510P", "0494531"),
        ("KV4-117639", "KV4", "117639"),
        ("HA4-1234", "HA4", "1234"),
        ("TT2-12345678", "TT2", "12345678"),
        ("U62T-123456", "U62T", "123456"),
        ("DA16T-123456", "DA16T", "123456"),
        ("ＤＡ５２Ｔ－１２３４５６", "DA52T", "123456"),  # full width
        ("da52t-123456", "DA52T", "123456"),
        (" DA52T - 123456 ", "DA52T", "123456"),
        ("DA52T\u3000-\u3000123456", "DA52T", "123456"),
        ("DA52Tー123456", "DA52T", "123456"),  # katakana long vowel mark
        ("DA52Tｰ123456", "DA52T", "123456"),  # half-width
        ("DA52T–123456", "DA52T", "123456"),  # en dash
        ("DA52T—123456", "DA52T", "123456"),  # em dash
        ("DA52T−123456", "DA52T", "123456"),  # minus sign
        ("DA52T‐123456", "DA52T", "123456"),  # hyphen
        ("DA52T\u200b-123456", "DA52T", "123456"),  # zero-width space
    ],
)
def test_frame_numbers(text: str, code: str, serial: str) -> None:
    result = parse_chassis(text)
    assert result == ChassisNumber(f"{code}-{serial}", IdentifierKind.FRAME, code, serial, ())


def test_normalize_chassis() -> None:
    assert normalize_chassis(" ｄａ５２ｔ　ー　１２３ ") == "DA52T-123"
    assert normalize_chassis("a‐b‑c‒d–e—f―g−hーiｰj－k⁃l﹣m") == "A-B-C-D-E-F-G-H-I-J-K-L-M"


def test_missing_dash_split_by_known_code() -> None:
    result = parse_chassis("DA52T123456", known_codes=["DA52T", "HA4"])
    assert result.normalized == "DA52T-123456"
    assert (result.model_code, result.serial) == ("DA52T", "123456")
    assert result.warnings == ("dash added after model code",)
    # known codes are normalised too
    assert parse_chassis("s510p0494531", known_codes=["ｓ５１０ｐ"]).normalized == "S510P-0494531"


def test_missing_dash_without_known_code_explains_shape() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_chassis("DA52T123456")
    assert "'DA52T123456'" in str(info.value)
    assert "DA52T-123456" in str(info.value)


def test_missing_dash_ambiguous_known_codes() -> None:
    with pytest.raises(InvalidInput, match="HA4-1123456 or HA41-123456"):
        parse_chassis("HA41123456", known_codes=["HA4", "HA41"])


def test_emissions_prefix_is_stripped_with_warning() -> None:
    result = parse_chassis("GD-DA52T-123456")
    assert result.normalized == "DA52T-123456"
    assert len(result.warnings) == 1
    assert "GD-" in result.warnings[0]
    assert parse_chassis("EBD-DA63T-123456").model_code == "DA63T"
    assert parse_chassis("V-DD51T-123456").model_code == "DD51T"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("DA52T-12A456", "Serial '12A456' in 'DA52T-12A456' must be digits only"),
        ("DA52T-123", "Serial '123' in 'DA52T-123' has 3 digits, but serials have 4 to 8"),
        ("DA52T-123456789", "has 9 digits"),
        ("5A-123456", "Model code '5A' in '5A-123456' must start with a letter"),
        ("D-123456", "has 1 character, but model codes have 2 to 7"),
        ("ABCDEFGH-123456", "has 8 characters"),
        ("DA52T-", "has no serial number after the dash"),
        ("-123456", "has no model code before the dash"),
        ("DA52T-12-3456", "has 2 dashes; a frame number has exactly one"),
        ("A-B-C-D", "has 3 dashes"),
        ("DA52T#123456", "contains '#'"),
        ("DA52T/123456", "contains '/'"),
        ("DA52", "is not a frame number or a VIN"),
        ("1M8GDM9AXKP04278", "is not a frame number or a VIN"),  # 16 characters
    ],
)
def test_junk_is_refused_with_reason(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_chassis(text)
    assert fragment in str(info.value)


@pytest.mark.parametrize("text", ["", "   ", "\u3000", "\t\n"])
def test_empty_asks_for_a_chassis_number(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"^Enter a chassis number"):
        parse_chassis(text)


def test_only_dashes() -> None:
    with pytest.raises(InvalidInput, match="no model code"):
        parse_chassis("ー")


# VINs


def test_vin_check_digit_textbook_example() -> None:
    assert vin_check_digit(GOOD_VIN) == "X"
    assert vin_check_digit("11111111111111111") == "1"  # sum of weights 89 = 8*11 + 1


def test_valid_north_american_vin() -> None:
    result = parse_chassis(GOOD_VIN.lower())
    assert result == ChassisNumber(GOOD_VIN, IdentifierKind.VIN, None, None, ())


def test_check_digit_mismatch_is_a_warning() -> None:
    wrong = GOOD_VIN[:8] + "5" + GOOD_VIN[9:]
    result = parse_chassis(wrong)
    assert result.kind is IdentifierKind.VIN
    assert result.normalized == wrong
    assert result.warnings == ("VIN check digit is 5, expected X: check for a typo.",)


def test_check_digit_not_checked_outside_north_america() -> None:
    vin = "JHMCM56557C404453"  # J: Japan; position 9 is not a check digit there
    assert parse_chassis(vin).warnings == ()


@pytest.mark.parametrize(("letter", "hint"), [("I", "1"), ("O", "0"), ("Q", "0")])
def test_vin_with_i_o_q_is_refused(letter: str, hint: str) -> None:
    vin = GOOD_VIN[:4] + letter + GOOD_VIN[5:]
    with pytest.raises(InvalidInput) as info:
        parse_chassis(vin)
    message = str(info.value)
    assert f"letter {letter} at position 5" in message
    assert "I, O or Q" in message
    assert f"did you mean {hint}?" in message


def test_vin_check_digit_rejects_bad_input() -> None:
    with pytest.raises(InvalidInput, match="17 characters"):
        vin_check_digit("ABC")
    with pytest.raises(InvalidInput, match="position 1"):
        vin_check_digit("O" + GOOD_VIN[1:])
    with pytest.raises(InvalidInput, match="only A–Z and 0–9"):
        vin_check_digit("-" + GOOD_VIN[1:])


# Properties


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_folding_ascii_text_agrees_with_the_full_unicode_folding(text: str) -> None:
    # An ideographic space (U+3000) folds to a space and trailing spaces go: the same text,
    # folded the whole Unicode way rather than by the ASCII shortcut.
    assert fold_for_search(text) == fold_for_search(text + "\u3000")


def test_folding_for_search() -> None:
    assert (
        fold_for_search("ＳＭＩＴＨ　ＴＸ\u200b")
        == fold_for_search(" Smith\x1f\ttx ")
        == "smith tx"
    )
    assert fold_for_search("ＤＡ７１Ｔ－４７７５") == fold_for_search("DA71T-4775") == "da71t-4775"


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_chassis(text)
    assert normalize_chassis(once) == once


@given(st.text(max_size=30), st.lists(st.text(max_size=8), max_size=3))
def test_parse_raises_only_invalid_input_and_reparses(text: str, codes: list[str]) -> None:
    try:
        result = parse_chassis(text, known_codes=codes)
    except InvalidInput:
        return
    assert parse_chassis(result.normalized).normalized == result.normalized


_DASH_VARIANTS = ["-", "－", "ー", "ｰ", "‐", "‑", "‒", "–", "—", "―", "−", "⁃", "﹣"]
_SPACES = ["", " ", "\u3000", "  "]


def _styled(text: str, wide: bool, lower: bool) -> str:
    if lower:
        text = text.lower()
    if wide:
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return text


@st.composite
def styled_frames(draw: st.DrawFn) -> tuple[str, str, str]:
    """A random valid frame number as staff might type it, with its code and serial."""
    code = draw(st.from_regex(r"[A-Z][A-Z0-9]{1,6}", fullmatch=True))
    serial = draw(st.from_regex(r"[0-9]{4,8}", fullmatch=True))
    dash = draw(st.sampled_from(_DASH_VARIANTS))
    a, b, c, d = (draw(st.sampled_from(_SPACES)) for _ in range(4))
    wide, lower = draw(st.booleans()), draw(st.booleans())
    text = f"{a}{_styled(code, wide, lower)}{b}{dash}{c}{_styled(serial, wide, lower)}{d}"
    return text, code, serial


@given(styled_frames())
def test_generated_frame_numbers_parse_to_canonical(frame: tuple[str, str, str]) -> None:
    text, code, serial = frame
    result = parse_chassis(text)
    assert result.normalized == f"{code}-{serial}"
    assert (result.kind, result.model_code, result.serial) == (IdentifierKind.FRAME, code, serial)
    assert result.warnings == ()
