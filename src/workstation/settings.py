"""Every setting declared once, typed, with its default and environment override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def default_workspace_dir() -> Path:
    return Path(
        os.environ.get("WORKSTATION_HOME", Path.home() / "CaseWorkstation")
    ).expanduser()


def default_models_dir() -> Path:
    """Model packs live in the checkout's ``models/`` or the user's data folder."""
    env = os.environ.get("WORKSTATION_MODELS")
    if env:
        return Path(env).expanduser()
    checkout_models = _PROJECT_ROOT / "models"
    if (checkout_models / "README.md").exists():
        return checkout_models
    data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share"))
    return data_home / "case-workstation" / "models"


@dataclass(frozen=True)
class Settings:
    """Settings in force for one session."""

    workspace_dir: Path
    models_dir: Path
    model_pack: str = "default"
    force_cpu: bool = False
    face_threshold: float = 0.30
    top_k: int = 20
    language: str = "zh"
    user_name: str = ""

    @classmethod
    def from_environment(cls, **overrides) -> Settings:
        values = {
            "workspace_dir": default_workspace_dir(),
            "models_dir": default_models_dir(),
            "model_pack": os.environ.get("WORKSTATION_MODEL_PACK", "default"),
            "force_cpu": os.environ.get("WORKSTATION_FORCE_CPU", "") == "1",
            "user_name": os.environ.get("WORKSTATION_USER", "") or _os_user(),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["workspace_dir"] = Path(values["workspace_dir"]).expanduser()
        values["models_dir"] = Path(values["models_dir"]).expanduser()
        return cls(**values)


def _os_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def os_user() -> str:
    return _os_user()
