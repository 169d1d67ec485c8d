"""File → Preferences…: the Language choice is saved for the next start and says so."""

from __future__ import annotations

from keidesk.gui.kit.context import AppContext
from keidesk.gui.setup.preferences_dialog import PreferencesDialog
from keidesk.preferences import Preferences, load_preferences, save_preferences


def test_language_is_saved_and_applies_at_the_next_start(qtbot, context: AppContext):
    save_preferences(Preferences(staff_name="Rosa", paper="a4"))
    dialog = PreferencesDialog(context)
    qtbot.addWidget(dialog)
    choices = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert choices == ["system", "en", "es"]
    assert dialog.language.currentData() == "system"
    assert [dialog.language.itemText(i) for i in (1, 2)] == ["English", "Español"]
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.save()
    assert load_preferences() == Preferences(staff_name="Rosa", paper="a4", language="es")
    again = PreferencesDialog(context)
    qtbot.addWidget(again)
    assert again.language.currentData() == "es"
    assert any(
        "next time keidesk starts" in label.text() for label in again.findChildren(type(again.note))
    )
