"""Creating and editing cases: decoding, eligibility, state path, money, odometer, history."""

from __future__ import annotations

from datetime import date

import pytest

from keidesk.domain.dates import PartialDate
from keidesk.domain.eligibility import Basis
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import DistanceUnit, Money, Odometer
from keidesk.domain.reference import PathKind
from keidesk.services import cases
from keidesk.services.reference import get_state_rule, list_state_rules, update_state_rule


def detail(db, case_id, today):
    with db.reader() as s:
        return cases.case_detail(s, case_id, today=today)


def test_create_decodes_and_computes_eligibility(db, make_case, today):
    case_id = make_case(
        chassis="ｈａ４－１２３４５６７", built="平成8年6月", customer="Dale Hill", state="tn"
    )
    d = detail(db, case_id, today)
    assert (d.chassis, d.make, d.model, d.drive) == ("HA4-1234567", "Honda", "Acty truck", "4WD")
    assert d.number == f"KD-{case_id:06d}"
    assert d.eligibility is not None
    assert d.eligibility.basis is Basis.MANUFACTURE
    assert d.eligibility.fmvss.eligible_on == date(2021, 7, 1)
    assert d.eligibility.epa.eligible_on == date(2017, 1, 1)
    assert d.customer is not None and d.customer.name == "Dale Hill"
    assert d.destination_state == "TN"
    assert d.state_rule is not None and d.state_rule.path is PathKind.RESTRICTED


def test_first_registration_basis_when_build_unknown(db, make_case, today):
    d = detail(db, make_case(first_registered="H11.3"), today)
    assert d.eligibility is not None
    assert d.eligibility.basis is Basis.FIRST_REGISTRATION
    assert d.eligibility.fmvss.eligible_on == date(2024, 4, 1)


def test_customer_state_is_the_default_destination(db, make_case, today):
    make_case(customer="Earl Guidry", state="LA")
    d = detail(db, make_case(customer="earl guidry"), today)
    assert d.destination_state == "LA"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"chassis": "  "}, "Enter a chassis number"),
        ({"chassis": "DA52T-123456", "state": "QQ"}, "not a US state"),
        ({"chassis": "DA52T-123457", "built": PartialDate(2027, 1)}, "in the future"),
        (
            {
                "chassis": "DA52T-123458",
                "built": PartialDate(1999, 5),
                "first_registered": PartialDate(1999, 3),
            },
            "before the build date",
        ),
    ],
)
def test_bad_new_cases_are_refused_and_nothing_is_written(db, today, kwargs, message):
    with pytest.raises(InvalidInput, match=message), db.transaction("ann") as s:
        cases.create_case(s, today=today, **kwargs)
    with db.reader() as s:
        assert cases.count_cases(s, cases.CaseFilter(), today=today) == 0


def test_duplicate_chassis_in_any_spelling(db, make_case, today):
    make_case(chassis="S510P-0494531")
    with pytest.raises(InvalidInput, match="already case KD-"):
        make_case(chassis="ｓ５１０ｐ ー ０４９４５３１")


@pytest.mark.typed_names
def test_edit_fields_money_odometer_and_history(db, make_case, today):
    case_id = make_case(chassis="DA52T-555555", built="1999-03")
    changes = {
        "odometer": Odometer.parse("48,200 km"),
        "purchase_price": Money.parse("¥385,000", "JPY"),
        "customs_value": Money.parse("$2,950.00", "USD"),
        "freight": Money.parse("1,450", "USD"),
        "colour": "white",
        "vessel": "Morning Celesta",
    }
    with db.transaction("bob") as s:
        cases.update_case(s, case_id, changes, user="bob", today=today)
    d = detail(db, case_id, today)
    assert d.odometer == Odometer(48200, DistanceUnit.KM)
    assert str(d.odometer) == "48,200 km (29,950 mi)"
    assert d.purchase_price == Money(385000, "JPY")
    assert str(d.purchase_price) == "¥385,000"
    assert d.customs_value == Money(295000, "USD")
    assert d.duty_estimate is not None
    assert d.duty_estimate.tariff.hts == "8704.31.0120"
    assert d.duty_estimate.duty_cents == 73750  # 25% truck duty
    assert d.landed_cost_estimate is not None
    # value 2,950.00 + duty 737.50 + MPF minimum 33.58 + HMF 3.69 + freight 1,450.00
    assert d.duty_estimate.total_cents == 73750 + 3358 + 369
    assert d.landed_cost_estimate == Money(295000 + 77477 + 145000, "USD")
    with db.reader() as s:
        history = cases.case_history(s, case_id)
    edits = {(h.field, h.old_value, h.new_value) for h in history if h.by == "bob"}
    assert ("odometer_value", None, "48200") in edits
    assert ("vessel", None, "Morning Celesta") in edits


