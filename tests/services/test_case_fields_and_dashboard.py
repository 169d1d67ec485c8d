"""The services the desktop app's forms and dashboard read: field parsing and the counts."""

from __future__ import annotations

from datetime import date

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money, Odometer
from keidesk.services import cases
from keidesk.services.case_fields import field_texts, parse_changes, parse_field
from keidesk.services.dashboard import build_dashboard


def test_case_fields_parse_what_staff_type():
    assert parse_field("odometer", "48,200 km") == Odometer.parse("48200 km")
    assert parse_field("purchase_price", "¥450,000") == Money(450000, "JPY")
    assert str(parse_field("built", "Ｈ１１．３")) == "1999-03"
    assert parse_field("eta", "") is None
    assert parse_field("eta", "12/20/2026") == date(2026, 12, 20)  # US, as the import takes it
    with pytest.raises(InvalidInput, match=r"^ETA: Month 13 is not a month in '2026-13-01'"):
        parse_changes({"eta": "2026-13-01"})
    with pytest.raises(InvalidInput, match=r"^Built: "):
        parse_field("built", "H11.13")


def test_update_case_sets_odometer_and_price(make_case, db, today):
    case_id = make_case(built="1999-03")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            parse_changes({"odometer": "30,000 mi", "purchase_price": "450000"}),
            user="tester",
            today=today,
        )
        detail = cases.case_detail(session, case_id, today=today)
    assert detail.odometer == Odometer.parse("30000 mi")
    texts = field_texts(detail)
    assert texts["odometer"] == "30,000 mi"
    assert texts["purchase_price"] == "¥450,000"
    with db.transaction("tester") as session:
        cases.update_case(session, case_id, {"odometer": None}, user="tester", today=today)
        assert cases.case_detail(session, case_id, today=today).odometer is None


def test_dashboard_counts_match_their_lists(make_case, db, today):
    make_case(built="1999-03")
    make_case(built="2005-01")
    with db.reader() as session:
        dashboard = build_dashboard(session, today=today)
        assert dashboard.total == 2
        for item in (*dashboard.stages, *dashboard.attention, *dashboard.shipments):
            assert item.count == cases.count_cases(session, item.case_filter, today=today)
    assert next(i for i in dashboard.stages if i.key == "stage:intake").count == 2
    assert next(i for i in dashboard.attention if i.key == "blocked").count == 1
