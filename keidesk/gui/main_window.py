"""The main window: the case list with its dashboard, the rules browser, and open cases as tabs.

Menus are built in :meth:`MainWindow._build_menus`; adding an action anywhere is one call of
:meth:`MainWindow.add_action` (``needs_case=True`` hands the action the current case id).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from keidesk import __version__, crashlog, paths
from keidesk.dataio import bundle, integrity
from keidesk.dataio.export import export_cases
from keidesk.domain.errors import NotFound
from keidesk.gui import backup_reminder
from keidesk.gui.backup_dialog import BackupActions, BackupDialog
from keidesk.gui.bundle_dialog import BUNDLE_FILTER, BundleImportDialog
from keidesk.gui.case_list import CaseListPanel
from keidesk.gui.context import AppContext
from keidesk.gui.dashboard import DashboardPanel
from keidesk.gui.i18n import tr
from keidesk.gui.import_dialog import ImportDialog
from keidesk.gui.new_case import NewCaseDialog
from keidesk.gui.preferences_dialog import PreferencesDialog
from keidesk.gui.profile_form import ProfileDialog
from keidesk.gui.rules_browser import RulesBrowser
from keidesk.gui.startup import DATABASE_FILTER
from keidesk.gui.tasks import Progress, TaskHandle, TaskProgressBar
from keidesk.gui.welcome import is_demo
from keidesk.gui.workspace import CaseWorkspace
from keidesk.services.cases import case_detail

if TYPE_CHECKING:
    from keidesk.gui.stage_packets import StagePackets
    from keidesk.packets.batch import BatchResult

CASES_SPLITTER = "cases"
EXPORT_FILTER = "CSV (*.csv);;Excel workbook (*.xlsx)"
#: How many problems "Check database…" lists before saying how many more there are.
CHECK_PROBLEMS_SHOWN = 12


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
        self.backups = BackupActions(context, self)
        self.backups.finished.connect(lambda text: self.context.dialogs.info(self, text))
        self.backups.failed.connect(lambda text: self.context.dialogs.error(self, text))
        self.backups.restored.connect(self.data_replaced)
        self.backups.may_replace = self._settle_edits
        self.last_task: TaskHandle | None = None  # the last job started from a menu

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
        add("file", tr("Pr&eferences…"), self.edit_preferences, name="action_preferences")
        self.menus["file"].addSeparator()
        add(
            "file",
            tr("&Import cases…"),
            self.import_cases,
            "Ctrl+I",
            writes=True,
            name="action_import_cases",
        )
        add(
            "file",
            tr("E&xport case list…"),
            self.export_case_list,
            "Ctrl+E",
            name="action_export_cases",
        )
        add(
            "file",
            tr("Import case &bundle…"),
            self.import_bundle,
            writes=True,
            name="action_import_bundle",
        )
        add(
            "file",
            tr("Export case bu&ndle…"),
            self.export_bundle,
            name="action_export_bundle",
        )
        self.menus["file"].addSeparator()
        self.menus["backup"] = self.menus["file"].addMenu(tr("Bac&kup"))
        self.menus["backup"].setObjectName("menu_backup")
        add(
            "backup",
            tr("Back up &now"),
            self.backups.back_up_now,
            writes=True,
            name="action_backup_now",
        )
        add(
            "backup",
            tr("Back up to &folder…"),
            self.backups.back_up_to_folder,
            name="action_backup_to_folder",
        )
        add(
            "backup",
            tr("&Restore from backup…"),
            self.backups.restore_from,
            writes=True,
            name="action_restore",
        )
        add(
            "backup",
            tr("&Undo last restore"),
            self.backups.undo_restore,
            writes=True,
            name="action_undo_restore",
        )
        self.menus["backup"].addSeparator()
        add("backup", tr("&Backups…"), self.show_backups, name="action_backups")
        add("file", tr("&Check database…"), self.check_database, name="action_check")
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
        add(
            "case",
            tr("Document &packet…"),
            self.open_packet,
            QKeySequence.StandardKey.Print,
            needs_case=True,
            name="action_packet",
        )
        add(
            "case",
            tr("Packets for &stage…"),
            self.packets_for_stage,
            writes=True,
            name="action_stage_packets",
        )

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
        workspace.packet_requested.connect(self.open_packet)
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
        """Show the database as it is now (after an import, or F5): the list, the dashboard
        and every open case (a case that no longer exists closes)."""
        self.case_list.refresh()
        self.dashboard.refresh()
        for workspace in self.workspaces():
            try:
                workspace.reload()
            except NotFound:
                self._drop_tab(workspace)

    def _drop_tab(self, workspace: CaseWorkspace) -> None:
        self.undo_group.removeStack(workspace.undo_stack)
        self.tabs.removeTab(self.tabs.indexOf(workspace))
        workspace.deleteLater()

    def _settle_edits(self) -> bool:
        """Before the data is replaced (a restore): unsaved edits are saved or thrown away,
        or the user goes back."""
        for workspace in self.workspaces():
            if workspace.dirty:
                self.tabs.setCurrentWidget(workspace)
                if not workspace.confirm_close():
                    return False
        return True

    def data_replaced(self) -> None:
        """A restore replaced the whole database: reopen the open cases afresh (their edit
        history belonged to the old data) and reload the list and the dashboard."""
        open_ids = [w.case_id for w in self.workspaces()]
        current = self.current_workspace()
        current_id = current.case_id if current is not None else None
        for workspace in self.workspaces():
            self._drop_tab(workspace)
        self.case_list.refresh()
        self.dashboard.refresh()
        today = self.context.today

        def still_there(case_id: int) -> bool:
            try:
                self.context.read(lambda session: case_detail(session, case_id, today=today))
            except NotFound:
                return False
            return True

        for case_id in filter(still_there, open_ids):
            self.open_case(case_id)
        if current_id is not None and current_id in open_ids:
            for workspace in self.workspaces():
                if workspace.case_id == current_id:
                    self.tabs.setCurrentWidget(workspace)
        else:
            self.tabs.setCurrentIndex(0)

    # --- file -----------------------------------------------------------------------------------

    def _choose_database(self) -> None:
        path = self.context.dialogs.open_file(
            self, tr("Open a keidesk database"), tr(DATABASE_FILTER)
        )
        if path is not None and self.close_all_cases():
            self.switch_database.emit(path)

    def edit_profile(self) -> None:
        ProfileDialog(self.context.database, self.context.user, self.context.dialogs, self).exec()

    def edit_preferences(self) -> None:
        self._show_dialog(PreferencesDialog(self.context, self))

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        """Open a window-modal dialog without blocking (tests drive it; it deletes itself)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _start(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        title: str,
        *,
        cancellable: bool = False,
    ) -> TaskHandle:
        """A job from a menu: off the GUI thread, progress (and Cancel) in the status bar."""
        self.last_task = self.context.tasks.run_task(
            fn,
            on_done,
            cancellable=cancellable,
            title=title,
            on_cancelled=self._cancelled,
        )
        return self.last_task

    # --- data in and out --------------------------------------------------------------------

    def import_cases(self) -> None:
        dialog = ImportDialog(self.context, self)
        dialog.imported.connect(lambda _report: self.refresh())
        self._show_dialog(dialog)

    def export_case_list(self) -> None:
        case_filter = self.case_list.current_filter()
        path = self.context.dialogs.save_file(
            self, tr("Export the case list"), "keidesk-cases.csv", tr(EXPORT_FILTER)
        )
        if path is None:
            return
        if path.suffix.lower() not in {".csv", ".xlsx"}:
            path = path.with_name(path.name + ".csv")
        database, today = self.context.database, self.context.today

        def work(_progress: Progress) -> int:
            with database.reader() as session:
                return export_cases(session, case_filter, path, today=today)

        def done(count: int) -> None:
            self.context.dialogs.info(
                self,
                tr("Exported {count} cases (as the list is filtered now) to {path}.").format(
                    count=count, path=path
                ),
            )

        self._start(work, done, tr("Exporting cases…"))

    def import_bundle(self) -> None:
        path = self.context.dialogs.open_file(self, tr("Import a case bundle"), tr(BUNDLE_FILTER))
        if path is None:
            return
        dialog = BundleImportDialog(self.context, path, self)
        dialog.imported.connect(lambda _result: self.refresh())
        self._show_dialog(dialog)

    def export_bundle(self) -> None:
        case_ids = self.case_list.selected_case_ids()
        if not case_ids and (workspace := self.current_workspace()) is not None:
            case_ids = [workspace.case_id]
        if not case_ids:
            self.context.dialogs.error(
                self, tr("Select the cases to export in the case list first.")
            )
            return
        suggested = "keidesk-cases.zip" if len(case_ids) > 1 else f"case-{case_ids[0]}.zip"
        path = self.context.dialogs.save_file(
            self, tr("Export a case bundle"), suggested, tr(BUNDLE_FILTER)
        )
        if path is None:
            return
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        database, store, user = self.context.database, self.context.store, self.context.user

        def work(_progress: Progress) -> bundle.BundleExport:
            with database.reader() as session:
                return bundle.export_bundle(session, store, case_ids, path, user=user)

        def done(result: bundle.BundleExport) -> None:
            self.context.dialogs.info(
                self,
                tr("Wrote {cases} case(s) and {files} file(s) to {path}.").format(
                    cases=result.cases, files=result.files, path=result.path
                ),
            )

        self._start(work, done, tr("Exporting the bundle…"))

    def show_backups(self) -> None:
        self._show_dialog(BackupDialog(self.context, self.backups, self))

    def backups_at_start(self) -> None:
        """The daily backup (off the GUI thread) and the reminder; called once shown."""
        backup_reminder.backups_at_start(self.context, self, self.backups.back_up_to_folder)

    def check_database(self) -> None:
        database = self.context.database

        def done(report: integrity.CheckReport) -> None:
            if report.ok:
                self.context.dialogs.info(
                    self,
                    tr(
                        "The database is sound, and all {count} attached files are present "
                        "and unchanged."
                    ).format(count=report.documents_checked),
                    tr("Check database"),
                )
                return
            shown = "\n".join(f"• {p}" for p in report.problems[:CHECK_PROBLEMS_SHOWN])
            more = len(report.problems) - CHECK_PROBLEMS_SHOWN
            if more > 0:
                shown += "\n" + tr("…and {count} more.").format(count=more)
            self.context.dialogs.error(
                self,
                tr(
                    "The check found {count} problem(s):\n\n{problems}\n\n"
                    "Restore a backup (File → Backup → Restore from backup…) or attach the "
                    "missing files again."
                ).format(count=len(report.problems), problems=shown),
                tr("Check database"),
            )

        self._start(lambda _progress: integrity.check(database), done, tr("Checking…"))

    # --- packets ----------------------------------------------------------------------------

    def open_packet(self, case_id: int) -> None:
        from keidesk.gui.packet_dialog import PacketDialog  # noqa: PLC0415 - QtPdf, reportlab

        self._show_dialog(PacketDialog(self.context, case_id, self))

    def packets_for_stage(self) -> None:
        from keidesk.gui.stage_packets import StagePacketsDialog  # noqa: PLC0415 - reportlab

        dialog = StagePacketsDialog(self.context, self)
        dialog.accepted.connect(lambda: self.build_stage_packets(dialog.choice()))
        self._show_dialog(dialog)

    def build_stage_packets(self, choice: StagePackets, workers: int | None = None) -> None:
        from keidesk.gui.stage_packets import (  # noqa: PLC0415 - reportlab
            build_stage_packets,
            summary,
        )

        def done(result: BatchResult) -> None:
            self.refresh()
            text = summary(result, choice)
            if result.failed:
                self.context.dialogs.error(self, text, tr("Packets for stage"))
            else:
                self.context.dialogs.info(self, text, tr("Packets for stage"))

        self.last_task = build_stage_packets(
            self.context, choice, done, on_cancelled=self._cancelled, workers=workers
        )

    def _cancelled(self) -> None:
        self.refresh()  # what was built before Cancel is recorded on its cases
        self.statusBar().showMessage(tr("Cancelled."), 5000)

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
