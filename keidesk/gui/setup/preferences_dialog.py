"""File → Preferences…: this computer's choices, shared with the command line
(:mod:`keidesk.preferences`): the staff name recorded in the history, the packet paper, and the
language of the interface (applied when keidesk next starts)."""

from __future__ import annotations

import dataclasses
import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import LANGUAGE_NAMES, tr
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.widgets.paper import paper_box
from keidesk.preferences import load_preferences, save_preferences
from keidesk.services.staff import USER_ENV_VAR, current_user, login_name


class PreferencesDialog(FittedDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Preferences"))
        self.setMinimumWidth(460)
        self.preferences = load_preferences()
        self.staff_name = QLineEdit(self.preferences.staff_name)
        self.staff_name.setObjectName("preferences_staff_name")
        self.staff_name.setPlaceholderText(
            tr("empty: your login name ({login})").format(login=login_name())
        )
        self.paper = paper_box()
        self.language = QComboBox()
        self.language.setObjectName("preferences_language")
        self.language.addItem(tr("Same as the system"), "system")
        for code, name in LANGUAGE_NAMES.items():  # each in its own language
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.preferences.language)))
        language_note = QLabel(tr("A new language applies the next time keidesk starts."))
        language_note.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Your &name (recorded with every change)"), self.staff_name)
        form.addRow(tr("Packet &paper"), self.paper)
        form.addRow(tr("&Language"), self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._explain()

    def _explain(self) -> None:
        """Say so when --user or KEIDESK_USER decides the name instead."""
        if self.context.user_override:
            self.note.setText(
                tr("This session was started with --user {name}; that name is recorded.").format(
                    name=self.context.user_override
                )
            )
        elif os.environ.get(USER_ENV_VAR, "").strip():
            self.note.setText(
                tr("{var} is set on this computer, so {name} is recorded instead.").format(
                    var=USER_ENV_VAR, name=os.environ[USER_ENV_VAR].strip()
                )
            )

    def save(self) -> None:
        chosen = dataclasses.replace(
            self.preferences,
            staff_name=self.staff_name.text().strip(),
            paper=str(self.paper.currentData()),
            language=str(self.language.currentData()),
        )
        try:
            save_preferences(chosen)
        except (OSError, KeideskError) as exc:
            self.context.dialogs.error(
                self, tr("The preferences could not be saved: {reason}").format(reason=exc)
            )
            return
        self.context.user = current_user(self.context.user_override)
        self.accept()
