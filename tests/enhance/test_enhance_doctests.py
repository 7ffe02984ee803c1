"""The examples in the enhancement modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "workstation.services.enhance_editor",
    "workstation.vision.enhance.chain",
    "workstation.vision.enhance.deblur",
    "workstation.vision.enhance.encoding",
    "workstation.vision.enhance.params",
    "workstation.vision.enhance.pixels",
    "workstation.vision.enhance.tone",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(
        importlib.import_module(name), optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 0
    assert result.failed == 0
