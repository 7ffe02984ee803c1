"""Starting the desktop on a workspace: passphrase, login, the first administrator.

Accounts and the encryption key use a cheaper scrypt cost than production
(n=2**12), as the security tests do; the dialogs and services are the real ones.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from screenshots import save_screenshot

from workstation.security import database_key, passwords
from workstation.security.passwords import ScryptCost
from workstation.security.roles import Role
from workstation.services.cases import create_case
from workstation.services.users import add_user, init_users
from workstation.services.workspace import Workspace
from workstation.store.audit_log import read_audit
from workstation.ui.fonts import install_cjk_fallback
from workstation.ui.main_window import MainWindow
from workstation.ui.session_dialogs import (
    CreateAdministratorDialog,
    LoginDialog,
    PassphraseDialog,
    open_workspace_interactively,
)
from workstation.ui.translations import install_translations

CHEAP = ScryptCost(n=2**12, r=8, p=1)
PASSPHRASE = "correct horse battery staple"
ADMIN_PASSWORD = "admin-password-1"
ANALYST_PASSWORD = "analyst-password-1"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    monkeypatch.setattr(passwords, "PASSWORD_COST", CHEAP)
    monkeypatch.setattr(database_key, "DATABASE_KEY_COST", CHEAP)


def make_locked(settings):
    """An encrypted workspace with case T-001, an administrator and analyst ana."""
    ws = Workspace(settings, passphrase=PASSPHRASE)
    create_case(ws, "T-001", "加密案件")
    init_users(ws, "admin", ADMIN_PASSWORD)
    add_user(ws, "ana", "analyst", ANALYST_PASSWORD)
    ws.close()
    return settings


@pytest.fixture
def locked(settings):
    return make_locked(settings)


def press_ok(dialog: QDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_wrong_passphrase_is_said_once_and_the_right_one_opens(qtbot, locked):
    dialog = PassphraseDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("correct horse battery stable")
    press_ok(dialog)
    assert dialog.isVisible() and dialog.workspace is None
    assert dialog.error_label.text() == (
        f"Wrong passphrase for the encrypted workspace "
        f"{locked.workspace_dir / 'workspace.duckdb'}; nothing was opened. "
        "Type it again (it is case-sensitive)."
    )
    dialog.passphrase_edit.setText(PASSPHRASE)
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ws = dialog.workspace
    assert ws.encrypted and not ws.single_user
    ws.close()


def test_a_wrong_password_shows_the_service_message_then_the_right_one_works(
    qtbot, locked
):
    ws = Workspace(locked, passphrase=PASSPHRASE)
    dialog = LoginDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user_edit.setText("ana")
    dialog.password_edit.setText("analyst-password-2")
    press_ok(dialog)
    assert dialog.isVisible() and ws.role is None
    assert dialog.error_label.text() == (
        f"Wrong user name or password for workspace {ws.root}; nothing was done. "
        "Try again, or ask an administrator."
    )
    assert dialog.password_edit.text() == ""
    failed = read_audit(ws.store)[-1]
    assert (failed.action, failed.details["reason"]) == (
        "login.failed",
        "wrong password",
    )

    dialog.password_edit.setText(ANALYST_PASSWORD)
    press_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (ws.user, ws.role) == ("ana", Role.ANALYST)
    assert read_audit(ws.store)[-1].action == "login"
    ws.close()


def typing(values: dict[str, str]):
    """A ``run`` for :func:`open_workspace_interactively` that types ``values``."""
    seen = []

    def run(dialog: QDialog) -> int:
        seen.append(type(dialog).__name__)
        for name, text in values.items():
            if hasattr(dialog, name):
                getattr(dialog, name).setText(text)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    return run, seen


def test_the_window_works_as_the_user_who_logged_in(qtbot, locked):
    run, seen = typing(
        {
            "passphrase_edit": PASSPHRASE,
            "user_edit": "ana",
            "password_edit": ANALYST_PASSWORD,
        }
    )
    ws = open_workspace_interactively(locked, run=run)
    assert seen == ["PassphraseDialog", "LoginDialog"]
    win = MainWindow(ws, "T-001")
    qtbot.addWidget(win)
    assert "ana (analyst)" in win.where_label.text()
    assert not win.menus.create_admin.isEnabled()

    # the worker's session shares the encrypted database and the login
    done = []
    win.runner.submit(
        "who",
        lambda s, p, c: (s.user, s.role, s.encrypted, s.case("T-001").title),
        done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert done == [("ana", Role.ANALYST, True, "加密案件")]
    win.close()
    ws.close()

    cancel_run, _ = typing({"passphrase_edit": PASSPHRASE})
    assert (
        open_workspace_interactively(
            locked, run=lambda d: False if isinstance(d, LoginDialog) else cancel_run(d)
        )
        is None
    )


def test_single_user_mode_offers_to_create_the_administrator(qtbot, workspace, case):
    win = MainWindow(workspace, "T-001")
    qtbot.addWidget(win)
    assert workspace.single_user
    assert "(single-user mode)" in win.where_label.text()
    assert win.menus.create_admin.isEnabled()

    dialog = win.create_administrator()
    dialog.user_edit.setText("chief")
    dialog.password_edit.setText("short")
    dialog.again_edit.setText("shorter")
    press_ok(dialog)
    assert "The two passwords differ" in dialog.error_label.text()
    dialog.again_edit.setText("short")
    press_ok(dialog)
    assert dialog.error_label.text() == (
        "The password for chief is 5 characters long; use at least 10."
    )
    assert workspace.single_user, "nothing changed"

    dialog.password_edit.setText(ADMIN_PASSWORD)
    dialog.again_edit.setText(ADMIN_PASSWORD)
    press_ok(dialog)
    assert not workspace.single_user
    assert (workspace.user, workspace.role) == ("chief", Role.ADMINISTRATOR)
    assert "chief (administrator)" in win.where_label.text()
    assert not win.menus.create_admin.isEnabled()
    assert [e.action for e in read_audit(workspace.store)][-1] == "user.init"

    done = []
    win.runner.submit("who", lambda s, p, c: (s.user, s.role), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert done == [("chief", Role.ADMINISTRATOR)]
    win.close()


@pytest.mark.slow
def test_session_dialogs_in_chinese(qtbot, qapp, settings, tmp_path, monkeypatch):
    # a relative workspace folder, so the pictures show no machine path
    monkeypatch.chdir(tmp_path)
    relative = dataclasses.replace(settings, workspace_dir=Path("CaseWorkstation"))
    locked = make_locked(relative)
    install_translations(qapp, "zh")
    install_cjk_fallback(qapp)
    unlock = PassphraseDialog(locked)
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.passphrase_edit.setText("wrong passphrase here")
    press_ok(unlock)
    assert unlock.windowTitle() == "加密工作区"
    save_screenshot(unlock, "passphrase-wrong")
    unlock.passphrase_edit.setText(PASSPHRASE)
    press_ok(unlock)

    login = LoginDialog(unlock.workspace)
    qtbot.addWidget(login)
    login.show()
    login.user_edit.setText("ana")
    login.password_edit.setText("not her password")
    press_ok(login)
    assert login.windowTitle() == "登录"
    assert login.error_label.text().startswith("Wrong user name or password")
    save_screenshot(login, "login-wrong")
    unlock.workspace.close()

    clear = Workspace(dataclasses.replace(locked, workspace_dir=Path("Clear")))
    create = CreateAdministratorDialog(clear)
    qtbot.addWidget(create)
    create.show()
    create.user_edit.setText("chief")
    create.password_edit.setText(ADMIN_PASSWORD)
    create.again_edit.setText("admin-password-2")
    press_ok(create)
    assert create.windowTitle() == "创建管理员"
    save_screenshot(create, "create-administrator")
    clear.close()
