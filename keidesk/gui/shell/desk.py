"""The desk: everything the main window does with the open database.

The case list with its dashboard, the rules browser, open cases as tabs, and what every menu
action does: the one place that composes the feature folders. The main window is shown before
this module and the services under it are loaded; start-up then builds a desk on the database
and attaches it (``window.attach(Desk(context, window))``). Menu actions receive the desk and
call its methods. The desk sees the window only through :class:`DeskWindow`.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QSplitter,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from keidesk import paths
from keidesk.domain.errors import NotFound
from keidesk.gui.agenda.feature import AgendaFeature
from keidesk.gui.case_list.dashboard import DashboardPanel
from keidesk.gui.case_list.panel import CaseListPanel
from keidesk.gui.data import backup_reminder
from keidesk.gui.data.backup_dialog import BackupActions, BackupDialog
from keidesk.gui.kit import last_folder
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.painted import after_next_paint
from keidesk.gui.kit.tasks import Progress, TaskHandle
from keidesk.services.cases import CaseFilter, case_detail

# What a menu or the first opened case needs is imported when first used (and, once the case
# list shows its first page, ahead of use off the GUI thread: see ``preload``), so a start
# reads its cases without loading the dialogs first.
if TYPE_CHECKING:
    from keidesk.dataio import bundle, integrity
    from keidesk.gui.case_workspace.workspace import CaseWorkspace
    from keidesk.gui.packets.stage_packets import StagePackets
    from keidesk.gui.reports.dialog import ReportsDialog
    from keidesk.gui.rules.browser import RulesBrowser
    from keidesk.packets.batch import BatchResult

#: Modules the desk imports on first use, loaded ahead once the first page is shown.
LOADED_ON_USE = (
    "keidesk.dataio.bundle",
    "keidesk.dataio.export",
    "keidesk.dataio.integrity",
    "keidesk.gui.case_workspace.new_case",
    "keidesk.gui.case_workspace.workspace",
    "keidesk.gui.data.bundle_dialog",
    "keidesk.gui.data.import_dialog",
    "keidesk.gui.reports.dialog",
    "keidesk.gui.rules.browser",
    "keidesk.gui.setup.preferences_dialog",
    "keidesk.gui.setup.profile_form",
    "keidesk.gui.setup.welcome",
)
WORKSPACE_MODULE = "keidesk.gui.case_workspace.workspace"
#: How long the start waits for the first page before doing the rest anyway (a failed read).
FIRST_PAGE_WAIT_MS = 3000


def as_workspace(widget: QWidget | None) -> CaseWorkspace | None:
    """``widget`` if it is an open case's workspace. Before the workspace module is loaded
    (with the first case opened) no tab can be one."""
    module = sys.modules.get(WORKSPACE_MODULE)
    if module is None or not isinstance(widget, module.CaseWorkspace):
        return None
    return cast("CaseWorkspace", widget)


R = TypeVar("R")

CASES_SPLITTER = "cases"
RULES_SPLITTER = "rules"
EXPORT_FILTER = "CSV (*.csv);;Excel workbook (*.xlsx)"
#: How many problems "Check database…" lists before saying how many more there are.
CHECK_PROBLEMS_SHOWN = 12


class FirstPagePainted(QObject):
    """Calls what it is given once the list's first page has been painted: after the model's
    first reset, at the end of the next paint of the window (then at once)."""

    def __init__(self, panel: CaseListPanel, wait_ms: int) -> None:
        super().__init__(panel)
        self.panel = panel
        self.pending: list[Callable[[], None]] = []
        self.done = False
        panel.model.modelReset.connect(self._page_in)
        QTimer.singleShot(wait_ms, self, self._run)

    def then(self, *calls: Callable[[], None]) -> None:
        self.pending.extend(calls)
        if self.done:
            QTimer.singleShot(0, self, self._run)

    def _page_in(self) -> None:
        self.panel.model.modelReset.disconnect(self._page_in)
        after_next_paint(self.panel.window(), self._run)

    def _run(self) -> None:
        self.done = True
        while self.pending:
            self.pending.pop(0)()


class DeskWindow(Protocol):
    """What the desk needs from the window it sits in: its tabs, undo group, status bar and
    actions. :class:`~keidesk.gui.shell.main_window.MainWindow` is one; the desk does not
    import it, so the window can load before the desk and its services."""

    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def undo_group(self) -> QUndoGroup: ...

    @property
    def rules_placeholder(self) -> QWidget: ...

    def window(self) -> QWidget:
        """The top-level widget, the parent of the desk's dialogs (Qt's own method)."""
        ...

    def statusBar(self) -> QStatusBar: ...

    def action(self, name: str) -> QAction: ...

    def enable_case_actions(self, case_open: bool) -> None: ...

    def replace_fixed_tab(self, old: QWidget, new: QWidget) -> None: ...

    def open_database_file(self, path: Path) -> None: ...


class Desk:
    """The parts of the main window bound to one open database, and what its menus do."""

    def __init__(self, context: AppContext, frame: DeskWindow) -> None:
        self.context = context
        self.frame = frame
        self.window = frame.window()  # parent of the desk's dialogs and menus
        self.last_task: TaskHandle[Any] | None = None  # the last job started from a menu
        self.backups = BackupActions(context, self.window)
        self.backups.finished.connect(lambda text: self.context.dialogs.info(self.window, text))
        self.backups.failed.connect(lambda text: self.context.dialogs.error(self.window, text))
        self.backups.restored.connect(self.data_replaced)
        self.backups.may_replace = self._settle_edits

        # The list first: its count and first page are read before the dashboard's counts
        # (both on the one read lane), so the rows a person looks for show first.
        self.case_list = CaseListPanel(context)
        self.dashboard = DashboardPanel(context)
        self.case_list.open_requested.connect(self.open_case)
        self.case_list.new_case_requested.connect(self.new_case)
        table = self.case_list.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda at: self.case_menu().exec(table.viewport().mapToGlobal(at))
        )
        self.dashboard.filter_chosen.connect(self._dashboard_filter)
        self.agenda = self._agenda()
        self.side = QSplitter(Qt.Orientation.Vertical)  # the agenda's panel over the dashboard
        self.side.addWidget(self.agenda.panel)
        self.side.addWidget(self.dashboard)
        self.side.setStretchFactor(1, 1)
        self.cases_page = QSplitter()
        self.cases_page.addWidget(self.side)
        self.cases_page.addWidget(self.case_list)
        self.cases_page.setStretchFactor(1, 1)
        self.cases_page.setSizes([260, 1020])
        context.settings.restore_splitter(CASES_SPLITTER, self.cases_page)
        self.rules: RulesBrowser | None = None  # built when first shown
        self._first_page = FirstPagePainted(self.case_list, FIRST_PAGE_WAIT_MS)

    @property
    def tabs(self) -> QTabWidget:
        return self.frame.tabs

    # --- the agenda -----------------------------------------------------------------------------

    def _agenda(self) -> AgendaFeature:
        """The agenda: its tab after the fixed ones (it cannot be closed) and its panel."""
        agenda = AgendaFeature(self.context, self.window)
        agenda.open_case.connect(self.open_case)
        agenda.open_state.connect(lambda code: self.show_rules().select(code))
        agenda.open_backups.connect(self.show_backups)
        agenda.show_requested.connect(self.show_agenda)
        index = self.tabs.indexOf(self.frame.rules_placeholder) + 1
        self.tabs.insertTab(index, agenda.view, tr("Agenda"))
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
        return agenda

    def show_agenda(self) -> None:
        self.tabs.setCurrentWidget(self.agenda.view)
        self.window.raise_()

    def after_first_page(self, *calls: Callable[[], None]) -> None:
        """Run ``calls`` once the case list's first page is painted (or after
        ``FIRST_PAGE_WAIT_MS`` when it is not: a failed read, the agenda in front): what a
        start does besides showing the cases waits until they are on screen."""
        self._first_page.then(*calls)

    def preload(self) -> None:
        """Import what menus and the first opened case need, on a worker thread, so their
        first use does not wait for it. A module that fails to load fails again when used,
        and is reported then."""

        def load() -> None:
            for name in LOADED_ON_USE:
                with contextlib.suppress(Exception):
                    importlib.import_module(name)

        threading.Thread(target=load, name="keidesk-preload", daemon=True).start()

    def start_of_day(self) -> None:
        """Once the window is up: the agenda first, the first time each day; the reminder."""
        if self.agenda.first_look_today():
            self.show_agenda()
        self.agenda.start_reminders()

    @property
    def is_demo(self) -> bool:
        return paths.is_demo(self.context.database.path)

    # --- cases ----------------------------------------------------------------------------------

    def new_case(self) -> None:
        from keidesk.gui.case_workspace.new_case import NewCaseDialog  # noqa: PLC0415 - on use

        dialog = NewCaseDialog(self.context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # read below, before deletion
        if not dialog.exec():
            return
        if dialog.open_existing and dialog.existing is not None:
            self.open_case(dialog.existing.id)
        elif dialog.case_id is not None:
            self.open_case(dialog.case_id)

    def open_case(self, case_id: int) -> CaseWorkspace:
        for workspace in self.workspaces():
            if workspace.case_id == case_id:
                self.tabs.setCurrentWidget(workspace)
                return workspace
        from keidesk.gui.case_workspace.workspace import CaseWorkspace  # noqa: PLC0415 - on use

        workspace = CaseWorkspace(self.context, case_id)
        workspace.gone.connect(lambda w=workspace: self._drop_tab(w))
        workspace.packet_requested.connect(self.open_packet)
        workspace.title_changed.connect(lambda w=workspace: self._retitle(w))
        self.frame.undo_group.addStack(workspace.undo_stack)
        index = self.tabs.addTab(workspace, workspace.title())
        self.tabs.setCurrentIndex(index)
        workspace.tabs.setFocus()
        return workspace

    def case_menu(self) -> QMenu:
        """The case list's right-click menu, for the case under the pointer (Qt makes it the
        current one) and the selection."""
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self.case_list.current_case_id()
        summary = self.case_list.current_summary()
        if case_id is not None and summary is not None:
            menu.addAction(tr("&Open case"), lambda: self.open_case(case_id))
            menu.addAction(tr("Document &packet…"), lambda: self.open_packet(case_id))
            menu.addAction(
                tr("&Copy chassis number"),
                lambda: QGuiApplication.clipboard().setText(summary.chassis),
            )
            menu.addSeparator()
        menu.addAction(self.frame.action("action_export_bundle"))
        menu.addAction(self.frame.action("action_export_cases"))
        return menu

    def open_selected(self) -> None:
        case_id = self.case_list.current_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def workspaces(self) -> list[CaseWorkspace]:
        widgets = (as_workspace(self.tabs.widget(i)) for i in range(self.tabs.count()))
        return [w for w in widgets if w is not None]

    def current_workspace(self) -> CaseWorkspace | None:
        return as_workspace(self.tabs.currentWidget())

    def current_case_id(self) -> int | None:
        """The open case, else the one selected in the list (for actions added by others)."""
        workspace = self.current_workspace()
        if workspace is not None:
            return workspace.case_id
        return self.case_list.current_case_id()

    def save_current(self) -> None:
        workspace = self.current_workspace()
        if workspace is not None:
            workspace.save()

    def close_current_case(self) -> bool:
        workspace = self.current_workspace()
        if workspace is None:
            return False
        return self.close_tab(self.tabs.indexOf(workspace))

    def close_tab(self, index: int) -> bool:
        """Close an open case (asking about unsaved edits); the fixed tabs never close."""
        widget = as_workspace(self.tabs.widget(index))
        if widget is None:
            return False
        if not widget.confirm_close():
            return False
        self._drop_tab(widget)
        if self.tabs.currentIndex() == 0:
            self.case_list.table.setFocus()
        return True

    def close_all_cases(self) -> bool:
        for workspace in self.workspaces():
            self.tabs.setCurrentWidget(workspace)
            if not self.close_tab(self.tabs.indexOf(workspace)):
                return False
        return True

    def _retitle(self, workspace: CaseWorkspace) -> None:
        index = self.tabs.indexOf(workspace)
        if index >= 0:
            self.tabs.setTabText(index, workspace.title())

    def tab_changed(self, index: int) -> None:
        """Another tab came to the front: its undo stack becomes the active one."""
        widget = self.tabs.widget(index)
        if widget is self.frame.rules_placeholder:
            self.show_rules()
            return
        workspace = as_workspace(widget)
        # None (no active stack) is valid in Qt; the stubs do not say so.
        self.frame.undo_group.setActiveStack(workspace.undo_stack if workspace else None)  # type: ignore[arg-type]
        self.frame.enable_case_actions(workspace is not None)

    def _dashboard_filter(self, case_filter: object, title: str) -> None:
        if isinstance(case_filter, CaseFilter):
            self.tabs.setCurrentIndex(0)
            self.case_list.apply_filter(case_filter)
            self.frame.statusBar().showMessage(tr("Showing: {title}").format(title=title), 5000)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.focus_search()

    def show_rules(self) -> RulesBrowser:
        if self.rules is None:
            from keidesk.gui.rules.browser import RulesBrowser  # noqa: PLC0415 - on use

            self.rules = RulesBrowser(self.context)
            self.frame.replace_fixed_tab(self.frame.rules_placeholder, self.rules)
            self.context.settings.restore_splitter(RULES_SPLITTER, self.rules.splitter)
        self.tabs.setCurrentWidget(self.rules)
        self.frame.enable_case_actions(False)
        self.frame.undo_group.setActiveStack(None)  # type: ignore[arg-type]
        return self.rules

    def refresh(self) -> None:
        """Show the database as it is now (F5, or after another office wrote to it): every
        view refreshes as after a write that changed any case."""
        self.context.changes.announce(None, origin=self)

    def _drop_tab(self, workspace: CaseWorkspace) -> None:
        workspace.detach()
        self.frame.undo_group.removeStack(workspace.undo_stack)
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
        self.context.changes.announce(None, origin=self)
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

    def choose_database(self) -> None:
        path = self.context.dialogs.open_database(self.window)
        if path is not None and self.close_all_cases():
            self.frame.open_database_file(path)

    def edit_profile(self) -> None:
        from keidesk.gui.setup.profile_form import ProfileDialog  # noqa: PLC0415 - on use

        context = self.context
        ProfileDialog(
            context.database, context.user, context.dialogs, context.tasks, self.window
        ).exec()

    def edit_preferences(self) -> None:
        from keidesk.gui.setup.preferences_dialog import PreferencesDialog  # noqa: PLC0415

        self._show_dialog(PreferencesDialog(self.context, self.window))

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        """Open a window-modal dialog without blocking (tests drive it; it deletes itself)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _start(
        self,
        fn: Callable[[Progress], R],
        on_done: Callable[[R], None],
        title: str,
        *,
        cancellable: bool = False,
    ) -> TaskHandle[R]:
        """A job from a menu: off the GUI thread, progress (and Cancel) in the status bar."""
        handle = self.context.tasks.run_task(
            fn,
            on_done,
            cancellable=cancellable,
            title=title,
            on_cancelled=self._cancelled,
        )
        self.last_task = handle
        return handle

    def open_data_folder(self) -> None:
        folder = self.context.database.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- data in and out --------------------------------------------------------------------

    def import_cases(self) -> None:
        from keidesk.gui.data.import_dialog import ImportDialog  # noqa: PLC0415 - on use

        dialog = ImportDialog(self.context, self.window)
        self._show_dialog(dialog)

    def export_case_list(self) -> None:
        case_filter = self.case_list.current_filter()
        order_by, descending = self.case_list.model.order_by, self.case_list.model.descending
        path = self.context.dialogs.save_file(
            self.window,
            tr("Export the case list"),
            "keidesk-cases.csv",
            tr(EXPORT_FILTER),
            purpose=last_folder.EXPORT,
        )
        if path is None:
            return
        if path.suffix.lower() not in {".csv", ".xlsx"}:
            path = path.with_name(path.name + ".csv")
        database, today = self.context.database, self.context.today

        from keidesk.dataio.export import export_cases  # noqa: PLC0415 - on use

        def work(_progress: Progress) -> int:
            with database.reader() as session:
                return export_cases(
                    session,
                    case_filter,
                    path,
                    today=today,
                    order_by=order_by,  # the list's order on screen
                    descending=descending,
                )

        def done(count: int) -> None:
            self.context.dialogs.info(
                self.window,
                tr("Exported {count} cases (as the list is filtered now) to {path}.").format(
                    count=count, path=path
                ),
            )

        self._start(work, done, tr("Exporting cases…"))

    def open_reports(self) -> ReportsDialog:
        """The Reports dialog; its case list report is the list as shown now."""
        from keidesk.gui.reports.dialog import ReportsDialog  # noqa: PLC0415 - on use

        dialog = ReportsDialog(self.context, self.case_list.shown(), self.window)
        self._show_dialog(dialog)
        return dialog

    def import_bundle(self) -> None:
        from keidesk.gui.data.bundle_dialog import (  # noqa: PLC0415 - on use
            BUNDLE_FILTER,
            BundleImportDialog,
        )

        path = self.context.dialogs.open_file(
            self.window, tr("Import a case bundle"), tr(BUNDLE_FILTER), purpose=last_folder.BUNDLE
        )
        if path is None:
            return
        dialog = BundleImportDialog(self.context, path, self.window)
        self._show_dialog(dialog)

    def export_bundle(self) -> None:
        case_ids = self.case_list.selected_case_ids()
        if not case_ids and (workspace := self.current_workspace()) is not None:
            case_ids = [workspace.case_id]
        if not case_ids:
            self.context.dialogs.error(
                self.window, tr("Select the cases to export in the case list first.")
            )
            return
        from keidesk.dataio import bundle  # noqa: PLC0415 - on use
        from keidesk.gui.data.bundle_dialog import BUNDLE_FILTER  # noqa: PLC0415 - on use

        suggested = "keidesk-cases.zip" if len(case_ids) > 1 else f"case-{case_ids[0]}.zip"
        path = self.context.dialogs.save_file(
            self.window,
            tr("Export a case bundle"),
            suggested,
            tr(BUNDLE_FILTER),
            purpose=last_folder.BUNDLE,
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
                self.window,
                tr("Wrote {cases} case(s) and {files} file(s) to {path}.").format(
                    cases=result.cases, files=result.files, path=result.path
                ),
            )

        self._start(work, done, tr("Exporting the bundle…"))

    def show_backups(self) -> None:
        self._show_dialog(BackupDialog(self.context, self.backups, self.window))

    def backups_at_start(self) -> None:
        """The daily backup (off the GUI thread) and the reminder; called once shown."""
        backup_reminder.backups_at_start(self.context, self.window, self.backups.back_up_to_folder)

    def check_database(self) -> None:
        from keidesk.dataio import integrity  # noqa: PLC0415 - on use

        database = self.context.database

        def done(report: integrity.CheckReport) -> None:
            if report.ok:
                self.context.dialogs.info(
                    self.window,
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
                self.window,
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
        from keidesk.gui.packets.packet_dialog import PacketDialog  # noqa: PLC0415 - QtPdf, reportlab

        self._show_dialog(PacketDialog(self.context, case_id, self.window))

    def packets_for_stage(self) -> None:
        from keidesk.gui.packets.stage_packets import StagePacketsDialog  # noqa: PLC0415 - reportlab

        dialog = StagePacketsDialog(self.context, self.window)
        dialog.accepted.connect(lambda: self.build_stage_packets(dialog.choice()))
        self._show_dialog(dialog)

    def build_stage_packets(self, choice: StagePackets, workers: int | None = None) -> None:
        from keidesk.gui.packets.stage_packets import (  # noqa: PLC0415 - reportlab
            build_stage_packets,
            summary,
        )

        def done(result: BatchResult) -> None:
            text = summary(result, choice)
            if result.failed:
                self.context.dialogs.error(self.window, text, tr("Packets for stage"))
            else:
                self.context.dialogs.info(self.window, text, tr("Packets for stage"))

        self.last_task = build_stage_packets(
            self.context, choice, done, on_cancelled=self._cancelled, workers=workers
        )

    def _cancelled(self) -> None:
        self.frame.statusBar().showMessage(tr("Cancelled."), 5000)

    # --- window state ---------------------------------------------------------------------------

    def save_state(self) -> None:
        settings = self.context.settings
        settings.save_splitter(CASES_SPLITTER, self.cases_page)
        if self.rules is not None:
            settings.save_splitter(RULES_SPLITTER, self.rules.splitter)
        self.case_list.save_state()
