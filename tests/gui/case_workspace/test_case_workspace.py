"""Creating, editing, advancing and documenting a case through the real widgets."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_workspace.attach_dialog import AttachDialog
from keidesk.gui.case_workspace.new_case import NewCaseDialog
from keidesk.gui.kit.dialogs import Discard
from keidesk.services.cases import case_detail, case_history
from keidesk.services.documents import AttachmentStore


def editor(workspace, name) -> QLineEdit:
    widget = workspace.editors[name]
    assert isinstance(widget, QLineEdit)
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, anything else (full-width, kanji) the way an
    input method delivers it, one committed character at a time."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def test_new_case_from_full_width_chassis_and_era_date(window, context, db, qtbot, today):
    dialog = NewCaseDialog(context, window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.chassis, "ＤＡ５２Ｔ－１２３４５６")
    hint = dialog.chassis_hint.text()
    assert "DA52T-123456" in hint
    assert "Suzuki Carry" in hint
    type_text(qtbot, dialog.built, "平成11年3月")
    assert "1999-03" in dialog.built_hint.text()
    qtbot.keyClicks(dialog.customer, "Dale Walker")
    qtbot.keyClicks(dialog.state, "tx")
    assert "Texas" in dialog.state_hint.text()
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.case_id is not None
    with db.reader() as session:
        detail = case_detail(session, dialog.case_id, today=today)
    assert detail.chassis == "DA52T-123456"
    assert str(detail.built) == "1999-03"
    assert detail.make == "Suzuki"
    assert detail.destination_state == "TX"
    assert detail.customer is not None and detail.customer.name == "Dale Walker"

    workspace = window.desk.open_case(dialog.case_id)
    assert "DA52T-123456" in workspace.header.text()
    assert "2024-04-01" in workspace.eligibility.text()  # FMVSS: month after the 25th


def test_new_case_refuses_bad_input_and_saves_nothing(window, context, db, qtbot):
    dialog = NewCaseDialog(context, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.chassis, "DA52T-123456")
    qtbot.keyClicks(dialog.built, "H11.13")
    assert "H11.13" in dialog.built_hint.text()  # the reason is shown while typing
    dialog.submit()
    assert dialog.case_id is None
    assert "H11.13" in dialog.error.accessibleDescription()
    assert window.desk.case_list.model.rowCount() == 0
    dialog.built.clear()
    dialog.chassis.setText("not a chassis!!")
    assert not dialog.create_button.isEnabled()


def test_live_decoding_in_the_workspace(window, make_case, qtbot):
    workspace = window.desk.open_case(make_case(chassis="DA52T-100001", built="1999-03"))
    chassis = editor(workspace, "chassis")
    type_into(qtbot, chassis, "ＨＡ４－１２３４５６７")
    assert "HA4-1234567" in workspace.hints["chassis"].text()
    assert "Honda" in workspace.hints["chassis"].text()
    type_into(qtbot, editor(workspace, "odometer"), "48200 km")
    assert "29,950 mi" in workspace.hints["odometer"].text()
    type_into(qtbot, editor(workspace, "built"), "H12.5")
    assert "2025-06-01" in workspace.eligibility.text()


def test_edit_undo_redo_and_save(window, make_case, db, qtbot, today):
    case_id = make_case(built="1999-03")
    workspace = window.desk.open_case(case_id)
    colour = editor(workspace, "colour")
    type_into(qtbot, colour, "white")
    assert workspace.dirty
    assert window.tabs.tabText(window.tabs.currentIndex()).endswith("•")
    window.undo_action.trigger()
    assert colour.text() == ""
    assert not workspace.dirty
    window.redo_action.trigger()
    assert colour.text() == "white"
    type_into(qtbot, editor(workspace, "odometer"), "48,200 km")
    # Ctrl+Z typed in another box goes to the one undo stack, not to that box's own
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    colour.setFocus()
    qtbot.keyClick(colour, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor(workspace, "odometer").text() == ""
    assert colour.text() == "white"
    qtbot.keyClick(
        colour,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor(workspace, "odometer").text() == "48,200 km"
    save = next(a for a in window.actions() if a.objectName() == "action_save")
    save.trigger()
    assert not workspace.dirty
    with db.reader() as session:
        detail = case_detail(session, case_id, today=today)
        history = case_history(session, case_id)
    assert detail.colour == "white"
    assert detail.odometer is not None and detail.odometer.value == 48200
    assert any(h.field == "colour" and h.new_value == "white" and h.by == "tester" for h in history)
    workspace.tabs.setCurrentWidget(workspace.history)
    texts = [
        workspace.history.model.index(r, 4).data()
        for r in range(workspace.history.model.rowCount())
    ]
    assert "white" in texts


def test_a_bad_field_saves_nothing(window, make_case, db, dialogs, qtbot, today):
    case_id = make_case(built="1999-03")
    workspace = window.desk.open_case(case_id)
    type_into(qtbot, editor(workspace, "colour"), "red")
    type_into(qtbot, editor(workspace, "built"), "H11.13")
    workspace.save()
    assert any("Built" in message and "H11.13" in message for message in dialogs.errors)
    with db.reader() as session:
        detail = case_detail(session, case_id, today=today)
    assert detail.colour is None  # all or nothing
    assert str(detail.built) == "1999-03"
    assert workspace.dirty  # the edits are still there to correct


def test_closing_with_unsaved_changes_asks(window, make_case, dialogs, db, qtbot, today):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    type_into(qtbot, editor(workspace, "colour"), "blue")
    dialogs.discard_answers = [Discard.CANCEL, Discard.SAVE]
    close = next(a for a in window.actions() if a.objectName() == "action_close_case")
    assert close.shortcut().toString() == "Ctrl+W"
    close.trigger()
    assert window.desk.current_workspace() is workspace  # cancelled: still open
    close.trigger()
    assert window.desk.current_workspace() is None
    assert dialogs.discard_asked == [workspace.number, workspace.number]
    with db.reader() as session:
        assert case_detail(session, case_id, today=today).colour == "blue"


def test_discarding_changes_keeps_the_saved_case(window, make_case, dialogs, db, qtbot, today):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    type_into(qtbot, editor(workspace, "colour"), "green")
    dialogs.discard_answers = [Discard.DISCARD]
    assert window.desk.close_current_case()
    with db.reader() as session:
        assert case_detail(session, case_id, today=today).colour is None


def test_stepper_advances_and_explains_a_refused_gate(window, make_case, db, today):
    case_id = make_case(built="1999-03")
    workspace = window.desk.open_case(case_id)
    stepper = workspace.workflow
    stepper.select_step(StepKey.INTAKE)
    stepper.move_current(StepStatus.DONE)
    assert stepper.refusal_text() == ""
    stepper.select_step(StepKey.CUSTOMS)
    stepper.move_current(StepStatus.DONE)
    reason = stepper.refusal_text()
    assert "Customs cannot be done before Age check and Lien clearance are done." in reason
    with db.reader() as session:
        detail = case_detail(session, case_id, today=today)
    assert detail.step(StepKey.CUSTOMS).status is StepStatus.TODO  # refused: nothing written
    assert detail.step(StepKey.INTAKE).status is StepStatus.DONE
    assert "stage: Age check" in workspace.header.text()
    assert stepper.steps.item(0).text().splitlines()[1].strip().startswith("done")


def test_age_gate_refuses_a_young_truck(window, make_case):
    workspace = window.desk.open_case(make_case(built="2005-06"))
    stepper = workspace.workflow
    stepper.select_step(StepKey.AGE)
    stepper.move_current(StepStatus.DONE)
    assert "Not FMVSS-eligible until 2030-07-01" in stepper.refusal_text()


def make_png(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(path))
    return path


def make_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_attached_documents_preview_and_count_as_evidence(
    window, make_case, dialogs, db, tmp_path, today
):
    case_id = make_case(built="1999-03")
    workspace = window.desk.open_case(case_id)
    panel = workspace.documents
    photo = make_png(tmp_path / "truck.png")
    scan = make_pdf(tmp_path / "export.pdf")
    panel.attach_files(AttachDialog([scan, photo]).choices())
    assert panel.model.rowCount() == 2

    photo.unlink()  # the original moves away: the stored copy remains
    with db.reader() as session:
        detail = case_detail(session, case_id, today=today)
    store = AttachmentStore(db.folder)
    assert all(store.path_for(d.sha256).exists() for d in detail.documents)
    assert detail.documents[0].step_key is StepKey.LIEN
    panel.table.selectRow(0)
    assert panel.preview.kind == "pdf"
    panel.table.selectRow(1)
    assert panel.preview.kind == "image"
    workspace.workflow.select_step(StepKey.LIEN)
    assert "export" in workspace.workflow.evidence.text()


def test_attaching_a_missing_file_is_a_plain_message(window, make_case, dialogs, tmp_path):
    workspace = window.desk.open_case(make_case())
    workspace.documents.attach_files(AttachDialog([tmp_path / "gone.pdf"]).choices())
    assert dialogs.errors and "There is no file" in dialogs.errors[0]
    assert workspace.documents.model.rowCount() == 0


def test_attaching_copies_each_file_while_the_database_is_free(
    qtbot, probed_context, probe, make_case, db, tmp_path, today
):
    """Files are copied into the store before the one transaction that records them."""
    from keidesk.gui.case_workspace.documents_panel import DocumentsPanel  # noqa: PLC0415

    case_id = make_case()
    panel = DocumentsPanel(probed_context)
    qtbot.addWidget(panel)
    panel.show_documents(case_id, ())
    scans = [tmp_path / "title.pdf", tmp_path / "photo.jpg"]
    for number, scan in enumerate(scans):
        scan.write_bytes(b"scan %d" % number)
    panel.attach_files(AttachDialog(scans).choices())  # synchronous: done when it returns
    assert probe.writable == [True, True]
    with db.reader() as session:
        documents = case_detail(session, case_id, today=today).documents
    assert sorted(d.original_name for d in documents) == ["photo.jpg", "title.pdf"]
