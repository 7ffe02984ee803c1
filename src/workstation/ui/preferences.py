"""The desktop's stored preferences: a few :class:`Settings` fields kept in QSettings.

Each preference is a field of :class:`workstation.settings.Settings`, stored
under the field's own name, so the dataclass stays the one declaration of every
setting and its default. What the user saved in the Settings dialog replaces the
default; a value given on the command line (anything other than the default)
wins over what was saved. The interface language is the ``language`` field:
``zh`` or ``en``; when none was saved, the system locale decides.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings

from workstation.settings import Settings

log = logging.getLogger(__name__)

ORGANIZATION = "CaseWorkstation"
APPLICATION = "Case Workstation"

#: The Settings fields the Settings dialog edits, in the dialog's order.
PREFERENCE_FIELDS = (
    "workspace_dir",
    "model_pack",
    "force_cpu",
    "language",
    "face_threshold",
)
#: Interface languages: Settings.language value -> Qt locale name.
LANGUAGES = {"zh": "zh_CN", "en": "en"}

_TYPES = {f.name: f.type for f in dataclasses.fields(Settings)}


def qsettings() -> QSettings:
    """The workstation's QSettings (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        ORGANIZATION,
        APPLICATION,
    )


def _typed(name: str, value: Any) -> Any:
    """A stored value (INI files keep text) as the Settings field's type."""
    kind = str(_TYPES[name])
    if "bool" in kind:
        return value is True or str(value).strip().lower() in ("true", "1", "yes")
    if "float" in kind:
        return float(value)
    if "Path" in kind:
        return Path(str(value)).expanduser()
    return str(value)


def stored_preferences(store: QSettings | None = None) -> dict[str, Any]:
    """The preferences the user saved, typed; fields never saved are left out."""
    store = store or qsettings()
    found = {}
    for name in PREFERENCE_FIELDS:
        if not store.contains(name):
            continue
        try:
            found[name] = _typed(name, store.value(name))
        except (TypeError, ValueError):
            log.warning("ignoring the saved %s %r", name, store.value(name))
    if found.get("language") not in (None, *LANGUAGES):
        found.pop("language")
    return found


def save_preferences(values: dict[str, Any], store: QSettings | None = None) -> None:
    """Save preferences (Settings field name -> value).

    Raises:
        KeyError: A name is not one of :data:`PREFERENCE_FIELDS`.
    """
    store = store or qsettings()
    for name, value in values.items():
        if name not in PREFERENCE_FIELDS:
            raise KeyError(f"{name} is not a preference")
        store.setValue(name, str(value) if isinstance(value, Path) else value)
    store.sync()
    log.info("saved preferences: %s", ", ".join(sorted(values)))


def system_language() -> str:
    """``zh`` when the system locale is Chinese, else ``en``."""
    chinese = QLocale.system().language() == QLocale.Language.Chinese
    return "zh" if chinese else "en"


def with_preferences(settings: Settings, store: QSettings | None = None) -> Settings:
    """``settings`` with the saved preferences applied.

    A field the command line or the environment set (its value differs from
    the plain default) keeps its value; the language follows the system locale
    when none was saved.

    Args:
        settings: The session's settings, from the command line.
        store: Where preferences are kept (the user's QSettings when None).

    Returns:
        The settings to run with.
    """
    defaults = Settings.from_environment(user_name=settings.user_name)
    plain = {f.name: f.default for f in dataclasses.fields(Settings)}
    saved = stored_preferences(store)
    saved.setdefault("language", system_language())
    changes = {}
    for name, value in saved.items():
        current = getattr(settings, name)
        untouched = current == getattr(defaults, name)
        if name == "language":
            untouched = current == plain["language"]
        if untouched and current != value:
            changes[name] = value
    return dataclasses.replace(settings, **changes) if changes else settings
