"""The dialog shown when the database cannot be opened: the problem in plain words and one
button per way out. It knows only keys and labels; :mod:`keidesk.gui.shell.recovery` owns the
actions, so the dialog service can show this without importing the shell."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog

#: The answer to a start-up problem that ends the app (the dialog's Quit button).
QUIT = "quit"

#: A way out offered to the user: its key (the answer) and its button label.
Choice = tuple[str, str]


class StartupProblemDialog(FittedDialog):
    """The problem in plain words and one button per choice; closing it quits."""

    def __init__(
        self,
        message: str,
        choices: Sequence[Choice],
        parent: QWidget | None = None,
        *,
        title: str = "",
        headline: str = "",
        question: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or tr("keidesk cannot open the database"))
        self.choice = QUIT
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            "<p><b>{}</b></p><p>{}</p><p>{}</p>".format(
                headline or tr("The database could not be opened."),
                message,
                question or tr("The file has not been changed. What would you like to do?"),
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setMinimumWidth(420)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        self.buttons = QDialogButtonBox()
        for key, label in choices:
            self.add_choice(key, label)
        quit_button = self.buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName(QUIT)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)

    def add_choice(self, key: str, label: str) -> QPushButton:
        button = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(key)
        button.clicked.connect(lambda: self._choose(key))
        return button

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
