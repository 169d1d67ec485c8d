"""The main window: menus, tabs and status bar, shown before the database is open.

Start-up shows this window first; it imports only Qt and keidesk's light modules, so it is on
screen and answering within a few tenths of a second. The :class:`~keidesk.gui.shell.desk.Desk`
(the case list, dashboard, open cases, rules browser, and what the menu actions do) loads
meanwhile with the services and SQLAlchemy under it, and is put in with :meth:`attach`.

Every menu is laid out here, in :meth:`MainWindow._build_menus`, so the menus are complete from
the first paint. Adding an action is one call: :meth:`add_action` for one that works without a
database, :meth:`add_desk_action` for one that calls the desk (enabled once it is attached),
:meth:`add_case_action` for one that needs an open case.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QIcon,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keidesk import __version__, crashlog, paths
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import fit_window
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.kit.shortcuts import BY_NAME, sequences
from keidesk.gui.kit.tasks import TaskProgressBar, TaskRunner

if TYPE_CHECKING:
    from keidesk.gui.shell.desk import Desk

KeySpec = QKeySequence | QKeySequence.StandardKey | str | None


def app_icon() -> QIcon:
    return QIcon(str(paths.resource_dir() / "icons" / "keidesk.svg"))


class LoadingPage(QWidget):
    """What the "Cases" tab shows until the database is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loading_page")
        text = QLabel(tr("Opening the database…"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy = QProgressBar()
        busy.setRange(0, 0)  # moving: the window is alive while it waits
        busy.setTextVisible(False)
        busy.setMaximumWidth(240)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    #: The user chose another database (a file's Path, or an office server's URL without its
    #: password); the app reopens the window on it.
    switch_database = Signal(object)
    #: File → Connect to office server… (the app asks which server, then switches to it).
    connect_server_requested = Signal()

    def __init__(
        self,
        settings: AppSettings,
        dialogs: Dialogs,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self._desk: Desk | None = None
        self.menus: dict[str, QMenu] = {}
        self._desk_actions: list[QAction] = []
        self._case_actions: list[QAction] = []
        self._write_actions: list[QAction] = []
        self.undo_group = QUndoGroup(self)

        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        # Closing a case goes back to the tab it was opened from (usually the case list).
        self.tabs.tabBar().setSelectionBehaviorOnRemove(QTabBar.SelectionBehavior.SelectPreviousTab)
        self.loading_page: LoadingPage | None = LoadingPage()
        self.tabs.addTab(self.loading_page, tr("Cases"))
        #: Stands in the "State rules" tab until the rules browser is first shown.
        self.rules_placeholder = QLabel()
        self.tabs.addTab(self.rules_placeholder, tr("State rules"))
        for fixed in (0, 1):
            self._hide_close_button(fixed)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(TaskProgressBar(tasks))
        self.statusBar().addPermanentWidget(self.database_label)
        self.setWindowTitle("keidesk")
        self.setWindowIcon(app_icon())
        self._build_menus()
        restored = settings.restore_geometry(self)
        fit_window(self, QSize(1280, 800), restored=restored)  # on the screen, whatever was saved

    @property
    def desk(self) -> Desk:
        """The desk on the open database; only there once :meth:`attach` was called."""
        if self._desk is None:
            raise RuntimeError("the main window has no database yet")
        return self._desk

    @property
    def attached(self) -> bool:
        return self._desk is not None

    def attach(self, desk: Desk, shown: Callable[[], None] = lambda: None) -> None:
        """Put the desk on the open database in the window and enable what needs it. Its page
        takes the loading page's place in the event loop's next turn, then ``shown`` is
        called: building the desk takes the GUI thread 20-30 ms, and laying it out and painting
        it right after made one freeze of 35-50 ms at start. Through a timer, not a queued
        call: Qt runs queued calls before the timers already waiting."""
        self._desk = desk
        read_only = desk.context.read_only
        for action in self._desk_actions:
            action.setEnabled(not (read_only and action in self._write_actions))
        self._show_database(desk)
        self._tab_changed(self.tabs.currentIndex())
        if self.loading_page is None:
            shown()
            return
        loading_page = self.loading_page

        def show_desk() -> None:
            self.replace_fixed_tab(loading_page, desk.cases_page)
            self.loading_page = None
            shown()

        next_turn = QTimer(self)
        next_turn.setSingleShot(True)
        next_turn.timeout.connect(show_desk)
        next_turn.timeout.connect(next_turn.deleteLater)
        next_turn.start(0)

    def open_database_file(self, path: Path) -> None:
        """Ask the app to reopen this window on another database file."""
        self.switch_database.emit(path)

    def replace_fixed_tab(self, old: QWidget, new: QWidget) -> None:
        """Swap the page of one of the tabs that cannot be closed (Cases, State rules)."""
        index = self.tabs.indexOf(old)
        title, current = self.tabs.tabText(index), self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, new, title)
        self._hide_close_button(index)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        old.deleteLater()

    def _hide_close_button(self, index: int) -> None:
        self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide, None)

    # --- menus ----------------------------------------------------------------------------------

    def _new_action(
        self,
        menu: str,
        text: str,
        shortcut: KeySpec,
        name: str,
        *,
        waits_in: list[QAction] | None = None,
        writes: bool = False,
    ) -> QAction:
        """``waits_in``: the list of actions enabled later (database open, case in front)."""
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if name in BY_NAME:  # the keyboard scheme's keys (Help → Keyboard shortcuts)
            action.setShortcuts(sequences(name))
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if waits_in is not None:
            action.setEnabled(False)
            waits_in.append(action)
            if writes:
                self._write_actions.append(action)
        self.menus[menu].addAction(action)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def add_action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        shortcut: KeySpec = None,
        *,
        name: str = "",
    ) -> QAction:
        """An action that works without a database, in a menu ("file", "edit", "case",
        "view", "help", "backup")."""
        action = self._new_action(menu, text, shortcut, name)
        action.triggered.connect(lambda _checked=False: slot())  # not passed `checked`
        return action

    def add_desk_action(
        self,
        menu: str,
        text: str,
        slot: Callable[[Desk], object],
        shortcut: KeySpec = None,
        *,
        writes: bool = False,
        name: str = "",
    ) -> QAction:
        """An action that calls the desk: disabled until the database is open, and for
        good when it is open read-only and the action ``writes``."""
        action = self._new_action(
            menu, text, shortcut, name, waits_in=self._desk_actions, writes=writes
        )
        action.triggered.connect(lambda: self._run(slot))
        return action

    def add_case_action(
        self,
        menu: str,
        text: str,
        slot: Callable[[Desk, int], object],
        shortcut: KeySpec = None,
        *,
        writes: bool = False,
        name: str = "",
    ) -> QAction:
        """An action on the open case: enabled only while a case tab is in front, and
        ``slot(desk, case_id)`` is called."""
        action = self._new_action(
            menu, text, shortcut, name, waits_in=self._case_actions, writes=writes
        )
        action.triggered.connect(lambda: self._run_on_case(slot))
        return action

    def action(self, name: str) -> QAction:
        """The menu action with this object name (``action_new_case``…)."""
        action = self.findChild(QAction, name)
        if action is None:
            raise KeyError(name)
        return action

    def enable_case_actions(self, case_open: bool) -> None:
        read_only = self._desk is None or self._desk.context.read_only
        for action in self._case_actions:
            writable = action not in self._write_actions or not read_only
            action.setEnabled(case_open and writable)

    def _run(self, slot: Callable[[Desk], object]) -> None:
        if self._desk is not None:
            with self._desk.context.guard():
                slot(self._desk)

    def _run_on_case(self, slot: Callable[[Desk, int], object]) -> None:
        desk = self._desk
        if desk is not None and (workspace := desk.current_workspace()) is not None:
            with desk.context.guard():
                slot(desk, workspace.case_id)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (
            ("file", tr("&File")),
            ("edit", tr("&Edit")),
            ("case", tr("&Case")),
            ("view", tr("&View")),
            ("help", tr("&Help")),
        ):
            self.menus[key] = bar.addMenu(title)
            self.menus[key].setObjectName(f"menu_{key}")

        desk = self.add_desk_action
        file_menu = self.menus["file"]
        desk(
            "file",
            tr("&New case…"),
            lambda d: d.new_case(),
            writes=True,
            name="action_new_case",
        )
        self.add_case_action(
            "file",
            tr("&Save case"),
            lambda d, _case_id: d.save_current(),
            writes=True,
            name="action_save",
        )
        file_menu.addSeparator()
        desk(
            "file",
            tr("&Open database…"),
            lambda d: d.choose_database(),
            name="action_open_database",
        )
        desk(
            "file",
            tr("Connect to office ser&ver…"),
            lambda _d: self.connect_server_requested.emit(),
            name="action_connect_server",
        )
        desk("file", tr("Importer &profile…"), lambda d: d.edit_profile(), name="action_profile")
        desk(
            "file",
            tr("Pr&eferences…"),
            lambda d: d.edit_preferences(),
            name="action_preferences",
        )
        file_menu.addSeparator()
        desk(
            "file",
            tr("&Import cases…"),
            lambda d: d.import_cases(),
            writes=True,
            name="action_import_cases",
        )
        desk(
            "file",
            tr("E&xport case list…"),
            lambda d: d.export_case_list(),
            name="action_export_cases",
        )
        desk("file", tr("&Reports…"), lambda d: d.open_reports(), name="action_reports")
        desk(
            "file",
            tr("Import case &bundle…"),
            lambda d: d.import_bundle(),
            writes=True,
            name="action_import_bundle",
        )
        desk(
            "file",
            tr("Export case bu&ndle…"),
            lambda d: d.export_bundle(),
            name="action_export_bundle",
        )
        file_menu.addSeparator()
        self.menus["backup"] = file_menu.addMenu(tr("Bac&kup"))
        self.menus["backup"].setObjectName("menu_backup")
        desk(
            "backup",
            tr("Back up &now"),
            lambda d: d.backups.back_up_now(),
            writes=True,
            name="action_backup_now",
        )
        desk(
            "backup",
            tr("Back up to &folder…"),
            lambda d: d.backups.back_up_to_folder(),
            name="action_backup_to_folder",
        )
        desk(
            "backup",
            tr("Back up to one fi&le…"),
            lambda d: d.backups.back_up_to_file(),
            name="action_backup_to_file",
        )
        desk(
            "backup",
            tr("&Restore from backup…"),
            lambda d: d.backups.restore_from(),
            writes=True,
            name="action_restore",
        )
        desk(
            "backup",
            tr("&Undo last restore"),
            lambda d: d.backups.undo_restore(),
            writes=True,
            name="action_undo_restore",
        )
        self.menus["backup"].aboutToShow.connect(self._backup_menu_showing)
        self.menus["backup"].addSeparator()
        desk("backup", tr("&Backups…"), lambda d: d.show_backups(), name="action_backups")
        desk("file", tr("&Check database…"), lambda d: d.check_database(), name="action_check")
        file_menu.addSeparator()
        self.add_action("file", tr("&Quit"), self.close, name="action_quit")

        undo = self.undo_group.createUndoAction(self, tr("&Undo"))
        redo = self.undo_group.createRedoAction(self, tr("&Redo"))
        for action, name in ((undo, "action_undo"), (redo, "action_redo")):
            action.setObjectName(name)
            action.setShortcuts(sequences(name))
            self.menus["edit"].addAction(action)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        self.menus["edit"].addSeparator()
        desk(
            "edit",
            tr("&Find cases"),
            lambda d: d.focus_search(),
            name="action_find",
        )

        desk(
            "case", tr("&Open selected case"), lambda d: d.open_selected(), name="action_open_case"
        )
        self.add_case_action(
            "case",
            tr("&Close case"),
            lambda d, _case_id: d.close_current_case(),
            name="action_close_case",
        )
        self.menus["case"].addSeparator()
        self.add_case_action(
            "case",
            tr("Document &packet…"),
            lambda d, case_id: d.open_packet(case_id),
            name="action_packet",
        )
        desk(
            "case",
            tr("Packets for &stage…"),
            lambda d: d.packets_for_stage(),
            writes=True,
            name="action_stage_packets",
        )

        self.add_action(
            "view", tr("&Cases"), lambda: self.tabs.setCurrentIndex(0), name="action_cases_tab"
        )
        desk("view", tr("State &rules"), lambda d: d.show_rules(), name="action_rules")
        desk("view", tr("&Agenda"), lambda d: d.show_agenda(), name="action_agenda")
        desk("view", tr("R&efresh"), lambda d: d.refresh(), name="action_refresh")

        self.add_action(
            "help", tr("&Keyboard shortcuts"), self.show_keyboard_help, name="action_keyboard"
        )
        self.add_action("help", tr("&About keidesk"), self.about, name="action_about")
        desk("help", tr("Open the &data folder"), lambda d: d.open_data_folder())
        self.add_action("help", tr("Open the &log"), self.open_log)

    def _backup_menu_showing(self) -> None:
        """ "Undo last restore" only when there is a restore to undo."""
        if self._desk is not None:
            can = not self._desk.context.read_only and self._desk.backups.can_undo()
            self.action("action_undo_restore").setEnabled(can)

    # --- tabs and the database shown ------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if self._desk is not None:
            self._desk.tab_changed(index)

    def _close_tab(self, index: int) -> None:
        if self._desk is not None:
            self._desk.close_tab(index)

    def _show_database(self, desk: Desk) -> None:
        database = desk.context.database
        label = database.location.label
        flags = []
        if desk.is_demo:
            flags.append(tr("demo"))
        if database.read_only:
            flags.append(tr("read-only"))
        suffix = f" ({', '.join(flags)})" if flags else ""
        self.setWindowTitle(f"keidesk — {Path(label).name}{suffix}")
        self.database_label.setText(
            tr("Database: {label}").format(label=label)
            + (" · " + tr("READ-ONLY: changes cannot be saved") if database.read_only else "")
        )
        if database.read_only:
            self.statusBar().showMessage(
                tr("Opened read-only: you can look at everything, but not change it."), 10_000
            )

    # --- help -----------------------------------------------------------------------------------

    def about_text(self) -> str:
        if self._desk is None:
            db, read_only = tr("(still opening)"), False
        else:
            database = self._desk.context.database
            db, read_only = database.location.label, database.read_only
        return tr(
            "<h3>keidesk {version}</h3>"
            "<p>Import-case manager for Japanese kei trucks. Works offline; your data stays "
            "on this computer.</p>"
            "<p><b>Data folder:</b> {data}<br><b>Database:</b> {db}{ro}<br>"
            "<b>Log:</b> {log}</p>"
            "<p>License: MIT. keidesk supports decisions; it does not give legal advice. "
            "Confirm a state's rule with its motor vehicle agency.</p>"
        ).format(
            version=__version__,
            data=paths.data_dir(),
            db=db,
            ro=tr(" (read-only)") if read_only else "",
            log=crashlog.log_file(),
        )

    def show_keyboard_help(self) -> None:
        from keidesk.gui.shell.keyboard_help import KeyboardHelpDialog  # noqa: PLC0415 - rarely

        dialog = KeyboardHelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about(self) -> None:
        QMessageBox.about(self, tr("About keidesk"), self.about_text())

    def open_log(self) -> None:
        log = crashlog.log_file()
        if not log.exists():
            self.dialogs.info(
                self, tr("No problems have been logged yet ({path}).").format(path=log)
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log)))

    # --- closing and window state ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._desk is not None and not self._desk.close_all_cases():
            event.ignore()
            return
        self.save_state()
        event.accept()

    def save_state(self) -> None:
        self.settings.save_geometry(self)
        if self._desk is not None:
            self._desk.save_state()
        self.settings.sync()
