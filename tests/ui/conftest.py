"""UI test isolation: each test gets its own QSettings file and no translation."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path, qapp):
    """Preferences and recent cases go to a fresh folder, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder)
    )
    yield folder


@pytest.fixture(autouse=True)
def untranslated(qapp):
    """Tests see the English source texts unless they install a language."""
    from workstation.ui.translations import remove_translations

    remove_translations(qapp)
    yield
    remove_translations(qapp)
