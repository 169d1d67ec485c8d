"""Packets for a stage: the cases in the chosen stage are counted off the GUI thread (the real
threaded runner), and what is shown is the count of the stage chosen last."""

from __future__ import annotations

from keidesk.gui.packets.stage_packets import StagePacketsDialog
from keidesk.services.cases import case_detail


def counted(dialog: StagePacketsDialog) -> int | None:
    return dialog.in_stage


def test_the_stage_is_counted_off_the_gui_thread(qtbot, threaded, make_case, today):
    case_id = make_case()
    stage = threaded.read(lambda s: case_detail(s, case_id, today=today)).stage
    dialog = StagePacketsDialog(threaded)
    qtbot.addWidget(dialog)
    assert dialog.stage.currentData() == stage  # a new case is in the first stage
    assert counted(dialog) is None and dialog.count.text() == "Counting…"  # on its way
    qtbot.waitUntil(lambda: counted(dialog) == 1, timeout=10_000)
    assert dialog.count.text() == "1 case is in this stage."

    dialog.stage.setCurrentIndex(1)  # and back, before either count is back
    dialog.stage.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    assert counted(dialog) == 1
    assert dialog.count.text() == "1 case is in this stage."
