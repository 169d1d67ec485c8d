"""A case's costs: the ledger, adding and removing costs, taking over the duty estimate, and
what the truck cost landed and earned. Reads and writes go through the app context (reads on
the read lane, every write one transaction through ``AppContext.write``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.costs import CostKind, NewCost, rate_text, usd_text
from keidesk.domain.dates import parse_day
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.gui.kit.changes import CaseIds, concerns
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.services.costs import (
    CaseCosts,
    CostView,
    add_cost,
    add_duty_estimate,
    case_costs,
    remove_cost,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CostsModel(RowsTableModel[CostView]):
    HEADERS = ("Paid", "Kind", "Amount", "Rate (¥/$)", "US dollars", "Note")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cost = self.row_at(index)
        if cost is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4):
            return _RIGHT
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            cost.paid_on.isoformat(),
            tr(cost.kind.label),
            str(cost.amount),
            rate_text(cost.rate) if cost.rate is not None else "",
            str(cost.usd),
            cost.note,
        )
        return values[column] if 0 <= column < len(values) else None


class CostsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None  # loaded when first shown
        self.summary: CaseCosts | None = None
        self._reads = 0

        self.model = CostsModel(self)
        self.table = QTableView()
        self.table.setObjectName("costs_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.totals = QLabel()
        self.totals.setObjectName("costs_totals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)

        self.kind = QComboBox()
        self.kind.setObjectName("cost_kind")
        for kind in CostKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.amount = QLineEdit()
        self.amount.setObjectName("cost_amount")
        self.amount.setPlaceholderText(tr("e.g. 1,250.00 or ¥185,000"))
        self.currency = QComboBox()
        self.currency.setObjectName("cost_currency")
        self.currency.addItem("USD", "USD")
        self.currency.addItem("JPY", "JPY")
        self.rate = QLineEdit()
        self.rate.setObjectName("cost_rate")
        self.rate.setPlaceholderText(tr("yen per US dollar, e.g. 151.37"))
        self.rate.setToolTip(tr("The exchange rate used on the day the yen were paid"))
        self.paid_on = DateField(day_only=True)
        self.paid_on.setObjectName("cost_date")
        self.paid_on.setPlaceholderText(tr("today when empty, or e.g. 12/20/2026"))
        self.note = QLineEdit()
        self.note.setObjectName("cost_note")
        self.add_button = QPushButton(tr("&Add cost"))
        self.add_button.setObjectName("cost_add")
        self.add_button.clicked.connect(self.add)
        self.estimate_button = QPushButton(tr("Take over the duty &estimate"))
        self.estimate_button.setObjectName("cost_from_estimate")
        self.estimate_button.setToolTip(
            tr("Record the case's estimated duty (with Section 232), MPF and HMF as costs")
        )
        self.estimate_button.clicked.connect(self.take_over_estimate)
        self.remove_button = QPushButton(tr("&Remove cost"))
        self.remove_button.setObjectName("cost_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.currency.currentIndexChanged.connect(lambda _i: self._currency_changed())
        self.amount.returnPressed.connect(self.add)
        self._currency_changed()

        form = QGridLayout()
        form.addWidget(QLabel(tr("Kind")), 0, 0)
        form.addWidget(self.kind, 0, 1)
        form.addWidget(QLabel(tr("Amount")), 0, 2)
        form.addWidget(self.amount, 0, 3)
        form.addWidget(self.currency, 0, 4)
        form.addWidget(QLabel(tr("Rate")), 0, 5)
        form.addWidget(self.rate, 0, 6)
        form.addWidget(QLabel(tr("Paid on")), 1, 0)
        form.addWidget(self.paid_on, 1, 1)
        form.addWidget(QLabel(tr("Note")), 1, 2)
        form.addWidget(self.note, 1, 3, 1, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.estimate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.set_editable(not context.read_only)
        context.changes.cases_changed.connect(self._cases_changed)

    # --- reading -------------------------------------------------------------------------------

    def load(self, case_id: int) -> None:
        """Read the case's costs off the GUI thread; an answer older than the latest is
        dropped."""
        self.case_id = case_id
        self._reads += 1
        number = self._reads

        def arrived(summary: CaseCosts) -> None:
            if shiboken6.isValid(self) and number == self._reads:
                self._show(summary)

        self.context.read_task(
            lambda s: case_costs(s, case_id),
            arrived,
            on_error=self._not_loaded,
            title=tr("Reading the costs…"),
        )

    def _not_loaded(self, exc: BaseException) -> None:
        if not isinstance(exc, NotFound):  # a case that is gone: its workspace closes
            self.context.reporter.user_error(exc)

    def _show(self, summary: CaseCosts) -> None:
        self.summary = summary
        self.model.set_rows(summary.costs)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(5, min(self.table.columnWidth(5), 320))
        lines = [
            (
                tr("Landed cost: <b>{cost}</b> (1 cost, in US dollars)")
                if len(summary.costs) == 1
                else tr("Landed cost: <b>{cost}</b> ({count} costs, in US dollars)")
            ).format(cost=usd_text(summary.landed_cents), count=len(summary.costs))
        ]
        if summary.sale_price_cents is None:
            lines.append(tr("Sale price: not recorded (Customer, state and notes tab)"))
        else:
            margin = summary.margin_cents or 0
            colour = "#b5533c" if margin < 0 else "#2e7d32"
            lines.append(
                tr(
                    "Sale price {sale} · margin <b style='color:{colour}'>{margin}</b> ({pct}%)"
                ).format(
                    sale=usd_text(summary.sale_price_cents),
                    colour=colour,
                    margin=usd_text(margin),
                    pct=summary.margin_percent,
                )
            )
        self.totals.setText("<br>".join(lines))
        self.estimate_button.setEnabled(summary.has_duty_estimate and not self.context.read_only)

    def _cases_changed(self, case_ids: CaseIds, _origin: object) -> None:
        if self.case_id is not None and concerns(case_ids, self.case_id):
            self.load(self.case_id)

    def detach(self) -> None:
        self.context.changes.cases_changed.disconnect(self._cases_changed)

    # --- writing -------------------------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.kind,
            self.amount,
            self.currency,
            self.rate,
            self.paid_on,
            self.note,
            self.add_button,
            self.remove_button,
        ):
            widget.setEnabled(editable)
        self._currency_changed()
        self.estimate_button.setEnabled(
            editable and self.summary is not None and self.summary.has_duty_estimate
        )

    def _currency_changed(self) -> None:
        yen = self.currency.currentData() == "JPY"
        self.rate.setEnabled(yen and self.currency.isEnabled())
        if not yen:
            self.rate.clear()

    def _paid_on(self) -> date:
        text = self.paid_on.text().strip()
        if not text:
            return self.context.today
        return parse_day(text)  # the one reading of dates; its refusal says what is wrong

    def add(self) -> None:
        """Check the cost as typed (a plain message when it does not make sense), then save."""
        case_id = self.case_id
        if case_id is None:
            return
        try:
            cost = NewCost.parse(
                kind=str(self.kind.currentData()),
                amount=self.amount.text(),
                currency=str(self.currency.currentData()),
                rate=self.rate.text(),
                paid_on=self._paid_on(),
                note=self.note.text(),
            )
        except InvalidInput as exc:
            self.context.reporter.user_error(exc)
            return
        user = self.context.user

        def saved(_view: CostView) -> None:  # the change signal reads the costs again
            if shiboken6.isValid(self):
                self.amount.clear()
                self.note.clear()

        self.context.write(
            lambda s: add_cost(s, case_id, cost, user=user),
            saved,
            cases=lambda _v: [case_id],
            origin=self,
            title=tr("Saving the cost…"),
        )

    def take_over_estimate(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        try:
            paid_on = self._paid_on()
        except InvalidInput as exc:
            self.context.reporter.user_error(exc)
            return
        user, today = self.context.user, self.context.today
        self.context.write(
            lambda s: add_duty_estimate(s, case_id, paid_on=paid_on, user=user, today=today),
            None,
            cases=lambda _v: [case_id],
            origin=self,
            title=tr("Recording the duty estimate…"),
        )

    def selected_cost(self) -> CostView | None:
        return self.model.row_at(self.table.currentIndex())

    def remove_selected(self) -> None:
        cost, case_id = self.selected_cost(), self.case_id
        if cost is None or case_id is None:
            return
        question = tr("Remove the cost {kind} of {amount} paid {day}?").format(
            kind=tr(cost.kind.label), amount=cost.amount, day=cost.paid_on.isoformat()
        )
        if not self.context.dialogs.confirm(self, question, tr("Remove cost"), destructive=True):
            return
        self.context.write(
            lambda s: remove_cost(s, cost.id, case_id=case_id),
            None,
            cases=lambda _v: [case_id],
            origin=self,
            title=tr("Removing the cost…"),
        )
