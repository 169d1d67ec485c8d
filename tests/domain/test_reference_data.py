"""The reference data shipped in ``resources/``, read through the real loaders.

Self-contained: the shared research files are not read here; the facts they hold are
spot-checked through hard-coded expectations instead.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from keidesk.domain.reference import (
    ChassisCodeInfo,
    PathKind,
    StateRuleInfo,
    load_chassis_codes,
    load_state_agencies,
    load_state_rules,
)
from keidesk.domain.sources import Confidence

RESOURCES = Path(__file__).parents[2] / "resources"
COMPILED = date(2026, 11, 30)


def _codes(text: str) -> frozenset[str]:
    """A set of codes written as one space-separated string (easier to read than a list)."""
    return frozenset(text.split())


STATES_AND_DC = _codes(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)

# The states with a status in the shared research (2026-11-30, incl. Utah, still unknown) and
# those it marked U in any part.
RESEARCHED = _codes(
    "AL AR CA CO FL GA ID IL IN IA KS KY LA ME MD MA MI MN MO NE NH NY NC OR PA RI TN TX WA WI UT "
    "OH OK WV WY"
)
SHARED_U = _codes("AR FL ID IL IN IA KS KY MD MN MO NE NH NY NC OR RI WI UT OH OK WV WY")
STILL_UNKNOWN = _codes("AK AZ CT DC DE HI MS MT ND NJ NM NV SC SD UT VA VT")

# Codes marked U in the shared chassis list (U mark or "NOT confirmed").
SHARED_U_CODES = _codes(
    "DA81T DA41T DA51T HA5 KS3 KS4 U41T U42T DS16T S100P S110P S200P S210P DG63T U71T DR16T"
)

CODE_SHAPE = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


@pytest.fixture(scope="module")
def states() -> dict[str, StateRuleInfo]:
    """Each state's first version (the rule since the beginning)."""
    rows = load_state_rules(RESOURCES / "state_rules.csv")
    return {rule.code: rule for rule in rows if rule.effective_from is None}


@pytest.fixture(scope="module")
def state_rows() -> list[StateRuleInfo]:
    return load_state_rules(RESOURCES / "state_rules.csv")


@pytest.fixture(scope="module")
def codes() -> dict[str, ChassisCodeInfo]:
    return {info.code: info for info in load_chassis_codes(RESOURCES / "chassis_codes.csv")}


@pytest.fixture(scope="module")
def code_rows() -> list[ChassisCodeInfo]:
    return load_chassis_codes(RESOURCES / "chassis_codes.csv")


# --- state rules -------------------------------------------------------------------------


def test_exactly_the_50_states_and_dc(state_rows: list[StateRuleInfo]) -> None:
    codes = [rule.code for rule in state_rows]
    assert len(codes) == 52  # Colorado has two versions
    assert len(set(codes)) == 51
    assert set(codes) == STATES_AND_DC
    assert codes == sorted(codes)
    assert [r.code for r in state_rows if r.effective_from is not None] == ["CO"]


def test_every_rule_has_provenance(state_rows: list[StateRuleInfo]) -> None:
    for rule in state_rows:
        assert rule.name, rule.code
        assert rule.citation, rule.code
        assert rule.source, rule.code
        assert rule.as_of_note, rule.code
        assert rule.notes, rule.code
        assert rule.road_limits, rule.code
        assert rule.as_of <= COMPILED, rule.code
        assert rule.documents, rule.code
        if rule.path is not PathKind.UNKNOWN:
            assert rule.customer_text, rule.code


def test_path_values_are_valid(state_rows: list[StateRuleInfo]) -> None:
    for rule in state_rows:
        assert isinstance(rule.path, PathKind)
        assert rule.path in set(PathKind)


def test_unknown_states_are_unverified(state_rows: list[StateRuleInfo]) -> None:
    unknown = [rule for rule in state_rows if rule.path is PathKind.UNKNOWN]
    assert {rule.code for rule in unknown} == STILL_UNKNOWN | {"CO"}  # CO before 2027-07-01
    for rule in unknown:
        assert rule.confidence is Confidence.UNCERTAIN, rule.code
        assert rule.max_speed_mph is None, rule.code
        assert rule.interstate_allowed is None, rule.code
        assert "Confirm the list with the state agency" in rule.documents, rule.code


def test_unknown_states_cite_nothing_and_keep_their_research(
    states: dict[str, StateRuleInfo],
) -> None:
    for code in STILL_UNKNOWN:
        rule = states[code]
        assert rule.path is PathKind.UNKNOWN, code
        assert rule.citation == "None on file", code
        assert rule.road_limits != "No rule on file.", code  # the 2026-11-30 findings
        assert "not researched" not in rule.source, code
        assert rule.as_of <= COMPILED, code


def test_newly_researched_states(states: dict[str, StateRuleInfo]) -> None:
    for code in ("OH", "WV", "WY", "OK"):
        rule = states[code]
        assert rule.path is PathKind.RESTRICTED, code
        assert rule.confidence is Confidence.UNCERTAIN, code
    assert states["OH"].max_speed_mph == 35
    assert states["WV"].interstate_allowed is False
    assert states["OR"].path is PathKind.NONE
    assert states["OR"].under_review is True
    assert states["OR"].as_of == date(2026, 3, 7)
    assert "2024-06-01" in states["RI"].customer_text


