"""Case → Packets for stage…: one packet for every case in a stage, written into a folder.

The dialog gathers the choices; :func:`build_stage_packets` runs the core batch
(:func:`keidesk.packets.batch.build_batch`, worker processes) off the GUI thread with progress
in the status bar and Cancel. Packets already written when Cancel is pressed stay, recorded on
their cases.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import STAGE_COMPLETE, StepKey
from keidesk.gui.kit import last_folder
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskHandle
from keidesk.gui.widgets.paper import paper_box
from keidesk.packets import PacketKind, Paper
from keidesk.packets.batch import BatchResult, build_batch
from keidesk.services.cases import case_ids_in_stage, stage_counts
from keidesk.services.dashboard import stage_title


@dataclass(frozen=True, slots=True)
class StagePackets:
    stage: str
    kind: PacketKind
    paper: Paper
    folder: Path


class StagePacketsDialog(FittedDialog):
    """Choose the stage, the packet, the paper and the folder; OK starts the batch."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Packets for a stage"))
        self.setMinimumWidth(520)
        self.stage = QComboBox()
        for stage in [*(key.value for key in StepKey), STAGE_COMPLETE]:
            self.stage.addItem(tr(stage_title(stage)), stage)
        self.kind = QComboBox()
        for kind in PacketKind:
            self.kind.addItem(tr(kind.label), kind)
        self.paper = paper_box()
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(tr("the folder the packets are written to"))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_box = QWidget()  # a widget, so "&Folder" gets a label with its Alt-letter
        folder_row = QHBoxLayout(folder_box)
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.count = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Cases in &stage"), self.stage)
        form.addRow(tr("&Packet"), self.kind)
        form.addRow(tr("P&aper"), self.paper)
        form.addRow(tr("&Folder"), folder_box)
        folder_label = form.labelForField(folder_box)
        if isinstance(folder_label, QLabel):
            folder_label.setBuddy(self.folder)  # Alt+F: the folder box itself
        form.addRow("", self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.build_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.build_button.setText(tr("Build packets"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.in_stage: int | None = None  # the cases in the chosen stage, once counted
        self.stage.currentIndexChanged.connect(lambda _i: self._count())
        self._count()

    def _count(self) -> None:
        """Count the cases in the chosen stage off the GUI thread (it grows with the data)."""
        stage = str(self.stage.currentData())
        self.in_stage = None
        self.build_button.setEnabled(False)  # until there is a case to build for
        self.count.setText(tr("Counting…"))
        self.context.read_task(
            lambda s: stage_counts(s).get(stage, 0),  # counted in SQL, no ids fetched
            lambda count: self._counted(stage, count),
            title=tr("Counting cases…"),
        )

    def _counted(self, stage: str, count: int) -> None:
        if not shiboken6.isValid(self) or stage != self.stage.currentData():
            return  # closed, or another stage chosen since: its own count is on its way
        self.in_stage = count
        self.build_button.setEnabled(count > 0)
        if count == 0:
            self.count.setText(tr("No case is in this stage: there is nothing to build."))
            return
        self.count.setText(
            tr("1 case is in this stage.")
            if count == 1
            else tr("{count} cases are in this stage.").format(count=count)
        )

    def _browse(self) -> None:
        folder = self.context.dialogs.folder(
            self, tr("Choose the folder for the packets"), purpose=last_folder.PACKET
        )
        if folder is not None:
            self.folder.setText(str(folder))

    def choice(self) -> StagePackets:
        return StagePackets(
            stage=str(self.stage.currentData()),
            kind=PacketKind(self.kind.currentData()),
            paper=Paper(self.paper.currentData()),
            folder=Path(self.folder.text().strip()).expanduser(),
        )

    def _accept(self) -> None:
        if not self.folder.text().strip():
            self.message.setText(tr("Choose the folder the packets are written to."))
            return
        if self.in_stage == 0:  # still counting: the batch finds out for itself
            self.message.setText(tr("No case is in this stage: there is nothing to build."))
            return
        self.accept()


def summary(result: BatchResult, choice: StagePackets) -> str:
    """The outcome in words: how many were built where, and why any were not."""
    lines = [
        tr("{built} of {total} {kind} packets written to {folder}.").format(
            built=len(result.built),
            total=len(result.items),
            kind=tr(choice.kind.label).lower(),
            folder=choice.folder,
        )
    ]
    lines += [
        tr("Not built: {number}: {reason}").format(number=item.number, reason=item.error)
        for item in result.failed
    ]
    return "\n".join(lines)


def build_stage_packets(
    context: AppContext,
    choice: StagePackets,
    on_done: Callable[[BatchResult], None],
    *,
    on_cancelled: Callable[[], None] | None = None,
    workers: int | None = None,
) -> TaskHandle[BatchResult]:
    """Build and record the packets off the GUI thread (cancellable, progress in the status
    bar); the cases they were recorded on are announced when done or cancelled."""
    database, user, today = context.database, context.user, context.today

    def work(progress: Progress) -> BatchResult:
        with database.reader() as session:
            case_ids = list(case_ids_in_stage(session, choice.stage))
        if not case_ids:
            raise InvalidInput("No case is in this stage: there is nothing to build.")

        def report(done: int, total: int) -> None:
            progress.report(done, total, f"{done}/{total}")
            progress.check()  # Cancel stops the batch here; what was written stays recorded

        progress.report(0, len(case_ids))
        return build_batch(
            database,
            case_ids,
            choice.kind,
            choice.folder,
            user=user,
            today=today,
            paper=choice.paper,
            workers=workers,
            progress=report,
        )

    def cancelled() -> None:
        context.changes.announce(None)  # what was built before Cancel is recorded on its cases
        if on_cancelled is not None:
            on_cancelled()

    return context.write_task(
        work,
        on_done,
        cases=lambda _result: None,  # packets recorded on many cases
        cancellable=True,
        on_cancelled=cancelled,
        title=tr("Building packets…"),
    )
