"""Import cases from a spreadsheet: choose the file, match its columns, preview every row with
problems marked on their cells, then import all rows or none, or the good rows with the rows
that have problems saved to a file to fix (off the GUI thread, cancellable).

The rules live in :mod:`keidesk.dataio`; this dialog only shows their answers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keidesk.dataio.importer import (
    DuplicatePolicy,
    ImportCheck,
    ImportFailed,
    ImportReport,
    RowCheck,
    RowOutcome,
    RowResult,
    check_import,
    problem_file_path,
    run_import,
)
from keidesk.dataio.mapping import FIELDS, mapping_for
from keidesk.dataio.sheets import Sheet, read_sheet
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit import last_folder
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_error, tr_message
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskHandle

PROBLEM_COLOUR = QColor("#f8d0d0")
DUPLICATE_COLOUR = QColor("#fff2c2")
PREVIEW_SAMPLE_ROWS = 3
SPREADSHEET_FILTER = "Spreadsheets (*.csv *.xlsx *.txt *.tsv)"


def importer_progress(progress: Progress) -> Callable[[int, int], bool]:
    """The importer's progress callback (False stops it) on top of a task's Progress."""

    def report(done: int, total: int) -> bool:
        progress.report(done, total)
        return not progress.cancelled

    return report


#: A row's outcome once imported, said of the row (the report's counts use the plural words).
ROW_OUTCOME = {
    RowOutcome.CREATED: QT_TR_NOOP("Created"),
    RowOutcome.MERGED: QT_TR_NOOP("Merged"),
    RowOutcome.UNCHANGED: QT_TR_NOOP("Unchanged"),
    RowOutcome.SKIPPED: QT_TR_NOOP("Skipped"),
    RowOutcome.FAILED: QT_TR_NOOP("Failed"),
    RowOutcome.NOT_IMPORTED: QT_TR_NOOP("Not imported"),
    RowOutcome.SET_ASIDE: QT_TR_NOOP("Set aside"),
}

#: The columns before the sheet's own: the row's status, and its problems in words.
LEAD_COLUMNS = 2


class PreviewModel(QAbstractTableModel):
    """Every row of the sheet with its status and its problems in words first (not only on
    hover); problem cells marked, and explained again in their tooltip."""

    def __init__(self, check: ImportCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._results: dict[int, RowResult] = {}  # by sheet line, once imported

    def show_report(self, report: ImportReport) -> None:
        """After the import: each row's outcome and its note ("Already on file as …")."""
        self._results = {result.line: result for result in report.rows}
        self.dataChanged.emit(
            self.index(0, 0), self.index(max(self.rowCount() - 1, 0), LEAD_COLUMNS - 1)
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._check.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._check.sheet.headers) + LEAD_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._check.rows[section].line)
        if section == 0:
            return tr("Row status")
        if section == 1:
            return tr("Problems and warnings")
        header = self._check.sheet.headers[section - LEAD_COLUMNS]
        field = self._check.mapping[section - LEAD_COLUMNS]
        shown = tr(FIELDS[field]) if field else tr("(ignored)")
        return f"{header}\n→ {shown}"

    def _status(self, row: RowCheck) -> str:
        if (result := self._results.get(row.line)) is not None:
            return tr(str(ROW_OUTCOME[result.outcome]))
        if row.problems:
            count = len(row.problems)
            return tr("%n problem(s)").replace("%n", str(count))
        if row.duplicate_of_case is not None:
            return tr("Already on file")
        if row.duplicate_of_line is not None:
            return tr("Same truck as row %1").replace("%1", str(row.duplicate_of_line))
        return tr("OK")

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._check.rows[index.row()]
        column = index.column() - LEAD_COLUMNS
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._status(row)
            if index.column() == 1:
                if (result := self._results.get(row.line)) is not None and result.message:
                    return tr_message(result.message)
                return " · ".join(self._reasons(row))
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column < 0:
                return "\n".join(self._reasons(row)) or None
            return (
                "\n".join(tr_message(p.message) for p in row.problems if p.column == column) or None
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._background(row, column) is not None:
            return QBrush(QColor("#202020"))  # readable on the light marks in a dark theme too
        return None

    def _background(self, row: RowCheck, column: int) -> QBrush | None:
        if column >= 0 and row.problem_in(column) is not None:
            return QBrush(PROBLEM_COLOUR)
        if column < 0 and row.problems:
            return QBrush(PROBLEM_COLOUR)
        if row.is_duplicate:
            return QBrush(DUPLICATE_COLOUR)
        return None

    def _reasons(self, row: RowCheck) -> list[str]:
        """Each problem (named by its column), then each warning."""
        headers = self._check.sheet.headers
        reasons = [
            f"{headers[p.column]}: {tr_message(p.message)}"
            if p.column is not None and 0 <= p.column < len(headers)
            else tr_message(p.message)
            for p in row.problems
        ]
        return reasons + [tr_message(w) for w in row.warnings]


class ImportDialog(FittedDialog):
    """File → columns → preview → import (the report is kept in :attr:`report`; the change
    bus tells the views)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import cases from a spreadsheet"))
        self.resize(980, 560)
        self.context = context
        self._database = context.database
        self._sheet: Sheet | None = None
        self._check: ImportCheck | None = None
        self._task: TaskHandle[Any] | None = None
        self.report: ImportReport | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.back_button = QPushButton(tr("Back"))
        self.next_button = QPushButton(tr("Next"))
        self.import_button = QPushButton(tr("Import"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._show_page(0)

    # --- pages ----------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(tr("A .csv or .xlsx file with one truck per row"))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        intro = QLabel(
            tr(
                "The first row must name the columns. Dates may be written as on the papers "
                "(1999-03, H11.3, 平成11年3月); CSV files may be UTF-8 or Shift-JIS."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch()
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_note = QLabel()
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [tr("Column in the file"), tr("First values"), tr("keidesk field")]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        self.preview = QTableView()
        self.preview.setAlternatingRowColors(False)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.skip_radio = QRadioButton(tr("Skip trucks already on file"))
        self.merge_radio = QRadioButton(tr("Merge their rows into the existing cases"))
        self.skip_radio.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.skip_radio)
        group.addButton(self.merge_radio)
        duplicates = QHBoxLayout()
        duplicates.addWidget(QLabel(tr("Duplicates:")))
        duplicates.addWidget(self.skip_radio)
        duplicates.addWidget(self.merge_radio)
        duplicates.addStretch()
        self.set_aside_check = QCheckBox(
            tr("Import the rows without problems, and save the rows with problems to:")
        )
        self.set_aside_check.clicked.connect(self._set_aside_toggled)
        self.problems_edit = QLineEdit()
        self.problems_edit.setPlaceholderText(tr("a .csv or .xlsx file to fix them in"))
        self.problems_browse = QPushButton(tr("Choose…"))
        self.problems_browse.clicked.connect(self._browse_problems)
        set_aside = QHBoxLayout()
        set_aside.addWidget(self.set_aside_check)
        set_aside.addWidget(self.problems_edit, 1)
        set_aside.addWidget(self.problems_browse)
        self.set_aside_row = QWidget()
        self.set_aside_row.setLayout(set_aside)
        set_aside.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.set_aside_row)
        layout.addLayout(duplicates)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < 2)
        self.import_button.setVisible(index == 2)
        self.import_button.setEnabled(
            index == 2
            and self._check is not None
            and (not self._check.problem_rows or self.set_aside_check.isChecked())
        )

    def _set_aside_toggled(self, _checked: bool = False) -> None:
        checked = self.set_aside_check.isChecked()
        self.problems_edit.setEnabled(checked)
        self.problems_browse.setEnabled(checked)
        self._show_page(self.pages.currentIndex())

    def _browse_problems(self) -> None:
        path = self.context.dialogs.save_file(
            self,
            tr("Save the rows with problems"),
            self.problems_edit.text(),
            tr("Spreadsheets (*.csv *.xlsx)"),
            purpose=last_folder.EXPORT,
        )
        if path is not None:
            self.problems_edit.setText(str(path))

    # --- actions --------------------------------------------------------------------------

    def _browse(self) -> None:
        path = self.context.dialogs.open_file(
            self, tr("Import cases"), tr(SPREADSHEET_FILTER), purpose=last_folder.SPREADSHEET
        )
        if path is not None:
            self.file_edit.setText(str(path))

    def _back(self) -> None:
        self.message.clear()
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def _next(self) -> None:
        self.message.clear()
        if self.pages.currentIndex() == 0:
            self._load_file()
        elif self.pages.currentIndex() == 1:
            self._run_check()

    def _load_file(self) -> None:
        text = self.file_edit.text().strip()
        if not text:
            self.message.setText(tr("Choose the spreadsheet to import."))
            return
        try:
            sheet = read_sheet(Path(text))
            with self._database.reader() as session:
                mapping, remembered = mapping_for(session, sheet.headers)
        except KeideskError as exc:
            self.message.setText(tr_error(exc))
            return
        self._sheet = sheet
        self._fill_mapping(sheet, mapping, remembered=remembered)
        self._show_page(1)

    def _fill_mapping(
        self, sheet: Sheet, mapping: tuple[str | None, ...], *, remembered: bool
    ) -> None:
        rows = len(sheet.rows)
        encoding = f", {sheet.encoding}" if sheet.encoding else ""
        how = (
            tr("the columns as you matched them last time")
            if remembered
            else tr("a guess from the column names; correct it where it is wrong")
        )
        self.mapping_note.setText(
            tr("{sheet}: {rows} rows{encoding}. Showing {how}.").format(
                sheet=sheet.name, rows=rows, encoding=encoding, how=how
            )
        )
        self.mapping_table.setRowCount(len(sheet.headers))
        self.mapping_combos: list[QComboBox] = []
        for column, header in enumerate(sheet.headers):
            samples = [r[column] for r in sheet.rows[:PREVIEW_SAMPLE_ROWS] if r[column]]
            self.mapping_table.setItem(column, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(column, 1, QTableWidgetItem(", ".join(samples)))
            combo = QComboBox()
            combo.addItem(tr("(ignore this column)"), None)
            for key, label in FIELDS.items():
                combo.addItem(tr(label), key)
            combo.setCurrentIndex(max(0, combo.findData(mapping[column])))
            self.mapping_table.setCellWidget(column, 2, combo)
            self.mapping_combos.append(combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 260)

    def current_mapping(self) -> tuple[str | None, ...]:
        return tuple(combo.currentData() for combo in self.mapping_combos)

    def set_field(self, column: int, field: str | None) -> None:
        """Match a column to a field (what the user does with the column's drop-down)."""
        combo = self.mapping_combos[column]
        combo.setCurrentIndex(combo.findData(field))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        for button in (self.back_button, self.next_button, self.import_button):
            button.setEnabled(not busy)
        self.pages.setEnabled(not busy)

    def _start(
        self, fn: Callable[[Progress], Any], done: Callable[[Any], None], title: str
    ) -> None:
        self._busy(True)
        self._task = self.context.tasks.run_task(
            fn,
            done,
            self._on_progress,
            cancellable=True,
            on_error=self._on_failed,
            title=title,
        )

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, error: BaseException) -> None:
        self._task = None
        self._busy(False)
        if isinstance(error, ImportFailed):
            self.report = error.report
        self.message.setText(tr_error(error))
        self._show_page(self.pages.currentIndex())

    def _run_check(self) -> None:
        sheet = self._sheet
        assert sheet is not None
        mapping = self.current_mapping()
        database, today = self._database, self.context.today

        def work(progress: Progress) -> ImportCheck:
            with database.reader() as session:
                return check_import(
                    session, sheet, mapping, today=today, progress=importer_progress(progress)
                )

        self._start(work, self._on_checked, tr("Checking rows…"))

    def _on_checked(self, check: ImportCheck) -> None:
        self._task = None
        self._busy(False)
        self._check = check
        self.preview.setModel(PreviewModel(check, self.preview))
        self.preview.resizeColumnsToContents()
        reasons = self.preview.fontMetrics().horizontalAdvance("M") * 36
        if self.preview.columnWidth(1) > reasons:  # the whole text is in its tooltip
            self.preview.setColumnWidth(1, reasons)
        self.preview.selectionModel().currentRowChanged.connect(self._show_row_problems)
        problems = len(check.problem_rows)
        duplicates = len(check.duplicate_rows)
        parts = [tr("%1 rows checked.").replace("%1", str(len(check.rows)))]
        if problems:
            parts.append(
                tr(
                    "1 row has a problem (marked in red, with the reason beside it). Fix it "
                    "in the spreadsheet, or ignore its column, and check again; or import the "
                    "other rows and save this one to a file to fix (below)."
                )
                if problems == 1
                else tr(
                    "%1 rows have problems (marked in red, with the reasons beside them). "
                    "Fix them in the spreadsheet, or ignore their column, and check again; "
                    "or import the other rows and save these to a file to fix (below)."
                ).replace("%1", str(problems))
            )
        if duplicates:
            parts.append(
                tr("%1 rows are trucks already on file (yellow).").replace("%1", str(duplicates))
            )
        if check.unmapped:
            parts.append(
                tr("Not imported from any row: %1 (no field chosen for them).").replace(
                    "%1", ", ".join(f"“{column}”" for column in check.unmapped)
                )
            )
        self.preview_summary.setText(" ".join(parts))
        self.set_aside_row.setVisible(bool(problems))
        self.set_aside_check.setChecked(False)
        self._set_aside_toggled()
        if not self.problems_edit.text():
            source = Path(self.file_edit.text().strip())
            self.problems_edit.setText(str(source.with_name(f"{source.stem}-problems.csv")))
        self._show_page(2)

    def _show_row_problems(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The selected row's problems in words (tooltips need a mouse; this does not)."""
        if self._check is None or not current.isValid():
            return
        row = self._check.rows[current.row()]
        headers = self._check.sheet.headers
        self.message.setText(
            "\n".join(
                tr("Row {line}, {column}: {problem}").format(
                    line=row.line,
                    column=headers[p.column] if p.column is not None else "",
                    problem=tr_message(p.message),
                )
                for p in row.problems
            )
        )

    def _import(self) -> None:
        check = self._check
        assert check is not None
        policy = DuplicatePolicy.MERGE if self.merge_radio.isChecked() else DuplicatePolicy.SKIP
        database, user, today = self._database, self.context.user, self.context.today
        problems_to: Path | None = None
        if check.problem_rows and self.set_aside_check.isChecked():
            try:
                problems_to = problem_file_path(
                    Path(self.file_edit.text().strip()), Path(self.problems_edit.text().strip())
                )
            except KeideskError as exc:
                self.message.setText(tr_error(exc))
                return

        def work(progress: Progress) -> ImportReport:
            with database.transaction(user) as session:
                return run_import(
                    session,
                    check,
                    duplicates=policy,
                    user=user,
                    today=today,
                    progress=importer_progress(progress),
                    problems_to=problems_to,
                )

        self._busy(True)
        self._task = self.context.write_task(
            work,
            self._on_imported,
            cases=lambda _report: None,  # many cases
            origin=self,
            on_progress=self._on_progress,
            on_error=self._on_failed,
            cancellable=True,
            title=tr("Importing…"),
        )

    def _on_imported(self, report: ImportReport) -> None:
        self._task = None
        self._busy(False)
        self.report = report
        counts = ", ".join(f"{n} {tr(name)}" for name, n in report.counts.items() if n)
        text = tr("Imported from %1: %2.").replace("%1", report.file).replace("%2", counts)
        if report.problems_file:
            text += " " + tr(
                "The rows with problems are saved in %1, with a column saying what is wrong: "
                "fix them there and import that file."
            ).replace("%1", report.problems_file)
        self.message.setText(text)
        if isinstance(model := self.preview.model(), PreviewModel):
            model.show_report(report)
        self.import_button.setEnabled(False)
        self.cancel_button.setText(tr("Close"))

    def done(self, result: int) -> None:
        """Closing while a check or an import runs stops it first (nothing half-done)."""
        if self._task is not None and not self._task.finished:
            self._task.cancel()
            self.context.tasks.wait_for(self._task)
        super().done(result)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            return
        self.reject() if self.report is None else self.accept()
