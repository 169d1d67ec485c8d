"""The main window: the case list with its dashboard, the rules browser, and open cases as tabs.

Menus are built in :meth:`MainWindow._build_menus`; adding an action anywhere is one call of
:meth:`MainWindow.add_action` (``needs_case=True`` hands the action the current case id).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from keidesk import __version__, crashlog, paths
from keidesk.gui.case_list import CaseListPanel
from keidesk.gui.context import AppContext
from keidesk.gui.dashboard import DashboardPanel
from keidesk.gui.i18n import tr
from keidesk.gui.new_case import NewCaseDialog
from keidesk.gui.profile_form import ProfileDialog
from keidesk.gui.rules_browser import RulesBrowser
from keidesk.gui.startup import DATABASE_FILTER
from keidesk.gui.tasks import TaskProgressBar
from keidesk.gui.welcome import is_demo
from keidesk.gui.workspace import CaseWorkspace

CASES_SPLITTER = "cases"


class MainWindow(QMainWindow):
    #: The user chose another database file; the app reopens the window on it.
    switch_database = Signal(Path)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.menus: dict[str, QMenu] = {}
        self._case_actions: list[QAction] = []
        self._write_actions: list[QAction] = []
        self.undo_group = QUndoGroup(self)

        self.dashboard = DashboardPanel(context)
        self.case_list = CaseListPanel(context)
        self.case_list.open_requested.connect(self.open_case)
        self.dashboard.filter_chosen.connect(self._dashboard_filter)
        self.cases_splitter = QSplitter()
        self.cases_splitter.addWidget(self.dashboard)
        self.cases_splitter.addWidget(self.case_list)
        self.cases_splitter.setStretchFactor(1, 1)
        self.cases_splitter.setSizes([220, 1060])
        self.rules: RulesBrowser | None = None  # built when first shown

        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.cases_splitter, tr("Cases"))
        self._rules_placeholder = QLabel()
        self.tabs.addTab(self._rules_placeholder, tr("State rules"))
        for fixed in (0, 1):
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(TaskProgressBar(context.tasks))
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        self._show_database()
        self._restore()
        self._tab_changed(self.tabs.currentIndex())

    # --- menus ----------------------------------------------------------------------------------

    def add_action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object] | Callable[[int], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        needs_case: bool = False,
        writes: bool = False,
        name: str = "",
    ) -> QAction:
        """Add an action to a menu ("file", "edit", "case", "view", "help").

        ``needs_case``: enabled only while a case is open, and ``slot(case_id)`` is called.
        ``writes``: disabled when the database is open read-only.
        """
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if needs_case:
            action.triggered.connect(lambda: self._with_case(slot))  # type: ignore[arg-type]
            self._case_actions.append(action)
        else:
            action.triggered.connect(lambda: self._run(slot))  # type: ignore[arg-type]
        if writes:
            self._write_actions.append(action)
            action.setEnabled(not self.context.read_only)
        self.menus[menu].addAction(action)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _run(self, slot: Callable[[], object]) -> None:
        with self.context.guard():
            slot()

    def _with_case(self, slot: Callable[[int], object]) -> None:
        workspace = self.current_workspace()
        if workspace is not None:
            with self.context.guard():
                slot(workspace.case_id)

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

        add = self.add_action
        add(
            "file",
            tr("&New case…"),
            self.new_case,
            QKeySequence.StandardKey.New,
            writes=True,
            name="action_new_case",
        )
        add(
            "file",
            tr("&Save case"),
            self.save_current,
            QKeySequence.StandardKey.Save,
            needs_case=True,
            writes=True,
            name="action_save",
        )
        self.menus["file"].addSeparator()
        add("file", tr("&Open database…"), self._choose_database, name="action_open_database")
        add("file", tr("Importer &profile…"), self.edit_profile, name="action_profile")
        self.menus["file"].addSeparator()
        # (import/export and backups are added here: one add_action call each)
        self._file_tail = self.menus["file"].addSeparator()
        add("file", tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, name="action_quit")

        undo = self.undo_group.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, tr("&Redo"))
        ctrl_shift_z = QKeySequence("Ctrl+Shift+Z")
        redo.setShortcuts(
            [
                ctrl_shift_z,
                *(
                    k
                    for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                    if k != ctrl_shift_z
                ),
            ]
        )
        for action in (undo, redo):
            self.menus["edit"].addAction(action)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        self.menus["edit"].addSeparator()
        add(
            "edit",
            tr("&Find cases"),
            self.focus_search,
            QKeySequence.StandardKey.Find,
            name="action_find",
        )

        add("case", tr("&Open selected case"), self._open_selected, name="action_open_case")
        add(
            "case",
            tr("&Close case"),
            lambda _id: self.close_current_case(),
            "Esc",
            needs_case=True,
            name="action_close_case",
        )
        self.menus["case"].addSeparator()
        # (packet preview, print and save are added here)

        add("view", tr("&Cases"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        add("view", tr("State &rules"), self.show_rules, "Ctrl+2", name="action_rules")
        add("view", tr("R&efresh"), self.refresh, QKeySequence.StandardKey.Refresh)

        add("help", tr("&About keidesk"), self.about, name="action_about")
        add("help", tr("Open the &data folder"), self.open_data_folder)
        add("help", tr("Open the &log"), self.open_log)

    # --- the database shown ---------------------------------------------------------------------

    def _show_database(self) -> None:
        database = self.context.database
        label = database.location.label
        flags = []
        if is_demo(database.path):
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

    # --- cases ----------------------------------------------------------------------------------

    def new_case(self) -> None:
        dialog = NewCaseDialog(self.context, self)
        if dialog.exec() and dialog.case_id is not None:
            self.refresh()
            self.open_case(dialog.case_id)

    def open_case(self, case_id: int) -> CaseWorkspace:
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, CaseWorkspace) and widget.case_id == case_id:
                self.tabs.setCurrentIndex(index)
                return widget
        workspace = CaseWorkspace(self.context, case_id)
        workspace.saved.connect(self._case_saved)
        workspace.title_changed.connect(lambda w=workspace: self._retitle(w))
        self.undo_group.addStack(workspace.undo_stack)
        index = self.tabs.addTab(workspace, workspace.title())
        self.tabs.setCurrentIndex(index)
        workspace.tabs.setFocus()
        return workspace

    def _open_selected(self) -> None:
        case_id = self.case_list.current_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def workspaces(self) -> list[CaseWorkspace]:
        return [
            w
            for w in (self.tabs.widget(i) for i in range(self.tabs.count()))
            if isinstance(w, CaseWorkspace)
        ]

    def current_workspace(self) -> CaseWorkspace | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, CaseWorkspace) else None

    def current_case_id(self) -> int | None:
        """The open case, else the one selected in the list (for actions added by others)."""
        workspace = self.current_workspace()
        if workspace is not None:
            return workspace.case_id
        return self.case_list.current_case_id()

    def save_current(self, _case_id: int | None = None) -> bool:
        workspace = self.current_workspace()
        return workspace.save() if workspace is not None else False

    def close_current_case(self) -> bool:
        workspace = self.current_workspace()
        if workspace is None:
            return False
        return self._close_tab(self.tabs.indexOf(workspace))

    def _close_tab(self, index: int) -> bool:
        widget = self.tabs.widget(index)
        if not isinstance(widget, CaseWorkspace):
            return False
        if not widget.confirm_close():
            return False
        self.undo_group.removeStack(widget.undo_stack)
        self.tabs.removeTab(index)
        widget.deleteLater()
        if self.tabs.currentIndex() == 0:
            self.case_list.table.setFocus()
        return True

    def _retitle(self, workspace: CaseWorkspace) -> None:
        index = self.tabs.indexOf(workspace)
        if index >= 0:
            self.tabs.setTabText(index, workspace.title())

    def _case_saved(self, _case_id: int) -> None:
        self.case_list.refresh()
        self.dashboard.refresh()

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self._rules_placeholder:
            self.show_rules()
            return
        workspace = widget if isinstance(widget, CaseWorkspace) else None
        # None (no active stack) is valid in Qt; the stubs do not say so.
        self.undo_group.setActiveStack(workspace.undo_stack if workspace else None)  # type: ignore[arg-type]
        for action in self._case_actions:
            writable = action not in self._write_actions or not self.context.read_only
            action.setEnabled(workspace is not None and writable)

    def _dashboard_filter(self, case_filter: object, title: str) -> None:
        from keidesk.services.cases import CaseFilter  # noqa: PLC0415 - typing of the signal

        if isinstance(case_filter, CaseFilter):
            self.tabs.setCurrentIndex(0)
            self.case_list.apply_filter(case_filter)
            self.statusBar().showMessage(tr("Showing: {title}").format(title=title), 5000)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.focus_search()

    def show_rules(self) -> RulesBrowser:
        if self.rules is None:
            self.rules = RulesBrowser(self.context)
            index = self.tabs.indexOf(self._rules_placeholder)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self.rules, tr("State rules"))
            self.tabs.tabBar().setTabButton(
                index, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
            self.tabs.blockSignals(False)
            self._rules_placeholder.deleteLater()
            self.context.settings.restore_splitter("rules", self.rules.splitter)
        self.tabs.setCurrentWidget(self.rules)
        for action in self._case_actions:
            action.setEnabled(False)
        self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
        return self.rules

    def refresh(self) -> None:
        self.case_list.refresh()
        self.dashboard.refresh()
        for workspace in self.workspaces():
            workspace.reload()

    # --- file -----------------------------------------------------------------------------------

    def _choose_database(self) -> None:
        path = self.context.dialogs.open_file(
            self, tr("Open a keidesk database"), tr(DATABASE_FILTER)
        )
        if path is not None and self.close_all_cases():
            self.switch_database.emit(path)

    def edit_profile(self) -> None:
        ProfileDialog(self.context.database, self.context.user, self.context.dialogs, self).exec()

    # --- help -----------------------------------------------------------------------------------

    def about_text(self) -> str:
        database = self.context.database
        return tr(
            "<h3>keidesk {version}</h3>"
            "<p>Import-case manager for Japanese kei trucks. Works offline; your data stays "
            "on this computer.</p>"
            "<p><b>Data folder:</b> {data}<br><b>Database:</b> {db}{ro}<br>"
            "<b>Log:</b> {log}</p>"
            "<p>Licence: MIT. keidesk supports decisions; it does not give legal advice. "
            "Confirm a state's rule with its motor vehicle agency.</p>"
        ).format(
            version=__version__,
            data=paths.data_dir(),
            db=database.location.label,
            ro=tr(" (read-only)") if database.read_only else "",
            log=crashlog.log_file(),
        )

    def about(self) -> None:
        QMessageBox.about(self, tr("About keidesk"), self.about_text())

    def open_data_folder(self) -> None:
        folder = self.context.database.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_log(self) -> None:
        log = crashlog.log_file()
        if not log.exists():
            self.context.dialogs.info(
                self, tr("No problems have been logged yet ({path}).").format(path=log)
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log)))

    # --- closing and window state ---------------------------------------------------------------

    def close_all_cases(self) -> bool:
        for workspace in self.workspaces():
            self.tabs.setCurrentWidget(workspace)
            if not self._close_tab(self.tabs.indexOf(workspace)):
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_all_cases():
            event.ignore()
            return
        self.save_state()
        event.accept()

    def save_state(self) -> None:
        settings = self.context.settings
        settings.save_geometry(self)
        settings.save_splitter(CASES_SPLITTER, self.cases_splitter)
        if self.rules is not None:
            settings.save_splitter("rules", self.rules.splitter)
        self.case_list.save_state()
        settings.sync()

    def _restore(self) -> None:
        settings = self.context.settings
        if not settings.restore_geometry(self):
            self.resize(1280, 800)
        settings.restore_splitter(CASES_SPLITTER, self.cases_splitter)
