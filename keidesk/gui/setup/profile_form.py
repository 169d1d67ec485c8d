"""The importer profile printed on packets: business name, address, phone, licence, logo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.errors import KeideskError
from keidesk.gui.kit import last_folder, theme
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskRunner
from keidesk.services.documents import AttachmentStore, attachment_store
from keidesk.services.profile import ImporterProfile, load_profile, save_profile, store_logo
from keidesk.storage.database import Database


class ProfileForm(QWidget):
    def __init__(self, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self._profile = ImporterProfile()
        self._logo_file: Path | None = None
        self.business_name = QLineEdit()
        self.business_name.setObjectName("profile_business_name")
        self.business_name.setPlaceholderText(tr("e.g. Lone Star Kei Imports LLC"))
        self.address = QPlainTextEdit()
        self.address.setObjectName("profile_address")
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(72)
        self.address.setPlaceholderText(tr("Street\nCity, State ZIP"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.dealer_licence = QLineEdit()
        self.dealer_licence.setPlaceholderText(tr("state dealer license number"))
        self.logo = QLabel(tr("(no logo)"))
        self.logo.setMinimumHeight(48)
        logo_button = QPushButton(tr("Choose &logo…"))
        logo_button.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(logo_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("profile_message")
        form = QFormLayout(self)
        form.addRow(tr("Business &name"), self.business_name)
        form.addRow(tr("&Address"), self.address)
        form.addRow(tr("&Phone"), self.phone)
        form.addRow(tr("&Email"), self.email)
        form.addRow(tr("Dealer &license"), self.dealer_licence)
        form.addRow(tr("Logo"), logo_row)
        form.addRow(self.message)

    def load(self, database: Database) -> None:
        with database.reader() as session:
            self.set_profile(load_profile(session), attachment_store(database))

    def set_profile(self, profile: ImporterProfile, store: AttachmentStore | None = None) -> None:
        self._profile = profile
        self.business_name.setText(profile.business_name)
        self.address.setPlainText(profile.address)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)
        self.dealer_licence.setText(profile.dealer_licence)
        if profile.logo_sha256 and store is not None:
            self._show_logo(store.path_for(profile.logo_sha256))

    def profile(self) -> ImporterProfile:
        return dataclasses.replace(
            self._profile,
            business_name=self.business_name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            dealer_licence=self.dealer_licence.text(),
        )

    def _choose_logo(self) -> None:
        path = self.dialogs.open_file(
            self, tr("Choose a logo"), tr("Images (*.png *.jpg *.jpeg)"), purpose=last_folder.LOGO
        )
        if path is not None:
            self.set_logo_file(path)

    def set_logo_file(self, path: Path) -> None:
        self._logo_file = path
        self._show_logo(path)

    def _show_logo(self, path: Path) -> None:
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            self.logo.setText(path.name)
        else:
            self.logo.setPixmap(
                pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
            )

    def save(
        self,
        tasks: TaskRunner,
        database: Database,
        user: str,
        on_finished: Callable[[bool], None],
    ) -> None:
        """Save the profile off the GUI thread: the logo is copied into the store first, then
        one short transaction records the profile. A refusal is shown in the form, which keeps
        what was typed. ``on_finished(saved)`` runs at the end. (No case changes: the welcome
        saves this before there is a context or a view to tell.)"""

        def saved(profile: ImporterProfile) -> None:
            self.setEnabled(True)
            self._profile = profile
            self._logo_file = None
            self.message.clear()
            on_finished(True)

        def refused(exc: BaseException) -> None:
            self.setEnabled(True)
            text = tr_error(exc)
            self.message.setText(f"<span style='color:{theme.hex_colour(theme.BAD)}'>{text}</span>")
            self.message.setAccessibleDescription(text)
            on_finished(False)

        try:
            profile = self.profile()
        except KeideskError as exc:
            refused(exc)
            return
        logo = self._logo_file

        def work(_progress: Progress) -> ImporterProfile:
            record = profile
            if logo is not None:
                store = attachment_store(database)
                record = dataclasses.replace(profile, logo_sha256=store_logo(store, logo))
            with database.transaction(user) as session:
                return save_profile(session, record)

        self.setEnabled(False)  # busy until the profile is saved or refused
        tasks.run_task(
            work,
            saved,
            on_error=refused,
            title=tr("Saving the importer profile…"),
        )


class ProfileDialog(FittedDialog):
    """File → Importer profile…"""

    def __init__(
        self,
        database: Database,
        user: str,
        dialogs: Dialogs,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.user = user
        self.tasks = tasks
        self.setWindowTitle(tr("Importer profile"))
        self.setMinimumWidth(480)
        intro = QLabel(tr("These details are printed on every document packet."))
        intro.setWordWrap(True)
        self.form = ProfileForm(dialogs)
        self.form.load(database)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        if database.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        self.buttons.setEnabled(False)
        self.form.save(self.tasks, self.database, self.user, self._saved)

    def _saved(self, saved: bool) -> None:
        self.buttons.setEnabled(True)
        if saved:
            self.accept()
