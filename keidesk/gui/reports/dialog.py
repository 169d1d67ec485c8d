"""The Reports dialog: which report, its period, PDF or XLSX; then where to save it.

The report is built and written off the GUI thread (a report of 100,000 cases takes seconds),
by the same code as ``keidesk report``; "Case list" is the list as shown when the dialog was
opened (its filter, visible columns in their order, and sort).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.dates import parse_day
from keidesk.domain.errors import InvalidInput
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.i18n import tr, tr_error, tr_message
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskHandle
from keidesk.reports import check_target, write_report
from keidesk.reports.data import CaseListShown, build_report
from keidesk.reports.model import PERIOD_KINDS, Period, ReportKind

#: The case list's sort keys (services.cases.SORT_COLUMNS) in words: its columns' titles.
SORT_TITLES = {
    "number": QT_TR_NOOP("Case"),
    "chassis": QT_TR_NOOP("Chassis number"),
    "make": QT_TR_NOOP("Make / model"),
    "model": QT_TR_NOOP("Model"),
    "built": QT_TR_NOOP("Built"),
    "eligible_on": QT_TR_NOOP("FMVSS eligible"),
    "customer": QT_TR_NOOP("Customer"),
    "state": QT_TR_NOOP("State"),
    "stage": QT_TR_NOOP("Stage"),
    "days_in_stage": QT_TR_NOOP("Days in stage"),
}


class ReportsDialog(FittedDialog):
    def __init__(
        self, context: AppContext, shown: CaseListShown, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Reports"))
        self.setObjectName("reports_dialog")
        self.context = context
        self.shown = shown
        self.last_task: TaskHandle[Path] | None = None
        self.written: Path | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        for kind in ReportKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.start = DateField(day_only=True)
        self.start.setObjectName("report_from")
        self.start.setPlaceholderText(tr("from the first, or e.g. 12/01/2026"))
        self.end = DateField(day_only=True)
        self.end.setObjectName("report_to")
        self.end.setPlaceholderText(tr("to the last, or e.g. 12/31/2026"))
        self.pdf = QRadioButton(tr("&PDF (to print)"))
        self.pdf.setObjectName("report_pdf")
        self.xlsx = QRadioButton(tr("&Excel (XLSX)"))
        self.xlsx.setObjectName("report_xlsx")
        self.pdf.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pdf)
        group.addButton(self.xlsx)
        self.about = QLabel()
        self.about.setObjectName("report_about")
        self.about.setWordWrap(True)

        self.start.fit_placeholder()
        self.end.fit_placeholder()
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        kinds = QHBoxLayout()
        kinds.addWidget(self.pdf)
        kinds.addWidget(self.xlsx)
        kinds.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("&Report"), self.kind)
        form.addRow(tr("Period"), period)
        form.addRow(tr("Format"), kinds)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("&Save as…"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.resize(480, self.sizeHint().height())

    @property
    def report_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.report_kind
        dated = kind in PERIOD_KINDS
        self.start.setEnabled(dated)
        self.end.setEnabled(dated)
        if kind is ReportKind.CASES:
            order = self.shown.order_by
            text = tr("The case list as shown: {what}, sorted by {order}.").format(
                what=tr_message(self.shown.description),
                order=tr(str(SORT_TITLES[order]))
                if order in SORT_TITLES
                else order.replace("_", " "),
            )
        elif kind is ReportKind.DUTY:
            text = tr("Duty, MPF, HMF, broker and port costs by the month they were paid.")
        elif kind is ReportKind.MARGIN:
            text = tr("Sale price, landed cost and margin of the trucks sold in the period.")
        else:
            text = tr("As of today; the period does not apply.")
        self.about.setText(text)

    def _day(self, edit: DateField, what: str) -> date | None:
        text = edit.text().strip()
        if not text or not edit.isEnabled():
            return None
        try:
            return parse_day(text)  # the one reading of dates, US forms included
        except InvalidInput as exc:
            raise InvalidInput(
                tr("The {what} day: {problem}").format(what=what, problem=tr_error(exc))
            ) from None

    def period(self) -> Period:
        """The period as typed; a plain message when it does not make sense."""
        return Period(self._day(self.start, tr("first")), self._day(self.end, tr("last")))

    def save(self) -> None:
        """Ask where, then build and write the report off the GUI thread."""
        kind = self.report_kind
        try:
            period = self.period()
        except InvalidInput as exc:
            self.context.reporter.user_error(exc)
            return
        suffix = ".pdf" if self.pdf.isChecked() else ".xlsx"
        filters = tr("PDF (*.pdf)") if suffix == ".pdf" else tr("Excel workbook (*.xlsx)")
        path = self.context.dialogs.save_file(
            self, tr("Save the report"), f"keidesk-{kind.value}{suffix}", filters
        )
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            check_target(path)
        except InvalidInput as exc:
            self.context.reporter.user_error(exc)
            return
        database, today, shown = self.context.database, self.context.today, self.shown

        def work(_progress: Progress) -> Path:
            with database.reader() as session:
                report = build_report(session, kind, today=today, period=period, shown=shown)
                write_report(report, path)
            return path

        def done(written: Path) -> None:
            self.written = written
            if shiboken6.isValid(self):
                self.context.dialogs.info(
                    self, tr("The report was saved to {path}.").format(path=written)
                )

        self.last_task = self.context.tasks.run_task(
            work, done, title=tr("Writing the {kind} report…").format(kind=tr(kind.label))
        )
