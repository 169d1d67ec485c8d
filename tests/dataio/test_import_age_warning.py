"""A truck not yet 25 years old imports, with a warning in the preview and the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from keidesk.dataio.importer import DuplicatePolicy, RowOutcome, check_import, run_import
from keidesk.dataio.mapping import mapping_for
from keidesk.dataio.sheets import read_sheet
from keidesk.storage.database import Database
from tests.dataio.helpers import write_csv


def test_a_truck_not_yet_25_imports_with_a_warning(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "young.csv",
        "Chassis No.,Year,First Reg\n"
        "DA63T-700001,2015,\n"  # built in 2015: years to go
        "DA52T-123456,H11.3,\n"  # 1999: long eligible
        "DA16T-100001,,2001-02\n",  # first registered 2001-02: 2026-03-01, eligible on the 21st
    )
    today = date(2026, 11, 21)
    sheet = read_sheet(path)
    with db.transaction("tester") as session:
        mapping, _ = mapping_for(session, sheet.headers)
        check = check_import(session, sheet, mapping, today=today)
        young, old, first_registered = check.rows
        assert young.ok and old.ok and first_registered.ok  # a warning, not a refusal
        assert young.warnings == (
            "Not yet 25 years old: eligible to import under the 25-year rule from 2041-01-01 "
            "(5,155 days from today).",
        )
        assert old.warnings == ()
        assert first_registered.warnings == ()
        report = run_import(
            session, check, duplicates=DuplicatePolicy.SKIP, user="tester", today=today
        )
    created = [row for row in report.rows if row.outcome is RowOutcome.CREATED]
    assert len(created) == 3
    assert "Not yet 25 years old" in created[0].message
    assert created[1].message == ""
