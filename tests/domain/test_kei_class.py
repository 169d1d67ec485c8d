from __future__ import annotations

import pytest

from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput
from keidesk.domain.kei_class import KEI_ERAS, SOURCE, KeiCheckItem, check_kei_class, kei_era_for
from keidesk.domain.sources import research_marks

ERA_1976, ERA_1990, ERA_1998 = KEI_ERAS


def test_era_limits_match_the_reference() -> None:
    assert (ERA_1976.max_length_mm, ERA_1976.max_width_mm, ERA_1976.max_height_mm) == (
        3200,
        1400,
        2000,
    )
    assert ERA_1976.max_engine_cc == 550
    assert (ERA_1990.max_length_mm, ERA_1990.max_width_mm, ERA_1990.max_engine_cc) == (
        3300,
        1400,
        660,
    )
    assert (ERA_1998.max_length_mm, ERA_1998.max_width_mm, ERA_1998.max_engine_cc) == (
        3400,
        1480,
        660,
    )
    # Printed for customers: cites the regulation, never keidesk's files or confidence codes.
    assert SOURCE.startswith("Japan's Road Transport Vehicle Act (道路運送車両法)")
    assert research_marks(SOURCE) == []


@pytest.mark.parametrize(
    ("built", "era"),
    [
        (PartialDate(1975, 12, 31), None),
        (PartialDate(1976, 1), ERA_1976),
        (PartialDate(1989, 12), ERA_1976),
        (PartialDate(1990, 1, 1), ERA_1990),
        (PartialDate(1998, 9, 30), ERA_1990),
        (PartialDate(1998, 10), ERA_1998),
        (PartialDate(1998), ERA_1990),  # straddles: older era
        (PartialDate(2005), ERA_1998),
    ],
)
def test_kei_era_for(built: PartialDate, era: object) -> None:
    assert kei_era_for(built) == era


def test_within_limits() -> None:
    check = check_kei_class(
        PartialDate(1999, 3), engine_cc=658, length_mm=3395, width_mm=1475, height_mm=1765
    )
    assert check.era == ERA_1998
    assert check.within_limits is True
    assert all(item.ok for item in check.items)
    assert check.items[0] == KeiCheckItem("Engine", 658, 660, "cc", True)
    assert check.summary == (
        "Within the 1998 kei standard (新規格) limits (L 3400 × W 1480 × H 2000 mm, 660 cc)."
    )
    assert check.source == SOURCE


def test_over_limits_named() -> None:
    check = check_kei_class(
        PartialDate(1995, 6), engine_cc=660, length_mm=3395, width_mm=1475, height_mm=1800
    )
    assert check.era == ERA_1990
    assert check.within_limits is False
    assert [i.label for i in check.items if i.ok is False] == ["Length", "Width"]
    assert "length 3395 mm > 3300 mm" in check.summary
    assert "width 1475 mm > 1400 mm" in check.summary


def test_550cc_era() -> None:
    check = check_kei_class(
        PartialDate(1985), engine_cc=660, length_mm=None, width_mm=None, height_mm=None
    )
    assert check.within_limits is False
    assert "engine 660 cc > 550 cc" in check.summary


def test_unknown_values_are_reported() -> None:
    check = check_kei_class(
        PartialDate(2000, 1), engine_cc=657, length_mm=None, width_mm=1475, height_mm=None
    )
    assert check.within_limits is None
    assert [i.ok for i in check.items] == [True, None, True, None]
    assert check.summary.startswith("Not known: length, height.")


def test_nothing_entered() -> None:
    check = check_kei_class(
        PartialDate(2000, 1), engine_cc=None, length_mm=None, width_mm=None, height_mm=None
    )
    assert check.within_limits is None
    assert "No engine size or dimensions entered" in check.summary


def test_unknown_build_date() -> None:
    check = check_kei_class(None, engine_cc=660, length_mm=3395, width_mm=1475, height_mm=1800)
    assert check.era is None
    assert check.items == ()
    assert check.within_limits is None
    assert "Build date unknown" in check.summary


def test_pre_1976() -> None:
    check = check_kei_class(
        PartialDate(1974, 5), engine_cc=360, length_mm=3000, width_mm=1300, height_mm=1700
    )
    assert check.era is None
    assert check.within_limits is None
    assert "kei limits before 1976 are not on file" in check.summary


def test_straddling_date_says_so() -> None:
    check = check_kei_class(
        PartialDate(1998), engine_cc=658, length_mm=3395, width_mm=1475, height_mm=1800
    )
    assert check.era == ERA_1990
    assert check.within_limits is False
    assert "straddles the change to the 1998 kei standard" in check.summary
    assert "1998-10-01" in check.summary


def test_non_positive_values_are_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="Engine must be a positive number of cc, not -5"):
        check_kei_class(None, engine_cc=-5, length_mm=None, width_mm=None, height_mm=None)
    with pytest.raises(InvalidInput, match="Length"):
        check_kei_class(None, engine_cc=None, length_mm=0, width_mm=None, height_mm=None)
