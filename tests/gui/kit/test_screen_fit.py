"""Every window and dialog fits a 1280×720 screen (1920×1080 at 150% is the same in logical
pixels), and the main window restores inside the screen whatever was saved."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import keidesk.gui
from keidesk.dataio import bundle
from keidesk.gui.case_workspace.attach_dialog import AttachDialog
from keidesk.gui.case_workspace.new_case import NewCaseDialog
from keidesk.gui.case_workspace.step_reason import StepReasonDialog
from keidesk.gui.data.backup_dialog import BackupDialog
from keidesk.gui.data.bundle_dialog import BundleImportDialog
from keidesk.gui.data.import_dialog import ImportDialog
from keidesk.gui.kit.problem_dialog import StartupProblemDialog
from keidesk.gui.kit.screen_fit import (
    FRAME_ROOM,
    SMALLEST_SCREEN,
    FittedDialog,
    fit_window,
    fitted_geometry,
    room_on,
)
from keidesk.gui.packets.packet_dialog import PacketDialog
from keidesk.gui.packets.stage_packets import StagePacketsDialog
from keidesk.gui.setup.preferences_dialog import PreferencesDialog
from keidesk.gui.setup.profile_form import ProfileDialog
from keidesk.gui.setup.welcome import WelcomeDialog
from keidesk.gui.shell.keyboard_help import KeyboardHelpDialog
from keidesk.gui.shell.main_window import MainWindow
from keidesk.services.documents import AttachmentStore

SMALL = QRect(0, 0, SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height())
ROOM = room_on(SMALLEST_SCREEN)  # the largest client size on it, frame and title bar aside


def opening_size(widget: QWidget) -> QSize:
    """The size a top-level widget opens at: the size it was given, else its size hint."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return widget.size()
    return widget.sizeHint().expandedTo(widget.minimumSizeHint())


def fits(size: QSize, room: QSize = ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def test_fitted_geometry_keeps_the_window_and_its_frame_on_the_screen() -> None:
    # A window saved on a large screen, restored on a small one.
    geometry = fitted_geometry(SMALL, QRect(900, 400, 1900, 1100))
    assert fits(geometry.size())
    outer = geometry.adjusted(0, 0, FRAME_ROOM.width(), FRAME_ROOM.height())
    assert SMALL.contains(outer)
    # The old default: 1280×800 on a 768-pixel screen.
    laptop = QRect(0, 0, 1366, 768 - 32)  # a panel takes the bottom
    geometry = fitted_geometry(laptop, QRect(0, 0, 1280, 800))
    assert geometry.height() + FRAME_ROOM.height() <= laptop.height()
    # A window that fits stays where it was.
    assert fitted_geometry(SMALL, QRect(40, 30, 800, 500)) == QRect(40, 30, 800, 500)
    # Left of or above the screen: moved onto it.
    assert fitted_geometry(SMALL, QRect(-300, -80, 800, 500)).topLeft().x() == 0


def test_the_main_window_restores_inside_the_available_screen(context, qtbot) -> None:
    screen = QApplication.primaryScreen()
    available = screen.availableGeometry()
    context.settings.store.setValue("window/geometry", b"")  # nothing saved: the default
    window = MainWindow(context.settings, context.dialogs, context.tasks)
    qtbot.addWidget(window)
    frame = QRect(window.pos(), window.size() + FRAME_ROOM)
    assert available.contains(frame)
    # Saved far too large and off the screen (a bigger monitor, or 100% scaling then).
    window.setGeometry(available.right() - 100, available.bottom() - 50, 3000, 2000)
    context.settings.save_geometry(window)
    again = MainWindow(context.settings, context.dialogs, context.tasks)
    qtbot.addWidget(again)
    assert available.contains(QRect(again.pos(), again.size() + FRAME_ROOM))


def test_the_main_window_with_a_case_fits_the_smallest_screen(window, make_case) -> None:
    assert fits(window.minimumSizeHint())
    workspace = window.desk.open_case(make_case(built="1999-03", state="UT"))
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        assert fits(window.minimumSizeHint()), workspace.tabs.tabText(index)
    window.desk.show_rules()
    assert fits(window.minimumSizeHint())


def small_pdf(folder: Path) -> Path:
    from tests.gui.case_workspace.test_documents_panel import make_pdf  # noqa: PLC0415

    return make_pdf(folder / "scan.pdf")


@pytest.fixture
def all_dialogs(context, make_case, db, tmp_path, runner) -> list[QDialog]:
    case_id = make_case(built="1999-03", state="TX", customer="Dale Fontenot")
    out = tmp_path / "bundle.zip"
    with db.reader() as session:
        bundle.export_bundle(session, AttachmentStore(db.folder), [case_id], out, user="t")
    choices = [("retry", "Try again"), ("restore", "Restore a backup…"), ("quit", "Quit")]
    return [
        NewCaseDialog(context),
        ImportDialog(context),
        BundleImportDialog(context, out),
        BackupDialog(context),
        PreferencesDialog(context),
        ProfileDialog(db, "tester", context.dialogs, runner),
        WelcomeDialog(tmp_path / "new.sqlite3", context.dialogs, runner, "tester"),
        PacketDialog(context, case_id),
        StagePacketsDialog(context),
        KeyboardHelpDialog(),
        StepReasonDialog("Lien", ["Japanese export certificate", "Translation"]),
        AttachDialog([small_pdf(tmp_path), tmp_path / "photo.jpg"]),
        StartupProblemDialog("The database file is damaged. " * 8, choices),
    ]


def test_every_dialog_fits_the_smallest_screen(all_dialogs, qtbot) -> None:
    for dialog in all_dialogs:
        qtbot.addWidget(dialog)
        name = type(dialog).__name__
        if isinstance(dialog, PacketDialog):  # it sizes itself to the screen as it shows
            dialog.fit_to(SMALL)
        assert fits(dialog.minimumSizeHint()), (name, dialog.minimumSizeHint())
        assert fits(opening_size(dialog)), (name, opening_size(dialog))


def test_a_dialog_too_large_is_fitted_as_it_shows(qtbot) -> None:
    dialog = FittedDialog()
    qtbot.addWidget(dialog)
    dialog.resize(4000, 3000)
    dialog.show()
    available = dialog.screen().availableGeometry()
    assert fits(dialog.size(), room_on(available.size()))
    dialog.close()
    dialog.resize(4000, 3000)  # each time it shows
    dialog.show()
    assert fits(dialog.size(), room_on(available.size()))
    dialog.close()


def test_every_keidesk_dialog_fits_itself_as_it_shows() -> None:
    # Each dialog fits itself (no filter on the whole app, which would run Python for every
    # event): so every QDialog class of keidesk must be a FittedDialog.
    for module in pkgutil.walk_packages(keidesk.gui.__path__, "keidesk.gui."):
        importlib.import_module(module.name)
    ours = [cls for cls in all_subclasses(QDialog) if cls.__module__.startswith("keidesk.")]
    assert len(ours) >= 16
    assert [cls for cls in ours if not issubclass(cls, FittedDialog)] == []


def all_subclasses(cls: type) -> set[type]:
    found: set[type] = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found


def test_fit_window_centres_a_new_window(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    fit_window(widget, QSize(1280, 800), restored=False)
    available = widget.screen().availableGeometry()
    assert available.contains(QRect(widget.pos(), widget.size() + FRAME_ROOM))
