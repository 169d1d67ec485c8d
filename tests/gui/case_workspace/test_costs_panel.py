"""The Costs tab: costs added (dollars and yen), the duty estimate taken over, a cost removed,
bad input refused in words, landed cost and margin shown; each write one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt

from keidesk.domain.money import Money
from keidesk.services import cases, costs


def _costs_tab(window, case_id):
    workspace = window.desk.open_case(case_id)
    workspace.tabs.setCurrentWidget(workspace.costs_panel)
    return workspace.costs_panel


def _fill(qtbot, panel, *, kind: str, amount: str, currency: str = "USD", rate: str = "") -> None:
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    panel.currency.setCurrentIndex(panel.currency.findData(currency))
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, amount)
    panel.rate.clear()
    if rate:
        qtbot.keyClicks(panel.rate, rate)


def test_add_take_over_and_remove(window, make_case, db, dialogs, qtbot, today):
    case_id = make_case(built="1995-03")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {"customs_value": Money(401_000, "USD"), "sale_price": Money(1_200_000, "USD")},
            user="tester",
            today=today,
        )
    panel = _costs_tab(window, case_id)
    assert panel.case_id == case_id
    assert not panel.rate.isEnabled()  # dollars take no rate

    _fill(qtbot, panel, kind="auction_price", amount="350,000", currency="JPY", rate="151.37")
    assert panel.rate.isEnabled()
    qtbot.keyClicks(panel.note, "USS Nagoya")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == []
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 4).data() == "$2,312.22"
    assert panel.amount.text() == ""

    assert panel.estimate_button.isEnabled()
    qtbot.mouseClick(panel.estimate_button, Qt.MouseButton.LeftButton)
    assert [panel.model.index(r, 1).data() for r in range(4)] == [
        "Auction price",
        "Duty",
        "MPF",
        "HMF",
    ]
    with db.reader() as session:
        summary = costs.case_costs(session, case_id)
    text = panel.totals.text()
    assert f"${summary.landed_cents / 100:,.2f}" in text
    assert "Sale price $12,000.00" in text and f"({summary.margin_percent}%)" in text

    panel.table.selectRow(0)
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert "Remove the cost Auction price of ¥350,000" in dialogs.questions[-1]
    assert panel.model.rowCount() == 3
    with db.reader() as session:
        history = cases.case_history(session, case_id)
    assert [(h.entity, h.action) for h in history if h.entity == "costs"].count(
        ("costs", "delete")
    ) == 1

    window.grab().save("/tmp/costs/gui_costs_tab.png")


def test_bad_input_is_refused_and_nothing_saved(window, make_case, db, dialogs, qtbot):
    case_id = make_case()
    panel = _costs_tab(window, case_id)
    assert not panel.estimate_button.isEnabled()  # no customs value: no estimate
    for kind, amount, currency, rate, words in (
        ("repairs", "lots", "USD", "", "not an amount"),
        ("repairs", "185000", "JPY", "", "exchange rate"),
        ("repairs", "185000", "JPY", "-150", "negative"),
    ):
        _fill(qtbot, panel, kind=kind, amount=amount, currency=currency, rate=rate)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        assert words in dialogs.errors[-1]
    panel.paid_on.setText("yesterday")
    _fill(qtbot, panel, kind="repairs", amount="10")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "not a date" in dialogs.errors[-1]
    with db.reader() as session:
        assert costs.case_costs(session, case_id).costs == ()
