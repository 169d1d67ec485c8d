"""The demo generator: realistic, consistent with the gates, spread over every stage."""

from __future__ import annotations

from keidesk.domain.workflow import StepKey
from keidesk.services import cases
from keidesk.services.demo import build_demo


def test_demo_cases_cover_every_stage_and_obey_the_gates(db, today, cli):
    with db.transaction("demo") as s:
        result = build_demo(s, cases=600, today=today)
    assert result.cases == 600
    with db.reader() as s:
        counts = cases.stage_counts(s)
        assert set(counts) == {k.value for k in StepKey} | {"complete"}
        assert cases.count_cases(s, cases.CaseFilter(blocked=True), today=today) > 0
        states = {c.state for c in cases.list_cases(s, today=today)}
        assert len(states) >= 15
        for summary in cases.list_cases(
            s, cases.CaseFilter(stage="customs"), today=today, limit=30
        ):
            d = cases.case_detail(s, summary.id, today=today)
            assert d.step(StepKey.AGE).status.value == "done"
            assert d.eligibility is not None and d.eligibility.fmvss.eligible
    # Cases added afterwards get fresh ids and the search index covers demo rows.
    assert cli("case", "add", "--chassis", "HA4-9999999", "--json").json["id"] == 601
    assert cli("case", "list", "--search", "ha4-9999999", "--json").json[0]["id"] == 601
