"""Say what each file is while attaching it: its kind, the step it is filed under, its title.

One small dialog for one file or many (a table, one row per file). The kind is guessed from
the file name (``BL_…`` is a bill of lading, an image with no telling name a photo) and the
step follows the kind, so most of the time the staff member only presses Attach.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.documents import DocumentKind, guess_kind
from keidesk.domain.workflow import StepKey
from keidesk.gui.kit import theme
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog


@dataclass(frozen=True, slots=True)
class FileChoice:
    """One file to attach and what the staff member said it is."""

    path: Path
    kind: DocumentKind
    step: StepKey | None
    title: str


def guessed(path: Path) -> DocumentKind:
    """The kind a file most likely is, as the store will see it (name and media type)."""
    return guess_kind(path.name, mimetypes.guess_type(path.name)[0])


def kind_combo() -> QComboBox:
    box = QComboBox()
    for kind in DocumentKind:
        box.addItem(tr(kind.label), kind.value)
    return box


def step_combo() -> QComboBox:
    box = QComboBox()
    box.addItem(tr("(the case as a whole)"), None)
    for key in StepKey:
        box.addItem(tr(key.label), key.value)
    return box


class AttachDialog(FittedDialog):
    """A row per file: file name, kind, step, title. Attach records them all; Cancel none."""

    FILE, KIND, STEP, TITLE = range(4)

    def __init__(self, paths: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.setWindowTitle(tr("Attach documents"))
        intro = QLabel(
            tr("What is each file? The kind is guessed from the file name; check it.")
            if len(self.paths) > 1
            else tr("What is this file? The kind is guessed from the file name; check it.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.paths), 4)
        self.table.setHorizontalHeaderLabels([tr("File"), tr("Kind"), tr("Step"), tr("Title")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.FILE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        self.kinds: list[QComboBox] = []
        self.steps: list[QComboBox] = []
        self.titles: list[QLineEdit] = []
        for row, path in enumerate(self.paths):
            name = QTableWidgetItem(path.name)
            name.setToolTip(str(path))
            self.table.setItem(row, self.FILE, name)
            kind, step, title = kind_combo(), step_combo(), QLineEdit(path.stem[:200])
            kind.setAccessibleName(tr("Kind of {name}").format(name=path.name))
            step.setAccessibleName(tr("Step of {name}").format(name=path.name))
            title.setAccessibleName(tr("Title of {name}").format(name=path.name))
            title.setMaxLength(200)
            kind.currentIndexChanged.connect(lambda _i, r=row: self._kind_changed(r))
            self.kinds.append(kind)
            self.steps.append(step)
            self.titles.append(title)
            self.table.setCellWidget(row, self.KIND, kind)
            self.table.setCellWidget(row, self.STEP, step)
            self.table.setCellWidget(row, self.TITLE, title)
            guess = guessed(path)
            self.set_kind(row, guess)
            if guess is DocumentKind.OTHER:  # nothing in the name told: ask for a look
                name.setForeground(theme.colour(theme.SOON))
                name.setToolTip(
                    tr("{path}\nThe name does not say what this is: choose its kind.").format(
                        path=path
                    )
                )
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.attach_button = buttons.addButton(
            tr("&Attach"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        rows_height = sum(self.table.rowHeight(r) for r in range(len(self.paths)))
        self.resize(860, min(160 + rows_height + self.table.horizontalHeader().height(), 560))
        if self.kinds:
            self.kinds[0].setFocus()

    def set_kind(self, row: int, kind: DocumentKind) -> None:
        """Choose a row's kind; its step follows (the kind's own step)."""
        box = self.kinds[row]
        index = box.findData(kind.value)
        if box.currentIndex() == index:
            self._kind_changed(row)
        else:
            box.setCurrentIndex(index)

    def set_step(self, row: int, step: StepKey | None) -> None:
        box = self.steps[row]
        box.setCurrentIndex(box.findData(step.value) if step else 0)

    def kind_of(self, row: int) -> DocumentKind:
        return DocumentKind(self.kinds[row].currentData())

    def _kind_changed(self, row: int) -> None:
        self.set_step(row, self.kind_of(row).default_step)

    def choices(self) -> list[FileChoice]:
        result = []
        for row, path in enumerate(self.paths):
            step = self.steps[row].currentData()
            result.append(
                FileChoice(
                    path=path,
                    kind=self.kind_of(row),
                    step=StepKey(step) if step else None,
                    title=self.titles[row].text().strip() or path.stem[:200],
                )
            )
        return result


def ask_what_files_are(paths: Sequence[Path], parent: QWidget | None) -> list[FileChoice] | None:
    """Show the dialog; the choices, or None when cancelled."""
    dialog = AttachDialog(paths, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()
    finally:
        dialog.deleteLater()
