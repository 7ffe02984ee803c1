"""Fixtures shared by all tests: the real inputs and fresh workspaces."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["faces_fixtures"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only real inputs beside the project (see its README)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real test inputs not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def settings(tmp_path):
    from workstation.settings import Settings

    return Settings.from_environment(
        workspace_dir=tmp_path / "workspace", user_name="analyst.test"
    )


@pytest.fixture
def workspace(settings):
    from workstation.services.workspace import Workspace

    ws = Workspace(settings)
    yield ws
    ws.close()


@pytest.fixture
def case(workspace):
    from workstation.services.cases import create_case

    return create_case(workspace, "T-001", "测试案件：电话网络", kind="criminal")
