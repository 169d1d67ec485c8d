"""The documents tab through its real widgets: attaching with kinds, managing, the trash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget

from keidesk.domain.documents import DocumentKind
from keidesk.domain.workflow import StepKey
from keidesk.gui.case_workspace.attach_dialog import AttachDialog
from keidesk.gui.case_workspace.documents_panel import DocumentsPanel
from keidesk.gui.case_workspace.thumbnails import read_thumbnail
from keidesk.services.cases import case_detail, case_history
from keidesk.services.documents import AttachmentStore, add_document, list_documents
from keidesk.services.views import DocumentView
from keidesk.storage.database import Database
from tests.conftest import TODAY


def make_png(path: Path, width: int = 640, height: int = 480) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(path))
    return path


def make_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def when_modal(answer: Callable[[QWidget], None], tries: int = 200) -> None:
    """Answer the next modal dialog once it shows (the test's way of being the user)."""

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and left:
            QTimer.singleShot(10, lambda: look(left - 1))
            return
        assert dialog is not None, "no dialog was shown"
        answer(dialog)

    QTimer.singleShot(0, lambda: look(tries))


def documents(db: Database, case_id: int, *, removed: bool = False) -> list[DocumentView]:
    with db.reader() as session:
        return list_documents(session, case_id, removed=removed)


def history(db: Database, case_id: int) -> list[str]:
    with db.reader() as session:
        return [
            f"{h.by} {h.entity} {h.action} {h.field} {h.old_value}->{h.new_value}"
            for h in case_history(session, case_id)
            if h.entity == "documents"
        ]


def open_documents(window: Any, case_id: int) -> DocumentsPanel:
    workspace = window.desk.open_case(case_id)
    panel = workspace.documents
    assert isinstance(panel, DocumentsPanel)
    return panel


def test_attaching_two_files_asks_what_each_is(window, make_case, dialogs, db, tmp_path):
    case_id = make_case(built="1999-03")
    panel = open_documents(window, case_id)
    scan = make_pdf(tmp_path / "BL_MOL123.pdf")
    photo = make_png(tmp_path / "scan0001.png")
    seen: dict[str, object] = {}

    def describe(dialog: QWidget) -> None:
        assert isinstance(dialog, AttachDialog)
        seen["guessed"] = [dialog.kind_of(0), dialog.kind_of(1)]
        seen["steps"] = [dialog.steps[0].currentData(), dialog.steps[1].currentData()]
        dialog.set_kind(1, DocumentKind.EXPORT_CERTIFICATE)  # its step follows the kind
        dialog.titles[1].setText("Export certificate (輸出予定届出証明書)")
        dialog.attach_button.click()

    dialogs.file_lists = [[scan, photo]]
    when_modal(describe)
    panel.attach_button.click()

    assert seen["guessed"] == [DocumentKind.BILL_OF_LADING, DocumentKind.PHOTO]
    assert seen["steps"] == [StepKey.SHIPPING.value, StepKey.INTAKE.value]
    stored = documents(db, case_id)
    assert [(d.doc_type, d.step_key, d.title) for d in stored] == [
        ("bill_of_lading", StepKey.SHIPPING, "BL_MOL123"),
        ("export_certificate", StepKey.LIEN, "Export certificate (輸出予定届出証明書)"),
    ]
    assert panel.model.rowCount() == 2
    assert panel.model.index(0, 1).data() == "Bill of lading"
    assert panel.model.index(1, 2).data() == "Lien clearance"
    assert "2 papers attached" in panel.message.text()
    workspace = window.desk.open_case(case_id)
    workspace.workflow.select_step(StepKey.LIEN)
    assert "1 of 2 papers on file" in workspace.workflow.evidence.text()


def test_cancelling_the_question_attaches_nothing(window, make_case, dialogs, db, tmp_path):
    case_id = make_case()
    panel = open_documents(window, case_id)
    dialogs.file_lists = [[make_pdf(tmp_path / "7501.pdf")]]
    when_modal(lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    panel.attach_button.click()
    assert documents(db, case_id) == []
    assert not (db.folder / "attachments").exists()  # not even copied in


def test_a_dropped_file_goes_through_the_same_question(window, make_case, db, tmp_path, qtbot):
    case_id = make_case()
    panel = open_documents(window, case_id)
    photo = make_png(tmp_path / "truck.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    asked: list[list[Path]] = []

    def describe(dialog: QWidget) -> None:
        assert isinstance(dialog, AttachDialog)
        asked.append(dialog.paths)
        dialog.set_step(0, None)  # filed with the case as a whole
        dialog.accept()

    when_modal(describe)
    panel.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(documents(db, case_id)), timeout=5_000)
    assert asked == [[photo]]
    [stored] = documents(db, case_id)
    assert (stored.doc_type, stored.step_key) == ("photo", None)


@pytest.mark.qt_log_ignore("^JPEG datastream contains no image$")  # the broken photo, as expected
def test_photos_show_as_thumbnails_and_a_broken_one_does_not(window, make_case, db, tmp_path):
    case_id = make_case()
    panel = open_documents(window, case_id)
    good = make_png(tmp_path / "front.png", 2000, 1500)
    broken = tmp_path / "side.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    panel.attach_files(AttachDialog([good, broken]).choices())  # the guesses: two photos
    rows = panel.model.rows
    assert [d.doc_type for d in rows] == ["photo", "photo"]
    icon = panel.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and icon.width() <= 64 and icon.height() <= 48
    assert panel.model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert panel.thumbnails.tried(rows[1].sha256)
    panel.table.selectRow(1)
    assert "cannot be shown" in panel.preview.message.text()
    assert read_thumbnail(tmp_path / "missing.png").isNull()


def attach_three(panel: DocumentsPanel, tmp_path: Path) -> None:
    files = [
        make_pdf(tmp_path / "export.pdf"),
        make_pdf(tmp_path / "scan.pdf"),
        make_png(tmp_path / "front.png"),
    ]
    panel.attach_files(AttachDialog(files).choices())


def test_rename_change_kind_and_move_through_the_panel(
    window, make_case, dialogs, db, tmp_path, qtbot
):
    case_id = make_case()
    panel = open_documents(window, case_id)
    attach_three(panel, tmp_path)
    [export, scan, _photo] = documents(db, case_id)
    assert (export.doc_type, scan.doc_type) == ("export_certificate", "other")

    panel.select_document(scan.id)
    dialogs.texts = ["Bill of lading, MOL Comfort"]
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)  # F2 renames
    panel.select_document(scan.id)
    panel.set_kind_current(DocumentKind.BILL_OF_LADING)  # from "other": the step follows
    after = {d.id: d for d in documents(db, case_id)}[scan.id]
    assert (after.title, after.doc_type, after.step_key) == (
        "Bill of lading, MOL Comfort",
        "bill_of_lading",
        StepKey.SHIPPING,
    )
    assert "filed under Shipping" in panel.message.text()

    panel.select_document(scan.id)
    [action] = [a for a in panel.step_menu.actions() if a.text() == "Customs"]
    action.trigger()
    moved = {d.id: d for d in documents(db, case_id)}[scan.id]
    assert moved.step_key is StepKey.CUSTOMS
    panel.select_document(scan.id)
    panel.set_kind_current(DocumentKind.CBP_7501)  # filed elsewhere on purpose: it stays
    assert {d.id: d for d in documents(db, case_id)}[scan.id].step_key is StepKey.CUSTOMS

    assert history(db, case_id)[3:] == [
        "tester documents update title scan->Bill of lading, MOL Comfort",
        "tester documents update step_key None->shipping",
        "tester documents update doc_type other->bill_of_lading",
        "tester documents update step_key shipping->customs",
        "tester documents update doc_type bill_of_lading->cbp_7501",
    ]


def test_trash_restore_and_empty_through_the_panel(window, make_case, dialogs, db, tmp_path, qtbot):
    case_id = make_case()
    panel = open_documents(window, case_id)
    attach_three(panel, tmp_path)
    [export, scan, photo] = documents(db, case_id)
    store = AttachmentStore(db.folder)

    panel.select_document(scan.id)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # Delete: to the trash
    assert [d.id for d in documents(db, case_id)] == [export.id, photo.id]
    assert "in the trash" in panel.message.text()
    assert panel.trash_button.text() == "&Trash (1)"
    panel.message.linkActivated.emit("undo")  # the message's Undo link
    assert [d.id for d in documents(db, case_id)] == [export.id, scan.id, photo.id]

    for document in (scan, photo):
        panel.select_document(document.id)
        panel.remove_button.click()
    assert [d.id for d in documents(db, case_id, removed=True)] == [scan.id, photo.id]
    panel.trash_button.click()  # the trash view
    assert "not part of the case" in panel.message.text()
    assert "Back to the papers" in panel.trash_button.text()
    assert not panel.restore_button.isHidden() and panel.attach_button.isHidden()
    assert [d.id for d in panel.model.rows] == [scan.id, photo.id]
    panel.select_document(scan.id)
    panel.restore_button.click()
    assert [d.id for d in documents(db, case_id)] == [export.id, scan.id]
    assert [d.id for d in panel.model.rows] == [photo.id]

    dialogs.confirm_answers = [False]
    panel.empty_button.click()
    assert dialogs.questions[-1].startswith("Delete “front”, the one paper in the trash, for good?")
    assert documents(db, case_id, removed=True) != []  # "Keep them": nothing deleted
    dialogs.confirm_answers = [True]
    panel.empty_button.click()
    assert documents(db, case_id, removed=True) == []
    assert not store.path_for(photo.sha256).exists()  # no paper uses it any more
    assert store.path_for(scan.sha256).exists()
    assert "deleted for good" in panel.message.text()
    assert not panel.in_trash  # nothing left in the trash: back to the papers
    assert [d.id for d in panel.model.rows] == [export.id, scan.id]
    assert panel.trash_button.text() == "&Trash"

    changes = history(db, case_id)
    assert changes[3:5] == [
        "tester documents update removed_at None->2026-11-21T18:00:00+00:00",
        "tester documents update removed_by None->tester",
    ]
    assert changes[-1] == "tester documents delete None photo: front->None"


def test_a_read_only_database_offers_no_changes(window, make_case, tmp_path):
    panel = open_documents(window, make_case())
    attach_three(panel, tmp_path)
    panel.set_editable(False)
    panel.table.selectRow(0)
    assert not panel.rename_button.isEnabled()
    assert not panel.remove_button.isEnabled()
    assert not panel.attach_button.isEnabled()
    assert panel.open_button.isEnabled()


def test_a_packet_keidesk_made_is_listed_but_not_changed(window, make_case, db, tmp_path, qtbot):
    case_id = make_case()
    made = tmp_path / "KD-000001-handover.pdf"
    make_pdf(made)
    stored = AttachmentStore(db.folder).put(made)
    with db.transaction("tester") as session:
        add_document(
            session,
            case_id,
            stored,
            user="tester",
            kind="packet",
            doc_type="handover",
            title="Customer handover packet (letter)",
        )
    panel = open_documents(window, case_id)
    panel.table.selectRow(0)
    assert panel.model.index(0, 1).data() == "Packet made by keidesk"
    assert panel.open_button.isEnabled()
    for button in (panel.rename_button, panel.kind_button, panel.step_button, panel.remove_button):
        assert not button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert len(documents_of_case(db, case_id)) == 1  # still there, not in the trash


def documents_of_case(db: Database, case_id: int) -> list[DocumentView]:
    with db.reader() as session:
        return list(case_detail(session, case_id, today=TODAY).documents)


def test_with_real_threads_papers_arrive_and_thumbnails_follow(
    qtbot, threaded, make_window, make_case, db, tmp_path
):
    """As in the app: the attaching, the trash read and the thumbnails run off the GUI thread
    and the tab catches up when they are done."""
    case_id = make_case()
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded, timeout=10_000)
    panel = workspace.documents
    photo = make_png(tmp_path / "IMG_0001.jpg", 3000, 2000)
    panel.attach_files(AttachDialog([photo, make_pdf(tmp_path / "BL_1.pdf")]).choices())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(
        lambda: panel.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None,
        timeout=10_000,
    )
    assert [d.doc_type for d in documents(db, case_id)] == ["photo", "bill_of_lading"]
    panel.select_document(panel.model.rows[1].id)
    panel.remove_current()
    qtbot.waitUntil(lambda: panel.trash_button.text() == "&Trash (1)", timeout=10_000)
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
