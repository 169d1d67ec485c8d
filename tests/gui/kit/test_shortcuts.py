"""The keyboard scheme: one table, no two entries on one key, the actions and labels use it,
and Help → Keyboard shortcuts lists it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from keidesk.gui.kit.shortcuts import BY_NAME, LIVE_TOGETHER, SHORTCUTS, mnemonic, shown_keys
from keidesk.gui.shell.keyboard_help import KeyboardHelpDialog, rows

NATIVE = QKeySequence.SequenceFormat.PortableText


def keys_of(names: list[str]) -> list[str]:
    return [s.toString(NATIVE) for name in names for s in BY_NAME[name].sequences()]


def test_no_two_entries_live_together_share_a_key(qapp) -> None:
    for scopes in LIVE_TOGETHER:
        seen: dict[str, str] = {}
        for entry in SHORTCUTS:
            if entry.scope not in scopes:
                continue
            for sequence in entry.sequences():
                key = sequence.toString(NATIVE)
                assert key not in seen, f"{key}: {seen.get(key)} and {entry.name}"
                seen[key] = entry.name


def test_every_window_shortcut_comes_from_the_table(window) -> None:
    """Each action of the window with keys is in the table, with exactly the table's keys."""
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert with_keys
    for action in with_keys:
        name = action.objectName()
        assert name in BY_NAME, f"{action.text()!r} has keys outside the scheme"
        assert [s.toString(NATIVE) for s in action.shortcuts()] == keys_of([name])
    for entry in SHORTCUTS:
        if entry.name.startswith("action_"):
            assert window.action(entry.name).shortcuts(), entry.name


def test_close_case_is_ctrl_w_and_esc_is_for_dialogs(window) -> None:
    close = window.action("action_close_case")
    assert "Ctrl+W" in [s.toString(NATIVE) for s in close.shortcuts()]
    escape = QKeySequence("Esc")
    for action in window.findChildren(QAction):
        assert escape not in action.shortcuts(), action.objectName()


def labels_of(names: list[str]) -> list[str]:
    return [BY_NAME[name].label for name in names]


def test_each_alt_letter_is_its_labels() -> None:
    for entry in SHORTCUTS:
        if entry.label:
            assert [mnemonic(entry.label)] == keys_of([entry.name]), entry.name


def test_labels_carry_the_tables_alt_letters(window, make_case) -> None:
    for key, menu in window.menus.items():
        if key in {"file", "edit", "case", "view", "help"}:
            assert mnemonic(menu.title()) == keys_of([f"menu_{key}"])[0]
            assert menu.title() == BY_NAME[f"menu_{key}"].label
    workspace = window.desk.open_case(make_case())
    tabs = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    names = ["tab_vehicle", "tab_customer", "tab_shipping", "tab_workflow", "tab_documents"]
    names += ["tab_costs", "tab_history"]
    assert [mnemonic(t) for t in tabs] == keys_of(names)
    assert tabs == labels_of(names)
    flow = workspace.workflow
    buttons = (
        flow.start_button,
        flow.done_button,
        flow.block_button,
        flow.na_button,
        flow.reopen_button,
        flow.save_button,
    )
    step_names = ["step_start", "step_done", "step_block", "step_na", "step_reopen", "step_save"]
    assert [mnemonic(b.text()) for b in buttons] == keys_of(step_names)
    assert [b.text() for b in buttons] == labels_of(step_names)
    assert mnemonic(window.desk.case_list.blocked.text()) == keys_of(["list_blocked"])[0]
    assert window.desk.case_list.blocked.text() == BY_NAME["list_blocked"].label


def test_help_lists_the_same_table(window, qtbot) -> None:
    window.action("action_keyboard").trigger()
    dialog = window.findChild(KeyboardHelpDialog)
    assert dialog is not None
    shown = dialog.shown_rows()
    assert shown == rows()
    assert len(shown) == len(SHORTCUTS)
    assert any("Ctrl+W" in keys and "Close the case" in what for keys, what, _ in shown)
    assert any(keys == "Alt+D" and "next open" in what for keys, what, _ in shown)
    dialog.close()


def test_in_spanish_the_help_shows_the_spanish_alt_letters(spanish) -> None:
    """A Spanish label has its own letter (&Archivo): the help shows it, and no two Alt-letters
    live together repeat one another in Spanish either."""
    native = QKeySequence.SequenceFormat.NativeText
    assert shown_keys(BY_NAME["menu_file"]) == QKeySequence("Alt+A").toString(native)
    assert shown_keys(BY_NAME["action_new_case"]) == BY_NAME["action_new_case"].shown()
    for scopes in LIVE_TOGETHER:
        keys = [
            shown_keys(entry)
            for entry in SHORTCUTS
            if entry.scope in scopes and shown_keys(entry).startswith("Alt+")
        ]
        assert len(keys) == len(set(keys)), keys
