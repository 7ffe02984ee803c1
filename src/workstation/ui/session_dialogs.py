"""Opening a workspace at start: its passphrase, a login, the first administrator.

An encrypted workspace asks for its passphrase; a wrong one is said once, in
the words of the encryption service, and may be typed again. A workspace
with accounts asks for a user name and password before the main window acts;
a refused login shows the users service's reason. A workspace without
accounts runs in single-user mode, and the main window offers to create the
first administrator (:class:`CreateAdministratorDialog`).

Checking a password or a passphrase takes a fraction of a second (scrypt is
made slow on purpose); the dialogs show a busy cursor meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import WorkstationError
from workstation.services import users
from workstation.services.workspace import Workspace, workspace_is_encrypted
from workstation.settings import Settings

log = logging.getLogger(__name__)


class _SecretDialog(QDialog):
    """A small form whose OK runs a check; a failed check keeps the dialog open."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b71c1c")
        self.error_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _secret(self, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        return edit

    def _checked(self, check: Callable[[], None]) -> bool:
        """Run ``check``; show a refusal's message and return False."""
        self.error_label.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check()
        except WorkstationError as exc:
            self.show_error(str(exc))
            log.info("%s: %s", self.windowTitle(), exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def show_error(self, text: str) -> None:
        """Say why what was typed was refused; the dialog grows to show it all."""
        self.error_label.setText(text)
        self.adjustSize()

    def attempt(self) -> bool:
        """Check what was typed; True when it was accepted."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.attempt():
            super().accept()


class PassphraseDialog(_SecretDialog):
    """Asks for the passphrase of an encrypted workspace and opens it.

    Attributes:
        workspace: The opened workspace, once the passphrase was right.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Encrypted workspace"),
            self.tr(
                "The workspace {root} is encrypted. Type its passphrase to open it."
            ).format(root=settings.workspace_dir),
            parent,
        )
        self.settings = settings
        self.workspace: Workspace | None = None
        self.passphrase_edit = self._secret(self.tr("Passphrase"))

    def attempt(self) -> bool:
        """Open the workspace with the passphrase typed."""

        def check() -> None:
            self.workspace = Workspace(
                self.settings, passphrase=self.passphrase_edit.text()
            )

        opened = self._checked(check)
        if not opened:
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
        return opened


class LoginDialog(_SecretDialog):
    """Asks for a user name and password and logs in to an open workspace."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Log in"),
            self.tr(
                "The workspace {root} has user accounts. Log in to work in it."
            ).format(root=ws.root),
            parent,
        )
        self.ws = ws
        self.user_edit = QLineEdit(ws.user, self)
        self.form.addRow(self.tr("User"), self.user_edit)
        self.password_edit = self._secret(self.tr("Password"))
        (self.password_edit if ws.user else self.user_edit).setFocus()

    def attempt(self) -> bool:
        """Log in with what was typed; a refusal is shown and audited."""
        name, password = self.user_edit.text().strip(), self.password_edit.text()
        logged_in = self._checked(lambda: users.login(self.ws, name, password))
        if not logged_in:
            self.password_edit.clear()
            self.password_edit.setFocus()
        return logged_in


class CreateAdministratorDialog(_SecretDialog):
    """Creates the first administrator of a single-user workspace and logs in."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Create administrator"),
            self.tr(
                "This workspace has no user accounts: whoever opens it may do "
                "everything. Create the first administrator to end single-user "
                "mode; from then on everyone logs in and each role is checked. "
                "This cannot be undone."
            ),
            parent,
        )
        self.ws = ws
        self.user_edit = QLineEdit(ws.user, self)
        self.form.addRow(self.tr("User"), self.user_edit)
        self.password_edit = self._secret(self.tr("Password"))
        self.again_edit = self._secret(self.tr("Password again"))
        self.account = None

    def attempt(self) -> bool:
        """Create the account; refusals (a weak password, say) are shown."""
        name, password = self.user_edit.text().strip(), self.password_edit.text()
        if password != self.again_edit.text():
            self.show_error(
                self.tr("The two passwords differ; type the same one twice.")
            )
            return False

        def check() -> None:
            self.account = users.init_users(self.ws, name, password)

        return self._checked(check)


def open_workspace_interactively(
    settings: Settings,
    *,
    run: Callable[[QDialog], int] = QDialog.exec,
) -> Workspace | None:
    """Open the workspace named by ``settings``, asking what it needs.

    Args:
        settings: The session's settings.
        run: Shows a dialog and returns whether it was accepted (tests pass
            one that types into it).

    Returns:
        The open workspace, logged in where it has accounts; None when the
        user cancelled.

    Raises:
        WorkstationError: A clear workspace cannot be opened (locked, damaged).
    """
    if workspace_is_encrypted(settings.workspace_dir):
        unlock = PassphraseDialog(settings)
        if not run(unlock):
            log.info("opening %s cancelled at the passphrase", settings.workspace_dir)
            return None
        ws = unlock.workspace
    else:
        ws = Workspace(settings)
    if not ws.single_user:
        login = LoginDialog(ws)
        if not run(login):
            log.info("login to %s cancelled", ws.root)
            ws.close()
            return None
    return ws