def test_shared_u_rows_stay_u(states: dict[str, StateRuleInfo]) -> None:
    for code in SHARED_U:
        assert states[code].confidence is Confidence.UNCERTAIN, code


def test_researched_states_start_from_the_federal_import_set(
    states: dict[str, StateRuleInfo],
) -> None:
    for code in RESEARCHED:
        documents = states[code].documents
        assert "CBP Form 7501 entry summary, stamped by CBP" in documents, code
        assert "NHTSA HS-7 declaration (box 1)" in documents, code
        assert "EPA Form 3520-1 declaration (code E)" in documents, code


def test_state_spot_checks(
    states: dict[str, StateRuleInfo], state_rows: list[StateRuleInfo]
) -> None:
    assert states["TX"].path is PathKind.STANDARD
    assert states["TX"].interstate_allowed is True

    assert states["CA"].path is PathKind.NONE

    louisiana = states["LA"]
    assert louisiana.path is PathKind.RESTRICTED
    assert louisiana.max_speed_mph == 55
    assert louisiana.interstate_allowed is False
    assert louisiana.confidence is Confidence.PRIMARY
    assert any("notarized translation" in d.lower() for d in louisiana.documents)

    assert states["ME"].path is PathKind.OFFROAD_ONLY

    massachusetts = states["MA"]
    assert massachusetts.path is PathKind.STANDARD
    assert massachusetts.under_review is True
    assert massachusetts.as_of == date(2024, 9, 18)

    before = states["CO"]
    assert before.path is PathKind.UNKNOWN
    (colorado,) = [r for r in state_rows if r.code == "CO" and r.effective_from]
    assert colorado.effective_from == date(2027, 7, 1)
    assert colorado.path is PathKind.RESTRICTED
    assert colorado.max_speed_mph == 55
    assert "HB25-1281" in colorado.citation

    assert states["NY"].path is PathKind.UNDER_REVIEW
    assert states["UT"].path is PathKind.UNKNOWN
    assert states["DC"].path is PathKind.UNKNOWN
    assert states["DC"].name == "District of Columbia"
    assert states["IA"].confidence is Confidence.UNCERTAIN  # "P (old pages) / U (...)"


# --- chassis codes -----------------------------------------------------------------------


def test_chassis_codes_are_unique_and_code_shaped(code_rows: list[ChassisCodeInfo]) -> None:
    seen = [info.code for info in code_rows]
    assert len(seen) == len(set(seen))
    for info in code_rows:
        assert CODE_SHAPE.match(info.code), info.code
        assert info.source, info.code
        assert info.make, info.code
        assert info.model, info.code
        assert info.body in {"truck", "van", "dumper"}, info.code
        assert info.drive in {None, "2WD", "4WD"}, info.code
        if info.in_production:
            assert info.last_year is None, info.code
        for month in (info.first_month, info.last_month):
            assert month is None or 1 <= month <= 12, info.code


def test_unconfirmed_codes_stay_u(codes: dict[str, ChassisCodeInfo]) -> None:
    for code in SHARED_U_CODES:
        assert codes[code].confidence is Confidence.UNCERTAIN, code


def test_non_code_rows_are_left_out(codes: dict[str, ChassisCodeInfo]) -> None:
    assert "U1x series" not in codes
    assert "(2nd gen Scrum)" not in codes
    assert len(codes) == 47
    assert codes["U14T"].make == "Mitsubishi"  # added 2026-11-30


def test_chassis_spot_checks(codes: dict[str, ChassisCodeInfo]) -> None:
    carry = codes["DA52T"]
    assert (carry.make, carry.model, carry.drive) == ("Suzuki", "Carry truck", "2WD")
    assert (carry.first_year, carry.first_month) == (1999, 1)
    assert (carry.last_year, carry.last_month) == (2002, 4)
    assert carry.confidence is Confidence.SECONDARY
    assert carry.production_text == "1999-01 to 2002-04"

    acty = codes["HA4"]
    assert acty.make == "Honda"
    assert acty.drive == "4WD"

    dias = codes["KV4"]
    assert dias.body == "van"
    assert dias.confidence is Confidence.PRIMARY

    hijet = codes["S510P"]
    assert hijet.in_production is True
    assert hijet.last_year is None

    assert codes["DS16T"].confidence is Confidence.UNCERTAIN
    assert codes["DR16T"].confidence is Confidence.UNCERTAIN  # "[U/S]"
    assert codes["S500P"].confidence is Confidence.SECONDARY  # "[P/S]"

    assert codes["DA71T"].last_year is None  # "uncertain (~1991)"
    assert "1991" in codes["DA71T"].notes
    assert codes["HA3"].engine is None  # E07A / EN07A naming conflict
    assert "EN07A" in codes["HA3"].notes
    assert codes["S82P"].engine_cc is None  # "550 then 660"


def test_every_state_has_its_agency() -> None:
    agencies = {a.code: a for a in load_state_agencies(RESOURCES / "state_agencies.csv")}
    assert set(agencies) == STATES_AND_DC
    for code, agency in agencies.items():
        assert agency.agency, code
        assert agency.phone is None  # no phone number was on file; never made up
    assert agencies["TX"].agency == "Texas Department of Motor Vehicles"
