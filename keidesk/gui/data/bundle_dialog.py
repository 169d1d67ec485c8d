"""Importing a case bundle: every case in it, new or already here; for one already here, what
differs (details and steps, here vs the bundle) with a choice per item: keep mine, take theirs,
or keep both. Both histories are kept whatever is chosen.

Opening (every file checked against the manifest) and the dry run that finds the differences
run off the GUI thread, as does the import itself (one transaction). The rules are in
:mod:`keidesk.dataio.bundle`; a refused bundle (tampered, unsafe paths, too large) is shown as
its plain message and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keidesk.dataio.bundle import (
    BundleContents,
    BundleImport,
    CaseImport,
    Choice,
    Difference,
    detail_label,
    import_bundle,
    import_files_and_cases,
    open_bundle,
)
from keidesk.domain.workflow import StepStatus
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.step_status import STATUS_TEXT
from keidesk.gui.kit.tasks import Progress, TaskHandle
from keidesk.services.dashboard import stage_title

BUNDLE_FILTER = "keidesk case bundles (*.zip);;All files (*)"

#: The choices offered for an item, in the order shown; "both" first: nothing is lost.
CHOICES = (
    (Choice.BOTH, "Keep both"),
    (Choice.MINE, "Keep mine"),
    (Choice.THEIRS, "Take theirs"),
)


def item_title(item: str) -> str:
    """What one choice applies to, in words: the case details, or one workflow step."""
    if item == "details":
        return tr("Case details")
    if item == "costs":
        return tr("Costs (the ledger)")
    if item.startswith("step:"):
        return tr("Step: {step}").format(step=tr(stage_title(item.removeprefix("step:"))))
    return item


#: A step's compared parts, in words.
STEP_PARTS = {
    "status": QT_TR_NOOP("Status"),
    "note": QT_TR_NOOP("Note"),
    "due_on": QT_TR_NOOP("Due"),
}


def field_title(difference: Difference) -> str:
    """What differs, in words: the registry's label of a detail, a step's part, or the costs."""
    if difference.item == "details":
        return tr(detail_label(difference.field))
    if difference.item == "costs":
        return tr("Costs (the ledger)")
    return tr(str(STEP_PARTS.get(difference.field, difference.field)))


def shown(value: Any, field: str = "") -> str:
    if value is None or value == "":
        return "—"
    if field == "status" and value in set(StepStatus):
        return tr(STATUS_TEXT[StepStatus(value)])
    return str(value)


class BundleImportDialog(FittedDialog):
    """Opens the bundle, shows its cases and differences, imports with the chosen items
    (the result is kept in :attr:`outcome`; the change bus tells the views)."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = path
        self.contents: BundleContents | None = None
        self.plan: BundleImport | None = None
        self.outcome: BundleImport | None = None
        self.choice_boxes: dict[tuple[str, str], QComboBox] = {}  # (case uid, item) -> box
        self._task: TaskHandle[Any] | None = None
        self.setWindowTitle(tr("Import case bundle — {name}").format(name=path.name))
        self.resize(900, 560)

        self.summary = QLabel(tr("Checking {name}…").format(name=path.name))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [tr("Case / item"), tr("Here (mine)"), tr("In the bundle (theirs)"), tr("Keep")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()

        self.all_buttons: dict[Choice, QPushButton] = {}
        choose_all = QHBoxLayout()
        choose_all.addWidget(QLabel(tr("For every difference:")))
        for choice, label in CHOICES:
            button = QPushButton(tr(label))
            button.clicked.connect(lambda _c=False, ch=choice: self.choose_all(ch))
            self.all_buttons[choice] = button
            choose_all.addWidget(button)
        choose_all.addStretch(1)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setDefault(True)
        self.close_button = QPushButton(tr("Cancel"))
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(choose_all)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._set_ready(False)
        self._open()

    # --- opening and comparing ----------------------------------------------------------------

    def _start(self, fn: Any, done: Any, title: str) -> None:
        self._set_ready(False)
        self.progress.show()
        self._task = self.context.tasks.run_task(fn, done, on_error=self._failed, title=title)

    def _open(self) -> None:
        database, path = self.context.database, self.path
        store, user, today = self.context.store, self.context.user, self.context.today

        def work(_progress: Progress) -> tuple[BundleContents, BundleImport]:
            contents = open_bundle(path)
            with database.reader() as session:
                plan = import_bundle(session, store, contents, user=user, today=today, dry_run=True)
            return contents, plan

        self._start(work, self._opened, tr("Checking the bundle…"))

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.message.setText(tr_error(exc))
        self.summary.setText(tr("Nothing was imported."))
        self._set_ready(self.plan is not None and self.outcome is None)

    def _opened(self, opened: tuple[BundleContents, BundleImport]) -> None:
        self._task = None
        self.progress.hide()
        self.contents, self.plan = opened
        self._fill(self.plan)
        new = sum(1 for c in self.plan.cases if c.number is None)
        differing = sum(1 for c in self.plan.cases if c.differences)
        same = len(self.plan.cases) - new - differing
        self.summary.setText(
            tr(
                "{name}: {total} case(s) — {new} new, {differing} already here with "
                "differences, {same} already here and the same. Choose what to keep for each "
                "difference; the history from both sides is kept."
            ).format(
                name=self.path.name,
                total=len(self.plan.cases),
                new=new,
                differing=differing,
                same=same,
            )
        )
        self._set_ready(not self.context.read_only)
        if self.context.read_only:
            self.message.setText(tr("The database is open read-only: nothing can be imported."))

    def _fill(self, plan: BundleImport) -> None:
        self.tree.clear()
        self.choice_boxes.clear()
        for case in plan.cases:
            top = QTreeWidgetItem(self.tree, [self._case_title(case)])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            groups: dict[str, list[Difference]] = {}
            for difference in case.differences:
                groups.setdefault(difference.item, []).append(difference)
            for item, differences in groups.items():
                group = QTreeWidgetItem(top, [item_title(item)])
                box = QComboBox()
                for choice, label in CHOICES:
                    box.addItem(tr(label), choice)
                box.setAccessibleName(tr("Keep for {item}").format(item=item_title(item)))
                self.tree.setItemWidget(group, 3, box)
                self.choice_boxes[(case.uid, item)] = box
                for difference in differences:
                    QTreeWidgetItem(
                        group,
                        [
                            field_title(difference),
                            shown(difference.mine, difference.field),
                            shown(difference.theirs, difference.field),
                        ],
                    )
            top.setExpanded(True)
            for index in range(top.childCount()):
                child = top.child(index)
                if child is not None:
                    child.setExpanded(True)

    @staticmethod
    def _case_title(case: CaseImport) -> str:
        if case.number is None:
            return tr("{chassis} — new case").format(chassis=case.chassis)
        if case.differences:
            return tr("{number} {chassis} — already here; {count} difference(s)").format(
                number=case.number, chassis=case.chassis, count=len(case.differences)
            )
        return tr("{number} {chassis} — already here, the same").format(
            number=case.number, chassis=case.chassis
        )

    # --- choosing and importing ---------------------------------------------------------------

    def choose(self, uid: str, item: str, choice: Choice) -> None:
        box = self.choice_boxes[(uid, item)]
        box.setCurrentIndex(box.findData(choice))

    def choose_all(self, choice: Choice) -> None:
        for box in self.choice_boxes.values():
            box.setCurrentIndex(box.findData(choice))

    def choices(self) -> dict[str, dict[str, Choice]]:
        chosen: dict[str, dict[str, Choice]] = {}
        for (uid, item), box in self.choice_boxes.items():
            chosen.setdefault(uid, {})[item] = Choice(box.currentData())
        return chosen

    def _set_ready(self, ready: bool) -> None:
        self.import_button.setEnabled(ready)
        for button in self.all_buttons.values():
            button.setEnabled(ready and bool(self.choice_boxes))
        for box in self.choice_boxes.values():
            box.setEnabled(ready)

    def run_import(self) -> None:
        contents = self.contents
        if contents is None:
            return
        database, store = self.context.database, self.context.store
        user, today, choices = self.context.user, self.context.today, self.choices()

        def work(_progress: Progress) -> BundleImport:
            return import_files_and_cases(
                database, store, contents, user=user, today=today, choices=choices
            )

        self._set_ready(False)
        self.progress.show()
        self._task = self.context.write_task(
            work,
            self._imported,
            cases=lambda _result: None,  # many cases
            origin=self,
            on_error=self._failed,
            title=tr("Importing the bundle…"),
        )

    def _imported(self, result: BundleImport) -> None:
        self._task = None
        self.progress.hide()
        self.outcome = result
        counts: dict[str, int] = {}
        for case in result.cases:
            counts[case.outcome] = counts.get(case.outcome, 0) + 1
        self.message.setText(
            tr(
                "Imported {name}: {created} created, {updated} updated, {unchanged} unchanged."
            ).format(
                name=result.name,
                created=counts.get("created", 0),
                updated=counts.get("updated", 0),
                unchanged=counts.get("unchanged", 0),
            )
        )
        self.close_button.setText(tr("Close"))
        self._set_ready(False)

    def done(self, result: int) -> None:
        """Wait for the running step before closing, so none is cut off half-way (the window
        keeps answering meanwhile)."""
        if self._task is not None and not self._task.finished:
            self.context.tasks.wait_for(self._task)
        super().done(result)
