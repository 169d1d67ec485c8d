"""The stepper's papers: "n of m papers on file", and a reason when a step is done without."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_workspace.attach_dialog import AttachDialog
from keidesk.gui.case_workspace.step_reason import StepReasonDialog
from keidesk.services.cases import case_detail, case_history
from tests.gui.case_workspace.test_documents_panel import make_pdf, when_modal


def step_history(db, case_id) -> list[str]:
    with db.reader() as session:
        return [
            f"{h.field}: {h.new_value}"
            for h in case_history(session, case_id)
            if h.entity == "workflow_steps"
        ]


def test_steps_count_their_papers(window, make_case, tmp_path):
    workspace = window.desk.open_case(make_case(built="1999-03"))
    stepper = workspace.workflow
    lien = stepper.steps.item(StepKey.LIEN.position)
    assert "0 of 2 papers on file" in lien.text()
    assert "Not on file: Japanese export certificate" in lien.toolTip()
    workspace.documents.attach_files(AttachDialog([make_pdf(tmp_path / "輸出予定.pdf")]).choices())
    lien = stepper.steps.item(StepKey.LIEN.position)
    assert "1 of 2 papers on file" in lien.text()
    stepper.select_step(StepKey.LIEN)
    evidence = stepper.evidence.text()
    assert "1 of 2 papers on file" in evidence
    assert "Not on file: Export certificate translation" in evidence
    assert "輸出予定" in evidence
    assert "paper" not in stepper.steps.item(StepKey.AGE.position).text()  # expects none


def test_done_without_papers_asks_why_and_cancel_changes_nothing(window, make_case, db, today):
    case_id = make_case(built="1999-03")
    stepper = window.desk.open_case(case_id).workflow
    stepper.select_step(StepKey.LIEN)
    asked: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, StepReasonDialog)
        asked.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        assert not dialog.done_button.isEnabled()  # no reason, no button
        dialog.cancel_button.click()

    when_modal(cancel)
    stepper.done_button.click()
    assert "Japanese export certificate" in asked[0]
    assert "Export certificate translation" in asked[0]
    with db.reader() as session:
        assert case_detail(session, case_id, today=today).step(StepKey.LIEN).status is (
            StepStatus.TODO
        )
    assert "no reason was given" in stepper.refusal_text()
    assert step_history(db, case_id) == []


def test_a_reason_marks_the_step_done_and_is_kept(window, make_case, db, today):
    case_id = make_case(built="1999-03")
    stepper = window.desk.open_case(case_id).workflow
    stepper.select_step(StepKey.LIEN)
    named: list[str] = []

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, StepReasonDialog)
        named.append(dialog.windowTitle())
        dialog.reason.setText("exporter emails the certificate next week")
        dialog.done_button.click()

    when_modal(give_reason)
    stepper.done_button.click()
    with db.reader() as session:
        step = case_detail(session, case_id, today=today).step(StepKey.LIEN)
    assert named == ["Mark Lien clearance done without its papers?"]
    assert step.status is StepStatus.DONE
    assert step.done_reason is not None
    assert step.done_reason.startswith("exporter emails the certificate next week")
    assert "Japanese export certificate" in step.done_reason
    stepper.select_step(StepKey.LIEN)
    assert stepper.done_reason.text() == step.done_reason
    assert stepper.form.isRowVisible(stepper.done_reason)
    assert any(
        line.startswith("done_reason: exporter emails") for line in step_history(db, case_id)
    )


def test_the_step_buttons_stay_put_from_step_to_step(window, make_case, tmp_path, qtbot):
    """A step with a long description, papers or a reason must not move Mark done: staff click
    it step after step."""
    workspace = window.desk.open_case(make_case(built="1999-03"))
    workspace.documents.attach_files(AttachDialog([make_pdf(tmp_path / "7501.pdf")]).choices())
    stepper = workspace.workflow
    window.show()
    window.desk.tabs.setCurrentWidget(workspace)
    workspace.tabs.setCurrentWidget(stepper)
    qtbot.waitExposed(stepper)
    places = set()
    for key in StepKey:
        stepper.select_step(key)
        qtbot.wait(1)  # let the layout settle
        places.add(stepper.done_button.mapTo(stepper, stepper.done_button.rect().topLeft()).y())
    assert len(places) == 1