def test_failed_edit_changes_nothing(db, make_case, today):
    case_id = make_case(built="1999-03", customer="Ann")
    before = detail(db, case_id, today)
    with pytest.raises(InvalidInput), db.transaction("bob") as s:
        cases.update_case(
            s,
            case_id,
            {"colour": "red", "etd": date(2026, 12, 20), "eta": date(2026, 12, 1)},
            user="bob",
            today=today,
        )
    assert detail(db, case_id, today) == before
    with pytest.raises(InvalidInput, match="no field"), db.transaction("bob") as s:
        cases.update_case(s, case_id, {"paint": "red"}, user="bob", today=today)
    with pytest.raises(InvalidInput, match="yen"), db.transaction("bob") as s:
        cases.update_case(
            s, case_id, {"purchase_price": Money(100, "USD")}, user="bob", today=today
        )


def test_changing_the_build_date_recomputes_eligibility(db, make_case, today):
    case_id = make_case(built="1999-03")
    with db.transaction("bob") as s:
        cases.update_case(s, case_id, {"built": PartialDate(1999, 12, 15)}, user="bob", today=today)
    d = detail(db, case_id, today)
    assert d.eligibility is not None
    assert d.eligibility.fmvss.eligible_on == date(2024, 12, 15)


def test_production_year_mismatch_warns(db, make_case, today):
    case_id = make_case(chassis="DA52T-666666", built="1994-01")
    assert any("before DA52T production started" in w for w in detail(db, case_id, today).warnings)


def test_state_rules_cover_every_jurisdiction_with_sources(db, today):
    with db.reader() as s:
        rules = list_state_rules(s, today=today)
    assert len(rules) == 51
    for rule in rules:
        assert rule.citation and rule.source and rule.as_of <= date(2026, 11, 30)
        if rule.path is PathKind.UNKNOWN:
            assert any("No registration rule on file" in w for w in rule.warnings)


def test_stale_uncertain_and_under_review_rules_warn(db, today):
    with db.reader() as s:
        ks = get_state_rule(s, "KS", today=today)  # IIHS April 2019, uncertain
        ma = get_state_rule(s, "MA", today=today)  # under review
    assert any("last verified 2019-04-01" in w for w in ks.warnings)
    assert any("unverified" in w for w in ks.warnings)
    assert any("under review" in w for w in ma.warnings)


def test_editing_a_rule_is_audited_and_marks_it_verified(db, today):
    with db.transaction("carol") as s:
        view = update_state_rule(
            s, "ks", {"max_speed_mph": 45, "notes": "Called KDOR."}, user="carol", today=today
        )
    assert view.locally_verified_on == today
    assert view.updated_by == "carol"
    assert view.verified_on == today
    assert not any("last verified" in w for w in view.warnings)
    with pytest.raises(InvalidInput, match="posted speed"), db.transaction("carol") as s:
        update_state_rule(s, "KS", {"max_speed_mph": 400}, user="carol", today=today)
    with pytest.raises(InvalidInput, match="citation and a source"), db.transaction("carol") as s:
        update_state_rule(s, "KS", {"citation": " "}, user="carol", today=today)
    with db.reader() as s:
        assert get_state_rule(s, "KS", today=today).max_speed_mph == 45
