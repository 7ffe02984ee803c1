"""The examples in the report modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "workstation.graph.timeline",
    "workstation.reports.candidate_table",
    "workstation.reports.pdf_parts",
    "workstation.reports.record_sections",
    "workstation.reports.report_digest",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
