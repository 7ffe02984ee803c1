"""Loading the interface translations (compiled Qt ``.qm`` files).

The sources are ``resources/translations/workstation_<locale>.ts``, written
with Qt Linguist and compiled with ``pyside6-lrelease`` (see the README in that
folder). Qt's own translations (standard buttons such as OK and Cancel) come
from the installed Qt when it ships them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workstation.domain.errors import WorkstationError
from workstation.resources import resource_path
from workstation.ui.preferences import LANGUAGES

log = logging.getLogger(__name__)

CATALOGUE = "workstation"

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str) -> str:
    """Translate the interface into ``language`` (``zh`` or ``en``).

    Translators installed by an earlier call are removed first, so the last
    call decides. Widgets made afterwards use the new language.

    Args:
        app: The running application.
        language: A key of :data:`workstation.ui.preferences.LANGUAGES`.

    Returns:
        The Qt locale name loaded, such as ``zh_CN``.

    Raises:
        WorkstationError: The language is unknown or its catalogue is missing.
    """
    if language not in LANGUAGES:
        raise WorkstationError(
            f"Unknown interface language {language!r}; use one of "
            f"{', '.join(LANGUAGES)}."
        )
    locale_name = LANGUAGES[language]
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    folder = resource_path("translations")
    ours = QTranslator(app)
    if not ours.load(f"{CATALOGUE}_{locale_name}", str(folder)):
        raise WorkstationError(
            f"The {locale_name} translation is missing from {folder}; reinstall "
            "the workstation."
        )
    app.installTranslator(ours)
    _installed.append(ours)

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(locale_name), "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(locale_name))
    log.info("interface language %s", locale_name)
    return locale_name


def remove_translations(app: QCoreApplication) -> None:
    """Go back to the untranslated (English) source texts."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English))
