"""The layer rules of the design hold in the code, not only on paper."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    beside_python = Path(sys.executable).with_name("lint-imports")
    lint_imports = str(beside_python) if beside_python.exists() else None
    lint_imports = lint_imports or shutil.which("lint-imports")
    if lint_imports is None:
        pytest.fail("import-linter is not installed; install the dev extra")
    result = subprocess.run(
        [lint_imports], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_services_load_without_qt_or_duckdb_in_ui_terms():
    """Importing the CLI and every service pulls in no Qt."""
    code = (
        "import sys, workstation.cli, workstation.services.demo, "
        "workstation.services.evidence, workstation.services.cases; "
        "bad = [m for m in ('PySide6', 'pyqtgraph') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
