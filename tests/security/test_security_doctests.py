"""The examples in the security modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "workstation.security.audit_anchor",
    "workstation.security.audit_chain",
    "workstation.security.csv_cells",
    "workstation.security.roles",
    "workstation.graph.interchange",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
