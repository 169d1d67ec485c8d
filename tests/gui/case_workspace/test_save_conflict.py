"""No lost edit: a case changed elsewhere while it is being edited is never silently
overwritten. Other fields merge; the same field asks who wins."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from keidesk.services import cases


def _editor(workspace, name) -> QLineEdit:
    widget = workspace.editors[name]
    assert isinstance(widget, QLineEdit)
    return widget


def _type(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def _elsewhere(db, case_id, today, **changes) -> None:
    """Another computer saves the case (no change signal reaches this window)."""
    with db.transaction("bob") as session:
        cases.update_case(session, case_id, changes, user="bob", today=today)


def _saved(db, case_id, today):
    with db.reader() as session:
        return cases.case_detail(session, case_id, today=today)


def test_changes_to_other_fields_are_merged_without_a_question(
    window, make_case, db, dialogs, qtbot, today
):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    _type(qtbot, _editor(workspace, "colour"), "white")
    _elsewhere(db, case_id, today, vessel="Ocean Star")
    workspace.save()
    assert dialogs.questions == [] and dialogs.errors == []
    saved = _saved(db, case_id, today)
    assert (saved.colour, saved.vessel) == ("white", "Ocean Star")
    assert not workspace.dirty
    assert workspace.field_text("vessel") == "Ocean Star"  # shown as saved


def test_the_same_field_changed_elsewhere_asks_and_reload_shows_theirs(
    window, make_case, db, dialogs, qtbot, today
):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    _type(qtbot, _editor(workspace, "vessel"), "Sea Wind")
    _type(qtbot, _editor(workspace, "colour"), "white")
    _elsewhere(db, case_id, today, vessel="Ocean Star")
    dialogs.confirm_answers = [False]  # Reload
    workspace.save()
    (question,) = dialogs.questions
    assert "changed by bob" in question and "Vessel" in question and "2026-11-21" in question
    saved = _saved(db, case_id, today)
    assert (saved.vessel, saved.colour) == ("Ocean Star", None)  # nothing of ours saved yet
    qtbot.waitUntil(lambda: workspace.field_text("vessel") == "Ocean Star")
    assert workspace.pending_texts() == {"colour": "white"}  # the other edit stays
    workspace.save()
    saved = _saved(db, case_id, today)
    assert (saved.vessel, saved.colour) == ("Ocean Star", "white")
    assert len(dialogs.questions) == 1


def test_keep_mine_saves_over_theirs(window, make_case, db, dialogs, qtbot, today):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    _type(qtbot, _editor(workspace, "vessel"), "Sea Wind")
    _elsewhere(db, case_id, today, vessel="Ocean Star")
    dialogs.confirm_answers = [True]  # Keep mine
    workspace.save()
    assert len(dialogs.questions) == 1
    assert _saved(db, case_id, today).vessel == "Sea Wind"
    assert not workspace.dirty


def test_a_change_seen_by_this_window_is_still_a_conflict_for_the_edited_field(
    window, make_case, db, dialogs, qtbot, today, context
):
    """Another window of this app saves the field being edited: the workspace re-reads the
    case and keeps the user's text, but saving it still asks (the user never saw theirs)."""
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    _type(qtbot, _editor(workspace, "vessel"), "Sea Wind")
    _elsewhere(db, case_id, today, vessel="Ocean Star")
    context.changes.cases_changed.emit({case_id}, None)
    qtbot.waitUntil(lambda: workspace.detail is not None and workspace.detail.version == 2)
    assert workspace.field_text("vessel") == "Sea Wind"
    dialogs.confirm_answers = [False]
    workspace.save()
    assert len(dialogs.questions) == 1
    assert _saved(db, case_id, today).vessel == "Ocean Star"
