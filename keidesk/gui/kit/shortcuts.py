"""The keyboard scheme, declared once: every shortcut and Alt-letter of the main window.

The main window gives its menu actions their keys from :data:`SHORTCUTS` (by the action's
object name), and Help → Keyboard shortcuts lists this same table, so what the help says is
what the keys do. Alt-letters of the case tabs and the workflow buttons are listed here too;
their labels carry the letter (``tr("Vehic&le")``, the entry's ``label``), and the tests check
that each label's letter is the one declared here and that no two entries of the window share a
key. A translated label has its own letter (``&Archivo``): the help shows that one.

Scopes: ``WINDOW`` keys work anywhere in the main window; ``CASE`` ones while a case is in
front; ``WORKFLOW`` ones on a case's Workflow tab; ``FIELDS`` and ``DIALOGS`` ones in date
fields and in dialogs and pop-ups; ``LIST`` ones in the case list. Window, case and workflow
keys are live at the same time (a case's workflow tab sits inside the window), and window and
list keys, so none of them may repeat another (:data:`LIVE_TOGETHER`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from keidesk.gui.kit.i18n import tr

WINDOW = "Anywhere in the window"
CASE = "In an open case"
WORKFLOW = "On a case's Workflow tab"
LIST = "In the case list"
FIELDS = "In a date field"
DIALOGS = "In dialogs and pop-ups"

#: Scopes whose keys are live together: none may repeat another within one group. The case
#: list and an open case are never in front together.
LIVE_TOGETHER = ((WINDOW, CASE, WORKFLOW), (WINDOW, LIST))

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True, slots=True)
class Shortcut:
    name: str  # the action's object name, or the widget the Alt-letter is on
    keys: tuple[Key, ...]
    what: str  # what it does (English; shown through tr)
    scope: str
    #: For an Alt-letter, the English label that carries it (``"Vehic&le"``): another
    #: language's label has its own letter, and the help shows that one (:func:`shown_keys`).
    label: str = ""

    def sequences(self) -> list[QKeySequence]:
        """The key sequences, a standard key as this platform binds it."""
        out: list[QKeySequence] = []
        for key in self.keys:
            if isinstance(key, QKeySequence.StandardKey):
                out.extend(QKeySequence.keyBindings(key))
            else:
                out.append(QKeySequence(key))
        return out

    def shown(self) -> str:
        """The keys as a person reads them: ``Ctrl+W, Ctrl+F4``."""
        return ", ".join(key_text(s) for s in self.sequences())


def shown_keys(shortcut: Shortcut) -> str:
    """The keys as the help shows them in the interface's language: an Alt-letter as its
    translated label carries it (``&Archivo`` → Alt+A), other keys as declared."""
    if shortcut.label:
        letter = mnemonic(tr(shortcut.label))
        if letter:
            return key_text(letter)
    return shortcut.shown()


_S = QKeySequence.StandardKey

SHORTCUTS: tuple[Shortcut, ...] = (
    # Menus (Alt-letters of the menu bar)
    Shortcut("menu_file", ("Alt+F",), "Open the File menu", WINDOW, label="&File"),
    Shortcut("menu_edit", ("Alt+E",), "Open the Edit menu", WINDOW, label="&Edit"),
    Shortcut("menu_case", ("Alt+C",), "Open the Case menu", WINDOW, label="&Case"),
    Shortcut("menu_view", ("Alt+V",), "Open the View menu", WINDOW, label="&View"),
    Shortcut("menu_help", ("Alt+H",), "Open the Help menu", WINDOW, label="&Help"),
    # Menu actions
    Shortcut("action_new_case", (_S.New,), "New case", WINDOW),
    Shortcut("action_import_cases", ("Ctrl+I",), "Import cases from a spreadsheet", WINDOW),
    Shortcut("action_export_cases", ("Ctrl+E",), "Export the case list", WINDOW),
    Shortcut("action_quit", ("Ctrl+Q",), "Quit keidesk", WINDOW),
    Shortcut("action_undo", (_S.Undo,), "Undo the last edit of the case in front", WINDOW),
    Shortcut("action_redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", WINDOW),
    Shortcut("action_find", (_S.Find,), "Find cases (the search box of the case list)", WINDOW),
    Shortcut("action_cases_tab", ("Ctrl+1",), "Show the case list", WINDOW),
    Shortcut("action_rules", ("Ctrl+2",), "Show the state rules", WINDOW),
    Shortcut("action_agenda", ("Ctrl+3",), "Show the agenda (what needs doing today)", WINDOW),
    Shortcut("action_refresh", ("F5",), "Refresh: show the database as it is now", WINDOW),
    Shortcut("action_keyboard", ("F1",), "This list of keyboard shortcuts", WINDOW),
    # The case list
    Shortcut("case_list_open", ("Return",), "Open the selected case", LIST),
    Shortcut("list_from_search", ("Down",), "From the search box into the list", LIST),
    Shortcut(
        "list_blocked",
        ("Alt+B",),
        "Show blocked cases only (on or off)",
        LIST,
        label="&Blocked only",
    ),
    # An open case
    Shortcut("action_save", (_S.Save,), "Save the case", CASE),
    Shortcut(
        "action_close_case", ("Ctrl+W", "Ctrl+F4"), "Close the case (asks when unsaved)", CASE
    ),
    Shortcut("action_packet", (_S.Print,), "Document packet of the case", CASE),
    Shortcut("tab_vehicle", ("Alt+L",), "Vehicle tab", CASE, label="Vehic&le"),
    Shortcut(
        "tab_customer",
        ("Alt+U",),
        "Customer, state and notes tab",
        CASE,
        label="C&ustomer, state && notes",
    ),
    Shortcut(
        "tab_shipping", ("Alt+I",), "Shipping and customs tab", CASE, label="Sh&ipping && customs"
    ),
    Shortcut("tab_workflow", ("Alt+W",), "Workflow tab (the steps)", CASE, label="&Workflow"),
    Shortcut("tab_documents", ("Alt+O",), "Documents tab", CASE, label="D&ocuments"),
    Shortcut("tab_costs", ("Alt+M",), "Costs and margin tab", CASE, label="Costs && &margin"),
    Shortcut("tab_history", ("Alt+Y",), "History tab", CASE, label="Histor&y"),
    # The workflow tab: the buttons of the selected step
    Shortcut("step_start", ("Alt+S",), "Start the selected step", WORKFLOW, label="&Start"),
    Shortcut(
        "step_done",
        ("Alt+D",),
        "Mark the step done and go to the next open one",
        WORKFLOW,
        label="Mark &done",
    ),
    Shortcut("step_block", ("Alt+B",), "Block the step", WORKFLOW, label="&Block"),
    Shortcut(
        "step_na", ("Alt+N",), "Mark the step not applicable", WORKFLOW, label="&Not applicable"
    ),
    Shortcut(
        "step_reopen", ("Alt+R",), "Reopen the step (back to to do)", WORKFLOW, label="&Reopen"
    ),
    Shortcut(
        "step_save",
        ("Alt+T",),
        "Save the step's note and due date",
        WORKFLOW,
        label="Save note && due da&te",
    ),
    # Date fields and dialogs
    Shortcut("date_calendar", ("Alt+Down", "F4"), "Open the calendar of a date field", FIELDS),
    Shortcut("dialog_close", ("Esc",), "Close the dialog or pop-up (never a case)", DIALOGS),
    Shortcut("dialog_accept", ("Return",), "The dialog's main button", DIALOGS),
)

BY_NAME = {s.name: s for s in SHORTCUTS}


def key_text(keys: str | QKeySequence) -> str:
    """Keys as this platform writes them (Ctrl+B, or ⌘B on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def sequences(name: str) -> list[QKeySequence]:
    """The key sequences of one entry of the table."""
    return BY_NAME[name].sequences()


def scope_title(scope: str) -> str:
    return tr(scope)


def mnemonic(text: str) -> str:
    """The Alt-letter of a label (``"Vehic&le"`` → ``"Alt+L"``), or "" when it has none."""
    index = 0
    while (index := text.find("&", index)) >= 0:
        if index + 1 < len(text) and text[index + 1] != "&":
            return "Alt+" + text[index + 1].upper()
        index += 2
    return ""
