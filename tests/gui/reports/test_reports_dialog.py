"""The Reports dialog: a report chosen, its period and format, saved where asked; the case
list report is the list as shown (filter, visible columns in their order, sort)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl  # type: ignore[import-untyped]
import pypdf
from PySide6.QtCore import Qt

from keidesk.domain.costs import CostKind, NewCost
from keidesk.domain.money import Money
from keidesk.gui.reports.dialog import ReportsDialog
from keidesk.services import cases, costs
from keidesk.services.cases import CaseFilter


def _open(window) -> ReportsDialog:
    window.action("action_reports").trigger()
    dialog = window.findChild(ReportsDialog)
    assert isinstance(dialog, ReportsDialog) and dialog.isVisible()
    return dialog


def test_the_case_list_as_shown(window, make_case, dialogs, tmp_path):
    for chassis, state in (("DA52T-123456", "TX"), ("HA4-2222222", "OK"), ("U62T-333333", "TX")):
        make_case(chassis=chassis, state=state, customer=f"Buyer {chassis[:2]}")
    case_list = window.desk.case_list
    case_list.apply_filter(CaseFilter(state="TX"))
    case_list.model.sort(1, Qt.SortOrder.DescendingOrder)  # chassis, descending
    header = case_list.table.horizontalHeader()
    for column in range(2, header.count()):
        header.setSectionHidden(column, column != 6)  # keep case, chassis and state
    header.moveSection(header.visualIndex(6), 0)  # state first
    dialog = _open(window)
    assert "state 'TX'" in dialog.about.text()
    dialog.xlsx.setChecked(True)
    dialogs.saves = [tmp_path / "texas"]
    dialog.buttons.accepted.emit()
    out = tmp_path / "texas.xlsx"
    assert dialog.written == out
    rows = list(openpyxl.load_workbook(out)["Cases"].iter_rows(values_only=True))
    assert rows == [
        ("State", "Case", "Chassis number"),
        ("TX", "KD-000003", "U62T-333333"),
        ("TX", "KD-000001", "DA52T-123456"),
    ]
    assert "saved to" in dialogs.infos[-1]


def test_margin_for_a_period_as_pdf(window, make_case, db, dialogs, tmp_path, today, qtbot):
    case_id = make_case()
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {"sale_price": Money(900_000, "USD"), "sale_date": date(2026, 10, 5)},
            user="tester",
            today=today,
        )
        cost = NewCost(
            CostKind.AUCTION_PRICE, Money(600_000, "JPY"), Decimal(150), date(2026, 9, 1)
        )
        costs.add_cost(session, case_id, cost, user="tester")
    dialog = _open(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("margin"))
    assert dialog.start.isEnabled()
    qtbot.keyClicks(dialog.start, "2026-10-01")
    qtbot.keyClicks(dialog.end, "2026-10-31")
    dialogs.saves = [tmp_path / "october.pdf"]
    dialog.grab().save("/tmp/costs/gui_reports_dialog.png")
    dialog.buttons.accepted.emit()
    text = pypdf.PdfReader(tmp_path / "october.pdf").pages[0].extract_text()
    assert "2026-10-01 to 2026-10-31" in text
    assert "$5,000.00" in text  # 9,000 - 600,000 / 150


def test_a_bad_period_is_refused_before_asking_where(window, dialogs, qtbot, tmp_path):
    dialog = _open(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("duty"))
    qtbot.keyClicks(dialog.start, "2026-10-01")
    qtbot.keyClicks(dialog.end, "2026-09-01")
    dialogs.saves = [tmp_path / "never.pdf"]
    dialog.buttons.accepted.emit()
    assert "before it starts" in dialogs.errors[-1]
    assert dialogs.saves == [tmp_path / "never.pdf"]  # not asked
    dialog.kind.setCurrentIndex(dialog.kind.findData("states"))
    assert not dialog.start.isEnabled()  # a snapshot: the period does not apply
